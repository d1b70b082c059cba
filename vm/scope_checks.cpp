// vm/scope_checks.cpp — the SyntaxErrors CPython's compiler raises before emitting code.
//
// Stage: ast::Module (after vm/scope's symbol analysis) → ok, or a SyntaxErrorInfo.
//
// These errors come from CPython's compiler, not its parser or symbol table, so they
// are reported only when parsing and scope analysis found nothing: 'return' / 'yield' /
// 'await' outside function, 'break' outside loop, 'continue' not properly in loop,
// "default 'except:' must be last",
// starred expressions outside a list/tuple/call ("can't use starred expression here",
// "starred assignment target must be in a list or tuple", "multiple starred
// expressions in assignment"), "keyword argument repeated: x", and async comprehensions
// outside async functions. The walk follows the compiler's order (values before
// targets, decorators and defaults before bodies), so the first error is CPython's.
//
// Invariants:
//   I1  `Ctx::loops` counts enclosing loops of the current function only; loop `else`
//       clauses are outside the loop — `CompileChecks::stmt()`.
//   I2  A Starred is legal only as an element of List/Tuple/Set displays, call
//       arguments and subscript tuples — `CompileChecks::sequence()` is the only path
//       that looks inside one.
#include <initializer_list>
#include <string>

#include "vm/scope.h"

namespace pyjitvm::vm {

namespace {

using ast::Span;

// The SyntaxErrors CPython's compiler raises, in source order.
class CompileChecks {
 public:
  CompileChecks(const ast::Arena& arena, SyntaxErrorInfo& err) : arena_(arena), err_(err) {}
  bool run(const ast::Module* m) {
    Ctx ctx;
    stmts(m->body, ctx);
    return !failed_;
  }

 private:
  enum class Where { Module, Class, Function, AsyncFunction, Lambda, Comprehension };
  struct Ctx {
    Where where = Where::Module;
    int loops = 0;
  };

  void error(const Span& s, const std::string& msg) {
    if (failed_) return;
    failed_ = true;
    set_syntax_error(err_, arena_, s, msg);
  }
  static bool function_like(Where w) { return w != Where::Module && w != Where::Class; }

  void stmts(const ast::StmtList& list, const Ctx& ctx) {
    for (ast::Stmt* s : list) {
      if (failed_) return;
      stmt(s, ctx);
    }
  }
  void exprs(const ast::ExprList& list, const Ctx& ctx) {
    for (ast::Expr* e : list) {
      if (e != nullptr) expr(e, ctx);
    }
  }
  void keywords(const std::vector<ast::Keyword*>& kws, const Ctx& ctx) {
    for (size_t i = 0; i < kws.size(); ++i) {
      for (size_t j = i + 1; j < kws.size() && !kws[i]->arg.empty(); ++j) {
        if (kws[j]->arg == kws[i]->arg) {
          error(kws[j]->span, "keyword argument repeated: " + kws[i]->arg);
          return;
        }
      }
    }
    for (ast::Keyword* k : kws) expr(k->value, ctx);
  }
  void target(ast::Expr* t, const Ctx& ctx) {
    if (t->is<ast::Starred>()) {
      error(t->span, "starred assignment target must be in a list or tuple");
      return;
    }
    value_or_target(t, ctx);
  }
  void value(ast::Expr* e, const Ctx& ctx) {
    if (e->is<ast::Starred>()) {
      error(e->span, "can't use starred expression here");
      return;
    }
    expr(e, ctx);
  }
  void value_or_target(ast::Expr* e, const Ctx& ctx) { expr(e, ctx); }
  void arguments(ast::Arguments* a, const Ctx& ctx) {
    exprs(a->defaults, ctx);
    exprs(a->kw_defaults, ctx);
  }
  void function_body(const ast::StmtList& body, Where where) {
    Ctx inner;
    inner.where = where;
    stmts(body, inner);
  }
  void stmt(ast::Stmt* s, const Ctx& ctx);
  void expr(ast::Expr* e, const Ctx& ctx);
  void sequence(const ast::ExprList& elts, bool store, const ast::Expr* node, const Ctx& ctx);
  void comprehension(ast::Expr* node, const std::vector<ast::Comprehension*>& gens,
                     std::initializer_list<ast::Expr*> elts, bool genexp, const Ctx& ctx);

  const ast::Arena& arena_;
  SyntaxErrorInfo& err_;
  bool failed_ = false;
};

void CompileChecks::stmt(ast::Stmt* s, const Ctx& ctx) {
  Ctx loop = ctx;
  ++loop.loops;
  switch (s->kind) {
    case ast::NodeKind::FunctionDef: {
      auto* f = s->as<ast::FunctionDef>();
      exprs(f->decorator_list, ctx);
      arguments(f->args, ctx);
      function_body(f->body, Where::Function);
      break;
    }
    case ast::NodeKind::AsyncFunctionDef: {
      auto* f = s->as<ast::AsyncFunctionDef>();
      exprs(f->decorator_list, ctx);
      arguments(f->args, ctx);
      function_body(f->body, Where::AsyncFunction);
      break;
    }
    case ast::NodeKind::ClassDef: {
      auto* c = s->as<ast::ClassDef>();
      exprs(c->decorator_list, ctx);
      for (ast::Expr* b : c->bases) value_or_target(b, ctx);
      keywords(c->keywords, ctx);
      function_body(c->body, Where::Class);
      break;
    }
    case ast::NodeKind::Return:
      if (!function_like(ctx.where)) {
        error(s->span, "'return' outside function");
        return;
      }
      if (s->as<ast::Return>()->value) value(s->as<ast::Return>()->value, ctx);
      break;
    case ast::NodeKind::Delete: exprs(s->as<ast::Delete>()->targets, ctx); break;
    case ast::NodeKind::Assign: {
      auto* a = s->as<ast::Assign>();
      value(a->value, ctx);
      for (ast::Expr* t : a->targets) target(t, ctx);
      break;
    }
    case ast::NodeKind::AugAssign:
      expr(s->as<ast::AugAssign>()->target, ctx);
      value(s->as<ast::AugAssign>()->value, ctx);
      break;
    case ast::NodeKind::AnnAssign: {
      auto* a = s->as<ast::AnnAssign>();
      if (a->value) value(a->value, ctx);
      expr(a->target, ctx);
      break;
    }
    case ast::NodeKind::For:
    case ast::NodeKind::AsyncFor: {
      bool sync = s->kind == ast::NodeKind::For;
      ast::Expr* t = sync ? s->as<ast::For>()->target : s->as<ast::AsyncFor>()->target;
      value(sync ? s->as<ast::For>()->iter : s->as<ast::AsyncFor>()->iter, ctx);
      target(t, ctx);
      stmts(sync ? s->as<ast::For>()->body : s->as<ast::AsyncFor>()->body, loop);
      stmts(sync ? s->as<ast::For>()->orelse : s->as<ast::AsyncFor>()->orelse, ctx);
      break;
    }
    case ast::NodeKind::While: {
      auto* w = s->as<ast::While>();
      value(w->test, ctx);
      stmts(w->body, loop);
      stmts(w->orelse, ctx);
      break;
    }
    case ast::NodeKind::If: {
      auto* i = s->as<ast::If>();
      value(i->test, ctx);
      stmts(i->body, ctx);
      stmts(i->orelse, ctx);
      break;
    }
    case ast::NodeKind::With:
    case ast::NodeKind::AsyncWith: {
      bool sync = s->kind == ast::NodeKind::With;
      for (ast::WithItem* item : sync ? s->as<ast::With>()->items
                                      : s->as<ast::AsyncWith>()->items) {
        value(item->context_expr, ctx);
        if (item->optional_vars) target(item->optional_vars, ctx);
      }
      stmts(sync ? s->as<ast::With>()->body : s->as<ast::AsyncWith>()->body, ctx);
      break;
    }
    case ast::NodeKind::Raise:
      if (s->as<ast::Raise>()->exc) value(s->as<ast::Raise>()->exc, ctx);
      if (s->as<ast::Raise>()->cause) value(s->as<ast::Raise>()->cause, ctx);
      break;
    case ast::NodeKind::Try: {
      auto* t = s->as<ast::Try>();
      stmts(t->body, ctx);
      for (size_t i = 0; i + 1 < t->handlers.size(); ++i) {
        if (t->handlers[i]->type == nullptr) {
          error(t->handlers[i]->span, "default 'except:' must be last");
          return;
        }
      }
      for (ast::ExceptHandler* h : t->handlers) {
        if (h->type) value(h->type, ctx);
        stmts(h->body, ctx);
      }
      stmts(t->orelse, ctx);
      stmts(t->finalbody, ctx);
      break;
    }
    case ast::NodeKind::Assert:
      value(s->as<ast::Assert>()->test, ctx);
      if (s->as<ast::Assert>()->msg) value(s->as<ast::Assert>()->msg, ctx);
      break;
    case ast::NodeKind::ExprStmt: value(s->as<ast::ExprStmt>()->value, ctx); break;
    case ast::NodeKind::Break:
      if (ctx.loops == 0) error(s->span, "'break' outside loop");
      break;
    case ast::NodeKind::Continue:
      if (ctx.loops == 0) error(s->span, "'continue' not properly in loop");
      break;
    case ast::NodeKind::Match: value(s->as<ast::Match>()->subject, ctx); break;
    default: break;
  }
}

// Elements of a list/tuple: Load may hold any number of starred items; Store at most one.
void CompileChecks::sequence(const ast::ExprList& elts, bool store, const ast::Expr* node,
                             const Ctx& ctx) {
  int stars = 0;
  for (ast::Expr* e : elts) {
    if (e->is<ast::Starred>()) {
      ++stars;
      expr(e->as<ast::Starred>()->value, ctx);
    } else {
      expr(e, ctx);
    }
  }
  if (store && stars > 1) error(node->span, "multiple starred expressions in assignment");
}

void CompileChecks::comprehension(ast::Expr* node, const std::vector<ast::Comprehension*>& gens,
                                  std::initializer_list<ast::Expr*> elts, bool genexp,
                                  const Ctx& ctx) {
  bool is_async = false;
  for (const ast::Comprehension* c : gens) is_async = is_async || c->is_async;
  if (is_async && !genexp && ctx.where != Where::AsyncFunction &&
      ctx.where != Where::Comprehension) {
    error(node->span, "asynchronous comprehension outside of an asynchronous function");
    return;
  }
  value(gens[0]->iter, ctx);
  Ctx inner;
  inner.where = Where::Comprehension;
  for (size_t i = 0; i < gens.size(); ++i) {
    if (i > 0) value(gens[i]->iter, inner);
    target(gens[i]->target, inner);
    for (ast::Expr* cond : gens[i]->ifs) value(cond, inner);
  }
  for (ast::Expr* e : elts) value(e, inner);
}

void CompileChecks::expr(ast::Expr* e, const Ctx& ctx) {
  if (failed_) return;
  switch (e->kind) {
    case ast::NodeKind::Starred: {
      auto* s = e->as<ast::Starred>();
      error(s->span, s->ctx == ast::Ctx::Store
                         ? "starred assignment target must be in a list or tuple"
                         : "can't use starred expression here");
      break;
    }
    case ast::NodeKind::List:
      sequence(e->as<ast::List>()->elts, e->as<ast::List>()->ctx == ast::Ctx::Store, e, ctx);
      break;
    case ast::NodeKind::Tuple:
      sequence(e->as<ast::Tuple>()->elts, e->as<ast::Tuple>()->ctx == ast::Ctx::Store, e, ctx);
      break;
    case ast::NodeKind::Set: sequence(e->as<ast::Set>()->elts, false, e, ctx); break;
    case ast::NodeKind::Call: {
      auto* c = e->as<ast::Call>();
      value(c->func, ctx);
      sequence(c->args, false, e, ctx);
      keywords(c->keywords, ctx);
      break;
    }
    case ast::NodeKind::Yield:
    case ast::NodeKind::YieldFrom: {
      if (!function_like(ctx.where)) {
        error(e->span, "'yield' outside function");
        return;
      }
      if (e->is<ast::YieldFrom>() && ctx.where == Where::AsyncFunction) {
        error(e->span, "'yield from' inside async function");
        return;
      }
      ast::Expr* v = e->is<ast::Yield>() ? e->as<ast::Yield>()->value
                                         : e->as<ast::YieldFrom>()->value;
      if (v) value(v, ctx);
      break;
    }
    case ast::NodeKind::Await:
      if (!function_like(ctx.where)) {
        error(e->span, "'await' outside function");
        return;
      }
      if (ctx.where != Where::AsyncFunction && ctx.where != Where::Comprehension) {
        error(e->span, "'await' outside async function");
        return;
      }
      value(e->as<ast::Await>()->value, ctx);
      break;
    case ast::NodeKind::Lambda: {
      auto* l = e->as<ast::Lambda>();
      arguments(l->args, ctx);
      Ctx inner;
      inner.where = Where::Lambda;
      value(l->body, inner);
      break;
    }
    case ast::NodeKind::ListComp: {
      auto* c = e->as<ast::ListComp>();
      comprehension(c, c->generators, {c->elt}, false, ctx);
      break;
    }
    case ast::NodeKind::SetComp: {
      auto* c = e->as<ast::SetComp>();
      comprehension(c, c->generators, {c->elt}, false, ctx);
      break;
    }
    case ast::NodeKind::DictComp: {
      auto* c = e->as<ast::DictComp>();
      comprehension(c, c->generators, {c->key, c->value}, false, ctx);
      break;
    }
    case ast::NodeKind::GeneratorExp: {
      auto* c = e->as<ast::GeneratorExp>();
      comprehension(c, c->generators, {c->elt}, true, ctx);
      break;
    }
    case ast::NodeKind::BoolOp: exprs(e->as<ast::BoolOp>()->values, ctx); break;
    case ast::NodeKind::NamedExpr: value(e->as<ast::NamedExpr>()->value, ctx); break;
    case ast::NodeKind::BinOp:
      value(e->as<ast::BinOp>()->left, ctx);
      value(e->as<ast::BinOp>()->right, ctx);
      break;
    case ast::NodeKind::UnaryOp: value(e->as<ast::UnaryOp>()->operand, ctx); break;
    case ast::NodeKind::IfExp:
      value(e->as<ast::IfExp>()->test, ctx);
      value(e->as<ast::IfExp>()->body, ctx);
      value(e->as<ast::IfExp>()->orelse, ctx);
      break;
    case ast::NodeKind::Dict:
      for (ast::Expr* k : e->as<ast::Dict>()->keys) {
        if (k) value(k, ctx);
      }
      for (ast::Expr* v : e->as<ast::Dict>()->values) value(v, ctx);
      break;
    case ast::NodeKind::Compare:
      value(e->as<ast::Compare>()->left, ctx);
      for (ast::Expr* c : e->as<ast::Compare>()->comparators) value(c, ctx);
      break;
    case ast::NodeKind::FormattedValue:
      value(e->as<ast::FormattedValue>()->value, ctx);
      if (e->as<ast::FormattedValue>()->format_spec) {
        value(e->as<ast::FormattedValue>()->format_spec, ctx);
      }
      break;
    case ast::NodeKind::JoinedStr:
      for (ast::Expr* v : e->as<ast::JoinedStr>()->values) value(v, ctx);
      break;
    case ast::NodeKind::Attribute: value(e->as<ast::Attribute>()->value, ctx); break;
    case ast::NodeKind::Subscript: {
      auto* s = e->as<ast::Subscript>();
      value(s->value, ctx);
      if (s->slice->is<ast::Tuple>()) {
        sequence(s->slice->as<ast::Tuple>()->elts, false, s->slice, ctx);
      } else {
        value(s->slice, ctx);
      }
      break;
    }
    case ast::NodeKind::Slice: {
      auto* s = e->as<ast::Slice>();
      if (s->lower) value(s->lower, ctx);
      if (s->upper) value(s->upper, ctx);
      if (s->step) value(s->step, ctx);
      break;
    }
    default: break;  // Name, Constant
  }
}


}  // namespace

bool check_compile_errors(const ast::Module* module, const ast::Arena& arena,
                          SyntaxErrorInfo& err) {
  CompileChecks checks(arena, err);
  return checks.run(module);
}

}  // namespace pyjitvm::vm
