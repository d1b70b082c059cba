// vm/slot_wrappers.cpp — exposes the C++ slots of builtin types as Python methods
// (dict.__setitem__, int.__add__, list.__getitem__, str.__hash__, int.__new__ ...),
// CPython's "slot wrappers".
//
// Stage: VM construction calls add_slot_wrappers() for every builtin type once its
// slots are final; subclasses of builtins reach the base behaviour through them
// (`dict.__setitem__(self, k, v)`, `super().__getitem__(i)`).
//
// Invariants:
//   I1  A wrapper calls the slot of the type that defines it (its `owner`), never the
//       receiver's own slot, so a subclass overriding the dunder does not recurse.
//   I2  A wrapper is added only where the type defines the slot itself (not merely
//       inherits it) and its dict has no method of that name yet.
#include <string>

#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

namespace {

enum class W : int64_t {
  Repr, Str, Format, Hash, Lt, Le, Eq, Ne, Gt, Ge, Bool, Len, GetItem, SetItem, DelItem,
  Contains, Iter, Next, Call, New, Neg, Pos, Invert,
  BinFirst,  // BinFirst + op: plain; + Count: reflected; + 2*Count: in-place
};

Type* owner_of(const CallArgs& a) { return static_cast<NativeFunction*>(a.callee)->owner; }
W which(const CallArgs& a) { return static_cast<W>(static_cast<NativeFunction*>(a.callee)->data.as_int()); }

bool check_self(VM& vm, const CallArgs& a, Type* owner, uint32_t nargs, const char* name) {
  if (a.argc != nargs + 1 || a.nkw()) {
    vm.raise_fmt(vm.exc().TypeError, "expected %u argument%s, got %u", nargs, nargs == 1 ? "" : "s",
                 a.argc ? a.argc - 1 : 0);
    return false;
  }
  if (!vm.type_of(a[0])->is_subtype_of(owner)) {
    vm.raise_fmt(vm.exc().TypeError, "descriptor '%s' requires a '%s' object but received a '%s'",
                 name, owner->name->data(), type_name(vm, a[0]));
    return false;
  }
  return true;
}

Value wrapper(VM& vm, const CallArgs& a) {
  Type* t = owner_of(a);
  W w = which(a);
  const char* name = static_cast<NativeFunction*>(a.callee)->name->data();
  const TypeSlots& s = t->slots;
  if (w == W::New) {
    if (a.argc < 1 || !is_kind(a[0], Kind::Type) || !as_type(a[0])->is_subtype_of(t))
      return vm.raise_fmt(vm.exc().TypeError, "%s.__new__(X): X is not a subtype of %s",
                          t->name->data(), t->name->data());
    Type* cls = as_type(a[0]);
    Value r = s.construct(vm, t, CallArgs{a.argv + 1, a.argc - 1, a.kwnames, a.callee});
    if (!failed(r) && r.is_obj() && cls != t) r.as_obj()->type = cls;
    return r;
  }
  if (w == W::Call) {
    if (a.argc < 1) return vm.raise(vm.exc().TypeError, "descriptor '__call__' needs an argument");
    return s.call(vm, a[0], CallArgs{a.argv + 1, a.argc - 1, a.kwnames, a.callee});
  }
  if (w >= W::BinFirst) {
    if (!check_self(vm, a, t, 1, name)) return Value();
    int64_t k = static_cast<int64_t>(w) - static_cast<int64_t>(W::BinFirst);
    int64_t count = static_cast<int64_t>(BinOp::Count);
    BinOp op = static_cast<BinOp>(k % count);
    int kind = static_cast<int>(k / count);
    if (kind == 2) return s.inplace(vm, op, a[0], a[1]);
    if (kind == 1) return s.binop(vm, op, a[1], a[0], true);
    return s.binop(vm, op, a[0], a[1], false);
  }
  switch (w) {
    case W::Repr:
      if (!check_self(vm, a, t, 0, name)) return Value();
      return s.repr(vm, a[0]);
    case W::Str:
      if (!check_self(vm, a, t, 0, name)) return Value();
      return s.str(vm, a[0]);
    case W::Format:
      if (!check_self(vm, a, t, 1, name)) return Value();
      if (!is_kind(a[1], Kind::Str)) return vm.raise(vm.exc().TypeError, "format spec must be str");
      return s.format(vm, a[0], as_str(a[1]));
    case W::Hash: {
      if (!check_self(vm, a, t, 0, name)) return Value();
      int64_t h;
      if (!s.hash(vm, a[0], h)) return Value();
      return Value::from_int(h);
    }
    case W::Lt:
    case W::Le:
    case W::Eq:
    case W::Ne:
    case W::Gt:
    case W::Ge: {
      if (!check_self(vm, a, t, 1, name)) return Value();
      static const CmpOp kOps[] = {CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge};
      return s.richcompare(vm, a[0], a[1], kOps[static_cast<int>(w) - static_cast<int>(W::Lt)]);
    }
    case W::Bool: {
      if (!check_self(vm, a, t, 0, name)) return Value();
      int r = s.truth(vm, a[0]);
      if (r < 0) return Value();
      return Value::from_bool(r);
    }
    case W::Len: {
      if (!check_self(vm, a, t, 0, name)) return Value();
      int64_t n;
      if (!s.len(vm, a[0], n)) return Value();
      return Value::from_int(n);
    }
    case W::GetItem:
      if (!check_self(vm, a, t, 1, name)) return Value();
      return s.getitem(vm, a[0], a[1]);
    case W::SetItem:
      if (!check_self(vm, a, t, 2, name)) return Value();
      return s.setitem(vm, a[0], a[1], a[2]) ? Value::none() : Value();
    case W::DelItem:
      if (!check_self(vm, a, t, 1, name)) return Value();
      return s.setitem(vm, a[0], a[1], Value()) ? Value::none() : Value();
    case W::Contains: {
      if (!check_self(vm, a, t, 1, name)) return Value();
      int r = s.contains(vm, a[0], a[1]);
      if (r < 0) return Value();
      return Value::from_bool(r);
    }
    case W::Iter:
      if (!check_self(vm, a, t, 0, name)) return Value();
      return s.iter(vm, a[0]);
    case W::Next: {
      if (!check_self(vm, a, t, 0, name)) return Value();
      Value r = s.next(vm, a[0]);
      if (failed(r) && !vm.has_pending())
        vm.set_pending(vm.new_exception_args(vm.exc().StopIteration, vm.empty_tuple()));
      return r;
    }
    case W::Neg:
    case W::Pos:
    case W::Invert: {
      if (!check_self(vm, a, t, 0, name)) return Value();
      UnOp op = w == W::Neg ? UnOp::Neg : w == W::Pos ? UnOp::Pos : UnOp::Invert;
      return s.unop(vm, op, a[0]);
    }
    default: break;
  }
  return vm.raise(vm.exc().SystemError, "bad slot wrapper");
}

void add(VM& vm, Type* t, Str* name, W w, bool is_static = false) {
  if (!t->dict) t->dict = vm.new_dict();
  if (!dict_get_str(t->dict, name).is_undef()) return;
  NativeFunction* f = vm.new_native(name->view(), wrapper, Value::from_int(static_cast<int64_t>(w)));
  f->owner = t;
  Value v = Value::from_obj(f);
  if (is_static) {
    MethodWrapper* sm = vm.heap().make<MethodWrapper>(vm.types().staticmethod, Kind::StaticMethod, 0);
    sm->callable = v;
    v = Value::from_obj(sm);
  }
  dict_set_str(vm.heap(), t->dict, name, v);
}

template <class F>
bool own(const Type* t, F TypeSlots::*slot) {
  F mine = t->slots.*slot;
  if (!mine) return false;
  return !t->base || t->base->slots.*slot != mine;
}

}  // namespace

void add_slot_wrappers(VM& vm, Type* t) {
  const Names& n = vm.names();
  if (own(t, &TypeSlots::repr)) add(vm, t, n.repr, W::Repr);
  if (own(t, &TypeSlots::str)) add(vm, t, n.str, W::Str);
  if (own(t, &TypeSlots::format)) add(vm, t, n.format, W::Format);
  if (own(t, &TypeSlots::hash) && t->slots.hash != hash_unhashable) add(vm, t, n.hash, W::Hash);
  if (own(t, &TypeSlots::richcompare)) {
    Str* const names[] = {n.lt, n.le, n.eq, n.ne, n.gt, n.ge};
    for (int i = 0; i < 6; ++i) add(vm, t, names[i], static_cast<W>(static_cast<int>(W::Lt) + i));
  }
  if (own(t, &TypeSlots::truth)) add(vm, t, n.bool_, W::Bool);
  if (own(t, &TypeSlots::len)) add(vm, t, n.len, W::Len);
  if (own(t, &TypeSlots::getitem)) add(vm, t, n.getitem, W::GetItem);
  if (own(t, &TypeSlots::setitem)) {
    add(vm, t, n.setitem, W::SetItem);
    add(vm, t, n.delitem, W::DelItem);
  }
  if (own(t, &TypeSlots::contains)) add(vm, t, n.contains, W::Contains);
  if (own(t, &TypeSlots::iter)) add(vm, t, n.iter, W::Iter);
  if (own(t, &TypeSlots::next)) add(vm, t, n.next, W::Next);
  if (own(t, &TypeSlots::call)) add(vm, t, n.call, W::Call);
  if (own(t, &TypeSlots::construct) && t != vm.types().type) add(vm, t, n.new_, W::New, true);
  if (own(t, &TypeSlots::unop)) {
    add(vm, t, n.neg, W::Neg);
    add(vm, t, n.pos, W::Pos);
    add(vm, t, n.invert, W::Invert);
  }
  if (own(t, &TypeSlots::binop)) {
    Str* const* first = &n.add;
    int64_t count = static_cast<int64_t>(BinOp::Count);
    for (int64_t k = 0; k < 2 * count; ++k)
      add(vm, t, first[k], static_cast<W>(static_cast<int64_t>(W::BinFirst) + k));
  }
  if (own(t, &TypeSlots::inplace)) {
    Str* const* first = &n.add;
    int64_t count = static_cast<int64_t>(BinOp::Count);
    for (int64_t k = 2 * count; k < 3 * count; ++k)
      add(vm, t, first[k], static_cast<W>(static_cast<int64_t>(W::BinFirst) + k));
  }
}

}  // namespace pyjitvm::vm
