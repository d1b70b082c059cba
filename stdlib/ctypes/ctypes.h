// stdlib/ctypes/ctypes.h — registers the native `ctypes` module with a VM.
//
// Stage: install_stdlib() calls register_ctypes(); the module is built on the first
// `import ctypes` (stdlib/ctypes/ctypes_module.cpp).
//
// Invariants:
//   I1  Nothing is created before the first import; all state is per VM.
#pragma once

#include "vm/vm.h"

namespace pyjitvm::stdlib::ct {

void register_ctypes(vm::VM& vm);

}  // namespace pyjitvm::stdlib::ct
