// tests/unit/tools/repl_test.cpp — the REPL's terminal-free parts: input assembly,
// completion, traceback filtering.
//
// Stage: strings and a VM with the stdlib → tools/repl.h building blocks → results
//        compared with CPython 3.11.2 (codeop / rlcompleter answers pasted as literals).
//
// Invariants:
//   I1  No terminal and no Python needed: the pseudo-terminal behaviour is covered by
//       tests/tools/repl_test.py.
//   I2  Completion is checked not to run Python code (a property counts its calls).
#include "tools/repl.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "stdlib/stdlib.h"
#include "vm/dict_object.h"
#include "vm/vm.h"

namespace pyjitvm::tools {
namespace {

using Strings = std::vector<std::string>;

TEST(ReplInputTest, SimpleStatementsRunAtOnce) {
  EXPECT_EQ(classify_input("x = 1\n"), InputAction::kRun);
  EXPECT_EQ(classify_input("1 + 1\n"), InputAction::kRun);
  EXPECT_EQ(classify_input("# only a comment\n"), InputAction::kRun);
  // a syntax error is run so that the compiler reports it
  EXPECT_EQ(classify_input("1 +\n"), InputAction::kRun);
}

TEST(ReplInputTest, BlocksEndAtAnEmptyLine) {
  EXPECT_EQ(classify_input("if 1:\n"), InputAction::kMore);
  EXPECT_EQ(classify_input("if 1: pass\n"), InputAction::kMore);
  EXPECT_EQ(classify_input("if 1:\n  pass\n"), InputAction::kMore);
  EXPECT_EQ(classify_input("if 1:\n  pass\n\n"), InputAction::kRun);
  EXPECT_EQ(classify_input("if 1:\n  pass\n  \n"), InputAction::kMore);  // not empty
  EXPECT_EQ(classify_input("if 1:\n  pass\nelse:\n"), InputAction::kMore);
  EXPECT_EQ(classify_input("try:\n  pass\nexcept E:\n"), InputAction::kMore);
  EXPECT_EQ(classify_input("if 1:\n  pass\n# note\n"), InputAction::kMore);
}

TEST(ReplInputTest, BracketsAndStringsContinueAcrossEmptyLines) {
  EXPECT_EQ(classify_input("x = (1,\n"), InputAction::kMore);
  EXPECT_EQ(classify_input("x = (1,\n\n"), InputAction::kMore);
  EXPECT_EQ(classify_input("s = '''a\n\n"), InputAction::kMore);
  EXPECT_EQ(classify_input("x = 1 + \\\n"), InputAction::kMore);
  // CPython ends these at the empty line and reports the error
  EXPECT_EQ(classify_input("1 + \\\n\n"), InputAction::kRun);
  EXPECT_EQ(classify_input("if 1:\n\n"), InputAction::kRun);
}

TEST(ReplInputTest, NewStatementAfterOpenBlockIsAnError) {
  EXPECT_EQ(classify_input("if y:\n    pass\nprint(5)\n"), InputAction::kDedentError);
  EXPECT_EQ(classify_input("def f():\n  return 1\nf()\n"), InputAction::kDedentError);
  EXPECT_EQ(classify_input("if 1:\n  x = (1,\n2)\n"), InputAction::kMore);  // in brackets
}

void expect_dedent_error(const char* buffer, int line, int end_offset, const char* text) {
  SCOPED_TRACE(buffer);
  vm::SyntaxErrorInfo e = dedent_error(buffer);
  EXPECT_EQ(e.msg, "invalid syntax");
  EXPECT_EQ(e.filename, "<stdin>");
  EXPECT_EQ(e.line, line);
  EXPECT_EQ(e.end_line, line);
  EXPECT_EQ(e.offset, 1);
  EXPECT_EQ(e.end_offset, end_offset);
  EXPECT_EQ(e.text, text);
}

TEST(ReplInputTest, DedentErrorMatchesCPython) {
  // compile(src, "<stdin>", "single") in CPython 3.11.2: lineno, offset 1, end_offset
  expect_dedent_error("if y:\n    pass\nprint(5)\n", 3, 6, "print(5)");
  expect_dedent_error("if 1:\n  pass\n\"abc\"\n", 3, 6, "\"abc\"");
  expect_dedent_error("if 1:\n  pass\n@dec\n", 3, 2, "@dec");
  expect_dedent_error("if 1:\n  pass\n123\n", 3, 4, "123");
  expect_dedent_error("if 1:\n  pass\nn\xc3\xa4me = 1\n", 3, 5, "n\xc3\xa4me = 1");
}

TEST(ReplCompleteTest, WordStartUsesReadlineDelimiters) {
  EXPECT_EQ(completion_word_start(""), 0u);
  EXPECT_EQ(completion_word_start("math.sq"), 0u);
  EXPECT_EQ(completion_word_start("print(math.sq"), 6u);
  EXPECT_EQ(completion_word_start("a = b"), 4u);
  EXPECT_EQ(completion_word_start("x[1]"), 4u);
  EXPECT_EQ(completion_word_start("if "), 3u);
}

TEST(ReplCompleteTest, CommonPrefix) {
  EXPECT_EQ(common_prefix({}), "");
  EXPECT_EQ(common_prefix({"math.sqrt("}), "math.sqrt(");
  EXPECT_EQ(common_prefix({"math.sqrt(", "math.sin(", "math.sinh("}), "math.s");
  // "aé" / "aè" share a byte of their last character: never cut a character
  EXPECT_EQ(common_prefix({"a\xc3\xa9", "a\xc3\xa8"}), "a");
  EXPECT_EQ(common_prefix({"\xc3\xa9x", "\xc3\xa9y"}), "\xc3\xa9");
}

class ReplVmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    stdlib::install_stdlib(vm_, {""});
    vm_.register_module(vm_.main_module());
    const char* src =
        "import math\n"
        "hits = 0\n"
        "class P:\n"
        "    @property\n"
        "    def boom(self):\n"
        "        global hits\n"
        "        hits += 1\n"
        "        return 1\n"
        "    def method(self):\n"
        "        return 2\n"
        "p = P()\n"
        "p.inner = P()\n"
        "my_alpha = 1\n"
        "my_beta = len\n";
    ASSERT_TRUE(vm_.exec_module(src, "<test>", vm_.main_module()));
  }
  int64_t hits() {
    vm::Value v = vm::dict_get_str(vm_.main_module()->dict, vm_.intern("hits"));
    return v.is_int() ? v.as_int() : -1;
  }
  vm::VM vm_;
};

TEST_F(ReplVmTest, GlobalNamesKeywordsAndBuiltins) {
  // rlcompleter.Completer(namespace).complete(text, i) in CPython 3.11.2
  EXPECT_EQ(complete_name(vm_, "pri"), (Strings{"print("}));
  EXPECT_EQ(complete_name(vm_, "tr"), (Strings{"try:"}));
  EXPECT_EQ(complete_name(vm_, "el"), (Strings{"elif ", "else"}));
  EXPECT_EQ(complete_name(vm_, "Tr"), (Strings{"True"}));
  EXPECT_EQ(complete_name(vm_, "my_"), (Strings{"my_alpha", "my_beta("}));
  EXPECT_EQ(complete_name(vm_, "zzz_nothing"), Strings{});
  Strings all = complete_name(vm_, "");
  EXPECT_EQ(std::count(all.begin(), all.end(), "__builtins__"), 0);
}

TEST_F(ReplVmTest, AttributesOfDottedNames) {
  EXPECT_EQ(complete_name(vm_, "math.sq"), (Strings{"math.sqrt("}));
  Strings m = complete_name(vm_, "math.");
  EXPECT_TRUE(std::is_sorted(m.begin(), m.end()));
  EXPECT_NE(std::find(m.begin(), m.end(), "math.pi"), m.end());
  EXPECT_NE(std::find(m.begin(), m.end(), "math.sqrt("), m.end());
  for (const std::string& s : m) EXPECT_NE(s.rfind("math._", 0), 0u) << s;  // hidden ...
  EXPECT_EQ(complete_name(vm_, "math.__na"), (Strings{"math.__name__"}));  // ... until typed
  EXPECT_EQ(complete_name(vm_, "p.me"), (Strings{"p.method("}));
  EXPECT_EQ(complete_name(vm_, "p.inner.me"), (Strings{"p.inner.method("}));
  EXPECT_EQ(complete_name(vm_, "P.me"), (Strings{"P.method("}));
  EXPECT_EQ(complete_name(vm_, "nothing_here.x"), Strings{});
  EXPECT_EQ(complete_name(vm_, "1.re"), Strings{});
}

TEST_F(ReplVmTest, CompletionRunsNoCode) {
  EXPECT_EQ(complete_name(vm_, "p.bo"), (Strings{"p.boom"}));  // no "(" for a property
  EXPECT_EQ(complete_name(vm_, "p.boom.x"), Strings{});  // would need the getter
  EXPECT_EQ(hits(), 0);
  EXPECT_FALSE(vm_.has_pending());
  ASSERT_TRUE(vm_.exec_module("p.boom\n", "<test>", vm_.main_module()));
  EXPECT_EQ(hits(), 1);  // the counter does see a real attribute access
}

TEST(ReplTracebackTest, StdinFramesLoseTheirSourceLines) {
  std::string tb =
      "Traceback (most recent call last):\n"
      "  File \"<stdin>\", line 1, in <module>\n"
      "    g()\n"
      "  File \"<stdin>\", line 2, in g\n"
      "    return 1/0\n"
      "           ~^~\n"
      "  File \"/x/m.py\", line 3, in h\n"
      "    return [][0]\n"
      "ZeroDivisionError: division by zero\n";
  EXPECT_EQ(strip_stdin_source_lines(tb),
            "Traceback (most recent call last):\n"
            "  File \"<stdin>\", line 1, in <module>\n"
            "  File \"<stdin>\", line 2, in g\n"
            "  File \"/x/m.py\", line 3, in h\n"
            "    return [][0]\n"
            "ZeroDivisionError: division by zero\n");
  std::string syntax =
      "  File \"<stdin>\", line 1\n"
      "    1 +\n"
      "       ^\n"
      "SyntaxError: invalid syntax\n";
  EXPECT_EQ(strip_stdin_source_lines(syntax), syntax);
}

}  // namespace
}  // namespace pyjitvm::tools
