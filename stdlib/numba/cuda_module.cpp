// stdlib/numba/cuda_module.cpp — numba.cuda: Numba 0.56's CUDA simulator (as under
// NUMBA_ENABLE_CUDASIM=1), run by the interpreter.
//
// Stage: install_cuda creates the numba.cuda submodule, adds the native helpers below,
// then executes the Python sources of cuda_memory.cpp (device arrays, host API) and
// cuda_sim.cpp (kernels, scheduler, intrinsics) into it.
//
// Invariants: numba_internal.h I1.
//   I1  _barrier_variant(fn) recompiles a kernel's Python function with
//       kProtoCudaBarrierYield (vm/compiler.h): each `cuda.syncthreads()` statement of
//       its body becomes a yield; the result shares fn's globals, defaults and closure.
//       It keeps Python semantics (no kProtoNumba): the simulator runs kernels as plain
//       Python on NumPy arrays, so values and errors are NumPy's.
//   I2  _NbTypeClass is the class of numba type objects (numba.int64 ...), so shared,
//       local and device arrays accept them as dtypes.
#include <string_view>

#include "stdlib/numba/numba_internal.h"
#include "vm/compiler.h"
#include "vm/dict_object.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;

std::string_view cuda_memory_source();  // cuda_memory.cpp
std::string_view cuda_sim_source();     // cuda_sim.cpp

namespace {

Value f_barrier_variant(VM& vm, const CallArgs& a) {
  if (a.argc != 1 || a.nkw() || !is_kind(a[0], Kind::Function))
    return vm.raise(vm.exc().TypeError, "a CUDA kernel must be a Python function");
  Function* f = static_cast<Function*>(a[0].as_obj());
  SyntaxErrorInfo err;
  Proto* p = compile_variant(vm, f->proto, kProtoCudaBarrierYield, err);
  if (!p)
    return vm.raise_fmt(vm.exc().TypeError, "cannot compile CUDA kernel %s: %s",
                        f->qualname->data(), err.msg.c_str());
  return Value::from_obj(function_with_proto(vm, f, p));
}

}  // namespace

bool install_cuda(VM& vm, NumbaState& st) {
  Module* m = new_submodule(vm, st, "cuda");
  static const MethodDef kFns[] = {{"_barrier_variant", f_barrier_variant}};
  add_functions(vm, m->dict, kFns);
  Value int64 = dict_get_str(st.module->dict, vm.intern("int64"));
  if (int64.is_undef()) {
    vm.raise(vm.exc().ImportError, "numba.cuda needs numba's type objects");
    return false;
  }
  set_module_attr(vm, m, "_NbTypeClass", Value::from_obj(vm.type_of(int64)));
  if (!vm.exec_module(std::string(cuda_memory_source()), "<numba.cuda>", m)) return false;
  if (!vm.exec_module(std::string(cuda_sim_source()), "<numba.cuda>", m)) return false;
  return !vm.has_pending();
}

}  // namespace pyjitvm::stdlib::nb
