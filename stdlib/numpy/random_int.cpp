// stdlib/numpy/random_int.cpp — np.random's integer sampling: randint, random_integers,
// choice, shuffle and permutation (RandomState methods; random.cpp registers them).
//
// Stage: arguments → NumPy 1.24's validation and dtype rules → stdlib/np_random_legacy
// (masked bounded integers, interval draws) → arrays/scalars of NumPy's result types.
//
// Invariants:
//   I1  randint(size=None) with dtype=int or bool (the Python types) returns a Python
//       int/bool, with any other dtype a NumPy scalar; sized calls return arrays of the
//       dtype; an empty size returns before any check or draw — `rs_randint()`.
//   I2  Bounds travel as __int128 (Python ints beyond ±2**100 are clamped there), so
//       every out-of-range bound gets NumPy's message — `to_i128()`.
//   I3  shuffle performs NumPy's swap sequence (i = n-1 .. 1, j = random_interval(i)),
//       on elements of 1-d arrays and lists and on rows of n-d arrays — `rs_shuffle()`.
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/random_internal.h"
#include "stdlib/numpy/scalar.h"
#include "vm/bigint.h"
#include "vm/number_ops.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

constexpr __int128 kClamp = static_cast<__int128>(1) << 100;

// int(v) for a bound (I2): Python ints, bools, floats (truncated), NumPy scalars and
// one-element arrays.
bool to_i128(VM& vm, Value v, __int128& out) {
  if (v.is_bool()) {
    out = v.as_bool() ? 1 : 0;
    return true;
  }
  if (v.is_int()) {
    out = v.as_int();
    return true;
  }
  if (v.is_float()) {
    double d = v.as_float();
    if (std::isnan(d))
      return !failed(vm.raise(vm.exc().ValueError, "cannot convert float NaN to integer"));
    if (std::isinf(d))
      return !failed(vm.raise(vm.exc().OverflowError, "cannot convert float infinity to integer"));
    d = std::trunc(d);
    out = d >= 1e30 ? kClamp : d <= -1e30 ? -kClamp : static_cast<__int128>(d);
    return true;
  }
  if (is_kind(v, Kind::BigInt)) {
    BigInt b;
    int_to_bigint(v, b);
    if (b.bit_length() > 100) {
      out = b.sign() < 0 ? -kClamp : kClamp;
      return true;
    }
    BigInt mag, hi, lo;
    BigInt::abs(b, mag);
    (void)BigInt::rshift(mag, 64, hi);
    BigInt::bit_and(mag, BigInt::from_u64(UINT64_MAX), lo);
    __int128 m = (static_cast<__int128>(hi.to_u64()) << 64) | lo.to_u64();
    out = b.sign() < 0 ? -m : m;
    return true;
  }
  if (is_np_scalar(vm, v)) {
    NpScalar* s = as_np_scalar(v);
    return to_i128(vm, element_to_python(vm, s->dtype, s->ptr()), out);
  }
  if (is_ndarray(vm, v) && as_ndarray(v)->size == 1) {
    NDArray* a = as_ndarray(v);
    int64_t zero[kMaxDims] = {};
    return to_i128(vm, element_to_python(vm, a->dtype, a->at(zero)), out);
  }
  int64_t i;
  if (!index_of(vm, v, i)) return false;
  out = i;
  return true;
}

// A bound as an array (Python ints beyond 64 bits become a one-element clamp marker).
NDArray* bound_array(VM& vm, Value v) {
  if (is_kind(v, Kind::BigInt)) {
    __int128 x;
    (void)to_i128(vm, v, x);
    if (x >= INT64_MIN && x <= static_cast<__int128>(UINT64_MAX)) return as_array(vm, v);
    return nullptr;  // caller treats it as a scalar
  }
  return as_array(vm, v);
}

// randint with scalar bounds.
Value randint_scalar(VM& vm, LegacyRandomState& rs, DType dt, __int128 lo, __int128 hi,
                     const std::optional<std::vector<int64_t>>& size, bool py_result) {
  NDArray* out = nullptr;
  unsigned char one[16] = {};
  if (size) {
    out = new_array(vm, dt, *size);
    if (!out) return Value();
  }
  RandomError err;
  bool ok = visit_dtype(dt, [&]<class T>() {
    if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double> ||
                  std::is_same_v<T, c128>) {
      return false;
    } else {
      std::span<T> span = out ? std::span<T>(out->typed<T>(), static_cast<size_t>(out->size))
                              : std::span<T>(reinterpret_cast<T*>(one), 1);
      return rs.randint<T>(lo, hi, span, &err);
    }
  });
  if (!ok) return raise_random(vm, err);
  if (out) return Value::from_obj(out);
  if (py_result) return element_to_python(vm, dt, one);
  return box_scalar(vm, dt, one);
}

bool int_limits(DType dt, __int128& lo, __int128& hi) {
  return visit_dtype(dt, [&]<class T>() {
    if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double> ||
                  std::is_same_v<T, c128>) {
      return false;
    } else {
      lo = std::numeric_limits<T>::min();
      hi = std::numeric_limits<T>::max();
      return true;
    }
  });
}

// randint with array bounds (NumPy's _rand_*_broadcast).
Value randint_broadcast(VM& vm, LegacyRandomState& rs, DType dt, NDArray* low, NDArray* high,
                        const std::optional<std::vector<int64_t>>& size) {
  __int128 tmin = 0, tmax = 0;
  (void)int_limits(dt, tmin, tmax);
  std::string name(dtype_name(dt));
  auto vals = [&](NDArray* a, std::vector<__int128>& v) {
    bool ok = true;
    for_each_broadcast(shape_of(a), std::span<NDArray* const>(&a, 1), [&](int64_t, char** p) {
      __int128 x = 0;
      if (ok) ok = to_i128(vm, element_to_python(vm, a->dtype, p[0]), x);
      v.push_back(x);
    });
    return ok;
  };
  std::vector<__int128> lv, hv;
  if (!vals(low, lv) || !vals(high, hv)) return Value();
  for (__int128 x : lv)
    if (x < tmin) return vm.raise(vm.exc().ValueError, "low is out of bounds for " + name);
  for (__int128 x : hv)
    if (x - 1 > tmax) return vm.raise(vm.exc().ValueError, "high is out of bounds for " + name);
  NDArray* pair[] = {low, high};
  std::vector<int64_t> bshape;
  if (!broadcast_arrays_shape(vm, pair, bshape)) return Value();
  bool bad = false, all_zero = true;
  for (__int128 x : lv) all_zero = all_zero && x == 0;
  // Element order of (low, high) over the broadcast shape.
  auto pairs = [&](std::span<const int64_t> shape, std::vector<__int128>& lo,
                   std::vector<__int128>& hi) {
    for_each_broadcast(shape, pair, [&](int64_t, char** p) {
      __int128 a = 0, b = 0;
      (void)to_i128(vm, element_to_python(vm, low->dtype, p[0]), a);
      (void)to_i128(vm, element_to_python(vm, high->dtype, p[1]), b);
      lo.push_back(a);
      hi.push_back(b);
    });
  };
  std::vector<__int128> blo, bhi;
  pairs(bshape, blo, bhi);
  for (size_t i = 0; i < blo.size(); ++i) bad = bad || blo[i] >= bhi[i];
  if (bad) return vm.raise(vm.exc().ValueError, all_zero ? "high <= 0" : "low >= high");
  std::vector<int64_t> shape;
  if (!broadcast_params(vm, pair, size, shape, true)) return Value();
  NDArray* out = new_array(vm, dt, shape);
  if (!out) return Value();
  blo.clear();
  bhi.clear();
  pairs(shape, blo, bhi);
  visit_dtype(dt, [&]<class T>() {
    if constexpr (!(std::is_same_v<T, float> || std::is_same_v<T, double> ||
                    std::is_same_v<T, c128>)) {
      rs.randint_each<T>(blo, bhi, std::span<T>(out->typed<T>(), static_cast<size_t>(out->size)));
    }
  });
  return Value::from_obj(out);
}

// The dtype= of randint: NumPy's np.dtype(dtype); `int` and `bool` also ask for Python
// scalars when size is None.
bool randint_dtype(VM& vm, Value v, DType& dt, bool& py_result) {
  py_result = false;
  if (v.is_undef() || (v.is_obj() && v.as_obj() == vm.types().int_)) {
    dt = DType::Int64;
    py_result = true;
    return true;
  }
  if (v.is_obj() && v.as_obj() == vm.types().bool_) {
    dt = DType::Bool;
    py_result = true;
    return true;
  }
  if (!parse_dtype(vm, v, dt)) return false;
  if (!is_integer(dt) && dt != DType::Bool) {
    vm.raise_fmt(vm.exc().TypeError, "Unsupported dtype dtype('%s') for randint",
                 std::string(dtype_name(dt)).c_str());
    return false;
  }
  return true;
}

Value randint_impl(VM& vm, Value self, Value low, Value high, Value size_v, DType dt,
                   bool py_result) {
  LegacyRandomState& rs = rs_of(self);
  if (high.is_undef() || high.is_none()) {
    high = low;
    low = Value::from_int(0);
  }
  std::optional<std::vector<int64_t>> size;
  if (!parse_size(vm, size_v, size)) return Value();
  if (size) {
    int64_t n = 1;
    for (int64_t d : *size) n *= d;
    if (n == 0) return wrap_array(new_array(vm, dt, *size));
  }
  NDArray* la = bound_array(vm, low);
  if (!la && vm.has_pending()) return Value();
  if (la) vm.root(Value::from_obj(la));
  NDArray* ha = bound_array(vm, high);
  if (!ha && vm.has_pending()) return Value();
  if (ha) vm.root(Value::from_obj(ha));
  auto scalar_like = [&](NDArray* a) {
    return !a || a->ndim == 0 || (a->ndim == 1 && a->size == 1 && size);
  };
  if (scalar_like(la) && scalar_like(ha)) {
    __int128 lo, hi;
    if (!to_i128(vm, la ? Value::from_obj(la) : low, lo) ||
        !to_i128(vm, ha ? Value::from_obj(ha) : high, hi))
      return Value();
    return randint_scalar(vm, rs, dt, lo, hi, size, py_result);
  }
  if (!la || !ha) {
    // A huge Python int against an array bound: out of range either way.
    std::string name(dtype_name(dt));
    return vm.raise(vm.exc().ValueError,
                    (la ? "high" : "low") + std::string(" is out of bounds for ") + name);
  }
  return randint_broadcast(vm, rs, dt, la, ha, size);
}

// Elements of 1-d `a` at `idx` into a new array of a's dtype and `shape`.
NDArray* take_1d(VM& vm, NDArray* a, std::span<const int64_t> idx, std::span<const int64_t> shape) {
  NDArray* out = new_array(vm, a->dtype, shape);
  if (!out) return nullptr;
  const int64_t isz = a->itemsize;
  for (size_t i = 0; i < idx.size(); ++i)
    std::memcpy(out->data + static_cast<int64_t>(i) * isz, a->data + idx[i] * a->strides[0], isz);
  return out;
}

// Rows of n-d `a` in the order `idx` (a[idx] for an index array over axis 0).
NDArray* take_rows(VM& vm, NDArray* a, std::span<const int64_t> idx) {
  std::vector<int64_t> shape(a->shape, a->shape + a->ndim);
  shape[0] = static_cast<int64_t>(idx.size());
  NDArray* out = new_array(vm, a->dtype, shape);
  if (!out) return nullptr;
  VM::TempRoot keep(vm, out);
  for (size_t i = 0; i < idx.size(); ++i) {
    int64_t row_stride = out->strides[0];
    NDArray* dst = new_view(vm, out, a->dtype, out->data + static_cast<int64_t>(i) * row_stride,
                            {out->shape + 1, static_cast<size_t>(a->ndim - 1)},
                            {out->strides + 1, static_cast<size_t>(a->ndim - 1)});
    if (!dst) return nullptr;
    VM::TempRoot keep_dst(vm, dst);
    NDArray* src = new_view(vm, a, a->dtype, a->data + idx[i] * a->strides[0],
                            {a->shape + 1, static_cast<size_t>(a->ndim - 1)},
                            {a->strides + 1, static_cast<size_t>(a->ndim - 1)});
    if (!src || !copy_into(vm, dst, src)) return nullptr;
  }
  return out;
}

// Swaps rows i and j of `x` (elements for 1-d) in place through a small buffer.
void swap_rows(NDArray* x, int64_t i, int64_t j, std::vector<char>& buf) {
  if (x->ndim == 1) {
    char* pi = x->data + i * x->strides[0];
    char* pj = x->data + j * x->strides[0];
    std::memcpy(buf.data(), pj, x->itemsize);
    std::memcpy(pj, pi, x->itemsize);
    std::memcpy(pi, buf.data(), x->itemsize);
    return;
  }
  // Walk the sub-array element by element.
  const int nd = x->ndim - 1;
  int64_t counter[kMaxDims] = {};
  int64_t n = 1;
  for (int d = 1; d <= nd; ++d) n *= x->shape[d];
  for (int64_t k = 0; k < n; ++k) {
    int64_t off = 0;
    for (int d = 0; d < nd; ++d) off += counter[d] * x->strides[d + 1];
    char* pi = x->data + i * x->strides[0] + off;
    char* pj = x->data + j * x->strides[0] + off;
    std::memcpy(buf.data(), pj, x->itemsize);
    std::memcpy(pj, pi, x->itemsize);
    std::memcpy(pi, buf.data(), x->itemsize);
    for (int d = nd - 1; d >= 0; --d) {
      if (++counter[d] < x->shape[d + 1]) break;
      counter[d] = 0;
    }
  }
}

void shuffle_array(LegacyRandomState& rs, NDArray* x) {
  std::vector<char> buf(16);
  if (x->size == 0) {
    rs.shuffle_swaps(x->shape[0], [](int64_t, int64_t) {});
    return;
  }
  rs.shuffle_swaps(x->shape[0], [&](int64_t i, int64_t j) {
    if (i != j) swap_rows(x, i, j, buf);
  });
}

}  // namespace

Value rs_randint(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"randint", {"self", "low", "high=", "size=", "dtype="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  DType dt;
  bool py_result;
  if (!randint_dtype(vm, p[4], dt, py_result)) return Value();
  return randint_impl(vm, p[0], p[1], p[2], p[3], dt, py_result);
}

// random_integers(low, high=None, size=None): randint(low, high + 1, dtype='l').
Value rs_random_integers(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"random_integers", {"self", "low", "high=", "size="}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value low = p[1], high = p[2];
  if (high.is_undef() || high.is_none()) {
    high = low;
    low = Value::from_int(1);
  }
  __int128 h;
  if (!to_i128(vm, high, h)) return Value();
  Value h1 = h + 1 <= INT64_MAX ? Value::from_int(static_cast<int64_t>(h + 1))
                                : Value::from_float(static_cast<double>(h + 1));
  return randint_impl(vm, p[0], low, h1, p[3], DType::Int64, false);
}

Value rs_choice(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"choice", {"self", "a", "size=", "replace=", "p="}};
  Value p[5];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  LegacyRandomState& rs = rs_of(p[0]);
  NDArray* a = as_array(vm, p[1]);
  if (!a) return Value();
  vm.root(Value::from_obj(a));
  std::optional<std::vector<int64_t>> size;
  if (!parse_size(vm, p[2], size)) return Value();
  int64_t pop_size;
  if (a->ndim == 0) {
    if (!is_integer(a->dtype) && a->dtype != DType::Bool)
      return vm.raise(vm.exc().ValueError, "a must be 1-dimensional or an integer");
    __int128 v;
    if (!to_i128(vm, Value::from_obj(a), v)) return Value();
    pop_size = static_cast<int64_t>(v);
  } else if (a->ndim != 1) {
    return vm.raise(vm.exc().ValueError, "a must be 1-dimensional");
  } else {
    pop_size = a->shape[0];
  }
  bool replace = true;
  if (!p[3].is_undef()) {
    int t = truthy(vm, p[3]);
    if (t < 0) return Value();
    replace = t;
  }
  int64_t count = 1;
  if (size)
    for (int64_t d : *size) count *= d;
  std::optional<std::span<const double>> probs;
  std::vector<double> pbuf;
  double atol = kChoiceDefaultAtol;
  if (!p[4].is_undef() && !p[4].is_none()) {
    if (is_ndarray(vm, p[4]) && as_ndarray(p[4])->dtype == DType::Float32)
      atol = std::max(atol, 3.4526698300124393e-04);  // sqrt(finfo(float32).eps)
    NDArray* pa = as_array(vm, p[4], DType::Float64);
    if (!pa) return Value();
    vm.root(Value::from_obj(pa));
    if (pa->ndim == 0) return vm.raise(vm.exc().TypeError, "len() of unsized object");
    if (pa->ndim != 1) return vm.raise(vm.exc().ValueError, "'p' must be 1-dimensional");
    NDArray* pc = as_contiguous(vm, pa);
    if (!pc) return Value();
    pbuf.assign(pc->typed<double>(), pc->typed<double>() + pc->size);
    probs = std::span<const double>(pbuf);
  }
  if (pop_size <= 0 && count != 0 && a->ndim == 0)
    return vm.raise(vm.exc().ValueError, "a must be greater than 0 unless no samples are taken");
  std::vector<int64_t> idx(static_cast<size_t>(count));
  RandomError err;
  if (!rs.choice(pop_size, a->ndim == 0, replace, probs, atol, idx, &err))
    return raise_random(vm, err);
  std::vector<int64_t> shape = size.value_or(std::vector<int64_t>{});
  if (a->ndim == 0) {
    if (!size) return Value::from_int(idx[0]);
    NDArray* out = new_array(vm, DType::Int64, shape);
    if (!out) return Value();
    if (count) std::memcpy(out->data, idx.data(), idx.size() * sizeof(int64_t));
    return Value::from_obj(out);
  }
  if (!size) return box_scalar(vm, a->dtype, a->data + idx[0] * a->strides[0]);
  return wrap_array(take_1d(vm, a, idx, shape));
}

Value rs_shuffle(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"shuffle", {"self", "x"}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  LegacyRandomState& rs = rs_of(p[0]);
  Value x = p[1];
  if (is_ndarray(vm, x)) {
    NDArray* arr = as_ndarray(x);
    if (arr->ndim == 0) return vm.raise(vm.exc().TypeError, "len() of unsized object");
    if (!check_writeable(vm, arr)) return Value();
    shuffle_array(rs, arr);
    return Value::none();
  }
  if (is_kind(x, Kind::List)) {
    List* l = as_list(x);
    rs.shuffle_swaps(static_cast<int64_t>(l->len), [&](int64_t i, int64_t j) {
      if (static_cast<size_t>(i) < l->len && static_cast<size_t>(j) < l->len)
        std::swap(l->items[i], l->items[j]);
    });
    return Value::none();
  }
  int64_t n;
  if (!length(vm, x, n)) return Value();
  return vm.raise_fmt(vm.exc().NotImplementedError,
                      "np.random.shuffle of a '%s' is not supported by pyjitvm", type_name(vm, x));
}

Value rs_permutation(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"permutation", {"self", "x"}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  LegacyRandomState& rs = rs_of(p[0]);
  Value x = p[1];
  bool int_like = x.is_int() || x.is_bool() || is_kind(x, Kind::BigInt) ||
                  (is_np_scalar(vm, x) && is_integer(as_np_scalar(x)->dtype));
  if (int_like) {
    int64_t n;
    if (!index_of(vm, x, n)) return Value();
    const int64_t shape[] = {std::max<int64_t>(n, 0)};
    NDArray* out = new_array(vm, DType::Int64, shape);
    if (!out) return Value();
    std::span<int64_t> s(out->typed<int64_t>(), static_cast<size_t>(shape[0]));
    rs.permutation(s);
    return Value::from_obj(out);
  }
  NDArray* arr = as_array(vm, x);
  if (!arr) return Value();
  vm.root(Value::from_obj(arr));
  if (arr->ndim < 1)
    return vm.raise(vm.exc().IndexError, "x must be an integer or at least 1-dimensional");
  if (arr->ndim == 1) {
    NDArray* c = copy_array(vm, arr, arr->dtype, 'C');
    if (!c) return Value();
    shuffle_array(rs, c);
    return Value::from_obj(c);
  }
  std::vector<int64_t> idx(static_cast<size_t>(arr->shape[0]));
  rs.permutation(idx);
  return wrap_array(take_rows(vm, arr, idx));
}

}  // namespace pyjitvm::stdlib::np
