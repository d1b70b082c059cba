// stdlib/numpy/ufunc_loops.h — the inner-loop templates every ufunc loop is built from,
// and the type lists that order loops as NumPy's `types` do.
//
// Stage: included by ufunc_loops.cpp (arithmetic, comparison, bitwise, logical loops)
// and ufunc_loops_math.cpp (float and complex math); private to the ufunc area.
//
// An operation is a struct with `static R f(T a, T b)` (or `f(T a)`); loop2/loop1 apply
// it over NumPy's inner-loop arguments with contiguous fast paths (both operands
// contiguous, or one of them a broadcast scalar with step 0) written as plain loops
// over typed pointers, which the compiler vectorises, and a strided fallback.
//
// Invariants:
//   I1  The fast paths and the strided path compute the same function per element;
//       in-place use (out == an input, same steps) is allowed, partial overlap is not
//       (the engine copies such inputs first: ufunc_exec.cpp).
//   I2  Integer arithmetic wraps (computed in the unsigned type of at least int width),
//       never relying on signed overflow; bool elements are read as 0/1 bytes.
#pragma once

// GCC 12's -O2 uses the "very cheap" vectoriser cost model, which refuses any loop
// that needs an alias check or an epilogue, i.e. every loop here; the dynamic model
// vectorises them (with a runtime alias check). Only optimisation flags change, so
// code generated for inline library functions stays interchangeable with other units.
#pragma GCC optimize("tree-vectorize", "vect-cost-model=dynamic")

#include <array>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "stdlib/numpy/ufunc_impl.h"

namespace pyjitvm::stdlib::np::loops {

template <class T>
inline constexpr bool kIsComplex = std::is_same_v<T, c128>;
template <class T>
inline constexpr bool kIsInt = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// The unsigned type (of at least int's width) integer arithmetic is done in (I2).
template <class T>
using Wide = std::conditional_t<(sizeof(T) < 4), uint32_t, std::make_unsigned_t<T>>;

template <class T>
inline T wrap_add(T a, T b) {
  return static_cast<T>(static_cast<Wide<T>>(a) + static_cast<Wide<T>>(b));
}
template <class T>
inline T wrap_sub(T a, T b) {
  return static_cast<T>(static_cast<Wide<T>>(a) - static_cast<Wide<T>>(b));
}
template <class T>
inline T wrap_mul(T a, T b) {
  return static_cast<T>(static_cast<Wide<T>>(a) * static_cast<Wide<T>>(b));
}
template <class T>
inline T wrap_neg(T a) {
  return static_cast<T>(Wide<T>(0) - static_cast<Wide<T>>(a));
}

// ---------------------------------------------------------------- loop templates
template <class Op, class T, class R>
void loop2(char** args, const int64_t* s, int64_t n, const void*) {
  const int64_t s0 = s[0], s1 = s[1], s2 = s[2];
  if (s2 == static_cast<int64_t>(sizeof(R))) {
    R* o = reinterpret_cast<R*>(args[2]);
    const T* a = reinterpret_cast<const T*>(args[0]);
    const T* b = reinterpret_cast<const T*>(args[1]);
    if (s0 == static_cast<int64_t>(sizeof(T)) && s1 == static_cast<int64_t>(sizeof(T))) {
      for (int64_t i = 0; i < n; ++i) o[i] = Op::f(a[i], b[i]);
      return;
    }
    if (s0 == static_cast<int64_t>(sizeof(T)) && s1 == 0) {
      const T bv = *b;
      for (int64_t i = 0; i < n; ++i) o[i] = Op::f(a[i], bv);
      return;
    }
    if (s0 == 0 && s1 == static_cast<int64_t>(sizeof(T))) {
      const T av = *a;
      for (int64_t i = 0; i < n; ++i) o[i] = Op::f(av, b[i]);
      return;
    }
  }
  char* pa = args[0];
  char* pb = args[1];
  char* po = args[2];
  for (int64_t i = 0; i < n; ++i, pa += s0, pb += s1, po += s2)
    *reinterpret_cast<R*>(po) =
        Op::f(*reinterpret_cast<const T*>(pa), *reinterpret_cast<const T*>(pb));
}

template <class Op, class T, class R>
void loop1(char** args, const int64_t* s, int64_t n, const void*) {
  const int64_t s0 = s[0], s1 = s[1];
  if (s0 == static_cast<int64_t>(sizeof(T)) && s1 == static_cast<int64_t>(sizeof(R))) {
    const T* a = reinterpret_cast<const T*>(args[0]);
    R* o = reinterpret_cast<R*>(args[1]);
    for (int64_t i = 0; i < n; ++i) o[i] = Op::f(a[i]);
    return;
  }
  char* pa = args[0];
  char* po = args[1];
  for (int64_t i = 0; i < n; ++i, pa += s0, po += s1)
    *reinterpret_cast<R*>(po) = Op::f(*reinterpret_cast<const T*>(pa));
}

// ---------------------------------------------------------------- type lists (I2 of impl)
template <class... Ts>
struct Types {};
// NumPy's loop order: ? b B h H i I l L (q Q) (e) f d (g) (F) D (G).
using IntTypes = Types<int8_t, uint8_t, int16_t, uint16_t, int32_t, uint32_t, int64_t, uint64_t>;

template <class... A, class... B>
constexpr Types<A..., B...> operator+(Types<A...>, Types<B...>) {
  return {};
}

// T,T->T loops of `Op` for each T.
template <template <class> class Loop, class... Ts>
constexpr std::array<LoopDef, sizeof...(Ts)> same_loops(Types<Ts...>) {
  return {LoopDef{{dtype_of<Ts>(), dtype_of<Ts>()}, dtype_of<Ts>(), Loop<Ts>::fn}...};
}
// T,T->R (R fixed, e.g. bool) loops.
template <template <class> class Loop, class R, class... Ts>
constexpr std::array<LoopDef, sizeof...(Ts)> to_loops(Types<Ts...>) {
  return {LoopDef{{dtype_of<Ts>(), dtype_of<Ts>()}, dtype_of<R>(), Loop<Ts>::fn}...};
}

template <class Op>
struct Bin {
  template <class T>
  struct L {
    static constexpr LoopFn fn = &loop2<Op, T, T>;
  };
};
template <class Op>
struct BinBool {
  template <class T>
  struct L {
    static constexpr LoopFn fn = &loop2<Op, T, bool>;
  };
};
template <class Op>
struct Un {
  template <class T>
  struct L {
    static constexpr LoopFn fn = &loop1<Op, T, T>;
  };
};
template <class Op>
struct UnBool {
  template <class T>
  struct L {
    static constexpr LoopFn fn = &loop1<Op, T, bool>;
  };
};

template <class T, size_t A, size_t B>
constexpr std::array<T, A + B> cat(const std::array<T, A>& a, const std::array<T, B>& b) {
  std::array<T, A + B> r{};
  for (size_t i = 0; i < A; ++i) r[i] = a[i];
  for (size_t i = 0; i < B; ++i) r[A + i] = b[i];
  return r;
}

// ---------------------------------------------------------------- complex helpers
inline c128 cmul(c128 a, c128 b) {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}
// Smith's division, as NumPy computes complex quotients.
inline c128 cdiv(c128 a, c128 b) {
  const double ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
  const double abr = std::fabs(br), abi = std::fabs(bi);
  if (abr >= abi) {
    if (abr == 0 && abi == 0) return {ar / abr, ai / abi};
    const double rat = bi / br, scl = 1.0 / (br + bi * rat);
    return {(ar + ai * rat) * scl, (ai - ar * rat) * scl};
  }
  const double rat = br / bi, scl = 1.0 / (bi + br * rat);
  return {(ar * rat + ai) * scl, (ai * rat - ar) * scl};
}
// NumPy's lexicographic complex ordering (a NaN imaginary part blocks the real test).
inline bool clt(c128 x, c128 y) {
  return (x.real() < y.real() && !std::isnan(x.imag()) && !std::isnan(y.imag())) ||
         (x.real() == y.real() && x.imag() < y.imag());
}
inline bool cle(c128 x, c128 y) {
  return (x.real() < y.real() && !std::isnan(x.imag()) && !std::isnan(y.imag())) ||
         (x.real() == y.real() && x.imag() <= y.imag());
}
inline bool cgt(c128 x, c128 y) {
  return (x.real() > y.real() && !std::isnan(x.imag()) && !std::isnan(y.imag())) ||
         (x.real() == y.real() && x.imag() > y.imag());
}
inline bool cge(c128 x, c128 y) {
  return (x.real() > y.real() && !std::isnan(x.imag()) && !std::isnan(y.imag())) ||
         (x.real() == y.real() && x.imag() >= y.imag());
}
inline bool cnonzero(c128 x) { return x.real() != 0 || x.imag() != 0; }

template <class T>
inline bool nonzero(T v) {
  if constexpr (kIsComplex<T>) return cnonzero(v);
  else return v != T(0);
}

// The loop tables of each file (empty span for ufuncs the file does not define).
std::span<const LoopDef> arith_loops(UfuncId id);
std::span<const LoopDef> math_loops(UfuncId id);

}  // namespace pyjitvm::stdlib::np::loops
