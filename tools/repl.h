// tools/repl.h — the interactive prompt of the `pyjitvm` command.
//
// Stage: reads statements (multi-line blocks), compiles them in interactive mode
// (expression values are echoed with repr and bound to `_`), runs them in __main__.
//
// Invariants:
//   I1  An error inside a statement prints its traceback and returns to the prompt.
//   I2  Ctrl-D (EOF) leaves with status 0; Ctrl-C at the prompt discards the input.
#pragma once

#include "vm/vm.h"

namespace pyjitvm::tools {

int run_repl(vm::VM& vm);

}  // namespace pyjitvm::tools
