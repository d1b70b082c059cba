// vm/token.h — token kinds and the Token record produced by vm/lexer for vm/parser.
//
// Stage: source bytes → vm/lexer → Token stream → vm/parser.
//
// Invariants:
//   I1  Positions are CPython 3.11's token positions: 1-based lines, 0-based UTF-8 byte
//       columns, end exclusive; NEWLINE is zero-width at its '\n' — `Lexer::emit()`.
//   I2  INDENT, DEDENT and ENDMARKER carry no column of their own (CPython gives them
//       col -1); `err_offset` is what CPython reports when an error lands on them —
//       `Lexer::emit_no_position()`.
//   I3  Keywords are their own kinds; soft keywords (match, case, _) stay Name —
//       `keyword_kind()`.
#pragma once

#include <cstdint>
#include <string_view>

namespace pyjitvm::vm {

// ORDER TOKEN: token_kind_name() in vm/lexer.cpp follows this order.
enum class TokenKind : uint8_t {
  EndMarker, Name, Number, String, Newline, Indent, Dedent,
  Error,  // the lexer stopped here; Lexer::error() describes why
  // delimiters and operators
  LPar, RPar, LSqb, RSqb, LBrace, RBrace, Colon, Comma, Semi, Dot, Ellipsis, At, RArrow,
  ColonEqual, Equal,
  Plus, Minus, Star, DoubleStar, Slash, DoubleSlash, Percent, LeftShift, RightShift,
  Amper, VBar, Circumflex, Tilde,
  Less, Greater, EqEqual, NotEqual, LessEqual, GreaterEqual,
  PlusEqual, MinEqual, StarEqual, DoubleStarEqual, SlashEqual, DoubleSlashEqual,
  PercentEqual, AtEqual, AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual,
  RightShiftEqual,
  Unknown,  // a character that is no Python operator ('!', '$', '?', '`')
  // keywords
  KwFalse, KwNone, KwTrue, KwAnd, KwAs, KwAssert, KwAsync, KwAwait, KwBreak, KwClass,
  KwContinue, KwDef, KwDel, KwElif, KwElse, KwExcept, KwFinally, KwFor, KwFrom, KwGlobal,
  KwIf, KwImport, KwIn, KwIs, KwLambda, KwNonlocal, KwNot, KwOr, KwPass, KwRaise,
  KwReturn, KwTry, KwWhile, KwWith, KwYield,
};

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  uint32_t line = 0, col = 0;          // start (1-based line, 0-based byte column)
  uint32_t end_line = 0, end_col = 0;  // end (exclusive byte column)
  uint32_t start = 0, end = 0;         // byte offsets of the token text in the source
  uint16_t level = 0;      // bracket depth after this token (CPython's token->level)
  bool no_position = false;  // INDENT/DEDENT/ENDMARKER, see I2
  int32_t err_offset = 0;    // CPython's SyntaxError.offset when an error lands here (I2)
};

// Python spelling of a token kind ("'('", "NAME", "'if'") for debugging and tests.
const char* token_kind_name(TokenKind kind);

// The keyword kind for `word`, or TokenKind::Name when it is not a hard keyword.
TokenKind keyword_kind(std::string_view word);

inline bool is_keyword(TokenKind k) {
  return k >= TokenKind::KwFalse && k <= TokenKind::KwYield;
}

}  // namespace pyjitvm::vm
