// stdlib/numpy/misc.cpp — diff, isclose/allclose, array_equal/array_equiv, nonzero
// (function and method), argwhere, flatnonzero, count_nonzero, bincount and interp.
//
// Stage: install_misc() during `import numpy` (numpy_internal.h).
//
// Invariants:
//   I1  isclose() evaluates NumPy's |x - y| <= atol + rtol * |y| in the dtype NumPy's
//       ufuncs would use (y made inexact first, value-based casting for 0-d operands,
//       so a float32 array is compared in float32); infinities compare by equality,
//       NaNs only under equal_nan — `isclose_array()`.
//   I2  Result types are NumPy's: isclose of two scalars is np.bool_, allclose and
//       array_equal return Python bools, count_nonzero(axis=None) a Python int,
//       index arrays are int64 — each function.
//   I3  diff() subtracts with the input dtype's wrapping arithmetic (not_equal for
//       bool), n times, after NumPy's prepend/append concatenation — `f_diff()`.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/misc_iter.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

NDArray* rooted_array(VM& vm, Value v, std::optional<DType> dt = std::nullopt) {
  NDArray* a = as_array(vm, v, dt);
  if (a) vm.root(Value::from_obj(a));
  return a;
}

template <class T>
constexpr bool kIsComplex = std::is_same_v<T, c128>;

// The dtype a binary ufunc computes in for arrays `a` and `b`, with NumPy 1.24's
// value-based rule when exactly one of them is 0-d.
DType ufunc_dtype(NDArray* a, NDArray* b) {
  auto scalar_ok = [](NDArray* s, NDArray* arr) -> std::optional<DType> {
    if (s->ndim != 0 || arr->ndim == 0) return std::nullopt;
    if (static_cast<int>(dkind(s->dtype)) > static_cast<int>(dkind(arr->dtype))) {
      if (!(is_integer(s->dtype) && is_integer(arr->dtype))) return std::nullopt;
    }
    if (is_integer(s->dtype) && is_integer(arr->dtype)) {
      if (s->dtype == DType::UInt64) {
        uint64_t v;
        std::memcpy(&v, s->data, 8);
        if (v > static_cast<uint64_t>(INT64_MAX)) return promote_types(arr->dtype, DType::UInt64);
        return promote_types(arr->dtype, min_scalar_type_int(static_cast<int64_t>(v)));
      }
      int64_t v = 0;
      visit_dtype(s->dtype, [&]<class T>() {
        T x;
        std::memcpy(&x, s->data, sizeof(T));
        v = convert_element<int64_t>(x);
      });
      return promote_types(arr->dtype, min_scalar_type_int(v));
    }
    if (s->dtype == DType::Bool || dkind(s->dtype) == dkind(arr->dtype)) return arr->dtype;
    // An integer scalar against a float array: the float array's dtype.
    if (is_integer(s->dtype) && is_inexact(arr->dtype)) return arr->dtype;
    return std::nullopt;
  };
  if (auto d = scalar_ok(a, b)) return *d;
  if (auto d = scalar_ok(b, a)) return *d;
  return promote_types(a->dtype, b->dtype);
}

// ---- diff (I3)
template <class T>
void diff_kernel(char** p, const int64_t* s, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    T x, y;
    std::memcpy(&x, p[0] + i * s[0], sizeof(T));
    std::memcpy(&y, p[1] + i * s[1], sizeof(T));
    T r;
    if constexpr (std::is_same_v<T, bool>)
      r = x != y;
    else if constexpr (std::is_integral_v<T>)
      r = static_cast<T>(static_cast<std::make_unsigned_t<T>>(x) -
                         static_cast<std::make_unsigned_t<T>>(y));
    else
      r = x - y;
    std::memcpy(p[2] + i * s[2], &r, sizeof(T));
  }
}

template <class T>
void diff_contig(const T* a, const T* b, T* o, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    if constexpr (std::is_same_v<T, bool>)
      o[i] = a[i] != b[i];
    else if constexpr (std::is_integral_v<T>)
      o[i] = static_cast<T>(static_cast<std::make_unsigned_t<T>>(a[i]) -
                            static_cast<std::make_unsigned_t<T>>(b[i]));
    else
      o[i] = a[i] - b[i];
  }
}

NDArray* diff_once(VM& vm, NDArray* a, int axis) {
  std::vector<int64_t> shape(a->shape, a->shape + a->ndim);
  int64_t len = std::max<int64_t>(shape[axis] - 1, 0);
  shape[axis] = len;
  NDArray* out = new_array(vm, a->dtype, shape);
  if (!out || out->size == 0) return out;
  VM::TempRoot keep(vm, out);
  NDArray* hi = new_view(vm, a, a->dtype, a->data + a->strides[axis], shape, strides_of(a));
  if (!hi) return nullptr;
  VM::TempRoot keep_hi(vm, hi);
  NDArray* lo = new_view(vm, a, a->dtype, a->data, shape, strides_of(a));
  if (!lo) return nullptr;
  VM::TempRoot keep_lo(vm, lo);
  NDArray* ops[] = {hi, lo, out};
  MultiIter it(shape, ops);
  visit_dtype(a->dtype, [&]<class T>() {
    it.run([&](char** p, const int64_t* s, int64_t n) {
      if (s[0] == sizeof(T) && s[1] == sizeof(T) && s[2] == sizeof(T))
        diff_contig(reinterpret_cast<const T*>(p[0]), reinterpret_cast<const T*>(p[1]),
                    reinterpret_cast<T*>(p[2]), n);
      else
        diff_kernel<T>(p, s, n);
    });
  });
  return out;
}

// np.concatenate of `parts` along `axis` (they agree elsewhere), for prepend/append.
NDArray* concat_axis(VM& vm, std::vector<NDArray*>& parts, int axis) {
  DType d = parts[0]->dtype;
  for (NDArray* p : parts) d = promote_types(d, p->dtype);
  std::vector<int64_t> shape(parts[0]->shape, parts[0]->shape + parts[0]->ndim);
  shape[axis] = 0;
  for (NDArray* p : parts) {
    if (p->ndim != static_cast<int>(shape.size())) {
      vm.raise_fmt(
          vm.exc().ValueError,
          "all the input array dimensions except for the concatenation axis must match exactly, "
          "but along dimension 0, the array at index 0 has %d dimension(s) and the array at index "
          "1 has %d dimension(s)",
          parts[0]->ndim, p->ndim);
      return nullptr;
    }
    shape[axis] += p->shape[axis];
  }
  NDArray* out = new_array(vm, d, shape);
  if (!out) return nullptr;
  VM::TempRoot keep(vm, out);
  int64_t off = 0;
  for (NDArray* p : parts) {
    std::vector<int64_t> sub = shape;
    sub[axis] = p->shape[axis];
    NDArray* dst = new_view(vm, out, d, out->data + off * out->strides[axis], sub, strides_of(out));
    if (!dst) return nullptr;
    VM::TempRoot keep_dst(vm, dst);
    if (!copy_into(vm, dst, p)) return nullptr;
    off += p->shape[axis];
  }
  return out;
}

// prepend=/append= values: 0-d ones are broadcast to the input's shape with length 1
// along the axis.
NDArray* diff_extra(VM& vm, Value v, NDArray* a, int axis) {
  NDArray* x = rooted_array(vm, v);
  if (!x || x->ndim != 0) return x;
  std::vector<int64_t> shape(a->shape, a->shape + a->ndim);
  shape[axis] = 1;
  std::vector<int64_t> strides(shape.size(), 0);
  NDArray* b = new_view(vm, x, x->dtype, x->data, shape, strides);
  if (b) vm.root(Value::from_obj(b));
  return b;
}

Value f_diff(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"diff", {"a", "n=", "axis=", "prepend=", "append="}};
  Value p[5];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  int64_t n = 1;
  if (!p[1].is_undef() && !index_of(vm, p[1], n)) return Value();
  if (n == 0) return p[0];
  if (n < 0)
    return vm.raise_fmt(vm.exc().ValueError, "order must be non-negative but got %lld",
                        static_cast<long long>(n));
  NDArray* a = rooted_array(vm, p[0]);
  if (!a) return Value();
  if (a->ndim == 0)
    return vm.raise(vm.exc().ValueError, "diff requires input that is at least one dimensional");
  int axis;
  if (!(p[2].is_undef() ? normalize_axis(vm, -1, a->ndim, axis)
                        : parse_axis(vm, p[2], a->ndim, axis)))
    return Value();
  if (!p[3].is_undef() || !p[4].is_undef()) {
    std::vector<NDArray*> parts;
    if (!p[3].is_undef()) {
      NDArray* x = diff_extra(vm, p[3], a, axis);
      if (!x) return Value();
      parts.push_back(x);
    }
    parts.push_back(a);
    if (!p[4].is_undef()) {
      NDArray* x = diff_extra(vm, p[4], a, axis);
      if (!x) return Value();
      parts.push_back(x);
    }
    a = concat_axis(vm, parts, axis);
    if (!a) return Value();
    vm.root(Value::from_obj(a));
  }
  for (int64_t i = 0; i < n; ++i) {
    a = diff_once(vm, a, axis);
    if (!a) return Value();
    vm.root(Value::from_obj(a));
  }
  return Value::from_obj(a);
}

// ---- isclose / allclose (I1)
// y's dtype after np.result_type(y, 1.0) (float16 does not exist here: float32).
DType inexact_dtype(NDArray* y) {
  if (is_inexact(y->dtype)) return y->dtype;
  if (y->ndim == 0) return DType::Float64;
  switch (y->dtype) {
    case DType::Bool:
    case DType::Int8:
    case DType::UInt8:
    case DType::Int16:
    case DType::UInt16:
      return DType::Float32;
    default:
      return DType::Float64;
  }
}

template <class T>
bool finite_of(const T& v) {
  if constexpr (kIsComplex<T>)
    return std::isfinite(v.real()) && std::isfinite(v.imag());
  else
    return std::isfinite(v);
}
template <class T>
bool nan_of(const T& v) {
  if constexpr (kIsComplex<T>)
    return std::isnan(v.real()) || std::isnan(v.imag());
  else
    return std::isnan(v);
}

// The element-wise isclose as a bool array of the broadcast shape, or nullptr.
NDArray* isclose_array(VM& vm, Value av, Value bv, double rtol, double atol, bool equal_nan) {
  NDArray* x = rooted_array(vm, av);
  if (!x) return nullptr;
  NDArray* y0 = rooted_array(vm, bv);
  if (!y0) return nullptr;
  NDArray* y = rooted_array(vm, Value::from_obj(y0), inexact_dtype(y0));
  if (!y) return nullptr;
  NDArray* pair[] = {x, y};
  std::vector<int64_t> shape;
  if (!broadcast_arrays_shape(vm, pair, shape)) return nullptr;
  DType ct = ufunc_dtype(x, y);
  NDArray* xc = rooted_array(vm, Value::from_obj(x), ct);
  NDArray* yc = xc ? rooted_array(vm, Value::from_obj(y), ct) : nullptr;
  if (!yc) return nullptr;
  NDArray* out = new_array(vm, DType::Bool, shape);
  if (!out) return nullptr;
  bool* o = out->typed<bool>();
  NDArray* ops[] = {xc, yc};
  visit_dtype(ct, [&]<class T>() {
    if constexpr (std::is_floating_point_v<T> || kIsComplex<T>) {
      using R = std::conditional_t<kIsComplex<T>, double, T>;
      const R rt = static_cast<R>(rtol), at = static_cast<R>(atol);
      for_each_broadcast(shape, ops, [&](int64_t i, char** p) {
        T a, b;
        std::memcpy(&a, p[0], sizeof(T));
        std::memcpy(&b, p[1], sizeof(T));
        bool r;
        if (finite_of(a) && finite_of(b)) {
          R d = static_cast<R>(std::abs(a - b));
          R t = static_cast<R>(at + rt * static_cast<R>(std::abs(b)));
          r = d <= t;
        } else {
          r = a == b;
          if (equal_nan && nan_of(a) && nan_of(b)) r = true;
        }
        o[i] = r;
      });
    }
  });
  return out;
}

bool tol_args(VM& vm, Value rt, Value at, Value en, double& rtol, double& atol, bool& equal_nan) {
  rtol = 1e-05;
  atol = 1e-08;
  equal_nan = false;
  if (!rt.is_undef() && !to_double(vm, rt, rtol)) return false;
  if (!at.is_undef() && !to_double(vm, at, atol)) return false;
  if (!en.is_undef()) {
    int t = truthy(vm, en);
    if (t < 0) return false;
    equal_nan = t;
  }
  return true;
}

Value f_isclose(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"isclose", {"a", "b", "rtol=", "atol=", "equal_nan="}};
  Value p[5];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  double rtol, atol;
  bool equal_nan;
  if (!tol_args(vm, p[2], p[3], p[4], rtol, atol, equal_nan)) return Value();
  NDArray* r = isclose_array(vm, p[0], p[1], rtol, atol, equal_nan);
  if (!r) return Value();
  if (r->ndim == 0) return box_scalar(vm, DType::Bool, r->data);
  return Value::from_obj(r);
}

Value f_allclose(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"allclose", {"a", "b", "rtol=", "atol=", "equal_nan="}};
  Value p[5];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  double rtol, atol;
  bool equal_nan;
  if (!tol_args(vm, p[2], p[3], p[4], rtol, atol, equal_nan)) return Value();
  NDArray* r = isclose_array(vm, p[0], p[1], rtol, atol, equal_nan);
  if (!r) return Value();
  const bool* o = r->typed<bool>();
  return Value::from_bool(std::all_of(o, o + r->size, [](bool b) { return b; }));
}

// ---- array_equal / array_equiv
// All elements of a and b (broadcast to `shape`) equal in their common dtype; with
// equal_nan, NaNs match NaNs (and nothing else).
bool all_equal(VM& vm, NDArray* a, NDArray* b, std::span<const int64_t> shape, bool equal_nan,
               bool& out) {
  DType ct = promote_types(a->dtype, b->dtype);
  NDArray* ac = rooted_array(vm, Value::from_obj(a), ct);
  NDArray* bc = ac ? rooted_array(vm, Value::from_obj(b), ct) : nullptr;
  if (!bc) return false;
  NDArray* ops[] = {ac, bc};
  out = true;
  visit_dtype(ct, [&]<class T>() {
    for_each_broadcast(shape, ops, [&](int64_t, char** p) {
      T x, y;
      std::memcpy(&x, p[0], sizeof(T));
      std::memcpy(&y, p[1], sizeof(T));
      bool eq = x == y;
      if constexpr (std::is_floating_point_v<T> || kIsComplex<T>) {
        if (equal_nan && (nan_of(x) || nan_of(y))) eq = nan_of(x) && nan_of(y);
      }
      if (!eq) out = false;
    });
  });
  return true;
}

Value f_array_equal(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"array_equal", {"a1", "a2", "equal_nan="}};
  Value p[3];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  bool equal_nan = false;
  if (!p[2].is_undef()) {
    int t = truthy(vm, p[2]);
    if (t < 0) return Value();
    equal_nan = t;
  }
  NDArray* a = rooted_array(vm, p[0]);
  NDArray* b = a ? rooted_array(vm, p[1]) : nullptr;
  if (!b) {
    vm.clear_pending();
    return Value::from_bool(false);
  }
  if (a->ndim != b->ndim || !std::equal(a->shape, a->shape + a->ndim, b->shape))
    return Value::from_bool(false);
  bool eq;
  if (!all_equal(vm, a, b, shape_of(a), equal_nan, eq)) return Value();
  return Value::from_bool(eq);
}

Value f_array_equiv(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"array_equiv", {"a1", "a2"}};
  Value p[2];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a = rooted_array(vm, p[0]);
  NDArray* b = a ? rooted_array(vm, p[1]) : nullptr;
  if (!b) {
    vm.clear_pending();
    return Value::from_bool(false);
  }
  std::span<const int64_t> shapes[] = {shape_of(a), shape_of(b)};
  std::vector<int64_t> shape;
  if (!broadcast_shapes(shapes, shape)) return Value::from_bool(false);
  bool eq;
  if (!all_equal(vm, a, b, shape, false, eq)) return Value();
  return Value::from_bool(eq);
}

// ---- nonzero family
// Multi-indices (C order) of the nonzero elements of `a`.
std::vector<int64_t> nonzero_indices(NDArray* a, int64_t& count) {
  std::vector<int64_t> idx;
  count = 0;
  const int nd = a->ndim;
  std::vector<int64_t> cur(static_cast<size_t>(nd), 0);
  NDArray* ops[] = {a};
  visit_dtype(a->dtype, [&]<class T>() {
    for_each_broadcast(shape_of(a), ops, [&](int64_t flat, char** p) {
      T v;
      std::memcpy(&v, p[0], sizeof(T));
      if (convert_element<bool>(v)) {
        int64_t f = flat;
        for (int d = nd - 1; d >= 0; --d) {
          cur[d] = f % a->shape[d];
          f /= a->shape[d];
        }
        idx.insert(idx.end(), cur.begin(), cur.end());
        ++count;
      }
    });
  });
  return idx;
}

NDArray* as_1d_if_0d(VM& vm, NDArray* a) {
  if (a->ndim != 0) return a;
  const int64_t shape[] = {1};
  const int64_t strides[] = {a->itemsize};
  NDArray* v = new_view(vm, a, a->dtype, a->data, shape, strides);
  if (v) vm.root(Value::from_obj(v));
  return v;
}

Value nonzero_impl(VM& vm, Value av) {
  NDArray* a = rooted_array(vm, av);
  if (!a || !(a = as_1d_if_0d(vm, a))) return Value();
  int64_t count;
  std::vector<int64_t> idx = nonzero_indices(a, count);
  Tuple* t = vm.new_tuple(static_cast<size_t>(a->ndim));
  VM::TempRoot keep(vm, t);
  const int64_t shape[] = {count};
  for (int d = 0; d < a->ndim; ++d) {
    NDArray* r = new_array(vm, DType::Int64, shape);
    if (!r) return Value();
    (*t)[d] = Value::from_obj(r);
    for (int64_t i = 0; i < count; ++i) r->typed<int64_t>()[i] = idx[i * a->ndim + d];
  }
  return Value::from_obj(t);
}

Value f_nonzero(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"nonzero", {"a"}};
  Value p[1];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return nonzero_impl(vm, p[0]);
}

Value m_nonzero(VM& vm, const CallArgs& args) {
  if (!check_method_nargs(vm, args, "nonzero", 0, 0)) return Value();
  return nonzero_impl(vm, args[0]);
}

Value f_argwhere(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"argwhere", {"a"}};
  Value p[1];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a = rooted_array(vm, p[0]);
  if (!a) return Value();
  int nd = a->ndim;
  if (!(a = as_1d_if_0d(vm, a))) return Value();
  int64_t count;
  std::vector<int64_t> idx = nonzero_indices(a, count);
  const int64_t shape[] = {count, nd};
  NDArray* r = new_array(vm, DType::Int64, shape);
  if (!r) return Value();
  if (nd) std::copy(idx.begin(), idx.end(), r->typed<int64_t>());
  return Value::from_obj(r);
}

Value f_flatnonzero(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"flatnonzero", {"a"}};
  Value p[1];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a = rooted_array(vm, p[0]);
  if (!a) return Value();
  std::vector<int64_t> flat;
  NDArray* ops[] = {a};
  visit_dtype(a->dtype, [&]<class T>() {
    for_each_broadcast(shape_of(a), ops, [&](int64_t i, char** q) {
      T v;
      std::memcpy(&v, q[0], sizeof(T));
      if (convert_element<bool>(v)) flat.push_back(i);
    });
  });
  const int64_t shape[] = {static_cast<int64_t>(flat.size())};
  NDArray* r = new_array(vm, DType::Int64, shape);
  if (!r) return Value();
  std::copy(flat.begin(), flat.end(), r->typed<int64_t>());
  return Value::from_obj(r);
}

Value f_count_nonzero(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"count_nonzero", {"a", "axis=", "*", "keepdims="}};
  Value p[3];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a = rooted_array(vm, p[0]);
  if (!a) return Value();
  bool keepdims = false;
  if (!p[2].is_undef()) {
    int t = truthy(vm, p[2]);
    if (t < 0) return Value();
    keepdims = t;
  }
  std::vector<bool> mask;
  if (!parse_axes(vm, p[1], a->ndim, mask)) return Value();
  std::vector<int64_t> oshape, ostr(static_cast<size_t>(a->ndim), 0);
  for (int d = 0; d < a->ndim; ++d) {
    if (!mask[d])
      oshape.push_back(a->shape[d]);
    else if (keepdims)
      oshape.push_back(1);
  }
  NDArray* out = new_zeros(vm, DType::Int64, oshape);
  if (!out) return Value();
  for (int d = a->ndim - 1, s = 1; d >= 0; --d) {
    if (!mask[d]) {
      ostr[d] = s;
      s *= static_cast<int>(a->shape[d]);
    }
  }
  int64_t* o = out->typed<int64_t>();
  NDArray* ops[] = {a};
  visit_dtype(a->dtype, [&]<class T>() {
    for_each_broadcast(shape_of(a), ops, [&](int64_t flat, char** q) {
      T v;
      std::memcpy(&v, q[0], sizeof(T));
      if (!convert_element<bool>(v)) return;
      int64_t off = 0;
      for (int d = a->ndim - 1; d >= 0; --d) {
        off += (flat % a->shape[d]) * ostr[d];
        flat /= a->shape[d];
      }
      ++o[off];
    });
  });
  if (p[1].is_undef() || p[1].is_none()) {
    if (!keepdims) return Value::from_int(o[0]);
  }
  if (out->ndim == 0) return box_scalar(vm, DType::Int64, out->data);
  return Value::from_obj(out);
}

// ---- bincount / interp
Value f_bincount(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"bincount", {"x", "weights=", "minlength="}};
  Value p[3];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  int64_t minlength = 0;
  if (!p[2].is_undef() && !p[2].is_none() && !index_of(vm, p[2], minlength)) return Value();
  if (minlength < 0) return vm.raise(vm.exc().ValueError, "'minlength' must not be negative");
  NDArray* x0 = rooted_array(vm, p[0]);
  if (!x0) return Value();
  if (is_ndarray(vm, p[0]) && !can_cast_safe(x0->dtype, DType::Int64))
    return vm.raise_fmt(
        vm.exc().TypeError,
        "Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'safe'",
        std::string(dtype_name(x0->dtype)).c_str());
  if (x0->ndim == 0)
    return vm.raise(vm.exc().ValueError, "object of too small depth for desired array");
  if (x0->ndim > 1) return vm.raise(vm.exc().ValueError, "object too deep for desired array");
  NDArray* x = rooted_array(vm, Value::from_obj(x0), DType::Int64);
  NDArray* xc = x ? as_contiguous(vm, x) : nullptr;
  if (!xc) return Value();
  vm.root(Value::from_obj(xc));
  const int64_t* v = xc->typed<int64_t>();
  int64_t mx = -1;
  for (int64_t i = 0; i < xc->size; ++i) {
    if (v[i] < 0)
      return vm.raise(vm.exc().ValueError, "'list' argument must have no negative elements");
    mx = std::max(mx, v[i]);
  }
  const int64_t shape[] = {std::max(mx + 1, minlength)};
  if (p[1].is_undef() || p[1].is_none()) {
    NDArray* out = new_zeros(vm, DType::Int64, shape);
    if (!out) return Value();
    for (int64_t i = 0; i < xc->size; ++i) ++out->typed<int64_t>()[v[i]];
    return Value::from_obj(out);
  }
  NDArray* w = rooted_array(vm, p[1], DType::Float64);
  NDArray* wc = w ? as_contiguous(vm, w) : nullptr;
  if (!wc) return Value();
  vm.root(Value::from_obj(wc));
  if (wc->ndim != 1 || wc->size != xc->size)
    return vm.raise(vm.exc().ValueError, "The weights and list don't have the same length.");
  NDArray* out = new_zeros(vm, DType::Float64, shape);
  if (!out) return Value();
  for (int64_t i = 0; i < xc->size; ++i) out->typed<double>()[v[i]] += wc->typed<double>()[i];
  return Value::from_obj(out);
}

// j with xp[j] <= x < xp[j+1]; -1 below, n above, n-1 at the last point.
int64_t interp_index(const double* xp, int64_t n, double x) {
  if (x > xp[n - 1]) return n;
  if (x < xp[0]) return -1;
  return (std::upper_bound(xp, xp + n, x) - xp) - 1;
}

Value f_interp(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"interp", {"x", "xp", "fp", "left=", "right=", "period="}};
  Value p[6];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  if (!p[5].is_undef() && !p[5].is_none())
    return vm.raise(vm.exc().NotImplementedError,
                    "np.interp with period= is not supported by pyjitvm");
  NDArray* xa = rooted_array(vm, p[0], DType::Float64);
  NDArray* xpa = xa ? rooted_array(vm, p[1], DType::Float64) : nullptr;
  NDArray* fp0 = xpa ? rooted_array(vm, p[2]) : nullptr;
  if (!fp0) return Value();
  if (is_complex(fp0->dtype))
    return vm.raise(vm.exc().NotImplementedError,
                    "np.interp of complex values is not supported by pyjitvm");
  NDArray* fpa = rooted_array(vm, Value::from_obj(fp0), DType::Float64);
  if (!fpa) return Value();
  if (xpa->ndim != 1 || fpa->ndim != 1)
    return vm.raise(vm.exc().ValueError, "object too deep for desired array");
  if (xpa->size != fpa->size)
    return vm.raise(vm.exc().ValueError, "fp and xp are not of the same length.");
  if (xpa->size == 0) return vm.raise(vm.exc().ValueError, "array of sample points is empty");
  NDArray* xpc = as_contiguous(vm, xpa);
  NDArray* fpc = xpc ? as_contiguous(vm, fpa) : nullptr;
  NDArray* xc = fpc ? as_contiguous(vm, xa) : nullptr;
  if (!xc) return Value();
  vm.root(Value::from_obj(xpc));
  vm.root(Value::from_obj(fpc));
  vm.root(Value::from_obj(xc));
  const double* dx = xpc->typed<double>();
  const double* dy = fpc->typed<double>();
  const int64_t n = xpc->size;
  double lval = dy[0], rval = dy[n - 1];
  if (!p[3].is_undef() && !p[3].is_none() && !to_double(vm, p[3], lval)) return Value();
  if (!p[4].is_undef() && !p[4].is_none() && !to_double(vm, p[4], rval)) return Value();
  NDArray* out = new_array(vm, DType::Float64, shape_of(xc));
  if (!out) return Value();
  double* o = out->typed<double>();
  const double* xv = xc->typed<double>();
  for (int64_t i = 0; i < xc->size; ++i) {
    const double x = xv[i];
    if (std::isnan(x)) {
      o[i] = x;
      continue;
    }
    int64_t j = interp_index(dx, n, x);
    if (j == -1)
      o[i] = lval;
    else if (j == n)
      o[i] = rval;
    else if (j == n - 1)
      o[i] = dy[j];
    else if (dx[j] == x)
      o[i] = dy[j];
    else {
      const double slope = (dy[j + 1] - dy[j]) / (dx[j + 1] - dx[j]);
      o[i] = slope * (x - dx[j]) + dy[j];
      if (std::isnan(o[i])) {
        o[i] = slope * (x - dx[j + 1]) + dy[j + 1];
        if (std::isnan(o[i]) && dy[j] == dy[j + 1]) o[i] = dy[j];
      }
    }
  }
  if (out->ndim == 0) return box_scalar(vm, DType::Float64, out->data);
  return Value::from_obj(out);
}

const MethodDef kFunctions[] = {
    {"diff", f_diff},
    {"isclose", f_isclose},
    {"allclose", f_allclose},
    {"array_equal", f_array_equal},
    {"array_equiv", f_array_equiv},
    {"nonzero", f_nonzero},
    {"argwhere", f_argwhere},
    {"flatnonzero", f_flatnonzero},
    {"count_nonzero", f_count_nonzero},
    {"bincount", f_bincount},
    {"interp", f_interp},
};

const MethodDef kMethods[] = {
    {"nonzero", m_nonzero},
};

}  // namespace

void install_misc(VM& vm, NumpyState& st) {
  add_module_functions(vm, st, kFunctions);
  add_array_methods(vm, st, kMethods);
}

}  // namespace pyjitvm::stdlib::np
