// stdlib/numba/cuda_module.cpp — numba.cuda (simulator) (not written yet: this hook installs nothing).
//
// Invariants: numba_internal.h I1.
#include "stdlib/numba/numba_internal.h"

namespace pyjitvm::stdlib::nb {

bool install_cuda(vm::VM&, NumbaState&) { return true; }

}  // namespace pyjitvm::stdlib::nb
