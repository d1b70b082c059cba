// vm/ast.h — the abstract syntax tree of the Python subset, produced by vm/parser.
//
// Stage: parser → AST → scope (vm/scope) → compiler (vm/compiler) and gpu/emit_cuda.
//
// The tree mirrors CPython 3.11's `ast` module (same node names and fields) so that
// anyone who knows Python's ast can read the compiler. Nodes are plain structs owned
// by an ast::Arena; children are raw pointers into the same arena.
//
// Invariants:
//   I1  Every node carries the source span of the text it came from (1-based lines,
//       0-based UTF-8 byte columns, end exclusive), as CPython's ast does.
//   I2  A node's `kind` field names its concrete struct; downcast only through
//       `as<T>()`, which checks the kind in debug builds.
//   I3  Optional children are nullptr, never a dummy node.
//   I4  Nodes are never freed individually; the Arena frees everything at once and
//       must outlive every Proto that points into it (Protos keep a shared_ptr).
//   I5  Scope information (vm/scope) is attached to FunctionDef, Lambda, ClassDef,
//       comprehension and Module nodes through `scope`; the parser leaves it null.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pyjitvm::vm {
struct Scope;  // vm/scope.h
}

namespace pyjitvm::vm::ast {

struct Span {
  uint32_t line = 0, col = 0;          // start: 1-based line, 0-based byte column
  uint32_t end_line = 0, end_col = 0;  // end (exclusive column)
};

// ---------------------------------------------------------------- operators
enum class BinOpKind : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class BoolOpKind : uint8_t { And, Or };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class Ctx : uint8_t { Load, Store, Del };

// Python spelling of an operator ("+", "<=", "not in"...), for messages and dumps.
const char* binop_symbol(BinOpKind op);
const char* unaryop_symbol(UnaryOpKind op);
const char* cmpop_symbol(CmpOpKind op);

// ---------------------------------------------------------------- node base
enum class NodeKind : uint8_t {
  // expressions
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp,
  DictComp, GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue,
  JoinedStr, Constant, Attribute, Subscript, Starred, Name, List, Tuple, Slice,
  // statements
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
  For, AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, Assert, Import,
  ImportFrom, Global, Nonlocal, ExprStmt, Pass, Break, Continue,
  // other
  Module, Arguments, Arg, Keyword, Alias, WithItem, ExceptHandler, Comprehension,
};
const char* node_kind_name(NodeKind k);

struct Node {
  NodeKind kind;
  Span span;
  explicit Node(NodeKind k) : kind(k) {}
  virtual ~Node() = default;
  template <class T> T* as() {
    assert(kind == T::kKind);
    return static_cast<T*>(this);
  }
  template <class T> const T* as() const {
    assert(kind == T::kKind);
    return static_cast<const T*>(this);
  }
  template <class T> bool is() const { return kind == T::kKind; }
};

struct Expr : Node { using Node::Node; };
struct Stmt : Node { using Node::Node; };
using ExprList = std::vector<Expr*>;
using StmtList = std::vector<Stmt*>;

template <NodeKind K, class Base>
struct NodeOf : Base {
  static constexpr NodeKind kKind = K;
  NodeOf() : Base(K) {}
};

// ---------------------------------------------------------------- helpers nodes
struct Arg : NodeOf<NodeKind::Arg, Node> {
  std::string name;
  Expr* annotation = nullptr;  // parsed, ignored by the compiler
};

// Function parameters, CPython's ast.arguments.
//   def f(a, b=1, /, c=2, *args, d, e=3, **kw)
//   posonlyargs=[a,b] args=[c] vararg=args kwonlyargs=[d,e] kw_defaults=[null, 3]
//   kwarg=kw defaults=[1, 2] (defaults align with the *last* positional parameters)
struct Arguments : NodeOf<NodeKind::Arguments, Node> {
  std::vector<Arg*> posonlyargs;
  std::vector<Arg*> args;
  Arg* vararg = nullptr;
  std::vector<Arg*> kwonlyargs;
  ExprList kw_defaults;  // same length as kwonlyargs; nullptr = no default
  Arg* kwarg = nullptr;
  ExprList defaults;
};

struct Keyword : NodeOf<NodeKind::Keyword, Node> {
  std::string arg;  // empty for **expr
  Expr* value = nullptr;
};

struct Alias : NodeOf<NodeKind::Alias, Node> {
  std::string name;    // dotted for `import a.b`; "*" for `from m import *`
  std::string asname;  // empty when absent
};

struct WithItem : NodeOf<NodeKind::WithItem, Node> {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;
};

struct ExceptHandler : NodeOf<NodeKind::ExceptHandler, Node> {
  Expr* type = nullptr;  // nullptr for a bare `except:`
  std::string name;      // empty when no `as name`
  StmtList body;
};

struct Comprehension : NodeOf<NodeKind::Comprehension, Node> {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  ExprList ifs;
  bool is_async = false;
};

// ---------------------------------------------------------------- expressions
struct BoolOp : NodeOf<NodeKind::BoolOp, Expr> {
  BoolOpKind op{};
  ExprList values;  // two or more
};
struct NamedExpr : NodeOf<NodeKind::NamedExpr, Expr> {
  Expr* target = nullptr;  // a Name
  Expr* value = nullptr;
};
struct BinOp : NodeOf<NodeKind::BinOp, Expr> {
  Expr* left = nullptr;
  BinOpKind op{};
  Expr* right = nullptr;
};
struct UnaryOp : NodeOf<NodeKind::UnaryOp, Expr> {
  UnaryOpKind op{};
  Expr* operand = nullptr;
};
struct Lambda : NodeOf<NodeKind::Lambda, Expr> {
  Arguments* args = nullptr;
  Expr* body = nullptr;
  Scope* scope = nullptr;
};
struct IfExp : NodeOf<NodeKind::IfExp, Expr> {
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};
struct Dict : NodeOf<NodeKind::Dict, Expr> {
  ExprList keys;  // nullptr key = `**values[i]`
  ExprList values;
};
struct Set : NodeOf<NodeKind::Set, Expr> { ExprList elts; };
struct ListComp : NodeOf<NodeKind::ListComp, Expr> {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
  Scope* scope = nullptr;
};
struct SetComp : NodeOf<NodeKind::SetComp, Expr> {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
  Scope* scope = nullptr;
};
struct DictComp : NodeOf<NodeKind::DictComp, Expr> {
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<Comprehension*> generators;
  Scope* scope = nullptr;
};
struct GeneratorExp : NodeOf<NodeKind::GeneratorExp, Expr> {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
  Scope* scope = nullptr;
};
struct Await : NodeOf<NodeKind::Await, Expr> { Expr* value = nullptr; };
struct Yield : NodeOf<NodeKind::Yield, Expr> { Expr* value = nullptr; };
struct YieldFrom : NodeOf<NodeKind::YieldFrom, Expr> { Expr* value = nullptr; };
struct Compare : NodeOf<NodeKind::Compare, Expr> {
  Expr* left = nullptr;
  std::vector<CmpOpKind> ops;
  ExprList comparators;  // same length as ops
};
struct Call : NodeOf<NodeKind::Call, Expr> {
  Expr* func = nullptr;
  ExprList args;  // may contain Starred
  std::vector<Keyword*> keywords;
};
// One `{value!conv:spec}` field of an f-string.
struct FormattedValue : NodeOf<NodeKind::FormattedValue, Expr> {
  Expr* value = nullptr;
  int conversion = -1;          // -1 none, 's', 'r', 'a'
  Expr* format_spec = nullptr;  // a JoinedStr, or nullptr
};
// An f-string: Constant(str) and FormattedValue parts. `f"{x=}"` is expanded by the
// parser into Constant("x=") + FormattedValue(x, conversion 'r' unless a spec/conv
// is given), exactly as CPython does.
struct JoinedStr : NodeOf<NodeKind::JoinedStr, Expr> { ExprList values; };

enum class ConstKind : uint8_t { None, True, False, Ellipsis, Int, Float, Imag, Str, Bytes };
struct Constant : NodeOf<NodeKind::Constant, Expr> {
  ConstKind ckind = ConstKind::None;
  // Int: `int_fits` tells whether `i64` holds the value; otherwise `text` holds the
  // decimal digits (no sign, no underscores, already converted from hex/octal/binary).
  bool int_fits = true;
  int64_t i64 = 0;
  double f64 = 0.0;  // Float value, or the imaginary part of an Imag literal
  std::string text;  // Str (UTF-8, escapes decoded), Bytes (raw bytes), big Int digits
  bool u_prefix = false;  // Str written u"..." (CPython's Constant.kind == 'u')
};
struct Attribute : NodeOf<NodeKind::Attribute, Expr> {
  Expr* value = nullptr;
  std::string attr;
  Ctx ctx = Ctx::Load;
};
struct Subscript : NodeOf<NodeKind::Subscript, Expr> {
  Expr* value = nullptr;
  Expr* slice = nullptr;  // a Slice, a Tuple (possibly containing Slices) or any expr
  Ctx ctx = Ctx::Load;
};
struct Starred : NodeOf<NodeKind::Starred, Expr> {
  Expr* value = nullptr;
  Ctx ctx = Ctx::Load;
};
struct Name : NodeOf<NodeKind::Name, Expr> {
  std::string id;
  Ctx ctx = Ctx::Load;
};
struct List : NodeOf<NodeKind::List, Expr> {
  ExprList elts;
  Ctx ctx = Ctx::Load;
};
struct Tuple : NodeOf<NodeKind::Tuple, Expr> {
  ExprList elts;
  Ctx ctx = Ctx::Load;
  bool parenthesized = false;  // for error messages and spans only
};
struct Slice : NodeOf<NodeKind::Slice, Expr> {
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ---------------------------------------------------------------- statements
struct FunctionDef : NodeOf<NodeKind::FunctionDef, Stmt> {
  std::string name;
  Arguments* args = nullptr;
  StmtList body;
  ExprList decorator_list;
  Expr* returns = nullptr;  // parsed, ignored
  Scope* scope = nullptr;
};
// `async def`: parsed so that the compiler can report "async functions are not
// supported" at the right line; shares FunctionDef's layout.
struct AsyncFunctionDef : NodeOf<NodeKind::AsyncFunctionDef, Stmt> {
  std::string name;
  Arguments* args = nullptr;
  StmtList body;
  ExprList decorator_list;
  Expr* returns = nullptr;
  Scope* scope = nullptr;
};
struct ClassDef : NodeOf<NodeKind::ClassDef, Stmt> {
  std::string name;
  ExprList bases;
  std::vector<Keyword*> keywords;  // e.g. metaclass=... (rejected by the compiler)
  StmtList body;
  ExprList decorator_list;
  Scope* scope = nullptr;
};
struct Return : NodeOf<NodeKind::Return, Stmt> { Expr* value = nullptr; };
struct Delete : NodeOf<NodeKind::Delete, Stmt> { ExprList targets; };
struct Assign : NodeOf<NodeKind::Assign, Stmt> {
  ExprList targets;  // `a = b = v` has two targets
  Expr* value = nullptr;
};
struct AugAssign : NodeOf<NodeKind::AugAssign, Stmt> {
  Expr* target = nullptr;
  BinOpKind op{};
  Expr* value = nullptr;
};
struct AnnAssign : NodeOf<NodeKind::AnnAssign, Stmt> {
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;  // may be nullptr (`x: int`)
  bool simple = true;
};
struct For : NodeOf<NodeKind::For, Stmt> {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  StmtList body;
  StmtList orelse;
};
struct AsyncFor : NodeOf<NodeKind::AsyncFor, Stmt> {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  StmtList body;
  StmtList orelse;
};
struct While : NodeOf<NodeKind::While, Stmt> {
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};
struct If : NodeOf<NodeKind::If, Stmt> {
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;  // an `elif` is a nested If as the single orelse statement
};
struct With : NodeOf<NodeKind::With, Stmt> {
  std::vector<WithItem*> items;
  StmtList body;
};
struct AsyncWith : NodeOf<NodeKind::AsyncWith, Stmt> {
  std::vector<WithItem*> items;
  StmtList body;
};
// `match` statements are recognised only to be rejected with a clear message.
struct Match : NodeOf<NodeKind::Match, Stmt> { Expr* subject = nullptr; };
struct Raise : NodeOf<NodeKind::Raise, Stmt> {
  Expr* exc = nullptr;
  Expr* cause = nullptr;
};
struct Try : NodeOf<NodeKind::Try, Stmt> {
  StmtList body;
  std::vector<ExceptHandler*> handlers;
  StmtList orelse;
  StmtList finalbody;
};
struct Assert : NodeOf<NodeKind::Assert, Stmt> {
  Expr* test = nullptr;
  Expr* msg = nullptr;
};
struct Import : NodeOf<NodeKind::Import, Stmt> { std::vector<Alias*> names; };
struct ImportFrom : NodeOf<NodeKind::ImportFrom, Stmt> {
  std::string module;  // may be empty for `from . import x`
  std::vector<Alias*> names;
  int level = 0;
};
struct Global : NodeOf<NodeKind::Global, Stmt> { std::vector<std::string> names; };
struct Nonlocal : NodeOf<NodeKind::Nonlocal, Stmt> { std::vector<std::string> names; };
struct ExprStmt : NodeOf<NodeKind::ExprStmt, Stmt> { Expr* value = nullptr; };
struct Pass : NodeOf<NodeKind::Pass, Stmt> {};
struct Break : NodeOf<NodeKind::Break, Stmt> {};
struct Continue : NodeOf<NodeKind::Continue, Stmt> {};

struct Module : NodeOf<NodeKind::Module, Node> {
  StmtList body;
  Scope* scope = nullptr;
};

// ---------------------------------------------------------------- arena
// Owns every node of one parse, plus the source text it was parsed from (tracebacks
// and the CUDA emitter quote source lines from it).
class Arena {
 public:
  template <class T> T* make(Span span = {}) {
    auto node = std::make_unique<T>();
    node->span = span;
    T* raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
  size_t node_count() const { return nodes_.size(); }

  std::string filename;
  std::string source;
  // Owned scopes (vm/scope) live here too so that they die with the tree.
  std::vector<std::unique_ptr<Scope, void (*)(Scope*)>> scopes;

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

// A debugging dump in the style of CPython's ast.dump(), used by parser tests:
//   Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[...
// `include_spans` appends `@line:col-end_line:end_col` to every node.
std::string dump(const Node* node, bool include_spans = false);

}  // namespace pyjitvm::vm::ast
