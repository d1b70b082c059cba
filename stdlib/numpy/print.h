// stdlib/numpy/print.h — NumPy 1.24's text for arrays and scalars, for C++ callers
// outside the printing area (error messages, the embedding API, tests).
//
// Stage: implemented by stdlib/numpy/print_array.cpp over print_format.cpp and
// print_float.cpp; the Python-visible functions (repr/str slots, np.set_printoptions,
// np.array2string ...) are installed by install_printing() (numpy_internal.h).
//
// Invariants:
//   I1  The text is exactly what repr()/str() print under the VM's current print
//       options (state(vm).print and the formatter set by np.set_printoptions).
//   I2  Only custom formatters run Python code; a false return leaves their exception
//       (or NumPy's "precision must be >= 0") pending.
#pragma once

#include <string>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/ndarray.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// repr(a) / str(a), appended to `out`.
bool array_repr(vm::VM& vm, NDArray* a, std::string& out);
bool array_str(vm::VM& vm, NDArray* a, std::string& out);
// repr() of a NumPy scalar of dtype `d` whose value is at `p` ('0.1', '(1+2j)', 'True').
std::string scalar_repr(vm::VM& vm, DType d, const void* p);

}  // namespace pyjitvm::stdlib::np
