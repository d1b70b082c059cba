// stdlib/numpy/linalg.cpp — dot, matmul, vdot, inner, outer and np.linalg.
//
// Stage: install_linalg() during `import numpy` (numpy_internal.h).
//
// Not written yet: this area's functions are still to come.
#include "stdlib/numpy/numpy_internal.h"

namespace pyjitvm::stdlib::np {

void install_linalg(vm::VM&, NumpyState&) {}

}  // namespace pyjitvm::stdlib::np
