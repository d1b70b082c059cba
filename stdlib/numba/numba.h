// stdlib/numba/numba.h — registers the native `numba` module with a VM.
//
// Stage: install_stdlib() calls register_numba(); the module is built on the first
// `import numba` (stdlib/numba/numba_module.cpp), importing numpy first.
#pragma once

#include "vm/vm.h"

namespace pyjitvm::stdlib::nb {

void register_numba(vm::VM& vm);

}  // namespace pyjitvm::stdlib::nb
