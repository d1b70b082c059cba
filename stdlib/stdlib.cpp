// stdlib/stdlib.cpp — installs the standard library into a VM (stdlib/stdlib.h).
//
// Stage: called once per VM by tools/ and the embedding API.
//
// Invariants: stdlib.h I1–I2.
#include "stdlib/stdlib.h"

#include "stdlib/ctypes/ctypes.h"
#include "stdlib/numba/numba.h"
#include "stdlib/numpy/numpy.h"

namespace pyjitvm::stdlib {

using namespace pyjitvm::vm;

void install_stdlib(VM& vm, const std::vector<std::string>& argv) {
  vm.argv() = argv;
  install_builtins(vm);
  install_io(vm);
  vm.register_native_module("sys", init_sys_module);
  vm.register_native_module("math", init_math_module);
  vm.register_native_module("time", init_time_module);
  vm.register_native_module("random", init_random_module);
  np::register_numpy(vm);
  nb::register_numba(vm);
  ct::register_ctypes(vm);
  // sys is imported eagerly: print() writes through sys.stdout.
  Value sys = vm.import_module(vm.intern("sys"));
  if (failed(sys)) vm.clear_pending();
}

}  // namespace pyjitvm::stdlib
