// vm/ops.cpp — Python's abstract operations: the slot dispatch behind every operator.
//
// Stage: interpreter slow paths, builtins and stdlib call these (vm/ops.h).
//
// Each operation first handles the immediate Values (None, bool, int, float) and the
// exact builtin str, then dispatches through the operand types' slots following
// CPython's protocol (reflected operands, subclass priority, NotImplemented).
//
// Invariants: ops.h I1–I3.
#include "vm/ops.h"
#include "vm/seq_util.h"

#include <cstdio>
#include <cstring>

#include "vm/builtin_types.h"
#include "vm/numfmt.h"
#include "vm/number_ops.h"

namespace pyjitvm::vm {

// ------------------------------------------------------------------ names
const char* type_name(VM& vm, const Value& v) { return vm.type_of(v)->name->data(); }

const char* binop_symbol(BinOp op) {
  static const char* const kSyms[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>",
                                      "&", "|", "^"};
  return kSyms[static_cast<int>(op)];
}

const char* binop_dunder(BinOp op, bool reflected, bool inplace) {
  static const char* const kNames[] = {"add", "sub", "mul", "matmul", "truediv",
                                       "floordiv", "mod", "pow", "lshift", "rshift",
                                       "and", "or", "xor"};
  static const char* const kFull[3][13] = {
      {"__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__",
       "__mod__", "__pow__", "__lshift__", "__rshift__", "__and__", "__or__", "__xor__"},
      {"__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rfloordiv__",
       "__rmod__", "__rpow__", "__rlshift__", "__rrshift__", "__rand__", "__ror__",
       "__rxor__"},
      {"__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__ifloordiv__",
       "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ior__",
       "__ixor__"}};
  (void)kNames;
  return kFull[inplace ? 2 : reflected ? 1 : 0][static_cast<int>(op)];
}

const char* cmpop_symbol(CmpOp op) {
  static const char* const kSyms[] = {"<", "<=", "==", "!=", ">", ">="};
  return kSyms[static_cast<int>(op)];
}

namespace {

bool is_exact(VM& vm, const Value& v, Type* t) { return v.is_obj() && v.as_obj()->type == t; }

CmpOp swapped(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return CmpOp::Gt;
    case CmpOp::Le: return CmpOp::Ge;
    case CmpOp::Gt: return CmpOp::Lt;
    case CmpOp::Ge: return CmpOp::Le;
    default: return op;
  }
}

bool is_not_implemented(VM& vm, const Value& v) { return v.identical(vm.not_implemented()); }

bool has_dict(const Object* o) {
  switch (o->kind) {
    case Kind::Instance:
    case Kind::Exception:
    case Kind::Function:
    case Kind::Module:
    case Kind::Type: return true;
    default: return false;
  }
}

}  // namespace

// ------------------------------------------------------------------ text
Value repr(VM& vm, Value v) {
  switch (v.tag) {
    case Tag::None: return Value::from_obj(vm.intern("None"));
    case Tag::Bool: return Value::from_obj(vm.intern(v.as_bool() ? "True" : "False"));
    case Tag::Int: return vm.str(int_to_string(v));
    case Tag::Float: return vm.str(float_repr(v.as_float()));
    case Tag::Obj: {
      Type* t = v.as_obj()->type;
      if (t->slots.repr) return t->slots.repr(vm, v);
      return vm.raise_fmt(vm.exc().TypeError, "cannot repr '%s' object", t->name->data());
    }
    case Tag::Undef: break;
  }
  return vm.raise(vm.exc().SystemError, "repr of an unbound value");
}

Value to_str(VM& vm, Value v) {
  if (v.is_obj()) {
    Type* t = v.as_obj()->type;
    if (t == vm.types().str) return v;
    if (t->slots.str) return t->slots.str(vm, v);
  }
  return repr(vm, v);
}

Value ascii(VM& vm, Value v) {
  Value r = repr(vm, v);
  if (failed(r)) return r;
  std::string_view s = as_str(r)->view();
  if (as_str(r)->is_ascii()) return r;
  std::string out;
  for (size_t p = 0; p < s.size();) {
    uint32_t cp = utf8_decode(s, p);
    char buf[16];
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    if (cp <= 0xFF)
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp <= 0xFFFF)
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else
      std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    out += buf;
  }
  return vm.str(out);
}

bool repr_append(VM& vm, Value v, std::string& out) {
  if (v.is_int()) {
    out += int_to_string(v);
    return true;
  }
  if (v.is_float()) {
    out += float_repr(v.as_float());
    return true;
  }
  Value s = repr(vm, v);
  if (failed(s)) return false;
  out += as_str(s)->view();
  return true;
}

bool str_append(VM& vm, Value v, std::string& out) {
  if (v.is_obj() && v.as_obj()->type == vm.types().str) {
    out += as_str(v)->view();
    return true;
  }
  Value s = to_str(vm, v);
  if (failed(s)) return false;
  out += as_str(s)->view();
  return true;
}

Value format(VM& vm, Value v, Str* spec) {
  Type* t = vm.type_of(v);
  if (t->slots.format) return t->slots.format(vm, v, spec);
  if (spec->nbytes == 0) return to_str(vm, v);
  return vm.raise_fmt(vm.exc().TypeError, "unsupported format string passed to %s.__format__",
                      t->name->data());
}

// ------------------------------------------------------------------ truth
int truthy(VM& vm, Value v) {
  switch (v.tag) {
    case Tag::None: return 0;
    case Tag::Bool: return v.as_bool();
    case Tag::Int: return v.as_int() != 0;
    case Tag::Float: return v.as_float() != 0.0;
    case Tag::Undef: return 0;
    case Tag::Obj: break;
  }
  Object* o = v.as_obj();
  Type* t = o->type;
  const Types& T = vm.types();
  if (t == T.str) return static_cast<Str*>(o)->nbytes != 0;
  if (t == T.list) return static_cast<List*>(o)->len != 0;
  if (t == T.tuple) return static_cast<Tuple*>(o)->len != 0;
  if (t == T.dict) return static_cast<Dict*>(o)->len != 0;
  if (t->slots.truth) return t->slots.truth(vm, v);
  if (t->slots.len) {
    int64_t n;
    if (!t->slots.len(vm, v, n)) return -1;
    return n != 0;
  }
  return 1;
}

Value logical_not(VM& vm, Value v) {
  int t = truthy(vm, v);
  if (t < 0) return Value();
  return Value::from_bool(!t);
}

// ------------------------------------------------------------------ comparison
Value compare(VM& vm, Value a, Value b, CmpOp op) {
  if (is_exact_number(a) && is_exact_number(b)) {
    bool complex_a = is_kind(a, Kind::Complex), complex_b = is_kind(b, Kind::Complex);
    if (!complex_a && !complex_b) return number_compare(vm, a, b, op);
  }
  Type* ta = vm.type_of(a);
  Type* tb = vm.type_of(b);
  bool reflected_first = ta != tb && tb->is_subtype_of(ta) && tb->slots.richcompare &&
                         tb->slots.richcompare != ta->slots.richcompare;
  if (reflected_first) {
    Value r = tb->slots.richcompare(vm, b, a, swapped(op));
    if (failed(r) || !is_not_implemented(vm, r)) return r;
  }
  if (ta->slots.richcompare) {
    Value r = ta->slots.richcompare(vm, a, b, op);
    if (failed(r) || !is_not_implemented(vm, r)) return r;
  }
  if (!reflected_first && tb->slots.richcompare) {
    Value r = tb->slots.richcompare(vm, b, a, swapped(op));
    if (failed(r) || !is_not_implemented(vm, r)) return r;
  }
  if (op == CmpOp::Eq) return Value::from_bool(a.identical(b));
  if (op == CmpOp::Ne) return Value::from_bool(!a.identical(b));
  return vm.raise_fmt(vm.exc().TypeError, "'%s' not supported between instances of '%s' and '%s'",
                      cmpop_symbol(op), ta->name->data(), tb->name->data());
}

int compare_bool(VM& vm, Value a, Value b, CmpOp op) {
  Value r = compare(vm, a, b, op);
  if (failed(r)) return -1;
  if (r.is_bool()) return r.as_bool();
  return truthy(vm, r);
}

int equal(VM& vm, Value a, Value b) {
  if (a.identical(b)) return 1;
  if (a.tag == Tag::Obj && b.tag == Tag::Obj) {
    Object* x = a.as_obj();
    Object* y = b.as_obj();
    if (x->type == vm.types().str && y->type == vm.types().str)
      return str_equal(static_cast<Str*>(x), static_cast<Str*>(y));
  }
  return compare_bool(vm, a, b, CmpOp::Eq);
}

bool hash(VM& vm, Value v, int64_t& out) {
  switch (v.tag) {
    case Tag::None: out = 0x5f3759df; return true;
    case Tag::Bool: out = v.as_bool() ? 1 : 0; return true;
    case Tag::Int: out = int_hash(v); return true;
    case Tag::Float: out = float_hash(v.as_float()); return true;
    case Tag::Undef: out = 0; return true;
    case Tag::Obj: break;
  }
  Object* o = v.as_obj();
  if (o->type == vm.types().str) {
    out = str_hash(static_cast<Str*>(o));
    return true;
  }
  if (o->type->slots.hash) return o->type->slots.hash(vm, v, out);
  vm.raise_fmt(vm.exc().TypeError, "unhashable type: '%s'", o->type->name->data());
  return false;
}

bool hash_unhashable(VM& vm, Value v, int64_t&) {
  vm.raise_fmt(vm.exc().TypeError, "unhashable type: '%s'", type_name(vm, v));
  return false;
}

// ------------------------------------------------------------------ numbers
namespace {

Value binop_dispatch(VM& vm, BinOp op, Value a, Value b) {
  Type* ta = vm.type_of(a);
  Type* tb = vm.type_of(b);
  auto slot_a = ta->slots.binop;
  auto slot_b = tb == ta ? nullptr : tb->slots.binop;
  if (slot_b == slot_a) slot_b = nullptr;
  if (slot_b && tb->is_subtype_of(ta)) {
    Value r = slot_b(vm, op, a, b, true);
    if (failed(r) || !is_not_implemented(vm, r)) return r;
    slot_b = nullptr;
  }
  if (slot_a) {
    Value r = slot_a(vm, op, a, b, false);
    if (failed(r) || !is_not_implemented(vm, r)) return r;
  }
  if (slot_b) {
    Value r = slot_b(vm, op, a, b, true);
    if (failed(r) || !is_not_implemented(vm, r)) return r;
  }
  return vm.not_implemented();
}

bool is_sequence_for_repeat(VM& vm, const Value& v) {
  if (!v.is_obj()) return false;
  Kind k = v.as_obj()->kind;
  return k == Kind::List || k == Kind::Tuple || k == Kind::Str;
}

Value binop_error(VM& vm, BinOp op, Value a, Value b, bool inplace) {
  if (op == BinOp::Mul && (is_sequence_for_repeat(vm, a) || is_sequence_for_repeat(vm, b))) {
    Value other = is_sequence_for_repeat(vm, a) ? b : a;
    return vm.raise_fmt(vm.exc().TypeError, "can't multiply sequence by non-int of type '%s'",
                        type_name(vm, other));
  }
  if (op == BinOp::Add && !inplace && (is_kind(a, Kind::List) || is_kind(a, Kind::Tuple))) {
    const char* seq = is_kind(a, Kind::List) ? "list" : "tuple";
    return vm.raise_fmt(vm.exc().TypeError, "can only concatenate %s (not \"%s\") to %s", seq,
                        type_name(vm, b), seq);
  }
  std::string sym = binop_symbol(op);
  if (inplace) sym += "=";
  if (op == BinOp::Pow && !inplace) sym = "** or pow()";
  return vm.raise_fmt(vm.exc().TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                      sym.c_str(), type_name(vm, a), type_name(vm, b));
}

}  // namespace

Value binary_op(VM& vm, BinOp op, Value a, Value b) {
  if (is_exact_number(a) && is_exact_number(b)) return number_binop(vm, op, a, b);
  Value r = binop_dispatch(vm, op, a, b);
  if (failed(r) || !is_not_implemented(vm, r)) return r;
  return binop_error(vm, op, a, b, false);
}

Value inplace_op(VM& vm, BinOp op, Value a, Value b) {
  if (a.is_obj()) {
    Type* ta = a.as_obj()->type;
    if (ta->slots.inplace) {
      Value r = ta->slots.inplace(vm, op, a, b);
      if (failed(r) || !is_not_implemented(vm, r)) return r;
    }
  }
  if (is_exact_number(a) && is_exact_number(b)) return number_binop(vm, op, a, b);
  Value r = binop_dispatch(vm, op, a, b);
  if (failed(r) || !is_not_implemented(vm, r)) return r;
  return binop_error(vm, op, a, b, true);
}

Value unary_op(VM& vm, UnOp op, Value v) {
  if (is_exact_number(v)) return number_unop(vm, op, v);
  Type* t = vm.type_of(v);
  if (t->slots.unop) {
    Value r = t->slots.unop(vm, op, v);
    if (failed(r) || !is_not_implemented(vm, r)) return r;
  }
  static const char* const kSym[] = {"-", "+", "~"};
  return vm.raise_fmt(vm.exc().TypeError, "bad operand type for unary %s: '%s'",
                      kSym[static_cast<int>(op)], t->name->data());
}

bool index_of(VM& vm, Value v, int64_t& out) {
  if (v.is_int()) {
    out = v.as_int();
    return true;
  }
  if (v.is_bool()) {
    out = v.as_bool();
    return true;
  }
  if (is_kind(v, Kind::BigInt)) {
    vm.raise_fmt(vm.exc().IndexError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (v.is_obj()) {
    Value m = lookup_in_mro(v.as_obj()->type, vm.names().index);
    if (!m.is_undef()) {
      Value r = vm.call(m, {v});
      if (failed(r)) return false;
      if (r.is_int()) {
        out = r.as_int();
        return true;
      }
      vm.raise_fmt(vm.exc().TypeError, "__index__ returned non-int (type %s)", type_name(vm, r));
      return false;
    }
  }
  vm.raise_fmt(vm.exc().TypeError, "'%s' object cannot be interpreted as an integer",
               type_name(vm, v));
  return false;
}

bool to_double(VM& vm, Value v, double& out) {
  switch (v.tag) {
    case Tag::Float: out = v.as_float(); return true;
    case Tag::Int: out = static_cast<double>(v.as_int()); return true;
    case Tag::Bool: out = v.as_bool(); return true;
    default: break;
  }
  if (is_kind(v, Kind::BigInt)) return int_to_double(vm, v, out);
  if (v.is_obj()) {
    Value m = lookup_in_mro(v.as_obj()->type, vm.names().float_);
    if (!m.is_undef()) {
      Value r = vm.call(m, {v});
      if (failed(r)) return false;
      if (r.is_float()) {
        out = r.as_float();
        return true;
      }
    }
  }
  vm.raise_fmt(vm.exc().TypeError, "must be real number, not %s", type_name(vm, v));
  return false;
}

// ------------------------------------------------------------------ attributes
Value lookup_in_mro(const Type* type, Str* name) {
  for (const Type* t : type->mro) {
    if (!t->dict) continue;
    Value v = dict_get_str(t->dict, name);
    if (!v.is_undef()) return v;
  }
  return Value();
}

Value attribute_error(VM& vm, Value obj, Str* name) {
  if (is_kind(obj, Kind::Module))
    return vm.raise_fmt(vm.exc().AttributeError, "module '%s' has no attribute '%s'",
                        as_module(obj)->name->data(), name->data());
  if (is_kind(obj, Kind::Type))
    return vm.raise_fmt(vm.exc().AttributeError, "type object '%s' has no attribute '%s'",
                        as_type(obj)->name->data(), name->data());
  return vm.raise_fmt(vm.exc().AttributeError, "'%s' object has no attribute '%s'",
                      type_name(vm, obj), name->data());
}

Value generic_getattr(VM& vm, Value obj, Str* name) {
  Type* t = vm.type_of(obj);
  std::string_view n = name->view();
  if ((n.size() == 8 || n.size() == 9) && n[0] == '_') {
    if (n == "__class__") return Value::from_obj(t);
    if (n == "__dict__" && obj.is_obj() && has_dict(obj.as_obj())) {
      auto* o = static_cast<DictObject*>(obj.as_obj());
      if (!o->dict) o->dict = vm.new_dict();
      return Value::from_obj(o->dict);
    }
  }
  Value descr = lookup_in_mro(t, name);
  Type* dt = nullptr;
  if (descr.is_obj()) {
    dt = descr.as_obj()->type;
    if (dt->slots.descr_set && dt->slots.descr_get) return dt->slots.descr_get(vm, descr, obj, t);
  }
  if (obj.is_obj() && has_dict(obj.as_obj())) {
    Dict* d = static_cast<DictObject*>(obj.as_obj())->dict;
    if (d) {
      Value v = dict_get_str(d, name);
      if (!v.is_undef()) return v;
    }
  }
  if (!descr.is_undef()) {
    if (dt && dt->slots.descr_get) return dt->slots.descr_get(vm, descr, obj, t);
    return descr;
  }
  return attribute_error(vm, obj, name);
}

bool generic_setattr(VM& vm, Value obj, Str* name, Value v) {
  Type* t = vm.type_of(obj);
  Value descr = lookup_in_mro(t, name);
  if (descr.is_obj() && descr.as_obj()->type->slots.descr_set)
    return descr.as_obj()->type->slots.descr_set(vm, descr, obj, v);
  if (obj.is_obj() && has_dict(obj.as_obj())) {
    auto* o = static_cast<DictObject*>(obj.as_obj());
    if (v.is_undef()) {
      if (o->dict && dict_del_str(o->dict, name)) return true;
      attribute_error(vm, obj, name);
      return false;
    }
    if (!o->dict) o->dict = vm.new_dict();
    dict_set_str(vm.heap(), o->dict, name, v);
    return true;
  }
  if (!descr.is_undef())
    vm.raise_fmt(vm.exc().AttributeError, "'%s' object attribute '%s' is read-only",
                 t->name->data(), name->data());
  else
    vm.raise_fmt(vm.exc().AttributeError, "'%s' object has no attribute '%s'", t->name->data(),
                 name->data());
  return false;
}

Value getattr(VM& vm, Value obj, Str* name) {
  Type* t = vm.type_of(obj);
  if (t->slots.getattr) return t->slots.getattr(vm, obj, name);
  return generic_getattr(vm, obj, name);
}

Value getattr_or_undef(VM& vm, Value obj, Str* name) {
  Value v = getattr(vm, obj, name);
  if (failed(v) && vm.pending_matches(vm.exc().AttributeError)) vm.clear_pending();
  return v;
}

bool setattr(VM& vm, Value obj, Str* name, Value v) {
  Type* t = vm.type_of(obj);
  if (t->slots.setattr) return t->slots.setattr(vm, obj, name, v);
  return generic_setattr(vm, obj, name, v);
}

bool delattr(VM& vm, Value obj, Str* name) { return setattr(vm, obj, name, Value()); }

// ------------------------------------------------------------------ items
Value getitem(VM& vm, Value obj, Value key) {
  Type* t = vm.type_of(obj);
  if (t->slots.getitem) return t->slots.getitem(vm, obj, key);
  if (is_kind(obj, Kind::Type)) {
    Value m = lookup_in_mro(as_type(obj), vm.names().class_getitem);
    if (!m.is_undef()) return vm.call(m, {obj, key});
    return vm.raise_fmt(vm.exc().TypeError, "type '%s' is not subscriptable",
                        as_type(obj)->name->data());
  }
  return vm.raise_fmt(vm.exc().TypeError, "'%s' object is not subscriptable", t->name->data());
}

bool setitem(VM& vm, Value obj, Value key, Value v) {
  Type* t = vm.type_of(obj);
  if (t->slots.setitem) return t->slots.setitem(vm, obj, key, v);
  vm.raise_fmt(vm.exc().TypeError, "'%s' object does not support item assignment",
               t->name->data());
  return false;
}

bool delitem(VM& vm, Value obj, Value key) {
  Type* t = vm.type_of(obj);
  if (t->slots.setitem) return t->slots.setitem(vm, obj, key, Value());
  vm.raise_fmt(vm.exc().TypeError, "'%s' object doesn't support item deletion",
               t->name->data());
  return false;
}

bool length(VM& vm, Value v, int64_t& out) {
  Type* t = vm.type_of(v);
  if (t->slots.len) return t->slots.len(vm, v, out);
  vm.raise_fmt(vm.exc().TypeError, "object of type '%s' has no len()", t->name->data());
  return false;
}

int contains(VM& vm, Value container, Value item) {
  Type* t = vm.type_of(container);
  if (t->slots.contains) return t->slots.contains(vm, container, item);
  if (!t->slots.iter && !t->slots.getitem) {
    vm.raise_fmt(vm.exc().TypeError, "argument of type '%s' is not iterable", t->name->data());
    return -1;
  }
  int found = 0;
  bool ok = for_each(vm, container, [&](Value x) {
    int eq = equal(vm, x, item);
    if (eq < 0) return false;
    if (eq) {
      found = 1;
      return false;  // stop: no exception pending
    }
    return true;
  });
  if (found) return 1;
  return ok ? 0 : -1;
}

// ------------------------------------------------------------------ iteration
Value get_iter(VM& vm, Value v) {
  Type* t = vm.type_of(v);
  if (t->slots.iter) return t->slots.iter(vm, v);
  if (t->slots.getitem && v.is_obj()) {
    // the old sequence protocol: __getitem__ with 0, 1, 2, ... until IndexError
    return make_seq_iter(vm, v);
  }
  return vm.raise_fmt(vm.exc().TypeError, "'%s' object is not iterable", t->name->data());
}

Value iter_next(VM& vm, Value it) {
  Type* t = vm.type_of(it);
  if (t->slots.next) return t->slots.next(vm, it);
  return vm.raise_fmt(vm.exc().TypeError, "'%s' object is not an iterator", t->name->data());
}

// ------------------------------------------------------------------ types
bool isinstance(VM& vm, Value v, Type* t) { return vm.type_of(v)->is_subtype_of(t); }

int isinstance_check(VM& vm, Value v, Value classinfo) {
  if (is_kind(classinfo, Kind::Type)) return isinstance(vm, v, as_type(classinfo));
  if (is_kind(classinfo, Kind::Tuple)) {
    Tuple* tu = as_tuple(classinfo);
    for (size_t i = 0; i < tu->len; ++i) {
      int r = isinstance_check(vm, v, (*tu)[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  vm.raise(vm.exc().TypeError,
           "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return -1;
}

bool is_callable(VM& vm, Value v) {
  if (!v.is_obj()) return false;
  switch (v.as_obj()->kind) {
    case Kind::Function:
    case Kind::NativeFunction:
    case Kind::BoundMethod:
    case Kind::Type: return true;
    default: return vm.type_of(v)->slots.call != nullptr;
  }
}

}  // namespace pyjitvm::vm
