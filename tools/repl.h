// tools/repl.h — the interactive prompt of the `pyjitvm` command (libedit line editing).
//
// Stage: terminal lines (libedit, or plain stdin when it is not a terminal) →
// classify_input() (complete? more lines? SyntaxError?) → VM::exec_interactive() in
// __main__ (expression values echoed with repr and bound to `_`) → traceback or echo.
//
// Invariants:
//   I1  An exception inside a statement prints its traceback (CPython's REPL format:
//       no source lines under `File "<stdin>"` frames) and returns to the prompt; only
//       SystemExit leaves, with its exit status — run_repl().
//   I2  EOF (Ctrl-D on an empty line) prints a newline and leaves with status 0;
//       Ctrl-C at the prompt prints "KeyboardInterrupt" and discards the pending lines;
//       Ctrl-C while code runs raises KeyboardInterrupt in that code (the caller's SIGINT
//       handler calls VM::request_interrupt(); libedit's own signal handling is off, so
//       that handler stays installed while a line is being edited) — run_repl().
//   I3  A block statement continues until an empty line; open brackets and
//       triple-quoted strings continue across empty lines; a new statement at column 0
//       after an unfinished block is a SyntaxError, as in CPython — classify_input().
//   I4  Completion never runs Python code: names come from __main__, builtins and the
//       dicts of the object a dotted name refers to, read without descriptors or
//       calls — complete_name().
//   I5  History (~/.pyjitvm_history) is loaded at start and saved at exit; a missing or
//       unwritable HOME only disables it — run_repl().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vm/syntax_error.h"
#include "vm/vm.h"

namespace pyjitvm::tools {

// Runs the prompt on `vm` until end of input or SystemExit and returns the process exit
// status. Line editing is used when stdin and stdout are both terminals; otherwise lines
// are read from stdin and prompts go to stderr (as CPython does). The banner is printed
// (to stderr) when no script or -c command ran before (sys.argv[0] == "").
int run_repl(vm::VM& vm);

// ---- building blocks, exposed for tests/unit/tools/repl_test.cpp

// What the prompt does with the lines typed so far; `buffer` ends with the newest line
// and its "\n".
enum class InputAction {
  kMore,         // show "... " and read another line
  kRun,          // compile and run (the compiler reports any SyntaxError)
  kDedentError,  // a statement at column 0 after an unfinished block (dedent_error())
};
InputAction classify_input(std::string_view buffer);

// The SyntaxError for kDedentError: "invalid syntax" under the first token of the last
// line, as CPython reports it.
vm::SyntaxErrorInfo dedent_error(std::string_view buffer);

// rlcompleter's answers for `text`, the word before the cursor: keywords (with their
// ' ' / ':' postfix), names of __main__ and builtins, or after "a.b." the attributes of
// that object; callables get a "(" postfix. Order as rlcompleter returns them.
std::vector<std::string> complete_name(vm::VM& vm, std::string_view text);

// Byte offset where the word to complete starts (readline's delimiters as CPython sets
// them: '.' is part of the word).
size_t completion_word_start(std::string_view before_cursor);

// The longest common prefix of `words` (empty for no words).
std::string common_prefix(const std::vector<std::string>& words);

// A formatted traceback without the source and caret lines of `File "<stdin>"` frames
// (CPython has no source for REPL input, so it prints none).
std::string strip_stdin_source_lines(std::string_view traceback);

}  // namespace pyjitvm::tools
