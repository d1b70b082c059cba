// vm/scope.h — scope analysis: decides local / global / cell / free for every name.
//
// Stage: ast::Module (from vm/parser) → Scope tree attached to the AST → vm/compiler.
//
// The rules are CPython's symtable rules for the subset:
//   * module scope: every name is global (GlobalImplicit);
//   * class scope: names bound in the body are Local to the class namespace, other
//     names are GlobalImplicit (looked up as locals dict → globals → builtins);
//   * function/lambda scope: parameters and names bound anywhere in the body are
//     Local unless declared `global` (GlobalExplicit) or `nonlocal` (Free); a Local
//     referenced from a nested function becomes Cell; a name that is not local is
//     Free when an enclosing *function* scope binds it (every scope in between then
//     carries it as Free too), else GlobalImplicit;
//   * comprehensions (ListComp, SetComp, DictComp, GeneratorExp) are function
//     scopes whose first iterable is evaluated in the enclosing scope and passed as
//     the implicit parameter ".0"; a walrus target inside binds in the enclosing
//     function scope;
//   * a function nested in a class that uses `super` or `__class__` gets the Free
//     variable "__class__"; the class scope then has the Cell "__class__"
//     (`needs_class_cell`).
//
// Invariants:
//   I1  Every Name/Global/Nonlocal/Arg/alias/except-name in the tree resolves through
//       the Scope of the innermost enclosing scope node: `lookup()` never fails for a
//       name that occurs in that scope.
//   I2  `varnames` starts with the parameters in call order (positional-only,
//       positional, *args, keyword-only, **kwargs), then the other locals in order
//       of first binding; cell parameters appear both here and in `cellvars`.
//   I3  `freevars` lists names in the order the closure tuple must supply them.
//   I4  Errors (`nonlocal` at module level, "no binding for nonlocal 'x' found",
//       "name 'x' is parameter and global", "name 'x' is used prior to global
//       declaration", `return`/`yield` outside function, ...) come back as a
//       SyntaxErrorInfo with CPython's wording and position.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "vm/ast.h"
#include "vm/syntax_error.h"

namespace pyjitvm::vm {

enum class ScopeKind : uint8_t { Module, Class, Function, Lambda, Comprehension };
enum class SymKind : uint8_t { Local, Cell, Free, GlobalExplicit, GlobalImplicit };

struct Symbol {
  SymKind kind = SymKind::GlobalImplicit;
  bool is_param = false;
  bool is_assigned = false;  // bound in this scope (assignment, def, import, for, ...)
  bool is_used = false;      // read in this scope
};

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  std::string name;  // function/class name, "<lambda>", "<listcomp>", "<module>"...
  Scope* parent = nullptr;
  std::vector<Scope*> children;  // in source order
  ast::Node* node = nullptr;     // the FunctionDef/Lambda/ClassDef/comprehension/Module

  std::unordered_map<std::string, Symbol> symbols;
  std::vector<std::string> varnames;  // see I2
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;  // see I3

  int argcount = 0;         // positional parameters (including positional-only)
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  bool has_varargs = false;
  bool has_varkw = false;
  bool is_generator = false;      // contains yield / yield from (or is a GeneratorExp)
  bool needs_class_cell = false;  // class scope: some method uses super/__class__

  // Resolution of `name` in this scope (GlobalImplicit when never seen).
  SymKind lookup(const std::string& name) const;
};

// Builds the scope tree for `module`, storing the Scope pointers into the AST nodes'
// `scope` fields and ownership into `arena.scopes`. Returns false and fills `err`
// on a scope error.
bool analyze_scopes(ast::Module* module, ast::Arena& arena, SyntaxErrorInfo& err);

// The SyntaxErrors CPython's compiler raises before emitting code ('return' outside
// function, 'break' outside loop, misplaced starred expressions, repeated keyword
// arguments, ...), in compile order. analyze_scopes() runs it last; vm/scope_checks.cpp.
bool check_compile_errors(const ast::Module* module, const ast::Arena& arena,
                          SyntaxErrorInfo& err);

// Fills `err` for a SyntaxError CPython reports at `span` (text = that source line,
// offsets in characters). Shared by the scope checks; usable by vm/compiler.
void set_syntax_error(SyntaxErrorInfo& err, const ast::Arena& arena, const ast::Span& span,
                      const std::string& msg);

// Debug listing used by scope tests, one line per scope, scopes in pre-order:
//   function f: a=local(param) b=cell x=global_implicit
std::string dump_scopes(const Scope* root);

}  // namespace pyjitvm::vm
