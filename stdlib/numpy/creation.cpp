// stdlib/numpy/creation.cpp — array creation: np.array, asarray, zeros, ones, empty,
// full, arange.
//
// Stage: install_creation() during `import numpy` (numpy_internal.h).
//
// Invariants:
//   I1  Results have NumPy 1.24's dtype for the same arguments (arange of ints is
//       int64, of any float float64; full without dtype takes the fill value's dtype).
//   I2  Argument errors use NumPy's wording.
#include <cmath>
#include <optional>
#include <vector>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

Value wrap(NDArray* a) { return a ? Value::from_obj(a) : Value(); }

Value f_array(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"array", {"object", "dtype=", "*", "copy=", "order=", "subok=", "ndmin=", "like="}};
  Value p[7];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::optional<DType> dt;
  if (!parse_optional_dtype(vm, p[1], dt)) return Value();
  bool copy = true;
  if (!p[2].is_undef()) {
    int t = truthy(vm, p[2]);
    if (t < 0) return Value();
    copy = t;
  }
  NDArray* r = as_array(vm, p[0], dt, copy);
  if (!r) return Value();
  if (!p[5].is_undef()) {
    int64_t ndmin;
    if (!index_of(vm, p[5], ndmin)) return Value();
    if (ndmin > r->ndim) {
      std::vector<int64_t> shape(static_cast<size_t>(ndmin - r->ndim), 1);
      std::vector<int64_t> strides(shape.size(), 0);
      for (int i = 0; i < r->ndim; ++i) {
        shape.push_back(r->shape[i]);
        strides.push_back(r->strides[i]);
      }
      VM::TempRoot keep(vm, r);
      return wrap(new_view(vm, r, r->dtype, r->data, shape, strides));
    }
  }
  return Value::from_obj(r);
}

Value f_asarray(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"asarray", {"a", "dtype=", "order=", "*", "like="}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::optional<DType> dt;
  if (!parse_optional_dtype(vm, p[1], dt)) return Value();
  return wrap(as_array(vm, p[0], dt, false));
}

// zeros/ones/empty/full share argument handling.
bool shape_and_dtype(VM& vm, Value shape_v, Value dtype_v, std::vector<int64_t>& shape,
                     DType& dtype) {
  if (!parse_shape(vm, shape_v, shape)) return false;
  std::optional<DType> dt;
  if (!parse_optional_dtype(vm, dtype_v, dt)) return false;
  dtype = dt.value_or(DType::Float64);
  return true;
}

bool parse_order_arg(VM& vm, Value v, char& order) {
  order = 'C';
  if (v.is_undef() || v.is_none()) return true;
  if (is_kind(v, Kind::Str)) {
    std::string_view s = as_str(v)->view();
    if (s == "C" || s == "F") {
      order = s[0];
      return true;
    }
  }
  vm.raise(vm.exc().ValueError, "only 'C' or 'F' order is permitted");
  return false;
}

Value make_filled(VM& vm, const CallArgs& a, const char* name, int fill) {
  static const ArgSpec kZeros{"zeros", {"shape", "dtype=", "order=", "*", "like="}};
  static const ArgSpec kOnes{"ones", {"shape", "dtype=", "order=", "*", "like="}};
  static const ArgSpec kEmpty{"empty", {"shape", "dtype=", "order=", "*", "like="}};
  const ArgSpec& spec = fill == 0 ? kZeros : fill == 1 ? kOnes : kEmpty;
  (void)name;
  Value p[4];
  if (!parse_args(vm, a, spec, p)) return Value();
  std::vector<int64_t> shape;
  DType d;
  char order;
  if (!shape_and_dtype(vm, p[0], p[1], shape, d) || !parse_order_arg(vm, p[2], order)) return Value();
  NDArray* r = fill == 0 || fill == 2 ? new_zeros(vm, d, shape, order) : new_array(vm, d, shape, order);
  if (r && fill == 1 && !fill_scalar(vm, r, Value::from_int(1))) return Value();
  return wrap(r);
}

Value f_zeros(VM& vm, const CallArgs& a) { return make_filled(vm, a, "zeros", 0); }
Value f_ones(VM& vm, const CallArgs& a) { return make_filled(vm, a, "ones", 1); }
// np.empty's contents are unspecified; pyjitvm zeroes them so runs are reproducible.
Value f_empty(VM& vm, const CallArgs& a) { return make_filled(vm, a, "empty", 2); }

Value f_full(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"full", {"shape", "fill_value", "dtype=", "order=", "*", "like="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::vector<int64_t> shape;
  if (!parse_shape(vm, p[0], shape)) return Value();
  std::optional<DType> dt;
  if (!parse_optional_dtype(vm, p[2], dt)) return Value();
  char order;
  if (!parse_order_arg(vm, p[3], order)) return Value();
  NDArray* fill = as_array(vm, p[1]);
  if (!fill) return Value();
  VM::TempRoot keep(vm, fill);
  NDArray* r = new_array(vm, dt.value_or(fill->dtype), shape, order);
  if (!r) return Value();
  VM::TempRoot keep_r(vm, r);
  if (!copy_into(vm, r, fill)) return Value();
  return Value::from_obj(r);
}

// np.arange(stop) / (start, stop[, step]) with NumPy's length rule
// ceil((stop - start) / step).
Value f_arange(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"arange", {"start=", "stop=", "step=", "dtype=", "*", "like="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value start = p[0], stop = p[1], step = p[2];
  if (start.is_undef()) return vm.raise(vm.exc().TypeError, "arange() requires stop to be specified.");
  if (stop.is_undef() || stop.is_none()) {
    stop = start;
    start = Value::from_int(0);
  }
  if (step.is_undef() || step.is_none()) step = Value::from_int(1);
  std::optional<DType> dt;
  if (!parse_optional_dtype(vm, p[3], dt)) return Value();
  // The dtype np.array([start, stop, step]) would have.
  DType found = DType::Int64;
  for (Value v : {start, stop, step}) {
    NDArray* x = as_array(vm, v);
    if (!x) return Value();
    if (x->ndim != 0) return vm.raise(vm.exc().TypeError, "arange() arguments must be scalars");
    found = promote_types(found, x->dtype == DType::Bool ? DType::Int64 : x->dtype);
  }
  DType d = dt.value_or(found);
  double fstart, fstop, fstep;
  if (!to_double(vm, start, fstart) || !to_double(vm, stop, fstop) || !to_double(vm, step, fstep)) return Value();
  if (fstep == 0) return vm.raise(vm.exc().ZeroDivisionError, "division by zero");
  double len_f = std::ceil((fstop - fstart) / fstep);
  if (std::isnan(len_f)) return vm.raise(vm.exc().ValueError, "arange: cannot compute length");
  int64_t n = len_f > 0 ? static_cast<int64_t>(len_f) : 0;
  if (is_integer(d) && start.is_int() && stop.is_int() && step.is_int()) {
    // Exact integer length (doubles can round for huge ranges).
    int64_t s = start.as_int(), e = stop.as_int(), st = step.as_int();
    n = st > 0 ? (e > s ? (e - s + st - 1) / st : 0) : (s > e ? (s - e - st - 1) / -st : 0);
    const int64_t shape[] = {n};
    NDArray* r = new_array(vm, DType::Int64, shape);
    if (!r) return Value();
    int64_t* o = r->typed<int64_t>();
    for (int64_t i = 0; i < n; ++i) o[i] = s + i * st;
    if (d == DType::Int64) return Value::from_obj(r);
    VM::TempRoot keep(vm, r);
    return wrap(copy_array(vm, r, d));
  }
  const int64_t shape[] = {n};
  NDArray* r = new_array(vm, DType::Float64, shape);
  if (!r) return Value();
  // NumPy fills the first two elements, then start + i * (second - first).
  double* o = r->typed<double>();
  double delta = (fstart + fstep) - fstart;
  for (int64_t i = 0; i < n; ++i) o[i] = i == 1 ? fstart + fstep : fstart + static_cast<double>(i) * delta;
  if (d == DType::Float64) return Value::from_obj(r);
  VM::TempRoot keep(vm, r);
  return wrap(copy_array(vm, r, d));
}

const MethodDef kFunctions[] = {
    {"array", f_array}, {"asarray", f_asarray}, {"zeros", f_zeros}, {"ones", f_ones},
    {"empty", f_empty}, {"full", f_full},       {"arange", f_arange},
};

}  // namespace

void install_creation(VM& vm, NumpyState& st) { add_module_functions(vm, st, kFunctions); }

}  // namespace pyjitvm::stdlib::np
