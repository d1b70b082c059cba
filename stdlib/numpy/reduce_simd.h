// stdlib/numpy/reduce_simd.h — the hot contiguous reduction kernels (pairwise sums,
// maximum/minimum), written once over GCC vector types of QB bytes and compiled per
// instruction set: reduce_kernels.cpp (x86-64 baseline, QB = 16), reduce_kernels_avx2.cpp
// (QB = 32) and reduce_kernels_avx512.cpp (QB = 64); kernels() picks at run time.
//
// Stage: private to the reduction kernels. Everything here has internal linkage, so each
// translation unit gets its own copy compiled for its own target (no ODR clash).
//
// Invariants:
//   I1  The results do not depend on QB: every operation is lane-wise over NumPy's lanes
//       (8 partial sums; a 64-byte vector of min/max lanes held as 64/QB parts), and the
//       cross-lane steps (the final ((r0+r1)+(r2+r3))+... and the lane tree) are scalar.
//   I2  pairwise_contig() is reduce_kernels.h I1 and minmax_contig_fast() is I2 for the
//       NaN-propagating kinds (Max, Min).
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "stdlib/numpy/reduce.h"

#pragma GCC diagnostic ignored "-Wpsabi"

namespace pyjitvm::stdlib::np::rk {

// The kernels one instruction set provides (function pointers into one TU).
template <class T>
struct MinMaxFns {
  T (*max)(const T*, int64_t, T) = nullptr;
  T (*min)(const T*, int64_t, T) = nullptr;
};
struct SimdKernels {
  double (*sum_f64)(const double*, int64_t) = nullptr;
  float (*sum_f32)(const float*, int64_t) = nullptr;
  MinMaxFns<int8_t> i8;
  MinMaxFns<int16_t> i16;
  MinMaxFns<int32_t> i32;
  MinMaxFns<int64_t> i64;
  MinMaxFns<uint8_t> u8;
  MinMaxFns<uint16_t> u16;
  MinMaxFns<uint32_t> u32;
  MinMaxFns<uint64_t> u64;
  MinMaxFns<float> f32;
  MinMaxFns<double> f64;

  template <class T>
  const MinMaxFns<T>& mm() const {
    if constexpr (std::is_same_v<T, int8_t>) return i8;
    else if constexpr (std::is_same_v<T, int16_t>) return i16;
    else if constexpr (std::is_same_v<T, int32_t>) return i32;
    else if constexpr (std::is_same_v<T, int64_t>) return i64;
    else if constexpr (std::is_same_v<T, uint8_t>) return u8;
    else if constexpr (std::is_same_v<T, uint16_t>) return u16;
    else if constexpr (std::is_same_v<T, uint32_t>) return u32;
    else if constexpr (std::is_same_v<T, uint64_t>) return u64;
    else if constexpr (std::is_same_v<T, float>) return f32;
    else return f64;
  }
};

// Defined by reduce_kernels_avx2.cpp / reduce_kernels_avx512.cpp (nullptr elsewhere).
const SimdKernels* simd_kernels_avx2();
const SimdKernels* simd_kernels_avx512();

namespace {

template <class T, int QB>
struct Lanes {
  typedef T Q __attribute__((vector_size(QB)));
  static constexpr int kQL = QB / static_cast<int>(sizeof(T));  // lanes per Q
  static constexpr int kL = 64 / static_cast<int>(sizeof(T));   // NumPy's lanes (AVX-512)
  static constexpr int kParts = 64 / QB;
};

template <class Q, class T>
inline Q loadq(const T* p) {
  Q q;
  std::memcpy(&q, p, sizeof q);
  return q;
}

constexpr bool is_max_kind(ReduceKind k) { return k == ReduceKind::Max || k == ReduceKind::FMax; }
constexpr bool is_nan_ignoring(ReduceKind k) { return k == ReduceKind::FMax || k == ReduceKind::FMin; }

// NumPy's scalar operation (loop tails, strided runs, accumulate): maximum/minimum keep
// a NaN accumulator and otherwise take the new value unless the accumulator is strictly
// better (ties go to the new value), like its vector lanes; fmax/fmin (glibc) ignore a
// NaN new value and keep the accumulator on ties, unlike their vector lanes (mm_lane).
template <ReduceKind K, class T>
inline T mm_op(T a, T b) {
  if constexpr (is_nan_ignoring(K)) {
    if constexpr (is_max_kind(K)) return (b != b || a >= b) ? a : b;
    else return (b != b || a <= b) ? a : b;
  } else {
    if constexpr (is_max_kind(K)) return (a != a || a > b) ? a : b;
    else return (a != a || a < b) ? a : b;
  }
}

// NumPy's vector lane operation (also its element-wise loop for every element): ties go
// to the second operand for all four kinds.
template <ReduceKind K, class T>
inline T mm_lane(T a, T b) {
  if constexpr (is_nan_ignoring(K)) {
    if constexpr (is_max_kind(K)) return (b != b || a > b) ? a : b;
    else return (b != b || a < b) ? a : b;
  } else {
    return mm_op<K>(a, b);
  }
}

// GCC's _mm512_reduce_max_pd/ps lane tree: the two halving steps take (high, low), the
// later ones (low, high); with plain max/min semantics (ties to the second operand).
template <ReduceKind K, class T, int L>
T reduce_lanes(T* v) {
  if constexpr (std::is_floating_point_v<T>) {
    if constexpr (!is_nan_ignoring(K)) {
      for (int k = 0; k < L; ++k)
        if (v[k] != v[k]) return std::numeric_limits<T>::quiet_NaN();
    } else {
      bool all_nan = true;
      for (int k = 0; k < L; ++k) all_nan = all_nan && v[k] != v[k];
      if (all_nan) return v[0];
      const T fill = is_max_kind(K) ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::infinity();
      for (int k = 0; k < L; ++k)
        if (v[k] != v[k]) v[k] = fill;
    }
  }
  int level = 0;
  for (int h = L / 2; h >= 1; h /= 2, ++level) {
    for (int k = 0; k < h; ++k) {
      T x = level < 2 ? v[k + h] : v[k];
      T y = level < 2 ? v[k] : v[k + h];
      if constexpr (is_max_kind(K)) v[k] = x > y ? x : y;
      else v[k] = x < y ? x : y;
    }
  }
  return v[0];
}

// NumPy's pairwise sum over contiguous elements (I2): the 8 partial sums r0..r7 are the
// lanes of 8 / kQL vectors, in order.
template <class T, int QB>
T pairwise_contig(const T* a, int64_t n) {
  if (n < 8) {
    T res = T(-0.0);
    for (int64_t i = 0; i < n; ++i) res += a[i];
    return res;
  }
  if (n <= 128) {
    using Q = typename Lanes<T, QB>::Q;
    constexpr int kQL = Lanes<T, QB>::kQL;
    const int64_t lim = n - (n % 8);
    int64_t i = 8;
    T l[8];
    if constexpr (kQL == 2) {
      Q r0 = loadq<Q>(a), r1 = loadq<Q>(a + 2), r2 = loadq<Q>(a + 4), r3 = loadq<Q>(a + 6);
      for (; i < lim; i += 8) {
        r0 += loadq<Q>(a + i);
        r1 += loadq<Q>(a + i + 2);
        r2 += loadq<Q>(a + i + 4);
        r3 += loadq<Q>(a + i + 6);
      }
      l[0] = r0[0], l[1] = r0[1], l[2] = r1[0], l[3] = r1[1];
      l[4] = r2[0], l[5] = r2[1], l[6] = r3[0], l[7] = r3[1];
    } else if constexpr (kQL == 4) {
      Q r0 = loadq<Q>(a), r1 = loadq<Q>(a + 4);
      for (; i < lim; i += 8) {
        r0 += loadq<Q>(a + i);
        r1 += loadq<Q>(a + i + 4);
      }
      for (int k = 0; k < 4; ++k) l[k] = r0[k], l[k + 4] = r1[k];
    } else {
      typedef T Q8 __attribute__((vector_size(8 * sizeof(T))));
      Q8 r0 = loadq<Q8>(a);
      for (; i < lim; i += 8) r0 += loadq<Q8>(a + i);
      for (int k = 0; k < 8; ++k) l[k] = r0[k];
    }
    T res = ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise_contig<T, QB>(a, n2) + pairwise_contig<T, QB>(a + n2, n - n2);
}

// A lane mask (all ones) where a or b is NaN: one unordered compare on x86.
template <class Q>
inline auto unordered(Q a, Q b) {
  using E = std::remove_cvref_t<decltype(a[0])>;
  if constexpr (std::is_floating_point_v<E> && sizeof(Q) == 16) {
#if defined(__SSE2__)
    if constexpr (std::is_same_v<E, double>) return (__builtin_ia32_cmpunordpd(a, b) != Q{});
    else return (__builtin_ia32_cmpunordps(a, b) != Q{});
#endif
  } else if constexpr (std::is_floating_point_v<E> && sizeof(Q) == 32) {
#if defined(__AVX__)
    if constexpr (std::is_same_v<E, double>) return (__builtin_ia32_cmppd256(a, b, 3) != Q{});
    else return (__builtin_ia32_cmpps256(a, b, 3) != Q{});
#endif
  }
  return (a != a) | (b != b);
}

// maximum/minimum over a contiguous run (I2). A NaN anywhere in NumPy's vector part makes
// its lane NaN for good and the lane reduction return the canonical NaN, so the vector
// part runs plain compare-and-select lanes (maxpd/minpd) plus a separate NaN flag.
template <class T, ReduceKind K, int QB>
T minmax_contig_fast(const T* ip, int64_t len, T op0) {
  using Q = typename Lanes<T, QB>::Q;
  constexpr int QL = Lanes<T, QB>::kQL, L = Lanes<T, QB>::kL, P = Lanes<T, QB>::kParts;
  if (len < 1) return op0;
  Q acc[P];
  for (int m = 0; m < P; ++m)
    for (int j = 0; j < QL; ++j) acc[m][j] = op0;
  using M = decltype(acc[0] != acc[0]);
  M nan = acc[0] != acc[0];
  for (; len >= 8 * L; len -= 8 * L, ip += 8 * L) {
    for (int m = 0; m < P; ++m) {
      const T* p = ip + m * QL;
      const Q v0 = loadq<Q>(p), v1 = loadq<Q>(p + L), v2 = loadq<Q>(p + 2 * L), v3 = loadq<Q>(p + 3 * L);
      const Q v4 = loadq<Q>(p + 4 * L), v5 = loadq<Q>(p + 5 * L), v6 = loadq<Q>(p + 6 * L), v7 = loadq<Q>(p + 7 * L);
      if constexpr (std::is_floating_point_v<T>)
        nan |= (unordered(v0, v1) | unordered(v2, v3)) | (unordered(v4, v5) | unordered(v6, v7));
      Q r01, r23, r45, r67, a;
      if constexpr (is_max_kind(K)) {
        r01 = v0 > v1 ? v0 : v1, r23 = v2 > v3 ? v2 : v3, r45 = v4 > v5 ? v4 : v5, r67 = v6 > v7 ? v6 : v7;
        const Q r03 = r01 > r23 ? r01 : r23, r47 = r45 > r67 ? r45 : r67;
        a = r03 > r47 ? r03 : r47;
        acc[m] = acc[m] > a ? acc[m] : a;
      } else {
        r01 = v0 < v1 ? v0 : v1, r23 = v2 < v3 ? v2 : v3, r45 = v4 < v5 ? v4 : v5, r67 = v6 < v7 ? v6 : v7;
        const Q r03 = r01 < r23 ? r01 : r23, r47 = r45 < r67 ? r45 : r67;
        a = r03 < r47 ? r03 : r47;
        acc[m] = acc[m] < a ? acc[m] : a;
      }
    }
  }
  for (; len >= L; len -= L, ip += L) {
    for (int m = 0; m < P; ++m) {
      const Q v = loadq<Q>(ip + m * QL);
      if constexpr (std::is_floating_point_v<T>) nan |= v != v;
      if constexpr (is_max_kind(K)) acc[m] = acc[m] > v ? acc[m] : v;
      else acc[m] = acc[m] < v ? acc[m] : v;
    }
  }
  bool any_nan = false;
  for (int j = 0; j < QL; ++j) any_nan = any_nan || nan[j] != 0;
  T r;
  if (any_nan) {
    r = std::numeric_limits<T>::quiet_NaN();
  } else {
    T lanes[L];
    std::memcpy(lanes, acc, sizeof lanes);
    r = reduce_lanes<K, T, L>(lanes);
  }
  for (; len > 0; --len, ++ip) r = mm_op<K>(r, *ip);
  return r;
}

template <class T, int QB>
T max_fn(const T* ip, int64_t n, T op0) { return minmax_contig_fast<T, ReduceKind::Max, QB>(ip, n, op0); }
template <class T, int QB>
T min_fn(const T* ip, int64_t n, T op0) { return minmax_contig_fast<T, ReduceKind::Min, QB>(ip, n, op0); }
template <class T, int QB>
T sum_fn(const T* a, int64_t n) { return pairwise_contig<T, QB>(a, n); }

// The kernel table of the including translation unit's instruction set.
template <int QB>
SimdKernels make_simd_kernels() {
  SimdKernels k;
  k.sum_f64 = &sum_fn<double, QB>;
  k.sum_f32 = &sum_fn<float, QB>;
  k.i8 = {&max_fn<int8_t, QB>, &min_fn<int8_t, QB>};
  k.i16 = {&max_fn<int16_t, QB>, &min_fn<int16_t, QB>};
  k.i32 = {&max_fn<int32_t, QB>, &min_fn<int32_t, QB>};
  k.i64 = {&max_fn<int64_t, QB>, &min_fn<int64_t, QB>};
  k.u8 = {&max_fn<uint8_t, QB>, &min_fn<uint8_t, QB>};
  k.u16 = {&max_fn<uint16_t, QB>, &min_fn<uint16_t, QB>};
  k.u32 = {&max_fn<uint32_t, QB>, &min_fn<uint32_t, QB>};
  k.u64 = {&max_fn<uint64_t, QB>, &min_fn<uint64_t, QB>};
  k.f32 = {&max_fn<float, QB>, &min_fn<float, QB>};
  k.f64 = {&max_fn<double, QB>, &min_fn<double, QB>};
  return k;
}

}  // namespace
}  // namespace pyjitvm::stdlib::np::rk
