// stdlib/numpy/linalg_blas.h — NumPy 1.24's product kernels: the per-dtype dot
// functions, matmul's BLAS/no-BLAS selection for one core product, and np.dot's
// cblas_matrixproduct for float64/float32/complex128 operands of at most 2 dimensions.
//
// Stage: linalg.cpp (dot, vdot, inner, matmul, `@`) and linalg_lapack.cpp (norm) call
// these on operands already converted to the computation dtype.
//
// Invariants:
//   I1  Every float64/float32/complex128 product is computed by the OpenBLAS routine
//       NumPy calls for the same shapes and strides (ddot, dgemv, dgemm, dsyrk, daxpy
//       and their s/z variants) with the same arguments, or by NumPy's plain loop where
//       NumPy uses one, so results agree bit for bit with NumPy linked to the same
//       OpenBLAS — `dot_elements()`, `matmul_core()`, `cblas_matrixproduct()`.
//   I2  Integer products wrap (two's complement) and bool products are logical
//       (any(a & b)) — `dot_elements()`, `matmul_core()`.
#pragma once

#include <cstdint>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/ndarray.h"
#include "vm/object.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// NumPy's <TYPE>_dot: op[0] = sum_i ip1[i*is1] * ip2[i*is2] over n elements (byte
// strides), in `d`'s arithmetic.
void dot_elements(DType d, const char* ip1, int64_t is1, const char* ip2, int64_t is2, char* op,
                  int64_t n);
// np.vdot's kernel: like dot_elements, conjugating the first operand for complex128.
void vdot_elements(DType d, const char* ip1, int64_t is1, const char* ip2, int64_t is2, char* op,
                   int64_t n);

// One core product of matmul's loop: (dm x dn) @ (dn x dp) → (dm x dp), all strides in
// bytes (0 for a missing vector dimension), as NumPy's <TYPE>_matmul picks it.
void matmul_core(DType d, char* ip1, int64_t is1_m, int64_t is1_n, char* ip2, int64_t is2_n,
                 int64_t is2_p, char* op, int64_t os_m, int64_t os_p, int64_t dm, int64_t dn,
                 int64_t dp);

// np.dot(a, b) for a, b of dtype d (float32, float64 or complex128) with ndim <= 2.
// Raises NumPy's "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)". Returns a
// new C-contiguous array (0-d for a scalar result) or nullptr.
NDArray* cblas_matrixproduct(vm::VM& vm, DType d, NDArray* a, NDArray* b);

// Fills the numpy.linalg submodule (linalg_lapack.cpp): norm, solve, inv, det ... and
// LinAlgError. Called by install_linalg().
void install_linalg_module(vm::VM& vm, vm::Module* linalg);

// NumPy's alignment error for dot-like functions.
void raise_not_aligned(vm::VM& vm, const NDArray* a, int adim, const NDArray* b, int bdim);

}  // namespace pyjitvm::stdlib::np
