// stdlib/numpy/reduce.h — the reduction engine: reducing an array over a set of axes
// (sum, prod, min, max, any, all and ufunc.reduce) and accumulating along one axis
// (cumsum, cumprod, ufunc.accumulate).
//
// Stage: implemented in stdlib/numpy/reductions.cpp; called by the array methods there
// and by the ufunc objects' reduce/accumulate methods (stdlib/numpy/ufunc*.cpp).
//
// Invariants:
//   I1  Float and complex Add reductions use NumPy's pairwise summation over each
//       contiguous run (blocks of 8 partial sums, 128-element leaves), so np.sum gives
//       the same bits as NumPy 1.24.
//   I2  Min/Max propagate NaN as NumPy does (the first NaN wins); reducing an empty
//       axis without an identity raises NumPy's ValueError ("zero-size array to
//       reduction operation maximum which has no identity").
//   I3  The result dtype is spec.dtype when given, else NumPy's default for the kind
//       (Add/Multiply of bool and integers narrower than int64 → int64/uint64,
//       LogicalAnd/Or → bool, others keep the input dtype).
//   I4  Returns Undef with a Python exception pending on error; a 0-d result (all axes
//       reduced, keepdims false, no out=) is returned as a NumPy scalar.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/ndarray.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

enum class ReduceKind : uint8_t {
  Add, Multiply, Min, Max, LogicalAnd, LogicalOr,
  Generic,  // any other binary ufunc: spec.loop combines accumulator and element
  FMin, FMax,  // np.fmin/np.fmax (NaN-ignoring; nanmin/nanmax use them)
};

// An element-wise binary loop in NumPy's inner-loop form over `loop_dtype` elements:
// out[i] = f(in0[i], in1[i]) for args = {in0, in1, out}.
using BinaryLoop = void (*)(char** args, const int64_t* strides, int64_t n, const void* data);

struct ReduceSpec {
  ReduceKind kind = ReduceKind::Add;
  const char* name = "add";               // the ufunc's name, for error messages
  std::vector<bool> axes;                 // per input dimension: reduce it (parse_axes)
  bool keepdims = false;
  std::optional<DType> dtype;             // dtype= argument
  vm::Value out;                          // out= array or Undef
  vm::Value initial;                      // initial= value or Undef
  vm::Value where;                        // where= mask (anything np.array takes) or Undef
  // Generic kind only:
  BinaryLoop loop = nullptr;
  const void* loop_data = nullptr;
  DType loop_dtype = DType::Float64;      // operands are converted to this dtype
  bool has_identity = false;
  vm::Value identity;                     // used for empty reductions when has_identity
};

vm::Value reduce(vm::VM& vm, NDArray* a, const ReduceSpec& spec);

struct AccumulateSpec {
  ReduceKind kind = ReduceKind::Add;      // Add, Multiply, Min, Max, Generic
  const char* name = "add";
  int axis = 0;
  std::optional<DType> dtype;
  vm::Value out;
  BinaryLoop loop = nullptr;              // Generic kind only
  const void* loop_data = nullptr;
  DType loop_dtype = DType::Float64;
};

vm::Value accumulate(vm::VM& vm, NDArray* a, const AccumulateSpec& spec);

}  // namespace pyjitvm::stdlib::np
