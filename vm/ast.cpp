// vm/ast.cpp — names of AST node kinds and operators, and the ast.dump()-style printer.
//
// Stage: ast::Node tree (from vm/parser) → text identical to CPython 3.11's
//        `ast.dump(ast.parse(src))` (used by parser tests and debugging).
//
// Invariants:
//   I1  Fields print in CPython's `_fields` order; optional fields that are null are
//       omitted, list fields always print (`[]`), as ast.dump does — `Dumper::node()`.
//   I2  Constants print with Python's repr (shortest float repr with the exponent rules
//       of float.__repr__, str/bytes repr with Python's quote choice) — `repr_*()`.
//   I3  `include_spans` appends `@line:col-end_line:end_col` after every node and
//       changes nothing else — `Dumper::span()`.
#include "vm/ast.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "vm/lexer.h"

namespace pyjitvm::vm::ast {

namespace {

// ORDER NodeKind
constexpr const char* kNodeNames[] = {
    "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
    "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call",
    "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
    "List", "Tuple", "Slice",
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign",
    "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith", "Match", "Raise",
    "Try", "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass", "Break",
    "Continue",
    "Module", "arguments", "arg", "keyword", "alias", "withitem", "ExceptHandler",
    "comprehension",
};
static_assert(std::size(kNodeNames) == static_cast<size_t>(NodeKind::Comprehension) + 1,
              "kNodeNames must follow NodeKind (ORDER NodeKind)");

// ORDER BinOpKind
constexpr const char* kBinOpNames[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",
                                       "Mod",    "Pow",    "LShift", "RShift", "BitOr",
                                       "BitXor", "BitAnd", "FloorDiv"};
constexpr const char* kBinOpSymbols[] = {"+", "-", "*", "@", "/", "%", "**", "<<", ">>",
                                         "|", "^", "&", "//"};
// ORDER UnaryOpKind
constexpr const char* kUnaryNames[] = {"Invert", "Not", "UAdd", "USub"};
constexpr const char* kUnarySymbols[] = {"~", "not", "+", "-"};
// ORDER CmpOpKind
constexpr const char* kCmpNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                     "GtE", "Is", "IsNot", "In", "NotIn"};
constexpr const char* kCmpSymbols[] = {"==", "!=", "<", "<=", ">", ">=",
                                       "is", "is not", "in", "not in"};
constexpr const char* kCtxNames[] = {"Load", "Store", "Del"};

void append_hex_escape(std::string& out, char kind, uint32_t value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\%c%0*x", kind, digits, value);
  out += buf;
}

}  // namespace

// Python's repr() of a float: shortest round-trip digits; scientific notation when the
// decimal exponent is < -4 or >= 16 ("1e-05", "1e+16"), otherwise positional with at
// least one digit after the point ("100.0").
static std::string repr_float(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
  std::string out;
  size_t i = 0;
  if (sci[0] == '-') {
    out += '-';
    i = 1;
  }
  size_t e_pos = sci.find('e');
  std::string digits;
  for (size_t k = i; k < e_pos; ++k) {
    if (sci[k] != '.') digits += sci[k];
  }
  int exp = std::stoi(std::string(sci.substr(e_pos + 1)));
  int ndigits = static_cast<int>(digits.size());
  if (exp < -4 || exp >= 16) {
    out += digits[0];
    if (ndigits > 1) out += '.' + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  } else if (exp < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exp - 1), '0');
    out += digits;
  } else if (exp + 1 >= ndigits) {
    out += digits;
    out.append(static_cast<size_t>(exp + 1 - ndigits), '0');
    out += ".0";
  } else {
    out += digits.substr(0, static_cast<size_t>(exp + 1));
    out += '.';
    out += digits.substr(static_cast<size_t>(exp + 1));
  }
  return out;
}

// repr() of a pure imaginary literal: "3j", "2.5j", "1e+16j", "infj".
static std::string repr_imag(double v) {
  std::string r = repr_float(v);
  if (r.size() > 2 && r.compare(r.size() - 2, 2, ".0") == 0) r.resize(r.size() - 2);
  return r + "j";
}

// repr() of a str (UTF-8 in, Python's quoting and escapes out).
static std::string repr_str(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    int n = decode_utf8(s, i, cp);
    if (n == 0 && i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xED &&
        (static_cast<unsigned char>(s[i + 1]) & 0xE0) == 0xA0 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      // A lone surrogate from "\udc80" (stored as generalized UTF-8): repr escapes it.
      cp = 0xD000 | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      append_hex_escape(out, 'u', cp, 4);
      i += 3;
      continue;
    }
    if (n == 0) {  // cannot happen for parser output; keep the byte visible
      append_hex_escape(out, 'x', static_cast<unsigned char>(s[i]), 2);
      ++i;
      continue;
    }
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      append_hex_escape(out, 'x', cp, 2);
    } else if (cp < 0x80 || is_printable_code_point(cp)) {
      out.append(s.substr(i, static_cast<size_t>(n)));
    } else if (cp < 0x100) {
      append_hex_escape(out, 'x', cp, 2);
    } else if (cp < 0x10000) {
      append_hex_escape(out, 'u', cp, 4);
    } else {
      append_hex_escape(out, 'U', cp, 8);
    }
    i += static_cast<size_t>(n);
  }
  out += quote;
  return out;
}

// repr() of a bytes object.
static std::string repr_bytes(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      append_hex_escape(out, 'x', c, 2);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

const char* node_kind_name(NodeKind k) { return kNodeNames[static_cast<size_t>(k)]; }
const char* binop_symbol(BinOpKind op) { return kBinOpSymbols[static_cast<size_t>(op)]; }
const char* unaryop_symbol(UnaryOpKind op) { return kUnarySymbols[static_cast<size_t>(op)]; }
const char* cmpop_symbol(CmpOpKind op) { return kCmpSymbols[static_cast<size_t>(op)]; }

namespace {

// Writes one node at a time; the field lists mirror CPython's `_fields`.
class Dumper {
 public:
  explicit Dumper(bool spans) : spans_(spans) {}
  std::string take() { return std::move(out_); }

  void node(const Node* n);

 private:
  // Field helpers: `sep()` writes ", " between fields of one node.
  void begin(const Node* n) {
    out_ += node_kind_name(n->kind);
    out_ += '(';
    first_.push_back(true);
  }
  void end(const Node* n) {
    out_ += ')';
    first_.pop_back();
    if (spans_) span(n->span);
  }
  void sep() {
    if (!first_.back()) out_ += ", ";
    first_.back() = false;
  }
  void field(const char* name, const Node* child) {  // omitted when null
    if (child == nullptr) return;
    sep();
    out_ += name;
    out_ += '=';
    node(child);
  }
  template <class T>
  void list(const char* name, const std::vector<T*>& items) {
    sep();
    out_ += name;
    out_ += "=[";
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out_ += ", ";
      if (items[i] == nullptr) {
        out_ += "None";
      } else {
        node(items[i]);
      }
    }
    out_ += ']';
  }
  void raw(const char* name, const std::string& text) {
    sep();
    out_ += name;
    out_ += '=';
    out_ += text;
  }
  void str(const char* name, const std::string& s) { raw(name, repr_str(s)); }
  void opt_str(const char* name, const std::string& s) {
    if (!s.empty()) str(name, s);
  }
  void ctx(Ctx c) { raw("ctx", std::string(kCtxNames[static_cast<size_t>(c)]) + "()"); }
  void span(const Span& s) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "@%u:%u-%u:%u", s.line, s.col, s.end_line, s.end_col);
    out_ += buf;
  }
  void name_list(const char* name, const std::vector<std::string>& names) {
    sep();
    out_ += name;
    out_ += "=[";
    for (size_t i = 0; i < names.size(); ++i) {
      if (i) out_ += ", ";
      out_ += repr_str(names[i]);
    }
    out_ += ']';
  }
  void constant(const Constant* c);
  void expr_fields(const Node* n);
  void stmt_fields(const Node* n);
  void other_fields(const Node* n);

  bool spans_;
  std::string out_;
  std::vector<bool> first_;
};

void Dumper::node(const Node* n) {
  begin(n);
  if (n->kind <= NodeKind::Slice) {
    expr_fields(n);
  } else if (n->kind <= NodeKind::Continue) {
    stmt_fields(n);
  } else {
    other_fields(n);
  }
  end(n);
}

void Dumper::constant(const Constant* c) {
  std::string v;
  switch (c->ckind) {
    case ConstKind::None: v = "None"; break;
    case ConstKind::True: v = "True"; break;
    case ConstKind::False: v = "False"; break;
    case ConstKind::Ellipsis: v = "Ellipsis"; break;
    case ConstKind::Int: v = c->int_fits ? std::to_string(c->i64) : c->text; break;
    case ConstKind::Float: v = repr_float(c->f64); break;
    case ConstKind::Imag: v = repr_imag(c->f64); break;
    case ConstKind::Str: v = repr_str(c->text); break;
    case ConstKind::Bytes: v = repr_bytes(c->text); break;
  }
  raw("value", v);
  if (c->u_prefix) raw("kind", "'u'");
}

void Dumper::expr_fields(const Node* n) {
  switch (n->kind) {
    case NodeKind::BoolOp: {
      auto* e = n->as<BoolOp>();
      raw("op", e->op == BoolOpKind::And ? "And()" : "Or()");
      list("values", e->values);
      break;
    }
    case NodeKind::NamedExpr: {
      auto* e = n->as<NamedExpr>();
      field("target", e->target);
      field("value", e->value);
      break;
    }
    case NodeKind::BinOp: {
      auto* e = n->as<BinOp>();
      field("left", e->left);
      raw("op", std::string(kBinOpNames[static_cast<size_t>(e->op)]) + "()");
      field("right", e->right);
      break;
    }
    case NodeKind::UnaryOp: {
      auto* e = n->as<UnaryOp>();
      raw("op", std::string(kUnaryNames[static_cast<size_t>(e->op)]) + "()");
      field("operand", e->operand);
      break;
    }
    case NodeKind::Lambda: {
      auto* e = n->as<Lambda>();
      field("args", e->args);
      field("body", e->body);
      break;
    }
    case NodeKind::IfExp: {
      auto* e = n->as<IfExp>();
      field("test", e->test);
      field("body", e->body);
      field("orelse", e->orelse);
      break;
    }
    case NodeKind::Dict: {
      auto* e = n->as<Dict>();
      list("keys", e->keys);
      list("values", e->values);
      break;
    }
    case NodeKind::Set: list("elts", n->as<Set>()->elts); break;
    case NodeKind::ListComp: {
      auto* e = n->as<ListComp>();
      field("elt", e->elt);
      list("generators", e->generators);
      break;
    }
    case NodeKind::SetComp: {
      auto* e = n->as<SetComp>();
      field("elt", e->elt);
      list("generators", e->generators);
      break;
    }
    case NodeKind::DictComp: {
      auto* e = n->as<DictComp>();
      field("key", e->key);
      field("value", e->value);
      list("generators", e->generators);
      break;
    }
    case NodeKind::GeneratorExp: {
      auto* e = n->as<GeneratorExp>();
      field("elt", e->elt);
      list("generators", e->generators);
      break;
    }
    case NodeKind::Await: field("value", n->as<Await>()->value); break;
    case NodeKind::Yield: field("value", n->as<Yield>()->value); break;
    case NodeKind::YieldFrom: field("value", n->as<YieldFrom>()->value); break;
    case NodeKind::Compare: {
      auto* e = n->as<Compare>();
      field("left", e->left);
      sep();
      out_ += "ops=[";
      for (size_t i = 0; i < e->ops.size(); ++i) {
        if (i) out_ += ", ";
        out_ += kCmpNames[static_cast<size_t>(e->ops[i])];
        out_ += "()";
      }
      out_ += ']';
      list("comparators", e->comparators);
      break;
    }
    case NodeKind::Call: {
      auto* e = n->as<Call>();
      field("func", e->func);
      list("args", e->args);
      list("keywords", e->keywords);
      break;
    }
    case NodeKind::FormattedValue: {
      auto* e = n->as<FormattedValue>();
      field("value", e->value);
      raw("conversion", std::to_string(e->conversion));
      field("format_spec", e->format_spec);
      break;
    }
    case NodeKind::JoinedStr: list("values", n->as<JoinedStr>()->values); break;
    case NodeKind::Constant: constant(n->as<Constant>()); break;
    case NodeKind::Attribute: {
      auto* e = n->as<Attribute>();
      field("value", e->value);
      str("attr", e->attr);
      ctx(e->ctx);
      break;
    }
    case NodeKind::Subscript: {
      auto* e = n->as<Subscript>();
      field("value", e->value);
      field("slice", e->slice);
      ctx(e->ctx);
      break;
    }
    case NodeKind::Starred: {
      auto* e = n->as<Starred>();
      field("value", e->value);
      ctx(e->ctx);
      break;
    }
    case NodeKind::Name: {
      auto* e = n->as<Name>();
      str("id", e->id);
      ctx(e->ctx);
      break;
    }
    case NodeKind::List: {
      auto* e = n->as<List>();
      list("elts", e->elts);
      ctx(e->ctx);
      break;
    }
    case NodeKind::Tuple: {
      auto* e = n->as<Tuple>();
      list("elts", e->elts);
      ctx(e->ctx);
      break;
    }
    case NodeKind::Slice: {
      auto* e = n->as<Slice>();
      field("lower", e->lower);
      field("upper", e->upper);
      field("step", e->step);
      break;
    }
    default: break;
  }
}

void Dumper::stmt_fields(const Node* n) {
  switch (n->kind) {
    case NodeKind::FunctionDef:
    case NodeKind::AsyncFunctionDef: {
      // Both structs share the layout; read through the concrete type.
      const std::string& name = n->kind == NodeKind::FunctionDef
                                    ? n->as<FunctionDef>()->name
                                    : n->as<AsyncFunctionDef>()->name;
      str("name", name);
      if (n->kind == NodeKind::FunctionDef) {
        auto* f = n->as<FunctionDef>();
        field("args", f->args);
        list("body", f->body);
        list("decorator_list", f->decorator_list);
        field("returns", f->returns);
      } else {
        auto* f = n->as<AsyncFunctionDef>();
        field("args", f->args);
        list("body", f->body);
        list("decorator_list", f->decorator_list);
        field("returns", f->returns);
      }
      break;
    }
    case NodeKind::ClassDef: {
      auto* s = n->as<ClassDef>();
      str("name", s->name);
      list("bases", s->bases);
      list("keywords", s->keywords);
      list("body", s->body);
      list("decorator_list", s->decorator_list);
      break;
    }
    case NodeKind::Return: field("value", n->as<Return>()->value); break;
    case NodeKind::Delete: list("targets", n->as<Delete>()->targets); break;
    case NodeKind::Assign: {
      auto* s = n->as<Assign>();
      list("targets", s->targets);
      field("value", s->value);
      break;
    }
    case NodeKind::AugAssign: {
      auto* s = n->as<AugAssign>();
      field("target", s->target);
      raw("op", std::string(kBinOpNames[static_cast<size_t>(s->op)]) + "()");
      field("value", s->value);
      break;
    }
    case NodeKind::AnnAssign: {
      auto* s = n->as<AnnAssign>();
      field("target", s->target);
      field("annotation", s->annotation);
      field("value", s->value);
      raw("simple", s->simple ? "1" : "0");
      break;
    }
    case NodeKind::For:
    case NodeKind::AsyncFor: {
      bool sync = n->kind == NodeKind::For;
      field("target", sync ? n->as<For>()->target : n->as<AsyncFor>()->target);
      field("iter", sync ? n->as<For>()->iter : n->as<AsyncFor>()->iter);
      list("body", sync ? n->as<For>()->body : n->as<AsyncFor>()->body);
      list("orelse", sync ? n->as<For>()->orelse : n->as<AsyncFor>()->orelse);
      break;
    }
    case NodeKind::While: {
      auto* s = n->as<While>();
      field("test", s->test);
      list("body", s->body);
      list("orelse", s->orelse);
      break;
    }
    case NodeKind::If: {
      auto* s = n->as<If>();
      field("test", s->test);
      list("body", s->body);
      list("orelse", s->orelse);
      break;
    }
    case NodeKind::With:
    case NodeKind::AsyncWith: {
      bool sync = n->kind == NodeKind::With;
      list("items", sync ? n->as<With>()->items : n->as<AsyncWith>()->items);
      list("body", sync ? n->as<With>()->body : n->as<AsyncWith>()->body);
      break;
    }
    case NodeKind::Match:
      field("subject", n->as<Match>()->subject);
      raw("cases", "[]");  // cases are not kept: the compiler rejects match
      break;
    case NodeKind::Raise: {
      auto* s = n->as<Raise>();
      field("exc", s->exc);
      field("cause", s->cause);
      break;
    }
    case NodeKind::Try: {
      auto* s = n->as<Try>();
      list("body", s->body);
      list("handlers", s->handlers);
      list("orelse", s->orelse);
      list("finalbody", s->finalbody);
      break;
    }
    case NodeKind::Assert: {
      auto* s = n->as<Assert>();
      field("test", s->test);
      field("msg", s->msg);
      break;
    }
    case NodeKind::Import: list("names", n->as<Import>()->names); break;
    case NodeKind::ImportFrom: {
      auto* s = n->as<ImportFrom>();
      opt_str("module", s->module);
      list("names", s->names);
      raw("level", std::to_string(s->level));
      break;
    }
    case NodeKind::Global: name_list("names", n->as<Global>()->names); break;
    case NodeKind::Nonlocal: name_list("names", n->as<Nonlocal>()->names); break;
    case NodeKind::ExprStmt: field("value", n->as<ExprStmt>()->value); break;
    default: break;  // Pass, Break, Continue have no fields
  }
}

void Dumper::other_fields(const Node* n) {
  switch (n->kind) {
    case NodeKind::Module:
      list("body", n->as<Module>()->body);
      raw("type_ignores", "[]");
      break;
    case NodeKind::Arguments: {
      auto* a = n->as<Arguments>();
      list("posonlyargs", a->posonlyargs);
      list("args", a->args);
      field("vararg", a->vararg);
      list("kwonlyargs", a->kwonlyargs);
      list("kw_defaults", a->kw_defaults);
      field("kwarg", a->kwarg);
      list("defaults", a->defaults);
      break;
    }
    case NodeKind::Arg: {
      auto* a = n->as<Arg>();
      str("arg", a->name);
      field("annotation", a->annotation);
      break;
    }
    case NodeKind::Keyword: {
      auto* k = n->as<Keyword>();
      opt_str("arg", k->arg);
      field("value", k->value);
      break;
    }
    case NodeKind::Alias: {
      auto* a = n->as<Alias>();
      str("name", a->name);
      opt_str("asname", a->asname);
      break;
    }
    case NodeKind::WithItem: {
      auto* w = n->as<WithItem>();
      field("context_expr", w->context_expr);
      field("optional_vars", w->optional_vars);
      break;
    }
    case NodeKind::ExceptHandler: {
      auto* h = n->as<ExceptHandler>();
      field("type", h->type);
      opt_str("name", h->name);
      list("body", h->body);
      break;
    }
    case NodeKind::Comprehension: {
      auto* c = n->as<Comprehension>();
      field("target", c->target);
      field("iter", c->iter);
      list("ifs", c->ifs);
      raw("is_async", c->is_async ? "1" : "0");
      break;
    }
    default: break;
  }
}

}  // namespace

std::string dump(const Node* node, bool include_spans) {
  if (node == nullptr) return "None";
  Dumper d(include_spans);
  d.node(node);
  return d.take();
}

}  // namespace pyjitvm::vm::ast
