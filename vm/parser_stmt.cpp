// vm/parser_stmt.cpp — statements: simple statements, compound statements and blocks.
//
// Stage: tokens → ast::Stmt nodes (expressions come from vm/parser_expr.cpp).
//
// Each method parses one rule of CPython 3.11's grammar ("statements", "if_stmt", ...).
// The compound statements reproduce CPython's two ways of reporting a missing ':' —
// forced ("expected ':'" at whatever follows: def, try, else, finally) and
// newline-only (if, elif, while, for, with, class, except) — and the
// "expected an indented block after ..." IndentationError of `block()`.
//
// Invariants:
//   I1  A compound statement's span runs from its first keyword ('async' included,
//       decorators excluded) to the end of its last body statement — `span_from()`.
//   I2  `block()` consumes NEWLINE INDENT statements DEDENT or one line of simple
//       statements, nothing else — `block()`.
#include <string>

#include "vm/parser_internal.h"

namespace pyjitvm::vm {

using ast::Span;

// ---------------------------------------------------------------- statement lists

bool Parser::statements(ast::StmtList& out, bool until_dedent) {
  while (true) {
    TokenKind k = kind();
    if (k == TokenKind::EndMarker) return !until_dedent || reject();
    if (until_dedent && k == TokenKind::Dedent) return true;
    if (!statement(out)) return false;
  }
}

bool Parser::statement(ast::StmtList& out) {
  switch (kind()) {
    case TokenKind::At: case TokenKind::KwDef: case TokenKind::KwClass:
    case TokenKind::KwIf: case TokenKind::KwWhile: case TokenKind::KwFor:
    case TokenKind::KwTry: case TokenKind::KwWith: case TokenKind::KwAsync: {
      ast::Stmt* s = compound_stmt();
      if (s == nullptr) return false;
      out.push_back(s);
      return true;
    }
    case TokenKind::Name:
      if (at_name("match") && looks_like_match()) {
        ast::Stmt* s = match_stmt();
        if (s == nullptr) return false;
        out.push_back(s);
        return true;
      }
      return simple_stmts(out);
    default:
      return simple_stmts(out);
  }
}

bool Parser::simple_stmts(ast::StmtList& out) {
  while (true) {
    ast::Stmt* s = simple_stmt();
    if (s == nullptr) return false;
    out.push_back(s);
    if (!accept(TokenKind::Semi) || at(TokenKind::Newline)) break;
  }
  if (!accept(TokenKind::Newline)) return reject();
  return true;
}

ast::Stmt* Parser::simple_stmt() {
  const Token& first = tok();
  switch (first.kind) {
    case TokenKind::KwPass:
      take();
      return make<ast::Pass>(span_from(first));
    case TokenKind::KwBreak:
      take();
      return make<ast::Break>(span_from(first));
    case TokenKind::KwContinue:
      take();
      return make<ast::Continue>(span_from(first));
    case TokenKind::KwReturn: return return_stmt();
    case TokenKind::KwImport: return import_stmt();
    case TokenKind::KwFrom: return import_from();
    case TokenKind::KwRaise: return raise_stmt();
    case TokenKind::KwDel: return del_stmt();
    case TokenKind::KwAssert: return assert_stmt();
    case TokenKind::KwGlobal: return global_or_nonlocal(true);
    case TokenKind::KwNonlocal: return global_or_nonlocal(false);
    default: return expression_stmt();
  }
}

ast::Stmt* Parser::return_stmt() {
  const Token& kw = take();
  auto* r = make<ast::Return>(Span{});
  if (starts_expression(kind()) || at(TokenKind::Star)) {
    r->value = star_expressions();
    if (r->value == nullptr) return nullptr;
  }
  r->span = span_from(kw);
  shift_span(r->span);
  return r;
}

ast::Stmt* Parser::raise_stmt() {
  const Token& kw = take();
  ast::Expr* exc = nullptr;
  ast::Expr* cause = nullptr;
  if (starts_expression(kind())) {
    exc = expression();
    if (exc == nullptr) return nullptr;
    if (accept(TokenKind::KwFrom)) {
      cause = expression();
      if (cause == nullptr) return nullptr;
    }
  }
  auto* r = make<ast::Raise>(span_from(kw));
  r->exc = exc;
  r->cause = cause;
  return r;
}

ast::Stmt* Parser::assert_stmt() {
  const Token& kw = take();
  ast::Expr* test = expression();
  if (test == nullptr) return nullptr;
  ast::Expr* msg = nullptr;
  if (accept(TokenKind::Comma)) {
    msg = expression();
    if (msg == nullptr) return nullptr;
  }
  auto* a = make<ast::Assert>(span_from(kw));
  a->test = test;
  a->msg = msg;
  return a;
}

ast::Stmt* Parser::global_or_nonlocal(bool global) {
  const Token& kw = take();
  std::vector<std::string> names;
  do {
    if (!at(TokenKind::Name)) return fail();
    names.emplace_back(text(take()));
  } while (accept(TokenKind::Comma));
  if (global) {
    auto* g = make<ast::Global>(span_from(kw));
    g->names = std::move(names);
    return g;
  }
  auto* n = make<ast::Nonlocal>(span_from(kw));
  n->names = std::move(names);
  return n;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
ast::Stmt* Parser::del_stmt() {
  const Token& kw = take();
  const Token& first = tok();
  ast::Expr* e = star_expressions();
  if (e == nullptr) return nullptr;
  if (const ast::Expr* bad = invalid_target(e, TargetsType::Del)) {
    return invalid_target_error(bad, TargetsType::Del);
  }
  auto* d = make<ast::Delete>(Span{});
  bool bare_tuple = e->is<ast::Tuple>() && !e->as<ast::Tuple>()->parenthesized &&
                    first.kind != TokenKind::LPar;
  if (bare_tuple) {
    d->targets = e->as<ast::Tuple>()->elts;
  } else {
    d->targets.push_back(e);
  }
  for (ast::Expr* t : d->targets) set_context(t, ast::Ctx::Del);
  d->span = span_from(kw);
  shift_span(d->span);
  return d;
}

// ---------------------------------------------------------------- imports

bool Parser::dotted_name(std::string& out) {
  if (!at(TokenKind::Name)) return reject();
  out = std::string(text(take()));
  while (at(TokenKind::Dot)) {
    take();
    if (!at(TokenKind::Name)) return reject();
    out += '.';
    out += text(take());
  }
  return true;
}

ast::Stmt* Parser::import_stmt() {
  const Token& kw = take();
  auto* imp = make<ast::Import>(Span{});
  do {
    const Token& first = tok();
    std::string name;
    if (!dotted_name(name)) return nullptr;
    std::string asname;
    if (accept(TokenKind::KwAs)) {
      if (!at(TokenKind::Name)) return fail();
      asname = std::string(text(take()));
    }
    auto* alias = make<ast::Alias>(span_from(first));
    alias->name = std::move(name);
    alias->asname = std::move(asname);
    imp->names.push_back(alias);
  } while (accept(TokenKind::Comma));
  imp->span = span_from(kw);
  shift_span(imp->span);
  return imp;
}

ast::Stmt* Parser::import_from() {
  const Token& kw = take();
  auto* imp = make<ast::ImportFrom>(Span{});
  while (at(TokenKind::Dot) || at(TokenKind::Ellipsis)) {
    imp->level += at(TokenKind::Dot) ? 1 : 3;
    take();
  }
  if (!at(TokenKind::KwImport) || imp->level == 0) {
    if (!dotted_name(imp->module)) return nullptr;
  }
  if (!accept(TokenKind::KwImport)) return fail();
  if (at(TokenKind::Star)) {
    const Token& star = take();
    auto* alias = make<ast::Alias>(span_from(star));
    alias->name = "*";
    imp->names.push_back(alias);
  } else {
    bool paren = accept(TokenKind::LPar);
    while (true) {
      const Token& first = tok();
      if (!at(TokenKind::Name)) return fail();
      auto* alias = make<ast::Alias>(Span{});
      alias->name = std::string(text(take()));
      if (accept(TokenKind::KwAs)) {
        if (!at(TokenKind::Name)) return fail();
        alias->asname = std::string(text(take()));
      }
      alias->span = span_from(first);
      shift_span(alias->span);
      imp->names.push_back(alias);
      if (!accept(TokenKind::Comma)) break;
      if (paren && at(TokenKind::RPar)) break;
      if (!paren && at(TokenKind::Newline)) {
        return error_last_token("trailing comma not allowed without surrounding parentheses");
      }
    }
    if (paren && !accept(TokenKind::RPar)) return fail();
  }
  imp->span = span_from(kw);
  shift_span(imp->span);
  return imp;
}

// ---------------------------------------------------------------- compound statements

ast::Stmt* Parser::compound_stmt() {
  switch (kind()) {
    case TokenKind::At: return decorated();
    case TokenKind::KwDef: return function_def({}, nullptr, nullptr);
    case TokenKind::KwClass: return class_def({}, nullptr);
    case TokenKind::KwIf: return if_stmt(false);
    case TokenKind::KwWhile: return while_stmt();
    case TokenKind::KwFor: return for_stmt(nullptr);
    case TokenKind::KwTry: return try_stmt();
    case TokenKind::KwWith: return with_stmt(nullptr);
    case TokenKind::KwAsync: {
      const Token& async_tok = take();
      if (at(TokenKind::KwDef)) return function_def({}, &async_tok, nullptr);
      if (at(TokenKind::KwFor)) return for_stmt(&async_tok);
      if (at(TokenKind::KwWith)) return with_stmt(&async_tok);
      return fail();
    }
    default: return fail();
  }
}

// ':' where CPython forces it (&&':'): anything else is "expected ':'" right there.
bool Parser::expect_colon_forced() {
  if (accept(TokenKind::Colon)) return true;
  error_at_token(tok(), "expected ':'");
  return false;
}

// ':' where CPython only reports "expected ':'" when the line ends instead.
bool Parser::expect_colon_if_newline() {
  if (accept(TokenKind::Colon)) return true;
  if (at(TokenKind::Newline)) {
    error_at_token(tok(), "expected ':'");
    return false;
  }
  fail();
  return false;
}

bool Parser::block(ast::StmtList& out, const Token& keyword, const char* what) {
  if (accept(TokenKind::Newline)) {
    if (!at(TokenKind::Indent)) {
      std::string msg = std::string("expected an indented block after ") + what + " on line " +
                        std::to_string(keyword.line + (fstring_mode_ ? shift_.line : 0));
      error_last_token(msg, SyntaxErrorKind::Indentation);
      return false;
    }
    take();
    if (!statements(out, true)) return false;
    return accept(TokenKind::Dedent) || reject();
  }
  return simple_stmts(out);
}

ast::Stmt* Parser::if_stmt(bool is_elif) {
  DepthGuard guard(*this);  // elif chains recurse
  if (!guard.ok()) return nullptr;
  const Token& kw = take();
  auto* s = make<ast::If>(Span{});
  s->test = named_expression();
  if (s->test == nullptr || !expect_colon_if_newline()) return nullptr;
  if (!block(s->body, kw, is_elif ? "'elif' statement" : "'if' statement")) return nullptr;
  if (at(TokenKind::KwElif)) {
    ast::Stmt* elif = if_stmt(true);
    if (elif == nullptr) return nullptr;
    s->orelse.push_back(elif);
  } else if (at(TokenKind::KwElse)) {
    if (!else_block(s->orelse)) return nullptr;
  }
  s->span = span_from(kw);
  shift_span(s->span);
  return s;
}

bool Parser::else_block(ast::StmtList& out) {
  const Token& kw = take();
  return expect_colon_forced() && block(out, kw, "'else' statement");
}

ast::Stmt* Parser::while_stmt() {
  const Token& kw = take();
  auto* s = make<ast::While>(Span{});
  s->test = named_expression();
  if (s->test == nullptr || !expect_colon_if_newline()) return nullptr;
  if (!block(s->body, kw, "'while' statement")) return nullptr;
  if (at(TokenKind::KwElse) && !else_block(s->orelse)) return nullptr;
  s->span = span_from(kw);
  shift_span(s->span);
  return s;
}

ast::Stmt* Parser::for_stmt(const Token* async_tok) {
  const Token& kw = take();
  const Token& first = async_tok ? *async_tok : kw;
  size_t target_pos = pos_;
  ast::Expr* target = target_list();
  if (target == nullptr || !at(TokenKind::KwIn)) {
    for_target_error(target_pos);
    return nullptr;
  }
  if (const ast::Expr* bad = invalid_target(target, TargetsType::For)) {
    return invalid_target_error(bad, TargetsType::For);
  }
  set_context(target, ast::Ctx::Store);
  take();  // 'in'
  ast::Expr* iter = star_expressions();
  if (iter == nullptr || !expect_colon_if_newline()) return nullptr;
  ast::StmtList body, orelse;
  if (!block(body, kw, "'for' statement")) return nullptr;
  if (at(TokenKind::KwElse) && !else_block(orelse)) return nullptr;
  if (async_tok != nullptr) {
    auto* s = make<ast::AsyncFor>(span_from(first));
    s->target = target, s->iter = iter, s->body = std::move(body), s->orelse = std::move(orelse);
    return s;
  }
  auto* s = make<ast::For>(span_from(first));
  s->target = target, s->iter = iter, s->body = std::move(body), s->orelse = std::move(orelse);
  return s;
}

ast::WithItem* Parser::with_item() {
  const Token& first = tok();
  ast::Expr* e = expression();
  if (e == nullptr) return nullptr;
  ast::Expr* vars = nullptr;
  if (accept(TokenKind::KwAs)) {
    const Token& star = tok();
    if (accept(TokenKind::Star)) {
      ast::Expr* inner = bitwise_or();
      if (inner == nullptr) return nullptr;
      auto* s = make<ast::Starred>(span_from(star));
      s->value = inner;
      vars = s;
    } else {
      vars = expression();
      if (vars == nullptr) return nullptr;
    }
    if (const ast::Expr* bad = invalid_target(vars, TargetsType::Star)) {
      if (at(TokenKind::Comma) || at(TokenKind::RPar) || at(TokenKind::Colon)) {
        return static_cast<ast::WithItem*>(invalid_target_error(bad, TargetsType::Star));
      }
      return fail();
    }
    set_context(vars, ast::Ctx::Store);
  }
  auto* item = make<ast::WithItem>(span_from(first));
  item->context_expr = e;
  item->optional_vars = vars;
  return item;
}

bool Parser::with_items(std::vector<ast::WithItem*>& items) {
  do {
    ast::WithItem* item = with_item();
    if (item == nullptr) return false;
    items.push_back(item);
  } while (accept(TokenKind::Comma) && !at(TokenKind::RPar));
  return true;
}

ast::Stmt* Parser::with_stmt(const Token* async_tok) {
  const Token& kw = take();
  const Token& first = async_tok ? *async_tok : kw;
  std::vector<ast::WithItem*> items;
  bool parenthesized = false;
  if (at(TokenKind::LPar)) {
    // 'with' '(' with_item, ... [','] ')' ':' — tried first, as in CPython.
    bool ok, specific;
    {
      Speculation spec(*this);
      take();
      std::vector<ast::WithItem*> trial;
      ok = with_items(trial) && accept(TokenKind::RPar) && at(TokenKind::Colon);
      specific = !ok && has_error_;
    }
    parenthesized = ok || specific;
  }
  if (parenthesized) {
    take();
    if (!with_items(items) || !accept(TokenKind::RPar)) return fail();
  } else if (!with_items(items)) {
    return nullptr;
  }
  if (!expect_colon_if_newline()) return nullptr;
  ast::StmtList body;
  if (!block(body, kw, "'with' statement")) return nullptr;
  if (async_tok != nullptr) {
    auto* s = make<ast::AsyncWith>(span_from(first));
    s->items = std::move(items), s->body = std::move(body);
    return s;
  }
  auto* s = make<ast::With>(span_from(first));
  s->items = std::move(items), s->body = std::move(body);
  return s;
}

ast::ExceptHandler* Parser::except_block() {
  const Token& kw = take();
  auto* h = make<ast::ExceptHandler>(Span{});
  if (!at(TokenKind::Colon) && !at(TokenKind::Newline)) {
    const Token& type_tok = tok();
    h->type = expression();
    if (h->type == nullptr) return nullptr;
    if (at(TokenKind::Comma)) {  // except A, B:
      SyntaxErrorInfo found;
      {
        Speculation spec(*this);
        take();
        if (star_expressions() != nullptr) {
          if (accept(TokenKind::KwAs)) accept(TokenKind::Name);
          if (at(TokenKind::Colon)) {
            // RAISE_SYNTAX_ERROR_STARTING_FROM: ends where the tokenizer stands.
            const Token& end = tok();
            found.msg = "multiple exception types must be parenthesized";
            found.line = static_cast<int>(type_tok.line);
            found.text = line_text(found.line);
            found.offset = byte_to_char_offset(found.text, static_cast<int>(type_tok.col) + 1);
            found.end_line = static_cast<int>(end.end_line);
            found.end_offset = byte_to_char_offset(found.text, static_cast<int>(end.end_col));
          }
        }
      }
      if (found.line != 0) return adopt_error(found);
    }
    if (accept(TokenKind::KwAs)) {
      if (!at(TokenKind::Name)) return fail();
      h->name = std::string(text(take()));
    }
  }
  if (!expect_colon_if_newline()) return nullptr;
  if (!block(h->body, kw, "'except' statement")) return nullptr;
  h->span = span_from(kw);
  shift_span(h->span);
  return h;
}

ast::Stmt* Parser::try_stmt() {
  const Token& kw = take();
  auto* s = make<ast::Try>(Span{});
  if (!expect_colon_forced() || !block(s->body, kw, "'try' statement")) return nullptr;
  if (!at(TokenKind::KwExcept) && !at(TokenKind::KwFinally)) {
    return error_last_token("expected 'except' or 'finally' block");
  }
  while (at(TokenKind::KwExcept)) {
    if (kind(1) == TokenKind::Star) {  // except* (TryStar) is outside the subset
      take();
      return fail();
    }
    ast::ExceptHandler* h = except_block();
    if (h == nullptr) return nullptr;
    s->handlers.push_back(h);
  }
  if (!s->handlers.empty() && at(TokenKind::KwElse) && !else_block(s->orelse)) return nullptr;
  if (at(TokenKind::KwFinally)) {
    const Token& fin = take();
    if (!expect_colon_forced() || !block(s->finalbody, fin, "'finally' statement")) {
      return nullptr;
    }
  }
  s->span = span_from(kw);
  shift_span(s->span);
  return s;
}

// ---------------------------------------------------------------- definitions

ast::Stmt* Parser::decorated() {
  ast::ExprList decorators;
  while (accept(TokenKind::At)) {
    ast::Expr* d = named_expression();
    if (d == nullptr) return nullptr;
    if (!accept(TokenKind::Newline)) return fail();
    decorators.push_back(d);
  }
  if (at(TokenKind::KwDef)) return function_def(std::move(decorators), nullptr, nullptr);
  if (at(TokenKind::KwClass)) return class_def(std::move(decorators), nullptr);
  if (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwDef) {
    const Token& async_tok = take();
    return function_def(std::move(decorators), &async_tok, nullptr);
  }
  return fail();
}

ast::Stmt* Parser::function_def(ast::ExprList decorators, const Token* async_tok,
                                const Token* first_tok) {
  (void)first_tok;
  const Token& kw = take();
  const Token& first = async_tok ? *async_tok : kw;
  if (!at(TokenKind::Name)) return fail();
  std::string name(text(take()));
  if (!at(TokenKind::LPar)) return error_at_token(tok(), "expected '('");
  take();
  ast::Arguments* args = parameters(TokenKind::RPar, false);
  if (args == nullptr) return nullptr;
  if (!accept(TokenKind::RPar)) return fail();
  ast::Expr* returns = nullptr;
  if (at(TokenKind::RArrow)) {
    const Token& arrow = tok();
    bool ok, specific;
    {
      Speculation spec(*this);
      take();
      ok = expression() != nullptr;
      specific = !ok && has_error_;
    }
    if (!ok && !specific) return error_at_token(arrow, "expected ':'");
    take();
    returns = expression();
    if (returns == nullptr) return nullptr;
  }
  if (!expect_colon_forced()) return nullptr;
  ast::StmtList body;
  if (!block(body, kw, "function definition")) return nullptr;
  if (async_tok != nullptr) {
    auto* f = make<ast::AsyncFunctionDef>(span_from(first));
    f->name = std::move(name), f->args = args, f->body = std::move(body);
    f->decorator_list = std::move(decorators), f->returns = returns;
    return f;
  }
  auto* f = make<ast::FunctionDef>(span_from(first));
  f->name = std::move(name), f->args = args, f->body = std::move(body);
  f->decorator_list = std::move(decorators), f->returns = returns;
  return f;
}

ast::Stmt* Parser::class_def(ast::ExprList decorators, const Token* first_tok) {
  (void)first_tok;
  const Token& kw = take();
  if (!at(TokenKind::Name)) return fail();
  auto* c = make<ast::ClassDef>(Span{});
  c->name = std::string(text(take()));
  if (accept(TokenKind::LPar)) {
    auto* tmp = arena_.make<ast::Call>();
    if (!at(TokenKind::RPar) && !arguments(tmp)) return nullptr;
    if (!accept(TokenKind::RPar)) return fail();
    c->bases = std::move(tmp->args);
    c->keywords = std::move(tmp->keywords);
  }
  if (!expect_colon_if_newline()) return nullptr;
  if (!block(c->body, kw, "class definition")) return nullptr;
  c->decorator_list = std::move(decorators);
  c->span = span_from(kw);
  shift_span(c->span);
  return c;
}

// ---------------------------------------------------------------- parameters

ast::Arguments* Parser::empty_arguments() { return make<ast::Arguments>(Span{}); }

ast::Arg* Parser::parameter(bool lambda) {
  const Token& name_tok = tok();
  if (!at(TokenKind::Name)) return fail();
  take();
  auto* a = make<ast::Arg>(Span{});
  a->name = std::string(text(name_tok));
  if (!lambda && accept(TokenKind::Colon)) {
    a->annotation = expression();
    if (a->annotation == nullptr) return nullptr;
  }
  a->span = span_from(name_tok);
  shift_span(a->span);
  return a;
}

// parameters / lambda_params up to (not including) `closer` (')' or ':').
ast::Arguments* Parser::parameters(TokenKind closer, bool lambda) {
  auto* a = make<ast::Arguments>(Span{});
  bool seen_slash = false, seen_star = false, seen_kwargs = false, seen_default = false;
  while (!at(closer)) {
    const Token& t = tok();
    if (seen_kwargs && (at(TokenKind::Name) || at(TokenKind::Star) ||
                        at(TokenKind::DoubleStar) || at(TokenKind::Slash))) {
      return error_tokens(t, t, "arguments cannot follow var-keyword argument");
    }
    if (at(TokenKind::Slash)) {
      if (seen_slash) return error_tokens(t, t, "/ may appear only once");
      if (seen_star) return error_tokens(t, t, "/ must be ahead of *");
      if (a->args.empty()) return error_tokens(t, t, "at least one argument must precede /");
      take();
      seen_slash = true;
      a->posonlyargs = std::move(a->args);
      a->args.clear();
    } else if (at(TokenKind::Star)) {
      if (seen_star) return error_tokens(t, t, "* argument may appear only once");
      seen_star = true;
      if (!star_parameter(a, closer, lambda)) return nullptr;
    } else if (at(TokenKind::DoubleStar)) {
      take();
      a->kwarg = parameter(lambda);
      if (a->kwarg == nullptr) return nullptr;
      if (at(TokenKind::Equal)) {
        return error_at_token(tok(), "var-keyword argument cannot have default value");
      }
      seen_kwargs = true;
    } else if (at(TokenKind::Name)) {
      ast::Arg* arg = parameter(lambda);
      if (arg == nullptr) return nullptr;
      ast::Expr* def = nullptr;
      if (at(TokenKind::Equal)) {
        const Token& eq = take();
        if (at(TokenKind::Comma) || at(closer)) {
          return error_tokens(eq, eq, "expected default value expression");
        }
        def = expression();
        if (def == nullptr) return nullptr;
      }
      if (seen_star) {
        a->kwonlyargs.push_back(arg);
        a->kw_defaults.push_back(def);
      } else {
        if (def != nullptr) {
          seen_default = true;
          a->defaults.push_back(def);
        } else if (seen_default && (at(TokenKind::Comma) || at(closer))) {
          return error_node(arg, "non-default argument follows default argument");
        }
        a->args.push_back(arg);
      }
    } else if (at(TokenKind::LPar) && !lambda) {
      return tuple_parameter_error(t);
    } else {
      return fail();
    }
    if (!accept(TokenKind::Comma)) break;
  }
  return a;
}

// `*args` or a bare `*` (pos_ at the '*').
bool Parser::star_parameter(ast::Arguments* a, TokenKind closer, bool lambda) {
  const Token& star = take();
  if (at(TokenKind::Name)) {
    a->vararg = parameter(lambda);
    if (a->vararg == nullptr) return false;
    if (at(TokenKind::Equal)) {
      error_at_token(tok(), "var-positional argument cannot have default value");
      return false;
    }
  } else if (at(closer) || (at(TokenKind::Comma) &&
                            (kind(1) == closer || kind(1) == TokenKind::DoubleStar))) {
    // def: at the '*'; lambda: CPython's plain RAISE_SYNTAX_ERROR (last token)
    if (lambda) {
      error_last_token("named arguments must follow bare *");
    } else {
      error_tokens(star, star, "named arguments must follow bare *");
    }
    return false;
  }
  return true;
}

// def f(a, (b, c)): a Python 2 tuple parameter gets its own message; anything else
// starting with '(' is plain invalid syntax.
std::nullptr_t Parser::tuple_parameter_error(const Token& open) {
  SyntaxErrorInfo found;
  {
    Speculation spec(*this);
    take();
    bool names = at(TokenKind::Name);
    while (names && accept(TokenKind::Name)) {
      if (!accept(TokenKind::Comma)) break;
    }
    if (names && at(TokenKind::RPar)) {
      error_tokens(open, tok(), "Function parameters cannot be parenthesized");
      found = err_;
    }
  }
  if (found.line != 0) return adopt_error(found);
  return fail();
}

// ---------------------------------------------------------------- match (rejected later)

// `match` is a soft keyword: it starts a match statement only when
// "match" subject ':' NEWLINE follows.
bool Parser::looks_like_match() {
  Speculation spec(*this);
  take();
  if (!starts_expression(kind()) && !at(TokenKind::Star)) return false;
  ast::Expr* subject = star_named_expression();
  if (subject == nullptr) return false;
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::Colon)) break;
    if (star_named_expression() == nullptr) return false;
  }
  return at(TokenKind::Colon) && kind(1) == TokenKind::Newline;
}

// Parses `match subject:` and skips the case blocks; the compiler reports the match
// statement as unsupported.
ast::Stmt* Parser::match_stmt() {
  const Token& kw = take();
  const Token& subject_tok = tok();
  ast::Expr* subject = star_named_expression();
  if (subject == nullptr) return nullptr;
  if (at(TokenKind::Comma)) subject = finish_tuple(subject_tok, subject, true);
  if (subject == nullptr) return nullptr;
  if (!accept(TokenKind::Colon) || !accept(TokenKind::Newline)) return fail();
  if (!at(TokenKind::Indent)) {
    std::string msg = "expected an indented block after 'match' statement on line " +
                      std::to_string(kw.line);
    return error_last_token(msg, SyntaxErrorKind::Indentation);
  }
  take();
  int depth = 1;
  while (depth > 0) {
    TokenKind k = kind();
    if (k == TokenKind::EndMarker || k == TokenKind::Error) return fail();
    if (k == TokenKind::Indent) ++depth;
    if (k == TokenKind::Dedent && --depth == 0) break;
    take();
  }
  auto* m = make<ast::Match>(span_from(kw));
  m->subject = subject;
  take();  // the closing DEDENT
  return m;
}

}  // namespace pyjitvm::vm
