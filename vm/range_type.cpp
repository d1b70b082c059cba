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
// A range argument as a Python int (int, bool, BigInt, or __index__).
bool range_arg(VM& vm, Value v, Value& out) {
  if (v.is_int() || is_kind(v, Kind::BigInt)) {
    out = v;
    return true;
  }
  if (v.is_bool()) {
    out = Value::from_int(v.as_bool());
    return true;
  }
  if (v.is_float()) {
    vm.raise(vm.exc().TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  int64_t i;
  if (!index_of(vm, v, i)) return false;
  out = Value::from_int(i);
  return true;
}

// len(range(start, stop, step)) on Python ints.
Value big_range_length(VM& vm, Value start, Value stop, Value step) {
  BigInt lo, hi, st;
  int_to_bigint(start, lo);
  int_to_bigint(stop, hi);
  int_to_bigint(step, st);
  BigInt diff, n;
  if (st.sign() > 0) {
    if (lo.compare(hi) >= 0) return Value::from_int(0);
    BigInt::sub(hi, lo, diff);
  } else {
    if (lo.compare(hi) <= 0) return Value::from_int(0);
    BigInt::sub(lo, hi, diff);
    BigInt::neg(st, st);
  }
  BigInt::sub(diff, BigInt(1), diff);
  (void)BigInt::floordiv(diff, st, n);
  BigInt::add(n, BigInt(1), n);
  return int_from_bigint(vm, n);
}

Value make_range(VM& vm, Value start, Value stop, Value step) {
  if (start.is_int() && stop.is_int() && step.is_int()) {
    int64_t a = start.as_int(), b = stop.as_int(), c = step.as_int();
    __int128 len = 0;
    if (c > 0 && a < b) len = ((__int128)b - a - 1) / c + 1;
    if (c < 0 && a > b) len = ((__int128)a - b - 1) / (-(__int128)c) + 1;
    if (len <= INT64_MAX) return vm.new_range(a, b, c);
  }
  Value r = vm.new_range(0, 0, 1);
  Range* rg = as_range(r);
  rg->big_start = start;
  rg->big_stop = stop;
  rg->big_step = step;
  VM::TempRoot root(vm, r);
  Value len = big_range_length(vm, start, stop, step);
  rg->big_length = len;
  return r;
}

Value range_construct(VM& vm, Type*, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "range")) return Value();
  if (a.argc < 1 || a.argc > 3) {
    if (a.argc == 0) return vm.raise(vm.exc().TypeError, "range expected at least 1 argument, got 0");
    return vm.raise_fmt(vm.exc().TypeError, "range expected at most 3 arguments, got %u", a.argc);
  }
  Value start = Value::from_int(0), stop, step = Value::from_int(1);
  if (a.argc == 1) {
    if (!range_arg(vm, a[0], stop)) return Value();
  } else {
    if (!range_arg(vm, a[0], start) || !range_arg(vm, a[1], stop)) return Value();
    if (a.argc == 3 && !range_arg(vm, a[2], step)) return Value();
  }
  if (step.is_int() && step.as_int() == 0)
    return vm.raise(vm.exc().ValueError, "range() arg 3 must not be zero");
  return make_range(vm, start, stop, step);
}

// The i-th element (0 <= i < length) of any range, as a Python int.
Value range_item(VM& vm, Range* r, Value index) {
  if (!r->is_big()) return Value::from_int(r->start + index.as_int() * r->step);
  Value off = binary_op(vm, BinOp::Mul, index, r->big_step);
  if (failed(off)) return off;
  return binary_op(vm, BinOp::Add, r->big_start, off);
}

Value range_repr(VM& vm, Value self) {
  Range* r = as_range(self);
  if (r->is_big()) {
    std::string out = "range(";
    if (!repr_append(vm, r->big_start, out)) return Value();
    out += ", ";
    if (!repr_append(vm, r->big_stop, out)) return Value();
    if (!(r->big_step.is_int() && r->big_step.as_int() == 1)) {
      out += ", ";
      if (!repr_append(vm, r->big_step, out)) return Value();
    }
    return vm.str(out + ")");
  }
  std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
  if (r->step != 1) out += ", " + std::to_string(r->step);
  out += ")";
  return vm.str(out);
}

bool range_len(VM& vm, Value self, int64_t& out) {
  Range* r = as_range(self);
  if (r->is_big()) {
    if (!r->big_length.is_int()) {
      vm.raise(vm.exc().OverflowError, "Python int too large to convert to C ssize_t");
      return false;
    }
    out = r->big_length.as_int();
    return true;
  }
  out = r->length;
  return true;
}

int range_truth(VM&, Value self) {
  Range* r = as_range(self);
  if (r->is_big()) return !(r->big_length.is_int() && r->big_length.as_int() == 0);
  return r->length != 0;
}

Value range_getitem(VM& vm, Value self, Value key) {
  Range* r = as_range(self);
  if (r->is_big()) {
    if (is_kind(key, Kind::Slice))
      return vm.raise(vm.exc().OverflowError, "slicing a range beyond 64 bits is not supported by pyjitvm");
    Value idx = key;
    if (!is_int_like(idx)) {
      int64_t i;
      if (!index_of(vm, key, i)) return Value();
      idx = Value::from_int(i);
    }
    if (compare_bool(vm, idx, Value::from_int(0), CmpOp::Lt) == 1) {
      idx = binary_op(vm, BinOp::Add, idx, r->big_length);
      if (failed(idx)) return idx;
    }
    if (compare_bool(vm, idx, Value::from_int(0), CmpOp::Lt) == 1 ||
        compare_bool(vm, idx, r->big_length, CmpOp::Ge) == 1)
      return vm.raise(vm.exc().IndexError, "range object index out of range");
    return range_item(vm, r, idx);
  }
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
  if (r->is_big()) {
    if (!is_int_like(item)) return 0;
    // (item - start) % step == 0 and item within the bounds
    Value diff = binary_op(vm, BinOp::Sub, item, r->big_start);
    if (failed(diff)) return -1;
    Value q = binary_op(vm, BinOp::FloorDiv, diff, r->big_step);
    if (failed(q)) return -1;
    Value m = binary_op(vm, BinOp::Mod, diff, r->big_step);
    if (failed(m)) return -1;
    if (!(m.is_int() && m.as_int() == 0)) return 0;
    int lo = compare_bool(vm, q, Value::from_int(0), CmpOp::Ge);
    int hi = compare_bool(vm, q, r->big_length, CmpOp::Lt);
    return lo == 1 && hi == 1;
  }
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
  if (n == "start") return r->is_big() ? r->big_start : Value::from_int(r->start);
  if (n == "stop") return r->is_big() ? r->big_stop : Value::from_int(r->stop);
  if (n == "step") return r->is_big() ? r->big_step : Value::from_int(r->step);
  return generic_getattr(vm, self, name);
}

Value range_iter(VM& vm, Value self) {
  Range* r = as_range(self);
  if (r->is_big()) {
    // iterate through the sequence protocol (Python-int arithmetic)
    return make_seq_iter(vm, self);
  }
  return Value::from_obj(new_iter(vm, vm.types().range_iter, Value(), r->start, r->step, r->length));
}

Value range_index_m(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "range.index", 1, 1)) return Value();
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
  if (!check_method_nargs(vm, a, "range.count", 1, 1)) return Value();
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
  if (!check_method_nargs(vm, a, "slice.indices", 1, 1)) return Value();
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
  r->slots.truth = range_truth;
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
