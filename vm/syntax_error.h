// vm/syntax_error.h — the description of a SyntaxError found before any code runs.
//
// Stage: produced by vm/lexer, vm/parser, vm/scope and vm/compiler; turned into a
// Python SyntaxError object by the VM, or printed directly by format_syntax_error().
//
// Invariants:
//   I1  `line` is 1-based; `offset` is CPython's SyntaxError.offset (1-based column
//       in characters, not bytes); `end_offset` is exclusive, 0 when unknown.
//   I2  `text` is the offending source line without its trailing newline.
//   I3  `kind` decides the exception class (SyntaxError, IndentationError, TabError).
#pragma once

#include <string>

namespace pyjitvm::vm {

enum class SyntaxErrorKind { Syntax, Indentation, Tab };

struct SyntaxErrorInfo {
  SyntaxErrorKind kind = SyntaxErrorKind::Syntax;
  std::string msg;       // e.g. "expected ':'" — CPython 3.11's wording
  std::string filename;  // as given to the parser ("x.py", "<stdin>", "<string>")
  int line = 0;
  int offset = 0;
  int end_line = 0;
  int end_offset = 0;
  std::string text;
};

const char* syntax_error_class_name(SyntaxErrorKind kind);

// Formats the error exactly as CPython 3.11 prints an uncaught SyntaxError:
//     File "x.py", line 5
//       def broken(x)
//                    ^
//   SyntaxError: expected ':'
// (two-space indent, source line stripped of leading whitespace, caret line with
// `^` from offset to end_offset). Ends with a newline.
std::string format_syntax_error(const SyntaxErrorInfo& err);

}  // namespace pyjitvm::vm
