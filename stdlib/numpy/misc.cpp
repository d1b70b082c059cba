// stdlib/numpy/misc.cpp — diff, isclose, allclose, array_equal, nonzero, argwhere, count_nonzero.
//
// Stage: install_misc() during `import numpy` (numpy_internal.h).
//
// Not written yet: this area's functions are still to come.
#include "stdlib/numpy/numpy_internal.h"

namespace pyjitvm::stdlib::np {

void install_misc(vm::VM&, NumpyState&) {}

}  // namespace pyjitvm::stdlib::np
