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

#include <atomic>
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
    {R"PY(r = (7 + 3 * 2 - 1, 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 7 / 2, 1 / 3))PY",
     R"PY((12, 3, -4, -2, 1024, 0.5, 3.5, 0.3333333333333333))PY"},
    {R"PY(r = (0.1 + 0.2, 1e308 * 10, -0.0, 3 * 1.5, 7.0 // 2, -7.5 % 2, 10 ** 20, -(2 ** 63)))PY",
     R"PY((0.30000000000000004, inf, -0.0, 4.5, 3.0, 0.5, 100000000000000000000, -9223372036854775808))PY"},
    {R"PY(r = (9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500, (2**64) // 3))PY",
     R"PY((9223372036854775808, -9223372036854775809, 9223372037000250000, 6148914691236517205))PY"},
    {R"PY(r = (True + True, True * 2.5, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -1 >> 3, 2 ** 0.5))PY",
     R"PY((2, 2.5, 1, 7, 6, -6, 1180591620717411303424, -1, 1.4142135623730951))PY"},
    {R"PY(x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
x <<= 2
x |= 1
r = x)PY",
     R"PY(5)PY"},
    {R"PY(r = (divmod(-7, 2), abs(-3.5), round(2.5), round(3.5), round(-0.5), pow(3, 4, 5), 0.1 * 3))PY",
     R"PY(((-4, 1), 3.5, 2, 4, 0, 1, 0.30000000000000004))PY"},
    {R"PY(r = 1 / 0)PY",
     R"PY(!ZeroDivisionError: division by zero)PY"},
    {R"PY(r = 1 % 0)PY",
     R"PY(!ZeroDivisionError: integer modulo by zero)PY"},
    {R"PY(r = 2.0 ** 5000)PY",
     R"PY(!OverflowError: (34, 'Numerical result out of range'))PY"},
    {R"PY(r = 'a' * 3 + 'b' - 1)PY",
     R"PY(!TypeError: unsupported operand type(s) for -: 'str' and 'int')PY"},
};

const Case kComparisons[] = {
    {R"PY(r = (1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 'a' < 'b', [1, 2] < [1, 3], (1, 2) == (1, 2), None is None))PY",
     R"PY((True, False, True, True, True, True, True))PY"},
    {R"PY(r = (1 != 1.0, 2 in [1, 2], 3 not in {1: 2}, 'bc' in 'abc', [] == [], {} == {}, {1} <= {1, 2}))PY",
     R"PY((False, True, True, True, True, True, True))PY"},
    {R"PY(nan = float('nan')
r = (nan == nan, nan != nan, [nan] == [nan], nan < 1, 1 < nan))PY",
     R"PY((False, True, True, False, False))PY"},
    {R"PY(calls = []
def f(v):
    calls.append(v)
    return v
r = (f(1) < f(0) < f(5), calls))PY",
     R"PY((False, [1, 0]))PY"},
    {R"PY(r = (not 0, not [], not [0], bool(''), bool('0'), 0 or 5, 3 and 4, [] or {}, 0.0 or None))PY",
     R"PY((True, True, False, False, True, 5, 4, {}, None))PY"},
    {R"PY(r = 1 < 'a')PY",
     R"PY(!TypeError: '<' not supported between instances of 'int' and 'str')PY"},
    {R"PY(r = [1] < (1,))PY",
     R"PY(!TypeError: '<' not supported between instances of 'list' and 'tuple')PY"},
};

const Case kControlFlow[] = {
    {R"PY(acc = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    acc.append(i)
else:
    acc.append('else')
r = acc)PY",
     R"PY([0, 2, 4, 6])PY"},
    {R"PY(acc = []
for i in range(3):
    pass
else:
    acc.append(i)
n = 0
while n < 5:
    n += 1
else:
    acc.append(n)
r = acc)PY",
     R"PY([2, 5])PY"},
    {R"PY(r = []
for i in range(10, 0, -3):
    r.append(i)
for i in range(0):
    r.append('never')
for i in range(-2, 2):
    r.append(i))PY",
     R"PY([10, 7, 4, 1, -2, -1, 0, 1])PY"},
    {R"PY(r = []
i = 0
while True:
    i += 1
    if i == 3:
        continue
    if i > 5:
        break
    r.append(i))PY",
     R"PY([1, 2, 4, 5])PY"},
    {R"PY(r = [(i, j) for i in range(3) for j in range(3) if i != j])PY",
     R"PY([(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)])PY"},
    {R"PY(def f(n):
    if n < 0:
        return 'neg'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    return 'big'
r = [f(x) for x in (-5, 0, 5, 50)])PY",
     R"PY(['neg', 'zero', 'small', 'big'])PY"},
    {R"PY(r = 0
for i in range(2 ** 62, 2 ** 62 + 3):
    r += 1
for i in range(2 ** 64, 2 ** 64 + 2):
    r += i)PY",
     R"PY(36893488147419103236)PY"},
    {R"PY(r = []
for x in [1, 2, 3]:
    for y in 'ab':
        if y == 'b':
            break
        r.append((x, y)))PY",
     R"PY([(1, 'a'), (2, 'a'), (3, 'a')])PY"},
    {R"PY(r = 0
for i in range(5):
    r += i
    i = 100
r = (r, i))PY",
     R"PY((10, 100))PY"},
};

const Case kFunctions[] = {
    {R"PY(def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, sorted(kw.items()))
r = [f(1), f(1, 2, 3, 4, c=5, d=6), f(*[7, 8], **{'c': 9, 'e': 0})])PY",
     R"PY([(1, 2, (), 3, []), (1, 2, (3, 4), 5, [('d', 6)]), (7, 8, (), 9, [('e', 0)])])PY"},
    {R"PY(def f(a, /, b, *, c):
    return a + b + c
r = f(1, b=2, c=3))PY",
     R"PY(6)PY"},
    {R"PY(def f(a, b):
    pass
f(1, 2, 3))PY",
     R"PY(!TypeError: f() takes 2 positional arguments but 3 were given)PY"},
    {R"PY(def f(a, b):
    pass
f(1))PY",
     R"PY(!TypeError: f() missing 1 required positional argument: 'b')PY"},
    {R"PY(def f(a, b):
    pass
f(1, a=2))PY",
     R"PY(!TypeError: f() got multiple values for argument 'a')PY"},
    {R"PY(def f(*, k):
    pass
f())PY",
     R"PY(!TypeError: f() missing 1 required keyword-only argument: 'k')PY"},
    {R"PY(def f(a):
    pass
f(1, z=2))PY",
     R"PY(!TypeError: f() got an unexpected keyword argument 'z')PY"},
    {R"PY(def f(a, /):
    pass
f(a=1))PY",
     R"PY(!TypeError: f() got some positional-only arguments passed as keyword arguments: 'a')PY"},
    {R"PY(def f(x=[]):
    x.append(1)
    return len(x)
r = (f(), f(), f([])))PY",
     R"PY((1, 2, 1))PY"},
    {R"PY(r = (lambda *a, **k: (a, k))(1, 2, x=3))PY",
     R"PY(((1, 2), {'x': 3}))PY"},
    {R"PY(def outer():
    def inner(n):
        return n if n == 0 else inner(n - 1) + 1
    return inner(50)
r = outer())PY",
     R"PY(50)PY"},
    {R"PY(def f():
    return
r = (f(), f.__name__, (lambda: 0).__name__))PY",
     R"PY((None, 'f', '<lambda>'))PY"},
    {R"PY(f = None
r = f())PY",
     R"PY(!TypeError: 'NoneType' object is not callable)PY"},
};

const Case kClosuresAndScopes[] = {
    {R"PY(def mk():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
a = mk()
b = mk()
r = (a(), a(), a(), b()))PY",
     R"PY((1, 2, 3, 1))PY"},
    {R"PY(fs = [lambda: i for i in range(3)]
r = [f() for f in fs])PY",
     R"PY([2, 2, 2])PY"},
    {R"PY(g = 1
def f():
    global g
    g = 2
    h = 3
f()
r = g)PY",
     R"PY(2)PY"},
    {R"PY(x = 'global'
def f():
    x = 'local'
    def g():
        return x
    return g()
r = (f(), x))PY",
     R"PY(('local', 'global'))PY"},
    {R"PY(def f():
    y = 1
    del y
    return y
r = f())PY",
     R"PY(!UnboundLocalError: cannot access local variable 'y' where it is not associated with a value)PY"},
    {R"PY(def f():
    print(q)
    q = 1
f())PY",
     R"PY(!UnboundLocalError: cannot access local variable 'q' where it is not associated with a value)PY"},
    {R"PY(r = undefined_name_xyz)PY",
     R"PY(!NameError: name 'undefined_name_xyz' is not defined)PY"},
    {R"PY(class C:
    v = 1
    w = [v * 2 for _ in range(2)]
r = C.w)PY",
     R"PY(!NameError: name 'v' is not defined)PY"},
    {R"PY(class C:
    a = 5
    def m(self):
        return a
C().m())PY",
     R"PY(!NameError: name 'a' is not defined)PY"},
    {R"PY(def f():
    v = []
    def add(x):
        v.append(x)
    add(1)
    add(2)
    return v
r = f())PY",
     R"PY([1, 2])PY"},
};

const Case kClasses[] = {
    {R"PY(class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'P({self.x}, {self.y})'
    def __add__(self, o):
        return P(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
r = (P(1, 2) + P(3, 4), P(1, 2) == P(1, 2), len({P(1, 2), P(1, 2)})))PY",
     R"PY((P(4, 6), True, 1))PY"},
    {R"PY(class A:
    def f(self):
        return 'A'
class B(A):
    def f(self):
        return 'B' + super().f()
class C(A):
    def f(self):
        return 'C' + super().f()
class D(B, C):
    def f(self):
        return 'D' + super().f()
r = (D().f(), [k.__name__ for k in D.__mro__]))PY",
     R"PY(('DBCA', ['D', 'B', 'C', 'A', 'object']))PY"},
    {R"PY(class T:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, n):
        self._v = n * 2
    @staticmethod
    def s(a):
        return a + 1
    @classmethod
    def c(cls):
        return cls.__name__
t = T()
t.v = 5
r = (t.v, T.s(1), t.s(2), T.c(), t.c()))PY",
     R"PY((10, 2, 3, 'T', 'T'))PY"},
    {R"PY(class S:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
    def __contains__(self, x):
        return x == 'magic'
r = (len(S()), list(S()), 'magic' in S(), 4 in S(), S()[2]))PY",
     R"PY((3, [0, 1, 4], True, False, 4))PY"},
    {R"PY(class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
r = (list(It()), sum(It()), [x for x in It()]))PY",
     R"PY(([1, 2, 3], 6, [1, 2, 3]))PY"},
    {R"PY(class N:
    def __init__(self, v):
        self.v = v
    def __radd__(self, o):
        return N(o + self.v)
    def __mul__(self, o):
        return NotImplemented
    def __rmul__(self, o):
        return 'rmul'
    def __lt__(self, o):
        return self.v < o.v
    def __neg__(self):
        return N(-self.v)
r = ((1 + N(2)).v, (5 + N(2)).v, 3 * N(1), sorted([N(3), N(1)])[0].v, (-N(4)).v))PY",
     R"PY((3, 7, 'rmul', 1, -4))PY"},
    {R"PY(class C:
    def __call__(self, *a):
        return sum(a)
    def __bool__(self):
        return False
    def __str__(self):
        return 'strC'
r = (C()(1, 2, 3), bool(C()), str(C()), f'{C()}', 'yes' if C() else 'no'))PY",
     R"PY((6, False, 'strC', 'strC', 'no'))PY"},
    {R"PY(class D:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        del self.d[k]
d = D()
d['a'] = 1
d['b'] = 2
d['a'] += 10
del d['b']
r = d.d)PY",
     R"PY({'a': 11})PY"},
    {R"PY(class G:
    def __getattr__(self, name):
        return name.upper()
g = G()
g.real = 1
r = (g.real, g.abc, getattr(g, 'xyz')))PY",
     R"PY((1, 'ABC', 'XYZ'))PY"},
    {R"PY(class X:
    pass
X().missing)PY",
     R"PY(!AttributeError: 'X' object has no attribute 'missing')PY"},
    {R"PY(class X:
    pass
X() + 1)PY",
     R"PY(!TypeError: unsupported operand type(s) for +: 'X' and 'int')PY"},
    {R"PY(class X:
    pass
len(X()))PY",
     R"PY(!TypeError: object of type 'X' has no len())PY"},
    {R"PY(class E:
    def __eq__(self, o):
        return True
hash(E()))PY",
     R"PY(!TypeError: unhashable type: 'E')PY"},
    {R"PY(class Ctx:
    log = []
    def __enter__(self):
        Ctx.log.append('enter')
        return self
    def __exit__(self, t, v, tb):
        Ctx.log.append(t.__name__ if t else None)
        return True
with Ctx():
    raise KeyError(1)
with Ctx():
    pass
r = Ctx.log)PY",
     R"PY(['enter', 'KeyError', 'enter', None])PY"},
    {R"PY(r = (isinstance(True, int), issubclass(bool, object), type(3).__name__, type(type).__name__, isinstance([], (dict, list))))PY",
     R"PY((True, True, 'int', 'type', True))PY"},
};

const Case kExceptions[] = {
    {R"PY(log = []
try:
    try:
        raise ValueError('inner')
    finally:
        log.append('finally')
except ValueError as e:
    log.append(str(e))
else:
    log.append('else')
r = log)PY",
     R"PY(['finally', 'inner'])PY"},
    {R"PY(def f():
    try:
        return 1
    finally:
        return 2
r = f())PY",
     R"PY(2)PY"},
    {R"PY(def f():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            pass
    return i
r = f())PY",
     R"PY(1)PY"},
    {R"PY(try:
    raise KeyError('k')
except (IndexError, LookupError) as e:
    r = (type(e).__name__, e.args))PY",
     R"PY(('KeyError', ('k',)))PY"},
    {R"PY(class MyErr(Exception):
    def __init__(self, code):
        super().__init__('code', code)
        self.code = code
try:
    raise MyErr(5)
except Exception as e:
    r = (e.code, e.args, str(e), repr(e)))PY",
     R"PY((5, ('code', 5), "('code', 5)", "MyErr('code', 5)"))PY"},
    {R"PY(try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('v') from e
except ValueError as e:
    r = (repr(e.__cause__), repr(e.__context__), e.__suppress_context__))PY",
     R"PY(("ZeroDivisionError('division by zero')", "ZeroDivisionError('division by zero')", True))PY"},
    {R"PY(try:
    try:
        [][0]
    except IndexError:
        {}['x']
except KeyError as e:
    r = (repr(e), repr(e.__context__), e.__cause__))PY",
     R"PY(("KeyError('x')", "IndexError('list index out of range')", None))PY"},
    {R"PY(e = None
try:
    raise ValueError
except ValueError as e:
    pass
r = 'e' in globals())PY",
     R"PY(False)PY"},
    {R"PY(class MyErr(Exception):
    pass
raise MyErr('boom'))PY",
     R"PY(!MyErr: boom)PY"},
    {R"PY(raise ValueError)PY",
     R"PY(!ValueError)PY"},
    {R"PY(raise KeyError('a', 'b'))PY",
     R"PY(!KeyError: ('a', 'b'))PY"},
    {R"PY(try:
    1 / 0
except ZeroDivisionError:
    raise)PY",
     R"PY(!ZeroDivisionError: division by zero)PY"},
    {R"PY(raise 5)PY",
     R"PY(!TypeError: exceptions must derive from BaseException)PY"},
    {R"PY(assert 1 == 2, 'custom message')PY",
     R"PY(!AssertionError: custom message)PY"},
    {R"PY(assert False)PY",
     R"PY(!AssertionError)PY"},
    {R"PY(import sys
sys.exit(3))PY",
     R"PY(!SystemExit: 3)PY"},
    {R"PY(def g():
    yield 1
    raise StopIteration
list(g()))PY",
     R"PY(!RuntimeError: generator raised StopIteration)PY"},
};

const Case kGenerators[] = {
    {R"PY(def g(n):
    for i in range(n):
        yield i * i
r = (list(g(4)), sum(g(5)), next(g(3))))PY",
     R"PY(([0, 1, 4, 9], 30, 0))PY"},
    {R"PY(def g():
    x = yield 1
    y = yield x + 1
    return x + y
it = g()
a = next(it)
b = it.send(10)
try:
    it.send(20)
except StopIteration as e:
    r = (a, b, e.value))PY",
     R"PY((1, 11, 30))PY"},
    {R"PY(def sub():
    yield 1
    yield 2
    return 'sub'
def g():
    v = yield from sub()
    yield v
r = list(g()))PY",
     R"PY([1, 2, 'sub'])PY"},
    {R"PY(def g():
    try:
        yield 1
        yield 2
    finally:
        log.append('closed')
log = []
it = g()
next(it)
it.close()
r = (log, list(it)))PY",
     R"PY((['closed'], []))PY"},
    {R"PY(def g():
    while True:
        try:
            yield
        except ValueError:
            log.append('caught')
log = []
it = g()
next(it)
it.throw(ValueError)
it.throw(ValueError)
r = log)PY",
     R"PY(['caught', 'caught'])PY"},
    {R"PY(gens = [(x for x in range(i)) for i in range(4)]
r = [list(g) for g in gens])PY",
     R"PY([[], [0], [0, 1], [0, 1, 2]])PY"},
    {R"PY(def g():
    yield 1
it = g()
r = (list(it), list(it), next(it, 'done')))PY",
     R"PY(([1], [], 'done'))PY"},
    {R"PY(def inf():
    n = 0
    while True:
        yield n
        n += 1
it = inf()
r = [next(it) for _ in range(5)] + [next(it)])PY",
     R"PY([0, 1, 2, 3, 4, 5])PY"},
};

const Case kContainers[] = {
    {R"PY(a = [3, 1, 2]
a.append(0)
a.sort()
a.insert(1, 9)
a.extend((7, 8))
r = (a, a.pop(), a[1:3], a[::-1], a[-1], len(a), a.index(9), 9 in a))PY",
     R"PY(([0, 9, 1, 2, 3, 7], 8, [9, 1], [7, 3, 2, 1, 9, 0], 7, 6, 1, True))PY"},
    {R"PY(d = {'b': 1, 'a': 2}
d['c'] = 3
del d['b']
d.update(z=0)
r = (d, list(d), d.get('q', 'dflt'), d.pop('a'), sorted(d.items())))PY",
     R"PY(({'c': 3, 'z': 0}, ['a', 'c', 'z'], 'dflt', 2, [('c', 3), ('z', 0)]))PY"},
    {R"PY(s = {3, 1, 2}
s.add(1)
s.discard(5)
r = (sorted(s), s & {1, 9}, s | {4}, s - {1}, {1, 2} ^ {2, 3}, len(s)))PY",
     R"PY(([1, 2, 3], {1}, {1, 2, 3, 4}, {2, 3}, {1, 3}, 3))PY"},
    {R"PY(t = (1, 'a', 2.5)
r = (t[0], t[-1], t[1:], t + (3,), t * 2, t.count(1), len(t), t == (1, 'a', 2.5)))PY",
     R"PY((1, 2.5, ('a', 2.5), (1, 'a', 2.5, 3), (1, 'a', 2.5, 1, 'a', 2.5), 1, 3, True))PY"},
    {R"PY(r = ([1, 2, 3][5:], [1, 2, 3][-10:2], 'hello'[1:4], 'hello'[::-2], list(range(10))[2:8:3]))PY",
     R"PY(([], [1, 2], 'ell', 'olh', [2, 5]))PY"},
    {R"PY(a = list(range(10))
a[2:5] = ['x']
del a[::3]
r = a)PY",
     R"PY([1, 'x', 6, 7, 9])PY"},
    {R"PY(r = [1, 2][2])PY",
     R"PY(!IndexError: list index out of range)PY"},
    {R"PY(r = {'a': 1}['b'])PY",
     R"PY(!KeyError: 'b')PY"},
    {R"PY(r = {[1]: 2})PY",
     R"PY(!TypeError: unhashable type: 'list')PY"},
    {R"PY(r = (1, 2)[0:1] + [3])PY",
     R"PY(!TypeError: can only concatenate tuple (not "list") to tuple)PY"},
    {R"PY(a, *b, c = range(6)
(d, e), f = 'xy', 9
r = (a, b, c, d, e, f))PY",
     R"PY((0, [1, 2, 3, 4], 5, 'x', 'y', 9))PY"},
    {R"PY(a, b = [1, 2, 3])PY",
     R"PY(!ValueError: too many values to unpack (expected 2))PY"},
    {R"PY(a, b, c = [1, 2])PY",
     R"PY(!ValueError: not enough values to unpack (expected 3, got 2))PY"},
    {R"PY(r = ([*'ab', *range(2)], {**{'a': 1}, 'b': 2}, (*[1],), {*'aab'} == {'a', 'b'}))PY",
     R"PY((['a', 'b', 0, 1], {'a': 1, 'b': 2}, (1,), True))PY"},
};

const Case kStringsAndFormatting[] = {
    {R"PY(x = 3.14159
r = (f'{x:.2f}', f'{x!r}', f'{42:>6}', f'{42:06d}', f'{255:#x}', f'{1234567:,}', f'{"s"!r:>5}'))PY",
     R"PY(('3.14', '3.14159', '    42', '000042', '0xff', '1,234,567', "  's'"))PY"},
    {R"PY(r = ('%d-%s-%r-%.1f-%5s-%x' % (1, 'a', 'b', 2.25, 'z', 255), '{} {}'.format(1, 2), '{0:>3}|{1:<3}|'.format('a', 'b')))PY",
     R"PY(("1-a-'b'-2.2-    z-ff", '1 2', '  a|b  |'))PY"},
    {R"PY(r = (repr('it\'s'), repr('a"b'), repr('\n\t'), str(1e16), repr(1e-7), str(0.1 + 0.2), repr(-0.0)))PY",
     R"PY(('"it\'s"', '\'a"b\'', "'\\n\\t'", '1e+16', '1e-07', '0.30000000000000004', '-0.0'))PY"},
    {R"PY(r = ('a,b,c'.split(','), ' x '.strip(), 'ab'.upper(), '-'.join(['1', '2']), 'hello'.replace('l', 'L'), 'abc'.find('c')))PY",
     R"PY((['a', 'b', 'c'], 'x', 'AB', '1-2', 'heLLo', 2))PY"},
    {R"PY(r = (len('héllo'), 'héllo'[1], 'héllo'.upper(), ord('é'), chr(233), 'é'.encode() if False else 0))PY",
     R"PY((5, 'é', 'HÉLLO', 233, 'é', 0))PY"},
    {R"PY(r = str(2 ** 100) + repr([1.5, None, True, 'x', (1,), {}]))PY",
     R"PY("1267650600228229401496703205376[1.5, None, True, 'x', (1,), {}]")PY"},
    {R"PY(r = f'{1:d}' + f'{"x":d}')PY",
     R"PY(!ValueError: Unknown format code 'd' for object of type 'str')PY"},
};

const Case kBuiltinsAndModules[] = {
    {R"PY(import math
r = (math.sqrt(2), math.floor(-1.5), math.ceil(1.2), math.pi, math.factorial(20), math.gcd(12, 18)))PY",
     R"PY((1.4142135623730951, -2, 2, 3.141592653589793, 2432902008176640000, 6))PY"},
    {R"PY(import random
random.seed(42)
r = [random.random() for _ in range(3)] + [random.randint(1, 100)])PY",
     R"PY([0.6394267984578837, 0.025010755222666936, 0.27502931836911926, 29])PY"},
    {R"PY(import sys
r = (sys.getrecursionlimit(), sys.maxsize, type(sys.argv).__name__))PY",
     R"PY((1000, 9223372036854775807, 'list'))PY"},
    {R"PY(r = (sorted([3, 1, 2], key=lambda v: -v), list(map(str, [1, 2])), list(filter(None, [0, 1])), list(zip('ab', [1, 2])), list(enumerate('xy', 1))))PY",
     R"PY(([3, 2, 1], ['1', '2'], [1], [('a', 1), ('b', 2)], [(1, 'x'), (2, 'y')]))PY"},
    {R"PY(r = (min([3, 1]), max(1, 5, 2), sum(range(101)), any([0, 1]), all([]), list(reversed([1, 2])), abs(-2), hash(1), hash(-1), hash((1, 2))))PY",
     R"PY((1, 5, 5050, True, True, [2, 1], 2, 1, -2, -3550055125485641917))PY"},
    {R"PY(r = (int('42'), int('ff', 16), float('1.5'), str(12), bool(0), list('ab'), tuple([1]), dict(a=1), set([1, 1]), chr(65), ord('A'), hex(255), bin(5)))PY",
     R"PY((42, 255, 1.5, '12', False, ['a', 'b'], (1,), {'a': 1}, {1}, 'A', 65, '0xff', '0b101'))PY"},
    {R"PY(r = (hasattr(1, 'real'), getattr(1, 'nope', 'd'), callable(len), isinstance(1, (str, int)), type(len).__name__))PY",
     R"PY((True, 'd', True, True, 'builtin_function_or_method'))PY"},
    {R"PY(import math
math.sqrt(-1))PY",
     R"PY(!ValueError: math domain error)PY"},
    {R"PY(int('abc'))PY",
     R"PY(!ValueError: invalid literal for int() with base 10: 'abc')PY"},
    {R"PY(import no_such_module_qq)PY",
     R"PY(!ModuleNotFoundError: No module named 'no_such_module_qq')PY"},
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
  EXPECT_EQ(s.run("before = 'set'\n1 / 0\nafter = 'never'"), "!ZeroDivisionError: division by zero");
  EXPECT_EQ(s.global("before"), "'set'");
  EXPECT_EQ(s.global("after"), "<unbound after>");
  EXPECT_EQ(s.run("r = [x, before]"), "");
  EXPECT_EQ(s.global("r"), "[3, 'set']");
}

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
      {"class N:\n    def __getitem__(self, i):\n        return self[i + 1]\nN()[0]", kRecursionMsg},
      {"class N:\n    def __add__(self, o):\n        return self + o\nN() + 1", kRecursionMsg},
      {"class N:\n    def __radd__(self, o):\n        return o + self\n1 + N()", kRecursionMsg},
      {"class N:\n    def __eq__(self, o):\n        return self == o\nN() == 1", kRecursionMsg},
      {"class N:\n    def __repr__(self):\n        return repr(self)\nrepr(N())", kRecursionMsg},
      {"class N:\n    def __str__(self):\n        return str(self)\nprint(N())", kRecursionMsg},
      {"class N:\n    def __hash__(self):\n        return hash(self)\n{N(): 1}", kRecursionMsg},
      {"class N:\n    def __len__(self):\n        return len(self)\nlen(N())", kRecursionMsg},
      {"class N:\n    def __iter__(self):\n        return iter(self)\nlist(N())", kRecursionMsg},
      {"class N:\n    def __bool__(self):\n        return bool(self)\nbool(N())", kRecursionMsg},
      {"class N:\n    def __getattr__(self, name):\n        return self.other\nN().x", kRecursionMsg},
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
        std::string a = s.run("class N:\n    def __getitem__(self, i):\n        return self[i + 1]\nN()[0]");
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
constexpr const char* kWorkloadResult = "(2262, 19997, 39998, 249500250000, 2000, 333986, '5714.000')";

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
    if (!s.run("import random\nrandom.seed(" + std::to_string(seed) + ")\nacc = []").empty()) return;
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
