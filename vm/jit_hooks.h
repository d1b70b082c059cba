// vm/jit_hooks.h — the narrow interface through which the interpreter talks to a JIT.
//
// Stage: vm/interp calls these; jit/ implements them (jit/jit.h attaches one to a VM).
// vm/ knows nothing else of jit/.
//
// Protocol:
//   * Loop back-edges (FORLOOP continuing, LOOP) count down a per-VM hot counter. At
//     zero the interpreter calls hot_loop(frame, loop_pc). If it returns true the
//     interpreter switches to recording: before every instruction it calls
//     record(frame, pc) until that returns false.
//   * A loop instruction whose JIT state (jit_state() below) is kJitTrace has a trace:
//     where the interpreter would jump back to the loop body it calls run_trace(), which
//     runs compiled code on the frame's registers and returns the pc to resume at.
//   * Anything that leaves the recorded code abnormally (an exception unwinding) calls
//     abort_recording() and the interpreter stops recording.
//
// Invariants:
//   I1  run_trace() never allocates on the VM heap and never runs Python code, so no
//       collection happens while compiled code holds raw pointers (ARCHITECTURE: GC).
//   I2  The JIT state of a loop lives in bits of its own instruction that the opcode
//       does not use otherwise (FORLOOP: the top two bits of x; LOOP: x), written only
//       by the JIT of the VM that owns the Proto.
#pragma once

#include <cstdint>

#include "vm/bytecode.h"

namespace pyjitvm::vm {

struct Frame;

enum JitLoopState : uint8_t {
  kJitCounting = 0,     // interpreter counts the back-edge towards hot_loop()
  kJitTrace = 1,        // run_trace() runs the loop
  kJitBlacklisted = 2,  // never recorded again
};

inline JitLoopState jit_state(const Instr& ins) {
  return static_cast<JitLoopState>(ins.op == Op::FORLOOP ? ins.xtop() : ins.x);
}
inline void set_jit_state(Instr& ins, JitLoopState s) {
  if (ins.op == Op::FORLOOP)
    ins.x = static_cast<uint8_t>((ins.x & 0x3F) | (s << 6));
  else
    ins.x = s;
}

class JitHooks {
 public:
  virtual ~JitHooks() = default;
  // The loop at loop_pc (FORLOOP or LOOP of frame f) got hot. f.pc is where execution
  // continues (the loop body for FORLOOP, the instruction after LOOP). True: start
  // recording.
  virtual bool hot_loop(Frame& f, const Instr* loop_pc) = 0;
  // Before the instruction at pc executes in recording mode (f.pc == pc + 1 is not
  // guaranteed; use pc). False: recording is over (trace finished or aborted).
  virtual bool record(Frame& f, const Instr* pc) = 0;
  // An exception is unwinding while recording.
  virtual void abort_recording(const char* why) = 0;
  // Runs the trace of the loop at loop_pc; f.pc/f.base describe the frame at the loop
  // body's entry. Returns the pc at which the interpreter resumes in frame f. When it
  // sets recording_requested, the interpreter resumes in recording mode (a side trace
  // starting at that pc) and clears the flag.
  virtual const Instr* run_trace(Frame& f, const Instr* loop_pc) = 0;
  bool recording_requested = false;
  // Back-edge count before a loop is hot: `numba` for code compiled with njit
  // semantics (kProtoNumba), else `plain`.
  uint16_t threshold_plain = 50;
  uint16_t threshold_numba = 8;
};

}  // namespace pyjitvm::vm
