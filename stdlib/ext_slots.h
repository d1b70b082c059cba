// stdlib/ext_slots.h — the numbers of the VM's extension slots (VM::ext_slot) that
// stdlib modules use for per-VM state read on hot paths.
//
// Invariant: each number is owned by exactly one module, which stores one GC object
// there when the module is first imported (nullptr before).
#pragma once

#include <cstddef>

namespace pyjitvm::stdlib {

inline constexpr size_t kExtNumpy = 0;  // stdlib/numpy/state.h: NumpyState
inline constexpr size_t kExtNumba = 1;  // reserved for stdlib/numba

}  // namespace pyjitvm::stdlib
