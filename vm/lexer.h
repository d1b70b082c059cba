// vm/lexer.h — turns Python source text into tokens the way CPython 3.11's tokenizer does.
//
// Stage: source bytes (newlines normalised, see prepare_source()) → Token vector
//        (vm/token.h) → vm/parser.
//
// The lexer runs over the whole file before parsing starts. When it meets an error it
// stops, appends one TokenKind::Error token and describes the error in `error()`. The
// parser reports that error only when it reaches the Error token, or — for "hard"
// errors, which CPython raises from inside its tokenizer — when the parser failed
// earlier in the file (CPython 3.11 re-tokenises the rest of the file after a parser
// error and lets tokenizer errors win). This reproduces CPython's error priorities.
//
// Invariants:
//   I1  The token vector always ends with EndMarker or Error — `Lexer::run()`.
//   I2  INDENT/DEDENT come in balanced pairs before EndMarker; NEWLINE is never emitted
//       inside brackets or for blank/comment-only lines — `Lexer::start_line()`.
//   I3  Error positions are CPython's (1-based character offsets, end offsets of 0 or
//       -1 where CPython reports those) — `Lexer::fail()` and its callers.
//   I4  Work is linear in the input size; no recursion — every `lex_*` method.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/syntax_error.h"
#include "vm/token.h"

namespace pyjitvm::vm {

struct LexError {
  SyntaxErrorKind kind = SyntaxErrorKind::Syntax;
  std::string msg;
  int line = 0, offset = 0, end_line = 0, end_offset = 0;  // CPython's values (I3)
  std::string text;  // the offending line (without newline); may be cut as CPython does
  bool hard = false;             // CPython raises it in the tokenizer (see header)
  bool eof_in_brackets = false;  // end of file with brackets open: "'(' was never closed"
};

struct OpenBracket {
  char ch = '(';
  uint32_t line = 0, col = 0;  // byte column
};

class Lexer {
 public:
  // `source` must outlive the lexer. `filename` only appears in the "Non-UTF-8 code"
  // message, as in CPython.
  explicit Lexer(std::string_view source, std::string_view filename = "<string>");

  // Tokenizes everything; returns false when it stopped at an error.
  bool run();

  const std::vector<Token>& tokens() const { return tokens_; }
  const LexError& error() const { return error_; }
  bool failed() const { return failed_; }
  // Brackets still open where the lexer stopped (innermost last).
  const std::vector<OpenBracket>& open_brackets() const { return brackets_; }

 private:
  bool start_line();  // indentation at the beginning of a logical line
  bool lex_one();     // one token (or one skipped stretch)
  bool lex_name_or_string();
  bool lex_string(uint32_t tok_start);
  bool lex_number();
  bool lex_radix(int radix, const char* kind);
  bool lex_decimal_tail();
  bool lex_fraction_exponent_imag(uint32_t tok_start, bool allow_fraction);
  bool verify_end_of_number(const char* kind);
  bool lex_operator();
  bool lex_bracket(char c);
  bool check_line_encoding();
  bool verify_identifier(uint32_t start, uint32_t end);

  void emit(TokenKind kind, uint32_t start, uint32_t end);
  void emit_no_position(TokenKind kind, int32_t err_offset);
  // Records an error. `hard` errors win over later parser errors (see header).
  bool fail(SyntaxErrorKind kind, std::string msg, int line, int offset, int end_offset,
            bool hard);
  // CPython's syntaxerror(tok): offset = characters from line start to `cur`.
  bool fail_at(uint32_t cur, std::string msg);
  int char_count(uint32_t from, uint32_t to) const;
  std::string current_line_text() const;
  int peek(uint32_t at) const {
    return at < src_.size() ? static_cast<unsigned char>(src_[at]) : -1;
  }

  std::string_view src_;
  std::string filename_;
  std::vector<Token> tokens_;
  LexError error_;
  bool failed_ = false;

  uint32_t pos_ = 0;
  uint32_t line_ = 1;
  uint32_t line_start_ = 0;
  uint32_t checked_line_start_ = UINT32_MAX;  // line whose encoding was checked last
  bool at_bol_ = true;
  bool line_has_tokens_ = false;  // a token was emitted on the current logical line
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<OpenBracket> brackets_;
};

// Python's tokenizer reads files in universal-newline mode: "\r\n" and lone "\r" become
// "\n". Also appends the final "\n" CPython adds to a last line that lacks one, and drops
// a leading UTF-8 byte order mark.
std::string prepare_source(std::string source);

// Byte offset → CPython character offset on `line` (decode the first `byte_offset`
// bytes, a cut sequence counting as one character; clipped at len+1).
int byte_to_char_offset(std::string_view line, int byte_offset);

// Unicode helpers shared with vm/ast (repr) and vm/parser.
bool is_printable_code_point(uint32_t cp);
bool is_identifier_start(uint32_t cp);
bool is_identifier_continue(uint32_t cp);
// Decodes one UTF-8 sequence at `s[i]`; returns its length (0 when invalid).
int decode_utf8(std::string_view s, size_t i, uint32_t& cp);
void append_utf8(std::string& out, uint32_t cp);

}  // namespace pyjitvm::vm
