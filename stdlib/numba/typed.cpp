// stdlib/numba/typed.cpp — numba.typed.List and numba.typed.Dict (not written yet: this hook installs nothing).
//
// Invariants: numba_internal.h I1.
#include "stdlib/numba/numba_internal.h"

namespace pyjitvm::stdlib::nb {

bool install_typed(vm::VM&, NumbaState&) { return true; }

}  // namespace pyjitvm::stdlib::nb
