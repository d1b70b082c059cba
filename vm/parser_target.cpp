// vm/parser_target.cpp — assignment statements, targets, contexts and CPython's
// invalid-target messages.
//
// Stage: the first expression of a statement → Assign / AugAssign / AnnAssign / Expr,
//        with Store/Del contexts set on targets.
//
// CPython's error pass tries, in this order, for a statement that failed to parse:
//   1. invalid_named_expression on the first target's last element
//      ("cannot assign to function call here. Maybe you meant '==' instead of '='?",
//      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
//   2. the first target of `t1 = t2 = ... = value` that is not a valid target:
//      "cannot assign to %s" naming the innermost offending expression, or
//      "assignment to yield expression not possible".
// `check_assignment_targets()` reproduces that order.
//
// Invariants:
//   I1  After a successful parse every target carries Ctx::Store (Ctx::Del for `del`),
//       including the elements of tuple/list targets and starred values —
//       `set_context()`.
//   I2  `invalid_target()` returns nullptr exactly for valid targets, else the
//       expression CPython names in its message (_PyPegen_get_invalid_target).
#include <string>

#include "vm/parser_internal.h"

namespace pyjitvm::vm {

using ast::Span;

namespace {

bool augassign_op(TokenKind k, ast::BinOpKind& op) {
  switch (k) {
    case TokenKind::PlusEqual: op = ast::BinOpKind::Add; return true;
    case TokenKind::MinEqual: op = ast::BinOpKind::Sub; return true;
    case TokenKind::StarEqual: op = ast::BinOpKind::Mult; return true;
    case TokenKind::AtEqual: op = ast::BinOpKind::MatMult; return true;
    case TokenKind::SlashEqual: op = ast::BinOpKind::Div; return true;
    case TokenKind::PercentEqual: op = ast::BinOpKind::Mod; return true;
    case TokenKind::AmperEqual: op = ast::BinOpKind::BitAnd; return true;
    case TokenKind::VBarEqual: op = ast::BinOpKind::BitOr; return true;
    case TokenKind::CircumflexEqual: op = ast::BinOpKind::BitXor; return true;
    case TokenKind::LeftShiftEqual: op = ast::BinOpKind::LShift; return true;
    case TokenKind::RightShiftEqual: op = ast::BinOpKind::RShift; return true;
    case TokenKind::DoubleStarEqual: op = ast::BinOpKind::Pow; return true;
    case TokenKind::DoubleSlashEqual: op = ast::BinOpKind::FloorDiv; return true;
    default: return false;
  }
}

bool is_single_target(const ast::Expr* e) {
  return e->is<ast::Name>() || e->is<ast::Attribute>() || e->is<ast::Subscript>();
}

}  // namespace

// ---------------------------------------------------------------- names and targets

const char* Parser::expr_name(const ast::Expr* e) {
  switch (e->kind) {
    case ast::NodeKind::Attribute: return "attribute";
    case ast::NodeKind::Subscript: return "subscript";
    case ast::NodeKind::Starred: return "starred";
    case ast::NodeKind::Name: return "name";
    case ast::NodeKind::List: return "list";
    case ast::NodeKind::Tuple: return "tuple";
    case ast::NodeKind::Lambda: return "lambda";
    case ast::NodeKind::Call: return "function call";
    case ast::NodeKind::BoolOp: case ast::NodeKind::BinOp: case ast::NodeKind::UnaryOp:
      return "expression";
    case ast::NodeKind::GeneratorExp: return "generator expression";
    case ast::NodeKind::Yield: case ast::NodeKind::YieldFrom: return "yield expression";
    case ast::NodeKind::Await: return "await expression";
    case ast::NodeKind::ListComp: return "list comprehension";
    case ast::NodeKind::SetComp: return "set comprehension";
    case ast::NodeKind::DictComp: return "dict comprehension";
    case ast::NodeKind::Dict: return "dict literal";
    case ast::NodeKind::Set: return "set display";
    case ast::NodeKind::JoinedStr: case ast::NodeKind::FormattedValue:
      return "f-string expression";
    case ast::NodeKind::Constant:
      switch (e->as<ast::Constant>()->ckind) {
        case ast::ConstKind::None: return "None";
        case ast::ConstKind::True: return "True";
        case ast::ConstKind::False: return "False";
        case ast::ConstKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case ast::NodeKind::Compare: return "comparison";
    case ast::NodeKind::IfExp: return "conditional expression";
    case ast::NodeKind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

const ast::Expr* Parser::invalid_target(const ast::Expr* e, TargetsType type) {
  switch (e->kind) {
    case ast::NodeKind::List:
    case ast::NodeKind::Tuple: {
      const ast::ExprList& elts =
          e->is<ast::List>() ? e->as<ast::List>()->elts : e->as<ast::Tuple>()->elts;
      for (const ast::Expr* child : elts) {
        if (const ast::Expr* bad = invalid_target(child, type)) return bad;
      }
      return nullptr;
    }
    case ast::NodeKind::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(e->as<ast::Starred>()->value, type);
    case ast::NodeKind::Compare: {
      const auto* c = e->as<ast::Compare>();
      if (type == TargetsType::For && c->ops[0] == ast::CmpOpKind::In) {
        return invalid_target(c->left, type);
      }
      return e;
    }
    case ast::NodeKind::Name:
    case ast::NodeKind::Subscript:
    case ast::NodeKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

bool Parser::set_context(ast::Expr* e, ast::Ctx ctx) {
  switch (e->kind) {
    case ast::NodeKind::Name: e->as<ast::Name>()->ctx = ctx; return true;
    case ast::NodeKind::Attribute: e->as<ast::Attribute>()->ctx = ctx; return true;
    case ast::NodeKind::Subscript: e->as<ast::Subscript>()->ctx = ctx; return true;
    case ast::NodeKind::Starred:
      e->as<ast::Starred>()->ctx = ctx;
      return set_context(e->as<ast::Starred>()->value, ctx);
    case ast::NodeKind::List:
      e->as<ast::List>()->ctx = ctx;
      for (ast::Expr* c : e->as<ast::List>()->elts) set_context(c, ctx);
      return true;
    case ast::NodeKind::Tuple:
      e->as<ast::Tuple>()->ctx = ctx;
      for (ast::Expr* c : e->as<ast::Tuple>()->elts) set_context(c, ctx);
      return true;
    default:
      return false;
  }
}

std::nullptr_t Parser::invalid_target_error(const ast::Expr* e, TargetsType type) {
  std::string msg = type == TargetsType::Del ? "cannot delete " : "cannot assign to ";
  return error_node(e, msg + expr_name(e));
}

// Could `e` (whose first token is `first`) be CPython's `bitwise_or`? Boolean
// operators, comparisons, conditionals, lambdas and `not` are not, unless the whole
// expression sits in parentheses (then it is an atom).
bool Parser::is_bitwise_or_kind(const ast::Expr* e, const Token& first) const {
  Span s = raw(e->span);
  bool wrapped = s.line != first.line || s.col != first.col;
  if (wrapped) return true;
  switch (e->kind) {
    case ast::NodeKind::BoolOp: case ast::NodeKind::Compare: case ast::NodeKind::IfExp:
    case ast::NodeKind::Lambda: case ast::NodeKind::Starred: case ast::NodeKind::NamedExpr:
    case ast::NodeKind::Yield: case ast::NodeKind::YieldFrom:
      return false;
    case ast::NodeKind::UnaryOp:
      return e->as<ast::UnaryOp>()->op != ast::UnaryOpKind::Not;
    default:
      return true;
  }
}

// CPython's lookahead !(list | tuple | genexp | 'True' | 'None' | 'False').
bool Parser::starts_with_excluded_atom(const Token& first) {
  if (first.kind == TokenKind::KwTrue || first.kind == TokenKind::KwNone ||
      first.kind == TokenKind::KwFalse) {
    return true;
  }
  if (first.kind != TokenKind::LSqb && first.kind != TokenKind::LPar) return false;
  Speculation spec(*this);
  pos_ = token_index(first);
  ast::Expr* e = first.kind == TokenKind::LSqb ? list_atom() : paren_atom();
  if (e == nullptr) return false;
  return e->is<ast::List>() || e->is<ast::GeneratorExp>() ||
         (e->is<ast::Tuple>() && e->as<ast::Tuple>()->parenthesized &&
          raw(e->span).col == first.col && raw(e->span).line == first.line);
}

const Token* Parser::token_at(const Span& s) const {
  size_t lo = 0, hi = toks_.size();
  while (lo < hi) {  // first token at or after (line, col)
    size_t mid = (lo + hi) / 2;
    const Token& t = toks_[mid];
    if (t.line < s.line || (t.line == s.line && t.col < s.col) || t.no_position) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < toks_.size() && toks_[lo].line == s.line && toks_[lo].col == s.col) {
    return &toks_[lo];
  }
  return nullptr;
}

// ---------------------------------------------------------------- statements

ast::Stmt* Parser::expression_stmt() {
  const Token& first = tok();
  bool is_yield = at(TokenKind::KwYield);
  ast::Expr* e = is_yield ? yield_expr() : star_expressions();
  if (e == nullptr) return nullptr;
  ast::BinOpKind op;
  if (at(TokenKind::Colon) && !is_yield) {
    return finish_annotated(e, first, first.kind == TokenKind::LPar);
  }
  if (augassign_op(kind(), op)) return finish_augassign(e, first);
  if (at(TokenKind::Equal)) return finish_assignment(e, first, is_yield);
  auto* s = make<ast::ExprStmt>(span_from(first));
  s->value = e;
  return s;
}

ast::Stmt* Parser::finish_annotated(ast::Expr* target, const Token& first,
                                    bool parenthesized) {
  take();  // ':'
  ast::Expr* annotation = expression();
  if (annotation == nullptr) return nullptr;
  if (!is_single_target(target)) {
    bool tuple = target->is<ast::Tuple>();
    if (tuple && !target->as<ast::Tuple>()->parenthesized && first.kind != TokenKind::LPar) {
      return error_node(target->as<ast::Tuple>()->elts.front(),
                        "only single target (not tuple) can be annotated");
    }
    if (tuple || target->is<ast::List>()) {
      return error_node(target, std::string("only single target (not ") +
                                    (tuple ? "tuple" : "list") + ") can be annotated");
    }
    return error_node(target, "illegal target for annotation");
  }
  set_context(target, ast::Ctx::Store);
  auto* a = make<ast::AnnAssign>(Span{});
  a->target = target;
  a->annotation = annotation;
  a->simple = target->is<ast::Name>() && !parenthesized;
  if (accept(TokenKind::Equal)) {
    a->value = at(TokenKind::KwYield) ? yield_expr() : star_expressions();
    if (a->value == nullptr) return nullptr;
  }
  a->span = span_from(first);
  shift_span(a->span);
  return a;
}

ast::Stmt* Parser::finish_augassign(ast::Expr* target, const Token& first) {
  ast::BinOpKind op{};
  augassign_op(kind(), op);
  take();
  ast::Expr* value = at(TokenKind::KwYield) ? yield_expr() : star_expressions();
  if (value == nullptr) return nullptr;
  if (!is_single_target(target)) {
    return error_node(target, std::string("'") + expr_name(target) +
                                  "' is an illegal expression for augmented assignment");
  }
  set_context(target, ast::Ctx::Store);
  auto* a = make<ast::AugAssign>(span_from(first));
  a->target = target;
  a->op = op;
  a->value = value;
  return a;
}

ast::Stmt* Parser::finish_assignment(ast::Expr* first_expr, const Token& first_tok,
                                     bool first_yield) {
  ast::ExprList chain{first_expr};
  std::vector<bool> yields{first_yield};
  std::vector<size_t> rhs_pos;
  while (accept(TokenKind::Equal)) {
    rhs_pos.push_back(pos_);
    bool y = at(TokenKind::KwYield);
    ast::Expr* e = y ? yield_expr() : star_expressions();
    if (e == nullptr) {
      // `f() =` with a broken right side: CPython still names the invalid target.
      if (!has_error_) {
        chain.push_back(nullptr);
        yields.push_back(false);
        check_assignment_targets(chain, yields, rhs_pos, first_tok);
      }
      return nullptr;
    }
    chain.push_back(e);
    yields.push_back(y);
  }
  if (!check_assignment_targets(chain, yields, rhs_pos, first_tok)) return nullptr;
  auto* a = make<ast::Assign>(span_from(first_tok));
  a->value = chain.back();
  chain.pop_back();
  for (ast::Expr* t : chain) set_context(t, ast::Ctx::Store);
  a->targets = std::move(chain);
  return a;
}

// See the header comment for the order of checks. Returns false with an error set. The
// last element of `chain` is the value (nullptr when it failed to parse).
bool Parser::check_assignment_targets(const ast::ExprList& chain,
                                      const std::vector<bool>& yields,
                                      const std::vector<size_t>& rhs_pos,
                                      const Token& first_tok) {
  size_t bad = chain.size();
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    if (yields[i] || invalid_target(chain[i], TargetsType::Star) != nullptr) {
      bad = i;
      break;
    }
  }
  if (bad == chain.size()) return true;
  // 1. invalid_named_expression on the element just before the first '='.
  ast::Expr* head = chain[0];
  ast::Expr* el = head;
  const Token* el_first = &first_tok;
  if (!yields[0] && head->is<ast::Tuple>() && first_tok.kind != TokenKind::LPar) {
    el = head->as<ast::Tuple>()->elts.back();
    el_first = token_at(raw(el->span));
  }
  if (!yields[0] && el_first != nullptr && !el->is<ast::Starred>()) {
    bool single_name = el->is<ast::Name>() && el_first->kind == TokenKind::Name &&
                       raw(el->span).end_col == el_first->end_col &&
                       raw(el->span).end_line == el_first->end_line;
    bool other = !single_name && is_bitwise_or_kind(el, *el_first) &&
                 !starts_with_excluded_atom(*el_first);
    if (single_name || other) {
      Span rhs{};
      bool ok;
      {
        Speculation spec(*this);
        pos_ = rhs_pos[0];
        ast::Expr* b = bitwise_or();
        ok = b != nullptr && !at(TokenKind::Equal) && !at(TokenKind::ColonEqual);
        if (ok) rhs = b->span;
      }
      if (ok && single_name) {
        error_span(span_join(el->span, rhs),
                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return false;
      }
      if (ok) {
        error_node(el, std::string("cannot assign to ") + expr_name(el) +
                           " here. Maybe you meant '==' instead of '='?");
        return false;
      }
    }
  }
  // 2. the first invalid target.
  if (yields[bad]) {
    error_node(chain[bad], "assignment to yield expression not possible");
    return false;
  }
  invalid_target_error(invalid_target(chain[bad], TargetsType::Star), TargetsType::Star);
  return false;
}

}  // namespace pyjitvm::vm
