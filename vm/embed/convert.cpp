// vm/embed/convert.cpp — C++ <-> Python value conversion for the embedding API.
//
// Stage: the Convert<T> templates of vm/pyjitvm.h → these out-of-line pieces → vm/ object
// API (strings, lists, tuples, dicts, numbers).
//
// Invariants:
//   I1  Building values (make_*, *_set) runs no Python code, so no collection happens
//       while a container under construction is held only in a C++ Slot (gc.h).
//   I2  Reading values (to_*, for_items, for_pairs) roots its input first: iterating
//       may run Python code (generators, __iter__).
//   I3  Conversions are strict as Python's typed APIs are: an int is not a str, a float
//       is not an int (ConversionError names what was expected); bool converts to
//       numbers as Python does (True == 1).
#include "vm/embed/embed_internal.h"
#include "vm/ops.h"

namespace pyjitvm::detail {

using vm::Value;

namespace {

vm::VM& V(VMImpl& impl) { return *impl.vm; }

}  // namespace

Slot make_str(VMImpl& impl, std::string_view s) { return to_slot_raw(V(impl).str(s)); }

Slot make_uint(VMImpl& impl, uint64_t v) {
  // v >= 2^63: (INT64_MAX + 1) + (v - 2^63) as a Python int (a BigInt).
  vm::VM& vm = V(impl);
  constexpr uint64_t kHalf = uint64_t{1} << 63;
  Value half = vm::binary_op(vm, vm::BinOp::Add, Value::from_int(INT64_MAX), Value::from_int(1));
  if (failed(half)) impl.throw_pending();
  vm::VM::TempRoot keep(vm, half);
  Value r = vm::binary_op(vm, vm::BinOp::Add, half, Value::from_int(static_cast<int64_t>(v - kHalf)));
  if (failed(r)) impl.throw_pending();
  return to_slot_raw(r);
}

Slot make_list(VMImpl& impl, size_t n) { return to_slot_raw(Value::from_obj(V(impl).new_list(n))); }

void list_set(VMImpl&, Slot list, size_t i, Slot v) {
  vm::as_list(to_value(list))->items[i] = to_value(v);
}

Slot make_tuple(VMImpl& impl, size_t n) {
  return to_slot_raw(Value::from_obj(V(impl).new_tuple(n)));
}

void tuple_set(VMImpl&, Slot tuple, size_t i, Slot v) {
  (*vm::as_tuple(to_value(tuple)))[i] = to_value(v);
}

Slot make_dict(VMImpl& impl) { return to_slot_raw(Value::from_obj(V(impl).new_dict())); }

void dict_set(VMImpl& impl, Slot dict, Slot key, Slot v) {
  vm::VM& vm = V(impl);
  vm::VM::TempRoot keep_d(vm, to_value(dict));
  vm::VM::TempRoot keep_k(vm, to_value(key));
  vm::VM::TempRoot keep_v(vm, to_value(v));
  if (!vm::dict_set(vm, vm::as_dict(to_value(dict)), to_value(key), to_value(v)))
    impl.throw_pending();
}

int64_t to_int_slow(VMImpl& impl, Slot s) {
  if (s.tag == kBool) return s.u.b;
  if (s.tag == kInt) return s.u.i;
  vm::VM& vm = V(impl);
  Value v = to_value(s);
  if (!v.is_obj() || vm::isinstance(vm, v, vm.types().float_) ||
      vm::isinstance(vm, v, vm.types().str))
    throw ConversionError{"int"};
  vm::VM::TempRoot keep(vm, v);
  int64_t out;
  if (!vm::index_of(vm, v, out)) {  // BigInt out of range, numpy integers, __index__
    bool overflow = vm.pending_matches(vm.exc().OverflowError) ||
                    vm.pending_matches(vm.exc().IndexError);
    vm.clear_pending();
    throw ConversionError{overflow ? "int (in int64 range)" : "int"};
  }
  return out;
}

uint64_t to_uint(VMImpl& impl, Slot s) {
  if (s.tag == kInt || s.tag == kBool) {
    int64_t i = s.tag == kInt ? s.u.i : s.u.b;
    if (i < 0) throw ConversionError{"int (non-negative)"};
    return static_cast<uint64_t>(i);
  }
  vm::VM& vm = V(impl);
  Value v = to_value(s);
  if (!v.is_obj() || v.as_obj()->kind != vm::Kind::BigInt) return to_uint(impl, slot_int(to_int_slow(impl, s)));
  vm::VM::TempRoot keep(vm, v);
  // v - 2^63 must fit int64 and be >= 0: (v - INT64_MAX) - 1
  Value rest = vm::binary_op(vm, vm::BinOp::Sub, v, Value::from_int(INT64_MAX));
  if (!failed(rest)) {
    vm::VM::TempRoot keep_rest(vm, rest);
    rest = vm::binary_op(vm, vm::BinOp::Sub, rest, Value::from_int(1));
  }
  if (failed(rest) || !rest.is_int() || rest.as_int() < 0) {
    vm.clear_pending();
    throw ConversionError{"int (in uint64 range)"};
  }
  return (uint64_t{1} << 63) + static_cast<uint64_t>(rest.as_int());
}

double to_float_slow(VMImpl& impl, Slot s) {
  if (s.tag == kFloat) return s.u.f;
  if (s.tag == kInt) return static_cast<double>(s.u.i);
  if (s.tag == kBool) return s.u.b;
  vm::VM& vm = V(impl);
  Value v = to_value(s);
  if (!v.is_obj() || vm::isinstance(vm, v, vm.types().str)) throw ConversionError{"float"};
  vm::VM::TempRoot keep(vm, v);
  double out;
  if (!vm::to_double(vm, v, out)) {  // BigInt, numpy scalars, __float__
    vm.clear_pending();
    throw ConversionError{"float"};
  }
  return out;
}

bool to_bool(VMImpl& impl, Slot s) {
  if (s.tag == kBool) return s.u.b;
  vm::VM& vm = V(impl);
  Value v = to_value(s);
  // numpy.bool_ scalars (comparisons of array elements) count as bools
  if (!v.is_obj() || std::string_view(vm::type_name(vm, v)) != "bool_") throw ConversionError{"bool"};
  vm::VM::TempRoot keep(vm, v);
  int t = vm::truthy(vm, v);
  if (t < 0) impl.throw_pending();
  return t;
}

std::string to_string(VMImpl& impl, Slot s) {
  Value v = to_value(s);
  if (!v.is_obj() || v.as_obj()->kind != vm::Kind::Str) throw ConversionError{"str"};
  return std::string(vm::as_str(v)->view());
}

void for_items(VMImpl& impl, Slot seq, const std::function<void(Slot)>& fn) {
  vm::VM& vm = V(impl);
  Value v = to_value(seq);
  vm::VM::TempRoot keep(vm, v);  // I2
  if (v.is_obj() && v.as_obj()->kind == vm::Kind::List) {
    vm::List* l = vm::as_list(v);
    for (size_t i = 0; i < l->len; ++i) fn(to_slot_raw(l->items[i]));
    return;
  }
  if (v.is_obj() && v.as_obj()->kind == vm::Kind::Tuple) {
    vm::Tuple* t = vm::as_tuple(v);
    for (size_t i = 0; i < t->len; ++i) fn(to_slot_raw((*t)[i]));
    return;
  }
  if (!v.is_obj() || v.as_obj()->kind == vm::Kind::Str) throw ConversionError{"list"};
  vm::VM::RootedValues items(vm);
  bool ok = vm::for_each(vm, v, [&](Value item) {
    items.v.push_back(item);
    return true;
  });
  if (!ok) {
    vm.clear_pending();
    throw ConversionError{"list"};
  }
  for (const Value& item : items.v) fn(to_slot_raw(item));
}

void for_pairs(VMImpl& impl, Slot dict, const std::function<void(Slot, Slot)>& fn) {
  vm::VM& vm = V(impl);
  Value v = to_value(dict);
  if (!v.is_obj() || v.as_obj()->kind != vm::Kind::Dict) throw ConversionError{"dict"};
  vm::VM::TempRoot keep(vm, v);
  uint32_t pos = 0;
  vm::DictEntry* e;
  while (vm::dict_next(vm::as_dict(v), pos, e)) fn(to_slot_raw(e->key), to_slot_raw(e->value));
}

size_t tuple_size(VMImpl&, Slot s) {
  Value v = to_value(s);
  if (!v.is_obj() || v.as_obj()->kind != vm::Kind::Tuple) throw ConversionError{"tuple"};
  return vm::as_tuple(v)->len;
}

Slot tuple_get(VMImpl&, Slot s, size_t i) { return to_slot_raw((*vm::as_tuple(to_value(s)))[i]); }

Error conversion_error(VMImpl& impl, const ConversionError& e, Slot got, const char* what) {
  std::string tn = vm::type_name(*impl.vm, to_value(got));
  return Error("TypeError", std::string(what) + ": expected " + e.expected + ", got " + tn,
               {}, {"Exception", "BaseException", "object"});
}

}  // namespace pyjitvm::detail
