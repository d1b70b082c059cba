// stdlib/numpy/linalg.h — matrix products used by other areas (the `@` operator).
//
// Stage: implemented in stdlib/numpy/linalg.cpp; the ndarray/scalar operator slots
// (stdlib/numpy/ufunc*.cpp) call matmul() for BinOp::MatMul.
//
// Invariants:
//   I1  matmul(a, b) is np.matmul(a, b): NumPy's shape rules and messages, BLAS (OpenBLAS)
//       for float64/float32/complex128 products, exact integer loops otherwise.
//   I2  Returns Undef with a Python exception pending on error.
#pragma once

#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

vm::Value matmul(vm::VM& vm, vm::Value a, vm::Value b);

}  // namespace pyjitvm::stdlib::np
