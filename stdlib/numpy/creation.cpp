// stdlib/numpy/creation.cpp — array creation: np.array, asarray, asanyarray,
// ascontiguousarray, asfortranarray, copy, zeros, ones, empty, full, the *_like
// functions, arange, eye, identity.
//
// Stage: install_creation() during `import numpy` (numpy_internal.h); ranges and grids
// (linspace, logspace, meshgrid, mgrid, diag, tri ...) are in creation_grid.cpp.
//
// Invariants:
//   I1  Results have NumPy 1.24's dtype for the same arguments (arange's dtype is
//       promote_types(int64, dtypes of start/stop/step); full without dtype takes the
//       fill value's dtype; *_like keep the prototype's dtype).
//   I2  Memory layout follows `order` as NumPy does: 'K' keeps the prototype's stride
//       order (new_like), 'A' is F only for F-but-not-C-contiguous inputs.
//   I3  arange fills as NumPy's typed fill loops do: the first two values are converted
//       to the target dtype, then start + i * (second - first) in that dtype.
//   I4  Argument errors use NumPy's wording.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <vector>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/shape_internal.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

// A new array shaped `shape` whose memory order follows `order` relative to `proto`
// (I2). 'K' with a different ndim than proto falls back to C, as NumPy does.
NDArray* new_like(VM& vm, NDArray* proto, DType dtype, char order, std::span<const int64_t> shape) {
  if (order == 'A') order = resolve_any_order(proto);
  if (order == 'K') {
    bool empty = std::find(shape.begin(), shape.end(), 0) != shape.end();
    if (static_cast<size_t>(proto->ndim) != shape.size() || proto->c_contiguous() || empty)
      order = 'C';
    else if (proto->f_contiguous())
      order = 'F';
  }
  if (order != 'K') return new_array(vm, dtype, shape, order);
  int perm[kMaxDims];
  for (int i = 0; i < proto->ndim; ++i) perm[i] = i;
  std::stable_sort(perm, perm + proto->ndim, [&](int x, int y) {
    return std::abs(proto->strides[x]) > std::abs(proto->strides[y]);
  });
  int64_t pshape[kMaxDims];
  for (int i = 0; i < proto->ndim; ++i) pshape[i] = shape[perm[i]];
  NDArray* r = new_array(vm, dtype, {pshape, shape.size()});
  if (!r) return r;
  int64_t strides[kMaxDims];
  for (int i = 0; i < proto->ndim; ++i) strides[perm[i]] = r->strides[i];
  for (int i = 0; i < proto->ndim; ++i) r->shape[perm[i]] = pshape[i];
  for (int i = 0; i < proto->ndim; ++i) r->strides[i] = strides[i];
  update_flags(r);
  return r;
}

// np.array(obj, dtype, copy, order, ndmin) — the one conversion every asarray variant
// shares.
NDArray* make_array(VM& vm, Value obj, std::optional<DType> dtype, bool copy, char order,
                    int64_t ndmin) {
  if (ndmin > kMaxDims) {
    vm.raise_fmt(vm.exc().ValueError,
                 "ndmin bigger than allowable number of dimensions NPY_MAXDIMS (=%d)", kMaxDims);
    return nullptr;
  }
  NDArray* r;
  if (is_ndarray(vm, obj)) {
    NDArray* a = as_ndarray(obj);
    DType want = dtype.value_or(a->dtype);
    char o = order == 'A' ? resolve_any_order(a) : order;
    bool fits = o == 'K' || (o == 'C' ? a->c_contiguous() : a->f_contiguous());
    if (!copy && want == a->dtype && fits) {
      r = a;
    } else {
      r = new_like(vm, a, want, o, shape_of(a));
      if (!r) return nullptr;
      VM::TempRoot keep(vm, r);
      if (!copy_into(vm, r, a)) return nullptr;
    }
  } else {
    r = as_array(vm, obj, dtype, true);
    if (r && order == 'F' && r->ndim > 1 && !r->f_contiguous()) {
      VM::TempRoot keep(vm, r);
      r = copy_array(vm, r, r->dtype, 'F');
    }
  }
  if (!r || ndmin <= r->ndim) return r;
  // NumPy prepends the ones with a reshape in 'A' order (strides as a reshape gives).
  VM::TempRoot keep(vm, r);
  std::vector<int64_t> shape(static_cast<size_t>(ndmin - r->ndim), 1);
  shape.insert(shape.end(), r->shape, r->shape + r->ndim);
  return reshape_array(vm, r, shape, 'A');
}

bool truth_arg(VM& vm, Value v, bool def, bool& out) {
  out = def;
  if (v.is_undef()) return true;
  int t = truthy(vm, v);
  if (t < 0) return false;
  out = t;
  return true;
}

Value f_array(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{
      "array", {"object", "dtype=", "*", "copy=", "order=", "subok=", "ndmin=", "like="}};
  Value p[7];
  if (a.argc == 0 && a.nkw() == 0)
    return vm.raise(vm.exc().TypeError, "array() missing required argument 'object' (pos 0)");
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::optional<DType> dt;
  bool copy;
  char order;
  int64_t ndmin = 0;
  if (!parse_optional_dtype(vm, p[1], dt) || !truth_arg(vm, p[2], true, copy) ||
      !parse_order(vm, p[3], 'K', order))
    return Value();
  if (!p[5].is_undef() && !index_of(vm, p[5], ndmin)) return Value();
  return wrap(make_array(vm, p[0], dt, copy, order, ndmin));
}

// asarray / asanyarray(a, dtype=None, order=None).
Value as_array_fn(VM& vm, const CallArgs& a, const ArgSpec& spec) {
  Value p[4];
  if (!parse_args(vm, a, spec, p)) return Value();
  std::optional<DType> dt;
  char order;
  if (!parse_optional_dtype(vm, p[1], dt) || !parse_order(vm, p[2], 'K', order)) return Value();
  return wrap(make_array(vm, p[0], dt, false, order, 0));
}

Value f_asarray(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"asarray", {"a", "dtype=", "order=", "*", "like="}};
  return as_array_fn(vm, a, kSpec);
}

Value f_asanyarray(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"asanyarray", {"a", "dtype=", "order=", "*", "like="}};
  return as_array_fn(vm, a, kSpec);
}

Value contiguous_fn(VM& vm, const CallArgs& a, const ArgSpec& spec, char order) {
  Value p[3];
  if (!parse_args(vm, a, spec, p)) return Value();
  std::optional<DType> dt;
  if (!parse_optional_dtype(vm, p[1], dt)) return Value();
  return wrap(make_array(vm, p[0], dt, false, order, 1));
}

Value f_ascontiguousarray(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"ascontiguousarray", {"a", "dtype=", "*", "like="}};
  return contiguous_fn(vm, a, kSpec, 'C');
}

Value f_asfortranarray(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"asfortranarray", {"a", "dtype=", "*", "like="}};
  return contiguous_fn(vm, a, kSpec, 'F');
}

Value f_copy(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"copy", {"a", "order=", "subok="}};
  Value p[3];
  char order;
  if (!parse_args(vm, a, kSpec, p) || !parse_order(vm, p[1], 'K', order)) return Value();
  return wrap(make_array(vm, p[0], std::nullopt, true, order, 0));
}

// ------------------------------------------------------------------ zeros / ones / ...
bool parse_c_or_f(VM& vm, Value v, char& order) {
  if (!parse_order(vm, v, 'C', order)) return false;
  if (order == 'C' || order == 'F') return true;
  vm.raise(vm.exc().ValueError, "only 'C' or 'F' order is permitted");
  return false;
}

enum class Fill { Zeros, Ones, Empty };

Value make_filled(VM& vm, const CallArgs& a, Fill fill) {
  static const ArgSpec kZeros{"zeros", {"shape", "dtype=", "order=", "*", "like="}};
  static const ArgSpec kOnes{"ones", {"shape", "dtype=", "order=", "*", "like="}};
  static const ArgSpec kEmpty{"empty", {"shape", "dtype=", "order=", "*", "like="}};
  const ArgSpec& spec = fill == Fill::Zeros ? kZeros : fill == Fill::Ones ? kOnes : kEmpty;
  Value p[4];
  if (!parse_args(vm, a, spec, p)) return Value();
  std::vector<int64_t> shape;
  std::optional<DType> dt;
  char order;
  if (!parse_intp_shape(vm, p[0], shape) || !parse_optional_dtype(vm, p[1], dt) ||
      !parse_c_or_f(vm, p[2], order))
    return Value();
  // np.empty's contents are unspecified; pyjitvm zeroes them so runs are reproducible.
  NDArray* r = new_zeros(vm, dt.value_or(DType::Float64), shape, order);
  if (r && fill == Fill::Ones && !fill_scalar(vm, r, Value::from_int(1))) return Value();
  return wrap(r);
}

Value f_zeros(VM& vm, const CallArgs& a) { return make_filled(vm, a, Fill::Zeros); }
Value f_ones(VM& vm, const CallArgs& a) { return make_filled(vm, a, Fill::Ones); }
Value f_empty(VM& vm, const CallArgs& a) { return make_filled(vm, a, Fill::Empty); }

Value f_full(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"full", {"shape", "fill_value", "dtype=", "order=", "*", "like="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::vector<int64_t> shape;
  std::optional<DType> dt;
  char order;
  if (!parse_intp_shape(vm, p[0], shape) || !parse_optional_dtype(vm, p[2], dt) ||
      !parse_c_or_f(vm, p[3], order))
    return Value();
  NDArray* fill = as_array(vm, p[1]);
  if (!fill) return Value();
  VM::TempRoot keep(vm, fill);
  NDArray* r = new_array(vm, dt.value_or(fill->dtype), shape, order);
  if (!r) return Value();
  VM::TempRoot keep_r(vm, r);
  if (!copy_into(vm, r, fill)) return Value();
  return Value::from_obj(r);
}

// zeros_like/ones_like/empty_like/full_like(a, [fill_value,] dtype, order, subok, shape)
Value make_like(VM& vm, const CallArgs& a, Fill fill, bool has_value) {
  static const ArgSpec kZeros{"zeros_like", {"a", "dtype=", "order=", "subok=", "shape="}};
  static const ArgSpec kOnes{"ones_like", {"a", "dtype=", "order=", "subok=", "shape="}};
  static const ArgSpec kEmpty{"empty_like", {"prototype", "dtype=", "order=", "subok=", "shape="}};
  static const ArgSpec kFull{"full_like",
                             {"a", "fill_value", "dtype=", "order=", "subok=", "shape="}};
  const ArgSpec& spec = has_value             ? kFull
                        : fill == Fill::Zeros ? kZeros
                        : fill == Fill::Ones  ? kOnes
                                              : kEmpty;
  Value p[6];
  if (!parse_args(vm, a, spec, p)) return Value();
  const int k = has_value ? 1 : 0;
  NDArray* proto = arg_array(vm, p[0]);
  if (!proto) return Value();
  std::optional<DType> dt;
  char order;
  if (!parse_optional_dtype(vm, p[1 + k], dt) || !parse_order(vm, p[2 + k], 'K', order))
    return Value();
  std::vector<int64_t> shape(proto->shape, proto->shape + proto->ndim);
  if (!p[4 + k].is_undef() && !p[4 + k].is_none() && !parse_intp_shape(vm, p[4 + k], shape))
    return Value();
  NDArray* r = new_like(vm, proto, dt.value_or(proto->dtype), order, shape);
  if (!r) return Value();
  vm.root(Value::from_obj(r));
  if (has_value) {
    NDArray* v = arg_array(vm, p[1]);
    if (!v || !copy_into(vm, r, v)) return Value();
  } else if (fill == Fill::Ones) {
    if (!fill_scalar(vm, r, Value::from_int(1))) return Value();
  } else if (r->size > 0) {
    std::memset(r->data, 0, static_cast<size_t>(r->nbytes()));  // zeros, and empty (zeroed)
  }
  return Value::from_obj(r);
}

Value f_zeros_like(VM& vm, const CallArgs& a) { return make_like(vm, a, Fill::Zeros, false); }
Value f_ones_like(VM& vm, const CallArgs& a) { return make_like(vm, a, Fill::Ones, false); }
Value f_empty_like(VM& vm, const CallArgs& a) { return make_like(vm, a, Fill::Empty, false); }
Value f_full_like(VM& vm, const CallArgs& a) { return make_like(vm, a, Fill::Zeros, true); }

// ------------------------------------------------------------------ arange (I3)
// ceil((stop - start) / step) with Python's division errors and NumPy's length errors.
bool arange_length(VM& vm, Value start, Value stop, Value step, int64_t& len) {
  if (start.is_int() && stop.is_int() && step.is_int()) {
    __int128 s = start.as_int(), e = stop.as_int(), st = step.as_int();
    if (st == 0) {
      vm.raise(vm.exc().ZeroDivisionError, "division by zero");
      return false;
    }
    __int128 n = st > 0 ? (e - s + st - 1) / st : (s - e - st - 1) / -st;
    if ((st > 0 && e <= s) || (st < 0 && e >= s)) n = 0;
    len = static_cast<int64_t>(n);
    return true;
  }
  // Python arithmetic on the arguments (exact for big ints), as NumPy computes it.
  Value delta = binary_op(vm, BinOp::Sub, stop, start);
  if (failed(delta)) return false;
  Value q = binary_op(vm, BinOp::TrueDiv, delta, step);
  double v;
  if (failed(q) || !to_double(vm, q, v)) return false;
  v = std::ceil(v);
  if (std::isnan(v)) {
    vm.raise(vm.exc().ValueError, "arange: cannot compute length");
    return false;
  }
  if (v > 9.2233720368547758e18) {
    vm.raise(vm.exc().ValueError, "Maximum allowed size exceeded");
    return false;
  }
  len = v > 0 ? static_cast<int64_t>(v) : 0;
  return true;
}

template <class T>
void arange_fill(char* data, int64_t n) {
  T* o = reinterpret_cast<T*>(data);
  if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;  // wrapping arithmetic, as C's typed loop
    const U start = static_cast<U>(o[0]), delta = static_cast<U>(static_cast<U>(o[1]) - start);
    for (int64_t i = 2; i < n; ++i) o[i] = static_cast<T>(start + static_cast<U>(i) * delta);
  } else if constexpr (std::is_floating_point_v<T>) {
    const T start = o[0], delta = o[1] - o[0];
    for (int64_t i = 2; i < n; ++i) o[i] = start + static_cast<T>(i) * delta;
  } else {
    const double sr = o[0].real(), si = o[0].imag();
    const double dr = o[1].real() - sr, di = o[1].imag() - si;
    for (int64_t i = 2; i < n; ++i)
      o[i] = T(sr + static_cast<double>(i) * dr, si + static_cast<double>(i) * di);
  }
}

Value f_arange(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"arange", {"start=", "stop=", "step=", "dtype=", "*", "like="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value start = p[0], stop = p[1], step = p[2];
  if (stop.is_undef() || stop.is_none()) {
    if (start.is_undef() || start.is_none())
      return vm.raise(vm.exc().TypeError, "arange() requires stop to be specified.");
    stop = start;
    start = Value::from_int(0);
  } else if (start.is_undef() || start.is_none()) {
    start = Value::from_int(0);
  }
  if (step.is_undef() || step.is_none()) step = Value::from_int(1);
  std::optional<DType> dt;
  if (!parse_optional_dtype(vm, p[3], dt)) return Value();
  DType found = DType::Int64;
  for (Value v : {start, stop, step}) {
    NDArray* x = as_array(vm, v);
    if (!x) return Value();
    if (x->ndim != 0) return vm.raise(vm.exc().TypeError, "arange() arguments must be scalars");
    found = promote_types(found, x->dtype == DType::Bool ? DType::Int64 : x->dtype);
  }
  const DType d = dt.value_or(found);
  // NumPy scalars take part as the Python numbers they hold.
  for (Value* v : {&start, &stop, &step})
    if (is_np_scalar(vm, *v))
      *v = vm.root(element_to_python(vm, as_np_scalar(*v)->dtype, as_np_scalar(*v)->ptr()));
  int64_t n;
  if (is_complex(found)) {
    n = 1;  // rare: NumPy takes the shorter of the real and imaginary lengths
    Value diff = binary_op(vm, BinOp::Sub, stop, start);
    if (failed(diff)) return Value();
    Value q = binary_op(vm, BinOp::TrueDiv, diff, step);
    if (failed(q)) return Value();
    ComplexObj* c = is_kind(q, Kind::Complex) ? as_complex(q) : nullptr;
    double re = c ? c->re : q.as_float(), im = c ? c->im : 0;
    n = static_cast<int64_t>(std::max(0.0, std::min(std::ceil(re), std::ceil(im))));
  } else if (!arange_length(vm, start, stop, step, n)) {
    return Value();
  }
  if (d == DType::Bool && n > 2)
    return vm.raise(
        vm.exc().TypeError,
        "arange() is only supported for booleans when the result has at most length 2.");
  const int64_t shape[] = {n};
  NDArray* r = new_array(vm, d, shape);
  if (!r || n == 0) return wrap(r);
  VM::TempRoot keep(vm, r);
  int64_t n_dummy;
  if (!store_value(vm, d, r->data, start)) return Value();
  if (n > 1) {
    // start + step as Python (or NumPy scalar) arithmetic, as NumPy computes it.
    Value next;
    if (start.is_int() && step.is_int() &&
        !__builtin_add_overflow(start.as_int(), step.as_int(), &n_dummy))
      next = Value::from_int(start.as_int() + step.as_int());
    else if ((start.is_float() || start.is_int()) && (step.is_float() || step.is_int()))
      next = Value::from_float(
          (start.is_float() ? start.as_float() : static_cast<double>(start.as_int())) +
          (step.is_float() ? step.as_float() : static_cast<double>(step.as_int())));
    else
      next = binary_op(vm, BinOp::Add, start, step);
    if (failed(next) || !store_value(vm, d, r->data + r->itemsize, next)) return Value();
  }
  visit_dtype(d, [&]<class T>() {
    if constexpr (!std::is_same_v<T, bool>) arange_fill<T>(r->data, n);
  });
  return Value::from_obj(r);
}

// ------------------------------------------------------------------ eye / identity
NDArray* make_eye(VM& vm, int64_t n, int64_t m, int64_t k, DType dtype, char order) {
  const int64_t shape[] = {n, m};
  NDArray* r = new_zeros(vm, dtype, shape, order);
  if (!r) return nullptr;
  VM::TempRoot keep(vm, r);
  alignas(16) unsigned char one[16];
  if (!store_value(vm, dtype, one, Value::from_int(1))) return nullptr;
  for (int64_t i = std::max<int64_t>(0, -k); i < n && i + k < m; ++i)
    std::memcpy(r->data + i * r->strides[0] + (i + k) * r->strides[1], one, r->itemsize);
  return r;
}

Value f_eye(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"eye", {"N", "M=", "k=", "dtype=", "order=", "*", "like="}};
  Value p[6];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  int64_t n, m, k = 0;
  if (!index_of(vm, p[0], n)) return Value();
  m = n;
  if (!p[1].is_undef() && !p[1].is_none() && !index_of(vm, p[1], m)) return Value();
  if (!p[2].is_undef() && !index_of(vm, p[2], k)) return Value();
  std::optional<DType> dt;
  char order;
  if (!parse_optional_dtype(vm, p[3], dt) || !parse_c_or_f(vm, p[4], order)) return Value();
  return wrap(make_eye(vm, n, m, k, dt.value_or(DType::Float64), order));
}

Value f_identity(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"identity", {"n", "dtype=", "*", "like="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  int64_t n;
  std::optional<DType> dt;
  if (!index_of(vm, p[0], n) || !parse_optional_dtype(vm, p[1], dt)) return Value();
  return wrap(make_eye(vm, n, n, 0, dt.value_or(DType::Float64), 'C'));
}

const MethodDef kFunctions[] = {
    {"array", f_array},
    {"asarray", f_asarray},
    {"asanyarray", f_asanyarray},
    {"ascontiguousarray", f_ascontiguousarray},
    {"asfortranarray", f_asfortranarray},
    {"copy", f_copy},
    {"zeros", f_zeros},
    {"ones", f_ones},
    {"empty", f_empty},
    {"full", f_full},
    {"zeros_like", f_zeros_like},
    {"ones_like", f_ones_like},
    {"empty_like", f_empty_like},
    {"full_like", f_full_like},
    {"arange", f_arange},
    {"eye", f_eye},
    {"identity", f_identity},
};

}  // namespace

void install_creation(VM& vm, NumpyState& st) {
  add_module_functions(vm, st, kFunctions);
  install_creation_grid(vm, st);
}

}  // namespace pyjitvm::stdlib::np
