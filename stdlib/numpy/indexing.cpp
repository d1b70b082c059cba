// stdlib/numpy/indexing.cpp — ndarray __getitem__/__setitem__.
//
// Stage: install_indexing() during `import numpy` (numpy_internal.h).
//
// Not written yet: this area's functions are still to come.
#include "stdlib/numpy/numpy_internal.h"

namespace pyjitvm::stdlib::np {

void install_indexing(vm::VM&, NumpyState&) {}

}  // namespace pyjitvm::stdlib::np
