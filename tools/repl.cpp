// tools/repl.cpp — the interactive prompt (see tools/repl.h).
//
// Stage: line input → vm/parser check_interactive_input() → compile_module(interactive)
// → VM::exec in __main__.
//
// Invariants: repl.h I1–I2.
#include "tools/repl.h"

#include <iostream>
#include <string>

#include "vm/errors.h"
#include "vm/parser.h"

namespace pyjitvm::tools {

int run_repl(vm::VM& vm) {
  vm.set_interactive_stdout(true);
  vm.write_stdout("pyjitvm 0.1.0 (Python 3.11 language subset)\nType Ctrl-D to exit.\n");
  vm.flush_stdout();
  std::string buffer;
  for (;;) {
    vm.write_stdout(buffer.empty() ? ">>> " : "... ");
    vm.flush_stdout();
    std::string line;
    if (!std::getline(std::cin, line)) {
      vm.write_stdout("\n");
      vm.flush_stdout();
      return 0;
    }
    buffer += line;
    buffer += "\n";
    vm::InputStatus st = vm::check_interactive_input(buffer);
    if (st == vm::InputStatus::Incomplete) continue;
    std::string source;
    source.swap(buffer);
    if (!vm.exec_interactive(std::move(source), "<stdin>", vm.main_module())) {
      vm::Value exc = vm.take_pending();
      vm.flush_stdout();
      if (vm.type_of(exc)->is_subtype_of(vm.exc().SystemExit)) return vm::report_uncaught(vm, exc);
      vm::report_uncaught(vm, exc);
    }
    vm.flush_stdout();
  }
}

}  // namespace pyjitvm::tools
