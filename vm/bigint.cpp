// vm/bigint.cpp — BigInt over GMP's mpz_t with CPython 3.11 int semantics.
//
// Stage: plain C++ values → BigInt / double / text; the only file that includes <gmp.h>.
//
// Correct rounding to float (to_double, true_divide) works on an integer q that holds
// the leading 55–56 bits of the exact value plus a "sticky" flag for any non-zero bits
// below them: rounding q once, half to even, to the 53 bits the result can hold (or to
// the fixed 2**-1074 grid when the result is subnormal) and scaling by a power of two
// gives the correctly rounded double, because the scaling itself is then exact.
//
// Invariants:
//   I1  Every rep_ holds an initialised mpz_t (constructors call mpz_init*, moves swap) —
//       `BigInt(BigInt&&)`, `operator=(BigInt&&)`.
//   I2  Operations that can create huge numbers check the result size first, so GMP never
//       aborts on an impossible allocation — `check_bits()` from `mul()` and `lshift()`,
//       the exp * bits test in `pow()`.
//   I3  `round_quotient_to_double()` rounds exactly once; its inputs have their lowest
//       bit at 2**s with s chosen so the final ldexp is exact.
//   I4  `parse()` accepts exactly what CPython's int(str, base) accepts, checking in
//       CPython's order: shape, then underscores, then the digit limit, then the tail.
#include "vm/bigint.h"

#include <gmp.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <new>

#include "vm/numfmt_unicode.h"

namespace pyjitvm::vm {

static_assert(sizeof(__mpz_struct) <= 16, "BigInt::rep_ must hold an mpz_t");
static_assert(alignof(__mpz_struct) <= 8, "BigInt::rep_ alignment");
static_assert(sizeof(long) == 8 && sizeof(unsigned long) == 8, "LP64 expected");

struct BigIntAccess {
  static mpz_ptr get(BigInt& b) { return std::launder(reinterpret_cast<mpz_ptr>(b.rep_)); }
  static mpz_srcptr get(const BigInt& b) {
    return std::launder(reinterpret_cast<mpz_srcptr>(b.rep_));
  }
};

namespace {

mpz_ptr Z(BigInt& b) { return BigIntAccess::get(b); }
mpz_srcptr Z(const BigInt& b) { return BigIntAccess::get(b); }

NumStatus memory_error() { return NumStatus::error(NumErrorKind::kMemoryError, ""); }

NumStatus check_bits(uint64_t bits) {
  return bits > kMaxBigIntBits ? memory_error() : NumStatus::success();
}

uint64_t bits_of(mpz_srcptr z) { return mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2); }

int64_t hash_from_modulus(uint64_t abs_mod_p, bool negative) {
  int64_t h = static_cast<int64_t>(abs_mod_p);
  if (negative) h = -h;
  return h == -1 ? -2 : h;
}

// Rounds the value (q + sticky*tiny) * 2**s to a double, dropping the low `drop` bits of
// q half to even; q < 2**57, 1 <= drop, and q >> drop must fit the result's precision.
double round_quotient_to_double(uint64_t q, bool sticky, int drop, long s) {
  const uint64_t low = q & ((uint64_t{1} << drop) - 1);
  const uint64_t half = uint64_t{1} << (drop - 1);
  q >>= drop;
  if (low > half || (low == half && (sticky || (q & 1)))) ++q;
  return std::ldexp(static_cast<double>(q), static_cast<int>(s + drop));
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool is_power_of_two_base(int base) { return (base & (base - 1)) == 0; }

// The prefix letter CPython accepts after a leading '0' for `base` (0 when none).
char prefix_letter(int base) {
  switch (base) {
    case 16: return 'x';
    case 8: return 'o';
    case 2: return 'b';
    default: return 0;
  }
}

}  // namespace

const char* num_error_class_name(NumErrorKind kind) {
  switch (kind) {
    case NumErrorKind::kOk: return "";
    case NumErrorKind::kZeroDivisionError: return "ZeroDivisionError";
    case NumErrorKind::kOverflowError: return "OverflowError";
    case NumErrorKind::kValueError: return "ValueError";
    case NumErrorKind::kTypeError: return "TypeError";
    case NumErrorKind::kMemoryError: return "MemoryError";
    case NumErrorKind::kComplexResult: return "";
    case NumErrorKind::kCallback: return "";
  }
  return "";
}

// ---- lifetime ------------------------------------------------------------------------

BigInt::BigInt() { mpz_init(Z(*this)); }
BigInt::BigInt(int64_t v) { mpz_init_set_si(Z(*this), v); }
BigInt::BigInt(const BigInt& other) { mpz_init_set(Z(*this), Z(other)); }
BigInt::BigInt(BigInt&& other) noexcept {
  mpz_init(Z(*this));
  mpz_swap(Z(*this), Z(other));
}
BigInt& BigInt::operator=(const BigInt& other) {
  if (this != &other) mpz_set(Z(*this), Z(other));
  return *this;
}
BigInt& BigInt::operator=(BigInt&& other) noexcept {
  if (this != &other) {
    mpz_swap(Z(*this), Z(other));
    mpz_set_ui(Z(other), 0);
  }
  return *this;
}
BigInt::~BigInt() { mpz_clear(Z(*this)); }

BigInt BigInt::from_u64(uint64_t v) {
  BigInt r;
  mpz_set_ui(Z(r), v);
  return r;
}

// ---- parsing -------------------------------------------------------------------------

BigInt::ParseResult BigInt::parse(std::string_view text, int base, BigInt& out,
                                  int max_str_digits, int64_t* digits_seen) {
  std::string ascii;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = ascii_number_text(text);
      text = ascii;
      break;
    }
  }
  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n && is_ascii_space(text[pos])) ++pos;
  bool negative = false;
  if (pos < n && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
  // Base detection and prefix.
  bool had_prefix = false;
  bool zeros_only = false;  // base 0 literal starting with '0' and no prefix
  if (pos < n && text[pos] == '0' && pos + 1 < n) {
    const char p = static_cast<char>(text[pos + 1] | 0x20);
    if (base == 0) {
      if (p == 'x' || p == 'o' || p == 'b') {
        base = p == 'x' ? 16 : (p == 'o' ? 8 : 2);
        had_prefix = true;
      }
    } else if (p == prefix_letter(base)) {
      had_prefix = true;
    }
  }
  if (base == 0) {
    base = 10;
    zeros_only = pos < n && text[pos] == '0';
  }
  if (had_prefix) pos += 2;
  // Digit run: digits of `base` with single underscores between them; one underscore
  // may also follow a prefix directly ("0x_ff").
  if (had_prefix && pos < n && text[pos] == '_') ++pos;
  std::string digits;
  int64_t digit_count = 0;
  bool prev_underscore = false;
  for (; pos < n; ++pos) {
    const char c = text[pos];
    if (c == '_') {
      if (prev_underscore || digit_count == 0) return ParseResult::kInvalid;
      prev_underscore = true;
    } else if (digit_value(c) < base) {
      if (zeros_only && c != '0') return ParseResult::kInvalid;
      digits.push_back(c);
      ++digit_count;
      prev_underscore = false;
    } else {
      break;
    }
  }
  if (digit_count == 0 || prev_underscore) return ParseResult::kInvalid;
  if (!is_power_of_two_base(base) && max_str_digits > 0 && digit_count > max_str_digits) {
    if (digits_seen) *digits_seen = digit_count;
    return ParseResult::kTooManyDigits;
  }
  while (pos < n && is_ascii_space(text[pos])) ++pos;
  if (pos != n) return ParseResult::kInvalid;
  mpz_set_str(Z(out), digits.c_str(), base);
  if (negative) mpz_neg(Z(out), Z(out));
  return ParseResult::kOk;
}

bool BigInt::from_string(std::string_view text, int base, BigInt& out) {
  return parse(text, base, out, 0) == ParseResult::kOk;
}

bool BigInt::from_digits(std::string_view digits, int base, BigInt& out) {
  std::string clean;
  clean.reserve(digits.size());
  for (char c : digits) {
    if (c == '_') continue;
    if (digit_value(c) >= base) return false;
    clean.push_back(c);
  }
  if (clean.empty()) return false;
  mpz_set_str(Z(out), clean.c_str(), base);
  return true;
}

bool BigInt::from_double(double v, BigInt& out) {
  if (!std::isfinite(v)) return false;
  mpz_set_d(Z(out), v);  // exact: truncates toward zero
  return true;
}

// ---- queries ---------------------------------------------------------------------------

bool BigInt::fits_i64() const { return mpz_fits_slong_p(Z(*this)) != 0; }
int64_t BigInt::to_i64() const { return mpz_get_si(Z(*this)); }
bool BigInt::fits_u64() const { return mpz_sgn(Z(*this)) >= 0 && mpz_fits_ulong_p(Z(*this)); }
uint64_t BigInt::to_u64() const { return mpz_get_ui(Z(*this)); }

std::string BigInt::to_string(int base) const {
  std::string s(mpz_sizeinbase(Z(*this), base) + 2, '\0');
  mpz_get_str(s.data(), base, Z(*this));
  s.resize(std::strlen(s.c_str()));
  return s;
}

int64_t BigInt::decimal_digit_count() const {
  if (mpz_sgn(Z(*this)) == 0) return 1;
  const size_t estimate = mpz_sizeinbase(Z(*this), 10);  // exact or one too big
  if (estimate == 1) return 1;
  mpz_t bound;
  mpz_init(bound);
  mpz_ui_pow_ui(bound, 10, estimate - 1);
  const bool smaller = mpz_cmpabs(Z(*this), bound) < 0;
  mpz_clear(bound);
  return static_cast<int64_t>(smaller ? estimate - 1 : estimate);
}

NumStatus BigInt::to_double(double& out) const {
  mpz_srcptr z = Z(*this);
  const uint64_t nbits = bits_of(z);
  if (nbits <= 53) {
    out = mpz_get_d(z);  // exact
    return NumStatus::success();
  }
  if (nbits > 1024) {
    return NumStatus::error(NumErrorKind::kOverflowError, "int too large to convert to float");
  }
  const long s = static_cast<long>(nbits) - 56;  // keep 56 bits, drop 3 when rounding
  mpz_t q;
  mpz_init(q);
  if (s >= 0) {
    mpz_tdiv_q_2exp(q, z, static_cast<mp_bitcnt_t>(s));
  } else {
    mpz_mul_2exp(q, z, static_cast<mp_bitcnt_t>(-s));
  }
  mpz_abs(q, q);
  const bool sticky = s > 0 && mpz_scan1(z, 0) < static_cast<mp_bitcnt_t>(s);
  const double d = round_quotient_to_double(mpz_get_ui(q), sticky, 3, s);
  mpz_clear(q);
  if (std::isinf(d)) {
    return NumStatus::error(NumErrorKind::kOverflowError, "int too large to convert to float");
  }
  out = mpz_sgn(z) < 0 ? -d : d;
  return NumStatus::success();
}

int BigInt::sign() const { return mpz_sgn(Z(*this)); }
bool BigInt::is_odd() const { return mpz_odd_p(Z(*this)) != 0; }
uint64_t BigInt::bit_length() const { return bits_of(Z(*this)); }

uint64_t BigInt::bit_count() const {
  if (mpz_sgn(Z(*this)) >= 0) return mpz_popcount(Z(*this));
  mpz_t a;
  mpz_init(a);
  mpz_abs(a, Z(*this));
  const uint64_t c = mpz_popcount(a);
  mpz_clear(a);
  return c;
}

int64_t BigInt::hash() const {
  const unsigned long r = mpz_tdiv_ui(Z(*this), static_cast<unsigned long>(kHashModulus));
  return hash_from_modulus(r, mpz_sgn(Z(*this)) < 0);
}

int64_t hash_int64(int64_t v) {
  const uint64_t mag = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  return hash_from_modulus(mag % static_cast<uint64_t>(kHashModulus), v < 0);
}

std::strong_ordering BigInt::compare(const BigInt& other) const {
  return mpz_cmp(Z(*this), Z(other)) <=> 0;
}
std::strong_ordering BigInt::compare(int64_t other) const {
  return mpz_cmp_si(Z(*this), other) <=> 0;
}
std::partial_ordering BigInt::compare(double other) const {
  if (std::isnan(other)) return std::partial_ordering::unordered;
  if (std::isinf(other)) {
    return other > 0 ? std::partial_ordering::less : std::partial_ordering::greater;
  }
  return mpz_cmp_d(Z(*this), other) <=> 0;  // exact for finite doubles
}

// ---- arithmetic ------------------------------------------------------------------------

void BigInt::add(const BigInt& a, const BigInt& b, BigInt& out) { mpz_add(Z(out), Z(a), Z(b)); }
void BigInt::sub(const BigInt& a, const BigInt& b, BigInt& out) { mpz_sub(Z(out), Z(a), Z(b)); }

NumStatus BigInt::mul(const BigInt& a, const BigInt& b, BigInt& out) {
  NumStatus st = check_bits(bits_of(Z(a)) + bits_of(Z(b)));
  if (st.ok()) mpz_mul(Z(out), Z(a), Z(b));
  return st;
}

NumStatus BigInt::floordiv(const BigInt& a, const BigInt& b, BigInt& q) {
  if (mpz_sgn(Z(b)) == 0) {
    return NumStatus::error(NumErrorKind::kZeroDivisionError,
                            "integer division or modulo by zero");
  }
  mpz_fdiv_q(Z(q), Z(a), Z(b));
  return NumStatus::success();
}

NumStatus BigInt::mod(const BigInt& a, const BigInt& b, BigInt& r) {
  if (mpz_sgn(Z(b)) == 0) {
    return NumStatus::error(NumErrorKind::kZeroDivisionError, "integer modulo by zero");
  }
  mpz_fdiv_r(Z(r), Z(a), Z(b));
  return NumStatus::success();
}

NumStatus BigInt::divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
  if (mpz_sgn(Z(b)) == 0) {
    return NumStatus::error(NumErrorKind::kZeroDivisionError,
                            "integer division or modulo by zero");
  }
  if (&q == &r) return floordiv(a, b, q);
  mpz_fdiv_qr(Z(q), Z(r), Z(a), Z(b));
  return NumStatus::success();
}

NumStatus BigInt::pow(const BigInt& base, uint64_t exp, BigInt& out) {
  if (mpz_cmpabs_ui(Z(base), 1) <= 0 || exp <= 1) {  // 0, 1, -1, or trivial exponent
    if (exp == 0) {
      mpz_set_ui(Z(out), 1);
    } else if (mpz_sgn(Z(base)) < 0 && mpz_cmp_si(Z(base), -1) == 0) {
      mpz_set_si(Z(out), (exp & 1) ? -1 : 1);
    } else {
      mpz_set(Z(out), Z(base));
    }
    return NumStatus::success();
  }
  if (exp > kMaxBigIntBits / bits_of(Z(base))) return memory_error();  // bits * exp > cap
  mpz_pow_ui(Z(out), Z(base), exp);
  return NumStatus::success();
}

NumStatus BigInt::pow(const BigInt& base, const BigInt& exp, BigInt& out) {
  if (exp.sign() < 0) {
    return NumStatus::error(NumErrorKind::kValueError, "negative exponent");
  }
  if (exp.fits_u64()) return pow(base, exp.to_u64(), out);
  // A huge exponent is only representable for bases 0, 1 and -1.
  if (mpz_cmpabs_ui(Z(base), 1) > 0) return memory_error();
  if (mpz_sgn(Z(base)) < 0) {
    mpz_set_si(Z(out), exp.is_odd() ? -1 : 1);
  } else {
    mpz_set(Z(out), Z(base));
  }
  return NumStatus::success();
}

NumStatus BigInt::powmod(const BigInt& base, const BigInt& exp, const BigInt& mod,
                         BigInt& out) {
  if (mpz_sgn(Z(mod)) == 0) {
    return NumStatus::error(NumErrorKind::kValueError, "pow() 3rd argument cannot be 0");
  }
  const bool negative_mod = mpz_sgn(Z(mod)) < 0;
  mpz_t m, b, e;
  mpz_init(m);
  mpz_init(b);
  mpz_init(e);
  mpz_abs(m, Z(mod));
  NumStatus st;
  if (mpz_cmp_ui(m, 1) == 0) {
    mpz_set_ui(b, 0);
  } else {
    mpz_mod(b, Z(base), m);  // non-negative residue
    mpz_abs(e, Z(exp));
    if (mpz_sgn(Z(exp)) < 0 && mpz_invert(b, b, m) == 0) {
      st = NumStatus::error(NumErrorKind::kValueError,
                            "base is not invertible for the given modulus");
    } else {
      mpz_powm(b, b, e, m);
    }
  }
  if (st.ok()) {
    if (negative_mod && mpz_sgn(b) != 0) mpz_sub(b, b, m);
    mpz_swap(Z(out), b);
  }
  mpz_clear(m);
  mpz_clear(b);
  mpz_clear(e);
  return st;
}

namespace {
NumStatus negative_shift() {
  return NumStatus::error(NumErrorKind::kValueError, "negative shift count");
}
}  // namespace

NumStatus BigInt::lshift(const BigInt& a, int64_t n, BigInt& out) {
  if (n < 0) return negative_shift();
  if (mpz_sgn(Z(a)) == 0) {
    mpz_set_ui(Z(out), 0);
    return NumStatus::success();
  }
  if (static_cast<uint64_t>(n) > kMaxBigIntBits) return memory_error();
  NumStatus st = check_bits(bits_of(Z(a)) + static_cast<uint64_t>(n));
  if (st.ok()) mpz_mul_2exp(Z(out), Z(a), static_cast<mp_bitcnt_t>(n));
  return st;
}

NumStatus BigInt::rshift(const BigInt& a, int64_t n, BigInt& out) {
  if (n < 0) return negative_shift();
  mpz_fdiv_q_2exp(Z(out), Z(a), static_cast<mp_bitcnt_t>(n));
  return NumStatus::success();
}

NumStatus BigInt::lshift(const BigInt& a, const BigInt& n, BigInt& out) {
  if (n.sign() < 0) return negative_shift();
  if (n.fits_i64()) return lshift(a, n.to_i64(), out);
  if (mpz_sgn(Z(a)) == 0) {
    mpz_set_ui(Z(out), 0);
    return NumStatus::success();
  }
  // CPython splits the count into 30-bit words; a word count beyond Py_ssize_t is an
  // OverflowError, any other impossible shift a MemoryError.
  mpz_t words;
  mpz_init(words);
  mpz_fdiv_q_ui(words, Z(n), 30);
  const bool too_many = !mpz_fits_slong_p(words);
  mpz_clear(words);
  if (too_many) {
    return NumStatus::error(NumErrorKind::kOverflowError, "too many digits in integer");
  }
  return memory_error();
}

NumStatus BigInt::rshift(const BigInt& a, const BigInt& n, BigInt& out) {
  if (n.sign() < 0) return negative_shift();
  if (n.fits_i64()) return rshift(a, n.to_i64(), out);
  mpz_set_si(Z(out), mpz_sgn(Z(a)) < 0 ? -1 : 0);
  return NumStatus::success();
}

void BigInt::bit_and(const BigInt& a, const BigInt& b, BigInt& out) {
  mpz_and(Z(out), Z(a), Z(b));
}
void BigInt::bit_or(const BigInt& a, const BigInt& b, BigInt& out) {
  mpz_ior(Z(out), Z(a), Z(b));
}
void BigInt::bit_xor(const BigInt& a, const BigInt& b, BigInt& out) {
  mpz_xor(Z(out), Z(a), Z(b));
}
void BigInt::bit_invert(const BigInt& a, BigInt& out) { mpz_com(Z(out), Z(a)); }
void BigInt::neg(const BigInt& a, BigInt& out) { mpz_neg(Z(out), Z(a)); }
void BigInt::abs(const BigInt& a, BigInt& out) { mpz_abs(Z(out), Z(a)); }

NumStatus BigInt::true_divide(const BigInt& a, const BigInt& b, double& out) {
  mpz_srcptr za = Z(a);
  mpz_srcptr zb = Z(b);
  if (mpz_sgn(zb) == 0) {
    return NumStatus::error(NumErrorKind::kZeroDivisionError, "division by zero");
  }
  const bool negative = (mpz_sgn(za) < 0) != (mpz_sgn(zb) < 0);
  const uint64_t na = bits_of(za);
  const uint64_t nb = bits_of(zb);
  if (na <= 53 && nb <= 53) {  // both exact as doubles: one IEEE division rounds once
    out = mpz_get_d(za) / mpz_get_d(zb);
    return NumStatus::success();
  }
  if (na == 0) {
    out = negative ? -0.0 : 0.0;
    return NumStatus::success();
  }
  const long e = static_cast<long>(na) - static_cast<long>(nb);  // 2**(e-1) < |a/b| < 2**(e+1)
  if (e > 1025) {
    return NumStatus::error(NumErrorKind::kOverflowError,
                            "integer division result too large for a float");
  }
  // q = floor(|a| / |b| / 2**s) with 55-56 bits, or fewer when the result is subnormal,
  // whose precision ends at 2**-1074 = 2**(s+2).
  const bool clamped = e - 55 < -1076;
  const long s = clamped ? -1076 : e - 55;
  mpz_t num, den, q, r;
  mpz_init(num);
  mpz_init(den);
  mpz_init(q);
  mpz_init(r);
  mpz_abs(num, za);
  mpz_abs(den, zb);
  if (s < 0) {
    mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(-s));
  } else {
    mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(s));
  }
  mpz_tdiv_qr(q, r, num, den);
  const uint64_t qv = mpz_get_ui(q);
  const bool sticky = mpz_sgn(r) != 0;
  const int qbits = static_cast<int>(bits_of(q));
  mpz_clear(num);
  mpz_clear(den);
  mpz_clear(q);
  mpz_clear(r);
  const int drop = clamped ? 2 : qbits - 53;
  const double d = round_quotient_to_double(qv, sticky, drop, s);
  if (std::isinf(d)) {
    return NumStatus::error(NumErrorKind::kOverflowError,
                            "integer division result too large for a float");
  }
  out = negative ? -d : d;
  return NumStatus::success();
}

// ---- operators -------------------------------------------------------------------------

BigInt operator+(const BigInt& a, const BigInt& b) {
  BigInt r;
  BigInt::add(a, b, r);
  return r;
}
BigInt operator-(const BigInt& a, const BigInt& b) {
  BigInt r;
  BigInt::sub(a, b, r);
  return r;
}
BigInt operator*(const BigInt& a, const BigInt& b) {
  BigInt r;
  mpz_mul(Z(r), Z(a), Z(b));
  return r;
}
BigInt operator&(const BigInt& a, const BigInt& b) {
  BigInt r;
  BigInt::bit_and(a, b, r);
  return r;
}
BigInt operator|(const BigInt& a, const BigInt& b) {
  BigInt r;
  BigInt::bit_or(a, b, r);
  return r;
}
BigInt operator^(const BigInt& a, const BigInt& b) {
  BigInt r;
  BigInt::bit_xor(a, b, r);
  return r;
}
BigInt operator~(const BigInt& a) {
  BigInt r;
  BigInt::bit_invert(a, r);
  return r;
}
BigInt operator-(const BigInt& a) {
  BigInt r;
  BigInt::neg(a, r);
  return r;
}

// ---- int64 helpers ---------------------------------------------------------------------

bool checked_pow_i64(int64_t base, int64_t exp, int64_t& out) {
  int64_t result = 1;
  int64_t b = base;
  while (exp > 0) {
    if (exp & 1) {
      if (!checked_mul_i64(result, b, result)) return false;
    }
    exp >>= 1;
    if (exp > 0 && !checked_mul_i64(b, b, b)) return false;
  }
  out = result;
  return true;
}

NumStatus true_divide_i64(int64_t a, int64_t b, double& out) {
  constexpr int64_t kExact = int64_t{1} << 53;
  if (b == 0) return NumStatus::error(NumErrorKind::kZeroDivisionError, "division by zero");
  if (a >= -kExact && a <= kExact && b >= -kExact && b <= kExact) {
    out = static_cast<double>(a) / static_cast<double>(b);
    return NumStatus::success();
  }
  return BigInt::true_divide(BigInt(a), BigInt(b), out);
}

}  // namespace pyjitvm::vm
