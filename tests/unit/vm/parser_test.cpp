// tests/unit/vm/parser_test.cpp — the parser against CPython 3.11.2: AST dumps and spans.
//
// Stage: source text → parse_module() → ast::dump(), compared with expectations
//        generated once by CPython 3.11.2's ast module (tables in *_cases.inc).
//
// Invariants:
//   I1  ast::dump(parse(src)) == CPython's ast.dump(ast.parse(src)) for every table
//       entry — `ParserDump.MatchesCPython`.
//   I2  Every node CPython gives a position has CPython's span — `ParserSpans`.
#include <gtest/gtest.h>

#include <chrono>
#include <cctype>
#include <string>
#include <vector>

#include "vm/parser.h"
#include "vm/scope.h"

namespace pyjitvm::vm {
namespace {

struct DumpCase {
  const char* src;
  const char* dump;
};
const DumpCase kDumpCases[] = {
#include "parser_test_cases.inc"
};

struct SpanCase {
  const char* src;
  const char* spans;
};
const SpanCase kSpanCases[] = {
#include "parser_span_cases.inc"
};

std::string parse_dump(const std::string& src, bool spans = false) {
  ParseResult r;
  SyntaxErrorInfo e;
  if (!parse_module(src, "t.py", r, e, false)) {
    return "ERROR " + e.msg + " @" + std::to_string(e.line) + ":" + std::to_string(e.offset);
  }
  return ast::dump(r.module, spans);
}

const ast::Module* parse_ok(const std::string& src, ParseResult& r) {
  SyntaxErrorInfo e;
  EXPECT_TRUE(parse_module(src, "t.py", r, e, false)) << src << "\n" << e.msg;
  return r.module;
}

// Post-order `Kind@l:c-l:c` list of an include_spans dump, leaving out the nodes that
// have no position in CPython (arguments, comprehension, withitem, Module).
std::string post_order_spans(const std::string& d) {
  std::vector<std::string> stack;
  std::string out;
  size_t i = 0;
  while (i < d.size()) {
    char c = d[i];
    if (c == '\'' || c == '"') {  // a repr()'d string: skip it
      for (++i; i < d.size() && d[i] != c; ++i) {
        if (d[i] == '\\') ++i;
      }
      ++i;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = i;
      while (i < d.size() && (std::isalnum(static_cast<unsigned char>(d[i])) || d[i] == '_')) ++i;
      if (i < d.size() && d[i] == '(') {
        stack.push_back(d.substr(start, i - start));
        ++i;
      }
    } else if (c == ')') {
      std::string name = stack.back();
      stack.pop_back();
      ++i;
      if (i < d.size() && d[i] == '@') {
        size_t start = i;
        ++i;
        while (i < d.size() && (std::isdigit(static_cast<unsigned char>(d[i])) || d[i] == ':' ||
                                d[i] == '-')) {
          ++i;
        }
        if (name != "arguments" && name != "comprehension" && name != "withitem" &&
            name != "Module") {
          if (!out.empty()) out += ' ';
          out += name + d.substr(start, i - start);
        }
      }
    } else {
      ++i;
    }
  }
  return out;
}

TEST(ParserDump, MatchesCPython) {
  ASSERT_GE(std::size(kDumpCases), 150u);
  for (const DumpCase& c : kDumpCases) {
    EXPECT_EQ(parse_dump(c.src), c.dump) << "source:\n" << c.src;
  }
}

TEST(ParserSpans, MatchCPython) {
  for (const SpanCase& c : kSpanCases) {
    EXPECT_EQ(post_order_spans(parse_dump(c.src, true)), c.spans) << "source:\n" << c.src;
  }
}

TEST(ParserSpans, DumpFormat) {
  EXPECT_EQ(parse_dump("x\n", true),
            "Module(body=[Expr(value=Name(id='x', ctx=Load())@1:0-1:1)@1:0-1:1], "
            "type_ignores=[])@0:0-0:0");
}

TEST(ParserConstants, IntegersFloatsAndBigInts) {
  ParseResult r;
  const ast::Module* m = parse_ok(
      "9223372036854775807\n9223372036854775808\n0xFFFFFFFFFFFFFFFFFFFF\n1.5e-7\n3j\n"
      "0b1111111111111111111111111111111111111111111111111111111111111111\n",
      r);
  ASSERT_EQ(m->body.size(), 6u);
  auto constant = [&](size_t i) {
    return m->body[i]->as<ast::ExprStmt>()->value->as<ast::Constant>();
  };
  EXPECT_TRUE(constant(0)->int_fits);
  EXPECT_EQ(constant(0)->i64, INT64_MAX);
  EXPECT_FALSE(constant(1)->int_fits);
  EXPECT_EQ(constant(1)->text, "9223372036854775808");
  EXPECT_EQ(constant(2)->text, "1208925819614629174706175");
  EXPECT_EQ(constant(3)->ckind, ast::ConstKind::Float);
  EXPECT_DOUBLE_EQ(constant(3)->f64, 1.5e-7);
  EXPECT_EQ(constant(4)->ckind, ast::ConstKind::Imag);
  EXPECT_DOUBLE_EQ(constant(4)->f64, 3.0);
  EXPECT_EQ(constant(5)->text, "18446744073709551615");
}

TEST(ParserConstants, StringsAndBytes) {
  ParseResult r;
  const ast::Module* m = parse_ok("'a\\x41\\u00e9' \"b\"\nb'\\xff\\n'\nu'x'\n", r);
  auto constant = [&](size_t i) {
    return m->body[i]->as<ast::ExprStmt>()->value->as<ast::Constant>();
  };
  EXPECT_EQ(constant(0)->text, "aA\xc3\xa9" "b");
  EXPECT_EQ(constant(1)->ckind, ast::ConstKind::Bytes);
  EXPECT_EQ(constant(1)->text, std::string("\xff\n"));
  EXPECT_TRUE(constant(2)->u_prefix);
}

TEST(ParserFString, SelfDocumentingExpansion) {
  EXPECT_EQ(parse_dump("f'{x=}'"),
            "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), "
            "FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], "
            "type_ignores=[])");
  // With a format spec and no conversion the conversion stays none.
  EXPECT_EQ(parse_dump("f'{x = :>4}'"),
            "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), "
            "FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, "
            "format_spec=JoinedStr(values=[Constant(value='>4')]))]))], type_ignores=[])");
}

TEST(ParserFString, ExpressionSpansPointAtTheSource) {
  ParseResult r;
  const ast::Module* m = parse_ok("x = 1\ny = f'ab{value + 1:>{width}}'\n", r);
  const auto* js = m->body[1]->as<ast::Assign>()->value->as<ast::JoinedStr>();
  const auto* fv = js->values[1]->as<ast::FormattedValue>();
  const auto* bin = fv->value->as<ast::BinOp>();
  EXPECT_EQ(bin->span.line, 2u);
  EXPECT_EQ(bin->span.col, 9u);  // CPython 3.11.2: BinOp 2:9-2:18
  EXPECT_EQ(bin->span.end_col, 18u);
  const auto* width = fv->format_spec->as<ast::JoinedStr>()->values[1]
                          ->as<ast::FormattedValue>()->value;
  EXPECT_EQ(width->span.col, 21u);  // Name(width) 2:21-2:26
  EXPECT_EQ(width->span.end_col, 26u);
}

TEST(ParserNodes, ContextsAndFlags) {
  ParseResult r;
  const ast::Module* m = parse_ok("(a, [b, *c]) = d\ndel e[0]\nx = (1, 2)\ny = 1, 2\n", r);
  const auto* t = m->body[0]->as<ast::Assign>()->targets[0]->as<ast::Tuple>();
  EXPECT_EQ(t->ctx, ast::Ctx::Store);
  EXPECT_TRUE(t->parenthesized);
  const auto* l = t->elts[1]->as<ast::List>();
  EXPECT_EQ(l->ctx, ast::Ctx::Store);
  EXPECT_EQ(l->elts[1]->as<ast::Starred>()->value->as<ast::Name>()->ctx, ast::Ctx::Store);
  EXPECT_EQ(m->body[1]->as<ast::Delete>()->targets[0]->as<ast::Subscript>()->ctx, ast::Ctx::Del);
  EXPECT_TRUE(m->body[2]->as<ast::Assign>()->value->as<ast::Tuple>()->parenthesized);
  EXPECT_FALSE(m->body[3]->as<ast::Assign>()->value->as<ast::Tuple>()->parenthesized);
}

TEST(ParserNodes, MatchIsKeptForTheCompilerToReject) {
  ParseResult r;
  const ast::Module* m =
      parse_ok("match = 1\nmatch x:\n    case 1:\n        pass\nprint(match)\n", r);
  ASSERT_EQ(m->body.size(), 3u);
  EXPECT_TRUE(m->body[0]->is<ast::Assign>());
  ASSERT_TRUE(m->body[1]->is<ast::Match>());
  EXPECT_EQ(m->body[1]->span.line, 2u);
  EXPECT_EQ(m->body[1]->as<ast::Match>()->subject->as<ast::Name>()->id, "x");
  EXPECT_TRUE(m->body[2]->is<ast::ExprStmt>());
}

TEST(ParserNodes, AsyncNodesParse) {
  ParseResult r;
  const ast::Module* m =
      parse_ok("async def f():\n    async for a in b: pass\n    async with c: await d\n", r);
  const auto* f = m->body[0]->as<ast::AsyncFunctionDef>();
  EXPECT_TRUE(f->body[0]->is<ast::AsyncFor>());
  EXPECT_TRUE(f->body[1]->is<ast::AsyncWith>());
}

TEST(ParserSource, ArenaKeepsFilenameAndSource) {
  ParseResult r;
  SyntaxErrorInfo e;
  ASSERT_TRUE(parse_module("\xEF\xBB\xBFx = 1\r\ny = 2", "prog.py", r, e));
  EXPECT_EQ(r.arena->filename, "prog.py");
  EXPECT_EQ(r.arena->source, "x = 1\ny = 2\n");  // BOM dropped, newlines normalised
  EXPECT_EQ(r.module->body[1]->span.line, 2u);
  EXPECT_NE(r.module->scope, nullptr);
}

TEST(ParserRepr, FloatsFollowPythonRepr) {
  EXPECT_EQ(parse_dump("1e16, 1e-5, 100.0, 0.0001, 1e15, 1.5, 1e400, 2.5j, 1e16j"),
            "Module(body=[Expr(value=Tuple(elts=[Constant(value=1e+16), Constant(value=1e-05), "
            "Constant(value=100.0), Constant(value=0.0001), Constant(value=1000000000000000.0), "
            "Constant(value=1.5), Constant(value=inf), Constant(value=2.5j), "
            "Constant(value=1e+16j)], ctx=Load()))], type_ignores=[])");
}

TEST(ParserRepr, NamesAndSymbols) {
  EXPECT_STREQ(ast::node_kind_name(ast::NodeKind::ExprStmt), "Expr");
  EXPECT_STREQ(ast::node_kind_name(ast::NodeKind::Arguments), "arguments");
  EXPECT_STREQ(ast::binop_symbol(ast::BinOpKind::FloorDiv), "//");
  EXPECT_STREQ(ast::unaryop_symbol(ast::UnaryOpKind::Not), "not");
  EXPECT_STREQ(ast::cmpop_symbol(ast::CmpOpKind::NotIn), "not in");
  EXPECT_EQ(ast::dump(nullptr), "None");
}

TEST(ParserRepl, InteractiveInput) {
  EXPECT_EQ(check_interactive_input("x = 1"), InputStatus::Complete);
  EXPECT_EQ(check_interactive_input(""), InputStatus::Complete);
  EXPECT_EQ(check_interactive_input("print((1,"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("x = [\n1,\n"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("if x:"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("if x:\n    y = 1\n"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("if x:\n    y = 1\n\n"), InputStatus::Complete);
  EXPECT_EQ(check_interactive_input("for i in r: print(i)\n"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("def f():\n"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("try:\n    pass\n"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("@dec\n"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("s = '''abc\n"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("x = 1 + \\\n"), InputStatus::Incomplete);
  EXPECT_EQ(check_interactive_input("x = = 1"), InputStatus::Error);
  EXPECT_EQ(check_interactive_input("x = 1 +"), InputStatus::Error);
  EXPECT_EQ(check_interactive_input("x = 'abc"), InputStatus::Error);
  EXPECT_EQ(check_interactive_input("x = (1]"), InputStatus::Error);
}

// A 10k-line file parses in linear time; the bound is loose because unit tests run on
// shared machines and under sanitizers (the measured time is recorded as a property).
TEST(ParserPerformance, TenThousandLines) {
  std::string chunk =
      "def kernel(a, b, n):\n"
      "    total = 0.0\n"
      "    for i in range(n):\n"
      "        x = a[i] * b[i] + (i % 3) ** 2\n"
      "        if x > 0.5 and not (i & 1):\n"
      "            total += x / (1.0 + abs(x))\n"
      "        else:\n"
      "            total -= f'{x:.3f}'.count('1')\n"
      "    return [t for t in (total, n) if t], {'k': total}\n"
      "\n";
  std::string src;
  while (src.size() < 10000 * 35) src += chunk;
  ParseResult r;
  SyntaxErrorInfo e;
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(parse_module(src, "big.py", r, e)) << e.msg;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                  .count();
  RecordProperty("parse_ms", std::to_string(ms));
  EXPECT_LT(ms, 2000.0);
}

}  // namespace
}  // namespace pyjitvm::vm
