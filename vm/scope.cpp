// vm/scope.cpp — symbol tables: which names are local, cell, free or global, per scope.
//
// Stage: ast::Module → Scope tree (vm/scope.h) attached to the AST → vm/compiler.
//
// Three passes, in CPython's order (so that the first error reported is CPython's); the
// third lives in vm/scope_checks.cpp:
//   1. Collector: walks the tree, creates one Scope per function, lambda, class,
//      comprehension and the module, and records what each scope does with each name
//      (bound, parameter, used, declared global/nonlocal). Reports the symtable errors
//      found while walking (duplicate argument, global after use, import *, ...).
//   2. analyze(): CPython's analyze_block — resolves every name with the sets of names
//      bound and declared global in enclosing scopes, turns locals captured by inner
//      functions into cells, threads free variables through intermediate scopes, and
//      gives classes their __class__ cell. Reports nonlocal errors.
//   3. CompileChecks: the SyntaxErrors CPython's compiler raises before emitting code
//      ('return'/'yield'/'await' outside function, 'break' outside loop, starred
//      targets, repeated keyword arguments, async comprehensions).
//
// Invariants:
//   I1  Every scope node of the tree gets exactly one Scope, owned by arena.scopes —
//       `Collector::enter()`.
//   I2  varnames = parameters (positional-only, positional, *args, keyword-only,
//       **kwargs) then the other (non-cell) locals in order of first binding; cellvars and
//       freevars are sorted by name, as CPython orders co_cellvars/co_freevars —
//       `finish_scope()`.
//   I3  A name free in a scope is Free in every scope between it and the function that
//       binds it (that one holds it as Cell) — `analyze()`.
//   I4  Errors carry CPython's message and the location of the node CPython blames;
//       `text` is the source line — `set_syntax_error()`.
#include "vm/scope.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <unordered_set>

#include "vm/lexer.h"

namespace pyjitvm::vm {

SymKind Scope::lookup(const std::string& name) const {
  auto it = symbols.find(name);
  return it == symbols.end() ? SymKind::GlobalImplicit : it->second.kind;
}

namespace {

using ast::Span;
using NameSet = std::unordered_set<std::string_view>;  // views of Entry::flags keys

enum : uint32_t {
  kDefLocal = 1,      // bound in this scope
  kDefParam = 2,
  kDefGlobal = 4,     // `global` (or a comprehension walrus at module level)
  kDefNonlocal = 8,
  kUse = 16,
  kDefImport = 32,
  kDefAnnot = 64,
  kDefCompIter = 128,  // comprehension iteration variable
};

enum class Res : uint8_t { Unset, Local, Cell, Free, GlobalExplicit, GlobalImplicit };

struct SymInfo {
  uint32_t flags = 0;
  Res res = Res::Unset;  // filled by pass 2
};

// Per-scope data used while building (freed after analysis).
struct Entry {
  Scope* scope = nullptr;
  std::unordered_map<std::string, SymInfo> flags;
  std::vector<const std::string*> order;          // names in order of first sight
  std::vector<std::string> bind_order;            // first bindings, for varnames
  std::vector<std::string_view> pass_through;     // class: local and free for children
  std::unordered_map<std::string, Span> directive;  // global/nonlocal statement spans
  std::vector<Entry*> children;
  bool nested = false;
  bool comp_iter_target = false;
  int comp_iter_expr = 0;
  bool is_async = false;  // async def
};

// ---------------------------------------------------------------- pass 1

class Collector {
 public:
  Collector(ast::Arena& arena, SyntaxErrorInfo& err) : arena_(arena), err_(err) {}

  Entry* run(ast::Module* m) {
    Entry* root = enter(ScopeKind::Module, "<module>", m);
    m->scope = root->scope;
    for (ast::Stmt* s : m->body) stmt(s);
    stack_.pop_back();
    return root;
  }
  bool failed() const { return failed_; }
  std::vector<std::unique_ptr<Entry>>& entries() { return entries_; }

 private:
  Entry* cur() { return stack_.back(); }

  Entry* enter(ScopeKind kind, std::string name, ast::Node* node) {
    auto* scope = new Scope();
    arena_.scopes.emplace_back(scope, [](Scope* s) { delete s; });
    scope->kind = kind;
    scope->name = std::move(name);
    scope->node = node;
    entries_.push_back(std::make_unique<Entry>());
    Entry* e = entries_.back().get();
    e->scope = scope;
    if (!stack_.empty()) {
      Entry* parent = stack_.back();
      scope->parent = parent->scope;
      parent->scope->children.push_back(scope);
      parent->children.push_back(e);
      e->nested = parent->nested || parent->scope->kind == ScopeKind::Function ||
                  parent->scope->kind == ScopeKind::Lambda ||
                  parent->scope->kind == ScopeKind::Comprehension;
    }
    stack_.push_back(e);
    return e;
  }

  void error(const Span& s, const std::string& msg) {
    if (failed_) return;
    failed_ = true;
    set_syntax_error(err_, arena_, s, msg);
  }

  bool function_like(const Entry* e) const {
    ScopeKind k = e->scope->kind;
    return k == ScopeKind::Function || k == ScopeKind::Lambda || k == ScopeKind::Comprehension;
  }

  void add_def(Entry* e, const std::string& name, uint32_t flag, const Span& where) {
    auto [it, inserted] = e->flags.try_emplace(name);
    if (inserted) e->order.push_back(&it->first);
    uint32_t& f = it->second.flags;
    if ((flag & kDefParam) && (f & kDefParam)) {
      error(where, "duplicate argument '" + name + "' in function definition");
    }
    if ((flag & (kDefLocal | kDefParam | kDefImport)) &&
        !(f & (kDefLocal | kDefParam | kDefImport))) {
      e->bind_order.push_back(name);
    }
    f |= flag;
    if ((flag & kDefLocal) && e->comp_iter_target) f |= kDefCompIter;
    // CPython records every global declaration in the module's table too.
    if ((flag & kDefGlobal) && e != stack_.front()) {
      add_def(stack_.front(), name, kDefGlobal, where);
    }
  }
  void add_def(const std::string& name, uint32_t flag, const Span& where) {
    add_def(cur(), name, flag, where);
  }

  void stmts(const ast::StmtList& list) {
    for (ast::Stmt* s : list) stmt(s);
  }
  void exprs(const ast::ExprList& list) {
    for (ast::Expr* e : list) {
      if (e != nullptr) expr(e);
    }
  }

  void stmt(ast::Stmt* s);
  void function(ast::Node* node, const std::string& name, ast::Arguments* args,
                const ast::StmtList& body, const ast::ExprList& decorators,
                ast::Expr* returns, Scope** slot, bool is_async);
  void class_def(ast::ClassDef* c);
  void declaration(ast::Stmt* s, const std::vector<std::string>& names, bool global);
  void import_names(const std::vector<ast::Alias*>& names);
  void arguments_defaults_and_annotations(ast::Arguments* a, ast::Expr* returns);
  void params(ast::Arguments* a);
  void expr(ast::Expr* e);
  void named_expr(ast::NamedExpr* e);
  void comprehension(ast::Expr* node, const char* name,
                     const std::vector<ast::Comprehension*>& gens, ast::Expr* elt,
                     ast::Expr* value, Scope** slot, bool generator);

  ast::Arena& arena_;
  SyntaxErrorInfo& err_;
  bool failed_ = false;
  std::vector<Entry*> stack_;
  std::vector<std::unique_ptr<Entry>> entries_;
};

void Collector::stmt(ast::Stmt* s) {
  if (failed_) return;
  switch (s->kind) {
    case ast::NodeKind::FunctionDef: {
      auto* f = s->as<ast::FunctionDef>();
      add_def(f->name, kDefLocal, f->span);
      function(f, f->name, f->args, f->body, f->decorator_list, f->returns, &f->scope, false);
      break;
    }
    case ast::NodeKind::AsyncFunctionDef: {
      auto* f = s->as<ast::AsyncFunctionDef>();
      add_def(f->name, kDefLocal, f->span);
      function(f, f->name, f->args, f->body, f->decorator_list, f->returns, &f->scope, true);
      break;
    }
    case ast::NodeKind::ClassDef: class_def(s->as<ast::ClassDef>()); break;
    case ast::NodeKind::Return:
      if (s->as<ast::Return>()->value) expr(s->as<ast::Return>()->value);
      break;
    case ast::NodeKind::Delete: exprs(s->as<ast::Delete>()->targets); break;
    case ast::NodeKind::Assign:
      exprs(s->as<ast::Assign>()->targets);
      expr(s->as<ast::Assign>()->value);
      break;
    case ast::NodeKind::AugAssign:
      expr(s->as<ast::AugAssign>()->target);
      expr(s->as<ast::AugAssign>()->value);
      break;
    case ast::NodeKind::AnnAssign: {
      auto* a = s->as<ast::AnnAssign>();
      if (a->target->is<ast::Name>()) {
        const std::string& id = a->target->as<ast::Name>()->id;
        auto fit = cur()->flags.find(id);
        uint32_t f = fit == cur()->flags.end() ? 0 : fit->second.flags;
        if ((f & (kDefGlobal | kDefNonlocal)) && cur()->scope->kind != ScopeKind::Module &&
            a->simple) {
          error(s->span, "annotated name '" + id + "' can't be " +
                             ((f & kDefGlobal) ? "global" : "nonlocal"));
          return;
        }
        if (a->simple) {
          add_def(id, kDefAnnot | kDefLocal, a->target->span);
        } else if (a->value) {
          add_def(id, kDefLocal, a->target->span);
        }
      } else {
        expr(a->target);
      }
      expr(a->annotation);
      if (a->value) expr(a->value);
      break;
    }
    case ast::NodeKind::For: {
      auto* f = s->as<ast::For>();
      expr(f->target), expr(f->iter), stmts(f->body), stmts(f->orelse);
      break;
    }
    case ast::NodeKind::AsyncFor: {
      auto* f = s->as<ast::AsyncFor>();
      expr(f->target), expr(f->iter), stmts(f->body), stmts(f->orelse);
      break;
    }
    case ast::NodeKind::While: {
      auto* w = s->as<ast::While>();
      expr(w->test), stmts(w->body), stmts(w->orelse);
      break;
    }
    case ast::NodeKind::If: {
      auto* i = s->as<ast::If>();
      expr(i->test), stmts(i->body), stmts(i->orelse);
      break;
    }
    case ast::NodeKind::With:
    case ast::NodeKind::AsyncWith: {
      bool sync = s->kind == ast::NodeKind::With;
      for (ast::WithItem* item : sync ? s->as<ast::With>()->items
                                      : s->as<ast::AsyncWith>()->items) {
        expr(item->context_expr);
        if (item->optional_vars) expr(item->optional_vars);
      }
      stmts(sync ? s->as<ast::With>()->body : s->as<ast::AsyncWith>()->body);
      break;
    }
    case ast::NodeKind::Match: expr(s->as<ast::Match>()->subject); break;
    case ast::NodeKind::Raise: {
      auto* r = s->as<ast::Raise>();
      if (r->exc) expr(r->exc);
      if (r->cause) expr(r->cause);
      break;
    }
    case ast::NodeKind::Try: {
      auto* t = s->as<ast::Try>();
      stmts(t->body);
      for (ast::ExceptHandler* h : t->handlers) {
        if (h->type) expr(h->type);
        if (!h->name.empty()) add_def(h->name, kDefLocal, h->span);
        stmts(h->body);
      }
      stmts(t->orelse);
      stmts(t->finalbody);
      break;
    }
    case ast::NodeKind::Assert:
      expr(s->as<ast::Assert>()->test);
      if (s->as<ast::Assert>()->msg) expr(s->as<ast::Assert>()->msg);
      break;
    case ast::NodeKind::Import: import_names(s->as<ast::Import>()->names); break;
    case ast::NodeKind::ImportFrom: import_names(s->as<ast::ImportFrom>()->names); break;
    case ast::NodeKind::Global: declaration(s, s->as<ast::Global>()->names, true); break;
    case ast::NodeKind::Nonlocal: declaration(s, s->as<ast::Nonlocal>()->names, false); break;
    case ast::NodeKind::ExprStmt: expr(s->as<ast::ExprStmt>()->value); break;
    default: break;  // Pass, Break, Continue
  }
}

void Collector::declaration(ast::Stmt* s, const std::vector<std::string>& names, bool global) {
  const char* what = global ? "global" : "nonlocal";
  for (const std::string& name : names) {
    auto it = cur()->flags.find(name);
    uint32_t f = it == cur()->flags.end() ? 0 : it->second.flags;
    if (f & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
      std::string msg;
      if (f & kDefParam) {
        msg = "name '" + name + "' is parameter and " + what;
      } else if (f & kUse) {
        msg = "name '" + name + "' is used prior to " + what + " declaration";
      } else if (f & kDefAnnot) {
        msg = "annotated name '" + name + "' can't be " + what;
      } else {
        msg = "name '" + name + "' is assigned to before " + what + " declaration";
      }
      error(s->span, msg);
      return;
    }
    add_def(name, global ? kDefGlobal : kDefNonlocal, s->span);
    cur()->directive.emplace(name, s->span);  // errors point at the first directive
  }
}

void Collector::import_names(const std::vector<ast::Alias*>& names) {
  for (ast::Alias* a : names) {
    if (a->name == "*") {
      if (cur()->scope->kind != ScopeKind::Module) {
        error(a->span, "import * only allowed at module level");
        return;
      }
      continue;
    }
    std::string bound = !a->asname.empty() ? a->asname : a->name.substr(0, a->name.find('.'));
    add_def(bound, kDefImport, a->span);
  }
}

void Collector::arguments_defaults_and_annotations(ast::Arguments* a, ast::Expr* returns) {
  exprs(a->defaults);
  exprs(a->kw_defaults);
  auto ann = [this](ast::Arg* arg) {
    if (arg != nullptr && arg->annotation != nullptr) expr(arg->annotation);
  };
  for (ast::Arg* arg : a->posonlyargs) ann(arg);
  for (ast::Arg* arg : a->args) ann(arg);
  ann(a->vararg);
  ann(a->kwarg);
  for (ast::Arg* arg : a->kwonlyargs) ann(arg);
  if (returns) expr(returns);
}

void Collector::params(ast::Arguments* a) {
  for (ast::Arg* arg : a->posonlyargs) add_def(arg->name, kDefParam, arg->span);
  for (ast::Arg* arg : a->args) add_def(arg->name, kDefParam, arg->span);
  for (ast::Arg* arg : a->kwonlyargs) add_def(arg->name, kDefParam, arg->span);
  if (a->vararg) add_def(a->vararg->name, kDefParam, a->vararg->span);
  if (a->kwarg) add_def(a->kwarg->name, kDefParam, a->kwarg->span);
  Scope* s = cur()->scope;
  s->posonlyargcount = static_cast<int>(a->posonlyargs.size());
  s->argcount = static_cast<int>(a->posonlyargs.size() + a->args.size());
  s->kwonlyargcount = static_cast<int>(a->kwonlyargs.size());
  s->has_varargs = a->vararg != nullptr;
  s->has_varkw = a->kwarg != nullptr;
}

void Collector::function(ast::Node* node, const std::string& name, ast::Arguments* args,
                         const ast::StmtList& body, const ast::ExprList& decorators,
                         ast::Expr* returns, Scope** slot, bool is_async) {
  arguments_defaults_and_annotations(args, returns);
  exprs(decorators);
  if (failed_) return;
  Entry* e = enter(ScopeKind::Function, name, node);
  e->is_async = is_async;
  *slot = e->scope;
  params(args);
  stmts(body);
  stack_.pop_back();
}

void Collector::class_def(ast::ClassDef* c) {
  add_def(c->name, kDefLocal, c->span);
  exprs(c->bases);
  for (ast::Keyword* k : c->keywords) expr(k->value);
  exprs(c->decorator_list);
  if (failed_) return;
  Entry* e = enter(ScopeKind::Class, c->name, c);
  c->scope = e->scope;
  stmts(c->body);
  stack_.pop_back();
}

// A walrus inside a comprehension binds in the nearest enclosing function (or module).
void Collector::named_expr(ast::NamedExpr* e) {
  if (cur()->comp_iter_expr > 0) {
    error(e->span, "assignment expression cannot be used in a comprehension iterable "
                   "expression");
    return;
  }
  if (cur()->scope->kind == ScopeKind::Comprehension) {
    const std::string& name = e->target->as<ast::Name>()->id;
    for (size_t i = stack_.size(); i-- > 0;) {
      Entry* s = stack_[i];
      ScopeKind k = s->scope->kind;
      if (k == ScopeKind::Comprehension) {
        auto it = s->flags.find(name);
        if (it != s->flags.end() && (it->second.flags & kDefCompIter)) {
          error(e->target->span, "assignment expression cannot rebind comprehension "
                                 "iteration variable '" + name + "'");
          return;
        }
        continue;
      }
      if (k == ScopeKind::Function || k == ScopeKind::Lambda) {
        auto it = s->flags.find(name);
        bool global = it != s->flags.end() && (it->second.flags & kDefGlobal);
        add_def(name, global ? kDefGlobal : kDefNonlocal, e->target->span);
        add_def(s, name, kDefLocal, e->target->span);
        break;
      }
      if (k == ScopeKind::Module) {
        add_def(name, kDefGlobal, e->target->span);
        add_def(s, name, kDefGlobal, e->target->span);
        break;
      }
      error(e->target->span, "assignment expression within a comprehension cannot be used "
                             "in a class body");
      return;
    }
  }
  expr(e->value);
  expr(e->target);
}

void Collector::comprehension(ast::Expr* node, const char* name,
                              const std::vector<ast::Comprehension*>& gens, ast::Expr* elt,
                              ast::Expr* value, Scope** slot, bool generator) {
  ast::Comprehension* outer = gens[0];
  ++cur()->comp_iter_expr;
  expr(outer->iter);
  --cur()->comp_iter_expr;
  if (failed_) return;
  Entry* e = enter(ScopeKind::Comprehension, name, node);
  *slot = e->scope;
  e->scope->is_generator = generator;
  add_def(".0", kDefParam, node->span);
  e->scope->argcount = 1;
  e->comp_iter_target = true;
  expr(outer->target);
  e->comp_iter_target = false;
  exprs(outer->ifs);
  for (size_t i = 1; i < gens.size(); ++i) {
    e->comp_iter_target = true;
    expr(gens[i]->target);
    e->comp_iter_target = false;
    ++e->comp_iter_expr;
    expr(gens[i]->iter);
    --e->comp_iter_expr;
    exprs(gens[i]->ifs);
  }
  if (value) expr(value);
  expr(elt);
  stack_.pop_back();
}

void Collector::expr(ast::Expr* e) {
  if (failed_) return;
  switch (e->kind) {
    case ast::NodeKind::Name: {
      auto* n = e->as<ast::Name>();
      add_def(n->id, n->ctx == ast::Ctx::Load ? kUse : kDefLocal, n->span);
      if (n->ctx == ast::Ctx::Load && function_like(cur()) && n->id == "super") {
        add_def("__class__", kUse, n->span);
      }
      break;
    }
    case ast::NodeKind::NamedExpr: named_expr(e->as<ast::NamedExpr>()); break;
    case ast::NodeKind::Yield:
    case ast::NodeKind::YieldFrom: {
      if (cur()->scope->kind == ScopeKind::Comprehension) {
        const std::string& n = cur()->scope->name;
        const char* what = n == "<listcomp>"  ? "list comprehension"
                           : n == "<setcomp>" ? "set comprehension"
                           : n == "<dictcomp>" ? "dict comprehension"
                                               : "generator expression";
        error(e->span, std::string("'yield' inside ") + what);
        return;
      }
      ast::Expr* v = e->is<ast::Yield>() ? e->as<ast::Yield>()->value
                                         : e->as<ast::YieldFrom>()->value;
      if (v) expr(v);
      cur()->scope->is_generator = true;
      break;
    }
    case ast::NodeKind::Lambda: {
      auto* l = e->as<ast::Lambda>();
      arguments_defaults_and_annotations(l->args, nullptr);
      if (failed_) return;
      Entry* le = enter(ScopeKind::Lambda, "<lambda>", l);
      l->scope = le->scope;
      params(l->args);
      expr(l->body);
      stack_.pop_back();
      break;
    }
    case ast::NodeKind::ListComp: {
      auto* c = e->as<ast::ListComp>();
      comprehension(c, "<listcomp>", c->generators, c->elt, nullptr, &c->scope, false);
      break;
    }
    case ast::NodeKind::SetComp: {
      auto* c = e->as<ast::SetComp>();
      comprehension(c, "<setcomp>", c->generators, c->elt, nullptr, &c->scope, false);
      break;
    }
    case ast::NodeKind::DictComp: {
      auto* c = e->as<ast::DictComp>();
      comprehension(c, "<dictcomp>", c->generators, c->key, c->value, &c->scope, false);
      break;
    }
    case ast::NodeKind::GeneratorExp: {
      auto* c = e->as<ast::GeneratorExp>();
      comprehension(c, "<genexpr>", c->generators, c->elt, nullptr, &c->scope, true);
      break;
    }
    case ast::NodeKind::BoolOp: exprs(e->as<ast::BoolOp>()->values); break;
    case ast::NodeKind::BinOp:
      expr(e->as<ast::BinOp>()->left);
      expr(e->as<ast::BinOp>()->right);
      break;
    case ast::NodeKind::UnaryOp: expr(e->as<ast::UnaryOp>()->operand); break;
    case ast::NodeKind::IfExp: {
      auto* i = e->as<ast::IfExp>();
      expr(i->test), expr(i->body), expr(i->orelse);
      break;
    }
    case ast::NodeKind::Dict:
      exprs(e->as<ast::Dict>()->keys);
      exprs(e->as<ast::Dict>()->values);
      break;
    case ast::NodeKind::Set: exprs(e->as<ast::Set>()->elts); break;
    case ast::NodeKind::Await: expr(e->as<ast::Await>()->value); break;
    case ast::NodeKind::Compare:
      expr(e->as<ast::Compare>()->left);
      exprs(e->as<ast::Compare>()->comparators);
      break;
    case ast::NodeKind::Call: {
      auto* c = e->as<ast::Call>();
      expr(c->func);
      exprs(c->args);
      for (ast::Keyword* k : c->keywords) expr(k->value);
      break;
    }
    case ast::NodeKind::FormattedValue: {
      auto* f = e->as<ast::FormattedValue>();
      expr(f->value);
      if (f->format_spec) expr(f->format_spec);
      break;
    }
    case ast::NodeKind::JoinedStr: exprs(e->as<ast::JoinedStr>()->values); break;
    case ast::NodeKind::Attribute: expr(e->as<ast::Attribute>()->value); break;
    case ast::NodeKind::Subscript:
      expr(e->as<ast::Subscript>()->value);
      expr(e->as<ast::Subscript>()->slice);
      break;
    case ast::NodeKind::Starred: expr(e->as<ast::Starred>()->value); break;
    case ast::NodeKind::List: exprs(e->as<ast::List>()->elts); break;
    case ast::NodeKind::Tuple: exprs(e->as<ast::Tuple>()->elts); break;
    case ast::NodeKind::Slice: {
      auto* s = e->as<ast::Slice>();
      if (s->lower) expr(s->lower);
      if (s->upper) expr(s->upper);
      if (s->step) expr(s->step);
      break;
    }
    default: break;  // Constant
  }
}

// ---------------------------------------------------------------- pass 2

struct Analysis {
  Analysis(ast::Arena& a, SyntaxErrorInfo& e) : arena(a), err(e) {}
  ast::Arena& arena;
  SyntaxErrorInfo& err;

  bool fail(const Entry* e, const std::string& name, const std::string& msg) {
    auto it = e->directive.find(name);
    set_syntax_error(err, arena, it != e->directive.end() ? it->second : e->scope->node->span,
                     msg);
    return false;
  }

  // CPython's analyze_name.
  bool name(const Entry* e, const std::string& n, SymInfo& sym, NameSet* bound,
            NameSet& local, NameSet& free, NameSet& global) {
    uint32_t flags = sym.flags;
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) return fail(e, n, "name '" + n + "' is nonlocal and global");
      sym.res = Res::GlobalExplicit;
      global.insert(n);
      if (bound != nullptr) bound->erase(n);  // on this block's copy, as CPython
      return true;
    }
    if (flags & kDefNonlocal) {
      if (bound == nullptr) return fail(e, n, "nonlocal declaration not allowed at module level");
      if (!bound->count(n)) return fail(e, n, "no binding for nonlocal '" + n + "' found");
      sym.res = Res::Free;
      free.insert(n);
      return true;
    }
    if (flags & (kDefLocal | kDefParam | kDefImport)) {
      sym.res = Res::Local;
      local.insert(n);
      global.erase(n);
      return true;
    }
    if (bound != nullptr && bound->count(n)) {
      sym.res = Res::Free;
      free.insert(n);
      return true;
    }
    sym.res = Res::GlobalImplicit;
    return true;
  }

  // CPython's analyze_block. `bound`/`global` come from the enclosing scopes; names
  // free in this block (and its children) are added to `free`. Names are visited in
  // order of first sight, as CPython iterates its symbol dict.
  bool block(Entry* e, const NameSet* bound, NameSet& free, const NameSet& global_in) {
    NameSet local, new_bound, new_free, new_global;
    NameSet global = global_in;
    NameSet bound_copy;
    if (bound != nullptr) bound_copy = *bound;
    NameSet* my_bound = bound != nullptr ? &bound_copy : nullptr;
    ScopeKind kind = e->scope->kind;
    bool is_class = kind == ScopeKind::Class;
    bool function = kind == ScopeKind::Function || kind == ScopeKind::Lambda ||
                    kind == ScopeKind::Comprehension;
    NameSet local_free;  // names this block itself resolved as free
    for (const std::string* n : e->order) {
      if (!name(e, *n, e->flags.at(*n), my_bound, local, local_free, global)) return false;
    }
    if (is_class) {
      new_global = global_in;
      if (my_bound) new_bound = *my_bound;
      new_bound.insert("__class__");
    } else {
      if (function) new_bound.insert(local.begin(), local.end());
      if (my_bound) new_bound.insert(my_bound->begin(), my_bound->end());
      new_global.insert(global.begin(), global.end());
    }
    for (Entry* child : e->children) {
      if (!block(child, &new_bound, new_free, new_global)) return false;
    }
    if (function) {  // analyze_cells
      for (const std::string* n : e->order) {
        SymInfo& sym = e->flags.at(*n);
        if (sym.res == Res::Local && new_free.erase(*n)) sym.res = Res::Cell;
      }
    } else if (is_class && new_free.erase("__class__")) {
      e->scope->needs_class_cell = true;
    }
    // update_symbols: free names of children not resolved here pass through as Free.
    for (std::string_view n : new_free) {
      std::string key(n);
      auto it = e->flags.find(key);
      if (it == e->flags.end()) {
        if (my_bound == nullptr || my_bound->count(n)) {
          auto ins = e->flags.try_emplace(std::move(key)).first;
          ins->second.res = Res::Free;
          e->order.push_back(&ins->first);
        }
        continue;
      }
      if (is_class && (it->second.res == Res::Local || it->second.res == Res::GlobalExplicit)) {
        e->pass_through.push_back(n);
      }
    }
    free.insert(local_free.begin(), local_free.end());
    free.insert(new_free.begin(), new_free.end());
    return true;
  }
};

void finish_scope(const Entry* e) {
  Scope* s = e->scope;
  s->symbols.reserve(e->order.size());
  std::vector<std::string> cells, frees;
  for (const std::string* n : e->order) {
    const SymInfo& info = e->flags.at(*n);
    Symbol sym;
    uint32_t f = info.flags;
    sym.is_param = (f & kDefParam) != 0;
    sym.is_assigned = (f & (kDefLocal | kDefParam | kDefImport)) != 0;
    sym.is_used = (f & kUse) != 0;
    switch (info.res) {
      case Res::Local: sym.kind = SymKind::Local; break;
      case Res::Cell: sym.kind = SymKind::Cell; cells.push_back(*n); break;
      case Res::Free: sym.kind = SymKind::Free; frees.push_back(*n); break;
      case Res::GlobalExplicit: sym.kind = SymKind::GlobalExplicit; break;
      case Res::GlobalImplicit: case Res::Unset: sym.kind = SymKind::GlobalImplicit; break;
    }
    if (s->kind == ScopeKind::Module) {
      sym.kind = (f & kDefGlobal) ? SymKind::GlobalExplicit : SymKind::GlobalImplicit;
    }
    s->symbols.emplace(*n, sym);
  }
  for (std::string_view n : e->pass_through) frees.emplace_back(n);
  if (s->needs_class_cell) cells.push_back("__class__");
  std::sort(cells.begin(), cells.end());
  std::sort(frees.begin(), frees.end());
  s->cellvars = std::move(cells);
  s->freevars = std::move(frees);
  if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Lambda ||
      s->kind == ScopeKind::Comprehension) {
    // I2: parameters in call order, then locals in order of first binding.
    if (const ast::Arguments* a =
            s->node->is<ast::FunctionDef>()        ? s->node->as<ast::FunctionDef>()->args
            : s->node->is<ast::AsyncFunctionDef>() ? s->node->as<ast::AsyncFunctionDef>()->args
            : s->node->is<ast::Lambda>()           ? s->node->as<ast::Lambda>()->args
                                                   : nullptr) {
      for (const ast::Arg* p : a->posonlyargs) s->varnames.push_back(p->name);
      for (const ast::Arg* p : a->args) s->varnames.push_back(p->name);
      if (a->vararg) s->varnames.push_back(a->vararg->name);
      for (const ast::Arg* p : a->kwonlyargs) s->varnames.push_back(p->name);
      if (a->kwarg) s->varnames.push_back(a->kwarg->name);
    } else {
      s->varnames.push_back(".0");
    }
    for (const std::string& n : e->bind_order) {
      SymKind k = s->lookup(n);
      if (k == SymKind::Local && !(e->flags.at(n).flags & kDefParam)) {  // cells: cellvars
        s->varnames.push_back(n);
      }
    }
  }
}

const char* scope_kind_name(ScopeKind k) {
  switch (k) {
    case ScopeKind::Module: return "module";
    case ScopeKind::Class: return "class";
    case ScopeKind::Function: return "function";
    case ScopeKind::Lambda: return "lambda";
    case ScopeKind::Comprehension: return "comprehension";
  }
  return "?";
}

const char* sym_kind_name(SymKind k) {
  switch (k) {
    case SymKind::Local: return "local";
    case SymKind::Cell: return "cell";
    case SymKind::Free: return "free";
    case SymKind::GlobalExplicit: return "global_explicit";
    case SymKind::GlobalImplicit: return "global_implicit";
  }
  return "?";
}

void dump_scope(const Scope* s, std::string& out) {
  out += scope_kind_name(s->kind);
  out += ' ';
  out += s->name;
  out += ':';
  std::vector<std::string> names;
  for (const auto& kv : s->symbols) names.push_back(kv.first);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    const Symbol& sym = s->symbols.at(n);
    out += ' ' + n + '=' + sym_kind_name(sym.kind);
    if (sym.is_param) out += "(param)";
  }
  out += '\n';
  for (const Scope* c : s->children) dump_scope(c, out);
}

}  // namespace

bool analyze_scopes(ast::Module* module, ast::Arena& arena, SyntaxErrorInfo& err) {
  Collector collector(arena, err);
  Entry* root = collector.run(module);
  if (collector.failed()) return false;
  Analysis analysis(arena, err);
  NameSet free, global;
  if (!analysis.block(root, nullptr, free, global)) return false;
  for (const auto& e : collector.entries()) finish_scope(e.get());
  return check_compile_errors(module, arena, err);
}

void set_syntax_error(SyntaxErrorInfo& err, const ast::Arena& arena, const ast::Span& s,
                      const std::string& msg) {
  auto line_text = [&](uint32_t line) {
    size_t start = 0;
    for (uint32_t l = 1; l < line && start != std::string::npos; ++l) {
      start = arena.source.find('\n', start);
      if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos) start = arena.source.size();
    size_t end = arena.source.find('\n', start);
    if (end == std::string::npos) end = arena.source.size();
    return arena.source.substr(start, end - start);
  };
  err = SyntaxErrorInfo{};
  err.msg = msg;
  err.filename = arena.filename;
  err.line = static_cast<int>(s.line);
  err.end_line = static_cast<int>(s.end_line);
  err.text = line_text(s.line);
  // CPython's symtable and compiler give raw node columns + 1 (no clipping); the end
  // column belongs to the end line.
  err.offset = byte_to_char_offset(err.text, static_cast<int>(s.col) + 1);
  std::string end_text = s.end_line == s.line ? err.text : line_text(s.end_line);
  err.end_offset = byte_to_char_offset(end_text + '\n', static_cast<int>(s.end_col) + 1);
}

std::string dump_scopes(const Scope* root) {
  std::string out;
  if (root != nullptr) dump_scope(root, out);
  return out;
}

}  // namespace pyjitvm::vm
