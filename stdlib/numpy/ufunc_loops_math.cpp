// stdlib/numpy/ufunc_loops_math.cpp — inner loops of the float and complex math ufuncs
// (sqrt, exp, log, trigonometric and hyperbolic functions, rounding, isnan & co.,
// power, arctan2, hypot, copysign, degrees/radians).
//
// Stage: math_loops(id) feeds the ufunc table (ufunc_defs.cpp).
//
// Invariants:
//   I1  Float loops of implementation-dependent functions go through vmath() (one
//       kernel per function for the process): contiguous runs are passed straight to
//       the kernel, strided runs and scalars are gathered into a buffer and passed to the
//       same kernel, so an element's result never depends on the layout.
//   I2  Complex functions use glibc's complex functions (as NumPy does on Linux) and
//       NumPy's own formulas where it has them (log2, log10, exp2, expm1, log1p, power
//       with small integer exponents).
//   I3  isnan/isinf/isfinite are defined for every dtype (integers: false/false/true).
#include "stdlib/numpy/ufunc_loops.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace pyjitvm::stdlib::np::loops {

namespace {

constexpr int64_t kChunk = 256;

template <class T>
auto unary_kernel(VFn f) {
  if constexpr (std::is_same_v<T, double>) return vmath().ud[static_cast<int>(f)];
  else return vmath().uf[static_cast<int>(f)];
}
template <class T>
auto binary_kernel(VFn f) {
  const int i = static_cast<int>(f) - kNumVUnary;
  if constexpr (std::is_same_v<T, double>) return vmath().bd[i];
  else return vmath().bf[i];
}

// I1: T->T through a vmath kernel.
template <VFn F, class T>
void vloop1(char** args, const int64_t* s, int64_t n, const void*) {
  auto k = unary_kernel<T>(F);
  constexpr int64_t sz = sizeof(T);
  if (s[0] == sz && s[1] == sz) {
    k(reinterpret_cast<const T*>(args[0]), reinterpret_cast<T*>(args[1]), n);
    return;
  }
  T in[kChunk], out[kChunk];
  const char* pa = args[0];
  char* po = args[1];
  for (int64_t done = 0; done < n; done += kChunk) {
    const int64_t m = std::min(kChunk, n - done);
    for (int64_t i = 0; i < m; ++i, pa += s[0]) std::memcpy(&in[i], pa, sz);
    k(in, out, m);
    for (int64_t i = 0; i < m; ++i, po += s[1]) std::memcpy(po, &out[i], sz);
  }
}

// I1: T,T->T through a vmath kernel.
// True when writing element i of the output can change an input element read after it:
// reduce (accumulator in0 == out, stride 0) and accumulate (in0 one element behind out).
// Such calls must run one element at a time, in order, as NumPy's scalar loops do.
inline bool loop_carried(const char* in, int64_t is, const char* out, int64_t os, int64_t n) {
  if (n <= 1 || (in == out && is == os && is != 0)) return false;
  auto lo_hi = [n](const char* p, int64_t st) {
    const char* q = p + (n - 1) * st;
    return std::pair{std::min(p, q), std::max(p, q)};
  };
  auto [a0, a1] = lo_hi(in, is);
  auto [b0, b1] = lo_hi(out, os);
  return a0 <= b1 + 16 && b0 <= a1 + 16;
}

template <VFn F, class T>
void vloop2(char** args, const int64_t* s, int64_t n, const void*) {
  auto k = binary_kernel<T>(F);
  constexpr int64_t sz = sizeof(T);
  if (loop_carried(args[0], s[0], args[2], s[2], n) || loop_carried(args[1], s[1], args[2], s[2], n)) {
    for (int64_t i = 0; i < n; ++i) {
      T a, b, r;
      std::memcpy(&a, args[0] + i * s[0], sz);
      std::memcpy(&b, args[1] + i * s[1], sz);
      k(&a, &b, &r, 1);
      std::memcpy(args[2] + i * s[2], &r, sz);
    }
    return;
  }
  if (s[0] == sz && s[1] == sz && s[2] == sz) {
    k(reinterpret_cast<const T*>(args[0]), reinterpret_cast<const T*>(args[1]),
      reinterpret_cast<T*>(args[2]), n);
    return;
  }
  T a[kChunk], b[kChunk], out[kChunk];
  const char* pa = args[0];
  const char* pb = args[1];
  char* po = args[2];
  for (int64_t done = 0; done < n; done += kChunk) {
    const int64_t m = std::min(kChunk, n - done);
    for (int64_t i = 0; i < m; ++i, pa += s[0], pb += s[1]) {
      std::memcpy(&a[i], pa, sz);
      std::memcpy(&b[i], pb, sz);
    }
    k(a, b, out, m);
    for (int64_t i = 0; i < m; ++i, po += s[2]) std::memcpy(po, &out[i], sz);
  }
}

template <VFn F>
struct V1 {
  template <class T>
  struct L {
    static constexpr LoopFn fn = &vloop1<F, T>;
  };
};
template <VFn F>
struct V2 {
  template <class T>
  struct L {
    static constexpr LoopFn fn = &vloop2<F, T>;
  };
};

// ---------------------------------------------------------------- complex functions (I2)
constexpr double kLog2E = 1.442695040888963407359924681001892137;
constexpr double kLog10E = 0.434294481903251827651128918916605082;
constexpr double kLn2 = 0.693147180559945309417232121458176568;

c128 c_log2(c128 z) {
  c128 r = std::log(z);
  return {r.real() * kLog2E, r.imag() * kLog2E};
}
c128 c_log10(c128 z) {
  c128 r = std::log(z);
  return {r.real() * kLog10E, r.imag() * kLog10E};
}
c128 c_exp2(c128 z) { return std::exp(c128(z.real() * kLn2, z.imag() * kLn2)); }
c128 c_expm1(c128 z) {
  const double a = std::sin(z.imag() / 2);
  return {std::expm1(z.real()) * std::cos(z.imag()) - 2 * a * a,
          std::exp(z.real()) * std::sin(z.imag())};
}
c128 c_log1p(c128 z) {
  const double l = std::hypot(z.real() + 1, z.imag());
  return {std::log(l), std::atan2(z.imag(), z.real() + 1)};
}
c128 c_rint(c128 z) { return {std::nearbyint(z.real()), std::nearbyint(z.imag())}; }

// NumPy's complex power: exact unrolled products for small integer exponents, glibc's
// cpow otherwise.
c128 c_pow(c128 a, c128 b) {
  const double ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
  if (br == 0 && bi == 0) return {1, 0};
  if (ar == 0 && ai == 0) {
    if (br > 0 && bi == 0) return {0, 0};
    return {std::nan(""), std::nan("")};
  }
  if (bi == 0 && br >= -100 && br <= 100 && static_cast<double>(static_cast<int64_t>(br)) == br) {
    int64_t n = static_cast<int64_t>(br);
    if (n == 1) return a;
    if (n == 2) return cmul(a, a);
    if (n == 3) return cmul(a, cmul(a, a));
    if (n > -100 && n < 100) {
      int64_t m = n < 0 ? -n : n;
      c128 acc(1, 0), p = a;
      int64_t mask = 1;
      for (;;) {
        if (m & mask) acc = cmul(acc, p);
        mask <<= 1;
        if (m < mask) break;
        p = cmul(p, p);
      }
      return br < 0 ? cdiv(c128(1, 0), acc) : acc;
    }
  }
  __complex__ double x, y;
  __real__ x = ar;
  __imag__ x = ai;
  __real__ y = br;
  __imag__ y = bi;
  __complex__ double r = __builtin_cpow(x, y);
  return {__real__ r, __imag__ r};
}

template <c128 (*F)(c128)>
struct CUn {
  static c128 f(c128 z) { return F(z); }
};
c128 c_sqrt(c128 z) { return std::sqrt(z); }
c128 c_exp(c128 z) { return std::exp(z); }
c128 c_log(c128 z) { return std::log(z); }
c128 c_sin(c128 z) { return std::sin(z); }
c128 c_cos(c128 z) { return std::cos(z); }
c128 c_tan(c128 z) { return std::tan(z); }
c128 c_asin(c128 z) { return std::asin(z); }
c128 c_acos(c128 z) { return std::acos(z); }
c128 c_atan(c128 z) { return std::atan(z); }
c128 c_sinh(c128 z) { return std::sinh(z); }
c128 c_cosh(c128 z) { return std::cosh(z); }
c128 c_tanh(c128 z) { return std::tanh(z); }
c128 c_asinh(c128 z) { return std::asinh(z); }
c128 c_acosh(c128 z) { return std::acosh(z); }
c128 c_atanh(c128 z) { return std::atanh(z); }

template <c128 (*F)(c128)>
constexpr LoopDef complex_loop() {
  return {{DType::Complex128, DType::Complex128}, DType::Complex128, &loop1<CUn<F>, c128, c128>};
}
struct OpCPow {
  static c128 f(c128 a, c128 b) { return c_pow(a, b); }
};

// ---------------------------------------------------------------- other float functions
struct OpIsnan {
  template <class T>
  static bool f(T a) {
    if constexpr (kIsComplex<T>) return std::isnan(a.real()) || std::isnan(a.imag());
    else if constexpr (std::is_floating_point_v<T>) return a != a;
    else return false;
  }
};
struct OpIsinf {
  template <class T>
  static bool f(T a) {
    if constexpr (kIsComplex<T>) return std::isinf(a.real()) || std::isinf(a.imag());
    else if constexpr (std::is_floating_point_v<T>) return std::isinf(a);
    else return false;
  }
};
struct OpIsfinite {
  template <class T>
  static bool f(T a) {
    if constexpr (kIsComplex<T>) return std::isfinite(a.real()) && std::isfinite(a.imag());
    else if constexpr (std::is_floating_point_v<T>) return std::isfinite(a);
    else return true;
  }
};
struct OpSignbit {
  template <class T>
  static bool f(T a) {
    return std::signbit(a);
  }
};
struct OpCopysign {
  template <class T>
  static T f(T a, T b) {
    return std::copysign(a, b);
  }
};
// NumPy: radians(x) = x * (pi/180), degrees(x) = x * (180/pi), constants in T.
struct OpRadians {
  template <class T>
  static T f(T a) {
    if constexpr (std::is_same_v<T, float>) return a * (static_cast<float>(M_PI) / 180.0f);
    else return a * (M_PI / 180.0);
  }
};
struct OpDegrees {
  template <class T>
  static T f(T a) {
    if constexpr (std::is_same_v<T, float>) return a * (180.0f / static_cast<float>(M_PI));
    else return a * (180.0 / M_PI);
  }
};

using Flt = Types<float, double>;
using AllTypes = decltype(Types<bool>{} + IntTypes{} + Flt{} + Types<c128>{});

template <template <class> class Loop, class... Ts>
constexpr std::array<LoopDef, sizeof...(Ts)> uloops(Types<Ts...>) {
  return {LoopDef{{dtype_of<Ts>(), dtype_of<Ts>()}, dtype_of<Ts>(), Loop<Ts>::fn}...};
}
template <template <class> class Loop, class... Ts>
constexpr std::array<LoopDef, sizeof...(Ts)> ubool_loops(Types<Ts...>) {
  return {LoopDef{{dtype_of<Ts>(), dtype_of<Ts>()}, DType::Bool, Loop<Ts>::fn}...};
}

// f, d (and D when the complex function exists).
template <VFn F>
constexpr auto real_loops() {
  return uloops<V1<F>::template L>(Flt{});
}
template <VFn F, c128 (*C)(c128)>
constexpr auto real_complex_loops() {
  return cat(real_loops<F>(), std::array<LoopDef, 1>{complex_loop<C>()});
}

const auto kSqrt = real_complex_loops<VFn::Sqrt, c_sqrt>();
const auto kCbrt = real_loops<VFn::Cbrt>();
const auto kExp = real_complex_loops<VFn::Exp, c_exp>();
const auto kExp2 = real_complex_loops<VFn::Exp2, c_exp2>();
const auto kExpm1 = real_complex_loops<VFn::Expm1, c_expm1>();
const auto kLog = real_complex_loops<VFn::Log, c_log>();
const auto kLog2 = real_complex_loops<VFn::Log2, c_log2>();
const auto kLog10 = real_complex_loops<VFn::Log10, c_log10>();
const auto kLog1p = real_complex_loops<VFn::Log1p, c_log1p>();
const auto kSin = real_complex_loops<VFn::Sin, c_sin>();
const auto kCos = real_complex_loops<VFn::Cos, c_cos>();
const auto kTan = real_complex_loops<VFn::Tan, c_tan>();
const auto kAsin = real_complex_loops<VFn::Asin, c_asin>();
const auto kAcos = real_complex_loops<VFn::Acos, c_acos>();
const auto kAtan = real_complex_loops<VFn::Atan, c_atan>();
const auto kSinh = real_complex_loops<VFn::Sinh, c_sinh>();
const auto kCosh = real_complex_loops<VFn::Cosh, c_cosh>();
const auto kTanh = real_complex_loops<VFn::Tanh, c_tanh>();
const auto kAsinh = real_complex_loops<VFn::Asinh, c_asinh>();
const auto kAcosh = real_complex_loops<VFn::Acosh, c_acosh>();
const auto kAtanh = real_complex_loops<VFn::Atanh, c_atanh>();
const auto kFloor = real_loops<VFn::Floor>();
const auto kCeil = real_loops<VFn::Ceil>();
const auto kTrunc = real_loops<VFn::Trunc>();
const auto kRint = real_complex_loops<VFn::Rint, c_rint>();
const auto kArctan2 = uloops<V2<VFn::Atan2>::template L>(Flt{});
const auto kHypot = uloops<V2<VFn::Hypot>::template L>(Flt{});
const auto kPowFloat = cat(
    uloops<V2<VFn::Pow>::template L>(Flt{}),
    std::array<LoopDef, 1>{LoopDef{
        {DType::Complex128, DType::Complex128}, DType::Complex128, &loop2<OpCPow, c128, c128>}});
const auto kIsnan = ubool_loops<UnBool<OpIsnan>::L>(AllTypes{});
const auto kIsinf = ubool_loops<UnBool<OpIsinf>::L>(AllTypes{});
const auto kIsfinite = ubool_loops<UnBool<OpIsfinite>::L>(AllTypes{});
const auto kSignbit = ubool_loops<UnBool<OpSignbit>::L>(Flt{});
const auto kCopysign = uloops<Bin<OpCopysign>::L>(Flt{});
const auto kRadians = uloops<Un<OpRadians>::L>(Flt{});
const auto kDegrees = uloops<Un<OpDegrees>::L>(Flt{});

}  // namespace

std::span<const LoopDef> math_loops(UfuncId id) {
  switch (id) {
    case UfuncId::Sqrt: return kSqrt;
    case UfuncId::Cbrt: return kCbrt;
    case UfuncId::Exp: return kExp;
    case UfuncId::Exp2: return kExp2;
    case UfuncId::Expm1: return kExpm1;
    case UfuncId::Log: return kLog;
    case UfuncId::Log2: return kLog2;
    case UfuncId::Log10: return kLog10;
    case UfuncId::Log1p: return kLog1p;
    case UfuncId::Sin: return kSin;
    case UfuncId::Cos: return kCos;
    case UfuncId::Tan: return kTan;
    case UfuncId::Arcsin: return kAsin;
    case UfuncId::Arccos: return kAcos;
    case UfuncId::Arctan: return kAtan;
    case UfuncId::Sinh: return kSinh;
    case UfuncId::Cosh: return kCosh;
    case UfuncId::Tanh: return kTanh;
    case UfuncId::Arcsinh: return kAsinh;
    case UfuncId::Arccosh: return kAcosh;
    case UfuncId::Arctanh: return kAtanh;
    case UfuncId::Floor: return kFloor;
    case UfuncId::Ceil: return kCeil;
    case UfuncId::Trunc: return kTrunc;
    case UfuncId::Rint: return kRint;
    case UfuncId::Arctan2: return kArctan2;
    case UfuncId::Hypot: return kHypot;
    case UfuncId::Power: return kPowFloat;  // after the integer loops (arith_loops)
    case UfuncId::Isnan: return kIsnan;
    case UfuncId::Isinf: return kIsinf;
    case UfuncId::Isfinite: return kIsfinite;
    case UfuncId::Signbit: return kSignbit;
    case UfuncId::Copysign: return kCopysign;
    case UfuncId::Radians:
    case UfuncId::Deg2rad: return kRadians;
    case UfuncId::Degrees:
    case UfuncId::Rad2deg: return kDegrees;
    default: return {};
  }
}

}  // namespace pyjitvm::stdlib::np::loops
