// vm/compiler.h — compiles a parsed module (AST + scopes) to register bytecode.
//
// Stage: vm/parser (ParseResult with scopes) → compile_module() → Proto tree
// (vm/bytecode.h) → vm/interp.
//
// Invariants:
//   I1  Every Proto produced satisfies bytecode.h I1–I4 (positions for every
//       instruction, valid jump targets, innermost-first handler table, register
//       layout); verify_proto() checks them in tests and debug builds.
//   I2  Locals live in fixed registers [0, nlocals) in the order: positional
//       parameters, keyword-only parameters, *args, **kwargs, other locals; free-
//       variable cells follow; temporaries are allocated stack-like above.
//   I3  A local that may be read before assignment is guarded by CHECKBOUND (a
//       conservative definite-assignment analysis); all other reads are unchecked.
//   I4  Unsupported constructs (async, match, metaclass= ...) are reported as a
//       SyntaxErrorInfo naming the feature and its line, before anything runs.
#pragma once

#include <memory>
#include <string>

#include "vm/ast.h"
#include "vm/parser.h"
#include "vm/syntax_error.h"
#include "vm/vm.h"

namespace pyjitvm::vm {

// Takes ownership of the parse (the Protos keep the arena alive for tracebacks).
// interactive: module-level expression statements are passed to
// builtins.__displayhook__ (REPL echo).
Proto* compile_module(VM& vm, ParseResult&& parsed, SyntaxErrorInfo& err,
                      bool interactive = false);

// Recompiles the function (def or lambda) that `original` was compiled from, from its
// retained AST, with `extra_flags` (e.g. kProtoNumba) set on it and on every code
// object nested in it. The result has the same parameters and free variables in the
// same order, so it can run with the original function's defaults and closure.
// Returns nullptr with `err` set when the original has no function AST.
Proto* compile_variant(VM& vm, const Proto* original, uint32_t extra_flags,
                       SyntaxErrorInfo& err);

// compile_variant flag (never stored on a Proto; above the ProtoFlags of bytecode.h): in
// the outermost function, each statement `cuda.syncthreads()` / `syncthreads()` (a call
// without arguments) compiles to `yield None`, making the function a generator. The
// numba.cuda simulator (stdlib/numba/cuda_sim.cpp) runs one such generator per GPU
// thread and treats each yield as arrival at the block barrier.
inline constexpr uint32_t kProtoCudaBarrierYield = 1u << 30;

// Structural checks of bytecode.h I1–I4; returns an empty string when valid.
std::string verify_proto(const Proto* p);

}  // namespace pyjitvm::vm
