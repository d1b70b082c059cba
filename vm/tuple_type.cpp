// vm/tuple_type.cpp — the tuple type: construction, indexing, slicing, comparison,
// hashing (CPython's xxHash-based tuplehash, so that sets of tuples print in CPython's
// order), concatenation, repetition, count and index.
//
// Stage: init_tuple_type() installs everything on vm.types().tuple.
//
// Invariants: tuple_object.h I1–I2; tuple_hash() equals CPython 3.11's hash(tuple)
// whenever the element hashes do.
#include <string>
#include <vector>

#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::vm {

namespace {

bool is_tuple(VM& vm, Value v) { return v.is_obj() && vm.type_of(v)->is_subtype_of(vm.types().tuple); }

Value tuple_repr(VM& vm, Value self) {
  Tuple* t = as_tuple(self);
  if (t->len == 0) return vm.str("()");
  if (!vm.repr_enter(t)) return vm.str("(...)");
  std::string out = "(";
  for (size_t i = 0; i < t->len; ++i) {
    if (i) out += ", ";
    if (!repr_append(vm, (*t)[i], out)) {
      vm.repr_leave(t);
      return Value();
    }
  }
  if (t->len == 1) out += ",";
  out += ")";
  vm.repr_leave(t);
  return vm.str(out);
}

Value tuple_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "tuple")) return Value();
  if (a.argc > 1) return vm.raise_fmt(vm.exc().TypeError, "tuple expected at most 1 argument, got %u", a.argc);
  if (a.argc == 0) {
    if (cls == vm.types().tuple) return Value::from_obj(vm.empty_tuple());
    Tuple* t = vm.new_tuple(0);
    return Value::from_obj(t);
  }
  if (is_kind(a[0], Kind::Tuple) && cls == vm.types().tuple && vm.type_of(a[0]) == cls) return a[0];
  VM::RootedValues rooted(vm);
  std::vector<Value>& items = rooted.v;
  if (is_kind(a[0], Kind::List)) {
    List* l = as_list(a[0]);
    items.assign(l->items, l->items + l->len);
  } else if (!for_each(vm, a[0], [&](Value v) {
               items.push_back(v);
               return true;
             })) {
    return Value();
  }
  Tuple* t = vm.new_tuple(items.size());
  for (size_t i = 0; i < items.size(); ++i) (*t)[i] = items[i];
  if (cls != vm.types().tuple && t != vm.empty_tuple()) t->type = cls;
  return Value::from_obj(t);
}

bool tuple_len(VM&, Value self, int64_t& out) {
  out = static_cast<int64_t>(as_tuple(self)->len);
  return true;
}

Value tuple_getitem(VM& vm, Value self, Value key) {
  Tuple* t = as_tuple(self);
  if (is_kind(key, Kind::Slice)) {
    SliceBounds b;
    if (!slice_indices(vm, key, static_cast<int64_t>(t->len), b)) return Value();
    if (b.step == 1 && b.length == static_cast<int64_t>(t->len) && vm.type_of(self) == vm.types().tuple)
      return self;
    Tuple* r = vm.new_tuple(b.length);
    for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) (*r)[i] = (*t)[j];
    return Value::from_obj(r);
  }
  int64_t i;
  if (!seq_index(vm, key, static_cast<int64_t>(t->len), "tuple", i)) return Value();
  return (*t)[i];
}

int tuple_contains(VM& vm, Value self, Value item) {
  Tuple* t = as_tuple(self);
  for (size_t i = 0; i < t->len; ++i) {
    int eq = equal(vm, (*t)[i], item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value tuple_iter(VM& vm, Value self) {
  return Value::from_obj(new_iter(vm, vm.types().tuple_iter, self));
}

Value tuple_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (!is_tuple(vm, b)) return vm.not_implemented();
  Tuple* x = as_tuple(a);
  Tuple* y = as_tuple(b);
  if ((op == CmpOp::Eq || op == CmpOp::Ne) && x->len != y->len)
    return Value::from_bool(op == CmpOp::Ne);
  return sequence_compare(vm, x->items(), x->len, y->items(), y->len, op);
}

bool tuple_hash(VM& vm, Value self, int64_t& out) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  Tuple* t = as_tuple(self);
  uint64_t acc = kPrime5;
  for (size_t i = 0; i < t->len; ++i) {
    int64_t h;
    if (!hash(vm, (*t)[i], h)) return false;
    uint64_t lane = static_cast<uint64_t>(h);
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += t->len ^ (kPrime5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) acc = 1546275796;
  out = static_cast<int64_t>(acc);
  return true;
}

Value tuple_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool reflected) {
  if (op == BinOp::Add && !reflected) {
    // CPython tries the right operand's number slot before sequence concatenation.
    if (!is_tuple(vm, rhs) && vm.type_of(rhs)->slots.binop) return vm.not_implemented();
    if (!is_tuple(vm, rhs))
      return vm.raise_fmt(vm.exc().TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                          type_name(vm, rhs));
    Tuple* a = as_tuple(lhs);
    Tuple* b = as_tuple(rhs);
    Tuple* r = vm.new_tuple(a->len + b->len);
    for (size_t i = 0; i < a->len; ++i) (*r)[i] = (*a)[i];
    for (size_t i = 0; i < b->len; ++i) (*r)[a->len + i] = (*b)[i];
    return Value::from_obj(r);
  }
  if (op == BinOp::Mul) {
    Value self = reflected ? rhs : lhs;
    Value n = reflected ? lhs : rhs;
    if (!(n.is_int() || n.is_bool() || is_kind(n, Kind::BigInt))) return vm.not_implemented();
    int64_t k;
    if (!index_of(vm, n, k)) return Value();
    if (k < 0) k = 0;
    Tuple* t = as_tuple(self);
    if (t->len && static_cast<uint64_t>(k) > (uint64_t(1) << 40) / t->len)
      return vm.raise(vm.exc().MemoryError, "");
    Tuple* r = vm.new_tuple(t->len * k);
    for (int64_t i = 0; i < k; ++i)
      for (size_t j = 0; j < t->len; ++j) (*r)[i * t->len + j] = (*t)[j];
    return Value::from_obj(r);
  }
  return vm.not_implemented();
}

Value m_count(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "tuple.count", 1, 1)) return Value();
  Tuple* t = as_tuple(a[0]);
  int64_t c = 0;
  for (size_t i = 0; i < t->len; ++i) {
    int eq = equal(vm, (*t)[i], a[1]);
    if (eq < 0) return Value();
    c += eq;
  }
  return Value::from_int(c);
}

Value m_index(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "tuple.index", 1, 3)) return Value();
  Tuple* t = as_tuple(a[0]);
  int64_t n = static_cast<int64_t>(t->len), start = 0, stop = n;
  if (a.argc > 2 && !index_of(vm, a[2], start)) return Value();
  if (a.argc > 3 && !index_of(vm, a[3], stop)) return Value();
  if (start < 0) start = start + n < 0 ? 0 : start + n;
  if (stop < 0) stop = stop + n < 0 ? 0 : stop + n;
  for (int64_t i = start; i < stop && i < n; ++i) {
    int eq = equal(vm, (*t)[i], a[1]);
    if (eq < 0) return Value();
    if (eq) return Value::from_int(i);
  }
  return vm.raise(vm.exc().ValueError, "tuple.index(x): x not in tuple");
}

}  // namespace

void init_tuple_type(VM& vm) {
  Type* t = vm.types().tuple;
  t->slots.repr = tuple_repr;
  t->slots.construct = tuple_construct;
  t->slots.len = tuple_len;
  t->slots.getitem = tuple_getitem;
  t->slots.contains = tuple_contains;
  t->slots.iter = tuple_iter;
  t->slots.richcompare = tuple_richcompare;
  t->slots.hash = tuple_hash;
  t->slots.binop = tuple_binop;
  static const MethodDef kMethods[] = {{"count", m_count}, {"index", m_index}};
  add_methods(vm, t, kMethods);
}

}  // namespace pyjitvm::vm
