// stdlib/numpy/print_float.h — NumPy 1.24's float-to-text kernel (what
// np.format_float_positional / np.format_float_scientific and array printing produce):
// shortest round-trip digits, exact rounding at a digit position, trimming, padding.
//
// Stage: pure C++ (no VM); used by stdlib/numpy/print_format.cpp (array columns),
// print_scalar.cpp (scalar repr) and print_array.cpp (np.format_float_*).
//
// Digits come from two sources, both exact: the shortest digits that read back as the
// same float32/float64 (std::to_chars), and the full decimal expansion of the binary
// value (std::to_chars in fixed mode with as many fraction digits as the value has).
// Rounding at a position always works on the full expansion, so it is correct
// rounding with ties to even, as NumPy's Dragon4 does.
//
// Invariants:
//   I1  unique=true: the shortest digits, unless they have more fraction digits than
//       `precision` (then the value rounded at `precision`, where rounding down keeps
//       the cut digits' zeros — '0.100' — and rounding up drops the carried zeros —
//       '0.1') or fewer than `min_digits` (then the value rounded at `min_digits`,
//       zero-padded when trim is Keep) — round_at() and choose_digits().
//   I2  unique=false: the value rounded at `precision`, zero-padded to it when trim
//       is Keep — choose_digits().
//   I3  A value that rounds to zero at a fraction cutoff keeps the cutoff's zeros
//       ('-0.00' for -0.0001 at precision 2) — round_at().
//   I4  nan/inf are 'nan', 'inf', '-inf', '+inf' (sign=true), never padded; the sign of
//       finite values is '-' when the sign bit is set (also -0.0), '+' with sign=true.
#pragma once

#include <string>

namespace pyjitvm::stdlib::np {

// np.format_float_*'s `trim`: 'k' keep trailing zeros, '.' trim zeros keep the point,
// '0' trim zeros but leave one after the point, '-' trim zeros and the point.
enum class Trim : char { Keep = 'k', Dot = '.', Zero = '0', NoDot = '-' };

struct FloatFormat {
  int precision = -1;   // fraction digits (significant digits when !fractional); -1: none
  int min_digits = -1;  // unique mode: at least this many (same counting); -1: none
  bool unique = true;
  bool fractional = true;  // positional only
  Trim trim = Trim::Keep;
  bool sign = false;    // '+' before non-negative values
  int pad_left = -1;    // width of the whole part including the sign
  int pad_right = -1;   // positional: width of the fraction part
  int exp_digits = -1;  // scientific: at least this many exponent digits (default 2)
};

// Appends the text of `v` (a float64, or a float32 widened to double when is_f32).
void append_positional(std::string& out, double v, bool is_f32, const FloatFormat& f);
void append_scientific(std::string& out, double v, bool is_f32, const FloatFormat& f);

inline std::string format_positional(double v, bool is_f32, const FloatFormat& f) {
  std::string s;
  append_positional(s, v, is_f32, f);
  return s;
}
inline std::string format_scientific(double v, bool is_f32, const FloatFormat& f) {
  std::string s;
  append_scientific(s, v, is_f32, f);
  return s;
}

// str()/repr() of np.float64 / np.float32 scalars: positional ('0.1', '1.0',
// '123456790.0') for 0 and 1e-4 <= |v| < 1e16, else scientific ('1e+16', '1.5e-05').
std::string float_scalar_repr(double v, bool is_f32);
// repr() of np.complex128 scalars, as Python's complex: '(1+2j)', '1j', '(nan+infj)'.
std::string complex_scalar_repr(double re, double im);

}  // namespace pyjitvm::stdlib::np
