// vm/str_type.cpp — the str type's slots: construction, comparison, hashing,
// concatenation, repetition, %-formatting, indexing, slicing, iteration, format().
//
// Stage: init_str_type() installs the slots and then the methods of
// vm/str_methods.cpp (add_str_methods()).
//
// Invariants: str_object.h I1–I4. Indexing and slicing count code points; ASCII
// strings take the O(1) byte path.
#include <string>

#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/numfmt.h"
#include "vm/ops.h"
#include "vm/seq_util.h"
#include "vm/str_methods.h"

namespace pyjitvm::vm {

namespace {

bool is_str(VM& vm, const Value& v) { return v.is_obj() && vm.type_of(v)->is_subtype_of(vm.types().str); }

Value str_repr_slot(VM& vm, Value self) { return vm.str(str_repr(as_str(self)->view())); }

Value str_str_slot(VM& vm, Value self) {
  if (vm.type_of(self) == vm.types().str) return self;
  return vm.str(as_str(self)->view());
}

bool str_hash_slot(VM&, Value self, int64_t& out) {
  out = str_hash(as_str(self));
  return true;
}

Value str_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (!is_str(vm, b)) return vm.not_implemented();
  int c = as_str(a)->view().compare(as_str(b)->view());
  bool r;
  switch (op) {
    case CmpOp::Lt: r = c < 0; break;
    case CmpOp::Le: r = c <= 0; break;
    case CmpOp::Eq: r = c == 0; break;
    case CmpOp::Ne: r = c != 0; break;
    case CmpOp::Gt: r = c > 0; break;
    default: r = c >= 0; break;
  }
  return Value::from_bool(r);
}

Value str_repeat(VM& vm, Str* s, Value n) {
  int64_t k;
  if (!index_of(vm, n, k)) return Value();
  if (k <= 0 || s->nbytes == 0) return Value::from_obj(vm.intern(""));
  if (static_cast<uint64_t>(k) > (uint64_t(1) << 40) / s->nbytes)
    return vm.raise(vm.exc().MemoryError, "");
  std::string out;
  out.reserve(s->nbytes * k);
  for (int64_t i = 0; i < k; ++i) out += s->view();
  return vm.str(out);
}

Value str_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool reflected) {
  if (op == BinOp::Add && !reflected) {
    if (!is_str(vm, rhs))
      return vm.raise_fmt(vm.exc().TypeError, "can only concatenate str (not \"%s\") to str",
                          type_name(vm, rhs));
    Str* a = as_str(lhs);
    Str* b = as_str(rhs);
    if (b->nbytes == 0 && vm.type_of(lhs) == vm.types().str) return lhs;
    if (a->nbytes == 0 && vm.type_of(rhs) == vm.types().str) return rhs;
    std::string out;
    out.reserve(a->nbytes + b->nbytes);
    out += a->view();
    out += b->view();
    return vm.str(out);
  }
  if (op == BinOp::Mul) {
    Value self = reflected ? rhs : lhs;
    Value n = reflected ? lhs : rhs;
    if (!(n.is_int() || n.is_bool() || is_kind(n, Kind::BigInt))) {
      if (n.is_obj() && !lookup_in_mro(vm.type_of(n), vm.names().index).is_undef())
        return str_repeat(vm, as_str(self), n);
      if (!reflected && !is_kind(n, Kind::Instance))
        return vm.raise_fmt(vm.exc().TypeError, "can't multiply sequence by non-int of type '%s'",
                            type_name(vm, n));
      return vm.not_implemented();
    }
    return str_repeat(vm, as_str(self), n);
  }
  if (op == BinOp::Mod && !reflected) return str_percent_format(vm, as_str(lhs), rhs);
  return vm.not_implemented();
}

bool str_len(VM&, Value self, int64_t& out) {
  out = static_cast<int64_t>(as_str(self)->nchars);
  return true;
}

Value str_getitem(VM& vm, Value self, Value key) {
  Str* s = as_str(self);
  int64_t n = static_cast<int64_t>(s->nchars);
  std::string_view v = s->view();
  if (is_kind(key, Kind::Slice)) {
    SliceBounds b;
    if (!slice_indices(vm, key, n, b)) return Value();
    if (b.length == n && b.step == 1 && vm.type_of(self) == vm.types().str) return self;
    std::string out;
    if (s->is_ascii()) {
      if (b.step == 1) return vm.str(v.substr(b.start, b.length));
      out.reserve(b.length);
      for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) out.push_back(v[j]);
      return vm.str(out);
    }
    // decode once into code point offsets
    std::vector<size_t> offs;
    offs.reserve(s->nchars + 1);
    for (size_t p = 0; p < v.size();) {
      offs.push_back(p);
      utf8_decode(v, p);
    }
    offs.push_back(v.size());
    for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step)
      out += v.substr(offs[j], offs[j + 1] - offs[j]);
    return vm.str(out);
  }
  int64_t i;
  if (!seq_index(vm, key, n, "string", i)) return Value();
  if (s->is_ascii()) return vm.str(v.substr(i, 1));
  size_t off = utf8_offset(v, static_cast<size_t>(i));
  size_t end = off;
  utf8_decode(v, end);
  return vm.str(v.substr(off, end - off));
}

int str_contains(VM& vm, Value self, Value item) {
  if (!is_str(vm, item)) {
    vm.raise_fmt(vm.exc().TypeError, "'in <string>' requires string as left operand, not %s",
                 type_name(vm, item));
    return -1;
  }
  return as_str(self)->view().find(as_str(item)->view()) != std::string_view::npos;
}

Value str_iter(VM& vm, Value self) {
  return Value::from_obj(new_iter(vm, vm.types().str_iter, self));
}

Value str_format_slot(VM& vm, Value self, Str* spec) {
  if (spec->nbytes == 0) return str_str_slot(vm, self);
  std::string out;
  NumStatus st = format_str(as_str(self)->view(), spec->view(), out);
  if (!st.ok()) return raise_status(vm, st);
  return vm.str(out);
}

Value str_construct(VM& vm, Type* cls, const CallArgs& a) {
  static const ArgSpec kSpec{"str", {"object=", "encoding=", "errors="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value r;
  if (p[0].is_undef()) {
    r = Value::from_obj(vm.intern(""));
  } else if (!p[1].is_undef() || !p[2].is_undef()) {
    return vm.raise(vm.exc().TypeError, "decoding str is not supported");
  } else {
    r = to_str(vm, p[0]);
    if (failed(r)) return r;
  }
  if (cls != vm.types().str) {
    Str* s = vm.new_str(as_str(r)->view());
    if (s->is_interned()) {
      // never retype an interned string: make a private copy
      std::string copy(as_str(r)->view());
      s = vm.heap().make<Str>(cls, Kind::Str, copy.size() + 1);
      std::memcpy(s->data(), copy.data(), copy.size() + 1);
      s->nbytes = copy.size();
      s->nchars = utf8_length(copy);
    }
    s->type = cls;
    return Value::from_obj(s);
  }
  return r;
}

}  // namespace

void init_str_type(VM& vm) {
  Type* t = vm.types().str;
  t->slots.repr = str_repr_slot;
  t->slots.str = str_str_slot;
  t->slots.hash = str_hash_slot;
  t->slots.richcompare = str_richcompare;
  t->slots.binop = str_binop;
  t->slots.len = str_len;
  t->slots.getitem = str_getitem;
  t->slots.contains = str_contains;
  t->slots.iter = str_iter;
  t->slots.format = str_format_slot;
  t->slots.construct = str_construct;
  add_str_methods(vm, t);
}

}  // namespace pyjitvm::vm
