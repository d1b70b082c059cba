// stdlib/numpy/linalg_blas.cpp — the product kernels of linalg_blas.h: NumPy's dot
// functions, matmul's core selection and np.dot's cblas_matrixproduct, on OpenBLAS.
//
// Stage: computation-dtype operands → cblas_* calls (or NumPy's plain loops) → results.
//
// Invariants: linalg_blas.h I1–I2. The rules mirror NumPy 1.24 (matmul.c.src,
// cblasfuncs.c, arraytypes.c.src): a stride is "BLAS-able" when it is a positive
// multiple of the itemsize; a 2-d operand when its fast axis is contiguous and its slow
// stride covers the row. Sums that NumPy accumulates in a double starting from 0.0 do
// so here too (0.0 + -0.0 is +0.0).
#include "stdlib/numpy/linalg_blas.h"

#include <cblas.h>

#include <algorithm>
#include <complex>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numpy/cast.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

constexpr int64_t kBlasMax = 2147483647 - 1;

// blas_stride(): stride / itemsize when positive, aligned and small; else 0.
blasint blas_stride(int64_t stride, int64_t itemsize) {
  if (stride > 0 && stride % itemsize == 0 && stride / itemsize <= 2147483647)
    return static_cast<blasint>(stride / itemsize);
  return 0;
}

bool is_blasable2d(int64_t bs1, int64_t bs2, int64_t d1, int64_t d2, int64_t itemsize) {
  if (bs2 != itemsize) return false;
  int64_t unit1 = bs1 / itemsize;
  return bs1 % itemsize == 0 && unit1 >= d2 && unit1 <= kBlasMax;
}

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}
template <class T>
void store(char* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}

template <class T>
void int_dot(const char* ip1, int64_t is1, const char* ip2, int64_t is2, char* op, int64_t n) {
  using U = std::make_unsigned_t<T>;
  uint64_t tmp = 0;
  for (int64_t i = 0; i < n; ++i, ip1 += is1, ip2 += is2)
    tmp += static_cast<uint64_t>(static_cast<int64_t>(load<T>(ip1))) *
           static_cast<uint64_t>(static_cast<int64_t>(load<T>(ip2)));
  store<T>(op, static_cast<T>(static_cast<U>(tmp)));
}

template <class T>
void real_dot(const char* ip1, int64_t is1, const char* ip2, int64_t is2, char* op, int64_t n) {
  blasint b1 = blas_stride(is1, sizeof(T)), b2 = blas_stride(is2, sizeof(T));
  if (b1 && b2) {
    double sum = 0.;
    if constexpr (std::is_same_v<T, double>)
      sum += cblas_ddot(static_cast<blasint>(n), reinterpret_cast<const double*>(ip1), b1,
                        reinterpret_cast<const double*>(ip2), b2);
    else
      sum += cblas_sdot(static_cast<blasint>(n), reinterpret_cast<const float*>(ip1), b1,
                        reinterpret_cast<const float*>(ip2), b2);
    store<T>(op, static_cast<T>(sum));
    return;
  }
  T sum = 0;
  for (int64_t i = 0; i < n; ++i, ip1 += is1, ip2 += is2) sum += load<T>(ip1) * load<T>(ip2);
  store<T>(op, sum);
}

void complex_dot(const char* ip1, int64_t is1, const char* ip2, int64_t is2, char* op, int64_t n,
                 bool conj) {
  blasint b1 = blas_stride(is1, 16), b2 = blas_stride(is2, 16);
  if (b1 && b2) {
    double sum[2] = {0., 0.};
    double tmp[2];
    if (conj)
      cblas_zdotc_sub(static_cast<blasint>(n), ip1, b1, ip2, b2, tmp);
    else
      cblas_zdotu_sub(static_cast<blasint>(n), ip1, b1, ip2, b2, tmp);
    sum[0] += tmp[0];
    sum[1] += tmp[1];
    std::memcpy(op, sum, 16);
    return;
  }
  double sumr = 0., sumi = 0.;
  for (int64_t i = 0; i < n; ++i, ip1 += is1, ip2 += is2) {
    const double ar = load<double>(ip1), ai = load<double>(ip1 + 8);
    const double br = load<double>(ip2), bi = load<double>(ip2 + 8);
    if (conj) {
      sumr += ar * br + ai * bi;
      sumi += ar * bi - ai * br;
    } else {
      sumr += ar * br - ai * bi;
      sumi += ar * bi + ai * br;
    }
  }
  store<double>(op, sumr);
  store<double>(op + 8, sumi);
}

void bool_dot(const char* ip1, int64_t is1, const char* ip2, int64_t is2, char* op, int64_t n) {
  bool r = false;
  for (int64_t i = 0; i < n; ++i, ip1 += is1, ip2 += is2) {
    if (*ip1 && *ip2) {
      r = true;
      break;
    }
  }
  *op = r;
}

// NumPy's <TYPE>_matmul_inner_noblas.
template <class T>
void matmul_noblas(char* ip1, int64_t is1_m, int64_t is1_n, char* ip2, int64_t is2_n, int64_t is2_p,
                   char* op, int64_t os_m, int64_t os_p, int64_t dm, int64_t dn, int64_t dp) {
  for (int64_t m = 0; m < dm; ++m) {
    for (int64_t p = 0; p < dp; ++p) {
      char* a = ip1 + m * is1_m;
      char* b = ip2 + p * is2_p;
      char* o = op + m * os_m + p * os_p;
      if constexpr (std::is_same_v<T, bool>) {
        bool r = false;
        for (int64_t n = 0; n < dn; ++n)
          if (a[n * is1_n] && b[n * is2_n]) {
            r = true;
            break;
          }
        *o = r;
      } else if constexpr (std::is_same_v<T, c128>) {
        double re = 0., im = 0.;
        for (int64_t n = 0; n < dn; ++n) {
          const double ar = load<double>(a + n * is1_n), ai = load<double>(a + n * is1_n + 8);
          const double br = load<double>(b + n * is2_n), bi = load<double>(b + n * is2_n + 8);
          re += (ar * br) - (ai * bi);
          im += (ar * bi) + (ai * br);
        }
        store<double>(o, re);
        store<double>(o + 8, im);
      } else if constexpr (std::is_integral_v<T>) {
        using U = std::make_unsigned_t<T>;
        U acc = 0;
        for (int64_t n = 0; n < dn; ++n)
          acc = static_cast<U>(acc + static_cast<U>(static_cast<U>(load<T>(a + n * is1_n)) *
                                                    static_cast<U>(load<T>(b + n * is2_n))));
        store<T>(o, static_cast<T>(acc));
      } else {
        T acc = 0;
        for (int64_t n = 0; n < dn; ++n) acc += load<T>(a + n * is1_n) * load<T>(b + n * is2_n);
        store<T>(o, acc);
      }
    }
  }
}

constexpr double kOneZ[2] = {1.0, 0.0}, kZeroZ[2] = {0.0, 0.0};

// <TYPE>_gemv of matmul.c.src: op = ip1 (m x n) @ ip2 (n).
template <class T>
void mm_gemv(char* ip1, int64_t is1_m, int64_t is1_n, char* ip2, int64_t is2_n, char* op,
             int64_t op_m, int64_t m, int64_t n) {
  const int64_t sz = sizeof(T);
  CBLAS_ORDER order;
  blasint lda;
  if (is_blasable2d(is1_m, is1_n, m, n, sz)) {
    order = CblasColMajor;
    lda = static_cast<blasint>(is1_m / sz);
  } else {
    order = CblasRowMajor;
    lda = static_cast<blasint>(is1_n / sz);
  }
  const blasint M = static_cast<blasint>(m), N = static_cast<blasint>(n);
  const blasint incx = static_cast<blasint>(is2_n / sz), incy = static_cast<blasint>(op_m / sz);
  if constexpr (std::is_same_v<T, double>)
    cblas_dgemv(order, CblasTrans, N, M, 1., reinterpret_cast<double*>(ip1), lda,
                reinterpret_cast<double*>(ip2), incx, 0., reinterpret_cast<double*>(op), incy);
  else if constexpr (std::is_same_v<T, float>)
    cblas_sgemv(order, CblasTrans, N, M, 1.f, reinterpret_cast<float*>(ip1), lda,
                reinterpret_cast<float*>(ip2), incx, 0.f, reinterpret_cast<float*>(op), incy);
  else
    cblas_zgemv(order, CblasTrans, N, M, kOneZ, ip1, lda, ip2, incx, kZeroZ, op, incy);
}

template <class T>
void syrk_call(CBLAS_TRANSPOSE trans, blasint n, blasint k, const char* a, blasint lda, char* c,
               blasint ldc) {
  if constexpr (std::is_same_v<T, double>)
    cblas_dsyrk(CblasRowMajor, CblasUpper, trans, n, k, 1., reinterpret_cast<const double*>(a), lda,
                0., reinterpret_cast<double*>(c), ldc);
  else if constexpr (std::is_same_v<T, float>)
    cblas_ssyrk(CblasRowMajor, CblasUpper, trans, n, k, 1.f, reinterpret_cast<const float*>(a), lda,
                0.f, reinterpret_cast<float*>(c), ldc);
  else
    cblas_zsyrk(CblasRowMajor, CblasUpper, trans, n, k, kOneZ, a, lda, kZeroZ, c, ldc);
  // Copy the upper triangle to the lower one.
  for (blasint i = 0; i < n; ++i)
    for (blasint j = i + 1; j < n; ++j)
      std::memcpy(c + (static_cast<int64_t>(j) * ldc + i) * sizeof(T),
                  c + (static_cast<int64_t>(i) * ldc + j) * sizeof(T), sizeof(T));
}

template <class T>
void gemm_call(CBLAS_TRANSPOSE t1, CBLAS_TRANSPOSE t2, blasint m, blasint n, blasint k,
               const char* a, blasint lda, const char* b, blasint ldb, char* c, blasint ldc) {
  if constexpr (std::is_same_v<T, double>)
    cblas_dgemm(CblasRowMajor, t1, t2, m, n, k, 1., reinterpret_cast<const double*>(a), lda,
                reinterpret_cast<const double*>(b), ldb, 0., reinterpret_cast<double*>(c), ldc);
  else if constexpr (std::is_same_v<T, float>)
    cblas_sgemm(CblasRowMajor, t1, t2, m, n, k, 1.f, reinterpret_cast<const float*>(a), lda,
                reinterpret_cast<const float*>(b), ldb, 0.f, reinterpret_cast<float*>(c), ldc);
  else
    cblas_zgemm(CblasRowMajor, t1, t2, m, n, k, kOneZ, a, lda, b, ldb, kZeroZ, c, ldc);
}

// <TYPE>_matmul_matrixmatrix.
template <class T>
void mm_matrixmatrix(char* ip1, int64_t is1_m, int64_t is1_n, char* ip2, int64_t is2_n,
                     int64_t is2_p, char* op, int64_t os_m, int64_t m, int64_t n, int64_t p) {
  const int64_t sz = sizeof(T);
  const blasint ldc = static_cast<blasint>(os_m / sz);
  CBLAS_TRANSPOSE trans1, trans2;
  blasint lda, ldb;
  if (is_blasable2d(is1_m, is1_n, m, n, sz)) {
    trans1 = CblasNoTrans;
    lda = static_cast<blasint>(is1_m / sz);
  } else {
    trans1 = CblasTrans;
    lda = static_cast<blasint>(is1_n / sz);
  }
  if (is_blasable2d(is2_n, is2_p, n, p, sz)) {
    trans2 = CblasNoTrans;
    ldb = static_cast<blasint>(is2_n / sz);
  } else {
    trans2 = CblasTrans;
    ldb = static_cast<blasint>(is2_p / sz);
  }
  const blasint M = static_cast<blasint>(m), N = static_cast<blasint>(n),
                P = static_cast<blasint>(p);
  if (ip1 == ip2 && m == p && is1_m == is2_p && is1_n == is2_n && trans1 != trans2) {
    syrk_call<T>(trans1, P, N, ip1, trans1 == CblasNoTrans ? lda : ldb, op, ldc);
  } else {
    gemm_call<T>(trans1, trans2, M, P, N, ip1, lda, ip2, ldb, op, ldc);
  }
}

template <class T>
void matmul_blas(char* ip1, int64_t is1_m, int64_t is1_n, char* ip2, int64_t is2_n, int64_t is2_p,
                 char* op, int64_t os_m, int64_t os_p, int64_t dm, int64_t dn, int64_t dp) {
  const int64_t sz = sizeof(T);
  const bool special = dm == 1 || dn == 1 || dp == 1;
  const bool any_zero = dm == 0 || dn == 0 || dp == 0;
  const bool scalar_out = dm == 1 && dp == 1;
  const bool scalar_vec = dn == 1 && (dp == 1 || dm == 1);
  const bool too_big = dm > kBlasMax || dn > kBlasMax || dp > kBlasMax;
  const bool i1_c = is_blasable2d(is1_m, is1_n, dm, dn, sz);
  const bool i2_c = is_blasable2d(is2_n, is2_p, dn, dp, sz);
  const bool i1_f = is_blasable2d(is1_n, is1_m, dn, dm, sz);
  const bool i2_f = is_blasable2d(is2_p, is2_n, dp, dn, sz);
  const bool i1b = i1_c || i1_f, i2b = i2_c || i2_f;
  const bool o_c = is_blasable2d(os_m, os_p, dm, dp, sz);
  const bool o_f = is_blasable2d(os_p, os_m, dp, dm, sz);
  const bool vector_matrix = dm == 1 && i2b && is_blasable2d(is1_n, sz, dn, 1, sz);
  const bool matrix_vector = dp == 1 && i1b && is_blasable2d(is2_n, sz, dn, 1, sz);
  auto noblas = [&] {
    matmul_noblas<T>(ip1, is1_m, is1_n, ip2, is2_n, is2_p, op, os_m, os_p, dm, dn, dp);
  };
  if (too_big || any_zero) {
    noblas();
  } else if (special) {
    if (scalar_out) {
      if constexpr (std::is_same_v<T, c128>)
        complex_dot(ip1, is1_n, ip2, is2_n, op, dn, false);
      else
        real_dot<T>(ip1, is1_n, ip2, is2_n, op, dn);
    } else if (scalar_vec) {
      noblas();
    } else if (vector_matrix) {
      mm_gemv<T>(ip2, is2_p, is2_n, ip1, is1_n, op, os_p, dp, dn);
    } else if (matrix_vector) {
      mm_gemv<T>(ip1, is1_m, is1_n, ip2, is2_n, op, os_m, dm, dn);
    } else {
      noblas();
    }
  } else if (i1b && i2b && o_c) {
    mm_matrixmatrix<T>(ip1, is1_m, is1_n, ip2, is2_n, is2_p, op, os_m, dm, dn, dp);
  } else if (i1b && i2b && o_f) {
    mm_matrixmatrix<T>(ip2, is2_p, is2_n, ip1, is1_n, is1_m, op, os_p, dp, dn, dm);
  } else {
    noblas();
  }
}

}  // namespace

void dot_elements(DType d, const char* ip1, int64_t is1, const char* ip2, int64_t is2, char* op,
                  int64_t n) {
  switch (d) {
    case DType::Bool:
      bool_dot(ip1, is1, ip2, is2, op, n);
      return;
    case DType::Float64:
      real_dot<double>(ip1, is1, ip2, is2, op, n);
      return;
    case DType::Float32:
      real_dot<float>(ip1, is1, ip2, is2, op, n);
      return;
    case DType::Complex128:
      complex_dot(ip1, is1, ip2, is2, op, n, false);
      return;
    default:
      break;
  }
  visit_dtype(d, [&]<class T>() {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
      int_dot<T>(ip1, is1, ip2, is2, op, n);
  });
}

void vdot_elements(DType d, const char* ip1, int64_t is1, const char* ip2, int64_t is2, char* op,
                   int64_t n) {
  if (d == DType::Complex128)
    complex_dot(ip1, is1, ip2, is2, op, n, true);
  else
    dot_elements(d, ip1, is1, ip2, is2, op, n);
}

void matmul_core(DType d, char* ip1, int64_t is1_m, int64_t is1_n, char* ip2, int64_t is2_n,
                 int64_t is2_p, char* op, int64_t os_m, int64_t os_p, int64_t dm, int64_t dn,
                 int64_t dp) {
  switch (d) {
    case DType::Float64:
      matmul_blas<double>(ip1, is1_m, is1_n, ip2, is2_n, is2_p, op, os_m, os_p, dm, dn, dp);
      return;
    case DType::Float32:
      matmul_blas<float>(ip1, is1_m, is1_n, ip2, is2_n, is2_p, op, os_m, os_p, dm, dn, dp);
      return;
    case DType::Complex128:
      matmul_blas<c128>(ip1, is1_m, is1_n, ip2, is2_n, is2_p, op, os_m, os_p, dm, dn, dp);
      return;
    default:
      break;
  }
  visit_dtype(d, [&]<class T>() {
    if constexpr (!std::is_floating_point_v<T> && !std::is_same_v<T, c128>)
      matmul_noblas<T>(ip1, is1_m, is1_n, ip2, is2_n, is2_p, op, os_m, os_p, dm, dn, dp);
  });
}

namespace {

enum class MShape : uint8_t { Scalar, Column, Row, Matrix };

MShape matrix_shape(const NDArray* a) {
  switch (a->ndim) {
    case 0:
      return MShape::Scalar;
    case 1:
      return a->shape[0] > 1 ? MShape::Column : MShape::Scalar;
    case 2:
      if (a->shape[0] > 1) return a->shape[1] > 1 ? MShape::Matrix : MShape::Column;
      return a->shape[1] > 1 ? MShape::Row : MShape::Scalar;
    default:
      return MShape::Matrix;
  }
}

bool bad_strides(const NDArray* a) {
  const int64_t isz = a->itemsize;
  if (reinterpret_cast<uintptr_t>(a->data) % isz != 0) return true;
  for (int i = 0; i < a->ndim; ++i) {
    if (a->strides[i] < 0 || a->strides[i] % isz != 0) return true;
    if (a->strides[i] == 0 && a->shape[i] > 1) return true;
  }
  return false;
}

bool one_segment(const NDArray* a) { return a->c_contiguous() || a->f_contiguous(); }

// y += alpha * x over n elements (BLAS axpy of the dtype); strides in elements.
template <class T>
void axpy(int64_t n, const char* alpha, const char* x, int64_t incx, char* y, int64_t incy) {
  const blasint N = static_cast<blasint>(n), ix = static_cast<blasint>(incx),
                iy = static_cast<blasint>(incy);
  if constexpr (std::is_same_v<T, double>)
    cblas_daxpy(N, load<double>(alpha), reinterpret_cast<const double*>(x), ix,
                reinterpret_cast<double*>(y), iy);
  else if constexpr (std::is_same_v<T, float>)
    cblas_saxpy(N, load<float>(alpha), reinterpret_cast<const float*>(x), ix,
                reinterpret_cast<float*>(y), iy);
  else
    cblas_zaxpy(N, alpha, x, ix, y, iy);
}

// The product of two one-element operands: a2 * a1 in NumPy's operand order.
template <class T>
void scalar_product(const char* p2, const char* p1, char* out) {
  if constexpr (std::is_same_v<T, c128>) {
    const double r1 = load<double>(p2), i1 = load<double>(p2 + 8);
    const double r2 = load<double>(p1), i2 = load<double>(p1 + 8);
    store<double>(out, r1 * r2 - i1 * i2);
    store<double>(out + 8, r1 * i2 + i1 * r2);
  } else {
    store<T>(out, load<T>(p2) * load<T>(p1));
  }
}

template <class T>
void gemv_dot(CBLAS_ORDER order, CBLAS_TRANSPOSE trans, const NDArray* a, blasint lda,
              const NDArray* x, int64_t incx, NDArray* r) {
  const blasint m = static_cast<blasint>(a->shape[0]), n = static_cast<blasint>(a->shape[1]);
  const blasint ix = static_cast<blasint>(incx);
  if constexpr (std::is_same_v<T, double>)
    cblas_dgemv(order, trans, m, n, 1., reinterpret_cast<const double*>(a->data), lda,
                reinterpret_cast<const double*>(x->data), ix, 0.,
                reinterpret_cast<double*>(r->data), 1);
  else if constexpr (std::is_same_v<T, float>)
    cblas_sgemv(order, trans, m, n, 1.f, reinterpret_cast<const float*>(a->data), lda,
                reinterpret_cast<const float*>(x->data), ix, 0.f, reinterpret_cast<float*>(r->data),
                1);
  else
    cblas_zgemv(order, trans, m, n, kOneZ, a->data, lda, x->data, ix, kZeroZ, r->data, 1);
}

// The scalar-operand branch: out (zeroed) = a2 (one element) * a1.
template <class T>
void scaled(NDArray* ap1, NDArray* ap2, MShape s1, int64_t l, int64_t ap1stride, NDArray* out) {
  const int64_t sz = sizeof(T);
  if (l == 1) {
    scalar_product<T>(ap2->data, ap1->data, out->data);
  } else if (s1 != MShape::Matrix) {
    axpy<T>(l, ap2->data, ap1->data, ap1stride / sz, out->data, 1);
  } else {
    const int maxind = ap1->shape[0] >= ap1->shape[1] ? 0 : 1;
    const int oind = 1 - maxind;
    const char* ptr = ap1->data;
    char* optr = out->data;
    const int64_t len = ap1->shape[maxind];
    const int64_t a1s = ap1->strides[maxind] / sz, outs = out->strides[maxind] / sz;
    for (int64_t i = 0; i < ap1->shape[oind]; ++i) {
      axpy<T>(len, ap2->data, ptr, a1s, optr, outs);
      ptr += ap1->strides[oind];
      optr += out->strides[oind];
    }
  }
}

// The operands' roles and the result shape of cblas_matrixproduct (after a possible swap
// that makes ap2 the one-element operand).
struct ProductPlan {
  NDArray* ap1;
  NDArray* ap2;
  MShape s1, s2;
  int64_t dims[2] = {0, 0};
  int nd = 0;
  int64_t l = 0, ap1stride = 0;
};

bool plan_product(VM& vm, ProductPlan& q) {
  NDArray *&ap1 = q.ap1, *&ap2 = q.ap2;
  if (q.s1 != MShape::Scalar && q.s2 != MShape::Scalar) {
    q.l = ap1->shape[ap1->ndim - 1];
    if (ap2->shape[0] != q.l) {
      raise_not_aligned(vm, ap1, ap1->ndim - 1, ap2, 0);
      return false;
    }
    q.nd = ap1->ndim + ap2->ndim - 2;
    if (q.nd == 1) {
      q.dims[0] = ap1->ndim == 2 ? ap1->shape[0] : ap2->shape[1];
    } else if (q.nd == 2) {
      q.dims[0] = ap1->shape[0];
      q.dims[1] = ap2->shape[1];
    }
    return true;
  }
  NDArray *oap1 = ap1, *oap2 = ap2;
  if (q.s1 == MShape::Scalar) {
    std::swap(ap1, ap2);
    q.s1 = q.s2;
    q.s2 = MShape::Scalar;
  }
  if (q.s1 == MShape::Row)
    q.ap1stride = ap1->strides[1];
  else if (ap1->ndim > 0)
    q.ap1stride = ap1->strides[0];
  if (ap1->ndim == 0 || ap2->ndim == 0) {
    NDArray* o = ap1->ndim == 0 ? ap2 : ap1;
    q.nd = o->ndim;
    q.l = 1;
    for (int j = 0; j < q.nd; ++j) q.l *= (q.dims[j] = o->shape[j]);
    return true;
  }
  q.l = oap1->shape[oap1->ndim - 1];
  if (oap2->shape[0] != q.l) {
    raise_not_aligned(vm, oap1, oap1->ndim - 1, oap2, 0);
    return false;
  }
  q.nd = ap1->ndim + ap2->ndim - 2;
  if (q.nd == 1) {
    q.dims[0] = oap1->ndim == 2 ? oap1->shape[0] : oap2->shape[1];
    q.l = q.dims[0];
  } else if (q.nd == 2) {
    q.dims[0] = oap1->shape[0];
    q.dims[1] = oap2->shape[1];
    q.l = q.s1 == MShape::Row ? q.dims[1] : q.dims[0];
  }
  if (oap1->shape[oap1->ndim - 1] == 0) q.l = 0;
  return true;
}

// `a` itself when `ok`, else a C-ordered copy (rooted).
NDArray* contiguous_if(VM& vm, NDArray* a, bool ok) {
  if (ok) return a;
  NDArray* c = copy_array(vm, a, a->dtype, 'C');
  if (c) vm.root(Value::from_obj(c));
  return c;
}

// Matrix x vector or vector x matrix: gemv on the one-segment matrix.
template <class T>
bool product_gemv(VM& vm, ProductPlan& q, NDArray* out) {
  const int64_t sz = sizeof(T);
  const bool mat_first = q.s1 == MShape::Matrix;
  NDArray* m = mat_first ? q.ap1 : q.ap2;
  if (!(m = contiguous_if(vm, m, one_segment(m)))) return false;
  CBLAS_ORDER order = m->c_contiguous() ? CblasRowMajor : CblasColMajor;
  int64_t lda =
      m->c_contiguous() ? std::max<int64_t>(m->shape[1], 1) : std::max<int64_t>(m->shape[0], 1);
  if (mat_first) {
    gemv_dot<T>(order, CblasNoTrans, m, static_cast<blasint>(lda), q.ap2, q.ap2->strides[0] / sz,
                out);
  } else {
    int64_t inc = (q.s1 == MShape::Row ? q.ap1->strides[1] : q.ap1->strides[0]) / sz;
    gemv_dot<T>(order, CblasTrans, m, static_cast<blasint>(lda), q.ap1, inc, out);
  }
  return true;
}

// Matrix x matrix: gemm, or syrk for a matrix times its own transpose.
template <class T>
bool product_gemm(VM& vm, ProductPlan& q, NDArray* out) {
  NDArray* ap2 = contiguous_if(vm, q.ap2, q.ap2->c_contiguous() || q.ap2->f_contiguous());
  NDArray* ap1 =
      ap2 ? contiguous_if(vm, q.ap1, q.ap1->c_contiguous() || q.ap1->f_contiguous()) : nullptr;
  if (!ap1) return false;
  CBLAS_TRANSPOSE t1 = CblasNoTrans, t2 = CblasNoTrans;
  const blasint L = static_cast<blasint>(ap1->shape[0]), N = static_cast<blasint>(ap2->shape[1]),
                M = static_cast<blasint>(ap2->shape[0]);
  int64_t lda = std::max<int64_t>(ap1->shape[1], 1), ldb = std::max<int64_t>(ap2->shape[1], 1);
  if (ap1->f_contiguous()) {
    t1 = CblasTrans;
    lda = std::max<int64_t>(ap1->shape[0], 1);
  }
  if (ap2->f_contiguous()) {
    t2 = CblasTrans;
    ldb = std::max<int64_t>(ap2->shape[0], 1);
  }
  const blasint ldc = static_cast<blasint>(std::max<int64_t>(out->shape[1], 1));
  if (ap1->data == ap2->data && ap1->shape[0] == ap2->shape[1] && ap1->shape[1] == ap2->shape[0] &&
      ap1->strides[0] == ap2->strides[1] && ap1->strides[1] == ap2->strides[0] && t1 != t2) {
    if (t1 == CblasNoTrans)
      syrk_call<T>(t1, N, M, ap1->data, static_cast<blasint>(lda), out->data, ldc);
    else
      syrk_call<T>(t1, N, M, ap2->data, static_cast<blasint>(ldb), out->data, ldc);
  } else {
    gemm_call<T>(t1, t2, L, N, M, ap1->data, static_cast<blasint>(lda), ap2->data,
                 static_cast<blasint>(ldb), out->data, ldc);
  }
  return true;
}

template <class T>
NDArray* matrixproduct(VM& vm, DType d, NDArray* ap1, NDArray* ap2) {
  if (bad_strides(ap1) && !(ap1 = copy_array(vm, ap1, d, 'A'))) return nullptr;
  vm.root(Value::from_obj(ap1));
  if (bad_strides(ap2) && !(ap2 = copy_array(vm, ap2, d, 'A'))) return nullptr;
  vm.root(Value::from_obj(ap2));
  ProductPlan q{ap1, ap2, matrix_shape(ap1), matrix_shape(ap2)};
  if (!plan_product(vm, q)) return nullptr;
  NDArray* out = new_zeros(vm, d, {q.dims, static_cast<size_t>(q.nd)});
  if (!out) return nullptr;
  vm.root(Value::from_obj(out));
  if (out->nbytes() == 0 || q.l == 0) return out;
  bool ok = true;
  if (q.s2 == MShape::Scalar) {
    scaled<T>(q.ap1, q.ap2, q.s1, q.l, q.ap1stride, out);
  } else if (q.s2 == MShape::Column && q.s1 != MShape::Matrix) {
    dot_elements(d, q.ap1->data, q.ap1->strides[q.s1 == MShape::Row ? 1 : 0], q.ap2->data,
                 q.ap2->strides[0], out->data, q.l);
  } else if ((q.s1 == MShape::Matrix) != (q.s2 == MShape::Matrix)) {
    ok = product_gemv<T>(vm, q, out);
  } else {
    ok = product_gemm<T>(vm, q, out);
  }
  return ok ? out : nullptr;
}

}  // namespace

NDArray* cblas_matrixproduct(VM& vm, DType d, NDArray* a, NDArray* b) {
  switch (d) {
    case DType::Float64:
      return matrixproduct<double>(vm, d, a, b);
    case DType::Float32:
      return matrixproduct<float>(vm, d, a, b);
    default:
      return matrixproduct<c128>(vm, d, a, b);
  }
}

void raise_not_aligned(VM& vm, const NDArray* a, int adim, const NDArray* b, int bdim) {
  vm.raise_fmt(vm.exc().ValueError, "shapes %s and %s not aligned: %lld (dim %d) != %lld (dim %d)",
               shape_str_compact(shape_of(a)).c_str(), shape_str_compact(shape_of(b)).c_str(),
               static_cast<long long>(a->shape[adim]), adim, static_cast<long long>(b->shape[bdim]),
               bdim);
}

}  // namespace pyjitvm::stdlib::np
