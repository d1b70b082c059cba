// tests/unit/vm/traceback_test.cpp — exact traceback text of uncaught exceptions,
// compared with CPython 3.11.2's for the same program.
//
// Stage: program text (as file "t.py") → VM + stdlib → exec_module() fails →
//        format_exception(pending) == what `python3 t.py` wrote on stderr (with the
//        absolute path replaced by "t.py"; pasted literals, Python is not run here).
//
// Cases cover: frames of nested calls, methods, __init__, generators, lambdas and
// comprehensions; caret lines (~ and ^ anchors for binary operators and subscripts,
// none when the expression is the whole line, multi-line calls); explicit cause and
// implicit context chains; the collapsed "[Previous line repeated N more times]" of a
// RecursionError; SyntaxError/IndentationError reports.
//
// Invariants:
//   I1  One program per test (TEST_P), each in a fresh VM — TracebackText.MatchesCPython.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "stdlib/stdlib.h"
#include "vm/errors.h"
#include "vm/vm.h"

namespace pyjitvm::vm {
namespace {

struct TracebackCase {
  const char* name;
  const char* src;
  const char* expected;  // CPython 3.11.2's stderr for `python3 t.py`
};

const TracebackCase kCases[] = {
// NestedCallsBinaryOp
{"NestedCallsBinaryOp",
 R"PY(def inner(a, b):
    return a / b


def outer(x):
    return inner(x, 0) + 1


outer(5)
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 9, in <module>
    outer(5)
  File "t.py", line 6, in outer
    return inner(x, 0) + 1
           ^^^^^^^^^^^
  File "t.py", line 2, in inner
    return a / b
           ~~^~~
ZeroDivisionError: division by zero
)PY"},
// SubscriptCarets
{"SubscriptCarets",
 R"PY(data = {"a": [1, 2]}
value = data["a"][5]
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    value = data["a"][5]
            ~~~~~~~~~^^^
IndexError: list index out of range
)PY"},
// SubscriptStatement
{"SubscriptStatement",
 R"PY(items = [1, 2, 3]
items[10]
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    items[10]
    ~~~~~^^^^
IndexError: list index out of range
)PY"},
// AttributeOnInstanceMethod
{"AttributeOnInstanceMethod",
 R"PY(class Account:
    def __init__(self, owner):
        self.owner = owner

    def describe(self):
        return self.owner.upper() + self.balance


acct = Account("ann")
print(acct.describe())
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 10, in <module>
    print(acct.describe())
          ^^^^^^^^^^^^^^^
  File "t.py", line 6, in describe
    return self.owner.upper() + self.balance
                                ^^^^^^^^^^^^
AttributeError: 'Account' object has no attribute 'balance'
)PY"},
// RaiseFromCause
{"RaiseFromCause",
 R"PY(def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError("bad number: " + text) from exc


parse("12x")
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 3, in parse
    return int(text)
           ^^^^^^^^^
ValueError: invalid literal for int() with base 10: '12x'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "t.py", line 8, in <module>
    parse("12x")
  File "t.py", line 5, in parse
    raise RuntimeError("bad number: " + text) from exc
RuntimeError: bad number: 12x
)PY"},
// DuringHandling
{"DuringHandling",
 R"PY(def cleanup():
    return missing_name


try:
    [1, 2][7]
except IndexError:
    cleanup()
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 6, in <module>
    [1, 2][7]
    ~~~~~~^^^
IndexError: list index out of range

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "t.py", line 8, in <module>
    cleanup()
  File "t.py", line 2, in cleanup
    return missing_name
           ^^^^^^^^^^^^
NameError: name 'missing_name' is not defined
)PY"},
// GeneratorFrames
{"GeneratorFrames",
 R"PY(def produce():
    yield 1
    yield 2 // 0


for v in produce():
    print(v)
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 6, in <module>
    for v in produce():
  File "t.py", line 3, in produce
    yield 2 // 0
          ~~^^~~
ZeroDivisionError: integer division or modulo by zero
)PY"},
// LambdaInComprehension
{"LambdaInComprehension",
 R"PY(values = [4, 2, 0]
result = [(lambda v: 8 % v)(x) for x in values]
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    result = [(lambda v: 8 % v)(x) for x in values]
             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 2, in <listcomp>
    result = [(lambda v: 8 % v)(x) for x in values]
              ^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 2, in <lambda>
    result = [(lambda v: 8 % v)(x) for x in values]
                         ~~^~~
ZeroDivisionError: integer modulo by zero
)PY"},
// RecursionCollapsed
{"RecursionCollapsed",
 R"PY(def down(n):
    return down(n + 1)


down(0)
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 5, in <module>
    down(0)
  File "t.py", line 2, in down
    return down(n + 1)
           ^^^^^^^^^^^
  File "t.py", line 2, in down
    return down(n + 1)
           ^^^^^^^^^^^
  File "t.py", line 2, in down
    return down(n + 1)
           ^^^^^^^^^^^
  [Previous line repeated 996 more times]
RecursionError: maximum recursion depth exceeded
)PY"},
// MultiLineCall
{"MultiLineCall",
 R"PY(def add(a, b):
    return a + b


total = add(
    1,
    "two",
)
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 5, in <module>
    total = add(
            ^^^^
  File "t.py", line 2, in add
    return a + b
           ~~^~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'
)PY"},
// InitViaClassCall
{"InitViaClassCall",
 R"PY(class Point:
    def __init__(self, x, y):
        self.x = float(x)
        self.y = float(y)


p = Point(1, "north")
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 7, in <module>
    p = Point(1, "north")
        ^^^^^^^^^^^^^^^^^
  File "t.py", line 4, in __init__
    self.y = float(y)
             ^^^^^^^^
ValueError: could not convert string to float: 'north'
)PY"},
// BadCallBinding
{"BadCallBinding",
 R"PY(def area(w, h):
    return w * h


print(area(3, hh=4))
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 5, in <module>
    print(area(3, hh=4))
          ^^^^^^^^^^^^^
TypeError: area() got an unexpected keyword argument 'hh'
)PY"},
// BareReraise
{"BareReraise",
 R"PY(def risky():
    return {}["key"]


try:
    risky()
except KeyError:
    handled = True
    raise
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 6, in <module>
    risky()
  File "t.py", line 2, in risky
    return {}["key"]
           ~~^^^^^^^
KeyError: 'key'
)PY"},
// CustomExceptionInMethodChain
{"CustomExceptionInMethodChain",
 R"PY(class ValidationError(Exception):
    pass


class Form:
    def check(self, n):
        if n < 0:
            raise ValidationError(f"negative: {n}")
        return n

    def run(self, values):
        return [self.check(v) for v in values]


Form().run([1, -2])
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 15, in <module>
    Form().run([1, -2])
  File "t.py", line 12, in run
    return [self.check(v) for v in values]
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 12, in <listcomp>
    return [self.check(v) for v in values]
            ^^^^^^^^^^^^^
  File "t.py", line 8, in check
    raise ValidationError(f"negative: {n}")
ValidationError: negative: -2
)PY"},
// AssertWithMessage
{"AssertWithMessage",
 R"PY(def check(xs):
    assert len(xs) > 3, f"too short: {xs}"


check([1, 2])
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 5, in <module>
    check([1, 2])
  File "t.py", line 2, in check
    assert len(xs) > 3, f"too short: {xs}"
           ^^^^^^^^^^^
AssertionError: too short: [1, 2]
)PY"},
// CauseChainOfThree
{"CauseChainOfThree",
 R"PY(try:
    try:
        1 / 0
    except ZeroDivisionError as a:
        raise ValueError("middle") from a
except ValueError:
    raise KeyError("last")
)PY",
 R"PY(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    1 / 0
    ~~^~~
ZeroDivisionError: division by zero

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "t.py", line 5, in <module>
    raise ValueError("middle") from a
ValueError: middle

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "t.py", line 7, in <module>
    raise KeyError("last")
KeyError: 'last'
)PY"},
// SyntaxErrorReport
{"SyntaxErrorReport",
 R"PY(print("never")
x = = 1
)PY",
 R"PY(  File "t.py", line 2
    x = = 1
        ^
SyntaxError: invalid syntax
)PY"},
// IndentationErrorReport
{"IndentationErrorReport",
 R"PY(def f():
    a = 1
      b = 2
)PY",
 R"PY(  File "t.py", line 3
    b = 2
IndentationError: unexpected indent
)PY"},
};

void PrintTo(const TracebackCase& c, std::ostream* os) { *os << c.name; }

// "" when equal, else the first differing line of each (a RecursionError traceback
// that is not collapsed is ~60 KB; printing it whole helps nobody).
std::string first_difference(const std::string& got, const std::string& want) {
  if (got == want) return "";
  size_t line = 1, g = 0, w = 0;
  for (;;) {
    size_t ge = got.find('\n', g), we = want.find('\n', w);
    std::string gl = got.substr(g, ge == std::string::npos ? std::string::npos : ge - g);
    std::string wl = want.substr(w, we == std::string::npos ? std::string::npos : we - w);
    if (gl != wl || ge == std::string::npos || we == std::string::npos)
      return "line " + std::to_string(line) + "\n  got:      " + gl + "\n  expected: " + wl +
             "\n(got " + std::to_string(got.size()) + " bytes, expected " +
             std::to_string(want.size()) + ")\n" +
             (got.size() < 4000 ? "full text got:\n" + got : std::string());
    g = ge + 1;
    w = we + 1;
    ++line;
  }
}

class TracebackText : public ::testing::TestWithParam<TracebackCase> {};

TEST_P(TracebackText, MatchesCPython) {
  const TracebackCase& c = GetParam();
  VM vm;
  stdlib::install_stdlib(vm, {"t.py"});
  Module* main = vm.main_module();
  vm.register_module(main);
  ASSERT_FALSE(vm.exec_module(c.src, "t.py", main)) << "program did not raise";
  ASSERT_TRUE(vm.has_pending());
  Value exc = vm.take_pending();
  EXPECT_EQ(first_difference(format_exception(vm, exc), c.expected), "");
  EXPECT_TRUE(vm.frames().empty());
}

INSTANTIATE_TEST_SUITE_P(CPython311, TracebackText, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<TracebackCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace pyjitvm::vm
