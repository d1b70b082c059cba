// vm/errors.h — exception objects, tracebacks and their CPython-format printing.
//
// Stage: the interpreter's unwinder records traceback entries and chains contexts;
// tools/ and the embedding API print uncaught exceptions with format_exception().
//
// Invariants:
//   I1  A traceback gets one entry per frame activation the exception passed through
//       (frame serial de-duplicates re-raises in the same frame).
//   I2  format_exception() output is byte-for-byte CPython 3.11's for the supported
//       cases: the "Traceback (most recent call last):" block with File/line/name,
//       the stripped source line and the caret line (~ and ^ anchors for binary
//       operators and subscripts), chained exceptions with "The above exception was
//       the direct cause of the following exception:" / "During handling of the
//       above exception, another exception occurred:", and the final
//       "Type: message" line (module-qualified for non-builtin, non-__main__ types).
#pragma once

#include <string>

#include "vm/vm.h"

namespace pyjitvm::vm {

void add_traceback(VM& vm, Value exc, const Frame& frame, uint32_t pc);
void chain_exception_context(VM& vm);   // pending exception gets __context__
void convert_stop_iteration(VM& vm);    // PEP 479 inside generators

// "ZeroDivisionError: division by zero" (CPython's last traceback line).
std::string exception_summary(VM& vm, Value exc);
// The whole report, as sys.excepthook prints it.
std::string format_exception(VM& vm, Value exc);
// Prints a pending SystemExit the way the interpreter does at exit and returns the
// process exit status; for other exceptions prints the traceback and returns 1.
int report_uncaught(VM& vm, Value exc);

// A SyntaxError exception object from a parse/compile error description.
Value make_syntax_error(VM& vm, const SyntaxErrorInfo& info);

// Source line `line` (1-based) of a Proto's file, without the newline; empty when
// unknown.
std::string source_line(const Proto* p, uint32_t line);

}  // namespace pyjitvm::vm
