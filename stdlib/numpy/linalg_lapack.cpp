// stdlib/numpy/linalg_lapack.cpp — numpy.linalg: norm, det, slogdet, inv, solve and
// LinAlgError, on OpenBLAS's LAPACK (the same library NumPy 1.24 uses on this system).
//
// Stage: install_linalg_module() fills the submodule created by install_linalg().
// Each (stacked) matrix is copied into a column-major float64/complex128 buffer, handed
// to LAPACK (dgetrf, dgesv, zgetrf, zgesv), and copied back in C order.
//
// Invariants:
//   I1  Computation is in double (or complex double) whatever the input, and the result
//       is cast to NumPy's result type (float32 in → float32 out), as linalg's
//       _commonType does — `common_type()`.
//   I2  det is sign * exp(sum(log|u_ii|)) from the LU factors, NumPy's formula, not the
//       product of the diagonal (det([[1,2],[3,4]]) is -2.0000000000000004) —
//       `slogdet_one()`.
//   I3  Singular matrices raise numpy.linalg.LinAlgError("Singular matrix"); shape
//       errors use NumPy's LinAlgError/ValueError messages — `check_square()`,
//       `f_solve()`.
//   I4  norm's default (and 'fro', and 2 for vectors) is sqrt(dot(x, x)) over x
//       raveled in memory order, through the same BLAS dot as NumPy; the axis= forms use
//       the reduction engine (reduce.h) as NumPy's add.reduce/max/min do — `f_norm()`.
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/linalg_blas.h"
#include "stdlib/numpy/misc_iter.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/reduce.h"
#include "stdlib/numpy/scalar.h"
#include "vm/dict_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/tuple_object.h"

extern "C" {
void dgetrf_(const int* m, const int* n, double* a, const int* lda, int* ipiv, int* info);
void zgetrf_(const int* m, const int* n, void* a, const int* lda, int* ipiv, int* info);
void dgesv_(const int* n, const int* nrhs, double* a, const int* lda, int* ipiv, double* b,
            const int* ldb, int* info);
void zgesv_(const int* n, const int* nrhs, void* a, const int* lda, int* ipiv, void* b,
            const int* ldb, int* info);
}

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

NDArray* rooted(VM& vm, NDArray* a) {
  if (a) vm.root(Value::from_obj(a));
  return a;
}

Value linalg_error(VM& vm, const std::string& msg) {
  Value t = vm.get_ext("numpy.linalg.LinAlgError");
  if (t.is_undef()) return vm.raise(vm.exc().ValueError, msg);
  return vm.raise(as_type(t), msg);
}

// _commonType: computation dtype (float64 or complex128) and result dtype (I1).
void common_type(std::initializer_list<DType> ds, DType& comp, DType& result) {
  bool cplx = false, dbl = false;
  for (DType d : ds) {
    if (is_complex(d)) cplx = true;
    if (d != DType::Float32) dbl = true;
  }
  comp = cplx ? DType::Complex128 : DType::Float64;
  result = cplx ? DType::Complex128 : dbl ? DType::Float64 : DType::Float32;
}

bool check_square(VM& vm, NDArray* a) {
  if (a->ndim < 2) {
    linalg_error(vm, std::to_string(a->ndim) +
                         "-dimensional array given. Array must be at least two-dimensional");
    return false;
  }
  if (a->shape[a->ndim - 1] != a->shape[a->ndim - 2]) {
    linalg_error(vm, "Last 2 dimensions of the array must be square");
    return false;
  }
  return true;
}

// Copies the (r x c) matrix at `p` (byte strides rs, cs) of dtype `from` into a
// column-major buffer of dtype T.
template <class T>
void to_fortran(DType from, const char* p, int64_t rs, int64_t cs, int64_t r, int64_t c, T* buf) {
  visit_dtype(from, [&]<class S>() {
    for (int64_t j = 0; j < c; ++j)
      for (int64_t i = 0; i < r; ++i) {
        S v;
        std::memcpy(&v, p + i * rs + j * cs, sizeof(S));
        buf[i + j * r] = convert_element<T>(v);
      }
  });
}

// Walks the stack dimensions (all but the last `core`) of `a`: fn(t, byte offset).
template <class Fn>
void for_each_matrix(const NDArray* a, int core, Fn fn) {
  const int nb = a->ndim - core;
  int64_t total = 1;
  for (int i = 0; i < nb; ++i) total *= a->shape[i];
  std::vector<int64_t> idx(static_cast<size_t>(std::max(nb, 0)), 0);
  for (int64_t t = 0; t < total; ++t) {
    int64_t off = 0;
    for (int i = 0; i < nb; ++i) off += idx[i] * a->strides[i];
    fn(t, off);
    for (int i = nb - 1; i >= 0; --i) {
      if (++idx[i] < a->shape[i]) break;
      idx[i] = 0;
    }
  }
}

Value result_value(VM& vm, NDArray* r, DType result) {
  if (!r) return Value();
  vm.root(Value::from_obj(r));
  if (r->dtype != result && !(r = rooted(vm, copy_array(vm, r, result, 'C')))) return Value();
  if (r->ndim == 0) return box_scalar(vm, r->dtype, r->data);
  return Value::from_obj(r);
}

// ---- det / slogdet (I2)
template <class T>
void slogdet_one(T* buf, int n, std::vector<int>& piv, T& sign, double& logdet) {
  int info = 0, lda = std::max(n, 1);
  if (n > 0) {
    if constexpr (std::is_same_v<T, double>)
      dgetrf_(&n, &n, buf, &lda, piv.data(), &info);
    else
      zgetrf_(&n, &n, buf, &lda, piv.data(), &info);
  }
  if (info != 0) {
    sign = T(0);
    logdet = -INFINITY;
    return;
  }
  int change = 0;
  for (int i = 0; i < n; ++i) change += piv[i] != i + 1;
  sign = (change % 2) ? T(-1) : T(1);
  double acc = 0.0;
  for (int i = 0; i < n; ++i) {
    T e = buf[i * (n + 1)];
    if constexpr (std::is_same_v<T, double>) {
      if (e < 0) {
        sign = -sign;
        e = -e;
      }
      acc += std::log(e);
    } else {
      double ab = std::abs(e);
      T se(e.real() / ab, e.imag() / ab);
      sign = T(sign.real() * se.real() - sign.imag() * se.imag(),
               sign.real() * se.imag() + sign.imag() * se.real());
      acc += std::log(ab);
    }
  }
  logdet = acc;
}

template <class T>
bool det_arrays(VM& vm, NDArray* a, NDArray*& sign_out, NDArray*& logdet_out, NDArray*& det_out) {
  const int n = static_cast<int>(a->shape[a->ndim - 1]);
  std::span<const int64_t> stack(a->shape, static_cast<size_t>(a->ndim - 2));
  constexpr DType kD = std::is_same_v<T, double> ? DType::Float64 : DType::Complex128;
  sign_out = rooted(vm, new_array(vm, kD, stack));
  logdet_out = sign_out ? rooted(vm, new_array(vm, DType::Float64, stack)) : nullptr;
  det_out = logdet_out ? rooted(vm, new_array(vm, kD, stack)) : nullptr;
  if (!det_out) return false;
  std::vector<T> buf(static_cast<size_t>(n) * n);
  std::vector<int> piv(static_cast<size_t>(std::max(n, 1)));
  const int64_t rs = a->strides[a->ndim - 2], cs = a->strides[a->ndim - 1];
  for_each_matrix(a, 2, [&](int64_t t, int64_t off) {
    to_fortran<T>(a->dtype, a->data + off, rs, cs, n, n, buf.data());
    T sign;
    double logdet;
    slogdet_one(buf.data(), n, piv, sign, logdet);
    sign_out->typed<T>()[t] = sign;
    logdet_out->typed<double>()[t] = logdet;
    if constexpr (std::is_same_v<T, double>) {
      det_out->typed<double>()[t] = sign * std::exp(logdet);
    } else {
      const double e = std::exp(logdet);
      det_out->typed<T>()[t] =
          T(sign.real() * e - sign.imag() * 0.0, sign.real() * 0.0 + sign.imag() * e);
    }
  });
  return true;
}

bool det_common(VM& vm, Value av, NDArray*& sign, NDArray*& logdet, NDArray*& det, DType& result) {
  NDArray* a = rooted(vm, as_array(vm, av));
  if (!a || !check_square(vm, a)) return false;
  DType comp;
  common_type({a->dtype}, comp, result);
  return comp == DType::Float64 ? det_arrays<double>(vm, a, sign, logdet, det)
                                : det_arrays<c128>(vm, a, sign, logdet, det);
}

Value f_det(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"det", {"a"}};
  Value p[1];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray *sign, *logdet, *det;
  DType result;
  if (!det_common(vm, p[0], sign, logdet, det, result)) return Value();
  return result_value(vm, det, result);
}

Value f_slogdet(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"slogdet", {"a"}};
  Value p[1];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray *sign, *logdet, *det;
  DType result;
  if (!det_common(vm, p[0], sign, logdet, det, result)) return Value();
  DType real = is_complex(result) ? DType::Float64 : result;
  Value s = result_value(vm, sign, result);
  if (failed(s)) return Value();
  VM::TempRoot keep(vm, s);
  Value l = result_value(vm, logdet, real);
  if (failed(l)) return Value();
  return Value::from_obj(vm.tuple_of({s, l}));
}

// ---- inv / solve (I3)
// Solves a (n x n, Fortran) X = b (n x nrhs, Fortran) in place in b; false if singular.
template <class T>
bool gesv(T* a, T* b, int n, int nrhs, std::vector<int>& piv) {
  if (n == 0 || nrhs == 0) return true;
  int info = 0, lda = std::max(n, 1), ldb = std::max(n, 1);
  if constexpr (std::is_same_v<T, double>)
    dgesv_(&n, &nrhs, a, &lda, piv.data(), b, &ldb, &info);
  else
    zgesv_(&n, &nrhs, a, &lda, piv.data(), b, &ldb, &info);
  return info == 0;
}

template <class T>
NDArray* inv_array(VM& vm, NDArray* a) {
  constexpr DType kD = std::is_same_v<T, double> ? DType::Float64 : DType::Complex128;
  const int n = static_cast<int>(a->shape[a->ndim - 1]);
  NDArray* out = rooted(vm, new_array(vm, kD, shape_of(a)));
  if (!out) return nullptr;
  std::vector<T> A(static_cast<size_t>(n) * n), B(static_cast<size_t>(n) * n);
  std::vector<int> piv(static_cast<size_t>(std::max(n, 1)));
  const int64_t rs = a->strides[a->ndim - 2], cs = a->strides[a->ndim - 1];
  bool singular = false;
  for_each_matrix(a, 2, [&](int64_t t, int64_t off) {
    if (singular) return;
    to_fortran<T>(a->dtype, a->data + off, rs, cs, n, n, A.data());
    std::fill(B.begin(), B.end(), T(0));
    for (int i = 0; i < n; ++i) B[i * (n + 1)] = T(1);
    if (!gesv(A.data(), B.data(), n, n, piv)) {
      singular = true;
      return;
    }
    T* o = out->typed<T>() + t * n * n;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) o[i * n + j] = B[i + j * n];
  });
  if (singular) {
    linalg_error(vm, "Singular matrix");
    return nullptr;
  }
  return out;
}

Value f_inv(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"inv", {"a"}};
  Value p[1];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a = rooted(vm, as_array(vm, p[0]));
  if (!a || !check_square(vm, a)) return Value();
  DType comp, result;
  common_type({a->dtype}, comp, result);
  NDArray* r = comp == DType::Float64 ? inv_array<double>(vm, a) : inv_array<c128>(vm, a);
  if (!r) return Value();
  return result_value(vm, r, result);
}

template <class T>
NDArray* solve_arrays(VM& vm, NDArray* a, NDArray* b, bool vec, std::span<const int64_t> stack) {
  constexpr DType kD = std::is_same_v<T, double> ? DType::Float64 : DType::Complex128;
  const int n = static_cast<int>(a->shape[a->ndim - 1]);
  const int nrhs = vec ? 1 : static_cast<int>(b->shape[b->ndim - 1]);
  std::vector<int64_t> oshape(stack.begin(), stack.end());
  oshape.push_back(n);
  if (!vec) oshape.push_back(nrhs);
  NDArray* out = rooted(vm, new_array(vm, kD, oshape));
  if (!out) return nullptr;
  const int core_b = vec ? 1 : 2;
  // Broadcast stack strides.
  const int nb = static_cast<int>(stack.size());
  auto stack_strides = [&](NDArray* x, int core) {
    std::vector<int64_t> s(nb, 0);
    int own = x->ndim - core;
    for (int i = 0; i < own; ++i) s[nb - own + i] = x->shape[i] == 1 ? 0 : x->strides[i];
    return s;
  };
  std::vector<int64_t> sa = stack_strides(a, 2), sb = stack_strides(b, core_b);
  std::vector<T> A(static_cast<size_t>(n) * n), B(static_cast<size_t>(n) * nrhs);
  std::vector<int> piv(static_cast<size_t>(std::max(n, 1)));
  int64_t total = 1;
  for (int64_t d : stack) total *= d;
  std::vector<int64_t> idx(nb, 0);
  const int64_t brs = b->strides[b->ndim - core_b], bcs = vec ? 0 : b->strides[b->ndim - 1];
  for (int64_t t = 0; t < total; ++t) {
    int64_t oa = 0, ob = 0;
    for (int i = 0; i < nb; ++i) {
      oa += idx[i] * sa[i];
      ob += idx[i] * sb[i];
    }
    to_fortran<T>(a->dtype, a->data + oa, a->strides[a->ndim - 2], a->strides[a->ndim - 1], n, n,
                  A.data());
    to_fortran<T>(b->dtype, b->data + ob, brs, bcs, n, nrhs, B.data());
    if (!gesv(A.data(), B.data(), n, nrhs, piv)) {
      linalg_error(vm, "Singular matrix");
      return nullptr;
    }
    T* o = out->typed<T>() + t * n * nrhs;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < nrhs; ++j) o[i * nrhs + j] = B[i + j * n];
    for (int i = nb - 1; i >= 0; --i) {
      if (++idx[i] < stack[i]) break;
      idx[i] = 0;
    }
  }
  return out;
}

Value f_solve(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"solve", {"a", "b"}};
  Value p[2];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a = rooted(vm, as_array(vm, p[0]));
  if (!a || !check_square(vm, a)) return Value();
  NDArray* b = rooted(vm, as_array(vm, p[1]));
  if (!b) return Value();
  DType comp, result;
  common_type({a->dtype, b->dtype}, comp, result);
  const bool vec = b->ndim == a->ndim - 1;
  const char* name = vec ? "solve1" : "solve";
  const char* sig = vec ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)";
  const int core_b = vec ? 1 : 2;
  if (b->ndim < core_b)
    return vm.raise_fmt(vm.exc().ValueError,
                        "%s: Input operand 1 does not have enough dimensions (has %d, gufunc core "
                        "with signature %s requires %d)",
                        name, b->ndim, sig, core_b);
  const int64_t n = a->shape[a->ndim - 1], bm = b->shape[b->ndim - core_b];
  if (bm != n)
    return vm.raise_fmt(vm.exc().ValueError,
                        "%s: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                        "signature %s (size %lld is different from %lld)",
                        name, sig, static_cast<long long>(bm), static_cast<long long>(n));
  std::span<const int64_t> st[] = {{a->shape, static_cast<size_t>(a->ndim - 2)},
                                   {b->shape, static_cast<size_t>(b->ndim - core_b)}};
  std::vector<int64_t> stack;
  if (!broadcast_shapes(st, stack)) {
    NDArray* ops[] = {a, b};
    std::vector<int64_t> tmp;
    if (broadcast_arrays_shape(vm, ops, tmp))
      vm.raise(vm.exc().ValueError, "solve: operands could not be broadcast together");
    return Value();
  }
  NDArray* r = comp == DType::Float64 ? solve_arrays<double>(vm, a, b, vec, stack)
                                      : solve_arrays<c128>(vm, a, b, vec, stack);
  if (!r) return Value();
  return result_value(vm, r, result);
}

// ---- norm (I4)
// |x| element-wise as a real array (float32 stays float32, complex → float64).
NDArray* abs_array(VM& vm, NDArray* x) {
  DType rd = is_complex(x->dtype) ? DType::Float64 : x->dtype;
  NDArray* out = rooted(vm, new_array(vm, rd, shape_of(x)));
  if (!out) return nullptr;
  NDArray* ops[] = {x};
  visit_dtype(x->dtype, [&]<class T>() {
    if constexpr (std::is_floating_point_v<T> || std::is_same_v<T, c128>) {
      using R = std::conditional_t<std::is_same_v<T, c128>, double, T>;
      R* o = out->typed<R>();
      for_each_broadcast(shape_of(x), ops, [&](int64_t i, char** p) {
        T v;
        std::memcpy(&v, p[0], sizeof(T));
        o[i] = static_cast<R>(std::abs(v));
      });
    }
  });
  return out;
}

// Applies f to every element of a real array in place.
template <class F>
void map_real(NDArray* r, F f) {
  if (r->dtype == DType::Float32) {
    float* o = r->typed<float>();
    for (int64_t i = 0; i < r->size; ++i) o[i] = static_cast<float>(f(o[i]));
  } else {
    double* o = r->typed<double>();
    for (int64_t i = 0; i < r->size; ++i) o[i] = f(o[i]);
  }
}

// a **= e with NumPy's fast scalar powers (1, -1, 0, 0.5, 2) and pow() otherwise.
void inplace_power(NDArray* r, double e) {
  auto apply = [&]<class T>(T* o) {
    const T te = static_cast<T>(e);
    for (int64_t i = 0; i < r->size; ++i) {
      T v = o[i];
      if (e == 1.0)
        o[i] = v;
      else if (e == -1.0)
        o[i] = T(1) / v;
      else if (e == 0.0)
        o[i] = T(1);
      else if (e == 0.5)
        o[i] = std::sqrt(v);
      else if (e == 2.0)
        o[i] = v * v;
      else
        o[i] = std::pow(v, te);
    }
  };
  if (r->dtype == DType::Float32)
    apply(r->typed<float>());
  else
    apply(r->typed<double>());
}

Value reduce_axes(VM& vm, NDArray* x, ReduceKind kind, const char* name,
                  const std::vector<bool>& axes, bool keepdims) {
  ReduceSpec spec;
  spec.kind = kind;
  spec.name = name;
  spec.axes = axes;
  spec.keepdims = keepdims;
  return reduce(vm, x, spec);
}

// A reduce() result as a C-contiguous array (scalars become 0-d arrays).
NDArray* as_result_array(VM& vm, Value v) {
  if (failed(v)) return nullptr;
  NDArray* r = rooted(vm, as_array(vm, v));
  if (!r) return nullptr;
  return rooted(vm, copy_array(vm, r, r->dtype, 'C'));
}

// sqrt(dot(x, x)) over x raveled in memory order.
Value norm_fast(VM& vm, NDArray* x, bool keepdims) {
  NDArray* c = rooted(vm, copy_array(vm, x, x->dtype, 'K'));
  if (!c) return Value();
  DType rd = is_complex(x->dtype) ? DType::Float64 : x->dtype;
  alignas(16) unsigned char res[16] = {};
  if (rd == DType::Float32) {
    float s;
    dot_elements(DType::Float32, c->data, 4, c->data, 4, reinterpret_cast<char*>(&s), c->size);
    s = std::sqrt(s);
    std::memcpy(res, &s, 4);
  } else if (is_complex(x->dtype)) {
    double re, im;
    dot_elements(DType::Float64, c->data, 16, c->data, 16, reinterpret_cast<char*>(&re), c->size);
    dot_elements(DType::Float64, c->data + 8, 16, c->data + 8, 16, reinterpret_cast<char*>(&im),
                 c->size);
    double s = std::sqrt(re + im);
    std::memcpy(res, &s, 8);
  } else {
    double s;
    dot_elements(DType::Float64, c->data, 8, c->data, 8, reinterpret_cast<char*>(&s), c->size);
    s = std::sqrt(s);
    std::memcpy(res, &s, 8);
  }
  if (!keepdims) return box_scalar(vm, rd, res);
  std::vector<int64_t> ones(static_cast<size_t>(x->ndim), 1);
  NDArray* r = new_array(vm, rd, ones);
  if (!r) return Value();
  std::memcpy(r->data, res, static_cast<size_t>(itemsize(rd)));
  return Value::from_obj(r);
}

// (x.conj() * x).real
NDArray* abs2_array(VM& vm, NDArray* x) {
  DType rd = is_complex(x->dtype) ? DType::Float64 : x->dtype;
  NDArray* out = rooted(vm, new_array(vm, rd, shape_of(x)));
  if (!out) return nullptr;
  NDArray* ops[] = {x};
  visit_dtype(x->dtype, [&]<class T>() {
    if constexpr (std::is_floating_point_v<T>) {
      T* o = out->typed<T>();
      for_each_broadcast(shape_of(x), ops, [&](int64_t i, char** p) {
        T v;
        std::memcpy(&v, p[0], sizeof(T));
        o[i] = v * v;
      });
    } else if constexpr (std::is_same_v<T, c128>) {
      double* o = out->typed<double>();
      for_each_broadcast(shape_of(x), ops, [&](int64_t i, char** p) {
        double re, im;
        std::memcpy(&re, p[0], 8);
        std::memcpy(&im, p[0] + 8, 8);
        o[i] = re * re - (-im) * im;
      });
    }
  });
  return out;
}

Value scalar_or(VM& vm, NDArray* r) {
  if (!r) return Value();
  if (r->ndim == 0) return box_scalar(vm, r->dtype, r->data);
  return Value::from_obj(r);
}

// Vector norms along one axis.
Value vector_norm(VM& vm, NDArray* x, Value ord, double p, bool ord_none, int axis, bool keepdims) {
  std::vector<bool> axes(static_cast<size_t>(x->ndim), false);
  axes[axis] = true;
  if (is_kind(ord, Kind::Str)) {
    return vm.raise_fmt(vm.exc().ValueError, "Invalid norm order '%s' for vectors",
                        std::string(as_str(ord)->view()).c_str());
  }
  if (!ord_none && std::isinf(p)) {
    NDArray* ax = abs_array(vm, x);
    if (!ax) return Value();
    return reduce_axes(vm, ax, p > 0 ? ReduceKind::Max : ReduceKind::Min,
                       p > 0 ? "maximum" : "minimum", axes, keepdims);
  }
  if (!ord_none && p == 0) {
    DType rd = is_complex(x->dtype) ? DType::Float64 : x->dtype;
    NDArray* nz = rooted(vm, new_array(vm, rd, shape_of(x)));
    if (!nz) return Value();
    NDArray* ops[] = {x};
    visit_dtype(x->dtype, [&]<class T>() {
      for_each_broadcast(shape_of(x), ops, [&](int64_t i, char** q) {
        T v;
        std::memcpy(&v, q[0], sizeof(T));
        double one = convert_element<bool>(v) ? 1.0 : 0.0;
        if (rd == DType::Float32)
          nz->typed<float>()[i] = static_cast<float>(one);
        else
          nz->typed<double>()[i] = one;
      });
    });
    return reduce_axes(vm, nz, ReduceKind::Add, "add", axes, keepdims);
  }
  if (!ord_none && p == 1) {
    NDArray* ax = abs_array(vm, x);
    if (!ax) return Value();
    return reduce_axes(vm, ax, ReduceKind::Add, "add", axes, keepdims);
  }
  if (ord_none || p == 2) {
    NDArray* s = abs2_array(vm, x);
    if (!s) return Value();
    NDArray* r = as_result_array(vm, reduce_axes(vm, s, ReduceKind::Add, "add", axes, keepdims));
    if (!r) return Value();
    map_real(r, [](double v) { return std::sqrt(v); });
    return scalar_or(vm, r);
  }
  NDArray* ax = abs_array(vm, x);
  if (!ax) return Value();
  inplace_power(ax, p);
  NDArray* r = as_result_array(vm, reduce_axes(vm, ax, ReduceKind::Add, "add", axes, keepdims));
  if (!r) return Value();
  inplace_power(
      r, r->dtype == DType::Float32 ? static_cast<double>(1.0f / static_cast<float>(p)) : 1.0 / p);
  return scalar_or(vm, r);
}

Value matrix_norm(VM& vm, NDArray* x, Value ord, double p, bool ord_none, int row, int col,
                  bool keepdims) {
  if (row == col) return vm.raise(vm.exc().ValueError, "Duplicate axes given.");
  std::string sord = is_kind(ord, Kind::Str) ? std::string(as_str(ord)->view()) : "";
  NDArray* r = nullptr;
  if (ord_none || sord == "fro" || sord == "f") {
    NDArray* s = abs2_array(vm, x);
    if (!s) return Value();
    std::vector<bool> axes(static_cast<size_t>(x->ndim), false);
    axes[row] = axes[col] = true;
    r = as_result_array(vm, reduce_axes(vm, s, ReduceKind::Add, "add", axes, false));
    if (!r) return Value();
    map_real(r, [](double v) { return std::sqrt(v); });
  } else if (sord.empty() && (p == 1 || p == -1 || std::isinf(p))) {
    NDArray* ax = abs_array(vm, x);
    if (!ax) return Value();
    bool cols = p == 1 || p == -1;  // sum over rows, then max/min over columns
    int sum_axis = cols ? row : col, other = cols ? col : row;
    if (other > sum_axis) other -= 1;
    std::vector<bool> a1(static_cast<size_t>(x->ndim), false);
    a1[sum_axis] = true;
    NDArray* s = as_result_array(vm, reduce_axes(vm, ax, ReduceKind::Add, "add", a1, false));
    if (!s) return Value();
    std::vector<bool> a2(static_cast<size_t>(s->ndim), false);
    a2[other] = true;
    bool mx = p > 0;
    r = as_result_array(vm, reduce_axes(vm, s, mx ? ReduceKind::Max : ReduceKind::Min,
                                        mx ? "maximum" : "minimum", a2, false));
    if (!r) return Value();
  } else if (sord == "nuc" || (sord.empty() && (p == 2 || p == -2))) {
    return vm.raise(vm.exc().NotImplementedError,
                    "matrix 2-norms and nuclear norms (SVD) are not supported by pyjitvm");
  } else {
    return vm.raise(vm.exc().ValueError, "Invalid norm order for matrices.");
  }
  if (keepdims) {
    std::vector<int64_t> shape(x->shape, x->shape + x->ndim);
    shape[row] = shape[col] = 1;
    std::vector<int64_t> strides(shape.size());
    c_strides(shape, r->itemsize, strides.data());
    r = rooted(vm, new_view(vm, r, r->dtype, r->data, shape, strides));
    if (!r) return Value();
  }
  return scalar_or(vm, r);
}

Value f_norm(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"norm", {"x", "ord=", "axis=", "keepdims="}};
  Value p[4];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* x = rooted(vm, as_array(vm, p[0]));
  if (!x) return Value();
  if (!is_inexact(x->dtype) && !(x = rooted(vm, copy_array(vm, x, DType::Float64, 'K'))))
    return Value();
  bool keepdims = false;
  if (!p[3].is_undef()) {
    int t = truthy(vm, p[3]);
    if (t < 0) return Value();
    keepdims = t;
  }
  Value ord = p[1];
  const bool ord_none = ord.is_undef() || ord.is_none();
  const bool ord_str = is_kind(ord, Kind::Str);
  double pv = 0;
  if (!ord_none && !ord_str && !to_double(vm, ord, pv)) return Value();
  std::string sord = ord_str ? std::string(as_str(ord)->view()) : "";
  Value axis = p[2];
  const bool axis_none = axis.is_undef() || axis.is_none();
  if (axis_none) {
    if (ord_none || ((sord == "f" || sord == "fro") && x->ndim == 2) ||
        (!ord_str && pv == 2 && x->ndim == 1))
      return norm_fast(vm, x, keepdims);
  }
  std::vector<int64_t> ax;
  if (axis_none) {
    for (int i = 0; i < x->ndim; ++i) ax.push_back(i);
  } else if (is_kind(axis, Kind::Tuple)) {
    Tuple* t = as_tuple(axis);
    for (size_t i = 0; i < t->len; ++i) {
      int64_t v;
      if (!index_of(vm, (*t)[i], v)) return Value();
      ax.push_back(v);
    }
  } else if (axis.is_float()) {
    ax.push_back(static_cast<int64_t>(axis.as_float()));  // int(axis)
  } else {
    int64_t v;
    if (!index_of(vm, axis, v)) {
      vm.clear_pending();
      return vm.raise(vm.exc().TypeError, "'axis' must be None, an integer or a tuple of integers");
    }
    ax.push_back(v);
  }
  if (ax.size() == 1) {
    int a;
    if (!normalize_axis(vm, ax[0], x->ndim, a)) return Value();
    return vector_norm(vm, x, ord, pv, ord_none, a, keepdims);
  }
  if (ax.size() == 2) {
    int r, c;
    if (!normalize_axis(vm, ax[0], x->ndim, r) || !normalize_axis(vm, ax[1], x->ndim, c))
      return Value();
    return matrix_norm(vm, x, ord, pv, ord_none, r, c, keepdims);
  }
  return vm.raise(vm.exc().ValueError, "Improper number of dimensions to norm.");
}

const MethodDef kFunctions[] = {
    {"norm", f_norm}, {"det", f_det}, {"slogdet", f_slogdet}, {"inv", f_inv}, {"solve", f_solve},
};

}  // namespace

void install_linalg_module(VM& vm, Module* m) {
  if (vm.exec_module("class LinAlgError(Exception):\n    pass\n", "<numpy.linalg>", m)) {
    Value t = dict_get_str(m->dict, vm.intern("LinAlgError"));
    if (!t.is_undef()) vm.set_ext("numpy.linalg.LinAlgError", t);
  }
  add_functions(vm, m->dict, kFunctions);
}

}  // namespace pyjitvm::stdlib::np
