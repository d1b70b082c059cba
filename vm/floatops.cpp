// vm/floatops.cpp — Python float and complex semantics (CPython 3.11 floatobject.c and
// complexobject.c behaviour, written from the documented algorithms).
//
// Stage: doubles / BigInt in → doubles / BigInt / NumStatus out.
//
// Invariants:
//   I1  No fused multiply-add where CPython rounds a product before adding: every such
//       product goes through `rounded()`, an empty asm barrier that forces the product into
//       a register, so -mfma / -ffp-contract=fast builds cannot fuse it (the
//       `#pragma GCC optimize("fp-contract=off")` route does not stop GCC 12's vectoriser).
//   I2  Every special case of float ** float is decided before libm's pow() is called
//       (nan, inf, zero, negative base, base 1), in CPython's order — `py_float_pow()`.
//   I3  round(x, n) is exact: x = M * 2**E is rounded half to even at 10**-n with integer
//       arithmetic, and the decimal result is converted with one correct rounding —
//       `round_decimal_exact()`.
//   I4  hash(x) = M * 2**E mod (2**61 - 1) with 2**E reduced as 2**(E mod 61), which is the
//       value CPython's hash of numbers defines — `py_float_hash()`.
#include "vm/floatops.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "vm/numfmt_unicode.h"

namespace pyjitvm::vm {
namespace {

// Returns v unchanged, but as a value the compiler must materialise: a product passed
// through here is rounded to double and can no longer be fused into an FMA.
inline double rounded(double v) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  __asm__("" : "+x"(v));
#elif defined(__GNUC__) && defined(__aarch64__)
  __asm__("" : "+w"(v));
#endif
  return v;
}

NumStatus zero_division(const char* msg) {
  return NumStatus::error(NumErrorKind::kZeroDivisionError, msg);
}

bool is_odd_integer(double v) { return std::fmod(std::fabs(v), 2.0) == 1.0; }

// Splits a finite non-zero x into an integer mantissa |M| < 2**53 and exponent E with
// x == M * 2**E.
void split_double(double x, int64_t& mantissa, int& exponent) {
  int e = 0;
  const double m = std::frexp(x, &e);  // x = m * 2**e, 0.5 <= |m| < 1
  mantissa = static_cast<int64_t>(std::ldexp(m, 53));
  exponent = e - 53;
}

// q = round(n / d), ties to even; n >= 0, d > 0.
BigInt div_round_half_even(const BigInt& n, const BigInt& d) {
  BigInt q, r;
  (void)BigInt::divmod(n, d, q, r);
  BigInt twice_r;
  BigInt::add(r, r, twice_r);
  const auto c = twice_r.compare(d);
  if (c > 0 || (c == 0 && q.is_odd())) BigInt::add(q, BigInt(1), q);
  return q;
}

BigInt pow10(uint64_t k) {
  BigInt out;
  (void)BigInt::pow(BigInt(10), k, out);  // k <= 330 here: never MemoryError
  return out;
}

BigInt pow2(uint64_t k) {
  BigInt out;
  (void)BigInt::lshift(BigInt(1), static_cast<int64_t>(k), out);  // k < 1200
  return out;
}

// round(ax, ndigits) for finite ax > 0 with -308 <= ndigits <= 323.
NumStatus round_decimal_exact(double ax, int ndigits, double& out) {
  int64_t m = 0;
  int e = 0;
  split_double(ax, m, e);
  const BigInt mant(m);
  BigInt y;
  if (ndigits >= 0) {
    if (e >= 0) {  // integral: rounds to itself
      out = ax;
      return NumStatus::success();
    }
    BigInt num;
    (void)BigInt::mul(mant, pow10(static_cast<uint64_t>(ndigits)), num);
    y = div_round_half_even(num, pow2(static_cast<uint64_t>(-e)));
    return BigInt::true_divide(y, pow10(static_cast<uint64_t>(ndigits)), out);
  }
  const BigInt scale = pow10(static_cast<uint64_t>(-ndigits));
  if (e >= 0) {
    BigInt num;
    (void)BigInt::lshift(mant, e, num);
    y = div_round_half_even(num, scale);
  } else {
    BigInt den;
    (void)BigInt::mul(scale, pow2(static_cast<uint64_t>(-e)), den);
    y = div_round_half_even(mant, den);
  }
  BigInt result;
  (void)BigInt::mul(y, scale, result);
  if (!result.to_double(out).ok()) {
    return NumStatus::error(NumErrorKind::kOverflowError, "rounded value too large to represent");
  }
  return NumStatus::success();
}

NumStatus not_finite_to_int(double x) {
  if (std::isnan(x)) {
    return NumStatus::error(NumErrorKind::kValueError, "cannot convert float NaN to integer");
  }
  return NumStatus::error(NumErrorKind::kOverflowError,
                          "cannot convert float infinity to integer");
}

}  // namespace

// ---- arithmetic --------------------------------------------------------------------------

NumStatus py_float_truediv(double x, double y, double& out) {
  if (y == 0.0) return zero_division("float division by zero");
  out = x / y;
  return NumStatus::success();
}

NumStatus py_float_mod(double x, double y, double& out) {
  if (y == 0.0) return zero_division("float modulo");
  double mod = std::fmod(x, y);
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) mod += y;  // move the remainder to the divisor's side
  } else {
    mod = std::copysign(0.0, y);  // a zero remainder carries the divisor's sign
  }
  out = mod;
  return NumStatus::success();
}

NumStatus py_float_divmod(double x, double y, double& floordiv, double& mod) {
  if (y == 0.0) return zero_division("float divmod()");
  double m = std::fmod(x, y);
  // x - m is (nearly) an exact multiple of y, so this division is (nearly) exact.
  double div = (x - m) / y;
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) {
      m += y;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, y);
  }
  double fd = 0.0;
  if (div != 0.0) {
    // Snap div to the nearest integer: it can be off by a rounding error.
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, x / y);  // the sign the true quotient would have
  }
  floordiv = fd;
  mod = m;
  return NumStatus::success();
}

NumStatus py_float_floordiv(double x, double y, double& out) {
  if (y == 0.0) return zero_division("float floor division by zero");
  double mod = 0.0;
  return py_float_divmod(x, y, out, mod);
}

NumStatus py_float_pow(double x, double y, double& out) {
  if (y == 0.0) {  // x ** 0 is 1, even for nan and 0
    out = 1.0;
  } else if (std::isnan(x)) {
    out = x;
  } else if (std::isnan(y)) {
    out = x == 1.0 ? 1.0 : y;
  } else if (std::isinf(y)) {
    const double ax = std::fabs(x);
    if (ax == 1.0) {
      out = 1.0;
    } else {
      out = ((y > 0.0) == (ax > 1.0)) ? std::fabs(y) : 0.0;
    }
  } else if (std::isinf(x)) {
    const bool odd = is_odd_integer(y);
    if (y > 0.0) {
      out = odd ? x : std::fabs(x);
    } else {
      out = odd ? std::copysign(0.0, x) : 0.0;
    }
  } else if (x == 0.0) {
    if (y < 0.0) return zero_division("0.0 cannot be raised to a negative power");
    out = is_odd_integer(y) ? x : 0.0;
  } else {
    bool negate = false;
    if (x < 0.0) {
      if (y != std::floor(y)) return NumStatus::error(NumErrorKind::kComplexResult, "");
      x = -x;
      negate = is_odd_integer(y);
    }
    double r = 1.0;
    if (x != 1.0) {  // 1 ** y is 1 even for huge y (libm may disagree)
      r = std::pow(x, y);
      if (std::isinf(r)) {
        return NumStatus::error(NumErrorKind::kOverflowError,
                                "(34, 'Numerical result out of range')");
      }
    }
    out = negate ? -r : r;
  }
  return NumStatus::success();
}

NumStatus py_int_pow_negative(const BigInt& base, const BigInt& exp, double& out) {
  double b = 0.0;
  double e = 0.0;
  NumStatus st = base.to_double(b);
  if (!st.ok()) return st;
  st = exp.to_double(e);
  if (!st.ok()) return st;
  return py_float_pow(b, e, out);
}

// ---- rounding and conversion to int -----------------------------------------------------

NumStatus py_float_to_int(double x, BigInt& out) {
  if (!BigInt::from_double(x, out)) return not_finite_to_int(x);
  return NumStatus::success();
}

NumStatus py_float_floor(double x, BigInt& out) { return py_float_to_int(std::floor(x), out); }
NumStatus py_float_ceil(double x, BigInt& out) { return py_float_to_int(std::ceil(x), out); }

NumStatus py_float_round_to_int(double x, BigInt& out) {
  double r = std::round(x);  // half away from zero
  if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);  // tie: go to the even one
  return py_float_to_int(r, out);
}

NumStatus py_float_round(double x, int64_t ndigits, double& out) {
  // Bounds past which the answer is known: 0.30103 bounds log10(2) from above.
  constexpr int kMaxDigits = static_cast<int>((53 + 1021) * 0.30103);  // 323
  constexpr int kMinDigits = -static_cast<int>((1024 + 1) * 0.30103);  // -308
  if (!std::isfinite(x) || ndigits > kMaxDigits) {
    out = x;
    return NumStatus::success();
  }
  if (ndigits < kMinDigits) {
    out = 0.0 * x;
    return NumStatus::success();
  }
  if (x == 0.0) {
    out = x;
    return NumStatus::success();
  }
  double r = 0.0;
  NumStatus st = round_decimal_exact(std::fabs(x), static_cast<int>(ndigits), r);
  if (!st.ok()) return st;
  out = std::copysign(r, x);
  return NumStatus::success();
}

NumStatus py_int_round(const BigInt& x, int64_t ndigits, BigInt& out) {
  if (ndigits >= 0 || x.is_zero()) {
    out = x;
    return NumStatus::success();
  }
  const uint64_t k = static_cast<uint64_t>(-(ndigits + 1)) + 1;
  // 10**k >= 8**k = 2**(3k) > 2 * |x| when 3k >= bit_length + 2: x rounds to 0.
  if (k >= (x.bit_length() + 2) / 3 + 1) {
    out = BigInt();
    return NumStatus::success();
  }
  const BigInt scale = pow10(k);
  BigInt q, r;
  (void)BigInt::divmod(x, scale, q, r);  // floor: 0 <= r < scale
  BigInt twice_r;
  BigInt::add(r, r, twice_r);
  const auto c = twice_r.compare(scale);
  if (c > 0 || (c == 0 && q.is_odd())) BigInt::add(q, BigInt(1), q);
  return BigInt::mul(q, scale, out);
}

// ---- float methods ----------------------------------------------------------------------

int64_t py_float_hash(double x, int64_t nan_hash) {
  if (std::isnan(x)) return nan_hash;
  if (std::isinf(x)) return x > 0 ? kHashInf : -kHashInf;
  if (x == 0.0) return 0;
  int64_t m = 0;
  int e = 0;
  split_double(x, m, e);
  const bool negative = m < 0;
  const auto mag = static_cast<uint64_t>(negative ? -m : m);  // < 2**53 < modulus
  // Multiplying by 2**rot modulo 2**61 - 1 rotates the 61-bit value left by rot bits,
  // because 2**61 == 1 (mod 2**61 - 1); 2**e reduces to 2**(e mod 61).
  const int rot = ((e % 61) + 61) % 61;
  const auto p = static_cast<uint64_t>(kHashModulus);
  const uint64_t rotated = rot == 0 ? mag : (((mag << rot) & p) | (mag >> (61 - rot)));
  const auto h = static_cast<int64_t>(rotated);
  const int64_t signed_h = negative ? -h : h;
  return signed_h == -1 ? -2 : signed_h;
}

bool py_float_is_integer(double x) { return std::isfinite(x) && std::floor(x) == x; }

NumStatus py_float_as_integer_ratio(double x, BigInt& numerator, BigInt& denominator) {
  if (std::isinf(x)) {
    return NumStatus::error(NumErrorKind::kOverflowError,
                            "cannot convert Infinity to integer ratio");
  }
  if (std::isnan(x)) {
    return NumStatus::error(NumErrorKind::kValueError, "cannot convert NaN to integer ratio");
  }
  if (x == 0.0) {
    numerator = BigInt();
    denominator = BigInt(1);
    return NumStatus::success();
  }
  int64_t m = 0;
  int e = 0;
  split_double(x, m, e);
  if (e >= 0) {
    denominator = BigInt(1);
    return BigInt::lshift(BigInt(m), e, numerator);
  }
  // Cancel common factors of two.
  const int tz = __builtin_ctzll(static_cast<uint64_t>(m < 0 ? -m : m));
  const int shift = tz < -e ? tz : -e;
  numerator = BigInt(m / (int64_t{1} << shift));
  denominator = pow2(static_cast<uint64_t>(-e - shift));
  return NumStatus::success();
}

std::string py_float_hex(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::string out = std::signbit(x) ? "-0x" : "0x";
  if (x == 0.0) return out + "0.0p+0";
  int e = 0;
  double m = std::frexp(std::fabs(x), &e);  // [0.5, 1)
  // Normalise to [1, 2), or keep the subnormal form m * 2**-1022 with m < 1.
  const int shift = 1 - std::max(-1021 - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  static constexpr char kHex[] = "0123456789abcdef";
  int lead = static_cast<int>(m);
  out.push_back(kHex[lead]);
  out.push_back('.');
  m -= lead;
  for (int i = 0; i < 13; ++i) {  // 52 fraction bits = 13 hex digits
    m *= 16.0;
    const int digit = static_cast<int>(m);
    out.push_back(kHex[digit]);
    m -= digit;
  }
  out += e < 0 ? "p-" : "p+";
  out += std::to_string(e < 0 ? -e : e);
  return out;
}

std::partial_ordering compare_i64_double(int64_t a, double b) {
  if (std::isnan(b)) return std::partial_ordering::unordered;
  constexpr int64_t kExact = int64_t{1} << 53;
  if (a >= -kExact && a <= kExact) return static_cast<double>(a) <=> b;
  if (b >= 9223372036854775808.0) return std::partial_ordering::less;
  if (b < -9223372036854775808.0) return std::partial_ordering::greater;
  const auto bi = static_cast<int64_t>(b);  // trunc(b), exact
  if (a != bi) return a <=> bi;
  return 0.0 <=> (b - static_cast<double>(bi));
}

// ---- float(str) ---------------------------------------------------------------------------

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_c_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool equals_ignore_case(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

// Removes underscores that sit between two digits; false when one does not.
bool strip_underscores(std::string_view s, std::string& out) {
  char prev = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      if (!is_digit(prev)) return false;
    } else {
      if (prev == '_' && !is_digit(c)) return false;
      out.push_back(c);
    }
    prev = c;
  }
  return prev != '_';
}

// Parses [digits][.digits][e[+-]digits] (no sign); false on any other shape.
bool parse_decimal(std::string_view s, double& out) {
  size_t pos = 0;
  size_t int_digits = 0;
  size_t frac_digits = 0;
  while (pos < s.size() && is_digit(s[pos])) ++pos, ++int_digits;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && is_digit(s[pos])) ++pos, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    size_t p = pos + 1;
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) ++p;
    if (p >= s.size() || !is_digit(s[p])) return false;
    while (p < s.size() && is_digit(s[p])) ++p;
    pos = p;
  }
  if (pos != s.size()) return false;
  const auto res = std::from_chars(s.data(), s.data() + s.size(), out,
                                   std::chars_format::general);
  if (res.ec == std::errc::result_out_of_range) {
    // Too large or too small for a double: decide which from the decimal exponent of
    // the leading significant digit.
    int64_t lead = 0;  // position of the first non-zero digit relative to the point
    size_t i = 0;
    while (i < s.size() && (s[i] == '0' || s[i] == '.')) ++i;
    const size_t point = s.find('.');
    const size_t mant_end = s.find_first_of("eE");
    const size_t int_end = std::min({point, mant_end, s.size()});
    lead = static_cast<int64_t>(int_end) - static_cast<int64_t>(i) - (i > int_end ? 1 : 0);
    int64_t exp10 = 0;
    if (mant_end != std::string_view::npos) {
      size_t p = mant_end + 1;
      const bool neg = s[p] == '-';
      if (s[p] == '+' || s[p] == '-') ++p;
      for (; p < s.size(); ++p) exp10 = std::min<int64_t>(exp10 * 10 + (s[p] - '0'), 1 << 30);
      if (neg) exp10 = -exp10;
    }
    out = lead + exp10 > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (res.ec != std::errc() || res.ptr != s.data() + s.size()) {
    return false;
  }
  return true;
}

bool parse_float_ascii(std::string_view s, double& out) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  double v = 0.0;
  if (equals_ignore_case(s, "inf") || equals_ignore_case(s, "infinity")) {
    v = std::numeric_limits<double>::infinity();
  } else if (equals_ignore_case(s, "nan")) {
    v = std::numeric_limits<double>::quiet_NaN();
  } else if (!parse_decimal(s, v)) {
    return false;
  }
  out = negative ? -v : v;
  return true;
}

}  // namespace

NumStatus py_float_parse(std::string_view text, double& out) {
  std::string ascii;
  std::string_view s = text;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = ascii_number_text(text);
      s = ascii;
      break;
    }
  }
  while (!s.empty() && is_c_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_c_space(s.back())) s.remove_suffix(1);
  std::string clean;
  bool ok = !s.empty();
  if (ok && s.find('_') != std::string_view::npos) {
    ok = strip_underscores(s, clean);
    s = clean;
  }
  if (ok) ok = parse_float_ascii(s, out);
  if (!ok) {
    return NumStatus::error(NumErrorKind::kValueError,
                            "could not convert string to float: " + str_repr(text));
  }
  return NumStatus::success();
}

// ---- complex -------------------------------------------------------------------------------

Complex complex_add(Complex a, Complex b) { return {a.real + b.real, a.imag + b.imag}; }
Complex complex_sub(Complex a, Complex b) { return {a.real - b.real, a.imag - b.imag}; }
Complex complex_mul(Complex a, Complex b) {
  return {rounded(a.real * b.real) - rounded(a.imag * b.imag),
          rounded(a.real * b.imag) + rounded(a.imag * b.real)};
}

namespace {

// Division scaled by the larger component of b (Smith's method); sets `by_zero` for b == 0.
Complex quotient(Complex a, Complex b, bool& by_zero) {
  const double abs_real = std::fabs(b.real);
  const double abs_imag = std::fabs(b.imag);
  if (abs_real >= abs_imag) {
    if (abs_real == 0.0) {
      by_zero = true;
      return {0.0, 0.0};
    }
    const double ratio = b.imag / b.real;
    const double denom = b.real + rounded(b.imag * ratio);
    return {(a.real + rounded(a.imag * ratio)) / denom,
            (a.imag - rounded(a.real * ratio)) / denom};
  }
  if (abs_imag >= abs_real) {
    const double ratio = b.real / b.imag;
    const double denom = rounded(b.real * ratio) + b.imag;
    return {(rounded(a.real * ratio) + a.imag) / denom,
            (rounded(a.imag * ratio) - a.real) / denom};
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();  // b has a nan part
  return {nan, nan};
}

Complex power_unsigned(Complex x, uint64_t n) {
  Complex r{1.0, 0.0};
  Complex p = x;
  for (uint64_t mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = complex_mul(r, p);
    p = complex_mul(p, p);
  }
  return r;
}

Complex power_integer(Complex x, int64_t n, bool& domain_error) {
  if (n > 0) return power_unsigned(x, static_cast<uint64_t>(n));
  return quotient({1.0, 0.0}, power_unsigned(x, static_cast<uint64_t>(-n)), domain_error);
}

Complex power_general(Complex a, Complex b, bool& domain_error) {
  if (b.real == 0.0 && b.imag == 0.0) return {1.0, 0.0};
  if (a.real == 0.0 && a.imag == 0.0) {
    if (b.imag != 0.0 || b.real < 0.0) domain_error = true;
    return {0.0, 0.0};
  }
  const double vabs = std::hypot(a.real, a.imag);
  double len = std::pow(vabs, b.real);
  const double at = std::atan2(a.imag, a.real);
  double phase = rounded(at * b.real);
  if (b.imag != 0.0) {
    len /= std::exp(at * b.imag);
    phase += rounded(b.imag * std::log(vabs));
  }
  if (std::isinf(phase)) domain_error = true;  // cos/sin of inf set EDOM in libm
  return {len * std::cos(phase), len * std::sin(phase)};
}

}  // namespace

NumStatus complex_div(Complex a, Complex b, Complex& out) {
  bool by_zero = false;
  const Complex q = quotient(a, b, by_zero);
  if (by_zero) return zero_division("complex division by zero");
  out = q;
  return NumStatus::success();
}

NumStatus complex_pow(Complex a, Complex b, Complex& out) {
  bool domain_error = false;
  Complex p;
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0) {
    p = power_integer(a, static_cast<int64_t>(b.real), domain_error);
  } else {
    p = power_general(a, b, domain_error);
  }
  if (domain_error) return zero_division("0.0 to a negative or complex power");
  if (std::isinf(p.real) || std::isinf(p.imag)) {
    return NumStatus::error(NumErrorKind::kOverflowError, "complex exponentiation");
  }
  out = p;
  return NumStatus::success();
}

NumStatus complex_abs(Complex a, double& out) {
  if (std::isinf(a.real) || std::isinf(a.imag)) {
    out = std::numeric_limits<double>::infinity();
    return NumStatus::success();
  }
  if (std::isnan(a.real) || std::isnan(a.imag)) {
    out = std::numeric_limits<double>::quiet_NaN();
    return NumStatus::success();
  }
  const double r = std::hypot(a.real, a.imag);
  if (std::isinf(r)) {
    return NumStatus::error(NumErrorKind::kOverflowError, "absolute value too large");
  }
  out = r;
  return NumStatus::success();
}

}  // namespace pyjitvm::vm
