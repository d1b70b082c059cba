// vm/floatops.h — Python float and complex semantics as free functions on double.
//
// Stage: plain doubles (and BigInt where Python's result is an int) in → doubles, BigInt
// or a NumStatus naming the Python exception out. The VM's float fast paths call these
// for everything that is not a plain IEEE operation (%, //, divmod, **, round, hash,
// conversions, float(str), complex / and **).
//
// Invariants:
//   I1  Results equal CPython 3.11's bit for bit, signed zeros included, given the same
//       libm (pow, hypot, atan2, exp, log, cos, sin come from the C library as in
//       CPython) — each function documents its CPython counterpart.
//   I2  Products that CPython rounds before adding are never fused into an FMA, even in
//       -mfma builds, so a*b - c*d rounds twice as in CPython — `rounded()` in
//       floatops.cpp.
//   I3  `py_float_round()` rounds the exact binary value half to even and then converts
//       the decimal result with one correct rounding, which is what CPython's dtoa-based
//       round() does — `round_decimal_exact()` in floatops.cpp.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "vm/bigint.h"

namespace pyjitvm::vm {

// ---- arithmetic ---------------------------------------------------------------------

// x / y; ZeroDivisionError "float division by zero".
NumStatus py_float_truediv(double x, double y, double& out);
// x % y (result takes y's sign; a zero result is +0.0 or -0.0 like y);
// ZeroDivisionError "float modulo".
NumStatus py_float_mod(double x, double y, double& out);
// x // y; ZeroDivisionError "float floor division by zero".
NumStatus py_float_floordiv(double x, double y, double& out);
// divmod(x, y); ZeroDivisionError "float divmod()".
NumStatus py_float_divmod(double x, double y, double& floordiv, double& mod);
// x ** y. ZeroDivisionError "0.0 cannot be raised to a negative power"; OverflowError
// "(34, 'Numerical result out of range')"; kComplexResult when x < 0 and y is not an
// integer (the caller computes complex_pow({x, 0}, {y, 0}) instead).
NumStatus py_float_pow(double x, double y, double& out);
// int ** int with a negative exponent: float(base) ** float(exp), as CPython does.
// OverflowError "int too large to convert to float" when an operand does not fit.
NumStatus py_int_pow_negative(const BigInt& base, const BigInt& exp, double& out);

// ---- rounding and conversion to int -------------------------------------------------

// int(x) and math.trunc(x) (py_float_to_int), math.floor(x), math.ceil(x), round(x) (half
// to even). ValueError "cannot convert float NaN to integer"; OverflowError "cannot convert
// float infinity to integer".
NumStatus py_float_to_int(double x, BigInt& out);
NumStatus py_float_floor(double x, BigInt& out);
NumStatus py_float_ceil(double x, BigInt& out);
NumStatus py_float_round_to_int(double x, BigInt& out);
// round(x, ndigits) for a float (ndigits clamped to int64 by the caller, as CPython
// clamps to Py_ssize_t). OverflowError "rounded value too large to represent".
NumStatus py_float_round(double x, int64_t ndigits, double& out);
// round(x, ndigits) for an int: identity for ndigits >= 0, else half to even on the exact
// integer (round(35, -1) == 40, round(-25, -1) == -20).
NumStatus py_int_round(const BigInt& x, int64_t ndigits, BigInt& out);

// ---- float methods ------------------------------------------------------------------

// hash(x): equals hash(int) for integral values, +-314159 for +-inf; nan returns
// `nan_hash` (CPython 3.10+ hashes nan by object identity, which only the caller knows).
int64_t py_float_hash(double x, int64_t nan_hash);
bool py_float_is_integer(double x);
// x.as_integer_ratio(): OverflowError "cannot convert Infinity to integer ratio", ValueError
// "cannot convert NaN to integer ratio".
NumStatus py_float_as_integer_ratio(double x, BigInt& numerator, BigInt& denominator);
// x.hex(): '0x1.8000000000000p+0', '-0x0.0p+0', 'inf', 'nan'.
std::string py_float_hex(double x);
// float(text): whitespace around, '_' only between digits, 'inf'/'infinity'/'nan' in any
// case with a sign, Unicode digits. ValueError "could not convert string to float: 'x'".
NumStatus py_float_parse(std::string_view text, double& out);
// Exact comparison of an int64 with a float (nan → unordered), for int/float compares.
std::partial_ordering compare_i64_double(int64_t a, double b);

// ---- complex ------------------------------------------------------------------------

struct Complex {
  double real = 0.0;
  double imag = 0.0;
};

Complex complex_add(Complex a, Complex b);
Complex complex_sub(Complex a, Complex b);
Complex complex_mul(Complex a, Complex b);
// a / b with CPython's scaling algorithm; ZeroDivisionError "complex division by zero".
NumStatus complex_div(Complex a, Complex b, Complex& out);
// a ** b: repeated squaring for integral real exponents |n| <= 100 (so (1+1j)**2 == 2j),
// the polar formula otherwise. ZeroDivisionError "0.0 to a negative or complex power";
// OverflowError "complex exponentiation".
NumStatus complex_pow(Complex a, Complex b, Complex& out);
// abs(a); OverflowError "absolute value too large".
NumStatus complex_abs(Complex a, double& out);

}  // namespace pyjitvm::vm
