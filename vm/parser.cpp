// vm/parser.cpp — parser driver: parse_module(), the REPL check, tokens, spans and errors.
//
// Stage: source text → vm/lexer → Parser (vm/parser_*.cpp) → ast::Module → vm/scope.
//
// Error priority (what CPython 3.11 reports when several things are wrong):
//   1. a tokenizer error on a token the parser fetched (the parser never gets past it);
//   2. otherwise the parser's error, specific or "invalid syntax" at the furthest token
//      it looked at ("unexpected indent" when that token is an INDENT, which then wins
//      outright) — unless the lexer later found a "hard" error (unterminated string,
//      invalid character, ...), which CPython finds by tokenizing the rest of the file
//      and lets win, or the lexer stopped (at the end of the file, or at a soft error
//      such as a bad line continuation) inside a bracket opened on an earlier line than
//      the furthest token fetched ("'(' was never closed").
//
// Invariants:
//   I1  parse_module() fills `err` completely (filename, text) whenever it returns
//       false — `parse_module()`.
//   I2  The error chosen follows the priority above — `Parser::finish_error()`.
#include "vm/parser.h"

#include <algorithm>

#include "vm/parser_internal.h"
#include "vm/scope.h"

namespace pyjitvm::vm {

Parser::Parser(const Lexer& lexer, std::string_view source, ast::Arena& arena)
    : toks_(lexer.tokens()), lexer_(lexer), src_(source), arena_(arena) {}

// ---------------------------------------------------------------- tokens

bool Parser::accept(TokenKind k) {
  if (!at(k)) return false;
  take();
  return true;
}

const Token& Parser::take() {
  const Token& t = tok();
  if (pos_ + 1 < toks_.size()) ++pos_;
  return t;
}

std::string_view Parser::text(const Token& t) const {
  return src_.substr(t.start, t.end - t.start);
}

bool Parser::starts_expression(TokenKind k) const {
  switch (k) {
    case TokenKind::Name: case TokenKind::Number: case TokenKind::String:
    case TokenKind::LPar: case TokenKind::LSqb: case TokenKind::LBrace:
    case TokenKind::Minus: case TokenKind::Plus: case TokenKind::Tilde:
    case TokenKind::KwNot: case TokenKind::KwLambda: case TokenKind::KwAwait:
    case TokenKind::KwNone: case TokenKind::KwTrue: case TokenKind::KwFalse:
    case TokenKind::Ellipsis:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------- spans

void Parser::shift_span(ast::Span& s) const {
  if (!fstring_mode_) return;
  if (s.line == 1) s.col += shift_.col;
  if (s.end_line == 1) s.end_col += shift_.col;
  s.line += shift_.line;
  s.end_line += shift_.line;
}

const Token& Parser::last_real() const {
  size_t i = pos_ > 0 ? pos_ - 1 : 0;
  while (i > 0 && (toks_[i].kind == TokenKind::Newline || toks_[i].kind == TokenKind::Indent ||
                   toks_[i].kind == TokenKind::Dedent)) {
    --i;
  }
  return toks_[i];
}

ast::Span Parser::span_from(const Token& first) const {
  const Token& end = last_real();
  return ast::Span{first.line, first.col, end.end_line, end.end_col};
}

ast::Span Parser::raw(const ast::Span& span) const {
  ast::Span s = span;
  if (fstring_mode_) {
    s.line -= shift_.line;
    s.end_line -= shift_.line;
    if (s.line == 1) s.col -= shift_.col;
    if (s.end_line == 1) s.end_col -= shift_.col;
  }
  return s;
}

ast::Span Parser::span_between(const ast::Node* a, const ast::Node* b) const {
  return span_join(raw(a->span), raw(b->span));
}

ast::Span Parser::span_from(const ast::Node* first) const {
  // `first` is already shifted; undo the shift so that make() applies it once.
  ast::Span s = raw(first->span);
  const Token& end = last_real();
  s.end_line = end.end_line;
  s.end_col = end.end_col;
  return s;
}

ast::Span Parser::span_join(const ast::Span& a, const ast::Span& b) {
  return ast::Span{a.line, a.col, b.end_line, b.end_col};
}

// ---------------------------------------------------------------- errors

std::string Parser::line_text(int line) const {
  if (line <= 0) return "";
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = src_.find('\n', start);
    if (nl == std::string_view::npos) return "";
    start = nl + 1;
  }
  size_t end = src_.find('\n', start);
  if (end == std::string_view::npos) end = src_.size();
  return std::string(src_.substr(start, end - start));
}

std::nullptr_t Parser::fail() {
  failed_ = true;
  return nullptr;
}

void Parser::set_error(SyntaxErrorKind kind, const std::string& msg, int line, int col1,
                       int end_line, int end_col1, bool bytes) {
  failed_ = true;
  if (has_error_) return;
  has_error_ = true;
  err_ = SyntaxErrorInfo{};
  err_.kind = kind;
  err_.msg = fstring_mode_ ? "f-string: " + msg : msg;
  std::string text = line_text(line);
  err_.offset = bytes ? byte_to_char_offset(text, col1) : col1;
  err_.end_offset = (bytes && end_col1 > 0) ? byte_to_char_offset(text, end_col1) : end_col1;
  err_.line = line + (fstring_mode_ ? static_cast<int>(shift_.line) : 0);
  err_.end_line = end_line + (fstring_mode_ ? static_cast<int>(shift_.line) : 0);
  err_.text = std::move(text);
}

std::nullptr_t Parser::error_tokens(const Token& first, const Token& end_tok,
                                    const std::string& msg, SyntaxErrorKind kind) {
  set_error(kind, msg, static_cast<int>(first.line), static_cast<int>(first.col) + 1,
            static_cast<int>(end_tok.end_line), static_cast<int>(end_tok.end_col) + 1, true);
  return nullptr;
}

std::nullptr_t Parser::error_span(const ast::Span& span, const std::string& msg,
                                  SyntaxErrorKind kind) {
  ast::Span s = raw(span);  // f-string errors use sub-source coordinates, as CPython's
  set_error(kind, msg, static_cast<int>(s.line), static_cast<int>(s.col) + 1,
            static_cast<int>(s.end_line), static_cast<int>(s.end_col) + 1, true);
  return nullptr;
}

std::nullptr_t Parser::error_range(const ast::Node* a, const ast::Node* b,
                                   const std::string& msg) {
  return error_span(span_join(a->span, b->span), msg);
}

std::nullptr_t Parser::adopt_error(const SyntaxErrorInfo& e) {
  failed_ = true;
  if (!has_error_) {
    has_error_ = true;
    err_ = e;
  }
  return nullptr;
}

std::nullptr_t Parser::error_at_token(const Token& t, const std::string& msg,
                                      SyntaxErrorKind kind) {
  if (t.no_position) {  // CPython: col_offset -1 + 1
    set_error(kind, msg, static_cast<int>(t.line), 0, static_cast<int>(t.line), 0, false);
    return nullptr;
  }
  return error_tokens(t, t, msg, kind);
}

std::nullptr_t Parser::error_plain_at(const Token& t, const std::string& msg,
                                      SyntaxErrorKind kind) {
  if (t.no_position) {
    set_error(kind, msg, static_cast<int>(t.line), t.err_offset, static_cast<int>(t.line), -1,
              false);
    return nullptr;
  }
  return error_tokens(t, t, msg, kind);
}

std::nullptr_t Parser::error_last_token(const std::string& msg, SyntaxErrorKind kind) {
  return error_plain_at(toks_[furthest_], msg, kind);
}

bool Parser::enter() {
  ++depth_;
  if (depth_ <= kMaxParseDepth) return true;
  error_last_token("too many nested expressions");
  return false;
}

void Parser::finish_error() {
  const LexError& lex = lexer_.error();
  auto never_closed = [&] {
    const OpenBracket& b = lexer_.open_brackets().back();
    err_ = SyntaxErrorInfo{};
    err_.msg = std::string("'") + b.ch + "' was never closed";
    err_.line = err_.end_line = static_cast<int>(b.line);
    err_.text = line_text(err_.line);
    err_.offset = byte_to_char_offset(err_.text, static_cast<int>(b.col) + 1);
    err_.end_offset = 0;
  };
  auto use_lexer_error = [&] {
    err_ = SyntaxErrorInfo{};
    err_.kind = lex.kind;
    err_.msg = lex.msg;
    err_.line = lex.line;
    err_.end_line = lex.end_line;
    err_.offset = lex.offset;
    err_.end_offset = lex.end_offset;
    err_.text = lex.text;
  };
  bool shifted = fstring_mode_;
  if (reached_error_token_) {
    if (lex.eof_in_brackets) {
      never_closed();
    } else {
      use_lexer_error();
    }
  } else {
    bool indent_error = false;
    if (!has_error_) {
      const Token& t = toks_[furthest_];
      indent_error = t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent;
      if (indent_error) {  // CPython returns before re-tokenizing in this case
        error_plain_at(t, t.kind == TokenKind::Indent ? "unexpected indent"
                                                      : "unexpected unindent",
                       SyntaxErrorKind::Indentation);
      } else {
        error_at_token(t, "invalid syntax");
      }
    }
    shifted = false;  // set_error() already applied the f-string conventions
    if (!indent_error && lexer_.failed() && lex.hard) {
      use_lexer_error();
      shifted = fstring_mode_;
    } else if (!indent_error && lexer_.failed() && !lexer_.open_brackets().empty() &&
               lexer_.open_brackets().back().line < toks_[fetched_].line) {
      never_closed();
      shifted = fstring_mode_;
    }
  }
  if (shifted) {  // a tokenizer error inside an f-string expression
    err_.line += static_cast<int>(shift_.line);
    err_.end_line += static_cast<int>(shift_.line);
  }
  has_error_ = true;
}

bool Parser::failed_at_eof() const {
  size_t eof_start = toks_.size() - 1;
  while (eof_start > 0 && toks_[eof_start - 1].kind == TokenKind::Dedent) --eof_start;
  return furthest_ >= eof_start;
}

// ---------------------------------------------------------------- entry points

ast::Module* Parser::parse_file() {
  ast::Module* m = arena_.make<ast::Module>();
  if (!statements(m->body, false) || !at(TokenKind::EndMarker)) {
    if (!failed_) fail();
    finish_error();
    return nullptr;
  }
  return m;
}

bool parse_module(std::string source, std::string filename, ParseResult& out,
                  SyntaxErrorInfo& err, bool with_scopes) {
  auto arena = std::make_unique<ast::Arena>();
  arena->filename = filename;
  arena->source = prepare_source(std::move(source));
  Lexer lexer(arena->source, arena->filename);
  lexer.run();
  Parser parser(lexer, arena->source, *arena);
  ast::Module* module = parser.parse_file();
  if (module == nullptr) {
    err = parser.error();
    err.filename = filename;
    return false;
  }
  if (with_scopes && !analyze_scopes(module, *arena, err)) {
    err.filename = filename;
    return false;
  }
  out.arena = std::move(arena);
  out.module = module;
  return true;
}

namespace {

bool is_compound_start(TokenKind k) {
  switch (k) {
    case TokenKind::KwIf: case TokenKind::KwWhile: case TokenKind::KwFor:
    case TokenKind::KwTry: case TokenKind::KwWith: case TokenKind::KwDef:
    case TokenKind::KwClass: case TokenKind::KwAsync: case TokenKind::At:
      return true;
    default:
      return false;
  }
}

}  // namespace

InputStatus check_interactive_input(std::string_view source) {
  std::string src = prepare_source(std::string(source));
  Lexer lexer(src, "<stdin>");
  if (!lexer.run()) {
    const LexError& e = lexer.error();
    if (e.eof_in_brackets || e.msg == "unexpected EOF while parsing" ||
        e.msg.rfind("unterminated triple-quoted string literal", 0) == 0) {
      return InputStatus::Incomplete;
    }
  }
  ast::Arena arena;
  Parser parser(lexer, src, arena);
  if (parser.parse_file() == nullptr) {
    if (!lexer.failed() && parser.failed_at_eof()) return InputStatus::Incomplete;
    return InputStatus::Error;
  }
  const std::vector<Token>& toks = lexer.tokens();
  bool compound = !toks.empty() && is_compound_start(toks.front().kind);
  if (!compound && !toks.empty() && toks.front().kind == TokenKind::Name &&
      src.compare(toks.front().start, 5, "match") == 0) {
    compound = toks.size() > 1 && toks[1].kind != TokenKind::Equal &&
               toks[1].kind != TokenKind::Newline && toks[1].kind != TokenKind::Dot;
  }
  if (!compound) return InputStatus::Complete;
  // A block statement ends only at an empty line, as in the interactive interpreter.
  size_t end = src.size();
  while (end > 0 && (src[end - 1] == ' ' || src[end - 1] == '\t')) --end;
  bool blank_last = end >= 2 && src[end - 1] == '\n' && src[end - 2] == '\n';
  return blank_last ? InputStatus::Complete : InputStatus::Incomplete;
}

}  // namespace pyjitvm::vm
