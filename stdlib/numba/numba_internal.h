// stdlib/numba/numba_internal.h — what the areas of the numba module share: their
// install hooks (one file each, called once by numba_module.cpp), submodule creation,
// and compiling a Python function with njit semantics.
//
// Invariants:
//   I1  Each install_* hook adds its names to `st.module` (or to a submodule made with
//       new_submodule) and returns false with a Python exception pending on failure.
//   I2  Code compiled by numba_variant() runs with kProtoNumba semantics (int64
//       wrap-around, numba's error wording) and shares the original function's
//       globals, defaults and closure, so it sees later changes to module globals.
#pragma once

#include <string>
#include <string_view>

#include "stdlib/numba/nbtypes.h"
#include "vm/func_object.h"
#include "vm/misc_objects.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::nb {

// Options of @jit/@njit/@vectorize... as stored on the compiled Proto (bytecode.h
// proto_flags) for the JIT tiers to read.
struct JitOptions {
  bool nopython = true;
  bool parallel = false;
  bool fastmath = false;
  bool nogil = false;
  bool cache = false;
  bool boundscheck = false;
  bool error_model_numpy = false;  // error_model="numpy": x / 0.0 is inf/nan, no raise
};

// numba.<name> submodule registered as "numba.<name>" (importable with `from numba.x
// import y` and `import numba.x`).
vm::Module* new_submodule(vm::VM& vm, NumbaState& st, std::string_view name);
void set_module_attr(vm::VM& vm, vm::Module* m, std::string_view name, vm::Value v);

// Compiles `fn` again with njit semantics (I2); nullptr with an exception pending when
// `fn` is not a Python function with source (e.g. a builtin).
vm::Function* numba_variant(vm::VM& vm, vm::Value fn, const JitOptions& opts);

// A function running `p` with f's globals, defaults, closure and names (p must be a
// variant of f's code, compile_variant, so its parameters and free variables match).
vm::Function* function_with_proto(vm::VM& vm, vm::Function* f, vm::Proto* p);

// Parses jit options from keyword arguments (values of nopython=, parallel=, ...);
// unknown keywords raise TypeError naming them, as numba's decorator does (I1).
bool parse_jit_options(vm::VM& vm, vm::Dict* kwargs, JitOptions& opts);

// dispatcher.parallel_diagnostics (parallel_diag.cpp): appends the report for one
// compiled signature of `f` to `out`; `key` identifies (dispatcher, signature) for the
// loop numbering. print_report() writes through sys.stdout.
bool parallel_diagnostics_report(vm::VM& vm, vm::Function* f, vm::Value key, int level,
                                 std::string& out);
bool print_report(vm::VM& vm, const std::string& text);

// ---- area hooks (I1)
bool install_dispatcher(vm::VM& vm, NumbaState& st);  // dispatcher.cpp: jit, njit, ...
bool install_vectorize(vm::VM& vm, NumbaState& st);   // vectorize.cpp: vectorize, guvectorize
bool install_stencil(vm::VM& vm, NumbaState& st);     // stencil.cpp
bool install_jitclass(vm::VM& vm, NumbaState& st);    // jitclass.cpp: numba.experimental
bool install_typed(vm::VM& vm, NumbaState& st);       // typed.cpp: numba.typed
bool install_cfunc(vm::VM& vm, NumbaState& st);       // cfunc.cpp: cfunc, ctypes
bool install_cuda(vm::VM& vm, NumbaState& st);        // cuda_module.cpp: numba.cuda

}  // namespace pyjitvm::stdlib::nb
