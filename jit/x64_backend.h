// jit/x64_backend.h — compiling a recorded trace to machine code (x64_backend.cpp).
//
// Stage: Trace with IR → loop analysis (jit/loop_opt) → asmjit → Trace::fn / exits.
//
// Invariants: see x64_backend.cpp (I1 exit stubs, I2 IEEE semantics, I3 interrupt poll).
#pragma once

#include <atomic>
#include <string>

#include <asmjit/core.h>

#include "jit/trace.h"

namespace pyjitvm::jit {

// False (with `error`) when asmjit fails; the trace is then discarded.
bool compile_trace(asmjit::JitRuntime& rt, Trace& t, const std::atomic<bool>* interrupt,
                   bool dump, std::string& error);

}  // namespace pyjitvm::jit
