// stdlib/numpy/random.cpp — np.random (legacy RandomState).
//
// Stage: install_random() during `import numpy` (numpy_internal.h).
//
// Not written yet: this area's functions are still to come.
#include "stdlib/numpy/numpy_internal.h"

namespace pyjitvm::stdlib::np {

void install_random(vm::VM&, NumpyState&) {}

}  // namespace pyjitvm::stdlib::np
