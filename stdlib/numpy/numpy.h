// stdlib/numpy/numpy.h — registers the native `numpy` module with a VM.
//
// Stage: install_stdlib() calls register_numpy(); the module itself is built on the
// first `import numpy` (stdlib/numpy/numpy_module.cpp).
#pragma once

#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

void register_numpy(vm::VM& vm);

}  // namespace pyjitvm::stdlib::np
