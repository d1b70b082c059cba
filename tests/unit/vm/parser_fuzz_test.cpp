// tests/unit/vm/parser_fuzz_test.cpp — robustness: generated garbage never crashes,
// hangs or leaks the front end.
//
// Stage: generated source text → parse_module() (+ scopes) → dump / format_syntax_error,
// and every input that parses → compile_module() → verify_proto().
//
// Over 100k inputs from a fixed seed: random token soup, truncations and byte mutations
// of valid programs, deep nesting of every recursive construct, and random bytes
// (NUL and invalid UTF-8 included). Run under -fsanitize=address,undefined to check
// memory safety and leaks.
//
// Invariants:
//   I1  parse_module() always returns; on failure the error has a message, a line >= 0
//       and the formatted text ends with "<Class>: <msg>\n" — `check_one()`.
//   I2  On success the dump is non-empty and starts with "Module(" — `check_one()`.
//   I3  A parsed input either compiles to bytecode that passes verify_proto() or is a
//       SyntaxError from the compiler (e.g. `break` outside a loop) — `check_one()`.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "vm/compiler.h"
#include "vm/parser.h"
#include "vm/scope.h"
#include "vm/vm.h"

namespace pyjitvm::vm {
namespace {

const char* const kSeeds[] = {
    "import math\nfrom numba import njit, prange\n\n@njit(parallel=True)\n"
    "def f(a, b=1, *c, d, e=2, **k):\n    s = 0.0\n    for i in prange(len(a)):\n"
    "        s += a[i] ** 2 if i % 2 else -a[i]\n    return s, [x for x in c if x]\n",
    "class C(Base, metaclass=M):\n    '''doc'''\n    x: int = 1\n    def m(self):\n"
    "        return super().m() + self.x\n    @property\n    def p(self): return {1: 2, **d}\n",
    "try:\n    x = f'{a!r:>{w}} {b=} {c:.2f}' 'tail' \"more\"\nexcept (A, B) as e:\n"
    "    raise E from e\nelse:\n    pass\nfinally:\n    del x, y[0], z.q\n",
    "def gen(n):\n    nonlocal_ = 0\n    def inner():\n        nonlocal nonlocal_\n"
    "        nonlocal_ += 1\n        yield from range(n)\n    while (m := n) > 0:\n"
    "        n -= 1\n        if n == 3: break\n        elif n: continue\n    else:\n"
    "        return lambda *a, **k: (yield)\n",
    "with open(p) as f, (g := h()) as q:\n    data = [*f, *q]\n    a, *b, c = data[1:-1:2]\n"
    "    x = {k: v for k, v in zip(a, b)}\n    s = {i for i in range(10)}\n"
    "    print(*x, sep='', end='\\n')\n    assert x is not None and not s, 'msg'\n",
    "x = 0x_ff + 0o7_7 + 0b1_0 + 1_000.5e-3j + .5 + 1. + 12345678901234567890123\n"
    "y = b'\\x00\\xff' + rb'\\d' ; z = u'\\u00e9\\U0001F600' + '''tri\nple'''\n"
    "global g\nif x:\n\tpass\nmatch = 1\nmatch x:\n    case 1:\n        pass\n",
    "async def a():\n    async for x in y:\n        await z\n    async with w as v:\n"
    "        return [i async for i in v]\n@d1\n@d2.e(f)[g]\nclass K: pass\n",
};

const char* const kVocabulary[] = {
    "x", "y", "_", "match", "case", "print", "é", "1", "0x1f", "1.5e3", "3j", "'s'", "\"t\"",
    "'''u\n'''", "f'{x}'", "f'{x!r:>{y}}'", "f'{'", "b'b'", "rb'\\'", "(", ")", "[", "]", "{",
    "}", ":", ",", ";", ".", "...", "=", "==", ":=", "+", "-", "*", "**", "/", "//", "%",
    "@", "|", "&", "^", "~", "<", ">", "<=", "!=", "->", "+=", "**=", "//=", "@=", "<<", ">>",
    "if", "elif", "else", "for", "in", "while", "def", "class", "return", "yield", "from",
    "import", "as", "with", "try", "except", "finally", "raise", "del", "pass", "break",
    "continue", "global", "nonlocal", "lambda", "and", "or", "not", "is", "None", "True",
    "False", "async", "await", "assert", "\n", "\n    ", "\n\t", "\\\n", " ", "#c\n", "$",
    "?", "!", "`", "\x00", "\xff", "\xc3", "€",
};

struct Stats {
  int ok = 0;
  int errors = 0;
  int compiled = 0;
};

void check_compiles(VM& vm, ParseResult&& r, const std::string& src, Stats& stats) {
  SyntaxErrorInfo e;
  Proto* p = compile_module(vm, std::move(r), e);
  if (p) {
    ++stats.compiled;
    ASSERT_EQ(verify_proto(p), "") << src;
  } else {
    ASSERT_FALSE(e.msg.empty()) << src;
  }
  vm.collect();  // the Protos are garbage at once; keeps the heap small
}

void check_one(VM& vm, const std::string& src, Stats& stats) {
  ParseResult r;
  SyntaxErrorInfo e;
  if (parse_module(src, "fuzz.py", r, e, true)) {
    ++stats.ok;
    std::string d = ast::dump(r.module);
    ASSERT_EQ(d.rfind("Module(", 0), 0u) << src;
    (void)dump_scopes(r.module->scope);
    check_compiles(vm, std::move(r), src, stats);
  } else {
    ++stats.errors;
    ASSERT_FALSE(e.msg.empty()) << src;
    ASSERT_GE(e.line, 0) << src;
    std::string f = format_syntax_error(e);
    std::string tail = std::string(syntax_error_class_name(e.kind)) + ": " + e.msg + "\n";
    ASSERT_GE(f.size(), tail.size());
    ASSERT_EQ(f.substr(f.size() - tail.size()), tail) << src;
  }
  (void)check_interactive_input(src);
}

TEST(ParserFuzz, SeedsParse) {
  for (const char* seed : kSeeds) {
    ParseResult r;
    SyntaxErrorInfo e;
    EXPECT_TRUE(parse_module(seed, "seed.py", r, e, true)) << seed << "\n" << e.msg;
  }
}

TEST(ParserFuzz, GeneratedInputsNeverCrash) {
  std::mt19937 rng(12345);
  VM vm;
  Stats stats;
  int count = 0;
  auto start = std::chrono::steady_clock::now();
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  // 1. token soup
  for (int i = 0; i < 40000; ++i, ++count) {
    std::string s;
    size_t n = 1 + pick(40);
    for (size_t k = 0; k < n; ++k) {
      s += kVocabulary[pick(std::size(kVocabulary))];
      if (pick(3) == 0) s += ' ';
    }
    check_one(vm, s, stats);
  }
  // 2. truncations of the seeds
  for (const char* seed : kSeeds) {
    std::string s(seed);
    for (size_t cut = 0; cut <= s.size(); ++cut, ++count) check_one(vm, s.substr(0, cut), stats);
  }
  // 3. byte mutations of the seeds
  for (int i = 0; i < 40000; ++i, ++count) {
    std::string s(kSeeds[pick(std::size(kSeeds))]);
    int edits = 1 + static_cast<int>(pick(4));
    for (int k = 0; k < edits && !s.empty(); ++k) {
      size_t at = pick(s.size());
      switch (pick(4)) {
        case 0: s.erase(at, 1 + pick(3)); break;
        case 1: s.insert(at, 1, static_cast<char>(pick(256))); break;
        case 2: s[at] = static_cast<char>(pick(256)); break;
        default: s.insert(at, kVocabulary[pick(std::size(kVocabulary))]); break;
      }
    }
    check_one(vm, s, stats);
  }
  // 4. random bytes
  for (int i = 0; i < 20000; ++i, ++count) {
    std::string s;
    size_t n = pick(60);
    for (size_t k = 0; k < n; ++k) s += static_cast<char>(pick(256));
    check_one(vm, s, stats);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GE(count, 100000);
  EXPECT_GT(stats.ok, 100);  // the generators do produce valid programs too
  EXPECT_GT(stats.errors, 1000);
  EXPECT_GT(stats.compiled, 100);
  RecordProperty("inputs", count);
  RecordProperty("compiled", stats.compiled);
  RecordProperty("seconds", std::to_string(secs));
}

// Every recursive construct nested far too deep: a SyntaxError, never a stack overflow.
TEST(ParserFuzz, DeepNestingIsASyntaxError) {
  auto rep = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  const std::vector<std::string> deep = {
      rep("(", 250) + "x" + rep(")", 250),
      rep("[", 1000) + rep("]", 1000),
      rep("{", 300),
      rep("-", 200000) + "1",
      rep("not ", 50000) + "x",
      "x" + rep("**x", 50000),
      rep("lambda:", 20000) + "x",
      rep("1 if 1 else ", 20000) + "1",
      rep("await ", 20000) + "x",
      "f'" + rep("{", 99) + "'",
      "f'{x:{y:{z:{w}}}}'",
      rep("f'{", 3) + "x" + rep("}'", 3),
  };
  for (const std::string& src : deep) {
    ParseResult r;
    SyntaxErrorInfo e;
    EXPECT_FALSE(parse_module(src, "deep.py", r, e, true)) << src.substr(0, 40);
    EXPECT_FALSE(e.msg.empty());
  }
  // 200 levels of brackets are fine (CPython's limit is 200 open at once).
  ParseResult r;
  SyntaxErrorInfo e;
  EXPECT_TRUE(parse_module(rep("(", 199) + "x" + rep(")", 199), "ok.py", r, e, true)) << e.msg;
  // Indentation deeper than 99 levels: CPython's IndentationError.
  std::string blocks;
  for (int i = 0; i < 101; ++i) blocks += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  blocks += std::string(101, ' ') + "pass\n";
  EXPECT_FALSE(parse_module(blocks, "indent.py", r, e, true));
  EXPECT_EQ(e.msg, "too many levels of indentation");
  EXPECT_EQ(e.kind, SyntaxErrorKind::Indentation);
}

}  // namespace
}  // namespace pyjitvm::vm
