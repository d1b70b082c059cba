// stdlib/numpy/sorting.cpp — sort, argsort, unique, searchsorted.
//
// Stage: install_sorting() during `import numpy` (numpy_internal.h).
//
// Not written yet: this area's functions are still to come.
#include "stdlib/numpy/numpy_internal.h"

namespace pyjitvm::stdlib::np {

void install_sorting(vm::VM&, NumpyState&) {}

}  // namespace pyjitvm::stdlib::np
