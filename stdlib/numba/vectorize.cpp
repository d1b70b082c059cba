// stdlib/numba/vectorize.cpp — @vectorize and @guvectorize (not written yet: this hook installs nothing).
//
// Invariants: numba_internal.h I1.
#include "stdlib/numba/numba_internal.h"

namespace pyjitvm::stdlib::nb {

bool install_vectorize(vm::VM&, NumbaState&) { return true; }

}  // namespace pyjitvm::stdlib::nb
