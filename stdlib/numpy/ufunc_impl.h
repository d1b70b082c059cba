// stdlib/numpy/ufunc_impl.h — internals shared by the ufunc*.cpp files: ufunc and loop
// tables, operands, type resolution, the execution engine and the vector math table.
//
// Stage: private to the ufunc area (other areas use ufunc.h).
//
//   Python call ──▶ make_operand() ──▶ resolve_loop() ──▶ execute() ──▶ LoopFn
//   (ufunc_object.cpp,                  (ufunc_types.cpp)   (ufunc_exec.cpp) (ufunc_loops*.cpp)
//    ufunc_operators.cpp)
//
// Invariants:
//   I1  Every LoopDef's `fn` reads inputs of in[0..nin) and writes `out` with NumPy's
//       inner-loop signature (args = inputs then output, steps in bytes, any steps, n >= 0).
//   I2  ufunc_def(id).loops lists the loops in NumPy's `types` order restricted to the
//       supported dtypes, so a linear search picks what NumPy picks (float16 loops are
//       dropped: the float32 loop that follows is chosen instead).
//   I3  vmath() is chosen once per process from the CPU's features and never changes,
//       so a function gives the same bits for an element whether it is reached through
//       a contiguous run, a strided run or a scalar.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/state.h"
#include "stdlib/numpy/ufunc.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// ---------------------------------------------------------------- loops
// NumPy's inner loop: args = inputs then output, steps in bytes; `data` is a LoopStatus*.
using LoopFn = void (*)(char** args, const int64_t* steps, int64_t n, const void* data);

// What a loop reports to the engine (integer power is the only loop that can fail).
struct LoopStatus {
  bool negative_int_power = false;
};

struct LoopDef {
  DType in[2];
  DType out;
  LoopFn fn;
};

enum class Resolver : uint8_t {
  Linear,      // first loop whose inputs the operands safely cast to (NumPy's default)
  Uniform,     // every operand gets result_type(inputs) (NumPy's SimpleUniform)
  Compare,     // inputs get result_type(inputs), output bool
  TrueDivide,  // integer/bool inputs use dd->d, others Linear
  Absolute,    // complex input Linear (D->d), others Uniform
};
enum class Identity : uint8_t { None, Zero, One, MinusOne, True, False };

struct UfuncDef {
  const char* name;
  uint8_t nin;
  Resolver resolver;
  Identity identity;
  std::span<const LoopDef> loops;  // I2
  const char* types;               // NumPy's ufunc.types, space separated
};
const UfuncDef& ufunc_def(UfuncId id);

// ---------------------------------------------------------------- operands
enum class OperandKind : uint8_t {
  Array,   // ndarray with ndim > 0 (or a sequence converted to one)
  Scalar,  // Python/NumPy scalar or 0-d array: `value` holds the element
  Str,     // a Python str (no string dtype: only for NumPy's error messages)
  Object,  // anything else NumPy would put in an object array (None, user objects)
};

struct Operand {
  OperandKind kind = OperandKind::Scalar;
  DType dtype = DType::Float64;
  NDArray* arr = nullptr;                    // Array, and 0-d arrays (Scalar)
  vm::Value obj;                             // the original argument
  alignas(16) unsigned char value[16] = {};  // Scalar: the element in `dtype`
  bool is_array() const { return kind == OperandKind::Array; }
  bool is_numeric() const { return kind == OperandKind::Array || kind == OperandKind::Scalar; }
};

// Converts one ufunc argument (I3 of ufunc.h). Nested sequences become arrays.
bool make_operand(vm::VM& vm, vm::Value v, Operand& out);

// ---------------------------------------------------------------- type resolution
bool can_cast(DType from, DType to, Casting casting);
// The dtype NumPy's value-based logic gives a scalar operand when checking a cast to
// `to` (min_scalar_type, signed when the value is small and `to` is not unsigned).
DType min_scalar_dtype(const Operand& op, bool& small_unsigned);
// np.result_type of the numeric operands (value-based when arrays are mixed with scalars
// of a kind no greater than theirs).
DType operands_result_type(const Operand* ops, int n);
// NumPy's should_use_min_scalar over the inputs.
bool use_min_scalar(const Operand* ops, int n);

struct ResolvedLoop {
  const LoopDef* loop = nullptr;
  DType in[2] = {};
  DType out = DType::Bool;
};
// Picks the loop for ufunc `id` (dtype= and casting= as given). Raises NumPy's errors.
bool resolve_loop(vm::VM& vm, UfuncId id, const Operand* ops, std::optional<DType> dtype,
                  Casting casting, ResolvedLoop& out);
// The loop with exactly these input dtypes, or nullptr.
const LoopDef* find_loop(UfuncId id, DType in0, DType in1);

// ---------------------------------------------------------------- execution
struct CallOptions {
  vm::Value out;               // Undef or an ndarray
  std::optional<DType> dtype;  // dtype=
  Casting casting = Casting::SameKind;
  vm::Value where;  // Undef or a bool mask (broadcast)
};
// Runs ufunc `id` on ops[0..nin): resolution, broadcasting, casting, output (ufunc.h I2).
vm::Value execute(vm::VM& vm, UfuncId id, Operand* ops, const CallOptions& opt);
// Operands NumPy would put in string/object arrays (ufunc_fallback.cpp).
vm::Value object_operands(vm::VM& vm, UfuncId id, Operand* ops, const CallOptions& opt);
// Runs a resolved loop over arrays already converted to its dtypes (outer(), reduce).
bool run_loop_on_arrays(vm::VM& vm, const ResolvedLoop& rl, NDArray* const* ins, int nin,
                        NDArray* out);

// ---------------------------------------------------------------- errors
enum class UfuncError : uint8_t { NoLoop, InputCasting, OutputCasting };
// Raises numpy.core._exceptions._UFuncNoLoopError & co. (subclasses of TypeError).
vm::Value raise_ufunc_error(vm::VM& vm, UfuncError kind, const std::string& msg);
// "dtype('int64')"
std::string dtype_repr(DType d);
const char* casting_name(Casting c);
// Creates the exception classes and the ufunc type and objects (ufunc_object.cpp);
// called by install_ufuncs.
void install_ufunc_exceptions(vm::VM& vm, NumpyState& st);
void install_ufunc_objects(vm::VM& vm, NumpyState& st);
// Operator slots of ndarray and the NumPy scalar types (ufunc_operators.cpp) and the
// non-ufunc functions of the area (ufunc_functions.cpp).
void install_ufunc_operators(vm::VM& vm, NumpyState& st);
void install_ufunc_functions(vm::VM& vm, NumpyState& st);

// ---------------------------------------------------------------- vector math
// Contiguous kernels for the float functions whose results depend on the implementation
// (I3): SLEEF's u10 vector functions at the CPU's widest ISA, or glibc where it matches
// NumPy better (see ufunc_vmath.cpp), plus exact ones (sqrt, floor ...) vectorised.
// clang-format off
enum class VFn : uint8_t {
  Exp, Exp2, Expm1, Log, Log2, Log10, Log1p, Sin, Cos, Tan, Asin, Acos, Atan,
  Sinh, Cosh, Tanh, Asinh, Acosh, Atanh, Cbrt, Sqrt, Floor, Ceil, Trunc, Rint,
  CountUnary,
  Atan2 = CountUnary, Pow, Hypot,
  CountAll
};
// clang-format on
inline constexpr int kNumVUnary = static_cast<int>(VFn::CountUnary);
inline constexpr int kNumVBinary = static_cast<int>(VFn::CountAll) - kNumVUnary;

struct VMathTable {
  void (*ud[kNumVUnary])(const double* in, double* out, int64_t n);
  void (*uf[kNumVUnary])(const float* in, float* out, int64_t n);
  void (*bd[kNumVBinary])(const double* a, const double* b, double* out, int64_t n);
  void (*bf[kNumVBinary])(const float* a, const float* b, float* out, int64_t n);
  const char* isa;  // "avx512f", "avx2", "sse2"
};
const VMathTable& vmath();  // I3

}  // namespace pyjitvm::stdlib::np
