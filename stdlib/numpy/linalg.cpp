// stdlib/numpy/linalg.cpp — dot, matmul, vdot, inner, outer and np.linalg.
//
// Stage: install_linalg() during `import numpy` (numpy_internal.h); matmul() for `@`.
//
// Not written yet: matmul() raises NotImplementedError.
#include "stdlib/numpy/linalg.h"
#include "stdlib/numpy/numpy_internal.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

Value matmul(VM& vm, Value, Value) {
  return vm.raise(vm.exc().NotImplementedError, "matmul is not written yet");
}

void install_linalg(VM&, NumpyState&) {}

}  // namespace pyjitvm::stdlib::np
