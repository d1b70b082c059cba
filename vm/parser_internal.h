// vm/parser_internal.h — the Parser class shared by the vm/parser_*.cpp files.
//
// Stage: Token vector (vm/lexer) → ast::Module (vm/ast.h) or a SyntaxErrorInfo.
//
// The parser is recursive descent over CPython 3.11's PEG grammar, one method per
// grammar rule (named after the rule). Where CPython's second, error-reporting pass
// ("invalid_*" rules) gives a specific message, the method that would fail checks the
// same condition on the spot; everything else becomes "invalid syntax" at the furthest
// token looked at, which is the token CPython blames. Where a PEG alternative would
// fall back after a failed optional part (`a + <junk>` is `a` followed by junk), the
// method backs off the same way (`back_off()`), so that the error reported afterwards
// is the one CPython's second pass finds. The error-pass emulation was tuned against
// CPython 3.11.2 on hand-written cases and on random one-edit mutations of the stdlib
// (about 0.3% of those still get a different message).
//
// Files: parser.cpp (driver, tokens, errors, REPL check), parser_stmt.cpp (statements,
// blocks, parameters), parser_expr.cpp (expressions, atoms, calls, comprehensions),
// parser_target.cpp (assignment targets, contexts and the invalid-target messages),
// parser_fstring.cpp (string literals, concatenation, f-strings).
//
// Invariants:
//   I1  Every parse method returns nullptr exactly when `failed_` is set; the first
//       specific error recorded wins — `Parser::set_error()`.
//   I2  Speculative parses (`Speculation`) restore position, error state and the
//       furthest-token mark, so they never change what is reported, except through
//       `fetched_` (CPython also keeps the tokens its trial parses fetched) and
//       `reached_error_token_` (fetching a bad token raises in CPython) —
//       `~Speculation()`.
//   I3  Recursion is bounded: every recursive rule holds a DepthGuard and fails with a
//       SyntaxError past kMaxParseDepth — `Parser::enter()`.
//   I4  Node spans follow CPython's: start of the first token to the end of the last
//       token of the rule — `Parser::span_from()`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vm/ast.h"
#include "vm/lexer.h"
#include "vm/syntax_error.h"
#include "vm/token.h"

namespace pyjitvm::vm {

// Guard entries allowed at once (each is a handful of C++ frames).
constexpr int kMaxParseDepth = 1000;

// Where an f-string expression sits in the real source, so that the sub-parser can
// place its nodes there (see parser_fstring.cpp).
struct SourceShift {
  uint32_t line = 0;  // added to sub-source line - 1
  uint32_t col = 0;   // added to columns on the sub-source's first line
};

class Parser {
 public:
  Parser(const Lexer& lexer, std::string_view source, ast::Arena& arena);

  // "exec" input: a whole module. nullptr on error (see error()).
  ast::Module* parse_file();
  // f-string expression input "(expr)": star_expressions. nullptr on error.
  ast::Expr* parse_fstring_expr(SourceShift shift);

  const SyntaxErrorInfo& error() const { return err_; }
  // Did the parser stop at the end of the input (for the REPL's Incomplete answer)?
  bool failed_at_eof() const;

 private:
  friend struct Speculation;
  friend struct DepthGuard;

  // ---------------------------------------------------------------- tokens
  const Token& tok(int ahead = 0) {  // hot: inline
    size_t i = pos_ + static_cast<size_t>(ahead);
    if (i >= toks_.size()) i = toks_.size() - 1;
    if (i > furthest_) furthest_ = i;
    if (i > fetched_) fetched_ = i;
    if (toks_[i].kind == TokenKind::Error) reached_error_token_ = true;
    return toks_[i];
  }
  TokenKind kind(int ahead = 0) { return tok(ahead).kind; }
  bool at(TokenKind k) { return kind() == k; }
  bool accept(TokenKind k);
  const Token& take();
  const Token& last() const { return toks_[pos_ > 0 ? pos_ - 1 : 0]; }
  // The last consumed token that is not NEWLINE/INDENT/DEDENT (CPython's
  // _PyPegen_get_last_nonwhitespace_token): where a node's span ends.
  const Token& last_real() const;
  std::string_view text(const Token& t) const;
  bool at_name(std::string_view word) { return at(TokenKind::Name) && text(tok()) == word; }
  bool starts_expression(TokenKind k) const;

  // ---------------------------------------------------------------- errors
  std::nullptr_t fail();  // generic "invalid syntax", located at the furthest token
  bool reject() {         // fail() for methods that return bool
    fail();
    return false;
  }
  // PEG backtracking after a generic failure of an optional continuation (`a + <bad>`
  // is `a` followed by junk): rewinds to `pos` and clears the failure. Returns false
  // when a specific error was recorded, which must propagate.
  bool back_off(size_t pos) {
    if (has_error_) return false;
    pos_ = pos;
    failed_ = false;
    return true;
  }
  std::nullptr_t error_tokens(const Token& first, const Token& end_tok, const std::string& msg,
                              SyntaxErrorKind kind = SyntaxErrorKind::Syntax);
  std::nullptr_t error_span(const ast::Span& s, const std::string& msg,
                            SyntaxErrorKind kind = SyntaxErrorKind::Syntax);
  std::nullptr_t error_node(const ast::Node* n, const std::string& msg) {
    return error_span(n->span, msg);
  }
  std::nullptr_t error_range(const ast::Node* a, const ast::Node* b, const std::string& msg);
  std::nullptr_t error_last_token(const std::string& msg,
                                  SyntaxErrorKind kind = SyntaxErrorKind::Syntax);
  // CPython's RAISE_..._KNOWN_LOCATION at `t` (no-position tokens give offsets 0, 0).
  std::nullptr_t error_at_token(const Token& t, const std::string& msg,
                                SyntaxErrorKind kind = SyntaxErrorKind::Syntax);
  // CPython's plain RAISE_SYNTAX_ERROR at `t` (no-position tokens: where the tokenizer
  // stands, end offset -1).
  std::nullptr_t error_plain_at(const Token& t, const std::string& msg,
                                SyntaxErrorKind kind = SyntaxErrorKind::Syntax);
  void set_error(SyntaxErrorKind kind, const std::string& msg, int line, int col1,
                 int end_line, int end_col1, bool bytes);
  bool enter();  // DepthGuard
  void finish_error();
  // Records an error found during a speculation, after the speculation ended.
  std::nullptr_t adopt_error(const SyntaxErrorInfo& e);
  std::string line_text(int line) const;

  // ---------------------------------------------------------------- spans
  ast::Span span_from(const Token& first) const;
  ast::Span span_from(const ast::Node* first) const;
  static ast::Span span_join(const ast::Span& a, const ast::Span& b);
  ast::Span raw(const ast::Span& s) const;  // undoes shift_span()
  ast::Span span_between(const ast::Node* a, const ast::Node* b) const;
  template <class T>
  T* make(const ast::Span& s) {
    T* n = arena_.make<T>(s);
    shift_span(n->span);
    return n;
  }
  void shift_span(ast::Span& s) const;

  // ---------------------------------------------------------------- statements
  bool statements(ast::StmtList& out, bool until_dedent);
  bool statement(ast::StmtList& out);
  bool simple_stmts(ast::StmtList& out);
  ast::Stmt* simple_stmt();
  ast::Stmt* expression_stmt();
  ast::Stmt* finish_assignment(ast::Expr* first, const Token& first_tok, bool first_yield);
  ast::Stmt* finish_annotated(ast::Expr* target, const Token& first_tok, bool parenthesized);
  ast::Stmt* finish_augassign(ast::Expr* target, const Token& first_tok);
  ast::Stmt* import_stmt();
  ast::Stmt* import_from();
  bool dotted_name(std::string& out);
  ast::Stmt* global_or_nonlocal(bool global);
  ast::Stmt* raise_stmt();
  ast::Stmt* return_stmt();
  ast::Stmt* del_stmt();
  ast::Stmt* assert_stmt();
  ast::Stmt* compound_stmt();
  bool block(ast::StmtList& out, const Token& keyword, const char* what);
  bool expect_colon_forced();
  bool expect_colon_if_newline();
  ast::Stmt* if_stmt(bool is_elif);
  bool else_block(ast::StmtList& out);
  ast::Stmt* while_stmt();
  ast::Stmt* for_stmt(const Token* async_tok);
  ast::Stmt* with_stmt(const Token* async_tok);
  bool with_items(std::vector<ast::WithItem*>& items);
  ast::WithItem* with_item();
  ast::Stmt* try_stmt();
  ast::ExceptHandler* except_block();
  ast::Stmt* function_def(ast::ExprList decorators, const Token* async_tok,
                          const Token* first_tok);
  ast::Stmt* class_def(ast::ExprList decorators, const Token* first_tok);
  ast::Stmt* decorated();
  ast::Stmt* match_stmt();
  bool looks_like_match();
  ast::Arguments* parameters(TokenKind closer, bool lambda);
  bool star_parameter(ast::Arguments* a, TokenKind closer, bool lambda);
  std::nullptr_t tuple_parameter_error(const Token& open);
  ast::Arg* parameter(bool lambda);
  ast::Arguments* empty_arguments();

  // ---------------------------------------------------------------- expressions
  ast::Expr* star_expressions();
  ast::Expr* star_expression();
  ast::Expr* star_named_expression();
  ast::Expr* named_expression();
  ast::Expr* expression();
  ast::Expr* disjunction();
  ast::Expr* conjunction();
  ast::Expr* inversion();
  ast::Expr* comparison();
  ast::Expr* bitwise_or();
  ast::Expr* binary(int min_prec);
  ast::Expr* factor();
  ast::Expr* power();
  ast::Expr* primary();
  ast::Expr* atom();
  ast::Expr* lambdef();
  ast::Expr* yield_expr();
  ast::Expr* paren_atom();
  ast::Expr* list_atom();
  ast::Expr* brace_atom();
  ast::Expr* finish_dict(const Token& open, ast::Expr* first_key, ast::Expr* first_value);
  ast::Expr* call(ast::Expr* func);
  bool arguments(ast::Call* call);
  ast::Expr* positional_argument(ast::Call* call);
  ast::Expr* subscript(ast::Expr* value);
  ast::Expr* slice_item();
  bool comprehension_clauses(std::vector<ast::Comprehension*>& out);
  bool for_target_error(size_t target_pos);
  ast::Expr* genexp_from(const Token& open, ast::Expr* elt);
  bool check_forgot_comma(ast::Expr* a, const Token& a_first);
  bool check_invalid_named(ast::Expr* e, const Token& first);
  ast::Expr* finish_tuple(const Token& first, ast::Expr* e, bool star_ok);
  ast::Expr* target_list();
  ast::Expr* number(const Token& t);
  bool check_starred_in_comprehension(ast::Expr* elt);

  // ---------------------------------------------------------------- targets
  static const char* expr_name(const ast::Expr* e);
  enum class TargetsType { Star, Del, For };
  static const ast::Expr* invalid_target(const ast::Expr* e, TargetsType type);
  static bool set_context(ast::Expr* e, ast::Ctx ctx);
  std::nullptr_t invalid_target_error(const ast::Expr* e, TargetsType type);
  bool is_bitwise_or_kind(const ast::Expr* e, const Token& first) const;
  bool starts_with_excluded_atom(const Token& first);
  bool check_assignment_targets(const ast::ExprList& chain, const std::vector<bool>& yields,
                                const std::vector<size_t>& rhs_pos, const Token& first_tok);
  size_t token_index(const Token& t) const { return static_cast<size_t>(&t - toks_.data()); }
  const Token* token_at(const ast::Span& raw_span) const;

  // ---------------------------------------------------------------- strings
  ast::Expr* strings();
  bool decode_string_body(std::string_view body, bool raw, bool bytes, std::string& out,
                          std::string& error);
  bool parse_fstring(struct FStringState& st, std::string_view body, size_t& i,
                     uint32_t body_offset, const Token& t, bool raw, int depth,
                     ast::ExprList& parts);
  ast::Expr* fstring_field(struct FStringState& st, std::string_view body, size_t& i,
                           uint32_t body_offset, const Token& t, bool raw, int depth);
  template <class OnError>
  bool scan_fstring_expr(std::string_view body, size_t& i, OnError&& scan_error);
  ast::Expr* compile_fstring_expr(std::string_view expr, uint32_t expr_offset, const Token& t);
  ast::JoinedStr* finish_joined(ast::ExprList& parts, const ast::Span& span);

  const std::vector<Token>& toks_;
  const Lexer& lexer_;
  std::string_view src_;
  ast::Arena& arena_;
  SyntaxErrorInfo err_;

  size_t pos_ = 0;
  size_t furthest_ = 0;  // furthest token looked at outside speculation (CPython's last token)
  size_t fetched_ = 0;   // furthest token looked at ever (CPython's p->fill)
  bool failed_ = false;            // some rule failed; see I1
  bool has_error_ = false;         // err_ holds a specific message
  bool reached_error_token_ = false;
  int depth_ = 0;
  int speculating_ = 0;
  // > 0 while parsing CPython's expression_without_invalid: the error-pass checks
  // are off in the whole sub-parse (what CPython 3.11.2 reports, measured).
  int invalid_off_ = 0;
  // Set just before a dict key after the first pair: only that expression() skips its
  // own checks, nested brackets keep theirs (CPython's invalid_kvpair wins there).
  bool without_invalid_once_ = false;
  // f-string sub-parser mode: nodes are shifted into the real source; errors get the
  // "f-string: " prefix and quote the "(expr)" text, as CPython 3.11 does.
  bool fstring_mode_ = false;
  SourceShift shift_;
  ast::GeneratorExp* bare_genexp_ = nullptr;  // f(x for x in y), see call()
};

// Saves and restores the parser state around a trial parse (I2).
struct Speculation {
  explicit Speculation(Parser& p)
      : p_(p), pos_(p.pos_), furthest_(p.furthest_), failed_(p.failed_),
        has_error_(p.has_error_), err_(p.err_) {
    ++p.speculating_;
  }
  ~Speculation() {
    p_.pos_ = pos_;
    p_.furthest_ = furthest_;
    p_.failed_ = failed_;
    p_.has_error_ = has_error_;
    p_.err_ = err_;
    --p_.speculating_;
  }
  Speculation(const Speculation&) = delete;
  Speculation& operator=(const Speculation&) = delete;

 private:
  Parser& p_;
  size_t pos_, furthest_;
  bool failed_, has_error_;
  SyntaxErrorInfo err_;
};

// Bounds recursion depth (I3). `ok()` is false when the limit was hit.
struct DepthGuard {
  explicit DepthGuard(Parser& p) : p_(p), ok_(p.enter()) {}
  ~DepthGuard() { --p_.depth_; }
  bool ok() const { return ok_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  Parser& p_;
  bool ok_;
};

}  // namespace pyjitvm::vm
