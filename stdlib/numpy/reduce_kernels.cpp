// stdlib/numpy/reduce_kernels.cpp — the typed inner loops of the reduction engine
// (reduce_kernels.h): pairwise sums, NumPy-ordered min/max, products, logical and/or,
// argmin/argmax.
//
// Stage: looked up once per reduction by loops_for()/arg_loop(); called per inner run by
// reduce_engine.cpp.
//
// Invariants: reduce_kernels.h I1–I3. Contiguous float kernels use GCC vector types
// whose lanes are NumPy's independent partial results (8 partial sums; 64-byte min/max
// accumulators), so they vectorise at -O2 without changing a single rounding.
#include "stdlib/numpy/reduce_kernels.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "stdlib/numpy/reduce_simd.h"

namespace pyjitvm::stdlib::np::rk {

namespace {

// The contiguous kernels of the best instruction set this CPU has (reduce_simd.h);
// immutable once chosen.
const SimdKernels& kernels() {
  static const SimdKernels k = [] {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq"))
      if (const SimdKernels* p = simd_kernels_avx512()) return *p;
    if (__builtin_cpu_supports("avx2"))
      if (const SimdKernels* p = simd_kernels_avx2()) return *p;
#endif
    return make_simd_kernels<16>();
  }();
  return k;
}

template <class T>
inline T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}
template <class T>
inline void store(char* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}

// 64-byte vectors: NumPy's AVX-512 registers (fmax/fmin follow them exactly).
template <class T>
struct Vec {
  typedef T V64 __attribute__((vector_size(64)));
  static constexpr int kLanes = 64 / static_cast<int>(sizeof(T));
};

// ------------------------------------------------------------------ NaN operands
// x86 arithmetic on NaN operands returns the first NaN operand (and inf - inf the
// default NaN); the compiler may commute + and *, so where a result is NaN the operand
// order NumPy's loops use is made explicit (I4).
template <class T>
inline T nan_first(T a, T b, T r) {
  return r == r ? r : (a != a ? a : (b != b ? b : r));
}
template <class T>
inline T nadd(T a, T b) {
  if constexpr (std::is_same_v<T, c128>) return T(nadd(a.real(), b.real()), nadd(a.imag(), b.imag()));
  else return nan_first(a, b, a + b);
}
template <class T>
inline T nsub(T a, T b) { return nan_first(a, b, a - b); }
template <class T>
inline T nmul(T a, T b) { return nan_first(a, b, a * b); }

// ------------------------------------------------------------------ pairwise sums (I1)
// The pairwise tree with NumPy's operand order at every addition; run again when the
// fast kernels produced a NaN, so that the NaN returned is NumPy's. NumPy's compiled
// recursion (inlined into itself once) adds the two halves left-first at even depths
// and right-first at odd depths (measured on 1.24.2); leaves combine left-first.
template <class T>
T pairwise_nan_exact(const char* a, int64_t n, int64_t stride, int depth = 0) {
  if (n < 8) {
    T res = T(-0.0);
    for (int64_t i = 0; i < n; ++i) res = nadd(res, load<T>(a + i * stride));
    return res;
  }
  if (n <= 128) {
    T r[8];
    for (int k = 0; k < 8; ++k) r[k] = load<T>(a + k * stride);
    int64_t i = 8;
    for (; i < n - (n % 8); i += 8)
      for (int k = 0; k < 8; ++k) r[k] = nadd(r[k], load<T>(a + (i + k) * stride));
    T res = nadd(nadd(nadd(r[0], r[1]), nadd(r[2], r[3])), nadd(nadd(r[4], r[5]), nadd(r[6], r[7])));
    for (; i < n; ++i) res = nadd(res, load<T>(a + i * stride));
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  const T lhs = pairwise_nan_exact<T>(a, n2, stride, depth + 1);
  const T rhs = pairwise_nan_exact<T>(a + n2 * stride, n - n2, stride, depth + 1);
  return depth % 2 == 0 ? nadd(lhs, rhs) : nadd(rhs, lhs);
}

template <class T>
T pairwise_strided(const char* a, int64_t n, int64_t stride) {
  if (n < 8) {
    T res = T(-0.0);
    for (int64_t i = 0; i < n; ++i) res += load<T>(a + i * stride);
    return res;
  }
  if (n <= 128) {
    T r[8];
    for (int k = 0; k < 8; ++k) r[k] = load<T>(a + k * stride);
    int64_t i = 8;
    for (; i < n - (n % 8); i += 8)
      for (int k = 0; k < 8; ++k) r[k] += load<T>(a + (i + k) * stride);
    T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += load<T>(a + i * stride);
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise_strided<T>(a, n2, stride) + pairwise_strided<T>(a + n2 * stride, n - n2, stride);
}

template <class T>
T pairwise(const char* a, int64_t n, int64_t stride) {
  T r;
  if (stride == static_cast<int64_t>(sizeof(T))) {
    if constexpr (std::is_same_v<T, double>) r = kernels().sum_f64(reinterpret_cast<const double*>(a), n);
    else r = kernels().sum_f32(reinterpret_cast<const float*>(a), n);
  } else {
    r = pairwise_strided<T>(a, n, stride);
  }
  return r == r ? r : pairwise_nan_exact<T>(a, n, stride);
}

template <ReduceKind K, class V>
inline V mm_vop(V a, V b) {
  if constexpr (is_nan_ignoring(K)) {
    if constexpr (is_max_kind(K)) return ((b != b) | (a > b)) ? a : b;
    else return ((b != b) | (a < b)) ? a : b;
  } else {
    if constexpr (is_max_kind(K)) return ((a != a) | (a > b)) ? a : b;
    else return ((a != a) | (a < b)) ? a : b;
  }
}

// NumPy's complex pairwise sum counts scalars (2 per element) and keeps 4 complex
// partial sums; in element units: leaves below 4 and up to 64 elements, splits at
// (n - n % 8) / 2.
template <bool kExact>
void pairwise_complex_t(double* rr, double* ri, const char* a, int64_t n, int64_t stride) {
  auto add = [](double x, double y) { return kExact ? nadd(x, y) : x + y; };
  if (n < 4) {
    *rr = -0.0;
    *ri = -0.0;
    for (int64_t i = 0; i < n; ++i) {
      *rr = add(*rr, load<double>(a + i * stride));
      *ri = add(*ri, load<double>(a + i * stride + 8));
    }
    return;
  }
  if (n <= 64) {
    double r[8];
    for (int k = 0; k < 4; ++k) {
      r[2 * k] = load<double>(a + k * stride);
      r[2 * k + 1] = load<double>(a + k * stride + 8);
    }
    int64_t i = 4;
    for (; i < n - (n % 4); i += 4)
      for (int k = 0; k < 4; ++k) {
        r[2 * k] = add(r[2 * k], load<double>(a + (i + k) * stride));
        r[2 * k + 1] = add(r[2 * k + 1], load<double>(a + (i + k) * stride + 8));
      }
    *rr = add(add(r[0], r[2]), add(r[4], r[6]));
    *ri = add(add(r[1], r[3]), add(r[5], r[7]));
    for (; i < n; ++i) {
      *rr = add(*rr, load<double>(a + i * stride));
      *ri = add(*ri, load<double>(a + i * stride + 8));
    }
    return;
  }
  const int64_t n2 = (n - n % 8) / 2;
  double rr1, ri1, rr2, ri2;
  pairwise_complex_t<kExact>(&rr1, &ri1, a, n2, stride);
  pairwise_complex_t<kExact>(&rr2, &ri2, a + n2 * stride, n - n2, stride);
  *rr = add(rr1, rr2);
  *ri = add(ri1, ri2);
}

void pairwise_complex(double* rr, double* ri, const char* a, int64_t n, int64_t stride) {
  pairwise_complex_t<false>(rr, ri, a, n, stride);
  if (*rr != *rr || *ri != *ri) pairwise_complex_t<true>(rr, ri, a, n, stride);
}

// ------------------------------------------------------------------ min / max (I2)
// NumPy's loop for fmax/fmin (NaN-ignoring lanes), on whole 64-byte vectors.
template <class T, ReduceKind K>
T minmax_contig_exact(const T* ip, int64_t len, T op0) {
  using V = typename Vec<T>::V64;
  constexpr int L = Vec<T>::kLanes;
  V acc;
  for (int k = 0; k < L; ++k) acc[k] = op0;
  for (; len >= 8 * L; len -= 8 * L, ip += 8 * L) {
    V v[8];
    std::memcpy(v, ip, sizeof v);
    V r01 = mm_vop<K>(v[0], v[1]), r23 = mm_vop<K>(v[2], v[3]);
    V r45 = mm_vop<K>(v[4], v[5]), r67 = mm_vop<K>(v[6], v[7]);
    acc = mm_vop<K>(acc, mm_vop<K>(mm_vop<K>(r01, r23), mm_vop<K>(r45, r67)));
  }
  for (; len >= L; len -= L, ip += L) {
    V v;
    std::memcpy(&v, ip, sizeof v);
    acc = mm_vop<K>(acc, v);
  }
  T lanes[L];
  std::memcpy(lanes, &acc, sizeof lanes);
  T r = reduce_lanes<K, T, L>(lanes);
  for (; len > 0; --len, ++ip) r = mm_op<K>(r, *ip);
  return r;
}

}  // namespace

template <class T, ReduceKind K>
T minmax_reduce_contig(const T* ip, int64_t len, T op0) {
  if (len < 1) return op0;
  if constexpr (is_nan_ignoring(K)) return minmax_contig_exact<T, K>(ip, len, op0);
  else if constexpr (K == ReduceKind::Max) return kernels().mm<T>().max(ip, len, op0);
  else return kernels().mm<T>().min(ip, len, op0);
}

template <class T, ReduceKind K>
T minmax_reduce_strided(const char* ip, int64_t is, int64_t n, T op) {
  int64_t i = 0;
  if (n >= 8) {
    T m[8];
    for (int k = 0; k < 8; ++k) m[k] = load<T>(ip + k * is);
    for (i = 8; i + 8 <= n; i += 8)
      for (int k = 0; k < 8; ++k) m[k] = mm_op<K>(m[k], load<T>(ip + (i + k) * is));
    m[0] = mm_op<K>(m[0], m[1]);
    m[2] = mm_op<K>(m[2], m[3]);
    m[4] = mm_op<K>(m[4], m[5]);
    m[6] = mm_op<K>(m[6], m[7]);
    m[0] = mm_op<K>(m[0], m[2]);
    m[4] = mm_op<K>(m[4], m[6]);
    m[0] = mm_op<K>(m[0], m[4]);
    op = mm_op<K>(op, m[0]);
  }
  for (; i < n; ++i) op = mm_op<K>(op, load<T>(ip + i * is));
  return op;
}

double pairwise_sum_f64(const char* p, int64_t n, int64_t stride) { return pairwise<double>(p, n, stride); }
float pairwise_sum_f32(const char* p, int64_t n, int64_t stride) { return pairwise<float>(p, n, stride); }
void pairwise_sum_c128(double* re, double* im, const char* p, int64_t n, int64_t stride) {
  pairwise_complex(re, im, p, n, stride);
}

namespace {

// ------------------------------------------------------------------ loop families
template <class T, bool = std::is_integral_v<T> && !std::is_same_v<T, bool>>
struct UnsignedOf {
  using type = T;
};
template <class T>
struct UnsignedOf<T, true> {
  using type = std::make_unsigned_t<T>;
};
template <class T>
using Unsigned = typename UnsignedOf<T>::type;

// Add: pairwise for floats, wrapping sums for integers (I3), complex pairwise.
template <class T>
void add_reduce(char* op, const char* ip, int64_t is, int64_t n) {
  if constexpr (std::is_floating_point_v<T>) {
    // NumPy's `*iop1 += pairwise_sum(...)` compiles with the sum as first operand.
    store<T>(op, nadd(pairwise<T>(ip, n, is), load<T>(op)));
  } else if constexpr (std::is_same_v<T, c128>) {
    double rr, ri;
    pairwise_complex(&rr, &ri, ip, n, is);
    store<double>(op, nadd(rr, load<double>(op)));
    store<double>(op + 8, nadd(ri, load<double>(op + 8)));
  } else {
    using U = Unsigned<T>;
    U acc = static_cast<U>(load<T>(op));
    if (is == static_cast<int64_t>(sizeof(T))) {
      typedef U V __attribute__((vector_size(64)));
      constexpr int L = 64 / static_cast<int>(sizeof(U));
      V part = {};
      int64_t i = 0;
      for (; i + L <= n; i += L) {
        V x;
        std::memcpy(&x, ip + i * sizeof(T), sizeof x);
        part += x;
      }
      for (int k = 0; k < L; ++k) acc += part[k];
      for (; i < n; ++i) acc += static_cast<U>(load<T>(ip + i * is));
    } else {
      for (int64_t i = 0; i < n; ++i) acc += static_cast<U>(load<T>(ip + i * is));
    }
    store<T>(op, static_cast<T>(acc));
  }
}

template <class T>
void add_element(char* op, int64_t os, const char* ip, int64_t is, int64_t n) {
  for (int64_t j = 0; j < n; ++j, op += os, ip += is) {
    if constexpr (std::is_floating_point_v<T> || std::is_same_v<T, c128>) {
      store<T>(op, nadd(load<T>(op), load<T>(ip)));
    } else {
      using U = Unsigned<T>;
      store<T>(op, static_cast<T>(static_cast<U>(load<T>(op)) + static_cast<U>(load<T>(ip))));
    }
  }
}

template <class T>
inline T mul(T a, T b) {
  if constexpr (std::is_same_v<T, c128>) {
    return T(nsub(nmul(a.real(), b.real()), nmul(a.imag(), b.imag())),
             nadd(nmul(a.real(), b.imag()), nmul(a.imag(), b.real())));
  } else if constexpr (std::is_floating_point_v<T>) {
    return nmul(a, b);
  } else {
    using U = Unsigned<T>;
    return static_cast<T>(static_cast<U>(a) * static_cast<U>(b));
  }
}

template <class T>
void mul_reduce(char* op, const char* ip, int64_t is, int64_t n) {
  T acc = load<T>(op);
  for (int64_t i = 0; i < n; ++i) acc = mul<T>(acc, load<T>(ip + i * is));
  store<T>(op, acc);
}

template <class T>
void mul_element(char* op, int64_t os, const char* ip, int64_t is, int64_t n) {
  for (int64_t j = 0; j < n; ++j, op += os, ip += is) store<T>(op, mul<T>(load<T>(op), load<T>(ip)));
}

// Min/max family over real types (bool runs as uint8: its values are 0 and 1).
template <class T, ReduceKind K>
void mm_reduce(char* op, const char* ip, int64_t is, int64_t n) {
  T acc = load<T>(op);
  if (is == static_cast<int64_t>(sizeof(T)))
    acc = minmax_reduce_contig<T, K>(reinterpret_cast<const T*>(ip), n, acc);
  else
    acc = minmax_reduce_strided<T, K>(ip, is, n, acc);
  store<T>(op, acc);
}

template <class T, ReduceKind K>
void mm_element(char* op, int64_t os, const char* ip, int64_t is, int64_t n) {
  for (int64_t j = 0; j < n; ++j, op += os, ip += is) store<T>(op, mm_lane<K>(load<T>(op), load<T>(ip)));
}

// Complex maximum/minimum/fmax/fmin: lexicographic order, NumPy's NaN rules.
template <ReduceKind K>
inline c128 cmm_op(c128 a, c128 b) {
  const double ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
  bool keep_a;
  if constexpr (is_max_kind(K)) keep_a = (ar > br && ai == ai && bi == bi) || (ar == br && ai >= bi);
  else keep_a = (ar < br && ai == ai && bi == bi) || (ar == br && ai <= bi);
  if constexpr (is_nan_ignoring(K)) keep_a = keep_a || br != br || bi != bi;
  else keep_a = keep_a || ar != ar || ai != ai;
  return keep_a ? a : b;
}

template <ReduceKind K>
void cmm_reduce(char* op, const char* ip, int64_t is, int64_t n) {
  c128 acc = load<c128>(op);
  for (int64_t i = 0; i < n; ++i) acc = cmm_op<K>(acc, load<c128>(ip + i * is));
  store<c128>(op, acc);
}

template <ReduceKind K>
void cmm_element(char* op, int64_t os, const char* ip, int64_t is, int64_t n) {
  for (int64_t j = 0; j < n; ++j, op += os, ip += is) store<c128>(op, cmm_op<K>(load<c128>(op), load<c128>(ip)));
}

// Logical and/or over bool elements (stored as 0/1 bytes).
template <bool kAnd>
void logic_reduce(char* op, const char* ip, int64_t is, int64_t n) {
  bool acc = *op != 0;
  for (int64_t i = 0; i < n && acc == kAnd; ++i) acc = ip[i * is] != 0;
  *op = acc ? 1 : 0;
}

template <bool kAnd>
void logic_element(char* op, int64_t os, const char* ip, int64_t is, int64_t n) {
  for (int64_t j = 0; j < n; ++j, op += os, ip += is) {
    bool a = *op != 0, b = *ip != 0;
    *op = (kAnd ? (a && b) : (a || b)) ? 1 : 0;
  }
}

template <ReduceKind K>
KindLoops minmax_loops(DType dt) {
  if (dt == DType::Complex128) return {&cmm_reduce<K>, &cmm_element<K>};
  if (dt == DType::Bool) return {&mm_reduce<uint8_t, K>, &mm_element<uint8_t, K>};
  return visit_dtype(dt, [&]<class T>() -> KindLoops {
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, c128>) return {};
    else return {&mm_reduce<T, K>, &mm_element<T, K>};
  });
}

}  // namespace

KindLoops loops_for(ReduceKind kind, DType dt) {
  switch (kind) {
    case ReduceKind::Add:
      if (dt == DType::Bool) return {&logic_reduce<false>, &logic_element<false>};
      return visit_dtype(dt, [&]<class T>() -> KindLoops {
        if constexpr (std::is_same_v<T, bool>) return {};
        else return {&add_reduce<T>, &add_element<T>};
      });
    case ReduceKind::Multiply:
      if (dt == DType::Bool) return {&logic_reduce<true>, &logic_element<true>};
      return visit_dtype(dt, [&]<class T>() -> KindLoops {
        if constexpr (std::is_same_v<T, bool>) return {};
        else return {&mul_reduce<T>, &mul_element<T>};
      });
    case ReduceKind::Max: return minmax_loops<ReduceKind::Max>(dt);
    case ReduceKind::Min: return minmax_loops<ReduceKind::Min>(dt);
    case ReduceKind::FMax: return minmax_loops<ReduceKind::FMax>(dt);
    case ReduceKind::FMin: return minmax_loops<ReduceKind::FMin>(dt);
    case ReduceKind::LogicalAnd:
      if (dt == DType::Bool) return {&logic_reduce<true>, &logic_element<true>};
      return {};
    case ReduceKind::LogicalOr:
      if (dt == DType::Bool) return {&logic_reduce<false>, &logic_element<false>};
      return {};
    case ReduceKind::Generic: break;
  }
  return {};
}

// ------------------------------------------------------------------ accumulation
namespace {

template <class T, class F>
void accum_run(const char* prev, char* op, int64_t os, const char* ip, int64_t is, int64_t n) {
  if (n <= 0) return;
  T acc;
  int64_t i = 0;
  if (prev) {
    acc = load<T>(prev);
  } else {
    acc = load<T>(ip);
    store<T>(op, acc);
    i = 1;
  }
  for (; i < n; ++i) {
    acc = F::template f<T>(acc, load<T>(ip + i * is));
    store<T>(op + i * os, acc);
  }
}

struct AddF {
  template <class T>
  static T f(T a, T b) {
    if constexpr (std::is_floating_point_v<T> || std::is_same_v<T, c128>) return nadd(a, b);
    else return static_cast<T>(static_cast<Unsigned<T>>(a) + static_cast<Unsigned<T>>(b));
  }
};
struct MulF {
  template <class T>
  static T f(T a, T b) { return mul<T>(a, b); }
};
template <ReduceKind K>
struct MinMaxF {
  template <class T>
  static T f(T a, T b) {
    if constexpr (std::is_same_v<T, c128>) return cmm_op<K>(a, b);
    else return mm_op<K>(a, b);
  }
};
template <bool kAnd>
struct LogicF {
  template <class T>
  static T f(T a, T b) { return kAnd ? (a && b) : (a || b); }
};

template <class F>
AccumRun accum_of(DType dt) {
  if (dt == DType::Bool) return &accum_run<uint8_t, F>;
  return visit_dtype(dt, [&]<class T>() -> AccumRun {
    if constexpr (std::is_same_v<T, bool>) return nullptr;
    else return &accum_run<T, F>;
  });
}

}  // namespace

AccumRun accum_loop(ReduceKind kind, DType dt) {
  switch (kind) {
    case ReduceKind::Add: return dt == DType::Bool ? &accum_run<uint8_t, LogicF<false>> : accum_of<AddF>(dt);
    case ReduceKind::Multiply: return dt == DType::Bool ? &accum_run<uint8_t, LogicF<true>> : accum_of<MulF>(dt);
    case ReduceKind::Max: return accum_of<MinMaxF<ReduceKind::Max>>(dt);
    case ReduceKind::Min: return accum_of<MinMaxF<ReduceKind::Min>>(dt);
    case ReduceKind::FMax: return accum_of<MinMaxF<ReduceKind::FMax>>(dt);
    case ReduceKind::FMin: return accum_of<MinMaxF<ReduceKind::FMin>>(dt);
    case ReduceKind::LogicalAnd: return dt == DType::Bool ? &accum_run<uint8_t, LogicF<true>> : nullptr;
    case ReduceKind::LogicalOr: return dt == DType::Bool ? &accum_run<uint8_t, LogicF<false>> : nullptr;
    case ReduceKind::Generic: break;
  }
  return nullptr;
}

// ------------------------------------------------------------------ argmin / argmax
namespace {

// NumPy's argfunc: the first extreme element; for floats a NaN is extreme (the first
// NaN wins); bool argmax is the first True.
template <class T, bool kMax>
int64_t arg_real(const char* p, int64_t n) {
  const T* a = reinterpret_cast<const T*>(p);
  T mp = a[0];
  int64_t idx = 0;
  if constexpr (std::is_floating_point_v<T>) {
    if (mp != mp) return 0;
    for (int64_t i = 1; i < n; ++i) {
      const T v = a[i];
      if (kMax ? !(v <= mp) : !(v >= mp)) {
        mp = v;
        idx = i;
        if (mp != mp) break;
      }
    }
  } else {
    for (int64_t i = 1; i < n; ++i) {
      if (kMax ? a[i] > mp : a[i] < mp) {
        mp = a[i];
        idx = i;
      }
    }
  }
  return idx;
}

template <bool kMax>
int64_t arg_bool(const char* p, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    if ((p[i] != 0) == kMax) return i;
  return 0;
}

template <bool kMax>
int64_t arg_complex(const char* p, int64_t n) {
  const c128* a = reinterpret_cast<const c128*>(p);
  auto is_nan = [](c128 v) { return v.real() != v.real() || v.imag() != v.imag(); };
  c128 mp = a[0];
  int64_t idx = 0;
  if (is_nan(mp)) return 0;
  for (int64_t i = 1; i < n; ++i) {
    const c128 v = a[i];
    bool better = kMax ? (v.real() > mp.real() || (v.real() == mp.real() && v.imag() > mp.imag()))
                       : (v.real() < mp.real() || (v.real() == mp.real() && v.imag() < mp.imag()));
    if (better || is_nan(v)) {
      mp = v;
      idx = i;
      if (is_nan(v)) break;
    }
  }
  return idx;
}

}  // namespace

ArgRun arg_loop(DType dt, bool is_max) {
  if (dt == DType::Bool) return is_max ? &arg_bool<true> : &arg_bool<false>;
  if (dt == DType::Complex128) return is_max ? &arg_complex<true> : &arg_complex<false>;
  return visit_dtype(dt, [&]<class T>() -> ArgRun {
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, c128>) return nullptr;
    else return is_max ? &arg_real<T, true> : &arg_real<T, false>;
  });
}

// Explicit instances for the unit tests.
template double minmax_reduce_contig<double, ReduceKind::Max>(const double*, int64_t, double);
template double minmax_reduce_contig<double, ReduceKind::Min>(const double*, int64_t, double);
template float minmax_reduce_contig<float, ReduceKind::Max>(const float*, int64_t, float);
template double minmax_reduce_strided<double, ReduceKind::Max>(const char*, int64_t, int64_t, double);

}  // namespace pyjitvm::stdlib::np::rk
