// stdlib/numpy/reductions.cpp — the reduction engine (reduce.h) and the reducing array
// methods: sum, prod, mean, std, var, min, max, argmin, argmax, cumsum, cumprod, any,
// all.
//
// Stage: install_reductions() during `import numpy` (numpy_internal.h).
//
// Not written yet: reduce() and accumulate() raise NotImplementedError.
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/reduce.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

Value reduce(VM& vm, NDArray*, const ReduceSpec& spec) {
  return vm.raise_fmt(vm.exc().NotImplementedError, "%s.reduce is not written yet", spec.name);
}

Value accumulate(VM& vm, NDArray*, const AccumulateSpec& spec) {
  return vm.raise_fmt(vm.exc().NotImplementedError, "%s.accumulate is not written yet", spec.name);
}

void install_reductions(VM&, NumpyState&) {}

}  // namespace pyjitvm::stdlib::np
