// vm/interp_slow.cpp — slow paths of the dispatch loop: generic arithmetic and
// comparison, global/attribute lookups with inline-cache refill, container building,
// unpacking, function creation, raising, and the generic for-loop protocol.
//
// Stage: called from vm/interp.cpp (see vm/interp_internal.h).
//
// Invariants: interp_internal.h I1. Inline caches are only (re)filled here, after a
// successful generic lookup, and only with entries whose validity the interpreter's
// fast path re-checks (type + version, dict + layout_version).
#include <cmath>
#include <string>
#include <vector>

#include "vm/builtin_types.h"
#include "vm/class_object.h"
#include "vm/errors.h"
#include "vm/interp_internal.h"
#include "vm/number_ops.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::vm {

namespace {

BinOp binop_for(Op op) {
  switch (op) {
    case Op::ADD: case Op::ADDK: return BinOp::Add;
    case Op::SUB: case Op::SUBK: return BinOp::Sub;
    case Op::MUL: case Op::MULK: return BinOp::Mul;
    case Op::TRUEDIV: return BinOp::TrueDiv;
    case Op::FLOORDIV: return BinOp::FloorDiv;
    case Op::MOD: return BinOp::Mod;
    case Op::POW: return BinOp::Pow;
    case Op::MATMUL: return BinOp::MatMul;
    case Op::LSHIFT: return BinOp::LShift;
    case Op::RSHIFT: return BinOp::RShift;
    case Op::BAND: return BinOp::And;
    case Op::BOR: return BinOp::Or;
    default: return BinOp::Xor;
  }
}

CmpOp cmpop_for(Op op) {
  switch (op) {
    case Op::LT: case Op::JNLT: return CmpOp::Lt;
    case Op::LE: case Op::JNLE: return CmpOp::Le;
    case Op::EQ: case Op::JNEQ: return CmpOp::Eq;
    case Op::NE: case Op::JNNE: return CmpOp::Ne;
    case Op::GT: case Op::JNGT: return CmpOp::Gt;
    default: return CmpOp::Ge;
  }
}

}  // namespace

namespace {

bool is_plain_number(Value v) { return v.is_int() || v.is_float() || v.is_bool(); }
double plain_to_double(Value v) {
  return v.is_float() ? v.as_float() : v.is_int() ? static_cast<double>(v.as_int()) : v.as_bool();
}

// x / 0, x // 0 and x % 0 in njit code: Numba's ZeroDivisionError wording, or with
// error_model="numpy" (kProtoNumbaNumpyErrors) NumPy's results: IEEE inf/nan for
// floats (and for true division of ints), 0 for integer // and %.
bool numba_zero_division(VM& vm, const Proto* p, BinOp op, Value a, Value b, Value& out) {
  if (op != BinOp::TrueDiv && op != BinOp::FloorDiv && op != BinOp::Mod) return false;
  if (!is_plain_number(a) || !is_plain_number(b) || plain_to_double(b) != 0.0) return false;
  const bool ints = !a.is_float() && !b.is_float();
  if (!(p->proto_flags & kProtoNumbaNumpyErrors)) {
    const char* msg = op == BinOp::TrueDiv ? "division by zero"
                      : op == BinOp::FloorDiv ? (ints ? "integer division by zero" : "division by zero")
                                              : (ints ? "integer modulo by zero" : "modulo by zero");
    out = vm.raise(vm.exc().ZeroDivisionError, msg);
    return true;
  }
  const double x = plain_to_double(a);
  if (op == BinOp::TrueDiv) out = Value::from_float(x / 0.0);
  else if (ints) out = Value::from_int(0);
  else if (op == BinOp::FloorDiv) out = Value::from_float(x == 0.0 || x != x ? std::nan("") : x / 0.0);
  else out = Value::from_float(std::nan(""));
  return true;
}

}  // namespace

// numba.njit semantics (bytecode.h kProtoNumba): int64 + - * << and ** wrap around;
// division by zero as numba_zero_division() says.
bool numba_int_arith(VM& vm, BinOp op, Value a, Value b, Value& out) {
  if (vm.frames().empty()) return false;
  const Proto* p = vm.frames().back().proto;
  if (!p || !(p->proto_flags & kProtoNumba)) return false;
  if (numba_zero_division(vm, p, op, a, b, out)) return true;
  if (!a.is_int() || !b.is_int()) return false;
  uint64_t x = static_cast<uint64_t>(a.as_int()), y = static_cast<uint64_t>(b.as_int());
  switch (op) {
    case BinOp::Add: out = Value::from_int(static_cast<int64_t>(x + y)); return true;
    case BinOp::Sub: out = Value::from_int(static_cast<int64_t>(x - y)); return true;
    case BinOp::Mul: out = Value::from_int(static_cast<int64_t>(x * y)); return true;
    case BinOp::LShift:
      if (b.as_int() < 0 || b.as_int() >= 64) return false;
      out = Value::from_int(static_cast<int64_t>(x << y));
      return true;
    case BinOp::Pow: {
      if (b.as_int() < 0) return false;
      uint64_t r = 1, base = x, e = y;
      while (e) {
        if (e & 1) r *= base;
        base *= base;
        e >>= 1;
      }
      out = Value::from_int(static_cast<int64_t>(r));
      return true;
    }
    default: return false;
  }
}

Value arith_slow(VM& vm, Op op, Value a, Value b, bool inplace) {
  BinOp bop = binop_for(op);
  Value wrapped;
  if (numba_int_arith(vm, bop, a, b, wrapped)) return wrapped;
  if (inplace) return inplace_op(vm, bop, a, b);
  return binary_op(vm, bop, a, b);
}

Value compare_slow(VM& vm, Op op, Value a, Value b) {
  if (op == Op::IN || op == Op::NOTIN) {
    int r = contains(vm, b, a);
    if (r < 0) return Value();
    return Value::from_bool(op == Op::IN ? r : !r);
  }
  return compare(vm, a, b, cmpop_for(op));
}

int compare_branch_slow(VM& vm, Op op, Value a, Value b) {
  return compare_bool(vm, a, b, cmpop_for(op));
}

Value unary_slow(VM& vm, Op op, Value v) {
  return unary_op(vm, op == Op::NEG ? UnOp::Neg : op == Op::POS ? UnOp::Pos : UnOp::Invert, v);
}

// ------------------------------------------------------------------ names
Value name_error(VM& vm, Str* name) {
  return vm.raise_fmt(vm.exc().NameError, "name '%s' is not defined", name->data());
}

Value unbound_local(VM& vm, Str* name) {
  return vm.raise_fmt(vm.exc().UnboundLocalError,
                      "cannot access local variable '%s' where it is not associated with a value",
                      name->data());
}

Value unbound_free(VM& vm, Str* name) {
  return vm.raise_fmt(vm.exc().NameError,
                      "cannot access free variable '%s' where it is not associated with a value "
                      "in enclosing scope",
                      name->data());
}

Value load_global_slow(VM& vm, Dict* globals, InlineCache& c) {
  int32_t ix = dict_find_str(globals, c.name);
  if (ix >= 0) {
    c.kind = 1;
    c.version = globals->layout_version;
    c.value = Value::from_obj(globals);
    c.index = ix;
    return globals->entries[ix].value;
  }
  Dict* b = vm.builtins()->dict;
  ix = dict_find_str(b, c.name);
  if (ix >= 0) {
    c.kind = 2;
    c.version = globals->layout_version;
    c.version2 = b->layout_version;
    c.value = Value::from_obj(globals);
    c.index = ix;
    return b->entries[ix].value;
  }
  return name_error(vm, c.name);
}

Value load_name(VM& vm, const Frame& f, Str* name) {
  if (f.locals) {
    Value v = dict_get_str(f.locals, name);
    if (!v.is_undef()) return v;
  }
  Value v = dict_get_str(f.globals, name);
  if (!v.is_undef()) return v;
  v = dict_get_str(vm.builtins()->dict, name);
  if (!v.is_undef()) return v;
  return name_error(vm, name);
}

// ------------------------------------------------------------------ attributes
namespace {

// True when attribute `name` on instances of `t` resolves through the instance dict
// without any data descriptor in the way (so the dict-index cache is sound).
bool plain_instance_attr(VM& vm, Type* t, Str* name) {
  if (t->slots.getattr && t->slots.getattr != generic_getattr) return false;
  Value d = lookup_in_mro(t, name);
  if (d.is_undef()) return true;
  return !vm.type_of(d)->slots.descr_set;
}

}  // namespace

Value load_attr_slow(VM& vm, Value obj, InlineCache& c) {
  Value v = getattr(vm, obj, c.name);
  if (failed(v) || !obj.is_obj()) return v;
  Object* o = obj.as_obj();
  if (o->kind == Kind::Instance && plain_instance_attr(vm, o->type, c.name)) {
    Dict* d = static_cast<Instance*>(o)->dict;
    int32_t ix = d ? dict_find_str(d, c.name) : -1;
    if (ix >= 0) {
      c.kind = 1;
      c.type = o->type;
      c.version = o->type->version;
      c.index = ix;
    }
  } else if (o->kind == Kind::Module) {
    Dict* d = static_cast<Module*>(o)->dict;
    int32_t ix = dict_find_str(d, c.name);
    if (ix >= 0) {
      c.kind = 3;
      c.value = Value::from_obj(d);
      c.version = d->layout_version;
      c.index = ix;
    }
  }
  return v;
}

bool store_attr_slow(VM& vm, Value obj, InlineCache& c, Value v) {
  if (!setattr(vm, obj, c.name, v)) return false;
  if (obj.is_obj() && obj.as_obj()->kind == Kind::Instance) {
    Object* o = obj.as_obj();
    if (!o->type->slots.setattr && plain_instance_attr(vm, o->type, c.name)) {
      Dict* d = static_cast<Instance*>(o)->dict;
      int32_t ix = d ? dict_find_str(d, c.name) : -1;
      if (ix >= 0) {
        c.kind = 1;
        c.type = o->type;
        c.version = o->type->version;
        c.index = ix;
      }
    }
  }
  return true;
}

bool load_method_slow(VM& vm, Value obj, InlineCache& c, Value* out) {
  Type* t = vm.type_of(obj);
  bool generic = !t->slots.getattr || t->slots.getattr == generic_getattr;
  if (generic || !obj.is_obj()) {
    Value descr = lookup_in_mro(t, c.name);
    if (descr.is_obj()) {
      Kind k = descr.as_obj()->kind;
      bool is_method = k == Kind::Function ||
                       (k == Kind::NativeFunction && as_native(descr)->self.is_undef());
      if (is_method) {
        bool has_dict = obj.is_obj() && (obj.as_obj()->kind == Kind::Instance ||
                                         obj.as_obj()->kind == Kind::Exception);
        Dict* d = has_dict ? static_cast<DictObject*>(obj.as_obj())->dict : nullptr;
        if (!d || dict_find_str(d, c.name) < 0) {
          out[0] = descr;
          out[1] = obj;
          c.kind = obj.is_obj() ? 4 : 5;
          c.type = t;
          c.version = t->version;
          c.value = descr;
          c.index = has_dict ? 1 : 0;
          return true;
        }
      }
    }
  }
  Value v = load_attr_slow(vm, obj, c);
  if (failed(v)) return false;
  if (c.kind == 3) {
    // module attribute: cache as a plain attribute load
  }
  out[0] = v;
  out[1] = Value();
  return true;
}

Value load_special(VM& vm, Value obj, Str* name) {
  Value m = lookup_special_method(vm, obj, name);
  if (!m.is_undef() || vm.has_pending()) return m;
  std::string_view n = name->view();
  if (n == "__enter__")
    return vm.raise_fmt(vm.exc().TypeError,
                        "'%s' object does not support the context manager protocol",
                        type_name(vm, obj));
  if (n == "__exit__")
    return vm.raise_fmt(vm.exc().TypeError,
                        "'%s' object does not support the context manager protocol "
                        "(missed __exit__ method)",
                        type_name(vm, obj));
  return attribute_error(vm, obj, name);
}

Value with_exit(VM& vm, Value exit_fn, Value exc) {
  if (exc.is_undef()) return vm.call(exit_fn, {Value::none(), Value::none(), Value::none()});
  Value type = Value::from_obj(vm.type_of(exc));
  Value tb = is_kind(exc, Kind::Exception) ? as_exception(exc)->traceback : Value::none();
  return vm.call(exit_fn, {type, exc, tb});
}

// ------------------------------------------------------------------ items
Value getitem_slow(VM& vm, Value obj, Value key) { return getitem(vm, obj, key); }
bool setitem_slow(VM& vm, Value obj, Value key, Value v) { return setitem(vm, obj, key, v); }

// ------------------------------------------------------------------ building
Value build_set(VM& vm, const Value* items, uint32_t n) {
  Set* s = vm.new_set();
  VM::TempRoot root(vm, s);
  for (uint32_t i = 0; i < n; ++i)
    if (!set_add(vm, s, items[i])) return Value();
  return Value::from_obj(s);
}

Value build_dict(VM& vm, const Value* items, uint32_t npairs) {
  Dict* d = vm.new_dict();
  VM::TempRoot root(vm, d);
  for (uint32_t i = 0; i < npairs; ++i)
    if (!dict_set(vm, d, items[2 * i], items[2 * i + 1])) return Value();
  return Value::from_obj(d);
}

Value build_string(VM& vm, const Value* items, uint32_t n) {
  std::string out;
  for (uint32_t i = 0; i < n; ++i) out += as_str(items[i])->view();
  return vm.str(out);
}

Value format_value(VM& vm, Value v, int conversion, Value spec) {
  Value conv = v;
  if (conversion == 's') {
    conv = to_str(vm, v);
  } else if (conversion == 'r') {
    conv = repr(vm, v);
  } else if (conversion == 'a') {
    conv = ascii(vm, v);
  }
  if (failed(conv)) return conv;
  if (spec.is_undef()) {
    if (conv.is_obj() && conv.as_obj()->type == vm.types().str) return conv;
    return format(vm, conv, vm.intern(""));
  }
  VM::TempRoot root(vm, conv);
  return format(vm, conv, as_str(spec));
}

std::string function_str(VM& vm, Value callee) {
  if (is_kind(callee, Kind::Function)) {
    Function* f = as_function(callee);
    std::string out;
    if (f->module) {
      out += f->module->view();
      out += ".";
    }
    out += (f->qualname ? f->qualname : f->name)->view();
    return out + "()";
  }
  if (is_kind(callee, Kind::NativeFunction)) return std::string(as_native(callee)->name->view()) + "()";
  if (is_kind(callee, Kind::Type)) return std::string(as_type(callee)->name->view()) + "()";
  if (is_kind(callee, Kind::BoundMethod)) return function_str(vm, as_bound(callee)->func);
  return std::string(type_name(vm, callee)) + " object";
}

bool list_extend(VM& vm, Value list, Value iterable, Value callee) {
  List* l = as_list(list);
  if (is_kind(iterable, Kind::List) || is_kind(iterable, Kind::Tuple)) {
    const Value* items;
    size_t n;
    if (is_kind(iterable, Kind::List)) {
      items = as_list(iterable)->items;
      n = as_list(iterable)->len;
    } else {
      items = as_tuple(iterable)->items();
      n = as_tuple(iterable)->len;
    }
    std::vector<Value> copy(items, items + n);
    for (const Value& v : copy) list_append(vm.heap(), l, v);
    return true;
  }
  Type* t = vm.type_of(iterable);
  if (!t->slots.iter && !t->slots.getitem) {
    if (!callee.is_undef())
      vm.raise_fmt(vm.exc().TypeError, "%s argument after * must be an iterable, not %s",
                   function_str(vm, callee).c_str(), t->name->data());
    else
      vm.raise_fmt(vm.exc().TypeError, "Value after * must be an iterable, not %s", t->name->data());
    return false;
  }
  return for_each(vm, iterable, [&](Value v) {
    list_append(vm.heap(), l, v);
    return true;
  });
}

bool dict_update(VM& vm, Value dict, Value other, Value callee) {
  Dict* d = as_dict(dict);
  if (callee.is_undef()) {
    if (!is_kind(other, Kind::Dict) &&
        getattr_or_undef(vm, other, vm.names().keys).is_undef()) {
      if (vm.has_pending()) return false;
      vm.raise_fmt(vm.exc().TypeError, "'%s' object is not a mapping", type_name(vm, other));
      return false;
    }
    return dict_merge_from(vm, d, other);
  }
  // f(**m): keys must be strings and unique
  if (!is_kind(other, Kind::Dict) && getattr_or_undef(vm, other, vm.names().keys).is_undef()) {
    if (vm.has_pending()) return false;
    vm.raise_fmt(vm.exc().TypeError, "%s argument after ** must be a mapping, not %s",
                 function_str(vm, callee).c_str(), type_name(vm, other));
    return false;
  }
  Dict* tmp = vm.new_dict();
  VM::TempRoot root(vm, tmp);
  if (!dict_merge_from(vm, tmp, other)) return false;
  uint32_t pos = 0;
  DictEntry* e;
  while (dict_next(tmp, pos, e)) {
    if (!is_kind(e->key, Kind::Str)) {
      vm.raise(vm.exc().TypeError, "keywords must be strings");
      return false;
    }
    Value existing;
    int r = dict_get_hashed(vm, d, e->key, e->hash, existing);
    if (r < 0) return false;
    if (r == 1) {
      vm.raise_fmt(vm.exc().TypeError, "%s got multiple values for keyword argument '%s'",
                   function_str(vm, callee).c_str(), as_str(e->key)->data());
      return false;
    }
    if (!dict_set_hashed(vm, d, e->key, e->hash, e->value)) return false;
  }
  return true;
}

namespace {

bool collect_items(VM& vm, Value seq, std::vector<Value>& items, const char* what_not_iterable) {
  if (is_kind(seq, Kind::Tuple)) {
    items.assign(as_tuple(seq)->items(), as_tuple(seq)->items() + as_tuple(seq)->len);
    return true;
  }
  if (is_kind(seq, Kind::List)) {
    items.assign(as_list(seq)->items, as_list(seq)->items + as_list(seq)->len);
    return true;
  }
  Type* t = vm.type_of(seq);
  if (!t->slots.iter && !t->slots.getitem) {
    vm.raise_fmt(vm.exc().TypeError, what_not_iterable, t->name->data());
    return false;
  }
  return for_each(vm, seq, [&](Value v) {
    items.push_back(v);
    return true;
  });
}

}  // namespace

bool unpack(VM& vm, Value seq, Value* out, uint32_t n) {
  VM::RootedValues rooted(vm);
  std::vector<Value>& items = rooted.v;
  if (!collect_items(vm, seq, items, "cannot unpack non-iterable %s object")) return false;
  if (items.size() < n) {
    vm.raise_fmt(vm.exc().ValueError, "not enough values to unpack (expected %u, got %zu)", n,
                 items.size());
    return false;
  }
  if (items.size() > n) {
    vm.raise_fmt(vm.exc().ValueError, "too many values to unpack (expected %u)", n);
    return false;
  }
  for (uint32_t i = 0; i < n; ++i) out[i] = items[i];
  return true;
}

bool unpack_ex(VM& vm, Value seq, Value* out, uint32_t before, uint32_t after) {
  VM::RootedValues rooted(vm);
  std::vector<Value>& items = rooted.v;
  if (!collect_items(vm, seq, items, "cannot unpack non-iterable %s object")) return false;
  if (items.size() < before + after) {
    vm.raise_fmt(vm.exc().ValueError, "not enough values to unpack (expected at least %u, got %zu)",
                 before + after, items.size());
    return false;
  }
  for (uint32_t i = 0; i < before; ++i) out[i] = items[i];
  size_t mid = items.size() - before - after;
  List* l = vm.new_list(mid);
  for (size_t i = 0; i < mid; ++i) l->items[i] = items[before + i];
  out[before] = Value::from_obj(l);
  for (uint32_t i = 0; i < after; ++i) out[before + 1 + i] = items[before + mid + i];
  return true;
}

Value make_function(VM& vm, const Frame& f, Proto* proto, Value defaults, Value kwdefaults,
                    Value closure) {
  Function* fn = vm.heap().make<Function>(vm.types().function, Kind::Function, 0);
  fn->dict = nullptr;
  fn->proto = proto;
  fn->globals = f.globals;
  fn->defaults = is_kind(defaults, Kind::Tuple) && as_tuple(defaults)->len ? as_tuple(defaults) : nullptr;
  fn->kwdefaults = is_kind(kwdefaults, Kind::Dict) ? as_dict(kwdefaults) : nullptr;
  fn->closure = is_kind(closure, Kind::Tuple) ? as_tuple(closure) : nullptr;
  fn->name = proto->name;
  fn->qualname = proto->qualname;
  fn->doc = Value::none();
  if (!proto->consts.empty() && (proto->proto_flags & kProtoHasDocstring)) fn->doc = proto->consts[0];
  Value mod = dict_get_str(f.globals, vm.names().name);
  fn->module = is_kind(mod, Kind::Str) ? as_str(mod) : nullptr;
  return Value::from_obj(fn);
}

// ------------------------------------------------------------------ exceptions
Value prepare_raise(VM& vm, Value exc, Value cause, int mode) {
  if (mode == 0) {
    auto& handled = vm.handled_exceptions();
    if (handled.empty()) return vm.raise(vm.exc().RuntimeError, "No active exception to reraise");
    return handled.back();
  }
  if (is_kind(exc, Kind::Type)) {
    Type* t = as_type(exc);
    if (!(t->type_flags & kTypeException))
      return vm.raise(vm.exc().TypeError, "exceptions must derive from BaseException");
    Value inst = vm.call(exc, {});
    if (failed(inst)) return inst;
    exc = inst;
  }
  if (!is_kind(exc, Kind::Exception))
    return vm.raise(vm.exc().TypeError, "exceptions must derive from BaseException");
  if (mode == 2) {
    VM::TempRoot root(vm, exc);
    if (is_kind(cause, Kind::Type)) {
      Value inst = vm.call(cause, {});
      if (failed(inst)) return inst;
      cause = inst;
    }
    if (!cause.is_none() && !is_kind(cause, Kind::Exception))
      return vm.raise(vm.exc().TypeError, "exception causes must derive from BaseException");
    as_exception(exc)->cause = cause;
    as_exception(exc)->suppress_context = true;
  }
  return exc;
}

int exception_matches(VM& vm, Value exc, Value classinfo) {
  if (is_kind(classinfo, Kind::Tuple)) {
    Tuple* t = as_tuple(classinfo);
    for (size_t i = 0; i < t->len; ++i) {
      int r = exception_matches(vm, exc, (*t)[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  if (!is_kind(classinfo, Kind::Type) || !(as_type(classinfo)->type_flags & kTypeException)) {
    vm.raise(vm.exc().TypeError,
             "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return vm.type_of(exc)->is_subtype_of(as_type(classinfo));
}

// ------------------------------------------------------------------ for loops
int next_item(VM& vm, Value it, Value* out) {
  Value v = iter_next(vm, it);
  if (!failed(v)) {
    *out = v;
    return 1;
  }
  if (!vm.has_pending()) return 0;
  if (vm.pending_matches(vm.exc().StopIteration)) {
    vm.clear_pending();
    return 0;
  }
  return -1;
}

int for_prep_slow(VM& vm, Value* regs, uint32_t nargs, Value* out_first) {
  Value iterable = call_function(vm, regs[0], regs + 1, nargs);
  if (failed(iterable)) return -1;
  VM::TempRoot root(vm, iterable);
  Value it = get_iter(vm, iterable);
  if (failed(it)) return -1;
  regs[0] = it;
  regs[1] = Value();
  return next_item(vm, it, out_first);
}

}  // namespace pyjitvm::vm
