// vm/parser.h — hand-written recursive-descent parser for the Python 3.11 subset.
//
// Stage: source text → vm/lexer tokens → ast::Module (vm/ast.h).
//
// Invariants:
//   I1  On success the tree is complete and every node has a span (ast.h I1); on
//       failure nothing but the SyntaxErrorInfo is meaningful.
//   I2  Error messages, lines and offsets are CPython 3.11's for the common cases
//       ("expected ':'", "invalid syntax", "unexpected indent", "unindent does not
//       match any outer indentation level", "'(' was never closed", "unterminated
//       string literal (detected at line N)", "expected an indented block after
//       'if' statement on line N", "invalid syntax. Perhaps you forgot a comma?",
//       "cannot assign to function call here. Maybe you meant '==' instead of '='?").
//   I3  No input — truncated, binary garbage, deeply nested — crashes, hangs or
//       recurses without bound: nesting deeper than kMaxNesting gives
//       "too many nested parentheses" / SyntaxError rather than a stack overflow.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "vm/ast.h"
#include "vm/syntax_error.h"

namespace pyjitvm::vm {

constexpr int kMaxNesting = 200;

struct ParseResult {
  std::unique_ptr<ast::Arena> arena;  // owns the nodes, the filename and the source
  ast::Module* module = nullptr;
};

// Parses a whole file ("exec" mode). Runs scope analysis too when `with_scopes`.
bool parse_module(std::string source, std::string filename, ParseResult& out,
                  SyntaxErrorInfo& err, bool with_scopes = true);

// For the REPL: is `source` (one or more lines typed so far) a complete statement,
// an incomplete one that needs more lines (open bracket, trailing ':' block, open
// triple-quoted string, trailing backslash), or an error?
enum class InputStatus { Complete, Incomplete, Error };
InputStatus check_interactive_input(std::string_view source);

}  // namespace pyjitvm::vm
