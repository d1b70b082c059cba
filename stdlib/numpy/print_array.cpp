// stdlib/numpy/print_array.cpp — repr/str of arrays and scalars, np.set_printoptions.
//
// Stage: install_printing() during `import numpy` (numpy_internal.h).
//
// Not written yet: this area's functions are still to come.
#include "stdlib/numpy/numpy_internal.h"

namespace pyjitvm::stdlib::np {

void install_printing(vm::VM&, NumpyState&) {}

}  // namespace pyjitvm::stdlib::np
