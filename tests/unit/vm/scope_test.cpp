// tests/unit/vm/scope_test.cpp — scope analysis against CPython 3.11.2's symtable.
//
// Stage: source → parse_module() (with scopes) → Scope tree / SyntaxErrorInfo.
//
// The expected dump_scopes() listings were produced from CPython 3.11.2's `symtable`
// module (symbol scope LOCAL/CELL/FREE/GLOBAL_EXPLICIT/GLOBAL_IMPLICIT; module-level
// names shown as globals), and co_varnames/co_cellvars/co_freevars of real code objects.
//
// Invariants:
//   I1  Every scope node gets its Scope and the listing matches CPython's classification.
//   I2  Errors carry CPython's message, line and offset.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vm/parser.h"
#include "vm/scope.h"

namespace pyjitvm::vm {
namespace {

using Names = std::vector<std::string>;

std::string scopes_of(const std::string& src) {
  ParseResult r;
  SyntaxErrorInfo e;
  if (!parse_module(src, "t.py", r, e)) return "ERROR " + e.msg;
  return dump_scopes(r.module->scope);
}

struct ScopeError {
  std::string msg;
  int line = 0, offset = 0, end_line = 0, end_offset = 0;
};

ScopeError error_of(const std::string& src) {
  ParseResult r;
  SyntaxErrorInfo e;
  if (parse_module(src, "t.py", r, e)) return {"no error"};
  return {e.msg, e.line, e.offset, e.end_line, e.end_offset};
}

const Scope* find_scope(const Scope* s, const std::string& name) {
  if (s->name == name) return s;
  for (const Scope* c : s->children) {
    if (const Scope* f = find_scope(c, name)) return f;
  }
  return nullptr;
}

TEST(Scope, ClosuresThroughIntermediateScopes) {
  const char* src =
      "def outer(a):\n    x = 1\n    def mid():\n        def inner():\n"
      "            return a + x + g\n        return inner\n    return mid\n";
  EXPECT_EQ(scopes_of(src),
            "module <module>: outer=global_implicit\n"
            "function outer: a=cell(param) mid=local x=cell\n"
            "function mid: a=free inner=local x=free\n"
            "function inner: a=free g=global_implicit x=free\n");
  ParseResult r;
  SyntaxErrorInfo e;
  ASSERT_TRUE(parse_module(src, "t.py", r, e));
  const Scope* outer = find_scope(r.module->scope, "outer");
  const Scope* mid = find_scope(r.module->scope, "mid");
  // CPython: outer co_varnames ('a', 'mid'), co_cellvars ('a', 'x'); mid co_freevars
  // ('a', 'x'), co_varnames ('inner',).
  EXPECT_EQ(outer->varnames, (Names{"a", "mid"}));
  EXPECT_EQ(outer->cellvars, (Names{"a", "x"}));
  EXPECT_EQ(mid->freevars, (Names{"a", "x"}));
  EXPECT_EQ(mid->varnames, (Names{"inner"}));
  EXPECT_EQ(mid->lookup("a"), SymKind::Free);
  EXPECT_EQ(mid->lookup("never_seen"), SymKind::GlobalImplicit);
  EXPECT_EQ(outer->parent, r.module->scope);
  EXPECT_EQ(r.module->scope->kind, ScopeKind::Module);
}

TEST(Scope, NonlocalAndGlobal) {
  EXPECT_EQ(scopes_of("def counter():\n    n = 0\n    def inc():\n        nonlocal n\n"
                      "        n += 1\n        return n\n    return inc\n"),
            "module <module>: counter=global_implicit\n"
            "function counter: inc=local n=cell\n"
            "function inc: n=free\n");
  EXPECT_EQ(scopes_of("total = 0\ndef add(v):\n    global total\n    total += v\n"
                      "    return total\n"),
            "module <module>: add=global_implicit total=global_explicit\n"
            "function add: total=global_explicit v=local(param)\n");
}

TEST(Scope, ClassScopesAndSuper) {
  const char* src =
      "class Base:\n    pass\nclass C(Base):\n    y = 2\n    def m(self):\n"
      "        return super().m() + self.y\n    def n(self):\n        return y\n";
  EXPECT_EQ(scopes_of(src),
            "module <module>: Base=global_implicit C=global_implicit\n"
            "class Base:\n"
            "class C: m=local n=local y=local\n"
            "function m: __class__=free self=local(param) super=global_implicit\n"
            "function n: self=local(param) y=global_implicit\n");
  ParseResult r;
  SyntaxErrorInfo e;
  ASSERT_TRUE(parse_module(src, "t.py", r, e));
  const Scope* c = find_scope(r.module->scope, "C");
  EXPECT_TRUE(c->needs_class_cell);
  EXPECT_EQ(c->cellvars, (Names{"__class__"}));
  EXPECT_FALSE(find_scope(r.module->scope, "Base")->needs_class_cell);
  EXPECT_EQ(find_scope(r.module->scope, "m")->freevars, (Names{"__class__"}));
  // __class__ used directly works the same way.
  EXPECT_EQ(scopes_of("class D:\n    def m(self):\n        return __class__\n"),
            "module <module>: D=global_implicit\nclass D: m=local\n"
            "function m: __class__=free self=local(param)\n");
}

TEST(Scope, ClassInsideFunctionSkipsClassNames) {
  EXPECT_EQ(scopes_of("def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n"
                      "            return x\n    return C\n"),
            "module <module>: f=global_implicit\n"
            "function f: C=local x=cell\n"
            "class C: m=local x=local\n"
            "function m: self=local(param) x=free\n");
}

TEST(Scope, LateBindingLambdaInComprehension) {
  const char* src =
      "def f():\n    fs = [lambda: i for i in range(3)]\n    return [g() for g in fs]\n";
  EXPECT_EQ(scopes_of(src),
            "module <module>: f=global_implicit\n"
            "function f: fs=local range=global_implicit\n"
            "comprehension <listcomp>: .0=local(param) i=cell\n"
            "lambda <lambda>: i=free\n"
            "comprehension <listcomp>: .0=local(param) g=local\n");
  ParseResult r;
  SyntaxErrorInfo e;
  ASSERT_TRUE(parse_module(src, "t.py", r, e));
  const Scope* comp = find_scope(r.module->scope, "<listcomp>");
  EXPECT_EQ(comp->kind, ScopeKind::Comprehension);
  EXPECT_EQ(comp->varnames, (Names{".0"}));  // CPython: co_varnames (".0",), co_cellvars ("i",)
  EXPECT_EQ(comp->cellvars, (Names{"i"}));
  EXPECT_EQ(comp->argcount, 1);
  // The comprehension's first iterable (range(3)) is evaluated in f.
  EXPECT_EQ(find_scope(r.module->scope, "f")->lookup("range"), SymKind::GlobalImplicit);
}

TEST(Scope, WalrusInComprehensionBindsInFunction) {
  EXPECT_EQ(scopes_of("def f(data):\n    if any((hit := v) > 2 for v in data):\n"
                      "        return hit\n"),
            "module <module>: f=global_implicit\n"
            "function f: any=global_implicit data=local(param) hit=cell\n"
            "comprehension <genexpr>: .0=local(param) hit=free v=local\n");
  EXPECT_EQ(scopes_of("x = [y := 1 for q in range(2)]\n"),
            "module <module>: range=global_implicit x=global_implicit y=global_explicit\n"
            "comprehension <listcomp>: .0=local(param) q=local y=global_explicit\n");
}

TEST(Scope, GeneratorDetection) {
  ParseResult r;
  SyntaxErrorInfo e;
  ASSERT_TRUE(parse_module("def gen(n):\n    yield n\n"
                           "def outer():\n    def inner():\n        yield 1\n    return inner\n"
                           "def plain():\n    return (x for x in range(3))\n"
                           "def yf():\n    x = yield from g()\n"
                           "lam = lambda: (yield)\n",
                           "t.py", r, e))
      << e.msg;
  const Scope* root = r.module->scope;
  EXPECT_TRUE(find_scope(root, "gen")->is_generator);
  EXPECT_FALSE(find_scope(root, "outer")->is_generator);
  EXPECT_TRUE(find_scope(root, "inner")->is_generator);
  EXPECT_FALSE(find_scope(root, "plain")->is_generator);
  EXPECT_TRUE(find_scope(root, "<genexpr>")->is_generator);
  EXPECT_TRUE(find_scope(root, "yf")->is_generator);
  EXPECT_TRUE(find_scope(root, "<lambda>")->is_generator);
}

TEST(Scope, ParameterCountsAndOrder) {
  ParseResult r;
  SyntaxErrorInfo e;
  ASSERT_TRUE(parse_module("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    z = 1\n    y = 2\n",
                           "t.py", r, e));
  const Scope* f = find_scope(r.module->scope, "f");
  EXPECT_EQ(f->argcount, 3);
  EXPECT_EQ(f->posonlyargcount, 2);
  EXPECT_EQ(f->kwonlyargcount, 2);
  EXPECT_TRUE(f->has_varargs);
  EXPECT_TRUE(f->has_varkw);
  // scope.h I2: positional-only, positional, *args, keyword-only, **kwargs, then locals
  // in order of first binding.
  EXPECT_EQ(f->varnames, (Names{"a", "b", "c", "args", "d", "e", "kw", "z", "y"}));
  EXPECT_TRUE(f->symbols.at("a").is_param);
  EXPECT_TRUE(f->symbols.at("z").is_assigned);
  EXPECT_FALSE(f->symbols.at("z").is_used);
}

TEST(Scope, ScopePointersOnNodes) {
  ParseResult r;
  SyntaxErrorInfo e;
  ASSERT_TRUE(parse_module("class K:\n    def m(self): return lambda: {k: 1 for k in self}\n",
                           "t.py", r, e));
  const auto* k = r.module->body[0]->as<ast::ClassDef>();
  ASSERT_NE(k->scope, nullptr);
  EXPECT_EQ(k->scope->kind, ScopeKind::Class);
  const auto* m = k->body[0]->as<ast::FunctionDef>();
  ASSERT_NE(m->scope, nullptr);
  EXPECT_EQ(m->scope->node, m);
  const auto* lam = m->body[0]->as<ast::Return>()->value->as<ast::Lambda>();
  ASSERT_NE(lam->scope, nullptr);
  EXPECT_EQ(lam->scope->kind, ScopeKind::Lambda);
  const auto* dc = lam->body->as<ast::DictComp>();
  ASSERT_NE(dc->scope, nullptr);
  EXPECT_EQ(dc->scope->parent, lam->scope);
  EXPECT_EQ(dc->scope->lookup("k"), SymKind::Local);
  // The first iterable (self) is evaluated in the lambda, which gets it from m.
  EXPECT_EQ(lam->scope->lookup("self"), SymKind::Free);
  EXPECT_EQ(m->scope->lookup("self"), SymKind::Cell);
}

TEST(ScopeErrors, GlobalAndNonlocalMisuse) {
  struct Case {
    const char* src;
    ScopeError want;
  };
  const Case cases[] = {
      {"nonlocal x\n", {"nonlocal declaration not allowed at module level", 1, 1, 1, 11}},
      {"def f():\n  nonlocal x\n", {"no binding for nonlocal 'x' found", 2, 3, 2, 13}},
      {"def f(x):\n  global x\n", {"name 'x' is parameter and global", 2, 3, 2, 11}},
      {"def f(x):\n  nonlocal x\n", {"name 'x' is parameter and nonlocal", 2, 3, 2, 13}},
      {"def f():\n  x = 1\n  global x\n",
       {"name 'x' is assigned to before global declaration", 3, 3, 3, 11}},
      {"def f():\n  print(x)\n  global x\n",
       {"name 'x' is used prior to global declaration", 3, 3, 3, 11}},
      {"def f():\n    global x\n    nonlocal x\n",
       {"name 'x' is nonlocal and global", 2, 5, 2, 13}},
      {"x: int = 1\nglobal x\n", {"annotated name 'x' can't be global", 2, 1, 2, 9}},
  };
  for (const Case& c : cases) {
    ScopeError got = error_of(c.src);
    EXPECT_EQ(got.msg, c.want.msg) << c.src;
    EXPECT_EQ(got.line, c.want.line) << c.src;
    EXPECT_EQ(got.offset, c.want.offset) << c.src;
    EXPECT_EQ(got.end_line, c.want.end_line) << c.src;
    EXPECT_EQ(got.end_offset, c.want.end_offset) << c.src;
  }
}

TEST(ScopeErrors, OutsideFunctionOrLoop) {
  struct Case {
    const char* src;
    ScopeError want;
  };
  const Case cases[] = {
      {"return 1\n", {"'return' outside function", 1, 1, 1, 9}},
      {"class C:\n  return 1\n", {"'return' outside function", 2, 3, 2, 11}},
      {"yield 1\n", {"'yield' outside function", 1, 1, 1, 8}},
      {"x = [(yield)]\n", {"'yield' outside function", 1, 7, 1, 12}},
      {"await x\n", {"'await' outside function", 1, 1, 1, 8}},
      {"break\n", {"'break' outside loop", 1, 1, 1, 6}},
      {"continue\n", {"'continue' not properly in loop", 1, 1, 1, 9}},
      {"def f():\n  break\n", {"'break' outside loop", 2, 3, 2, 8}},
      {"while x:\n  def g():\n    continue\n", {"'continue' not properly in loop", 3, 5, 3, 13}},
      {"while x:\n    pass\nelse:\n    break\n", {"'break' outside loop", 4, 5, 4, 10}},
  };
  for (const Case& c : cases) {
    ScopeError got = error_of(c.src);
    EXPECT_EQ(got.msg, c.want.msg) << c.src;
    EXPECT_EQ(got.line, c.want.line) << c.src;
    EXPECT_EQ(got.offset, c.want.offset) << c.src;
    EXPECT_EQ(got.end_offset, c.want.end_offset) << c.src;
  }
}

TEST(ScopeErrors, ArgumentsStarsAndComprehensions) {
  struct Case {
    const char* src;
    ScopeError want;
  };
  const Case cases[] = {
      {"def f(a, a): pass\n", {"duplicate argument 'a' in function definition", 1, 10, 1, 11}},
      {"lambda a, a: 0\n", {"duplicate argument 'a' in function definition", 1, 11, 1, 12}},
      {"def f():\n  from x import *\n", {"import * only allowed at module level", 2, 17, 2, 18}},
      {"f(a=1, a=2)\n", {"keyword argument repeated: a", 1, 8, 1, 11}},
      {"*a = 1\n", {"starred assignment target must be in a list or tuple", 1, 1, 1, 3}},
      {"a, *b, *c = x\n", {"multiple starred expressions in assignment", 1, 1, 1, 10}},
      {"x = *a\n", {"can't use starred expression here", 1, 5, 1, 7}},
      {"for x in *y: pass\n", {"can't use starred expression here", 1, 10, 1, 12}},
      {"x = [i := 1 for i in a]\n",
       {"assignment expression cannot rebind comprehension iteration variable 'i'", 1, 6, 1, 7}},
      {"class C:\n    [y := 1 for i in range(3)]\n",
       {"assignment expression within a comprehension cannot be used in a class body", 2, 6,
        2, 7}},
      {"def f():\n    x = [(yield) for i in y]\n",
       {"'yield' inside list comprehension", 2, 11, 2, 16}},
      {"x = [i async for i in a]\n",
       {"asynchronous comprehension outside of an asynchronous function", 1, 5, 1, 25}},
      {"try:\n    x = 1\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
       {"default 'except:' must be last", 3, 1, 4, 9}},
  };
  for (const Case& c : cases) {
    ScopeError got = error_of(c.src);
    EXPECT_EQ(got.msg, c.want.msg) << c.src;
    EXPECT_EQ(got.line, c.want.line) << c.src;
    EXPECT_EQ(got.offset, c.want.offset) << c.src;
    EXPECT_EQ(got.end_line, c.want.end_line) << c.src;
    EXPECT_EQ(got.end_offset, c.want.end_offset) << c.src;
  }
}

TEST(ScopeErrors, ErrorsCarryFilenameAndText) {
  ParseResult r;
  SyntaxErrorInfo e;
  ASSERT_FALSE(parse_module("x = 1\n\ndef f(q, q):\n    pass\n", "prog.py", r, e));
  EXPECT_EQ(e.filename, "prog.py");
  EXPECT_EQ(e.text, "def f(q, q):");
  EXPECT_EQ(format_syntax_error(e),
            "  File \"prog.py\", line 3\n"
            "    def f(q, q):\n"
            "             ^\n"
            "SyntaxError: duplicate argument 'q' in function definition\n");
}

}  // namespace
}  // namespace pyjitvm::vm
