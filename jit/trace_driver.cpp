// jit/trace_driver.cpp — runs a loop's traces: the root trace, its side traces, and
// back into the root when a side trace completes an iteration.
//
// Stage: engine run_trace() / CALLTRACE in compiled code → machine code of the traces
// → the final ExitInfo (an exit without a side trace).
//
// Invariants:
//   I1  Every trace called here leaves the frame complete for the exit it returns
//       (trace.h); a side trace's loop_back exit has written every slot it changed, so
//       re-entering the root from the frame is the same as the interpreter resuming at
//       the loop body's start.
//   I2  Each iteration that goes through a side trace polls the interrupt flag in the
//       side trace (x64_backend I3), so this loop terminates when asked to.
#include "jit/trace.h"

namespace pyjitvm::jit {

const ExitInfo* run_trace_loop(const Trace* t, vm::Value* base) {
  const ExitInfo* e = t->fn(base);
  for (;;) {
    if (e->loop_back) {
      e = e->trace->root->fn(base);
    } else if (e->side) {
      e = e->side->fn(base);
    } else {
      return e;
    }
  }
}

}  // namespace pyjitvm::jit
