// vm/bigint.h — arbitrary-precision Python int (BigInt over GMP) and int64 fast paths.
//
// Stage: plain C++ values in → plain C++ values out. The VM keeps small ints as int64 in
// Value and switches to BigInt only when an int64 operation overflows; every operation
// here has CPython 3.11's semantics (floor division, infinite two's complement bitwise
// ops, correctly rounded conversion to float, hash modulo 2**61-1). No object model.
//
// Errors are never thrown: an operation that a Python program can make fail returns a
// NumStatus naming the exception class and CPython's exact message; the caller raises.
//
// Invariants:
//   I1  A BigInt always holds an initialised mpz_t; a moved-from BigInt is 0 and can be
//       assigned or destroyed — `BigInt(BigInt&&)`, `operator=(BigInt&&)`.
//   I2  mul(), pow() and lshift() never build a number of more than kMaxBigIntBits bits;
//       such requests report MemoryError instead of letting GMP abort on allocation —
//       `check_bits()` in bigint.cpp (pow() tests exp * bits inline). add/sub grow by at
//       most one bit; the operators + - * are unchecked conveniences for small values.
//   I3  `to_double()` and `true_divide()` round to nearest, ties to even, exactly once
//       (subnormal results included) — `round_quotient_to_double()` in bigint.cpp.
//   I4  `hash()` equals CPython's hash(int): |v| mod (2**61-1), sign applied, -1 → -2;
//       `hash_int64()` agrees with it for every int64 — `hash_from_modulus()`.
//   I5  Only bigint.cpp includes <gmp.h>; this header exposes the mpz_t through an
//       opaque aligned buffer.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pyjitvm::vm {

// ---- status -------------------------------------------------------------------------

// The Python exception a failed numeric operation must raise.
enum class NumErrorKind : uint8_t {
  kOk,
  kZeroDivisionError,
  kOverflowError,
  kValueError,
  kTypeError,
  kMemoryError,
  kComplexResult,  // not an error: float ** float needs the complex power instead
  kCallback,       // a caller-supplied callback failed; it has already set its error
};

struct [[nodiscard]] NumStatus {
  NumErrorKind kind = NumErrorKind::kOk;
  std::string message;  // CPython's exact message (empty for MemoryError)

  bool ok() const { return kind == NumErrorKind::kOk; }
  static NumStatus success() { return {}; }
  static NumStatus error(NumErrorKind k, std::string msg) { return {k, std::move(msg)}; }
};

// Python exception class name for a kind ("ZeroDivisionError", ...); "" for kOk.
const char* num_error_class_name(NumErrorKind kind);

// CPython 3.11's default sys.get_int_max_str_digits(): decimal conversions of ints with
// more digits fail with ValueError. 0 disables the limit.
inline constexpr int kIntMaxStrDigits = 4300;
// Largest BigInt this library will build (bits); larger results are MemoryError.
inline constexpr uint64_t kMaxBigIntBits = uint64_t{1} << 32;
// CPython's hash modulus 2**61 - 1 and the hash of +inf.
inline constexpr int64_t kHashModulus = (int64_t{1} << 61) - 1;
inline constexpr int64_t kHashInf = 314159;

// ---- BigInt -------------------------------------------------------------------------

class BigInt {
 public:
  // Outcome of parse(): kTooManyDigits is CPython's int_max_str_digits ValueError.
  enum class ParseResult : uint8_t { kOk, kInvalid, kTooManyDigits };

  BigInt();  // 0
  explicit BigInt(int64_t v);
  BigInt(const BigInt& other);
  BigInt(BigInt&& other) noexcept;
  BigInt& operator=(const BigInt& other);
  BigInt& operator=(BigInt&& other) noexcept;
  ~BigInt();

  static BigInt from_i64(int64_t v) { return BigInt(v); }
  static BigInt from_u64(uint64_t v);
  // int(text, base) rules: surrounding whitespace, one sign, base 0 auto-detects
  // 0x/0o/0b (and rejects other leading zeros), a matching prefix is allowed for base
  // 16/8/2, '_' only between digits (or right after a prefix), Unicode decimal digits.
  // `digits_seen` receives the digit count when kTooManyDigits is returned.
  // base must be 0 or 2..36 (the caller raises "int() base must be >= 2 and <= 36, or 0").
  static ParseResult parse(std::string_view text, int base, BigInt& out,
                           int max_str_digits = kIntMaxStrDigits,
                           int64_t* digits_seen = nullptr);
  // parse() without the digit limit; false when the text is not a valid literal.
  static bool from_string(std::string_view text, int base, BigInt& out);
  // Literal digits from the lexer: no sign or prefix, '_' skipped. false if a character
  // is not a digit of `base`.
  static bool from_digits(std::string_view digits, int base, BigInt& out);
  // Exact value of a finite double truncated toward zero (int(x)); false for nan/inf.
  static bool from_double(double v, BigInt& out);

  bool fits_i64() const;
  int64_t to_i64() const;  // precondition: fits_i64()
  bool fits_u64() const;
  uint64_t to_u64() const;  // precondition: fits_u64()
  // Digits in base 2..36, lowercase, '-' for negatives, no prefix, no digit limit.
  std::string to_string(int base = 10) const;
  // Number of decimal digits of |v| (exact); used for the int_max_str_digits check.
  int64_t decimal_digit_count() const;
  // Correctly rounded float(v); OverflowError "int too large to convert to float".
  NumStatus to_double(double& out) const;

  int sign() const;  // -1, 0, 1
  bool is_zero() const { return sign() == 0; }
  bool is_odd() const;
  uint64_t bit_length() const;  // int.bit_length()
  uint64_t bit_count() const;   // int.bit_count()
  int64_t hash() const;         // hash(int)

  std::strong_ordering compare(const BigInt& other) const;
  std::strong_ordering compare(int64_t other) const;
  // Exact comparison with a float; unordered when `other` is nan.
  std::partial_ordering compare(double other) const;

  friend bool operator==(const BigInt& a, const BigInt& b) { return a.compare(b) == 0; }
  friend std::strong_ordering operator<=>(const BigInt& a, const BigInt& b) {
    return a.compare(b);
  }
  friend bool operator==(const BigInt& a, int64_t b) { return a.compare(b) == 0; }
  friend std::strong_ordering operator<=>(const BigInt& a, int64_t b) { return a.compare(b); }

  // ---- arithmetic (results never alias-sensitive: out may be an operand) ----
  static void add(const BigInt& a, const BigInt& b, BigInt& out);
  static void sub(const BigInt& a, const BigInt& b, BigInt& out);
  static NumStatus mul(const BigInt& a, const BigInt& b, BigInt& out);  // MemoryError
  // a // b, a % b, divmod(a, b): floor semantics, remainder takes the divisor's sign.
  // ZeroDivisionError "integer division or modulo by zero" / "integer modulo by zero".
  static NumStatus floordiv(const BigInt& a, const BigInt& b, BigInt& q);
  static NumStatus mod(const BigInt& a, const BigInt& b, BigInt& r);
  static NumStatus divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);
  // a ** exp for a non-negative exponent; MemoryError when the result is too large.
  static NumStatus pow(const BigInt& base, uint64_t exp, BigInt& out);
  // Same with an int exponent (precondition exp >= 0; a huge exponent only works for
  // bases 0, 1 and -1, anything else is MemoryError).
  static NumStatus pow(const BigInt& base, const BigInt& exp, BigInt& out);
  // pow(base, exp, mod): result has the sign of mod; a negative exp uses the modular
  // inverse. ValueError "pow() 3rd argument cannot be 0" /
  // "base is not invertible for the given modulus".
  static NumStatus powmod(const BigInt& base, const BigInt& exp, const BigInt& mod,
                          BigInt& out);
  // a << n, a >> n (floor). ValueError "negative shift count"; a huge left shift is
  // MemoryError, or OverflowError "too many digits in integer" like CPython.
  static NumStatus lshift(const BigInt& a, int64_t n, BigInt& out);
  static NumStatus rshift(const BigInt& a, int64_t n, BigInt& out);
  static NumStatus lshift(const BigInt& a, const BigInt& n, BigInt& out);
  static NumStatus rshift(const BigInt& a, const BigInt& n, BigInt& out);
  // Python's &, |, ^, ~ on infinite two's complement.
  static void bit_and(const BigInt& a, const BigInt& b, BigInt& out);
  static void bit_or(const BigInt& a, const BigInt& b, BigInt& out);
  static void bit_xor(const BigInt& a, const BigInt& b, BigInt& out);
  static void bit_invert(const BigInt& a, BigInt& out);
  static void neg(const BigInt& a, BigInt& out);
  static void abs(const BigInt& a, BigInt& out);
  // Correctly rounded a / b as a float (int / int). ZeroDivisionError
  // "division by zero"; OverflowError "integer division result too large for a float".
  static NumStatus true_divide(const BigInt& a, const BigInt& b, double& out);

  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  friend BigInt operator~(const BigInt& a);
  friend BigInt operator-(const BigInt& a);

 private:
  friend struct BigIntAccess;  // bigint.cpp's view of the mpz_t
  // Storage for one mpz_t (16 bytes on LP64: int alloc, int size, limb pointer).
  alignas(8) unsigned char rep_[16];
};

// hash(int) for an int64 without building a BigInt.
int64_t hash_int64(int64_t v);

// ---- int64 fast paths ---------------------------------------------------------------
// Each returns true when the exact result fits in int64 (and stores it), false on
// overflow (the caller then redoes the operation in BigInt).

[[nodiscard]] inline bool checked_add_i64(int64_t a, int64_t b, int64_t& out) {
  return !__builtin_add_overflow(a, b, &out);
}
[[nodiscard]] inline bool checked_sub_i64(int64_t a, int64_t b, int64_t& out) {
  return !__builtin_sub_overflow(a, b, &out);
}
[[nodiscard]] inline bool checked_mul_i64(int64_t a, int64_t b, int64_t& out) {
  return !__builtin_mul_overflow(a, b, &out);
}
[[nodiscard]] inline bool checked_neg_i64(int64_t a, int64_t& out) {
  return !__builtin_sub_overflow(int64_t{0}, a, &out);
}
// a << n for 0 <= n; false when bits would be lost.
[[nodiscard]] inline bool checked_lshift_i64(int64_t a, int64_t n, int64_t& out) {
  if (a == 0) { out = 0; return true; }
  if (n >= 64) return false;
  int64_t shifted = static_cast<int64_t>(static_cast<uint64_t>(a) << n);
  if ((shifted >> n) != a) return false;
  out = shifted;
  return true;
}
// a >> n (floor) for 0 <= n; never overflows.
inline int64_t python_rshift_i64(int64_t a, int64_t n) {
  if (n >= 63) return a < 0 ? -1 : 0;
  return a >> n;
}

// Python a // b for b != 0. false only for INT64_MIN // -1.
[[nodiscard]] inline bool python_floordiv_i64(int64_t a, int64_t b, int64_t& out) {
  if (b == -1) return checked_neg_i64(a, out);
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  out = q;
  return true;
}
// Python a % b for b != 0 (result has the sign of b); never overflows.
inline int64_t python_mod_i64(int64_t a, int64_t b) {
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}
// a ** e for e >= 0; false on overflow.
[[nodiscard]] bool checked_pow_i64(int64_t base, int64_t exp, int64_t& out);
// Correctly rounded a / b (Python int / int) for int64 operands.
NumStatus true_divide_i64(int64_t a, int64_t b, double& out);

}  // namespace pyjitvm::vm
