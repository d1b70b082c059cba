// stdlib/math_module.cpp — the math module with CPython's results and errors.
//
// Stage: init_math_module() on first `import math`.
//
// Invariants:
//   I1  Real functions follow CPython's math_1/math_2 rules: a NaN result from a
//       non-NaN argument is ValueError("math domain error"); an infinite result from
//       a finite argument is OverflowError("math range error") for functions that can
//       overflow, ValueError otherwise.
//   I2  Integer functions (factorial, gcd, lcm, comb, perm, isqrt, floor/ceil/trunc of
//       huge floats) are exact on arbitrary-precision ints.
//   I3  fsum() is exactly rounded (Shewchuk's partials, as CPython).
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/stdlib.h"
#include "vm/bigint.h"
#include "vm/class_object.h"
#include "vm/floatops.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib {

using namespace pyjitvm::vm;

namespace {

Value domain_error(VM& vm) { return vm.raise(vm.exc().ValueError, "math domain error"); }
Value range_error(VM& vm) { return vm.raise(vm.exc().OverflowError, "math range error"); }

bool arg_double(VM& vm, Value v, double& out) {
  if (v.is_float()) {
    out = v.as_float();
    return true;
  }
  if (is_int_like(v)) return int_to_double(vm, v, out);
  if (!to_double(vm, v, out)) {
    if (vm.pending_matches(vm.exc().TypeError)) {
      vm.clear_pending();
      vm.raise_fmt(vm.exc().TypeError, "must be real number, not %s", type_name(vm, v));
    }
    return false;
  }
  return true;
}

// CPython's math_1: func(x) with error classification.
Value math_1(VM& vm, const CallArgs& a, const char* name, double (*f)(double), bool can_overflow) {
  if (!check_nargs(vm, a, name, 1, 1)) return Value();
  double x;
  if (!arg_double(vm, a[0], x)) return Value();
  errno = 0;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(vm);
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
  return Value::from_float(r);
}

#define MATH1(NAME, FN, OVF) \
  Value m_##NAME(VM& vm, const CallArgs& a) { return math_1(vm, a, #NAME, FN, OVF); }

double d_sqrt(double x) { return std::sqrt(x); }
double d_exp(double x) { return std::exp(x); }
double d_exp2(double x) { return std::exp2(x); }
double d_expm1(double x) { return std::expm1(x); }
double d_log1p(double x) { return x <= -1.0 ? (x == -1.0 ? -HUGE_VAL : NAN) : std::log1p(x); }
double d_sin(double x) { return std::sin(x); }
double d_cos(double x) { return std::cos(x); }
double d_tan(double x) { return std::tan(x); }
double d_asin(double x) { return std::asin(x); }
double d_acos(double x) { return std::acos(x); }
double d_atan(double x) { return std::atan(x); }
double d_sinh(double x) { return std::sinh(x); }
double d_cosh(double x) { return std::cosh(x); }
double d_tanh(double x) { return std::tanh(x); }
double d_asinh(double x) { return std::asinh(x); }
double d_acosh(double x) { return std::acosh(x); }
double d_atanh(double x) { return std::fabs(x) >= 1.0 ? NAN : std::atanh(x); }
double d_fabs(double x) { return std::fabs(x); }
double d_erf(double x) { return std::erf(x); }
double d_erfc(double x) { return std::erfc(x); }
double d_cbrt(double x) { return std::cbrt(x); }
double d_degrees(double x) { return x * (180.0 / M_PI); }
double d_radians(double x) { return x * (M_PI / 180.0); }
// CPython computes gamma and lgamma with its own Lanczos approximation (not libm),
// so the last bits differ from libm's; these reproduce mathmodule.c.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
constexpr double kLanczosDen[kLanczosN] = {0.0, 39916800.0, 120543840.0, 150917976.0,
                                           105258076.0, 45995730.0, 13339535.0, 2637558.0,
                                           357423.0, 32670.0, 1925.0, 66.0, 1.0};
constexpr double kGammaIntegral[23] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0,
    39916800.0, 479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0,
    20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
    2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0};
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

double sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(M_PI * y); break;
    case 1: r = std::cos(M_PI * (y - 0.5)); break;
    case 2: r = std::sin(M_PI * (1.0 - y)); break;
    case 3: r = -std::cos(M_PI * (y - 1.5)); break;
    default: r = std::sin(M_PI * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

double d_gamma(double x) {
  if (!std::isfinite(x)) return (std::isnan(x) || x > 0.0) ? x : NAN;
  if (x == 0.0) return std::copysign(HUGE_VAL, x);
  if (x == std::floor(x)) {
    if (x < 0.0) return NAN;
    if (x <= 23) return kGammaIntegral[static_cast<int>(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return 1.0 / x;
  if (absx > 200.0) return x < 0.0 ? 0.0 / sinpi(x) : HUGE_VAL;
  double y = absx + kLanczosGMinusHalf;
  double z;
  if (absx > kLanczosGMinusHalf) {
    double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -M_PI / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return r;
}

double d_lgamma(double x) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) return x <= 0.0 ? HUGE_VAL : 0.0;
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;
  return r;
}

MATH1(sqrt, d_sqrt, false)
MATH1(exp, d_exp, true)
MATH1(exp2, d_exp2, true)
MATH1(expm1, d_expm1, true)
MATH1(log1p, d_log1p, false)
MATH1(sin, d_sin, false)
MATH1(cos, d_cos, false)
MATH1(tan, d_tan, false)
MATH1(asin, d_asin, false)
MATH1(acos, d_acos, false)
MATH1(atan, d_atan, false)
MATH1(sinh, d_sinh, true)
MATH1(cosh, d_cosh, true)
MATH1(tanh, d_tanh, false)
MATH1(asinh, d_asinh, false)
MATH1(acosh, d_acosh, false)
MATH1(atanh, d_atanh, false)
MATH1(fabs, d_fabs, false)
MATH1(erf, d_erf, false)
MATH1(erfc, d_erfc, false)
MATH1(cbrt, d_cbrt, false)
MATH1(degrees, d_degrees, true)
MATH1(radians, d_radians, false)
Value m_gamma(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "gamma", 1, 1)) return Value();
  double x;
  if (!arg_double(vm, a[0], x)) return Value();
  if ((x == 0.0) || (std::isfinite(x) && x < 0.0 && x == std::floor(x)) || x == -INFINITY)
    return domain_error(vm);
  double r = d_gamma(x);
  if (std::isinf(r) && std::isfinite(x)) return range_error(vm);
  return Value::from_float(r);
}

Value m_lgamma(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "lgamma", 1, 1)) return Value();
  double x;
  if (!arg_double(vm, a[0], x)) return Value();
  if (std::isfinite(x) && x <= 0.0 && x == std::floor(x)) return domain_error(vm);
  double r = d_lgamma(x);
  if (std::isinf(r) && std::isfinite(x)) return range_error(vm);
  return Value::from_float(r);
}
#undef MATH1

// log of a positive int of any size (CPython's loghelper).
bool log_of(VM& vm, Value v, double (*f)(double), double& out) {
  if (is_int_like(v)) {
    BigInt b;
    int_to_bigint(v, b);
    if (b.sign() <= 0) {
      domain_error(vm);
      return false;
    }
    double d;
    NumStatus st = b.to_double(d);
    if (st.ok()) {
      out = f(d);
      return true;
    }
    // too big for a double: x = m * 2**e with m in [0.5, 1)
    uint64_t e = b.bit_length();
    BigInt shifted;
    (void)BigInt::rshift(b, static_cast<int64_t>(e - 60), shifted);
    double m;
    (void)shifted.to_double(m);
    m = std::ldexp(m, -60);
    out = f(m) + f(2.0) * static_cast<double>(e);
    return true;
  }
  double x;
  if (!arg_double(vm, v, x)) return false;
  if (x <= 0 || std::isnan(x)) {
    if (std::isnan(x)) {
      out = x;
      return true;
    }
    domain_error(vm);
    return false;
  }
  out = f(x);
  return true;
}

double ln(double x) { return std::log(x); }
double lg2(double x) { return std::log2(x); }
double lg10(double x) { return std::log10(x); }

Value m_log(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "log", 1, 2)) return Value();
  double num;
  if (!log_of(vm, a[0], ln, num)) return Value();
  if (a.argc == 1) return Value::from_float(num);
  double den;
  if (!log_of(vm, a[1], ln, den)) return Value();
  if (den == 0) return vm.raise(vm.exc().ZeroDivisionError, "float division by zero");
  return Value::from_float(num / den);
}

Value m_log2(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "log2", 1, 1)) return Value();
  double r;
  if (!log_of(vm, a[0], lg2, r)) return Value();
  return Value::from_float(r);
}

Value m_log10(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "log10", 1, 1)) return Value();
  double r;
  if (!log_of(vm, a[0], lg10, r)) return Value();
  return Value::from_float(r);
}

Value math_2(VM& vm, const CallArgs& a, const char* name, double (*f)(double, double)) {
  if (!check_nargs(vm, a, name, 2, 2)) return Value();
  double x, y;
  if (!arg_double(vm, a[0], x) || !arg_double(vm, a[1], y)) return Value();
  double r = f(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(vm);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return range_error(vm);
  return Value::from_float(r);
}

double d_atan2(double y, double x) { return std::atan2(y, x); }
double d_copysign(double x, double y) { return std::copysign(x, y); }
double d_fmod(double x, double y) {
  if (std::isinf(y) && std::isfinite(x)) return x;
  return std::fmod(x, y);
}
double d_remainder(double x, double y) { return std::remainder(x, y); }
double d_nextafter(double x, double y) { return std::nextafter(x, y); }

Value m_atan2(VM& vm, const CallArgs& a) { return math_2(vm, a, "atan2", d_atan2); }
Value m_copysign(VM& vm, const CallArgs& a) { return math_2(vm, a, "copysign", d_copysign); }
Value m_fmod(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "fmod", 2, 2)) return Value();
  double x, y;
  if (!arg_double(vm, a[0], x) || !arg_double(vm, a[1], y)) return Value();
  if (std::isinf(x) && !std::isnan(y)) return domain_error(vm);
  if (y == 0 && !std::isnan(x)) return domain_error(vm);
  return Value::from_float(d_fmod(x, y));
}
Value m_remainder(VM& vm, const CallArgs& a) { return math_2(vm, a, "remainder", d_remainder); }
Value m_nextafter(VM& vm, const CallArgs& a) { return math_2(vm, a, "nextafter", d_nextafter); }

Value m_pow(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "pow", 2, 2)) return Value();
  double x, y;
  if (!arg_double(vm, a[0], x) || !arg_double(vm, a[1], y)) return Value();
  if (x == 0 && y < 0 && std::isfinite(y)) return domain_error(vm);
  if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) return domain_error(vm);
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return range_error(vm);
  return Value::from_float(r);
}

// CPython 3.11's vector_norm(): the accurate (nearly correctly rounded) Euclidean norm
// behind hypot() and dist(), with compensated summation of split squares.
double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
  const double T27 = 134217729.0;
  size_t n = vec.size();
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0, oldcsum, x, t, hi, lo;
  if (max_e >= -1023) {
    double scale = std::ldexp(1.0, -max_e);
    for (size_t i = 0; i < n; ++i) {
      x = vec[i] * scale;
      t = x * T27;
      hi = t - (t - x);
      lo = x - hi;
      x = hi * hi;
      oldcsum = csum;
      csum += x;
      frac1 += (oldcsum - csum) + x;
      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += (oldcsum - csum) + x;
      frac3 += lo * lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    x = h;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  for (size_t i = 0; i < n; ++i) {
    x = vec[i] / max;
    x = x * x;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
  }
  return max * std::sqrt(csum - 1.0 + frac1);
}

Value m_hypot(VM& vm, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "hypot")) return Value();
  std::vector<double> xs(a.argc);
  double maxv = 0;
  bool found_nan = false;
  for (uint32_t i = 0; i < a.argc; ++i) {
    if (!arg_double(vm, a[i], xs[i])) return Value();
    double ax = std::fabs(xs[i]);
    if (std::isnan(ax)) found_nan = true;
    if (ax > maxv) maxv = ax;
  }
  for (double& x : xs) x = std::fabs(x);
  return Value::from_float(vector_norm(xs, maxv, found_nan));
}

Value m_dist(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "dist", 2, 2)) return Value();
  VM::RootedValues rp(vm), rq(vm);
  std::vector<Value>& p = rp.v;
  std::vector<Value>& q = rq.v;
  if (!for_each(vm, a[0], [&](Value v) { p.push_back(v); return true; })) return Value();
  if (!for_each(vm, a[1], [&](Value v) { q.push_back(v); return true; })) return Value();
  if (p.size() != q.size()) return vm.raise(vm.exc().ValueError, "both points must have the same number of dimensions");
  std::vector<Value> diffs;
  for (size_t i = 0; i < p.size(); ++i) {
    double x, y;
    if (!arg_double(vm, p[i], x) || !arg_double(vm, q[i], y)) return Value();
    diffs.push_back(Value::from_float(x - y));
  }
  return m_hypot(vm, CallArgs{diffs.data(), static_cast<uint32_t>(diffs.size()), nullptr, nullptr});
}

// floor/ceil/trunc return ints; __floor__ etc. on other objects.
Value rounding(VM& vm, const CallArgs& a, const char* name, const char* dunder,
               NumStatus (*f)(double, BigInt&)) {
  if (!check_nargs(vm, a, name, 1, 1)) return Value();
  Value v = a[0];
  if (is_int_like(v)) return v.is_bool() ? Value::from_int(v.as_bool()) : v;
  if (v.is_float()) {
    double x = v.as_float();
    double r = std::strcmp(name, "floor") == 0 ? std::floor(x) : std::strcmp(name, "ceil") == 0 ? std::ceil(x) : std::trunc(x);
    if (std::isfinite(r) && std::fabs(r) < 9.0e18) return Value::from_int(static_cast<int64_t>(r));
    BigInt b;
    NumStatus st = f(x, b);
    if (!st.ok()) return raise_status(vm, st);
    return int_from_bigint(vm, b);
  }
  Value m = lookup_special_method(vm, v, vm.intern(dunder));
  if (!m.is_undef()) return vm.call(m, {});
  if (vm.has_pending()) return Value();
  double x;
  if (!arg_double(vm, v, x)) return Value();
  BigInt b;
  NumStatus st = f(x, b);
  if (!st.ok()) return raise_status(vm, st);
  return int_from_bigint(vm, b);
}
Value m_floor(VM& vm, const CallArgs& a) { return rounding(vm, a, "floor", "__floor__", py_float_floor); }
Value m_ceil(VM& vm, const CallArgs& a) { return rounding(vm, a, "ceil", "__ceil__", py_float_ceil); }
Value m_trunc(VM& vm, const CallArgs& a) { return rounding(vm, a, "trunc", "__trunc__", py_float_to_int); }

Value pred(VM& vm, const CallArgs& a, const char* name, bool (*f)(double)) {
  if (!check_nargs(vm, a, name, 1, 1)) return Value();
  double x;
  if (!arg_double(vm, a[0], x)) return Value();
  return Value::from_bool(f(x));
}
bool p_isnan(double x) { return std::isnan(x); }
bool p_isinf(double x) { return std::isinf(x); }
bool p_isfinite(double x) { return std::isfinite(x); }
Value m_isnan(VM& vm, const CallArgs& a) { return pred(vm, a, "isnan", p_isnan); }
Value m_isinf(VM& vm, const CallArgs& a) { return pred(vm, a, "isinf", p_isinf); }
Value m_isfinite(VM& vm, const CallArgs& a) { return pred(vm, a, "isfinite", p_isfinite); }

Value m_isclose(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"isclose", {"a", "b", "*", "rel_tol=", "abs_tol="}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  double x, y, rel = 1e-9, abs_tol = 0.0;
  if (!arg_double(vm, p[0], x) || !arg_double(vm, p[1], y)) return Value();
  if (!p[2].is_undef() && !arg_double(vm, p[2], rel)) return Value();
  if (!p[3].is_undef() && !arg_double(vm, p[3], abs_tol)) return Value();
  if (rel < 0 || abs_tol < 0) return vm.raise(vm.exc().ValueError, "tolerances must be non-negative");
  if (x == y) return Value::from_bool(true);
  if (std::isinf(x) || std::isinf(y)) return Value::from_bool(false);
  double diff = std::fabs(y - x);
  return Value::from_bool((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || diff <= abs_tol);
}

Value m_modf(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "modf", 1, 1)) return Value();
  double x;
  if (!arg_double(vm, a[0], x)) return Value();
  double ip;
  double fp;
  if (std::isinf(x)) {
    fp = std::copysign(0.0, x);
    ip = x;
  } else {
    fp = std::modf(x, &ip);
  }
  return Value::from_obj(vm.tuple_of({Value::from_float(fp), Value::from_float(ip)}));
}

Value m_frexp(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "frexp", 1, 1)) return Value();
  double x;
  if (!arg_double(vm, a[0], x)) return Value();
  int e = 0;
  double m = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &e);
  return Value::from_obj(vm.tuple_of({Value::from_float(m), Value::from_int(e)}));
}

Value m_ldexp(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "ldexp", 2, 2)) return Value();
  double x;
  int64_t e;
  if (!arg_double(vm, a[0], x)) return Value();
  if (a[1].is_float()) return vm.raise(vm.exc().TypeError, "Expected an int as second argument to ldexp.");
  if (!index_of(vm, a[1], e)) return Value();
  if (e > 100000) e = 100000;
  if (e < -100000) e = -100000;
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r) && std::isfinite(x)) return range_error(vm);
  return Value::from_float(r);
}

Value m_fsum(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "fsum", 1, 1)) return Value();
  std::vector<double> partials;
  double special = 0.0, inf_sum = 0.0;
  bool special_seen = false;
  bool ok = for_each(vm, a[0], [&](Value v) {
    double x;
    if (!arg_double(vm, v, x)) return false;
    if (!std::isfinite(x)) {
      if (std::isinf(x)) inf_sum += x;
      special_seen = true;
      special += x;
      return true;
    }
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    partials.push_back(x);
    return true;
  });
  if (!ok) return Value();
  if (special_seen) {
    if (std::isnan(inf_sum)) return vm.raise(vm.exc().ValueError, "-inf + inf in fsum");
    return Value::from_float(special);
  }
  double hi = 0.0;
  if (!partials.empty()) {
    size_t n = partials.size();
    hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return Value::from_float(hi);
}

bool arg_bigint(VM& vm, Value v, const char* name, BigInt& out) {
  if (is_int_like(v)) return int_to_bigint(v, out);
  if (v.is_float()) {
    vm.raise(vm.exc().TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  int64_t i;
  if (!index_of(vm, v, i)) return false;
  out = BigInt(i);
  (void)name;
  return true;
}

BigInt big_gcd(BigInt a, BigInt b) {
  BigInt::abs(a, a);
  BigInt::abs(b, b);
  while (!b.is_zero()) {
    BigInt r;
    (void)BigInt::mod(a, b, r);
    a = b;
    b = r;
  }
  return a;
}

Value m_gcd(VM& vm, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "gcd")) return Value();
  BigInt g;
  for (uint32_t i = 0; i < a.argc; ++i) {
    BigInt x;
    if (!arg_bigint(vm, a[i], "gcd", x)) return Value();
    g = big_gcd(g, x);
  }
  return int_from_bigint(vm, g);
}

Value m_lcm(VM& vm, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "lcm")) return Value();
  BigInt l(1);
  for (uint32_t i = 0; i < a.argc; ++i) {
    BigInt x;
    if (!arg_bigint(vm, a[i], "lcm", x)) return Value();
    if (x.is_zero() || l.is_zero()) {
      l = BigInt(0);
      continue;
    }
    BigInt g = big_gcd(l, x), q, prod;
    (void)BigInt::floordiv(x, g, q);
    NumStatus st = BigInt::mul(l, q, prod);
    if (!st.ok()) return raise_status(vm, st);
    BigInt::abs(prod, l);
  }
  return int_from_bigint(vm, l);
}

Value m_factorial(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "factorial", 1, 1)) return Value();
  if (a[0].is_float()) return vm.raise(vm.exc().TypeError, "'float' object cannot be interpreted as an integer");
  int64_t n;
  if (!index_of(vm, a[0], n)) return Value();
  if (n < 0) return vm.raise(vm.exc().ValueError, "factorial() not defined for negative values");
  BigInt r(1);
  for (int64_t k = 2; k <= n; ++k) {
    NumStatus st = BigInt::mul(r, BigInt(k), r);
    if (!st.ok()) return raise_status(vm, st);
  }
  return int_from_bigint(vm, r);
}

Value m_comb_perm(VM& vm, const CallArgs& a, bool comb) {
  const char* name = comb ? "comb" : "perm";
  if (!check_nargs(vm, a, name, comb ? 2 : 1, 2)) return Value();
  BigInt n, k;
  if (!arg_bigint(vm, a[0], name, n)) return Value();
  if (a.argc == 1) {
    k = n;
  } else if (a[1].is_none() && !comb) {
    k = n;
  } else if (!arg_bigint(vm, a[1], name, k)) {
    return Value();
  }
  if (n.sign() < 0) return vm.raise(vm.exc().ValueError, "n must be a non-negative integer");
  if (k.sign() < 0) return vm.raise(vm.exc().ValueError, "k must be a non-negative integer");
  if (k.compare(n) > 0) return Value::from_int(0);
  if (!k.fits_i64()) return vm.raise(vm.exc().OverflowError, "k must not exceed 9223372036854775807");
  int64_t kk = k.to_i64();
  if (comb) {
    BigInt nk;
    BigInt::sub(n, k, nk);
    if (nk.compare(k) < 0) kk = nk.to_i64();
  }
  BigInt r(1);
  for (int64_t i = 0; i < kk; ++i) {
    BigInt f;
    BigInt::sub(n, BigInt(i), f);
    NumStatus st = BigInt::mul(r, f, r);
    if (!st.ok()) return raise_status(vm, st);
    if (comb) (void)BigInt::floordiv(r, BigInt(i + 1), r);
  }
  return int_from_bigint(vm, r);
}
Value m_comb(VM& vm, const CallArgs& a) { return m_comb_perm(vm, a, true); }
Value m_perm(VM& vm, const CallArgs& a) { return m_comb_perm(vm, a, false); }

Value m_isqrt(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "isqrt", 1, 1)) return Value();
  BigInt n;
  if (!arg_bigint(vm, a[0], "isqrt", n)) return Value();
  if (n.sign() < 0) return vm.raise(vm.exc().ValueError, "isqrt() argument must be nonnegative");
  if (n.is_zero()) return Value::from_int(0);
  BigInt x;
  (void)BigInt::lshift(BigInt(1), static_cast<int64_t>((n.bit_length() + 1) / 2), x);
  for (;;) {
    BigInt q, y;
    (void)BigInt::floordiv(n, x, q);
    BigInt::add(x, q, y);
    (void)BigInt::rshift(y, 1, y);
    if (y.compare(x) >= 0) break;
    x = y;
  }
  return int_from_bigint(vm, x);
}

Value m_prod(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"prod", {"iterable", "/", "*", "start="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value acc = p[1].is_undef() ? Value::from_int(1) : p[1];
  List* keep = vm.new_list(1);
  VM::TempRoot root(vm, keep);
  bool ok = for_each(vm, p[0], [&](Value v) {
    Value r = binary_op(vm, BinOp::Mul, acc, v);
    if (failed(r)) return false;
    acc = r;
    keep->items[0] = acc;
    return true;
  });
  return ok ? acc : Value();
}

Value m_ulp(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "ulp", 1, 1)) return Value();
  double x;
  if (!arg_double(vm, a[0], x)) return Value();
  if (std::isnan(x)) return Value::from_float(x);
  x = std::fabs(x);
  if (std::isinf(x)) return Value::from_float(x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return Value::from_float(x - std::nextafter(x, -INFINITY));
  return Value::from_float(next - x);
}

}  // namespace

Module* init_math_module(VM& vm) {
  Module* m = vm.new_module("math");
  static const MethodDef kFuncs[] = {
      {"sqrt", m_sqrt},     {"exp", m_exp},       {"exp2", m_exp2},     {"expm1", m_expm1},
      {"log", m_log},       {"log2", m_log2},     {"log10", m_log10},   {"log1p", m_log1p},
      {"sin", m_sin},       {"cos", m_cos},       {"tan", m_tan},       {"asin", m_asin},
      {"acos", m_acos},     {"atan", m_atan},     {"atan2", m_atan2},   {"sinh", m_sinh},
      {"cosh", m_cosh},     {"tanh", m_tanh},     {"asinh", m_asinh},   {"acosh", m_acosh},
      {"atanh", m_atanh},   {"fabs", m_fabs},     {"erf", m_erf},       {"erfc", m_erfc},
      {"gamma", m_gamma},   {"lgamma", m_lgamma}, {"cbrt", m_cbrt},     {"degrees", m_degrees},
      {"radians", m_radians}, {"copysign", m_copysign}, {"fmod", m_fmod}, {"remainder", m_remainder},
      {"nextafter", m_nextafter}, {"pow", m_pow}, {"hypot", m_hypot},   {"dist", m_dist},
      {"floor", m_floor},   {"ceil", m_ceil},     {"trunc", m_trunc},   {"isnan", m_isnan},
      {"isinf", m_isinf},   {"isfinite", m_isfinite}, {"isclose", m_isclose}, {"modf", m_modf},
      {"frexp", m_frexp},   {"ldexp", m_ldexp},   {"fsum", m_fsum},     {"gcd", m_gcd},
      {"lcm", m_lcm},       {"factorial", m_factorial}, {"comb", m_comb}, {"perm", m_perm},
      {"isqrt", m_isqrt},   {"prod", m_prod},     {"ulp", m_ulp},
  };
  add_functions(vm, m->dict, kFuncs);
  set_attr_str(vm, m->dict, "pi", Value::from_float(M_PI));
  set_attr_str(vm, m->dict, "e", Value::from_float(M_E));
  set_attr_str(vm, m->dict, "tau", Value::from_float(2 * M_PI));
  set_attr_str(vm, m->dict, "inf", Value::from_float(INFINITY));
  set_attr_str(vm, m->dict, "nan", Value::from_float(NAN));
  return m;
}

}  // namespace pyjitvm::stdlib
