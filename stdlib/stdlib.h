// stdlib/stdlib.h — installs the standard library into a VM.
//
// Stage: tools/ and the embedding API call install_stdlib() once per VM; it fills the
// builtins module and registers the native modules (sys, math, time, random, ...)
// that `import` instantiates on first use.
//
// Invariants:
//   I1  Modules are created lazily, per VM (no shared state between VMs).
//   I2  stdlib uses vm/ only through its object API (vm/ops.h, vm/native.h).
#pragma once

#include <string>
#include <vector>

#include "vm/vm.h"

namespace pyjitvm::stdlib {

// argv: sys.argv (argv[0] is the script path as given, "" or "-c" for other modes).
void install_stdlib(vm::VM& vm, const std::vector<std::string>& argv);

// Pieces (one file each).
void install_builtins(vm::VM& vm);            // stdlib/builtins.cpp
void install_builtin_iterators(vm::VM& vm);   // stdlib/builtins_iter.cpp
void install_io(vm::VM& vm);                  // stdlib/io_module.cpp (open)
vm::Module* init_sys_module(vm::VM& vm);      // stdlib/sys_module.cpp
vm::Module* init_math_module(vm::VM& vm);     // stdlib/math_module.cpp
vm::Module* init_time_module(vm::VM& vm);     // stdlib/time_module.cpp
vm::Module* init_random_module(vm::VM& vm);   // stdlib/random_module.cpp

// sys.stdout as currently set (Undef before sys is initialised).
vm::Value sys_stdout(vm::VM& vm);

}  // namespace pyjitvm::stdlib
