// stdlib/numpy/ufunc.cpp — ufunc objects, array operators and NumPy scalar arithmetic.
//
// Stage: install_ufuncs() during `import numpy` (numpy_internal.h).
//
// Not written yet: this area's functions are still to come.
#include "stdlib/numpy/numpy_internal.h"

namespace pyjitvm::stdlib::np {

void install_ufuncs(vm::VM&, NumpyState&) {}

}  // namespace pyjitvm::stdlib::np
