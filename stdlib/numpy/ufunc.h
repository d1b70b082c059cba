// stdlib/numpy/ufunc.h — NumPy's universal functions for other C++ code: calling a ufunc
// by id, NumPy's result_type() with value-based casting, and the ufunc objects.
//
// Stage: implemented by stdlib/numpy/ufunc*.cpp; used by other numpy areas (isclose,
// mean, printing helpers ...) that need element-wise arithmetic with NumPy's exact type
// rules.
//
// Invariants:
//   I1  call_ufunc(vm, id, inputs) is np.<name>(*inputs): the same loop selection
//       (NumPy 1.24's type resolution, value-based casting for Python/NumPy scalars and
//       0-d arrays mixed with arrays), the same values and the same errors.
//   I2  Results follow NumPy's return convention: a NumPy scalar when every input is a
//       scalar or 0-d array and no out= is given, else an ndarray (out itself when given).
//   I3  Every function returns Undef/false with a Python exception pending on error.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "stdlib/numpy/dtype.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// The ufuncs pyjitvm implements, in the order of the module table (ufunc_defs.cpp).
// clang-format off
enum class UfuncId : uint8_t {
  Add, Subtract, Multiply, TrueDivide, FloorDivide, Remainder, Fmod, Power,
  Negative, Positive, Absolute, Sqrt, Square, Reciprocal, Cbrt,
  Exp, Exp2, Log, Log2, Log10, Expm1, Log1p,
  Sin, Cos, Tan, Arcsin, Arccos, Arctan, Arctan2, Sinh, Cosh, Tanh,
  Arcsinh, Arccosh, Arctanh, Hypot,
  Floor, Ceil, Trunc, Rint, Sign,
  Minimum, Maximum, Fmin, Fmax,
  Isnan, Isinf, Isfinite, Signbit, Copysign,
  Radians, Degrees, Deg2rad, Rad2deg, Conjugate,
  Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
  LogicalAnd, LogicalOr, LogicalXor, LogicalNot,
  BitwiseAnd, BitwiseOr, BitwiseXor, Invert, LeftShift, RightShift,
  Count
};
// clang-format on
inline constexpr int kNumUfuncs = static_cast<int>(UfuncId::Count);

// NumPy's `casting=` values, ordered from strictest to loosest.
enum class Casting : uint8_t { No, Equiv, Safe, SameKind, Unsafe };

// np.<name>(*inputs, out=out) (I1, I2). `out` is Undef or an ndarray.
vm::Value call_ufunc(vm::VM& vm, UfuncId id, std::span<const vm::Value> inputs,
                     vm::Value out = vm::Value());
inline vm::Value call_ufunc(vm::VM& vm, UfuncId id, vm::Value a) {
  return call_ufunc(vm, id, std::span<const vm::Value>(&a, 1));
}
inline vm::Value call_ufunc(vm::VM& vm, UfuncId id, vm::Value a, vm::Value b) {
  const vm::Value in[2] = {a, b};
  return call_ufunc(vm, id, in);
}

// np.result_type(*values) for arrays, NumPy scalars and Python scalars, with NumPy
// 1.24's value-based casting (what np.where and np.clip use).
bool result_type(vm::VM& vm, std::span<const vm::Value> values, DType& out);

// The np.<name> ufunc object (for code that wants to hand a ufunc to Python).
vm::Value ufunc_object(vm::VM& vm, UfuncId id);

}  // namespace pyjitvm::stdlib::np
