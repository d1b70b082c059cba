// jit/loop_opt.h — loop-invariance analysis for the peeled loop (jit/loop_opt.cpp).
//
// Stage: recorder → analyse_loop(trace) → backend.
//
// Invariants: see loop_opt.cpp (I1 what is invariant, I2 memory written by traces).
#pragma once

#include "jit/trace.h"

namespace pyjitvm::jit {

// True when Ins::a and Ins::b of `op` are Refs (false for constants, slot loads,
// virtual tuples and CALLTRACE, which use them for other data).
bool operands_are_refs(IrOp op);
// Fills t.loop.invariant.
void analyse_loop(Trace& t);
// Fills t.loop.live (dead-code elimination).
void mark_live(Trace& t);

}  // namespace pyjitvm::jit
