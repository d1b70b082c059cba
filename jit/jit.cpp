// jit/jit.cpp — option parsing and attach() (the engine itself: jit/engine.*).
//
// Stage: command line / embedding options → Options → a JIT attached to the VM.
//
// Invariants:
//   I1  parse_option accepts exactly the spellings documented in jit/jit.h.
#include "jit/jit.h"

#include <cstdlib>
#include <cstring>

#include "vm/vm.h"

namespace pyjitvm::jit {

void apply_environment(Options& o) {
  const char* v = std::getenv("NUMBA_DISABLE_JIT");
  if (v && std::atoi(v) != 0) o.enabled = false;
}

bool parse_option(const std::string& arg, Options& o, std::string& error) {
  if (arg == "--jit=off" || arg == "--jit=0") {
    o.enabled = false;
  } else if (arg == "--jit=on" || arg == "--jit=1" || arg == "--jit") {
    o.enabled = true;
  } else if (arg.rfind("--jit-threshold=", 0) == 0) {
    std::string n = arg.substr(16);
    char* end = nullptr;
    long v = std::strtol(n.c_str(), &end, 10);
    if (n.empty() || *end || v < 1 || v > 30000) {
      error = "--jit-threshold expects an integer from 1 to 30000, not '" + n + "'";
      return true;
    }
    o.threshold = static_cast<int>(v);
  } else if (arg == "--jit-log") {
    o.log = true;
  } else if (arg == "--jit-dump") {
    o.dump = true;
  } else if (arg == "--jit-dump=ir") {
    o.dump = true;
    o.dump_asm = false;
  } else if (arg == "--jit-stats") {
    o.stats = true;
  } else if (arg.rfind("--jit", 0) == 0) {
    error = "unknown JIT option " + arg;
    return true;
  } else {
    return false;
  }
  return true;
}

}  // namespace pyjitvm::jit
