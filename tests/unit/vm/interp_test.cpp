// tests/unit/vm/interp_test.cpp — interpreter semantics, recursion limits and several
// VMs per process, driven through VM::exec_module() as an embedder would.
//
// Stage: Python source → VM + stdlib → exec_module() → module globals / pending
//        exception, compared with what CPython 3.11.2 computes for the same source.
//
// Every table case is a small program that leaves its result in the global `r`; the
// expected text is CPython's repr(r), or "!" + the last traceback line when CPython
// raises (generated with /usr/bin/python3 and pasted here: the test never runs
// Python).
//
// Invariants:
//   I1  Each table case runs in a fresh VM (no state leaks between cases) —
//       run_case().
//   I2  After exec_module() returns, no interpreter frame is left on the VM and an
//       exception is pending exactly when it returned false — Session::run().
//   I3  Tests that could crash the process (deep recursion with raised limits) run in
//       a forked child (EXPECT_EXIT), so a crash is reported as a failure of that
//       test only — IsolatedRecursion.*.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "stdlib/stdlib.h"
#include "vm/errors.h"
#include "vm/ops.h"
#include "vm/vm.h"

namespace pyjitvm::vm {
namespace {

struct Case {
  const char* src;
  const char* expected;  // repr(r), or "!Type: message" when the program raises
};

// One VM with the stdlib installed and `__main__` registered.
class Session {
 public:
  explicit Session(const VMOptions& options = {}) : vm_(options) {
    stdlib::install_stdlib(vm_, {"test"});
    module_ = vm_.main_module();
    vm_.register_module(module_);
  }

  VM& vm() { return vm_; }
  Module* module() { return module_; }

  // Runs `src`; returns "" on success or "!" + exception_summary() on failure, and
  // checks I2. `last_exc_` keeps the exception for format_exception().
  std::string run(const std::string& src) {
    bool ok = vm_.exec_module(src, "<test>", module_);
    EXPECT_TRUE(vm_.frames().empty()) << "frames left after exec_module: " << src;
    EXPECT_EQ(ok, !vm_.has_pending()) << src;
    if (ok) return "";
    last_exc_ = vm_.take_pending();
    return "!" + exception_summary(vm_, last_exc_);
  }

  // repr() of a global, "<unbound NAME>" when absent.
  std::string global(const char* name) {
    Value v = dict_get_str(module_->dict, vm_.intern(name));
    if (v.is_undef()) return std::string("<unbound ") + name + ">";
    Value s = repr(vm_, v);
    if (failed(s)) {
      Value e = vm_.take_pending();
      return "<repr failed: " + exception_summary(vm_, e) + ">";
    }
    return std::string(as_str(s)->view());
  }

  // run() then global("r"): the table-case protocol.
  std::string result_of(const std::string& src) {
    std::string err = run(src);
    return err.empty() ? global("r") : err;
  }

  std::string traceback() { return format_exception(vm_, last_exc_); }

 private:
  VM vm_;
  Module* module_ = nullptr;
  Value last_exc_;
};

void run_cases(const Case* cases, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    Session s;  // I1
    EXPECT_EQ(s.result_of(cases[i].src), cases[i].expected) << "case " << i << ":\n"
                                                             << cases[i].src;
  }
}

template <size_t N>
void run_cases(const Case (&cases)[N]) {
  run_cases(cases, N);
}

// ------------------------------------------------------------------ table cases
// Generated from /usr/bin/python3 (CPython 3.11.2): expected = repr(r) or "!" + the
// final line of the traceback.
const Case kArithmetic[] = {
    {"r = (7 + 3 * 2 - 1, 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 7 / 2, 1 / 3)",
     "(12, 3, -4, -2, 1024, 0.5, 3.5, 0.3333333333333333)"},
    {"r = (0.1 + 0.2, 1e308 * 10, -0.0, 3 * 1.5, 7.0 // 2, -7.5 % 2, 10 ** 20, -(2 ** 63))",
     "(0.30000000000000004, inf, -0.0, 4.5, 3.0, 0.5, 100000000000000000000, "
     "-9223372036854775808)"},
    {"r = (9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500, "
     "(2**64) // 3)",
     "(9223372036854775808, -9223372036854775809, 9223372037000250000, 6148914691236517205)"},
    {"r = (True + True, True * 2.5, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -1 >> 3, 2 ** 0.5)",
     "(2, 2.5, 1, 7, 6, -6, 1180591620717411303424, -1, 1.4142135623730951)"},
    {"x = 10\n"
     "x += 5\n"
     "x -= 3\n"
     "x *= 2\n"
     "x //= 5\n"
     "x **= 3\n"
     "x %= 7\n"
     "x <<= 2\n"
     "x |= 1\n"
     "r = x",
     "5"},
    {"r = (divmod(-7, 2), abs(-3.5), round(2.5), round(3.5), round(-0.5), pow(3, 4, 5), 0.1 * "
     "3)",
     "((-4, 1), 3.5, 2, 4, 0, 1, 0.30000000000000004)"},
    {"r = 1 / 0",
     "!ZeroDivisionError: division by zero"},
    {"r = 1 % 0",
     "!ZeroDivisionError: integer modulo by zero"},
    {"r = 2.0 ** 5000",
     "!OverflowError: (34, 'Numerical result out of range')"},
    {"r = 'a' * 3 + 'b' - 1",
     "!TypeError: unsupported operand type(s) for -: 'str' and 'int'"},
};

const Case kComparisons[] = {
    {"r = (1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 'a' < 'b', [1, 2] < [1, 3], (1, 2) == (1, 2), None "
     "is None)",
     "(True, False, True, True, True, True, True)"},
    {"r = (1 != 1.0, 2 in [1, 2], 3 not in {1: 2}, 'bc' in 'abc', [] == [], {} == {}, {1} <= "
     "{1, 2})",
     "(False, True, True, True, True, True, True)"},
    {"nan = float('nan')\n"
     "r = (nan == nan, nan != nan, [nan] == [nan], nan < 1, 1 < nan)",
     "(False, True, True, False, False)"},
    {"calls = []\n"
     "def f(v):\n"
     "    calls.append(v)\n"
     "    return v\n"
     "r = (f(1) < f(0) < f(5), calls)",
     "(False, [1, 0])"},
    {"r = (not 0, not [], not [0], bool(''), bool('0'), 0 or 5, 3 and 4, [] or {}, 0.0 or "
     "None)",
     "(True, True, False, False, True, 5, 4, {}, None)"},
    {"r = 1 < 'a'",
     "!TypeError: '<' not supported between instances of 'int' and 'str'"},
    {"r = [1] < (1,)",
     "!TypeError: '<' not supported between instances of 'list' and 'tuple'"},
};

const Case kControlFlow[] = {
    {"acc = []\n"
     "for i in range(10):\n"
     "    if i % 2:\n"
     "        continue\n"
     "    if i > 6:\n"
     "        break\n"
     "    acc.append(i)\n"
     "else:\n"
     "    acc.append('else')\n"
     "r = acc",
     "[0, 2, 4, 6]"},
    {"acc = []\n"
     "for i in range(3):\n"
     "    pass\n"
     "else:\n"
     "    acc.append(i)\n"
     "n = 0\n"
     "while n < 5:\n"
     "    n += 1\n"
     "else:\n"
     "    acc.append(n)\n"
     "r = acc",
     "[2, 5]"},
    {"r = []\n"
     "for i in range(10, 0, -3):\n"
     "    r.append(i)\n"
     "for i in range(0):\n"
     "    r.append('never')\n"
     "for i in range(-2, 2):\n"
     "    r.append(i)",
     "[10, 7, 4, 1, -2, -1, 0, 1]"},
    {"r = []\n"
     "i = 0\n"
     "while True:\n"
     "    i += 1\n"
     "    if i == 3:\n"
     "        continue\n"
     "    if i > 5:\n"
     "        break\n"
     "    r.append(i)",
     "[1, 2, 4, 5]"},
    {"r = [(i, j) for i in range(3) for j in range(3) if i != j]",
     "[(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)]"},
    {"def f(n):\n"
     "    if n < 0:\n"
     "        return 'neg'\n"
     "    elif n == 0:\n"
     "        return 'zero'\n"
     "    elif n < 10:\n"
     "        return 'small'\n"
     "    return 'big'\n"
     "r = [f(x) for x in (-5, 0, 5, 50)]",
     "['neg', 'zero', 'small', 'big']"},
    {"r = []\n"
     "for i in range(2 ** 63 - 3, 2 ** 63 - 1):\n"
     "    r.append(i)\n"
     "for i in range(-2 ** 63 + 2, -2 ** 63, -1):\n"
     "    r.append(i)\n"
     "for i in range(2 ** 63 - 5, 2 ** 63 - 1, 3):\n"
     "    r.append(i)",
     "[9223372036854775805, 9223372036854775806, -9223372036854775806, -9223372036854775807, "
     "9223372036854775803, 9223372036854775806]"},
    {"r = 0\n"
     "for i in range(2 ** 63 - 2, 2 ** 63 + 1):\n"
     "    r += i",
     "27670116110564327421"},
    {"r = 0\n"
     "for i in range(2 ** 64, 2 ** 64 + 2):\n"
     "    r += i",
     "36893488147419103233"},
    {"r = []\n"
     "for x in [1, 2, 3]:\n"
     "    for y in 'ab':\n"
     "        if y == 'b':\n"
     "            break\n"
     "        r.append((x, y))",
     "[(1, 'a'), (2, 'a'), (3, 'a')]"},
    {"r = 0\n"
     "for i in range(5):\n"
     "    r += i\n"
     "    i = 100\n"
     "r = (r, i)",
     "(10, 100)"},
};

const Case kFunctions[] = {
    {"def f(a, b=2, *args, c=3, **kw):\n"
     "    return (a, b, args, c, sorted(kw.items()))\n"
     "r = [f(1), f(1, 2, 3, 4, c=5, d=6), f(*[7, 8], **{'c': 9, 'e': 0})]",
     "[(1, 2, (), 3, []), (1, 2, (3, 4), 5, [('d', 6)]), (7, 8, (), 9, [('e', 0)])]"},
    {"def f(a, /, b, *, c):\n"
     "    return a + b + c\n"
     "r = f(1, b=2, c=3)",
     "6"},
    {"def f(a, b):\n"
     "    pass\n"
     "f(1, 2, 3)",
     "!TypeError: f() takes 2 positional arguments but 3 were given"},
    {"def f(a, b):\n"
     "    pass\n"
     "f(1)",
     "!TypeError: f() missing 1 required positional argument: 'b'"},
    {"def f(a, b):\n"
     "    pass\n"
     "f(1, a=2)",
     "!TypeError: f() got multiple values for argument 'a'"},
    {"def f(*, k):\n"
     "    pass\n"
     "f()",
     "!TypeError: f() missing 1 required keyword-only argument: 'k'"},
    {"def f(a):\n"
     "    pass\n"
     "f(1, z=2)",
     "!TypeError: f() got an unexpected keyword argument 'z'"},
    {"def f(a, /):\n"
     "    pass\n"
     "f(a=1)",
     "!TypeError: f() got some positional-only arguments passed as keyword arguments: 'a'"},
    {"def f(x=[]):\n"
     "    x.append(1)\n"
     "    return len(x)\n"
     "r = (f(), f(), f([]))",
     "(1, 2, 1)"},
    {"r = (lambda *a, **k: (a, k))(1, 2, x=3)",
     "((1, 2), {'x': 3})"},
    {"def outer():\n"
     "    def inner(n):\n"
     "        return n if n == 0 else inner(n - 1) + 1\n"
     "    return inner(50)\n"
     "r = outer()",
     "50"},
    {"def f():\n"
     "    return\n"
     "r = (f(), f.__name__, (lambda: 0).__name__)",
     "(None, 'f', '<lambda>')"},
    {"f = None\n"
     "r = f()",
     "!TypeError: 'NoneType' object is not callable"},
};

const Case kClosuresAndScopes[] = {
    {"def mk():\n"
     "    n = 0\n"
     "    def inc():\n"
     "        nonlocal n\n"
     "        n += 1\n"
     "        return n\n"
     "    return inc\n"
     "a = mk()\n"
     "b = mk()\n"
     "r = (a(), a(), a(), b())",
     "(1, 2, 3, 1)"},
    {"fs = [lambda: i for i in range(3)]\n"
     "r = [f() for f in fs]",
     "[2, 2, 2]"},
    {"g = 1\n"
     "def f():\n"
     "    global g\n"
     "    g = 2\n"
     "    h = 3\n"
     "f()\n"
     "r = g",
     "2"},
    {"x = 'global'\n"
     "def f():\n"
     "    x = 'local'\n"
     "    def g():\n"
     "        return x\n"
     "    return g()\n"
     "r = (f(), x)",
     "('local', 'global')"},
    {"def f():\n"
     "    y = 1\n"
     "    del y\n"
     "    return y\n"
     "r = f()",
     "!UnboundLocalError: cannot access local variable 'y' where it is not associated with a "
     "value"},
    {"def f():\n"
     "    print(q)\n"
     "    q = 1\n"
     "f()",
     "!UnboundLocalError: cannot access local variable 'q' where it is not associated with a "
     "value"},
    {"r = undefined_name_xyz",
     "!NameError: name 'undefined_name_xyz' is not defined"},
    {"class C:\n"
     "    v = 1\n"
     "    w = [v * 2 for _ in range(2)]\n"
     "r = C.w",
     "!NameError: name 'v' is not defined"},
    {"class C:\n"
     "    a = 5\n"
     "    def m(self):\n"
     "        return a\n"
     "C().m()",
     "!NameError: name 'a' is not defined"},
    {"def f():\n"
     "    v = []\n"
     "    def add(x):\n"
     "        v.append(x)\n"
     "    add(1)\n"
     "    add(2)\n"
     "    return v\n"
     "r = f()",
     "[1, 2]"},
};

const Case kClasses[] = {
    {"class P:\n"
     "    def __init__(self, x, y):\n"
     "        self.x, self.y = x, y\n"
     "    def __repr__(self):\n"
     "        return f'P({self.x}, {self.y})'\n"
     "    def __add__(self, o):\n"
     "        return P(self.x + o.x, self.y + o.y)\n"
     "    def __eq__(self, o):\n"
     "        return (self.x, self.y) == (o.x, o.y)\n"
     "    def __hash__(self):\n"
     "        return hash((self.x, self.y))\n"
     "r = (P(1, 2) + P(3, 4), P(1, 2) == P(1, 2), len({P(1, 2), P(1, 2)}))",
     "(P(4, 6), True, 1)"},
    {"class A:\n"
     "    def f(self):\n"
     "        return 'A'\n"
     "class B(A):\n"
     "    def f(self):\n"
     "        return 'B' + super().f()\n"
     "class C(A):\n"
     "    def f(self):\n"
     "        return 'C' + super().f()\n"
     "class D(B, C):\n"
     "    def f(self):\n"
     "        return 'D' + super().f()\n"
     "r = (D().f(), [k.__name__ for k in D.__mro__])",
     "('DBCA', ['D', 'B', 'C', 'A', 'object'])"},
    {"class T:\n"
     "    def __init__(self):\n"
     "        self._v = 0\n"
     "    @property\n"
     "    def v(self):\n"
     "        return self._v\n"
     "    @v.setter\n"
     "    def v(self, n):\n"
     "        self._v = n * 2\n"
     "    @staticmethod\n"
     "    def s(a):\n"
     "        return a + 1\n"
     "    @classmethod\n"
     "    def c(cls):\n"
     "        return cls.__name__\n"
     "t = T()\n"
     "t.v = 5\n"
     "r = (t.v, T.s(1), t.s(2), T.c(), t.c())",
     "(10, 2, 3, 'T', 'T')"},
    {"class S:\n"
     "    def __len__(self):\n"
     "        return 3\n"
     "    def __getitem__(self, i):\n"
     "        if i >= 3:\n"
     "            raise IndexError\n"
     "        return i * i\n"
     "    def __contains__(self, x):\n"
     "        return x == 'magic'\n"
     "r = (len(S()), list(S()), 'magic' in S(), 4 in S(), S()[2])",
     "(3, [0, 1, 4], True, False, 4)"},
    {"class It:\n"
     "    def __init__(self):\n"
     "        self.n = 0\n"
     "    def __iter__(self):\n"
     "        return self\n"
     "    def __next__(self):\n"
     "        self.n += 1\n"
     "        if self.n > 3:\n"
     "            raise StopIteration\n"
     "        return self.n\n"
     "r = (list(It()), sum(It()), [x for x in It()])",
     "([1, 2, 3], 6, [1, 2, 3])"},
    {"class N:\n"
     "    def __init__(self, v):\n"
     "        self.v = v\n"
     "    def __radd__(self, o):\n"
     "        return N(o + self.v)\n"
     "    def __mul__(self, o):\n"
     "        return NotImplemented\n"
     "    def __rmul__(self, o):\n"
     "        return 'rmul'\n"
     "    def __lt__(self, o):\n"
     "        return self.v < o.v\n"
     "    def __neg__(self):\n"
     "        return N(-self.v)\n"
     "r = ((1 + N(2)).v, (5 + N(2)).v, 3 * N(1), sorted([N(3), N(1)])[0].v, (-N(4)).v)",
     "(3, 7, 'rmul', 1, -4)"},
    {"class C:\n"
     "    def __call__(self, *a):\n"
     "        return sum(a)\n"
     "    def __bool__(self):\n"
     "        return False\n"
     "    def __str__(self):\n"
     "        return 'strC'\n"
     "r = (C()(1, 2, 3), bool(C()), str(C()), f'{C()}', 'yes' if C() else 'no')",
     "(6, False, 'strC', 'strC', 'no')"},
    {"class D:\n"
     "    def __init__(self):\n"
     "        self.d = {}\n"
     "    def __setitem__(self, k, v):\n"
     "        self.d[k] = v\n"
     "    def __getitem__(self, k):\n"
     "        return self.d[k]\n"
     "    def __delitem__(self, k):\n"
     "        del self.d[k]\n"
     "d = D()\n"
     "d['a'] = 1\n"
     "d['b'] = 2\n"
     "d['a'] += 10\n"
     "del d['b']\n"
     "r = d.d",
     "{'a': 11}"},
    {"class G:\n"
     "    def __getattr__(self, name):\n"
     "        return name.upper()\n"
     "g = G()\n"
     "g.real = 1\n"
     "r = (g.real, g.abc, getattr(g, 'xyz'))",
     "(1, 'ABC', 'XYZ')"},
    {"class X:\n"
     "    pass\n"
     "X().missing",
     "!AttributeError: 'X' object has no attribute 'missing'"},
    {"class X:\n"
     "    pass\n"
     "X() + 1",
     "!TypeError: unsupported operand type(s) for +: 'X' and 'int'"},
    {"class X:\n"
     "    pass\n"
     "len(X())",
     "!TypeError: object of type 'X' has no len()"},
    {"class E:\n"
     "    def __eq__(self, o):\n"
     "        return True\n"
     "hash(E())",
     "!TypeError: unhashable type: 'E'"},
    {"class Ctx:\n"
     "    log = []\n"
     "    def __enter__(self):\n"
     "        Ctx.log.append('enter')\n"
     "        return self\n"
     "    def __exit__(self, t, v, tb):\n"
     "        Ctx.log.append(t.__name__ if t else None)\n"
     "        return True\n"
     "with Ctx():\n"
     "    raise KeyError(1)\n"
     "with Ctx():\n"
     "    pass\n"
     "r = Ctx.log",
     "['enter', 'KeyError', 'enter', None]"},
    {"r = (isinstance(True, int), issubclass(bool, object), type(3).__name__, "
     "type(type).__name__, isinstance([], (dict, list)))",
     "(True, True, 'int', 'type', True)"},
};

const Case kExceptions[] = {
    {"log = []\n"
     "try:\n"
     "    try:\n"
     "        raise ValueError('inner')\n"
     "    finally:\n"
     "        log.append('finally')\n"
     "except ValueError as e:\n"
     "    log.append(str(e))\n"
     "else:\n"
     "    log.append('else')\n"
     "r = log",
     "['finally', 'inner']"},
    {"def f():\n"
     "    try:\n"
     "        return 1\n"
     "    finally:\n"
     "        return 2\n"
     "r = f()",
     "2"},
    {"def f():\n"
     "    for i in range(3):\n"
     "        try:\n"
     "            if i == 1:\n"
     "                break\n"
     "        finally:\n"
     "            pass\n"
     "    return i\n"
     "r = f()",
     "1"},
    {"try:\n"
     "    raise KeyError('k')\n"
     "except (IndexError, LookupError) as e:\n"
     "    r = (type(e).__name__, e.args)",
     "('KeyError', ('k',))"},
    {"class MyErr(Exception):\n"
     "    def __init__(self, code):\n"
     "        super().__init__('code', code)\n"
     "        self.code = code\n"
     "try:\n"
     "    raise MyErr(5)\n"
     "except Exception as e:\n"
     "    r = (e.code, e.args, str(e), repr(e))",
     "(5, ('code', 5), \"('code', 5)\", \"MyErr('code', 5)\")"},
    {"try:\n"
     "    try:\n"
     "        1 / 0\n"
     "    except ZeroDivisionError as e:\n"
     "        raise ValueError('v') from e\n"
     "except ValueError as e:\n"
     "    r = (repr(e.__cause__), repr(e.__context__), e.__suppress_context__)",
     "(\"ZeroDivisionError('division by zero')\", \"ZeroDivisionError('division by zero')\", "
     "True)"},
    {"try:\n"
     "    try:\n"
     "        [][0]\n"
     "    except IndexError:\n"
     "        {}['x']\n"
     "except KeyError as e:\n"
     "    r = (repr(e), repr(e.__context__), e.__cause__)",
     "(\"KeyError('x')\", \"IndexError('list index out of range')\", None)"},
    {"e = None\n"
     "try:\n"
     "    raise ValueError\n"
     "except ValueError as e:\n"
     "    pass\n"
     "r = 'e' in globals()",
     "False"},
    {"class MyErr(Exception):\n"
     "    pass\n"
     "raise MyErr('boom')",
     "!MyErr: boom"},
    {"raise ValueError",
     "!ValueError"},
    {"raise KeyError('a', 'b')",
     "!KeyError: ('a', 'b')"},
    {"try:\n"
     "    1 / 0\n"
     "except ZeroDivisionError:\n"
     "    raise",
     "!ZeroDivisionError: division by zero"},
    {"raise 5",
     "!TypeError: exceptions must derive from BaseException"},
    {"assert 1 == 2, 'custom message'",
     "!AssertionError: custom message"},
    {"assert False",
     "!AssertionError"},
    {"import sys\n"
     "sys.exit(3)",
     "!SystemExit: 3"},
    {"def g():\n"
     "    yield 1\n"
     "    raise StopIteration\n"
     "list(g())",
     "!RuntimeError: generator raised StopIteration"},
};

const Case kGenerators[] = {
    {"def g(n):\n"
     "    for i in range(n):\n"
     "        yield i * i\n"
     "r = (list(g(4)), sum(g(5)), next(g(3)))",
     "([0, 1, 4, 9], 30, 0)"},
    {"def g():\n"
     "    x = yield 1\n"
     "    y = yield x + 1\n"
     "    return x + y\n"
     "it = g()\n"
     "a = next(it)\n"
     "b = it.send(10)\n"
     "try:\n"
     "    it.send(20)\n"
     "except StopIteration as e:\n"
     "    r = (a, b, e.value)",
     "(1, 11, 30)"},
    {"def sub():\n"
     "    yield 1\n"
     "    yield 2\n"
     "    return 'sub'\n"
     "def g():\n"
     "    v = yield from sub()\n"
     "    yield v\n"
     "r = list(g())",
     "[1, 2, 'sub']"},
    {"def g():\n"
     "    try:\n"
     "        yield 1\n"
     "        yield 2\n"
     "    finally:\n"
     "        log.append('closed')\n"
     "log = []\n"
     "it = g()\n"
     "next(it)\n"
     "it.close()\n"
     "r = (log, list(it))",
     "(['closed'], [])"},
    {"def g():\n"
     "    while True:\n"
     "        try:\n"
     "            yield\n"
     "        except ValueError:\n"
     "            log.append('caught')\n"
     "log = []\n"
     "it = g()\n"
     "next(it)\n"
     "it.throw(ValueError)\n"
     "it.throw(ValueError)\n"
     "r = log",
     "['caught', 'caught']"},
    {"gens = [(x for x in range(i)) for i in range(4)]\n"
     "r = [list(g) for g in gens]",
     "[[], [0], [0, 1], [0, 1, 2]]"},
    {"def g():\n"
     "    yield 1\n"
     "it = g()\n"
     "r = (list(it), list(it), next(it, 'done'))",
     "([1], [], 'done')"},
    {"def inf():\n"
     "    n = 0\n"
     "    while True:\n"
     "        yield n\n"
     "        n += 1\n"
     "it = inf()\n"
     "r = [next(it) for _ in range(5)] + [next(it)]",
     "[0, 1, 2, 3, 4, 5]"},
};

const Case kContainers[] = {
    {"a = [3, 1, 2]\n"
     "a.append(0)\n"
     "a.sort()\n"
     "a.insert(1, 9)\n"
     "a.extend((7, 8))\n"
     "r = (a, a.pop(), a[1:3], a[::-1], a[-1], len(a), a.index(9), 9 in a)",
     "([0, 9, 1, 2, 3, 7], 8, [9, 1], [7, 3, 2, 1, 9, 0], 7, 6, 1, True)"},
    {"d = {'b': 1, 'a': 2}\n"
     "d['c'] = 3\n"
     "del d['b']\n"
     "d.update(z=0)\n"
     "r = (d, list(d), d.get('q', 'dflt'), d.pop('a'), sorted(d.items()))",
     "({'c': 3, 'z': 0}, ['a', 'c', 'z'], 'dflt', 2, [('c', 3), ('z', 0)])"},
    {"s = {3, 1, 2}\n"
     "s.add(1)\n"
     "s.discard(5)\n"
     "r = (sorted(s), s & {1, 9}, s | {4}, s - {1}, {1, 2} ^ {2, 3}, len(s))",
     "([1, 2, 3], {1}, {1, 2, 3, 4}, {2, 3}, {1, 3}, 3)"},
    {"t = (1, 'a', 2.5)\n"
     "r = (t[0], t[-1], t[1:], t + (3,), t * 2, t.count(1), len(t), t == (1, 'a', 2.5))",
     "(1, 2.5, ('a', 2.5), (1, 'a', 2.5, 3), (1, 'a', 2.5, 1, 'a', 2.5), 1, 3, True)"},
    {"r = ([1, 2, 3][5:], [1, 2, 3][-10:2], 'hello'[1:4], 'hello'[::-2], "
     "list(range(10))[2:8:3])",
     "([], [1, 2], 'ell', 'olh', [2, 5])"},
    {"a = list(range(10))\n"
     "a[2:5] = ['x']\n"
     "del a[::3]\n"
     "r = a",
     "[1, 'x', 6, 7, 9]"},
    {"r = [1, 2][2]",
     "!IndexError: list index out of range"},
    {"r = {'a': 1}['b']",
     "!KeyError: 'b'"},
    {"r = {[1]: 2}",
     "!TypeError: unhashable type: 'list'"},
    {"r = (1, 2)[0:1] + [3]",
     "!TypeError: can only concatenate tuple (not \"list\") to tuple"},
    {"a, *b, c = range(6)\n"
     "(d, e), f = 'xy', 9\n"
     "r = (a, b, c, d, e, f)",
     "(0, [1, 2, 3, 4], 5, 'x', 'y', 9)"},
    {"a, b = [1, 2, 3]",
     "!ValueError: too many values to unpack (expected 2)"},
    {"a, b, c = [1, 2]",
     "!ValueError: not enough values to unpack (expected 3, got 2)"},
    {"r = ([*'ab', *range(2)], {**{'a': 1}, 'b': 2}, (*[1],), {*'aab'} == {'a', 'b'})",
     "(['a', 'b', 0, 1], {'a': 1, 'b': 2}, (1,), True)"},
};

const Case kStringsAndFormatting[] = {
    {"x = 3.14159\n"
     "r = (f'{x:.2f}', f'{x!r}', f'{42:>6}', f'{42:06d}', f'{255:#x}', f'{1234567:,}', "
     "f'{\"s\"!r:>5}')",
     "('3.14', '3.14159', '    42', '000042', '0xff', '1,234,567', \"  's'\")"},
    {"r = ('%d-%s-%r-%.1f-%5s-%x' % (1, 'a', 'b', 2.25, 'z', 255), '{} {}'.format(1, 2), "
     "'{0:>3}|{1:<3}|'.format('a', 'b'))",
     "(\"1-a-'b'-2.2-    z-ff\", '1 2', '  a|b  |')"},
    {"r = (repr('it\\'s'), repr('a\"b'), repr('\\n\\t'), str(1e16), repr(1e-7), str(0.1 + "
     "0.2), repr(-0.0))",
     "('\"it\\'s\"', '\\'a\"b\\'', \"'\\\\n\\\\t'\", '1e+16', '1e-07', '0.30000000000000004', "
     "'-0.0')"},
    {"r = ('a,b,c'.split(','), ' x '.strip(), 'ab'.upper(), '-'.join(['1', '2']), "
     "'hello'.replace('l', 'L'), 'abc'.find('c'))",
     "(['a', 'b', 'c'], 'x', 'AB', '1-2', 'heLLo', 2)"},
    {"r = (len('héllo'), 'héllo'[1], 'héllo'.upper(), ord('é'), chr(233), 'é'.encode() if "
     "False else 0)",
     "(5, 'é', 'HÉLLO', 233, 'é', 0)"},
    {"r = str(2 ** 100) + repr([1.5, None, True, 'x', (1,), {}])",
     "\"1267650600228229401496703205376[1.5, None, True, 'x', (1,), {}]\""},
    {"r = f'{1:d}' + f'{\"x\":d}'",
     "!ValueError: Unknown format code 'd' for object of type 'str'"},
};

const Case kBuiltinsAndModules[] = {
    {"import math\n"
     "r = (math.sqrt(2), math.floor(-1.5), math.ceil(1.2), math.pi, math.factorial(20), "
     "math.gcd(12, 18))",
     "(1.4142135623730951, -2, 2, 3.141592653589793, 2432902008176640000, 6)"},
    {"import random\n"
     "random.seed(42)\n"
     "r = [random.random() for _ in range(3)] + [random.randint(1, 100)]",
     "[0.6394267984578837, 0.025010755222666936, 0.27502931836911926, 29]"},
    {"import sys\n"
     "r = (sys.getrecursionlimit(), sys.maxsize, type(sys.argv).__name__)",
     "(1000, 9223372036854775807, 'list')"},
    {"r = (sorted([3, 1, 2], key=lambda v: -v), list(map(str, [1, 2])), list(filter(None, [0, "
     "1])), list(zip('ab', [1, 2])), list(enumerate('xy', 1)))",
     "([3, 2, 1], ['1', '2'], [1], [('a', 1), ('b', 2)], [(1, 'x'), (2, 'y')])"},
    {"r = (min([3, 1]), max(1, 5, 2), sum(range(101)), any([0, 1]), all([]), "
     "list(reversed([1, 2])), abs(-2), hash(1), hash(-1), hash((1, 2)))",
     "(1, 5, 5050, True, True, [2, 1], 2, 1, -2, -3550055125485641917)"},
    {"r = (int('42'), int('ff', 16), float('1.5'), str(12), bool(0), list('ab'), tuple([1]), "
     "dict(a=1), set([1, 1]), chr(65), ord('A'), hex(255), bin(5))",
     "(42, 255, 1.5, '12', False, ['a', 'b'], (1,), {'a': 1}, {1}, 'A', 65, '0xff', '0b101')"},
    {"r = (hasattr(1, 'real'), getattr(1, 'nope', 'd'), callable(len), isinstance(1, (str, "
     "int)), type(len).__name__)",
     "(True, 'd', True, True, 'builtin_function_or_method')"},
    {"import math\n"
     "math.sqrt(-1)",
     "!ValueError: math domain error"},
    {"int('abc')",
     "!ValueError: invalid literal for int() with base 10: 'abc'"},
    {"import no_such_module_qq",
     "!ModuleNotFoundError: No module named 'no_such_module_qq'"},
};


TEST(InterpSemantics, Arithmetic) { run_cases(kArithmetic); }
TEST(InterpSemantics, Comparisons) { run_cases(kComparisons); }
TEST(InterpSemantics, ControlFlow) { run_cases(kControlFlow); }
TEST(InterpSemantics, Functions) { run_cases(kFunctions); }
TEST(InterpSemantics, ClosuresAndScopes) { run_cases(kClosuresAndScopes); }
TEST(InterpSemantics, Classes) { run_cases(kClasses); }
TEST(InterpSemantics, Exceptions) { run_cases(kExceptions); }
TEST(InterpSemantics, Generators) { run_cases(kGenerators); }
TEST(InterpSemantics, Containers) { run_cases(kContainers); }
TEST(InterpSemantics, StringsAndFormatting) { run_cases(kStringsAndFormatting); }
TEST(InterpSemantics, BuiltinsAndModules) { run_cases(kBuiltinsAndModules); }

// ------------------------------------------------------------------ module state
TEST(InterpModule, GlobalsPersistAcrossExecCalls) {
  Session s;
  EXPECT_EQ(s.run("x = 1\ndef bump():\n    global x\n    x += 1\n    return x\n"), "");
  EXPECT_EQ(s.run("bump()\nbump()\n"), "");
  EXPECT_EQ(s.global("x"), "3");
  EXPECT_EQ(s.run("r = bump() * 10"), "");
  EXPECT_EQ(s.global("r"), "40");
  // A failing run keeps the assignments made before the failure.
  EXPECT_EQ(s.run("before = 'set'\n1 / 0\nafter = 'never'"),
            "!ZeroDivisionError: division by zero");
  EXPECT_EQ(s.global("before"), "'set'");
  EXPECT_EQ(s.global("after"), "<unbound after>");
  EXPECT_EQ(s.run("r = [x, before]"), "");
  EXPECT_EQ(s.global("r"), "[4, 'set']");
}

// exception_summary() is CPython's last traceback line, which for SyntaxError is
// "SyntaxError: msg" (not str(exc), which adds "(file, line N)").
TEST(InterpModule, SyntaxErrorsArePendingAndNothingRuns) {
  Session s;
  EXPECT_EQ(s.run("ran = 1\nx = = 1\n"), "!SyntaxError: invalid syntax");
  EXPECT_EQ(s.global("ran"), "<unbound ran>");
  EXPECT_EQ(s.run("x = 1\n    y = 2\n"), "!IndentationError: unexpected indent");
  EXPECT_EQ(s.run("def f():\nreturn 1\n"),
            "!IndentationError: expected an indented block after function definition on line 1");
  EXPECT_EQ(s.run("return 5\n"), "!SyntaxError: 'return' outside function");
  EXPECT_EQ(s.run("x = (1,\n"), "!SyntaxError: '(' was never closed");
  EXPECT_EQ(s.run("r = 'still usable'"), "");
  EXPECT_EQ(s.global("r"), "'still usable'");
}

TEST(InterpModule, PrintGoesToSysStdoutObject) {
  Session s;
  const char* src = R"PY(import sys
class Cap:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
cap = Cap()
old = sys.stdout
sys.stdout = cap
print(1, 'a', None, 2.5, [1, (2,)], sep='|', end='$\n')
print()
print(*'xyz')
sys.stdout = old
r = ''.join(cap.parts)
)PY";
  EXPECT_EQ(s.result_of(src), R"PY('1|a|None|2.5|[1, (2,)]$\n\nx y z\n')PY");
}

TEST(InterpModule, ReportUncaughtExitStatus) {
  Session s;
  EXPECT_EQ(s.run("import sys\nsys.exit(3)"), "!SystemExit: 3");
  ASSERT_FALSE(s.vm().exec_module("import sys\nsys.exit(3)", "<test>", s.module()));
  EXPECT_EQ(report_uncaught(s.vm(), s.vm().take_pending()), 3);
  ASSERT_FALSE(s.vm().exec_module("import sys\nsys.exit()", "<test>", s.module()));
  EXPECT_EQ(report_uncaught(s.vm(), s.vm().take_pending()), 0);
  ASSERT_FALSE(s.vm().exec_module("raise SystemExit(False)", "<test>", s.module()));
  EXPECT_EQ(report_uncaught(s.vm(), s.vm().take_pending()), 0);
  ASSERT_FALSE(s.vm().exec_module("raise SystemExit(258)", "<test>", s.module()));
  EXPECT_EQ(report_uncaught(s.vm(), s.vm().take_pending()), 258 & 0xFF);
}

TEST(InterpModule, InterruptStopsARunningLoop) {
  Session s;
  VM& vm = s.vm();
  std::thread poke([&vm] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    vm.request_interrupt();
  });
  // Bounded so that a VM that ignores the flag fails the test instead of hanging.
  std::string err = s.run("i = 0\nwhile i < 300_000_000:\n    i += 1\n");
  poke.join();
  EXPECT_EQ(err, "!KeyboardInterrupt");
  EXPECT_NE(s.global("i"), "300000000");
  EXPECT_FALSE(vm.interrupt_requested());
  EXPECT_EQ(s.run("r = 'runs again'"), "");
}

// Every loop form polls the interrupt flag. Runs in a child with an alarm, so a loop
// that never polls fails (killed by SIGALRM) instead of hanging the suite.
TEST(IsolatedInterrupt, EveryLoopKindPollsTheFlag) {
  const char* loops[] = {
      "while True:\n    pass",
      "for x in range(10 ** 15):\n    pass",
      "for x in iter(range(10 ** 15)):\n    pass",
      "def gen():\n    while True:\n        yield 1\nfor x in gen():\n    pass",
      "xs = [x for x in range(10 ** 15) if x < 0]",
      "def f(n):\n    return n\nwhile True:\n    f(1)",
  };
  for (const char* src : loops) {
    SCOPED_TRACE(src);
    EXPECT_EXIT(
        {
          alarm(20);
          Session s;
          VM& vm = s.vm();
          std::thread poke([&vm] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            vm.request_interrupt();
          });
          std::string e = s.run(src);
          poke.join();
          std::exit(e == "!KeyboardInterrupt" ? 0 : 1);
        },
        ::testing::ExitedWithCode(0), "");
  }
}

// ------------------------------------------------------------------ recursion limit
constexpr const char* kRecursionMsg = "!RecursionError: maximum recursion depth exceeded";

TEST(InterpRecursion, UnboundedRecursionRaisesAndVmRecovers) {
  Session s;
  EXPECT_EQ(s.run("def f(n):\n    return f(n + 1)\nf(0)"), kRecursionMsg);
  // Caught inside Python, several times in a row.
  const char* caught = R"PY(n = 0
for _ in range(5):
    try:
        f(0)
    except RecursionError as e:
        n += 1
        msg = str(e)
r = (n, msg)
)PY";
  EXPECT_EQ(s.result_of(caught), "(5, 'maximum recursion depth exceeded')");
  // The traceback of a RecursionError can be formatted.
  EXPECT_EQ(s.run("f(0)"), kRecursionMsg);
  std::string tb = s.traceback();
  EXPECT_EQ(tb.rfind("RecursionError: maximum recursion depth exceeded\n"),
            tb.size() - std::string("RecursionError: maximum recursion depth exceeded\n").size());
  EXPECT_EQ(s.result_of("def d(n):\n    return 0 if n == 0 else d(n - 1) + 1\nr = d(500)"), "500");
}

TEST(InterpRecursion, LimitMatchesCPythonBoundary) {
  Session s;
  // CPython 3.11.2 with the default limit 1000: d(998) works from module level,
  // d(999) raises.
  const char* src = R"PY(def d(n):
    return 0 if n == 0 else d(n - 1) + 1
lo = 0
for n in range(900, 1100):
    try:
        d(n)
        lo = n
    except RecursionError:
        break
r = lo
)PY";
  EXPECT_EQ(s.result_of(src), "998");
}

TEST(InterpRecursion, ThroughDunders) {
  const Case cases[] = {
      {"class N:\n    def __getitem__(self, i):\n        return self[i + 1]\nN()[0]",
       kRecursionMsg},
      {"class N:\n    def __add__(self, o):\n        return self + o\nN() + 1", kRecursionMsg},
      {"class N:\n    def __radd__(self, o):\n        return o + self\n1 + N()", kRecursionMsg},
      {"class N:\n    def __eq__(self, o):\n        return self == o\nN() == 1", kRecursionMsg},
      {"class N:\n    def __repr__(self):\n        return repr(self)\nrepr(N())", kRecursionMsg},
      {"class N:\n    def __str__(self):\n        return str(self)\nprint(N())", kRecursionMsg},
      {"class N:\n    def __hash__(self):\n        return hash(self)\n{N(): 1}", kRecursionMsg},
      {"class N:\n    def __len__(self):\n        return len(self)\nlen(N())", kRecursionMsg},
      {"class N:\n    def __iter__(self):\n        return iter(self)\nlist(N())", kRecursionMsg},
      {"class N:\n    def __bool__(self):\n        return bool(self)\nbool(N())", kRecursionMsg},
      {"class N:\n    def __getattr__(self, name):\n        return self.other\nN().x",
       kRecursionMsg},
      {"class N:\n    @property\n    def p(self):\n        return self.p\nN().p", kRecursionMsg},
      {"class N:\n    def __init__(self):\n        N()\nN()", kRecursionMsg},
      {"class N:\n    def __call__(self):\n        return self()\nN()()", kRecursionMsg},
      {"class N:\n    def __enter__(self):\n        with self:\n            pass\n"
       "    def __exit__(self, *a):\n        pass\nwith N():\n    pass", kRecursionMsg},
  };
  run_cases(cases);
}

TEST(InterpRecursion, ThroughNativeCallbacks) {
  const Case cases[] = {
      {"def k(v):\n    return sorted([v], key=k)\nsorted([1], key=k)", kRecursionMsg},
      {"def k(v):\n    a = [v]\n    a.sort(key=k)\n    return 0\nk(1)", kRecursionMsg},
      {"def m(v):\n    return list(map(m, [v]))\nm(1)", kRecursionMsg},
      {"def m(v):\n    return max([v], key=m)\nm(1)", kRecursionMsg},
      {"def f(v):\n    return list(filter(f, [v]))\nf(1)", kRecursionMsg},
      {"def g():\n    yield from g()\nlist(g())", kRecursionMsg},
      {"def g():\n    for x in g():\n        yield x\nlist(g())", kRecursionMsg},
      {"f = lambda n: f(n + 1)\nf(0)", kRecursionMsg},
      {"def f():\n    return [f() for _ in range(1)]\nf()", kRecursionMsg},
      // Caught, then the VM keeps working:
      {"def k(v):\n    return sorted([v], key=k)\ntry:\n    k(1)\nexcept RecursionError:\n"
       "    r = sorted([3, 1, 2], key=lambda v: -v)",
       "[3, 2, 1]"},
  };
  run_cases(cases);
}

TEST(InterpRecursion, OptionsAndSetRecursionLimit) {
  {
    Session s(VMOptions{.recursion_limit = 100});
    EXPECT_EQ(s.result_of("def d(n):\n    return 0 if n == 0 else d(n - 1) + 1\nr = d(50)"), "50");
    EXPECT_EQ(s.run("d(200)"), kRecursionMsg);
    EXPECT_EQ(s.result_of("import sys\nr = sys.getrecursionlimit()"), "100");
  }
  {
    // Stackless calls: 20000 Python frames are fine once the limit allows them.
    Session s;
    EXPECT_EQ(s.result_of("import sys\nsys.setrecursionlimit(100000)\n"
                          "def d(n):\n    return 0 if n == 0 else d(n - 1) + 1\nr = d(20000)"),
              "20000");
  }
}

// I3: these run in a child process; a crash (C stack overflow) fails only this test.
TEST(IsolatedRecursion, StackReservationExhaustedRaisesRecursionError) {
  EXPECT_EXIT(
      {
        Session s(VMOptions{.recursion_limit = 1000000000, .stack_values = 1u << 16});
        std::string e = s.run("def f(n):\n    return f(n + 1)\nf(0)");
        std::exit(e == kRecursionMsg ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(IsolatedRecursion, DunderRecursionWithRaisedLimitDoesNotCrash) {
  // With a raised limit, recursion through native code (GETITEM → __getitem__,
  // sorted → key) must still end in RecursionError, never a C stack overflow.
  EXPECT_EXIT(
      {
        Session s(VMOptions{.recursion_limit = 200000});
        std::string a = s.run(
            "class N:\n    def __getitem__(self, i):\n        return self[i + 1]\nN()[0]");
        std::string b = s.run("def k(v):\n    return sorted([v], key=k)\nk(1)");
        std::exit(a == kRecursionMsg && b == kRecursionMsg ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

// ------------------------------------------------------------------ several VMs
TEST(InterpMultiVM, InterleavedVMsAreIndependent) {
  Session a, b;
  EXPECT_EQ(a.run("x = 1\nclass Only:\n    pass\nimport random\nrandom.seed(1)"), "");
  EXPECT_EQ(b.run("x = 2\nimport random\nrandom.seed(1)"), "");
  EXPECT_EQ(a.run("x += 10\nra1 = random.random()"), "");
  EXPECT_EQ(b.run("rb1 = random.random()\nr = 'Only' in globals()"), "");
  EXPECT_EQ(a.run("ra2 = random.random()"), "");
  EXPECT_EQ(b.run("rb2 = random.random()"), "");
  EXPECT_EQ(a.global("x"), "11");
  EXPECT_EQ(b.global("x"), "2");
  EXPECT_EQ(b.global("r"), "False");
  // Each VM has its own random stream (CPython: seed(1) → these two values).
  EXPECT_EQ(a.global("ra1"), "0.13436424411240122");
  EXPECT_EQ(b.global("rb1"), "0.13436424411240122");
  EXPECT_EQ(a.global("ra2"), "0.8474337369372327");
  EXPECT_EQ(b.global("rb2"), "0.8474337369372327");
  // Module objects and settings are per VM.
  EXPECT_EQ(a.run("import math, sys\nmath.pi = 3\nsys.setrecursionlimit(50)"), "");
  EXPECT_EQ(b.result_of("import math, sys\nr = (math.pi, sys.getrecursionlimit())"),
            "(3.141592653589793, 1000)");
  EXPECT_EQ(a.result_of("r = (math.pi, sys.getrecursionlimit())"), "(3, 50)");
}

TEST(InterpMultiVM, DestroyingOneVMLeavesTheOtherWorking) {
  Session b;
  EXPECT_EQ(b.run("keep = [str(i) for i in range(1000)]"), "");
  for (int i = 0; i < 3; ++i) {
    Session a;
    EXPECT_EQ(a.result_of("r = sum(len(str(i)) for i in range(1000))"), "2890");
  }
  EXPECT_EQ(b.result_of("r = (len(keep), keep[-1])"), "(1000, '999')");
}

// CPython 3.11.2's result for kWorkload.
constexpr const char* kWorkload = R"PY(def primes(n):
    sieve = [True] * (n + 1)
    out = []
    for i in range(2, n + 1):
        if sieve[i]:
            out.append(i)
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return out
d = {}
for i in range(20000):
    d[str(i)] = (i, i * i)
s = 0
for k, v in d.items():
    s += v[1] % 7
def gen(n):
    for i in range(n):
        yield i ** 3
errs = 0
for i in range(2000):
    try:
        {}[i]
    except KeyError:
        errs += 1
ps = primes(20000)
r = (len(ps), ps[-1], s, sum(gen(1000)), errs, 3 ** 200 % 1000003, f"{s / 7:.3f}")
)PY";
constexpr const char* kWorkloadResult =
    "(2262, 19997, 39998, 249500250000, 2000, 333986, '5714.000')";

TEST(InterpMultiVM, TwoThreadsTwoVMsConcurrently) {
  constexpr int kThreads = 2;
  std::vector<std::string> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &results] {
      std::string out;
      for (int round = 0; round < 3; ++round) {
        Session s;
        std::string r = s.result_of(kWorkload);
        // RecursionError inside a thread must not crash either.
        std::string rec = s.run("def f(n):\n    return f(n + 1)\nf(0)");
        out += r + "|" + rec + "\n";
      }
      results[t] = out;
    });
  }
  for (auto& th : threads) th.join();
  std::string want;
  for (int round = 0; round < 3; ++round)
    want += std::string(kWorkloadResult) + "|" + kRecursionMsg + "\n";
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(results[t], want) << "thread " << t;
}

TEST(InterpMultiVM, ThreadsInterleaveTheirOwnVMsStepByStep) {
  // Each thread keeps one VM and runs many small exec_module() calls, so both VMs
  // are live and executing at the same time for the whole test.
  auto body = [](int seed, std::string* out) {
    Session s;
    std::string init = "import random\nrandom.seed(" + std::to_string(seed) + ")\nacc = []";
    if (!s.run(init).empty()) return;
    for (int i = 0; i < 200; ++i)
      if (!s.run("acc.append(random.randint(0, 9))\nx = [str(v) for v in acc]").empty()) return;
    *out = s.global("acc");
  };
  std::string r1, r2, ref1, ref2;
  std::thread t1(body, 1, &r1), t2(body, 2, &r2);
  t1.join();
  t2.join();
  body(1, &ref1);  // the same runs, sequentially
  body(2, &ref2);
  EXPECT_EQ(r1, ref1);
  EXPECT_EQ(r2, ref2);
  EXPECT_NE(r1, r2);
  EXPECT_EQ(r1.size(), 2 + 200 * 3 - 2);  // "[d, d, ...]"
}

}  // namespace
}  // namespace pyjitvm::vm
