// jit/trace.h — a compiled trace: its IR, machine code and exits.
//
// Stage: jit/recorder fills `ir` and the loop facts; jit/loop_opt fills `loop`;
// jit/x64_backend fills `fn` and `exits`; jit/engine runs `fn` and restores frames.
//
// Calling convention of compiled code: `fn(base)` runs on the frame whose registers
// start at `base` and returns the ExitInfo of the exit it left by. By then every slot
// the exit's snapshot lists has been written to the frame, except virtual tuples,
// whose element payloads are in `scratch` and which the engine materialises
// (materialise_tuples) before the interpreter resumes at `pc`.
//
// Invariants:
//   I1  `exits` is sized once before code generation and never grows: compiled code
//       holds the addresses of its elements.
//   I2  A trace never writes a slot outside `writes` (the union of its snapshots, its
//       carried slots and the writes of the traces it calls) — an outer trace that
//       calls it (CALLTRACE) reloads exactly those.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "jit/ir.h"
#include "vm/value.h"

namespace pyjitvm::vm {
struct Proto;
}

namespace pyjitvm::jit {

struct Trace;

// One element of a tuple to rebuild at an exit: its payload is scratch[offset].
struct TupleRestore {
  uint32_t slot;
  uint32_t offset;               // first element in Trace::scratch
  std::vector<vm::Tag> tags;     // one per element
};

struct ExitInfo {
  uint32_t pc = 0;               // resume pc (index into proto->code); first member
  uint32_t snap = 0;             // snapshot index in trace->ir
  Trace* trace = nullptr;
  uint64_t count = 0;            // times taken (incremented by the exit stub)
  std::vector<TupleRestore> tuples;
  Trace* side = nullptr;         // side trace that continues from here (run_trace_loop)
  bool loop_back = false;        // a side trace's end: continue in trace->root
  uint8_t side_attempts = 0;     // recordings of a side trace tried from this exit
};

// Facts about the recorded loop iteration that the backend needs (jit/loop_opt.cpp).
struct LoopInfo {
  std::vector<SnapEntry> carried;  // slots written and not flushed at the iteration end
  std::vector<bool> invariant;     // per Ref: same value in every iteration (hoisted)
  std::vector<bool> live;          // per Ref: result used (dead code is not emitted)
  int32_t close_snap = -1;         // state at the back-edge (interrupt poll exit)
};

struct Trace {
  using Fn = const ExitInfo* (*)(vm::Value* base);

  uint32_t id = 0;
  Trace* root = this;              // the loop's root trace (this one unless a side trace)
  bool side = false;               // a side trace: one straight path back to the loop
  ExitInfo back_exit;              // side traces: the loop_back exit
  vm::Proto* proto = nullptr;
  uint32_t anchor_pc = 0;          // the FORLOOP / LOOP instruction
  uint32_t start_pc = 0;           // the loop body's first instruction
  IR ir;
  LoopInfo loop;
  std::vector<bool> writes;        // I2 (indexed by slot)
  bool stores_globals = false;     // has STORE_GLOBALs: global loads are not invariant
  Fn fn = nullptr;
  std::vector<ExitInfo> exits;     // I1
  std::vector<uint64_t> scratch;   // payloads of virtual tuples at exits
  size_t code_size = 0;
  std::string asm_text;            // --jit-dump only
};

// Runs trace t on the frame at base, following side traces and loop-backs, until an
// exit with no side trace (jit/trace_driver.cpp). Compiled code calls it for inner
// loops (CALLTRACE); the engine calls it for loops entered from the interpreter.
const ExitInfo* run_trace_loop(const Trace* t, vm::Value* base);

}  // namespace pyjitvm::jit
