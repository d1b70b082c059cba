// vm/syntax_error.cpp — prints a SyntaxError exactly as CPython 3.11 prints an uncaught one.
//
// Stage: SyntaxErrorInfo (from vm/lexer, vm/parser, vm/scope, vm/compiler) → stderr text.
//
// CPython's rules (print_exception / print_error_text in pythonrun.c), restated:
//   * `  File "<filename>", line <N>` unless the error has no line;
//   * the source line with leading spaces, tabs and form feeds removed, indented by
//     four spaces;
//   * a caret line: the offset moves left by the number of characters removed, is
//     clipped to the line length, and no caret line is printed when it ends up left of
//     the text; the number of carets is end_offset - offset (at least 1), computed
//     before those adjustments, with end_offset first clipped to len(line) + 1 and set
//     to the line length when the error spans several lines; IndentationError and
//     TabError always get a single caret;
//   * `<ExceptionClass>: <msg>`.
//
// Invariants:
//   I1  The output ends with exactly one newline — `format_syntax_error()`.
//   I2  Offsets are counted in characters (UTF-8 sequences), as Python strings are —
//       `format_syntax_error()`.
#include "vm/syntax_error.h"

#include <string_view>

namespace pyjitvm::vm {

namespace {

// Number of characters (code points) in a UTF-8 string.
int char_length(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

const char* syntax_error_class_name(SyntaxErrorKind kind) {
  switch (kind) {
    case SyntaxErrorKind::Syntax: return "SyntaxError";
    case SyntaxErrorKind::Indentation: return "IndentationError";
    case SyntaxErrorKind::Tab: return "TabError";
  }
  return "SyntaxError";
}

std::string format_syntax_error(const SyntaxErrorInfo& err) {
  std::string out;
  if (err.line > 0) {
    out += "  File \"" + err.filename + "\", line " + std::to_string(err.line) + "\n";
    std::string_view text = err.text;
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    int line_size = char_length(text) + 1;  // CPython's text keeps its newline
    int offset = err.offset;
    int end_offset = err.end_offset;
    if (err.end_line > err.line) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    int carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    if (err.kind != SyntaxErrorKind::Syntax) carets = 1;  // CPython: one caret for these
    offset -= 1;  // 1-based → 0-based
    size_t skip = 0;
    while (skip < text.size() && (text[skip] == ' ' || text[skip] == '\t' ||
                                  text[skip] == '\f')) {
      ++skip;
      --offset;
    }
    text.remove_prefix(skip);
    int len = char_length(text);
    if (offset > len) offset = len;
    out += "    ";
    out += text;
    out += '\n';
    if (offset >= 0) {
      out += "    ";
      out.append(static_cast<size_t>(offset), ' ');
      out.append(static_cast<size_t>(carets), '^');
      out += '\n';
    }
  }
  out += syntax_error_class_name(err.kind);
  out += ": ";
  out += err.msg;
  out += '\n';
  return out;
}

}  // namespace pyjitvm::vm
