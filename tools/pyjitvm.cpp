// tools/pyjitvm.cpp — the `pyjitvm` command: run a script, -c CODE, --dis, the REPL.
//
// Stage: command line → VM + stdlib → exec the main module → exit status.
//
// Invariants:
//   I1  Exit status as CPython: 0 on success, 1 on an uncaught exception (traceback on
//       stderr), the SystemExit code otherwise; SyntaxErrors are reported before any
//       code runs.
//   I2  stdout is flushed before anything goes to stderr and before exit.
//   I3  Ctrl-C sets the VM's interrupt flag (polled at loop back-edges and calls), so
//       a running loop raises KeyboardInterrupt instead of killing the process.
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "jit/jit.h"
#include "stdlib/stdlib.h"
#include "tools/repl.h"
#include "vm/compiler.h"
#include "vm/dis.h"
#include "vm/errors.h"
#include "vm/parser.h"
#include "vm/vm.h"

using namespace pyjitvm;

namespace {

// The one VM of this process, for the SIGINT handler (the library itself has no
// globals; this is the application's).
vm::VM* g_vm = nullptr;

void on_sigint(int) {
  if (g_vm) g_vm->request_interrupt();
}

const char* kUsage =
    "usage: pyjitvm [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd        program passed in as string\n"
    "  -i            inspect interactively after running the script\n"
    "  --dis         print the bytecode listing of the script instead of running it\n"
    "  --jit=on|off  the tracing JIT (default on; NUMBA_DISABLE_JIT=1 also turns it off)\n"
    "  --jit-threshold=N  loop back-edges before a loop is compiled (default 50; 8 in njit code)\n"
    "  --jit-log     one line on stderr per trace event (start, stop, abort, exits)\n"
    "  --jit-dump    print each trace's IR and machine code on stderr\n"
    "  --jit-stats   print JIT statistics on stderr at exit\n"
    "  --version     print the version and exit\n"
    "  -h, --help    print this help and exit\n"
    "file            program read from script file\n"
    "-               program read from stdin\n"
    "arg ...         arguments passed to the program in sys.argv[1:]\n";

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// sys.path[0]: the script's folder as an absolute path (CPython uses the real path).
std::string dir_of(const std::string& path) {
  char buf[PATH_MAX];
  std::string p = realpath(path.c_str(), buf) ? std::string(buf) : path;
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : p.substr(0, slash);
}

int run_source(vm::VM& vm, std::string source, const std::string& filename) {
  vm::Module* main = vm.main_module();
  vm.register_module(main);
  if (!filename.empty() && filename[0] != '<')
    vm::dict_set_str(vm.heap(), main->dict, vm.intern("__file__"), vm.str(filename));
  bool ok = vm.exec_module(std::move(source), filename, main);
  int status = 0;
  if (!ok) {
    vm::Value exc = vm.take_pending();
    vm.flush_stdout();
    status = vm::report_uncaught(vm, exc);
  }
  vm.flush_stdout();
  return status;
}

int dis_file(vm::VM& vm, std::string source, const std::string& filename) {
  vm::ParseResult parsed;
  vm::SyntaxErrorInfo err;
  if (!vm::parse_module(std::move(source), filename, parsed, err)) {
    vm.write_stderr(vm::format_syntax_error(err));
    return 1;
  }
  vm::Proto* p = vm::compile_module(vm, std::move(parsed), err);
  if (!p) {
    vm.write_stderr(vm::format_syntax_error(err));
    return 1;
  }
  vm.write_stdout(vm::disassemble(p));
  vm.flush_stdout();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string code, script;
  bool have_code = false, dis = false, interactive = false, read_stdin = false;
  jit::Options jit_options;
  jit::apply_environment(jit_options);
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    std::string jit_error;
    if (jit::parse_option(a, jit_options, jit_error)) {
      if (!jit_error.empty()) {
        std::fprintf(stderr, "pyjitvm: %s\n%s", jit_error.c_str(), kUsage);
        return 2;
      }
    } else if (a == "-c") {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "Argument expected for the -c option\n%s", kUsage);
        return 2;
      }
      code = argv[++i];
      have_code = true;
      ++i;
      break;
    } else if (a == "--dis") {
      dis = true;
    } else if (a == "-i") {
      interactive = true;
    } else if (a == "--version" || a == "-V") {
      std::printf("pyjitvm 0.1.0 (Python 3.11 language subset)\n");
      return 0;
    } else if (a == "-h" || a == "--help") {
      std::printf("%s", kUsage);
      return 0;
    } else if (a == "-") {
      read_stdin = true;
      ++i;
      break;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "Unknown option: %s\n%s", a.c_str(), kUsage);
      return 2;
    } else {
      script = a;
      ++i;
      break;
    }
  }
  std::vector<std::string> args;
  if (have_code) args.push_back("-c");
  else if (read_stdin) args.push_back("-");
  else args.push_back(script);
  for (; i < argc; ++i) args.push_back(argv[i]);

  vm::VM vm;
  g_vm = &vm;
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  vm.module_path().push_back(have_code || read_stdin || script.empty() ? "" : dir_of(script));
  stdlib::install_stdlib(vm, args);
  jit::attach(vm, jit_options);
  bool tty = isatty(0);
  if (isatty(1)) vm.set_interactive_stdout(true);

  auto run = [&]() -> int {
    if (have_code) {
      int st = run_source(vm, code, "<string>");
      return interactive ? tools::run_repl(vm) : st;
    }
    if (!script.empty() || read_stdin) {
      std::string source;
      if (read_stdin) {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        source = ss.str();
      } else if (!read_file(script, source)) {
        std::fprintf(stderr, "pyjitvm: can't open file '%s': [Errno 2] No such file or directory\n",
                     script.c_str());
        return 2;
      }
      std::string name = read_stdin ? "<stdin>" : script;
      if (dis) return dis_file(vm, std::move(source), name);
      int st = run_source(vm, std::move(source), name);
      if (interactive) return tools::run_repl(vm);
      return st;
    }
    if (!tty && !interactive) {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      return run_source(vm, ss.str(), "<stdin>");
    }
    return tools::run_repl(vm);
  };
  int status = run();
  jit::print_stats(vm);
  return status;
}
