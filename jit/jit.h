// jit/jit.h — attaching the tracing JIT to a VM, and its user-visible options.
//
// Stage: tools/pyjitvm and the embedding API call attach() after creating a VM; from
// then on hot loops of that VM are recorded and compiled (jit/README.md).
//
// Invariants:
//   I1  All JIT state (traces, counters, statistics) belongs to the VM it is attached
//       to; nothing is global, so several VMs with JITs can share a process.
//   I2  With the JIT attached or not, a program prints the same thing (the JIT's
//       correctness rule); options only change speed and diagnostics.
#pragma once

#include <cstdint>
#include <string>

namespace pyjitvm::vm {
class VM;
}

namespace pyjitvm::jit {

struct Options {
  bool enabled = true;          // --jit=off / NUMBA_DISABLE_JIT=1 turn it off
  int threshold = -1;           // --jit-threshold=N; -1: defaults (50, 8 in njit code)
  bool log = false;             // --jit-log: one stderr line per trace event
  bool dump = false;            // --jit-dump: each trace's IR and machine code
  bool dump_asm = true;         // --jit-dump=ir: the IR only (golden tests)
  bool stats = false;           // --jit-stats: summary at exit
};

// Options from the environment: NUMBA_DISABLE_JIT=1 disables the JIT.
void apply_environment(Options& o);
// Parses one command-line option (--jit=on|off, --jit-threshold=N, --jit-log,
// --jit-dump, --jit-stats). False if `arg` is not a JIT option; `error` is set when
// it is one but malformed.
bool parse_option(const std::string& arg, Options& o, std::string& error);

// Attaches a JIT with these options to the VM (nothing when !o.enabled).
void attach(vm::VM& vm, const Options& o);
// The --jit-stats summary (traces, aborts, exits, compile time) on the VM's stderr;
// nothing when the option is off or no JIT is attached.
void print_stats(vm::VM& vm);

}  // namespace pyjitvm::jit
