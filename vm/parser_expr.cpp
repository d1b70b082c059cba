// vm/parser_expr.cpp — expressions: operators, atoms, calls, subscripts, displays,
// comprehensions, lambda and yield.
//
// Stage: tokens → ast::Expr nodes, for vm/parser_stmt.cpp and f-string fields.
//
// Binary operators use precedence climbing (one method for the six left-associative
// levels from '|' to '*'), which keeps the C++ recursion per nesting level small.
// The checks CPython runs in its error pass sit where this parser notices the problem:
// two expressions side by side (`check_forgot_comma`: "Perhaps you forgot a comma?",
// "Missing parentheses in call to 'print'"), '=' after a named expression
// (`check_invalid_named`), and the argument-list rules of `arguments()`.
//
// Invariants:
//   I1  A node's span starts at the first token of its rule (so `(a) + b` starts at '(')
//       and ends at the last token consumed — every `span_from(first)`.
//   I2  Every recursive path holds a DepthGuard (parser_internal.h I3): expression,
//       inversion, factor, power's exponent, atom brackets, lambda; loops that nest the
//       tree to the left (binary operators, attribute/call/subscript chains) count
//       against the same limit, so later tree walks cannot overflow the stack either.
#include <charconv>
#include <cstdlib>
#include <string>

#include "vm/parser_internal.h"

namespace pyjitvm::vm {

using ast::Span;

namespace {

struct BinOpInfo {
  TokenKind tok;
  ast::BinOpKind op;
  int prec;
};
constexpr BinOpInfo kBinOps[] = {
    {TokenKind::VBar, ast::BinOpKind::BitOr, 0},
    {TokenKind::Circumflex, ast::BinOpKind::BitXor, 1},
    {TokenKind::Amper, ast::BinOpKind::BitAnd, 2},
    {TokenKind::LeftShift, ast::BinOpKind::LShift, 3},
    {TokenKind::RightShift, ast::BinOpKind::RShift, 3},
    {TokenKind::Plus, ast::BinOpKind::Add, 4},
    {TokenKind::Minus, ast::BinOpKind::Sub, 4},
    {TokenKind::Star, ast::BinOpKind::Mult, 5},
    {TokenKind::Slash, ast::BinOpKind::Div, 5},
    {TokenKind::DoubleSlash, ast::BinOpKind::FloorDiv, 5},
    {TokenKind::Percent, ast::BinOpKind::Mod, 5},
    {TokenKind::At, ast::BinOpKind::MatMult, 5},
};

const BinOpInfo* binop_info(TokenKind k) {
  for (const BinOpInfo& b : kBinOps) {
    if (b.tok == k) return &b;
  }
  return nullptr;
}

// CPython 3.11.2 compares soft keywords by the length of the NAME, so any non-empty
// prefix of "match", "case" or "_" counts (this decides "Perhaps you forgot a comma?").
bool is_soft_keyword_prefix(std::string_view name) {
  auto prefix_of = [&](std::string_view kw) {
    return !name.empty() && name.size() <= kw.size() && kw.substr(0, name.size()) == name;
  };
  return prefix_of("match") || prefix_of("case") || prefix_of("_");
}

// Multiplies the little-endian decimal digit vector by `base` and adds `add`.
void decimal_mul_add(std::vector<uint8_t>& digits, int base, int add) {
  int carry = add;
  for (uint8_t& d : digits) {
    int v = d * base + carry;
    d = static_cast<uint8_t>(v % 10);
    carry = v / 10;
  }
  while (carry > 0) {
    digits.push_back(static_cast<uint8_t>(carry % 10));
    carry /= 10;
  }
}

double parse_double(const std::string& s) {
  double v = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  if (res.ec == std::errc()) return v;
  return std::strtod(s.c_str(), nullptr);  // denormals, overflow to inf, underflow to 0
}

}  // namespace

// ---------------------------------------------------------------- tuples and stars

ast::Expr* Parser::star_expressions() {
  const Token& first = tok();
  ast::Expr* e = star_expression();
  if (e == nullptr) return nullptr;
  if (at(TokenKind::Comma)) return finish_tuple(first, e, true);
  return e;
}

ast::Expr* Parser::finish_tuple(const Token& first, ast::Expr* e, bool star_ok) {
  auto* t = make<ast::Tuple>(Span{});
  t->elts.push_back(e);
  while (accept(TokenKind::Comma)) {
    if (!starts_expression(kind()) && !(star_ok && at(TokenKind::Star))) break;
    size_t before = pos_;
    ast::Expr* next = star_ok ? star_expression() : expression();
    if (next == nullptr) {  // `a, <bad>`: the tuple ends at the comma (PEG)
      if (!back_off(before)) return nullptr;
      break;
    }
    t->elts.push_back(next);
  }
  t->span = span_from(first);
  shift_span(t->span);
  return t;
}

ast::Expr* Parser::star_expression() {
  if (!at(TokenKind::Star)) return expression();
  const Token& star = take();
  ast::Expr* v = bitwise_or();
  if (v == nullptr) return nullptr;
  auto* s = make<ast::Starred>(span_from(star));
  s->value = v;
  return s;
}

ast::Expr* Parser::star_named_expression() {
  if (!at(TokenKind::Star)) return named_expression();
  const Token& star = take();
  ast::Expr* v = bitwise_or();
  if (v == nullptr) return nullptr;
  auto* s = make<ast::Starred>(span_from(star));
  s->value = v;
  return s;
}

// Elements of a `for` target: star_targets, parsed at bitwise_or level so that 'in'
// stays for the for statement.
ast::Expr* Parser::target_list() {
  const Token& first = tok();
  auto element = [this]() -> ast::Expr* {
    if (!at(TokenKind::Star)) return bitwise_or();
    const Token& star = take();
    ast::Expr* v = bitwise_or();
    if (v == nullptr) return nullptr;
    auto* s = make<ast::Starred>(span_from(star));
    s->value = v;
    return s;
  };
  ast::Expr* e = element();
  if (e == nullptr || !at(TokenKind::Comma)) return e;
  auto* t = make<ast::Tuple>(Span{});
  t->elts.push_back(e);
  while (accept(TokenKind::Comma)) {
    if (!starts_expression(kind()) && !at(TokenKind::Star)) break;
    ast::Expr* next = element();
    if (next == nullptr) return nullptr;
    t->elts.push_back(next);
  }
  t->span = span_from(first);
  shift_span(t->span);
  return t;
}

// ---------------------------------------------------------------- named expressions

ast::Expr* Parser::named_expression() {
  const Token& first = tok();
  if (at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual) {
    take();
    auto* target = make<ast::Name>(span_from(first));
    target->id = std::string(text(first));
    target->ctx = ast::Ctx::Store;
    take();
    ast::Expr* value = expression();
    if (value == nullptr) return nullptr;
    auto* n = make<ast::NamedExpr>(span_from(first));
    n->target = target;
    n->value = value;
    return n;
  }
  ast::Expr* e = expression();
  if (e == nullptr) return nullptr;
  if (at(TokenKind::ColonEqual)) {  // a=expression ':=' expression
    bool rhs_ok;
    {
      Speculation spec(*this);
      take();
      rhs_ok = expression() != nullptr;
    }
    if (rhs_ok) {
      return error_node(e, std::string("cannot use assignment expressions with ") +
                               expr_name(e));
    }
  } else if (at(TokenKind::Equal) && invalid_off_ == 0) {
    check_invalid_named(e, first);
    if (has_error_) return nullptr;
  }
  return e;
}

// invalid_named_expression: `e = b` where only `e == b` or `e := b` makes sense.
bool Parser::check_invalid_named(ast::Expr* e, const Token& first) {
  bool single_name = e->is<ast::Name>() && first.kind == TokenKind::Name && &last() == &first;
  bool other = !single_name && is_bitwise_or_kind(e, first) && !starts_with_excluded_atom(first);
  if (!single_name && !other) return false;
  Span rhs{};
  bool ok;
  {
    Speculation spec(*this);
    take();
    ast::Expr* b = bitwise_or();
    ok = b != nullptr && !at(TokenKind::Equal) && !at(TokenKind::ColonEqual);
    if (ok) rhs = b->span;
  }
  if (!ok) return false;
  if (single_name) {
    error_span(span_join(e->span, rhs),
               "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  } else {
    error_node(e, std::string("cannot assign to ") + expr_name(e) +
                      " here. Maybe you meant '==' instead of '='?");
  }
  return true;
}

// ---------------------------------------------------------------- expression

ast::Expr* Parser::expression() {
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  bool error_rules = !without_invalid_once_ && invalid_off_ == 0;
  without_invalid_once_ = false;
  if (at(TokenKind::KwLambda)) return lambdef();
  const Token& first = tok();
  ast::Expr* a = disjunction();
  if (a == nullptr) return nullptr;
  if (at(TokenKind::KwIf)) {
    size_t before_if = pos_;
    take();
    ast::Expr* test = disjunction();
    if (test != nullptr && accept(TokenKind::KwElse)) {
      ast::Expr* orelse = expression();
      if (orelse == nullptr) return nullptr;
      auto* e = make<ast::IfExp>(span_from(first));
      e->test = test, e->body = a, e->orelse = orelse;
      return e;
    }
    if (test != nullptr && !at(TokenKind::Colon) && error_rules) {
      return error_range(a, test, "expected 'else' after 'if' expression");
    }
    if (has_error_) return nullptr;
    // PEG: the conditional alternative failed; `expression` falls back to the plain
    // disjunction and the caller fails on the 'if' (CPython's choice of message).
    pos_ = before_if;
    failed_ = false;
    return a;
  }
  if (error_rules && starts_expression(kind()) && !check_forgot_comma(a, first)) {
    return nullptr;
  }
  return a;
}

// Two expressions side by side: CPython's invalid_expression / invalid_legacy_expression.
// Returns false when it recorded an error.
bool Parser::check_forgot_comma(ast::Expr* a, const Token& a_first) {
  size_t first_idx = static_cast<size_t>(&a_first - toks_.data());
  bool legacy = a->is<ast::Name>() && (a->as<ast::Name>()->id == "print" ||
                                       a->as<ast::Name>()->id == "exec");
  bool skip = a_first.kind == TokenKind::Name &&
              ((first_idx + 1 < toks_.size() && toks_[first_idx + 1].kind == TokenKind::String) ||
               is_soft_keyword_prefix(text(a_first)));
  if (!skip && !legacy) {
    Span b_span{};
    bool ok;
    SyntaxErrorInfo inner;
    {
      Speculation spec(*this);
      ++invalid_off_;  // b=expression_without_invalid
      ast::Expr* b = expression();
      --invalid_off_;
      ok = b != nullptr && last().level > 0;
      if (ok) b_span = b->span;
      if (b == nullptr && has_error_) inner = err_;  // a nested rule raised: it wins
    }
    if (!inner.msg.empty()) {
      adopt_error(inner);
      return false;
    }
    if (ok) {
      error_span(span_join(a->span, b_span), "invalid syntax. Perhaps you forgot a comma?");
      return false;
    }
  }
  // invalid_legacy_expression: NAME !'(' star_expressions, parsed with the error rules
  // on (an error inside wins); the message itself is only for print and exec.
  if (a_first.kind == TokenKind::Name && &last() == &a_first && !at(TokenKind::LPar)) {
    Span b_span{};
    bool ok;
    SyntaxErrorInfo inner;
    {
      Speculation spec(*this);
      ast::Expr* b = star_expressions();
      ok = b != nullptr;
      if (ok) b_span = b->span;
      if (!ok && has_error_) inner = err_;
    }
    if (!inner.msg.empty()) {
      adopt_error(inner);
      return false;
    }
    if (ok && legacy) {
      const std::string& name = a->as<ast::Name>()->id;
      error_span(span_join(a->span, b_span), "Missing parentheses in call to '" + name +
                                                 "'. Did you mean " + name + "(...)?");
      return false;
    }
  }
  return true;
}

ast::Expr* Parser::disjunction() {
  const Token& first = tok();
  ast::Expr* a = conjunction();
  if (a == nullptr || !at(TokenKind::KwOr)) return a;
  auto* b = make<ast::BoolOp>(Span{});
  b->op = ast::BoolOpKind::Or;
  b->values.push_back(a);
  while (at(TokenKind::KwOr)) {
    size_t before_op = pos_;
    take();
    ast::Expr* v = conjunction();
    if (v == nullptr) {
      if (!back_off(before_op)) return nullptr;
      break;
    }
    b->values.push_back(v);
  }
  if (b->values.size() == 1) return a;
  b->span = span_from(first);
  shift_span(b->span);
  return b;
}

ast::Expr* Parser::conjunction() {
  const Token& first = tok();
  ast::Expr* a = inversion();
  if (a == nullptr || !at(TokenKind::KwAnd)) return a;
  auto* b = make<ast::BoolOp>(Span{});
  b->op = ast::BoolOpKind::And;
  b->values.push_back(a);
  while (at(TokenKind::KwAnd)) {
    size_t before_op = pos_;
    take();
    ast::Expr* v = inversion();
    if (v == nullptr) {
      if (!back_off(before_op)) return nullptr;
      break;
    }
    b->values.push_back(v);
  }
  if (b->values.size() == 1) return a;
  b->span = span_from(first);
  shift_span(b->span);
  return b;
}

ast::Expr* Parser::inversion() {
  if (!at(TokenKind::KwNot)) return comparison();
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  const Token& kw = take();
  ast::Expr* v = inversion();
  if (v == nullptr) return nullptr;
  auto* u = make<ast::UnaryOp>(span_from(kw));
  u->op = ast::UnaryOpKind::Not;
  u->operand = v;
  return u;
}

ast::Expr* Parser::comparison() {
  const Token& first = tok();
  ast::Expr* left = bitwise_or();
  if (left == nullptr) return nullptr;
  ast::Compare* cmp = nullptr;
  while (true) {
    ast::CmpOpKind op;
    switch (kind()) {
      case TokenKind::EqEqual: op = ast::CmpOpKind::Eq; break;
      case TokenKind::NotEqual: op = ast::CmpOpKind::NotEq; break;
      case TokenKind::Less: op = ast::CmpOpKind::Lt; break;
      case TokenKind::LessEqual: op = ast::CmpOpKind::LtE; break;
      case TokenKind::Greater: op = ast::CmpOpKind::Gt; break;
      case TokenKind::GreaterEqual: op = ast::CmpOpKind::GtE; break;
      case TokenKind::KwIn: op = ast::CmpOpKind::In; break;
      case TokenKind::KwIs:
        op = kind(1) == TokenKind::KwNot ? ast::CmpOpKind::IsNot : ast::CmpOpKind::Is;
        break;
      case TokenKind::KwNot:
        if (kind(1) != TokenKind::KwIn) return cmp ? cmp : left;
        op = ast::CmpOpKind::NotIn;
        break;
      default:
        if (cmp != nullptr) {
          cmp->span = span_from(first);
          shift_span(cmp->span);
          return cmp;
        }
        return left;
    }
    size_t before_op = pos_;
    take();
    if (op == ast::CmpOpKind::IsNot || op == ast::CmpOpKind::NotIn) take();
    ast::Expr* right = bitwise_or();
    if (right == nullptr) return back_off(before_op) ? (cmp ? cmp : left) : nullptr;
    if (cmp == nullptr) {
      cmp = make<ast::Compare>(Span{});
      cmp->left = left;
    }
    cmp->ops.push_back(op);
    cmp->comparators.push_back(right);
    cmp->span = span_from(first);
    shift_span(cmp->span);
  }
}

ast::Expr* Parser::bitwise_or() { return binary(0); }

ast::Expr* Parser::binary(int min_prec) {
  const Token& first = tok();
  ast::Expr* left = factor();
  if (left == nullptr) return nullptr;
  int chain = 0;  // left-nested BinOps deepen the tree without C++ recursion (I2)
  while (const BinOpInfo* info = binop_info(kind())) {
    if (info->prec < min_prec) break;
    if (++chain + depth_ > kMaxParseDepth) return error_last_token("too many nested expressions");
    size_t before_op = pos_;
    take();
    ast::Expr* right = binary(info->prec + 1);
    if (right == nullptr) return back_off(before_op) ? left : nullptr;
    auto* b = make<ast::BinOp>(span_from(first));
    b->left = left, b->op = info->op, b->right = right;
    left = b;
  }
  return left;
}

ast::Expr* Parser::factor() {
  ast::UnaryOpKind op;
  switch (kind()) {
    case TokenKind::Plus: op = ast::UnaryOpKind::UAdd; break;
    case TokenKind::Minus: op = ast::UnaryOpKind::USub; break;
    case TokenKind::Tilde: op = ast::UnaryOpKind::Invert; break;
    default: return power();
  }
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  const Token& t = take();
  ast::Expr* v = factor();
  if (v == nullptr) return nullptr;
  auto* u = make<ast::UnaryOp>(span_from(t));
  u->op = op;
  u->operand = v;
  return u;
}

ast::Expr* Parser::power() {
  const Token& first = tok();
  ast::Expr* base;
  if (at(TokenKind::KwAwait)) {
    take();
    ast::Expr* v = primary();
    if (v == nullptr) return nullptr;
    auto* a = make<ast::Await>(span_from(first));
    a->value = v;
    base = a;
  } else {
    base = primary();
    if (base == nullptr) return nullptr;
  }
  if (!at(TokenKind::DoubleStar)) return base;
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  size_t before_op = pos_;
  take();
  ast::Expr* exp = factor();
  if (exp == nullptr) return back_off(before_op) ? base : nullptr;
  auto* b = make<ast::BinOp>(span_from(first));
  b->left = base, b->op = ast::BinOpKind::Pow, b->right = exp;
  return b;
}

ast::Expr* Parser::primary() {
  const Token& first = tok();
  ast::Expr* e = atom();
  int chain = 0;  // a.b.c... and f()()...: tree depth without C++ recursion (I2)
  while (e != nullptr) {
    if ((at(TokenKind::Dot) || at(TokenKind::LPar) || at(TokenKind::LSqb)) &&
        ++chain + depth_ > kMaxParseDepth) {
      return error_last_token("too many nested expressions");
    }
    size_t before_trailer = pos_;
    if (at(TokenKind::Dot)) {
      take();
      if (!at(TokenKind::Name)) {
        fail();
        return back_off(before_trailer) ? e : nullptr;
      }
      const Token& name = take();
      auto* a = make<ast::Attribute>(span_from(first));
      a->value = e;
      a->attr = std::string(text(name));
      e = a;
    } else if (at(TokenKind::LPar)) {
      ast::Expr* c = call(e);
      if (c == nullptr) return back_off(before_trailer) ? e : nullptr;
      c->span = span_from(first);
      shift_span(c->span);
      e = c;
    } else if (at(TokenKind::LSqb)) {
      ast::Expr* s = subscript(e);
      if (s == nullptr) return back_off(before_trailer) ? e : nullptr;
      s->span = span_from(first);
      shift_span(s->span);
      e = s;
    } else {
      break;
    }
  }
  return e;
}

// ---------------------------------------------------------------- calls and subscripts

ast::Expr* Parser::call(ast::Expr* func) {
  const Token& open = take();
  auto* c = make<ast::Call>(Span{});
  c->func = func;
  if (!at(TokenKind::RPar) && !arguments(c)) return nullptr;
  if (!accept(TokenKind::RPar)) return fail();
  // f(x for x in y): the generator expression takes the call's parentheses.
  if (bare_genexp_ != nullptr) {
    bare_genexp_->span = span_from(open);
    shift_span(bare_genexp_->span);
    bare_genexp_ = nullptr;
  }
  return c;
}

bool Parser::arguments(ast::Call* call) {
  bool seen_keyword = false, seen_double_star = false;
  const char* positional_error = nullptr;
  const Token& args_first = tok();
  // CPython's invalid_arguments `args ',' args` reports a positional argument after a
  // keyword as soon as it parsed one, even when a later argument is broken.
  auto failed = [&]() {
    if (positional_error != nullptr && !has_error_) error_last_token(positional_error);
    return false;
  };
  while (true) {
    const Token& t = tok();
    if (at(TokenKind::Star)) {
      if (seen_double_star) {
        Span s = raw(call->keywords.empty() ? call->args.back()->span
                                            : call->keywords.back()->span);
        s.line = args_first.line, s.col = args_first.col;
        shift_span(s);
        error_span(s, "iterable argument unpacking follows keyword argument unpacking");
        return false;
      }
      take();
      ast::Expr* v = expression();
      if (v == nullptr) return failed();
      auto* s = make<ast::Starred>(span_from(t));
      s->value = v;
      if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwFor)) {
        error_node(s, "iterable unpacking cannot be used in comprehension");
        return false;
      }
      call->args.push_back(s);
    } else if (at(TokenKind::DoubleStar)) {
      take();
      ast::Expr* v = expression();
      if (v == nullptr) return failed();
      auto* k = make<ast::Keyword>(span_from(t));
      k->value = v;
      call->keywords.push_back(k);
      seen_double_star = true;
    } else if (at(TokenKind::Name) && kind(1) == TokenKind::Equal) {
      take();
      const Token& eq = take();
      ast::Expr* v = expression();
      if (v == nullptr) return failed();
      if (at(TokenKind::KwFor)) {
        error_tokens(t, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return false;
      }
      auto* k = make<ast::Keyword>(span_from(t));
      k->arg = std::string(text(t));
      k->value = v;
      call->keywords.push_back(k);
      seen_keyword = true;
    } else if ((at(TokenKind::KwTrue) || at(TokenKind::KwFalse) || at(TokenKind::KwNone)) &&
               kind(1) == TokenKind::Equal) {
      error_tokens(t, tok(1), "cannot assign to " + std::string(text(t)));
      return false;
    } else {
      ast::Expr* e = positional_argument(call);
      if (e == nullptr) return failed();
      if (seen_keyword || seen_double_star) {
        positional_error = seen_double_star
                               ? "positional argument follows keyword argument unpacking"
                               : "positional argument follows keyword argument";
      }
      call->args.push_back(e);
    }
    if (!accept(TokenKind::Comma) || at(TokenKind::RPar)) break;
  }
  if (positional_error != nullptr) {
    tok();  // CPython blames the token after the argument list
    error_last_token(positional_error);
    return false;
  }
  return true;
}

// One positional argument: (assignment_expression | expression !':=') !'=', or the
// generator expression of f(x for x in y).
ast::Expr* Parser::positional_argument(ast::Call* call) {
  const Token& t = tok();
  ast::Expr* e;
  if (at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual) {
    e = named_expression();
  } else {  // no invalid_named_expression here: invalid_kwarg below has the message
    e = expression();
    if (e != nullptr && at(TokenKind::ColonEqual)) return fail();
  }
  if (e == nullptr) return nullptr;
  if (at(TokenKind::Equal)) {
    return error_tokens(t, tok(),
                        "expression cannot contain assignment, perhaps you meant \"==\"?");
  }
  if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwFor)) {
    bool alone = call->args.empty() && call->keywords.empty();
    auto* g = make<ast::GeneratorExp>(Span{});
    g->elt = e;
    if (!comprehension_clauses(g->generators)) return nullptr;
    if (!alone || !at(TokenKind::RPar)) {
      const ast::Comprehension* lastc = g->generators.back();
      const ast::Node* end = lastc->ifs.empty() ? lastc->iter : lastc->ifs.back();
      return error_range(e, end, "Generator expression must be parenthesized");
    }
    bare_genexp_ = g;  // call() sets its span once ')' is consumed
    return g;
  }
  return e;
}

ast::Expr* Parser::subscript(ast::Expr* value) {
  take();
  const Token& first = tok();
  ast::Expr* s = slice_item();
  if (s == nullptr) return nullptr;
  if (at(TokenKind::Comma) || s->is<ast::Starred>()) {  // x[*a] is x[(*a,)]
    auto* t = make<ast::Tuple>(Span{});
    t->elts.push_back(s);
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RSqb)) break;
      ast::Expr* next = slice_item();
      if (next == nullptr) return nullptr;
      t->elts.push_back(next);
    }
    t->span = span_from(first);
    shift_span(t->span);
    s = t;
  }
  if (!accept(TokenKind::RSqb)) return fail();
  auto* sub = make<ast::Subscript>(Span{});
  sub->value = value;
  sub->slice = s;
  return sub;
}

ast::Expr* Parser::slice_item() {
  const Token& first = tok();
  if (at(TokenKind::Star)) {
    take();
    ast::Expr* v = expression();
    if (v == nullptr) return nullptr;
    auto* s = make<ast::Starred>(span_from(first));
    s->value = v;
    return s;
  }
  ast::Expr* lower = nullptr;
  if (!at(TokenKind::Colon)) {
    lower = named_expression();
    if (lower == nullptr || !at(TokenKind::Colon)) return lower;
  }
  take();
  auto* sl = make<ast::Slice>(Span{});
  sl->lower = lower;
  auto ends_part = [this] {
    return at(TokenKind::Colon) || at(TokenKind::Comma) || at(TokenKind::RSqb);
  };
  if (!ends_part()) {
    sl->upper = expression();
    if (sl->upper == nullptr) return nullptr;
  }
  if (accept(TokenKind::Colon) && !at(TokenKind::Comma) && !at(TokenKind::RSqb)) {
    sl->step = expression();
    if (sl->step == nullptr) return nullptr;
  }
  sl->span = span_from(first);
  shift_span(sl->span);
  return sl;
}

// ---------------------------------------------------------------- atoms

ast::Expr* Parser::number(const Token& t) {
  std::string s;
  for (char c : text(t)) {
    if (c != '_') s += c;
  }
  auto* c = make<ast::Constant>(span_from(t));
  char last_ch = s.back();
  if (last_ch == 'j' || last_ch == 'J') {
    c->ckind = ast::ConstKind::Imag;
    s.pop_back();
    c->f64 = parse_double(s);
    return c;
  }
  int base = 10;
  if (s.size() > 1 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
    if (base != 10) s = s.substr(2);
  }
  if (base == 10 && s.find_first_of(".eE") != std::string::npos) {
    c->ckind = ast::ConstKind::Float;
    c->f64 = parse_double(s);
    return c;
  }
  c->ckind = ast::ConstKind::Int;
  // Schoolbook conversion to decimal digits; int64 while it fits.
  std::vector<uint8_t> digits;  // little-endian decimal
  uint64_t small = 0;
  bool fits = true;
  for (char ch : s) {
    int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
    if (fits && small <= (static_cast<uint64_t>(INT64_MAX) - d) / base) {
      small = small * base + d;
      continue;
    }
    if (fits) {
      fits = false;
      for (uint64_t v = small; v > 0; v /= 10) digits.push_back(static_cast<uint8_t>(v % 10));
    }
    decimal_mul_add(digits, base, d);
  }
  c->int_fits = fits;
  if (fits) {
    c->i64 = static_cast<int64_t>(small);
  } else {
    while (digits.size() > 1 && digits.back() == 0) digits.pop_back();
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) c->text += char('0' + *it);
  }
  return c;
}

ast::Expr* Parser::atom() {
  const Token& t = tok();
  switch (t.kind) {
    case TokenKind::Name: {
      take();
      auto* n = make<ast::Name>(span_from(t));
      n->id = std::string(text(t));
      return n;
    }
    case TokenKind::KwTrue: case TokenKind::KwFalse: case TokenKind::KwNone:
    case TokenKind::Ellipsis: {
      take();
      auto* c = make<ast::Constant>(span_from(t));
      c->ckind = t.kind == TokenKind::KwTrue    ? ast::ConstKind::True
                 : t.kind == TokenKind::KwFalse ? ast::ConstKind::False
                 : t.kind == TokenKind::KwNone  ? ast::ConstKind::None
                                                : ast::ConstKind::Ellipsis;
      return c;
    }
    case TokenKind::Number:
      take();
      return number(t);
    case TokenKind::String: return strings();
    case TokenKind::LPar: return paren_atom();
    case TokenKind::LSqb: return list_atom();
    case TokenKind::LBrace: return brace_atom();
    default: return fail();
  }
}

bool Parser::check_starred_in_comprehension(ast::Expr* elt) {
  if (!elt->is<ast::Starred>()) return true;
  error_node(elt, "iterable unpacking cannot be used in comprehension");
  return false;
}

ast::Expr* Parser::genexp_from(const Token& open, ast::Expr* elt) {
  if (!check_starred_in_comprehension(elt)) return nullptr;
  auto* g = make<ast::GeneratorExp>(Span{});
  g->elt = elt;
  if (!comprehension_clauses(g->generators)) return nullptr;
  if (!accept(TokenKind::RPar)) return fail();
  g->span = span_from(open);
  shift_span(g->span);
  return g;
}

ast::Expr* Parser::paren_atom() {
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  const Token& open = take();
  if (accept(TokenKind::RPar)) {
    auto* t = make<ast::Tuple>(span_from(open));
    t->parenthesized = true;
    return t;
  }
  if (at(TokenKind::KwYield)) {
    ast::Expr* y = yield_expr();
    if (y == nullptr) return nullptr;
    return accept(TokenKind::RPar) ? y : fail();
  }
  ast::Expr* e = star_named_expression();
  if (e == nullptr) return nullptr;
  if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwFor)) {
    return genexp_from(open, e);
  }
  if (at(TokenKind::Comma)) {
    auto* t = make<ast::Tuple>(Span{});
    t->parenthesized = true;
    t->elts.push_back(e);
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RPar)) break;
      ast::Expr* next = star_named_expression();
      if (next == nullptr) return nullptr;
      t->elts.push_back(next);
    }
    if (!accept(TokenKind::RPar)) return fail();
    t->span = span_from(open);
    shift_span(t->span);
    return t;
  }
  if (!accept(TokenKind::RPar)) return fail();
  if (e->is<ast::Starred>()) return error_node(e, "cannot use starred expression here");
  return e;
}

ast::Expr* Parser::list_atom() {
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  const Token& open = take();
  auto* l = make<ast::List>(Span{});
  if (!at(TokenKind::RSqb)) {
    ast::Expr* e = star_named_expression();
    if (e == nullptr) return nullptr;
    if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwFor)) {
      if (!check_starred_in_comprehension(e)) return nullptr;
      auto* c = make<ast::ListComp>(Span{});
      c->elt = e;
      if (!comprehension_clauses(c->generators)) return nullptr;
      if (!accept(TokenKind::RSqb)) return fail();
      c->span = span_from(open);
      shift_span(c->span);
      return c;
    }
    l->elts.push_back(e);
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RSqb)) break;
      ast::Expr* next = star_named_expression();
      if (next == nullptr) return nullptr;
      l->elts.push_back(next);
    }
    if (at(TokenKind::KwFor) && l->elts.size() > 1) {
      return error_range(l->elts.front(), l->elts.back(),
                         "did you forget parentheses around the comprehension target?");
    }
  }
  if (!accept(TokenKind::RSqb)) return fail();
  l->span = span_from(open);
  shift_span(l->span);
  return l;
}

ast::Expr* Parser::brace_atom() {
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  const Token& open = take();
  if (accept(TokenKind::RBrace)) return make<ast::Dict>(span_from(open));
  if (at(TokenKind::DoubleStar)) {
    const Token& stars = take();
    ast::Expr* v = bitwise_or();
    if (v == nullptr) return nullptr;
    if (at(TokenKind::KwFor)) {
      return error_tokens(stars, stars, "dict unpacking cannot be used in dict comprehension");
    }
    return finish_dict(open, nullptr, v);
  }
  ast::Expr* e = star_named_expression();
  if (e == nullptr) return nullptr;
  if (at(TokenKind::Colon) && !e->is<ast::Starred>()) {
    const Token& colon = take();
    if (at(TokenKind::RBrace) || at(TokenKind::Comma)) {
      return error_tokens(colon, colon, "expression expected after dictionary key and ':'");
    }
    ast::Expr* v = expression();
    if (v == nullptr) return nullptr;
    if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwFor)) {
      auto* c = make<ast::DictComp>(Span{});
      c->key = e, c->value = v;
      if (!comprehension_clauses(c->generators)) return nullptr;
      if (!accept(TokenKind::RBrace)) return fail();
      c->span = span_from(open);
      shift_span(c->span);
      return c;
    }
    return finish_dict(open, e, v);
  }
  if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwFor)) {
    if (!check_starred_in_comprehension(e)) return nullptr;
    auto* c = make<ast::SetComp>(Span{});
    c->elt = e;
    if (!comprehension_clauses(c->generators)) return nullptr;
    if (!accept(TokenKind::RBrace)) return fail();
    c->span = span_from(open);
    shift_span(c->span);
    return c;
  }
  auto* s = make<ast::Set>(Span{});
  s->elts.push_back(e);
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RBrace)) break;
    ast::Expr* next = star_named_expression();
    if (next == nullptr) return nullptr;
    s->elts.push_back(next);
  }
  if (!accept(TokenKind::RBrace)) return fail();
  s->span = span_from(open);
  shift_span(s->span);
  return s;
}

ast::Expr* Parser::finish_dict(const Token& open, ast::Expr* first_key,
                               ast::Expr* first_value) {
  auto* d = make<ast::Dict>(Span{});
  d->keys.push_back(first_key);
  d->values.push_back(first_value);
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RBrace)) break;
    if (accept(TokenKind::DoubleStar)) {
      ast::Expr* v = bitwise_or();
      if (v == nullptr) return nullptr;
      d->keys.push_back(nullptr);
      d->values.push_back(v);
      continue;
    }
    // CPython's invalid_kvpair wins over "Perhaps you forgot a comma?" for later keys.
    without_invalid_once_ = true;
    ast::Expr* k = expression();
    if (k == nullptr) return nullptr;
    if (!at(TokenKind::Colon)) {
      Span s = raw(k->span);
      set_error(SyntaxErrorKind::Syntax, "':' expected after dictionary key",
                static_cast<int>(s.end_line), static_cast<int>(s.end_col),
                static_cast<int>(s.end_line), 0, true);
      return nullptr;
    }
    const Token& colon = take();
    if (at(TokenKind::RBrace) || at(TokenKind::Comma)) {
      return error_tokens(colon, colon, "expression expected after dictionary key and ':'");
    }
    ast::Expr* v = expression();
    if (v == nullptr) return nullptr;
    d->keys.push_back(k);
    d->values.push_back(v);
  }
  if (!accept(TokenKind::RBrace)) return fail();
  d->span = span_from(open);
  shift_span(d->span);
  return d;
}

// CPython's invalid_for_target: when a `for` target is not followed by 'in', the target
// is re-parsed as star_expressions with the error rules on; its invalid element (if
// any) is reported as "cannot assign to ...". Always returns false.
bool Parser::for_target_error(size_t target_pos) {
  SyntaxErrorInfo found;
  {
    Speculation spec(*this);
    pos_ = target_pos;
    ast::Expr* e = star_expressions();
    if (e == nullptr && has_error_) {
      found = err_;
    } else if (e != nullptr) {
      if (const ast::Expr* bad = invalid_target(e, TargetsType::For)) {
        invalid_target_error(bad, TargetsType::For);
        found = err_;
      }
    }
  }
  if (!found.msg.empty()) adopt_error(found);
  return reject();
}

bool Parser::comprehension_clauses(std::vector<ast::Comprehension*>& out) {
  while (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwFor)) {
    const Token& first = tok();
    auto* c = make<ast::Comprehension>(Span{});
    c->is_async = accept(TokenKind::KwAsync);
    take();
    size_t target_pos = pos_;
    c->target = target_list();
    if (c->target == nullptr || !at(TokenKind::KwIn)) return for_target_error(target_pos);
    if (const ast::Expr* bad = invalid_target(c->target, TargetsType::For)) {
      invalid_target_error(bad, TargetsType::For);
      return false;
    }
    set_context(c->target, ast::Ctx::Store);
    take();  // 'in'
    c->iter = disjunction();
    if (c->iter == nullptr) return false;
    while (accept(TokenKind::KwIf)) {
      ast::Expr* cond = disjunction();
      if (cond == nullptr) return false;
      c->ifs.push_back(cond);
    }
    c->span = span_from(first);
    shift_span(c->span);
    out.push_back(c);
  }
  return true;
}

// ---------------------------------------------------------------- lambda and yield

ast::Expr* Parser::lambdef() {
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  const Token& kw = take();
  ast::Arguments* args = at(TokenKind::Colon) ? empty_arguments()
                                              : parameters(TokenKind::Colon, true);
  if (args == nullptr) return nullptr;
  if (!accept(TokenKind::Colon)) return fail();
  ast::Expr* body = expression();
  if (body == nullptr) return nullptr;
  auto* l = make<ast::Lambda>(span_from(kw));
  l->args = args;
  l->body = body;
  return l;
}

ast::Expr* Parser::yield_expr() {
  const Token& kw = take();
  if (accept(TokenKind::KwFrom)) {
    ast::Expr* v = expression();
    if (v == nullptr) return nullptr;
    auto* y = make<ast::YieldFrom>(span_from(kw));
    y->value = v;
    return y;
  }
  ast::Expr* v = nullptr;
  if (starts_expression(kind()) || at(TokenKind::Star)) {
    v = star_expressions();
    if (v == nullptr) return nullptr;
  }
  auto* y = make<ast::Yield>(span_from(kw));
  y->value = v;
  return y;
}

}  // namespace pyjitvm::vm
