// vm/range_type.cpp — range and slice objects, and the sequence index/slice helpers.
//
// Stage: init_range_type() installs range and slice slots; seq_index() and
// slice_indices() (vm/seq_util.h) are used by every sequence type.
//
// Invariants: seq_util.h I1. A range's bounds are int64 (ranges beyond int64 raise
// OverflowError "Python int too large to convert to C ssize_t" as CPython does for
// their length).
#include <string>

#include "vm/bigint.h"
#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::vm {

bool seq_index(VM& vm, Value key, int64_t len, const char* what, int64_t& out) {
  int64_t i;
  if (key.is_int()) {
    i = key.as_int();
  } else if (key.is_bool()) {
    i = key.as_bool();
  } else if (is_kind(key, Kind::BigInt)) {
    vm.raise_fmt(vm.exc().IndexError, "cannot fit 'int' into an index-sized integer");
    return false;
  } else {
    Value m = key.is_obj() ? lookup_in_mro(key.as_obj()->type, vm.names().index) : Value();
    if (m.is_undef()) {
      vm.raise_fmt(vm.exc().TypeError, "%s indices must be integers or slices, not %s", what,
                   type_name(vm, key));
      return false;
    }
    if (!index_of(vm, key, i)) return false;
  }
  if (!normalize_index(i, len)) {
    vm.raise_fmt(vm.exc().IndexError, "%s index out of range", what);
    return false;
  }
  out = i;
  return true;
}

namespace {

// A slice bound: None → missing; otherwise an integer clamped to int64.
bool slice_bound(VM& vm, Value v, bool& missing, int64_t& out) {
  missing = v.is_none();
  if (missing) return true;
  if (is_kind(v, Kind::BigInt)) {
    BigInt b;
    int_to_bigint(v, b);
    out = b.sign() < 0 ? INT64_MIN : INT64_MAX;
    return true;
  }
  if (v.is_int() || v.is_bool()) {
    out = v.is_int() ? v.as_int() : v.as_bool();
    return true;
  }
  if (!index_of(vm, v, out)) {
    if (vm.pending_matches(vm.exc().TypeError)) {
      vm.clear_pending();
      vm.raise(vm.exc().TypeError,
               "slice indices must be integers or None or have an __index__ method");
    }
    return false;
  }
  return true;
}

}  // namespace

bool slice_indices(VM& vm, Value slice, int64_t len, SliceBounds& out) {
  Slice* s = as_slice(slice);
  bool missing;
  int64_t step = 1;
  if (!slice_bound(vm, s->step, missing, step)) return false;
  if (missing) step = 1;
  if (step == 0) {
    vm.raise(vm.exc().ValueError, "slice step cannot be zero");
    return false;
  }
  if (step == INT64_MIN) step = -INT64_MAX;
  int64_t start, stop;
  if (!slice_bound(vm, s->start, missing, start)) return false;
  if (missing) {
    start = step < 0 ? len - 1 : 0;
  } else {
    if (start < 0) {
      start += len;
      if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= len) {
      start = step < 0 ? len - 1 : len;
    }
  }
  if (!slice_bound(vm, s->stop, missing, stop)) return false;
  if (missing) {
    stop = step < 0 ? -1 : len;
  } else {
    if (stop < 0) {
      stop += len;
      if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= len) {
      stop = step < 0 ? len - 1 : len;
    }
  }
  int64_t length = 0;
  if (step < 0) {
    if (stop < start) length = (start - stop - 1) / (-step) + 1;
  } else {
    if (start < stop) length = (stop - start - 1) / step + 1;
  }
  out = SliceBounds{start, stop, step, length};
  return true;
}

namespace {

// ------------------------------------------------------------------ range
bool range_arg(VM& vm, Value v, int64_t& out) {
  if (is_kind(v, Kind::BigInt)) {
    vm.raise(vm.exc().OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  if (v.is_float()) {
    vm.raise(vm.exc().TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  return index_of(vm, v, out);
}

Value range_construct(VM& vm, Type*, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "range")) return Value();
  if (a.argc < 1 || a.argc > 3) {
    if (a.argc == 0) return vm.raise(vm.exc().TypeError, "range expected at least 1 argument, got 0");
    return vm.raise_fmt(vm.exc().TypeError, "range expected at most 3 arguments, got %u", a.argc);
  }
  int64_t start = 0, stop, step = 1;
  if (a.argc == 1) {
    if (!range_arg(vm, a[0], stop)) return Value();
  } else {
    if (!range_arg(vm, a[0], start) || !range_arg(vm, a[1], stop)) return Value();
    if (a.argc == 3 && !range_arg(vm, a[2], step)) return Value();
  }
  if (step == 0) return vm.raise(vm.exc().ValueError, "range() arg 3 must not be zero");
  return vm.new_range(start, stop, step);
}

Value range_repr(VM& vm, Value self) {
  Range* r = as_range(self);
  std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
  if (r->step != 1) out += ", " + std::to_string(r->step);
  out += ")";
  return vm.str(out);
}

bool range_len(VM&, Value self, int64_t& out) {
  out = as_range(self)->length;
  return true;
}

Value range_getitem(VM& vm, Value self, Value key) {
  Range* r = as_range(self);
  if (is_kind(key, Kind::Slice)) {
    SliceBounds b;
    if (!slice_indices(vm, key, r->length, b)) return Value();
    int64_t start = r->start + b.start * r->step;
    int64_t step = r->step * b.step;
    int64_t stop = start + b.length * step;
    return vm.new_range(start, stop, step);
  }
  int64_t i;
  if (!seq_index(vm, key, r->length, "range object", i)) {
    if (vm.pending_matches(vm.exc().IndexError)) {
      vm.clear_pending();
      vm.raise(vm.exc().IndexError, "range object index out of range");
    }
    return Value();
  }
  return Value::from_int(r->start + i * r->step);
}

int range_contains(VM& vm, Value self, Value item) {
  Range* r = as_range(self);
  if (item.is_int() || item.is_bool()) {
    int64_t v = item.is_int() ? item.as_int() : item.as_bool();
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return 0;
    return (v - r->start) % r->step == 0;
  }
  for (int64_t i = 0; i < r->length; ++i) {
    int eq = equal(vm, Value::from_int(r->start + i * r->step), item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value range_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if ((op != CmpOp::Eq && op != CmpOp::Ne) || !is_kind(b, Kind::Range)) return vm.not_implemented();
  Range* x = as_range(a);
  Range* y = as_range(b);
  bool eq = x->length == y->length &&
            (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
  return Value::from_bool(op == CmpOp::Eq ? eq : !eq);
}

bool range_hash(VM& vm, Value self, int64_t& out) {
  Range* r = as_range(self);
  Tuple* t = vm.tuple_of({Value::from_int(r->length), Value::from_int(r->start), Value::from_int(r->step)});
  return hash(vm, Value::from_obj(t), out);
}

Value range_getattr(VM& vm, Value self, Str* name) {
  Range* r = as_range(self);
  std::string_view n = name->view();
  if (n == "start") return Value::from_int(r->start);
  if (n == "stop") return Value::from_int(r->stop);
  if (n == "step") return Value::from_int(r->step);
  return generic_getattr(vm, self, name);
}

Value range_iter(VM& vm, Value self) {
  Range* r = as_range(self);
  return Value::from_obj(new_iter(vm, vm.types().range_iter, Value(), r->start, r->step, r->length));
}

Value range_index_m(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "index", 2, 2)) return Value();
  Range* r = as_range(a[0]);
  int c = range_contains(vm, a[0], a[1]);
  if (c < 0) return Value();
  if (!c || !(a[1].is_int() || a[1].is_bool())) {
    std::string s;
    if (!repr_append(vm, a[1], s)) return Value();
    return vm.raise_fmt(vm.exc().ValueError, "%s is not in range", s.c_str());
  }
  int64_t v = a[1].is_int() ? a[1].as_int() : a[1].as_bool();
  return Value::from_int((v - r->start) / r->step);
}

Value range_count_m(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "count", 2, 2)) return Value();
  int c = range_contains(vm, a[0], a[1]);
  if (c < 0) return Value();
  return Value::from_int(c);
}

// ------------------------------------------------------------------ slice
Value slice_construct(VM& vm, Type*, const CallArgs& a) {
  if (!check_nargs(vm, a, "slice", 1, 3)) return Value();
  if (a.argc == 1) return vm.new_slice(Value::none(), a[0], Value::none());
  return vm.new_slice(a[0], a[1], a.argc == 3 ? a[2] : Value::none());
}

Value slice_repr(VM& vm, Value self) {
  Slice* s = as_slice(self);
  std::string out = "slice(";
  if (!repr_append(vm, s->start, out)) return Value();
  out += ", ";
  if (!repr_append(vm, s->stop, out)) return Value();
  out += ", ";
  if (!repr_append(vm, s->step, out)) return Value();
  out += ")";
  return vm.str(out);
}

Value slice_getattr(VM& vm, Value self, Str* name) {
  Slice* s = as_slice(self);
  std::string_view n = name->view();
  if (n == "start") return s->start;
  if (n == "stop") return s->stop;
  if (n == "step") return s->step;
  return generic_getattr(vm, self, name);
}

Value slice_indices_m(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "indices", 2, 2)) return Value();
  int64_t len;
  if (!index_of(vm, a[1], len)) return Value();
  if (len < 0) return vm.raise(vm.exc().ValueError, "length should not be negative");
  SliceBounds b;
  if (!slice_indices(vm, a[0], len, b)) return Value();
  return Value::from_obj(vm.tuple_of({Value::from_int(b.start), Value::from_int(b.stop),
                                      Value::from_int(b.step)}));
}

Value slice_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (!is_kind(b, Kind::Slice)) return vm.not_implemented();
  Slice* x = as_slice(a);
  Slice* y = as_slice(b);
  Value ta = Value::from_obj(vm.tuple_of({x->start, x->stop, x->step}));
  VM::TempRoot r(vm, ta);
  Value tb = Value::from_obj(vm.tuple_of({y->start, y->stop, y->step}));
  return compare(vm, ta, tb, op);
}

}  // namespace

void init_range_type(VM& vm) {
  Type* r = vm.types().range;
  r->slots.construct = range_construct;
  r->slots.repr = range_repr;
  r->slots.len = range_len;
  r->slots.getitem = range_getitem;
  r->slots.contains = range_contains;
  r->slots.richcompare = range_richcompare;
  r->slots.hash = range_hash;
  r->slots.getattr = range_getattr;
  r->slots.iter = range_iter;
  static const MethodDef kRange[] = {{"index", range_index_m}, {"count", range_count_m}};
  add_methods(vm, r, kRange);

  Type* s = vm.types().slice;
  s->slots.construct = slice_construct;
  s->slots.repr = slice_repr;
  s->slots.getattr = slice_getattr;
  s->slots.richcompare = slice_richcompare;
  static const MethodDef kSlice[] = {{"indices", slice_indices_m}};
  add_methods(vm, s, kSlice);
}

}  // namespace pyjitvm::vm
