// stdlib/numpy/ufunc_loops.cpp — inner loops of the arithmetic, comparison, min/max,
// bitwise and logical ufuncs, for every dtype NumPy has a loop for.
//
// Stage: arith_loops(id) feeds the ufunc table (ufunc_defs.cpp).
//
// Invariants (NumPy 1.24's loop semantics, measured on this machine):
//   I1  Integer add/subtract/multiply/negative/square wrap; floor_divide, remainder and
//       fmod by zero give 0, x // -1 is -x wrapped (INT_MIN // -1 == INT_MIN); floor_divide
//       and remainder follow Python's signs, fmod C's.
//   I2  Float floor_divide/remainder use the fmod-based divmod NumPy uses (so
//       7.5 // -2 == -4.0, -7 % 3 == 2.0, x % 0 == nan, x // 0 == ±inf/nan).
//   I3  maximum/minimum propagate NaN and return the second operand when equal
//       (maximum(-0.0, 0.0) == 0.0, maximum(0.0, -0.0) == -0.0); fmax/fmin ignore NaN.
//   I4  Shifts by a count >= the width (or negative) give 0 (right shift of a negative
//       value: -1); complex ordering is NumPy's lexicographic one.
//   I5  Integer power raises "Integers to negative integer powers are not allowed." via
//       LoopStatus::negative_int_power before writing anything.
#include "stdlib/numpy/ufunc_loops.h"

namespace pyjitvm::stdlib::np::loops {

namespace {

// ---------------------------------------------------------------- arithmetic
struct OpAdd {
  template <class T>
  static T f(T a, T b) {
    if constexpr (std::is_same_v<T, bool>) return a || b;
    else if constexpr (kIsInt<T>) return wrap_add(a, b);
    else return a + b;
  }
};
struct OpSub {
  template <class T>
  static T f(T a, T b) {
    if constexpr (kIsInt<T>) return wrap_sub(a, b);
    else return a - b;
  }
};
struct OpMul {
  template <class T>
  static T f(T a, T b) {
    if constexpr (std::is_same_v<T, bool>) return a && b;
    else if constexpr (kIsInt<T>) return wrap_mul(a, b);
    else if constexpr (kIsComplex<T>) return cmul(a, b);
    else return a * b;
  }
};
struct OpDiv {
  template <class T>
  static T f(T a, T b) {
    if constexpr (kIsComplex<T>) return cdiv(a, b);
    else return a / b;
  }
};

// Python-style float divmod, computed through fmod (I2).
template <class T>
T float_divmod(T a, T b, T& mod) {
  mod = std::fmod(a, b);
  T div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= T(1);
    }
  } else {
    mod = std::copysign(T(0), b);
  }
  T floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > T(0.5)) floordiv += T(1);
  } else {
    floordiv = std::copysign(T(0), a / b);
  }
  return floordiv;
}

struct OpFloorDiv {
  template <class T>
  static T f(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      if (b == 0) return a / b;
      T mod;
      return float_divmod(a, b, mod);
    } else if constexpr (std::is_signed_v<T>) {
      if (b == 0) return 0;
      if (b == -1) return wrap_neg(a);
      T q = static_cast<T>(a / b);
      if (static_cast<T>(a % b) != 0 && ((a < 0) != (b < 0))) --q;
      return q;
    } else {
      return b == 0 ? T(0) : static_cast<T>(a / b);
    }
  }
};
struct OpRemainder {
  template <class T>
  static T f(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      if (b == 0) return std::fmod(a, b);
      T mod;
      float_divmod(a, b, mod);
      return mod;
    } else if constexpr (std::is_signed_v<T>) {
      if (b == 0 || b == -1) return 0;
      T r = static_cast<T>(a % b);
      if (r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
      return r;
    } else {
      return b == 0 ? T(0) : static_cast<T>(a % b);
    }
  }
};
struct OpFmod {
  template <class T>
  static T f(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) return std::fmod(a, b);
    else if constexpr (std::is_signed_v<T>)
      return (b == 0 || b == -1) ? T(0) : static_cast<T>(a % b);
    else return b == 0 ? T(0) : static_cast<T>(a % b);
  }
};

// ---------------------------------------------------------------- min / max (I3)
struct OpMax {
  template <class T>
  static T f(T a, T b) {
    if constexpr (std::is_same_v<T, bool>) return a || b;
    else if constexpr (kIsComplex<T>) {
      return (std::isnan(a.real()) || std::isnan(a.imag()) || cge(a, b)) ? a : b;
    } else if constexpr (std::is_floating_point_v<T>) {
      return (a > b || a != a) ? a : b;
    } else {
      return a > b ? a : b;
    }
  }
};
struct OpMin {
  template <class T>
  static T f(T a, T b) {
    if constexpr (std::is_same_v<T, bool>) return a && b;
    else if constexpr (kIsComplex<T>) {
      return (std::isnan(a.real()) || std::isnan(a.imag()) || cle(a, b)) ? a : b;
    } else if constexpr (std::is_floating_point_v<T>) {
      return (a < b || a != a) ? a : b;
    } else {
      return a < b ? a : b;
    }
  }
};
struct OpFmax {
  template <class T>
  static T f(T a, T b) {
    if constexpr (kIsComplex<T>) {
      if (std::isnan(b.real()) || std::isnan(b.imag())) return a;
      if (std::isnan(a.real()) || std::isnan(a.imag())) return b;
      return cge(a, b) ? a : b;
    } else if constexpr (std::is_floating_point_v<T>) {
      return (a > b || b != b) ? a : b;
    } else {
      return OpMax::f(a, b);
    }
  }
};
struct OpFmin {
  template <class T>
  static T f(T a, T b) {
    if constexpr (kIsComplex<T>) {
      if (std::isnan(b.real()) || std::isnan(b.imag())) return a;
      if (std::isnan(a.real()) || std::isnan(a.imag())) return b;
      return cle(a, b) ? a : b;
    } else if constexpr (std::is_floating_point_v<T>) {
      return (a < b || b != b) ? a : b;
    } else {
      return OpMin::f(a, b);
    }
  }
};

// ---------------------------------------------------------------- comparisons
struct OpEq {
  template <class T>
  static bool f(T a, T b) {
    return a == b;
  }
};
struct OpNe {
  template <class T>
  static bool f(T a, T b) {
    return a != b;
  }
};
struct OpLt {
  template <class T>
  static bool f(T a, T b) {
    if constexpr (kIsComplex<T>) return clt(a, b);
    else return a < b;
  }
};
struct OpLe {
  template <class T>
  static bool f(T a, T b) {
    if constexpr (kIsComplex<T>) return cle(a, b);
    else return a <= b;
  }
};
struct OpGt {
  template <class T>
  static bool f(T a, T b) {
    if constexpr (kIsComplex<T>) return cgt(a, b);
    else return a > b;
  }
};
struct OpGe {
  template <class T>
  static bool f(T a, T b) {
    if constexpr (kIsComplex<T>) return cge(a, b);
    else return a >= b;
  }
};
struct OpLAnd {
  template <class T>
  static bool f(T a, T b) {
    return nonzero(a) && nonzero(b);
  }
};
struct OpLOr {
  template <class T>
  static bool f(T a, T b) {
    return nonzero(a) || nonzero(b);
  }
};
struct OpLXor {
  template <class T>
  static bool f(T a, T b) {
    return nonzero(a) != nonzero(b);
  }
};
struct OpLNot {
  template <class T>
  static bool f(T a) {
    return !nonzero(a);
  }
};

// ---------------------------------------------------------------- bitwise (I4)
struct OpAnd {
  template <class T>
  static T f(T a, T b) {
    return static_cast<T>(a & b);
  }
};
struct OpOr {
  template <class T>
  static T f(T a, T b) {
    return static_cast<T>(a | b);
  }
};
struct OpXor {
  template <class T>
  static T f(T a, T b) {
    return static_cast<T>(a ^ b);
  }
};
struct OpInvert {
  template <class T>
  static T f(T a) {
    if constexpr (std::is_same_v<T, bool>) return !a;
    else return static_cast<T>(~a);
  }
};
struct OpLShift {
  template <class T>
  static T f(T a, T b) {
    constexpr unsigned kBits = sizeof(T) * 8;
    if (static_cast<std::make_unsigned_t<T>>(b) < kBits)
      return static_cast<T>(static_cast<Wide<T>>(a) << static_cast<unsigned>(b));
    return 0;
  }
};
struct OpRShift {
  template <class T>
  static T f(T a, T b) {
    constexpr unsigned kBits = sizeof(T) * 8;
    if (static_cast<std::make_unsigned_t<T>>(b) < kBits) return static_cast<T>(a >> b);
    if constexpr (std::is_signed_v<T>) return a < 0 ? T(-1) : T(0);
    else return 0;
  }
};

// ---------------------------------------------------------------- unary arithmetic
struct OpNeg {
  template <class T>
  static T f(T a) {
    if constexpr (kIsInt<T>) return wrap_neg(a);
    else return -a;
  }
};
struct OpPos {
  template <class T>
  static T f(T a) {
    return a;
  }
};
// |z| as NumPy's complex absolute loop computes it (not glibc's hypot, which NumPy's
// scalar abs() uses): larger * sqrt(1 + (smaller/larger)^2).
inline double complex_abs(c128 z) {
  const double re = std::fabs(z.real()), im = std::fabs(z.imag());
  if (std::isinf(re) || std::isinf(im)) return HUGE_VAL;
  if (std::isnan(re) || std::isnan(im)) return std::nan("");
  const double larger = re > im ? re : im, smaller = re > im ? im : re;
  if (larger == 0) return 0.0;
  const double r = smaller / larger;
  return larger * std::sqrt(1.0 + r * r);
}

struct OpAbs {
  template <class T>
  static auto f(T a) {
    if constexpr (kIsComplex<T>) return complex_abs(a);
    else if constexpr (std::is_floating_point_v<T>) return std::fabs(a);
    else if constexpr (kIsInt<T> && std::is_signed_v<T>) return a < 0 ? wrap_neg(a) : a;
    else return a;
  }
};
struct OpSquare {
  template <class T>
  static T f(T a) {
    if constexpr (kIsInt<T>) return wrap_mul(a, a);
    else if constexpr (kIsComplex<T>) {
      return {a.real() * a.real() - a.imag() * a.imag(), a.real() * a.imag() + a.imag() * a.real()};
    } else {
      return a * a;
    }
  }
};
struct OpReciprocal {
  template <class T>
  static T f(T a) {
    if constexpr (kIsInt<T>) {
      return convert_element<T>(1.0 / static_cast<double>(a));
    } else if constexpr (kIsComplex<T>) {
      const double r = a.real(), i = a.imag();
      if (std::fabs(i) <= std::fabs(r)) {
        const double q = i / r, d = r + i * q;
        return {1 / d, -q / d};
      }
      const double q = r / i, d = r * q + i;
      return {q / d, -1 / d};
    } else {
      return T(1) / a;
    }
  }
};
struct OpSign {
  template <class T>
  static T f(T a) {
    if constexpr (kIsComplex<T>) {
      const c128 z(0, 0);
      return {cgt(a, z) ? 1.0 : clt(a, z) ? -1.0 : a == z ? 0.0 : std::nan(""), 0.0};
    } else if constexpr (std::is_floating_point_v<T>) {
      return a > 0 ? T(1) : a < 0 ? T(-1) : a == 0 ? T(0) : a;
    } else if constexpr (std::is_signed_v<T>) {
      return a > 0 ? T(1) : a < 0 ? T(-1) : T(0);
    } else {
      return a > 0 ? T(1) : T(0);
    }
  }
};
struct OpConj {
  template <class T>
  static T f(T a) {
    if constexpr (kIsComplex<T>) return std::conj(a);
    else return a;
  }
};

// Integer power (I5): exponentiation by squaring with wrapping multiplication.
template <class T>
void int_power(char** args, const int64_t* s, int64_t n, const void* data) {
  if constexpr (std::is_signed_v<T>) {
    const char* pb = args[1];
    for (int64_t i = 0; i < n; ++i, pb += s[1]) {
      if (*reinterpret_cast<const T*>(pb) < 0) {
        static_cast<LoopStatus*>(const_cast<void*>(data))->negative_int_power = true;
        return;
      }
    }
  }
  char* pa = args[0];
  char* pb = args[1];
  char* po = args[2];
  for (int64_t i = 0; i < n; ++i, pa += s[0], pb += s[1], po += s[2]) {
    T base = *reinterpret_cast<const T*>(pa);
    auto e = static_cast<std::make_unsigned_t<T>>(*reinterpret_cast<const T*>(pb));
    T r = 1;
    while (e) {
      if (e & 1) r = wrap_mul(r, base);
      base = wrap_mul(base, base);
      e >>= 1;
    }
    *reinterpret_cast<T*>(po) = r;
  }
}

template <class T>
struct IntPow {
  static constexpr LoopFn fn = &int_power<T>;
};

// ---------------------------------------------------------------- tables
using Numeric = IntTypes;
using BoolInt = decltype(Types<bool>{} + IntTypes{});
using Real = decltype(IntTypes{} + Types<float, double>{});
using AllNoBool = decltype(Real{} + Types<c128>{});
using All = decltype(Types<bool>{} + AllNoBool{});
using RealAll = decltype(Types<bool>{} + Real{});

const auto kAdd = same_loops<Bin<OpAdd>::L>(All{});
const auto kSub = same_loops<Bin<OpSub>::L>(AllNoBool{});
const auto kMul = same_loops<Bin<OpMul>::L>(All{});
const auto kDiv = same_loops<Bin<OpDiv>::L>(Types<float, double, c128>{});
const auto kFloorDiv = same_loops<Bin<OpFloorDiv>::L>(Real{});
const auto kRemainder = same_loops<Bin<OpRemainder>::L>(Real{});
const auto kFmod = same_loops<Bin<OpFmod>::L>(Real{});
const auto kIntPower = same_loops<IntPow>(Numeric{});
const auto kMax = same_loops<Bin<OpMax>::L>(All{});
const auto kMin = same_loops<Bin<OpMin>::L>(All{});
const auto kFmax = same_loops<Bin<OpFmax>::L>(All{});
const auto kFmin = same_loops<Bin<OpFmin>::L>(All{});
const auto kEq = to_loops<BinBool<OpEq>::L, bool>(All{});
const auto kNe = to_loops<BinBool<OpNe>::L, bool>(All{});
const auto kLt = to_loops<BinBool<OpLt>::L, bool>(All{});
const auto kLe = to_loops<BinBool<OpLe>::L, bool>(All{});
const auto kGt = to_loops<BinBool<OpGt>::L, bool>(All{});
const auto kGe = to_loops<BinBool<OpGe>::L, bool>(All{});
const auto kLAnd = to_loops<BinBool<OpLAnd>::L, bool>(All{});
const auto kLOr = to_loops<BinBool<OpLOr>::L, bool>(All{});
const auto kLXor = to_loops<BinBool<OpLXor>::L, bool>(All{});
const auto kBitAnd = same_loops<Bin<OpAnd>::L>(BoolInt{});
const auto kBitOr = same_loops<Bin<OpOr>::L>(BoolInt{});
const auto kBitXor = same_loops<Bin<OpXor>::L>(BoolInt{});
const auto kLShift = same_loops<Bin<OpLShift>::L>(Numeric{});
const auto kRShift = same_loops<Bin<OpRShift>::L>(Numeric{});

// Unary T->T / T->bool loop lists.
template <template <class> class Loop, class... Ts>
constexpr std::array<LoopDef, sizeof...(Ts)> unary_loops(Types<Ts...>) {
  return {LoopDef{{dtype_of<Ts>(), dtype_of<Ts>()}, dtype_of<Ts>(), Loop<Ts>::fn}...};
}
template <template <class> class Loop, class... Ts>
constexpr std::array<LoopDef, sizeof...(Ts)> unary_bool_loops(Types<Ts...>) {
  return {LoopDef{{dtype_of<Ts>(), dtype_of<Ts>()}, DType::Bool, Loop<Ts>::fn}...};
}

const auto kNeg = unary_loops<Un<OpNeg>::L>(AllNoBool{});
const auto kPos = unary_loops<Un<OpPos>::L>(AllNoBool{});
const auto kAbs =
    cat(unary_loops<Un<OpAbs>::L>(RealAll{}),
        std::array<LoopDef, 1>{LoopDef{
            {DType::Complex128, DType::Complex128}, DType::Float64, &loop1<OpAbs, c128, double>}});
const auto kSquare = unary_loops<Un<OpSquare>::L>(AllNoBool{});
const auto kReciprocal = unary_loops<Un<OpReciprocal>::L>(AllNoBool{});
const auto kSign = unary_loops<Un<OpSign>::L>(AllNoBool{});
const auto kConj = unary_loops<Un<OpConj>::L>(AllNoBool{});
const auto kInvert = unary_loops<Un<OpInvert>::L>(BoolInt{});
const auto kLNot = unary_bool_loops<UnBool<OpLNot>::L>(All{});

}  // namespace

std::span<const LoopDef> arith_loops(UfuncId id) {
  switch (id) {
    case UfuncId::Add: return kAdd;
    case UfuncId::Subtract: return kSub;
    case UfuncId::Multiply: return kMul;
    case UfuncId::TrueDivide: return kDiv;
    case UfuncId::FloorDivide: return kFloorDiv;
    case UfuncId::Remainder: return kRemainder;
    case UfuncId::Fmod: return kFmod;
    case UfuncId::Maximum: return kMax;
    case UfuncId::Minimum: return kMin;
    case UfuncId::Fmax: return kFmax;
    case UfuncId::Fmin: return kFmin;
    case UfuncId::Equal: return kEq;
    case UfuncId::NotEqual: return kNe;
    case UfuncId::Less: return kLt;
    case UfuncId::LessEqual: return kLe;
    case UfuncId::Greater: return kGt;
    case UfuncId::GreaterEqual: return kGe;
    case UfuncId::LogicalAnd: return kLAnd;
    case UfuncId::LogicalOr: return kLOr;
    case UfuncId::LogicalXor: return kLXor;
    case UfuncId::LogicalNot: return kLNot;
    case UfuncId::BitwiseAnd: return kBitAnd;
    case UfuncId::BitwiseOr: return kBitOr;
    case UfuncId::BitwiseXor: return kBitXor;
    case UfuncId::LeftShift: return kLShift;
    case UfuncId::RightShift: return kRShift;
    case UfuncId::Negative: return kNeg;
    case UfuncId::Positive: return kPos;
    case UfuncId::Absolute: return kAbs;
    case UfuncId::Square: return kSquare;
    case UfuncId::Reciprocal: return kReciprocal;
    case UfuncId::Sign: return kSign;
    case UfuncId::Conjugate: return kConj;
    case UfuncId::Invert: return kInvert;
    case UfuncId::Power: return kIntPower;  // the float/complex loops follow (math_loops)
    default: return {};
  }
}

}  // namespace pyjitvm::stdlib::np::loops
