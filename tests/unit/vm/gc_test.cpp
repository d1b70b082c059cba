// tests/unit/vm/gc_test.cpp — GC stress: allocation-heavy programs run with a
// collection at every safepoint, and memory stays flat for short-lived objects.
//
// Stage: Python source → VM{gc_stress} + stdlib → exec_module() → repr of the global
//        `r`, compared with CPython 3.11.2's repr for the same program (pasted
//        literals; the test never runs Python); heap statistics for the memory tests.
//
// Invariants:
//   I1  A stress case runs in a forked child (EXPECT_EXIT), so a use-after-free that
//       crashes fails that case only; the child prints got/expected on mismatch —
//       expect_in_child().
//   I2  The flat-memory test samples HeapStats::bytes_live from inside the running
//       loop through a native function, so the bound holds during the loop, not
//       only after it — GcMemory.ShortLivedObjectsKeepMemoryFlat.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "stdlib/stdlib.h"
#include "vm/errors.h"
#include "vm/list_object.h"
#include "vm/ops.h"
#include "vm/vm.h"

namespace pyjitvm::vm {
namespace {

struct Case {
  const char* src;
  const char* expected;  // CPython's repr(r), or "!Type: message"
};

class Session {
 public:
  explicit Session(const VMOptions& options = {}) : vm_(options) {
    stdlib::install_stdlib(vm_, {"test"});
    module_ = vm_.main_module();
    vm_.register_module(module_);
  }
  VM& vm() { return vm_; }
  Module* module() { return module_; }

  std::string result_of(const std::string& src) {
    if (!vm_.exec_module(src, "<test>", module_)) {
      Value e = vm_.take_pending();
      return "!" + exception_summary(vm_, e);
    }
    Value v = dict_get_str(module_->dict, vm_.intern("r"));
    if (v.is_undef()) return "<unbound r>";
    Value s = repr(vm_, v);
    if (failed(s)) {
      Value e = vm_.take_pending();
      return "<repr failed: " + exception_summary(vm_, e) + ">";
    }
    return std::string(as_str(s)->view());
  }

  Value global(const char* name) { return dict_get_str(module_->dict, vm_.intern(name)); }

 private:
  VM vm_;
  Module* module_ = nullptr;
};

// I1: runs in the death-test child; exit 0 when the result matches.
[[noreturn]] void check_and_exit(const Case& c, bool stress) {
  Session s(VMOptions{.gc_stress = stress});
  std::string got = s.result_of(c.src);
  if (got == c.expected) std::exit(0);
  std::fprintf(stderr, "got:      %s\nexpected: %s\n", got.c_str(), c.expected);
  std::exit(1);
}

void expect_in_child(const Case* cases, size_t n, bool stress) {
  for (size_t i = 0; i < n; ++i) {
    SCOPED_TRACE("case " + std::to_string(i) + ":\n" + cases[i].src);
    EXPECT_EXIT(check_and_exit(cases[i], stress), ::testing::ExitedWithCode(0), "");
  }
}

template <size_t N>
void stress_cases(const Case (&cases)[N]) {
  expect_in_child(cases, N, true);
}

// ------------------------------------------------------------------ stress programs
// Expected values: CPython 3.11.2, repr(r).
const Case kListsOfLists[] = {
    {"m = []\n"
     "for i in range(200):\n"
     "    row = []\n"
     "    for j in range(20):\n"
     "        row.append([i, j, str(i * j)])\n"
     "    m.append(row)\n"
     "r = (len(m), m[150][7], sum(len(row) for row in m), m[-1][-1])",
     "(200, [150, 7, '1050'], 4000, [199, 19, '3781'])"},
    {"r = [[j for j in range(i)] for i in range(40)]\n"
     "r = (len(r), sum(map(len, r)), r[-1][-5:], r[3])",
     "(40, 780, [34, 35, 36, 37, 38], [0, 1, 2])"},
    {"a = [[]]\n"
     "for i in range(300):\n"
     "    a = [a, [i] * 3, str(i)]\n"
     "n = 0\n"
     "while len(a) == 3:\n"
     "    n += a[1][0]\n"
     "    a = a[0]\n"
     "r = n",
     "44850"},
};

const Case kDictsOfTuples[] = {
    {"d = {}\n"
     "for i in range(500):\n"
     "    d[(i, str(i))] = (i * 2, [i], {'k': i})\n"
     "r = (len(d), d[(123, '123')], sorted(d)[-1])",
     "(500, (246, [123], {'k': 123}), (499, '499'))"},
    {"d = {str(i): (i, (i, (i,))) for i in range(400)}\n"
     "for i in range(0, 400, 2):\n"
     "    del d[str(i)]\n"
     "for i in range(1000, 1100):\n"
     "    d[str(i)] = (i,)\n"
     "r = (len(d), d['201'], list(d)[-1], sum(v[0] for v in d.values()))",
     "(300, (201, (201, (201,))), '1099', 144950)"},
    {"class K:\n"
     "    def __init__(self, v):\n"
     "        self.v = v\n"
     "    def __hash__(self):\n"
     "        return hash(('k', self.v % 17))\n"
     "    def __eq__(self, o):\n"
     "        return isinstance(o, K) and [self.v] == [o.v]\n"
     "d = {}\n"
     "for i in range(300):\n"
     "    d[K(i)] = [i] * 2\n"
     "r = (len(d), d[K(77)], K(5) in d, K(999) in d)",
     "(300, [77, 77], True, False)"},
    {"s = set()\n"
     "for i in range(400):\n"
     "    s.add((i % 50, str(i % 50)))\n"
     "r = (len(s), sorted(s)[:3])",
     "(50, [(0, '0'), (1, '1'), (2, '2')])"},
};

const Case kClosures[] = {
    {"def mk(i):\n"
     "    data = [i] * 3\n"
     "    def f(x):\n"
     "        return data[0] + x + len(data)\n"
     "    return f\n"
     "fs = [mk(i) for i in range(300)]\n"
     "junk = [[k] for k in range(500)]\n"
     "r = sum(f(1) for f in fs)",
     "46050"},
    {"def counter():\n"
     "    n = [0]\n"
     "    def inc():\n"
     "        n[0] += 1\n"
     "        return str(n[0])\n"
     "    return inc\n"
     "cs = [counter() for _ in range(50)]\n"
     "out = []\n"
     "for k in range(5):\n"
     "    for c in cs:\n"
     "        out.append(c())\n"
     "r = (len(out), out[-1], out[:3])",
     "(250, '5', ['1', '1', '1'])"},
    {"adders = [(lambda n: lambda v: [v + n])(n) for n in range(100)]\n"
     "r = [a(1)[0] for a in adders][-3:]",
     "[98, 99, 100]"},
};

const Case kSuspendedGenerators[] = {
    {"def gen(i):\n"
     "    buf = [str(i)]\n"
     "    for k in range(5):\n"
     "        buf.append(str(k) * (i % 7))\n"
     "        yield buf[-1], len(buf)\n"
     "gs = [gen(i) for i in range(100)]\n"
     "first = [next(g) for g in gs]\n"
     "junk = [[0] * 50 for _ in range(100)]\n"
     "second = [next(g) for g in gs]\n"
     "r = (first[13], second[13], sum(len([x for x in g]) for g in gs))",
     "(('000000', 2), ('111111', 3), 300)"},
    {"def echo():\n"
     "    got = []\n"
     "    while True:\n"
     "        x = yield len(got)\n"
     "        if x is None:\n"
     "            return got\n"
     "        got.append([x, str(x)])\n"
     "g = echo()\n"
     "next(g)\n"
     "for i in range(200):\n"
     "    g.send(i)\n"
     "try:\n"
     "    g.send(None)\n"
     "except StopIteration as e:\n"
     "    r = (len(e.value), e.value[150])",
     "(200, [150, '150'])"},
    {"def inner(n):\n"
     "    for i in range(n):\n"
     "        yield [i]\n"
     "    return 'done' + str(n)\n"
     "def outer():\n"
     "    res = []\n"
     "    for n in range(20):\n"
     "        res.append((yield from inner(n)))\n"
     "    yield res\n"
     "r = [x for x in outer()]\n"
     "r = (len(r), r[-1][-1], r[100])",
     "(191, 'done19', [9])"},
};

const Case kGeneratorConsumers[] = {
    {"def g(n):\n"
     "    for i in range(n):\n"
     "        yield [i, str(i)]\n"
     "r = list(g(50))[::10]",
     "[[0, '0'], [10, '10'], [20, '20'], [30, '30'], [40, '40']]"},
    {"def g(n):\n"
     "    for i in range(n):\n"
     "        yield [i, str(i)]\n"
     "r = tuple(g(30))[-2:]",
     "([28, '28'], [29, '29'])"},
    {"def g(n):\n"
     "    for i in range(n):\n"
     "        yield [i, str(i)]\n"
     "a, b, c = g(3)\n"
     "d, *e = g(4)\n"
     "r = (a, b, c, d, e)",
     "([0, '0'], [1, '1'], [2, '2'], [0, '0'], [[1, '1'], [2, '2'], [3, '3']])"},
    {"def g(n):\n"
     "    for i in range(n):\n"
     "        yield [i, str(i)]\n"
     "l = [0]\n"
     "l.extend(g(5))\n"
     "m = [0, 1, 2]\n"
     "m[1:2] = g(3)\n"
     "r = (l, m)",
     "([0, [0, '0'], [1, '1'], [2, '2'], [3, '3'], [4, '4']], [0, [0, '0'], [1, '1'], [2, "
     "'2'], 2])"},
    {"def g(n):\n"
     "    for i in range(n):\n"
     "        yield [i, str(i)]\n"
     "r = (list(zip(g(3), g(3))), list(enumerate(g(3))), list(map(lambda v: [v], g(3))), "
     "list(filter(None, g(3))))",
     "([([0, '0'], [0, '0']), ([1, '1'], [1, '1']), ([2, '2'], [2, '2'])], [(0, [0, '0']), "
     "(1, [1, '1']), (2, [2, '2'])], [[[0, '0']], [[1, '1']], [[2, '2']]], [[0, '0'], [1, "
     "'1'], [2, '2']])"},
    {"def g(n):\n"
     "    for i in range(n):\n"
     "        yield [i, str(i)]\n"
     "r = (sorted(g(5), key=lambda v: [-v[0]]), [*g(3)], dict((str(k), k) for k in g(3)), "
     "set(str(k) for k in g(3)) == {str([i, str(i)]) for i in range(3)})",
     "([[4, '4'], [3, '3'], [2, '2'], [1, '1'], [0, '0']], [[0, '0'], [1, '1'], [2, '2']], "
     "{\"[0, '0']\": [0, '0'], \"[1, '1']\": [1, '1'], \"[2, '2']\": [2, '2']}, True)"},
    {"def g(n):\n"
     "    for i in range(n):\n"
     "        yield str(i) * 3\n"
     "r = ('-'.join(g(10)), max(g(20), key=len), min(g(5)), sum(len(s) for s in g(30)))",
     "('000-111-222-333-444-555-666-777-888-999', '101010', '000', 150)"},
};

const Case kExceptionsWithTracebacks[] = {
    {"def fail(i):\n"
     "    raise ValueError('bad %d' % i)\n"
     "errs = []\n"
     "for i in range(200):\n"
     "    try:\n"
     "        fail(i)\n"
     "    except ValueError as e:\n"
     "        errs.append(e)\n"
     "junk = [str(i) * 10 for i in range(1000)]\n"
     "r = (len(errs), str(errs[150]), errs[3].args)",
     "(200, 'bad 150', ('bad 3',))"},
    {"def layer(i):\n"
     "    try:\n"
     "        {}[str(i)]\n"
     "    except KeyError as e:\n"
     "        raise RuntimeError('wrapped %d' % i) from e\n"
     "kept = []\n"
     "for i in range(100):\n"
     "    try:\n"
     "        layer(i)\n"
     "    except RuntimeError as e:\n"
     "        kept.append(e)\n"
     "junk = [[i] for i in range(500)]\n"
     "r = (str(kept[42]), repr(kept[42].__cause__), repr(kept[99].__context__))",
     "('wrapped 42', \"KeyError('42')\", \"KeyError('99')\")"},
    {"def gen():\n"
     "    for i in range(10):\n"
     "        try:\n"
     "            yield i\n"
     "        except ValueError as e:\n"
     "            yield 'caught ' + str(e)\n"
     "g = gen()\n"
     "out = [next(g)]\n"
     "for i in range(5):\n"
     "    out.append(g.throw(ValueError(str(i) * 3)))\n"
     "    out.append(next(g))\n"
     "r = out",
     "[0, 'caught 000', 1, 'caught 111', 2, 'caught 222', 3, 'caught 333', 4, 'caught 444', 5]"},
};

const Case kInstancesWithCycles[] = {
    {"class Node:\n"
     "    def __init__(self, v):\n"
     "        self.v = v\n"
     "        self.next = None\n"
     "        self.peer = None\n"
     "nodes = [Node(i) for i in range(300)]\n"
     "for a, b in zip(nodes, nodes[1:] + nodes[:1]):\n"
     "    a.next = b\n"
     "    b.peer = a\n"
     "keep = nodes[0]\n"
     "del nodes\n"
     "for _ in range(3):\n"
     "    tmp = [Node(i) for i in range(100)]\n"
     "n = keep\n"
     "s = 0\n"
     "for _ in range(300):\n"
     "    s += n.v\n"
     "    n = n.next\n"
     "r = (s, n is keep, keep.peer.v)",
     "(44850, True, 299)"},
    {"class Node:\n"
     "    def __init__(self, v):\n"
     "        self.v = [v]\n"
     "        self.other = None\n"
     "for i in range(2000):\n"
     "    a = Node(i)\n"
     "    b = Node(i + 1)\n"
     "    a.other = b\n"
     "    b.other = a\n"
     "lst = []\n"
     "lst.append(lst)\n"
     "d = {}\n"
     "d['self'] = d\n"
     "r = (a.other.other is a, b.v, repr(lst), repr(d))",
     "(True, [2000], '[[...]]', \"{'self': {...}}\")"},
    {"class Tree:\n"
     "    def __init__(self, depth):\n"
     "        self.kids = [Tree(depth - 1) for _ in range(2)] if depth else []\n"
     "        self.parent = None\n"
     "        for k in self.kids:\n"
     "            k.parent = self\n"
     "    def count(self):\n"
     "        return 1 + sum(k.count() for k in self.kids)\n"
     "t = Tree(8)\n"
     "leaf = t\n"
     "while leaf.kids:\n"
     "    leaf = leaf.kids[-1]\n"
     "r = (t.count(), leaf.parent.parent.kids[0].count())",
     "(511, 3)"},
};

const Case kCallsAndFormatting[] = {
    {"def f(*a, **k):\n"
     "    return (a, sorted(k.items()))\n"
     "r = [f(*[i, [i]], **{'x': [i], 'y': str(i)}) for i in range(60)][-1]",
     "((59, [59]), [('x', [59]), ('y', '59')])"},
    {"r = [f'{i:>4}|{i * 1.5:.2f}|{str(i)!r}|{[i]}' for i in range(100)][97]",
     "\"  97|145.50|'97'|[97]\""},
    {"r = str(3 ** 500)[-20:] + '|' + hex(7 ** 300)[-10:] + '|' + str(sum(2 ** i for i in "
     "range(200)))[-8:]",
     "'85990139795377610001|b5fddabb21|35301375'"},
    {"class P:\n"
     "    def __init__(self, x):\n"
     "        self._x = [x]\n"
     "    @property\n"
     "    def x(self):\n"
     "        return self._x[0]\n"
     "    def __repr__(self):\n"
     "        return 'P(%r)' % (self._x,)\n"
     "    def __add__(self, o):\n"
     "        return P(self.x + o.x)\n"
     "s = P(0)\n"
     "for i in range(300):\n"
     "    s = s + P(i)\n"
     "r = (s, repr([P(1), P(2)]), sorted([P(3), P(1)], key=lambda p: p.x))",
     "(P([44850]), '[P([1]), P([2])]', [P([1]), P([3])])"},
    {"class CM:\n"
     "    log = []\n"
     "    def __enter__(self):\n"
     "        CM.log.append(['enter'])\n"
     "        return [len(CM.log)]\n"
     "    def __exit__(self, t, v, tb):\n"
     "        CM.log.append([t.__name__ if t else None, str(v)])\n"
     "        return True\n"
     "for i in range(50):\n"
     "    with CM() as got:\n"
     "        if i % 2:\n"
     "            raise ValueError(str(i) * 2)\n"
     "r = (len(CM.log), CM.log[-1], CM.log[-3], got)",
     "(100, ['ValueError', '4949'], [None, 'None'], [99])"},
    {"def build(n):\n"
     "    return [] if n == 0 else [build(n - 1), str(n)]\n"
     "t = build(400)\n"
     "d = 0\n"
     "while t:\n"
     "    d += 1\n"
     "    t = t[0]\n"
     "r = d",
     "400"},
};


TEST(GcStress, ListsOfLists) { stress_cases(kListsOfLists); }
TEST(GcStress, DictsOfTuples) { stress_cases(kDictsOfTuples); }
TEST(GcStress, Closures) { stress_cases(kClosures); }
TEST(GcStress, SuspendedGenerators) { stress_cases(kSuspendedGenerators); }
TEST(GcStress, GeneratorConsumers) { stress_cases(kGeneratorConsumers); }
TEST(GcStress, ExceptionsWithTracebacks) { stress_cases(kExceptionsWithTracebacks); }
TEST(GcStress, InstancesWithCycles) { stress_cases(kInstancesWithCycles); }
TEST(GcStress, CallsAndFormatting) { stress_cases(kCallsAndFormatting); }

// Native code that collects items from a Python-code iterator must keep them rooted
// under ordinary (non-stress) collections too: enough allocation to trigger many.
TEST(GcNormal, NativeConsumersOfGeneratorsKeepItemsAlive) {
  const Case cases[] = {
      {"def g(n):\n    for i in range(n):\n        yield [i, str(i)]\nx = list(g(100000))\n"
       "r = (len(x), x[-1], sum(1 for i, v in enumerate(x) if v != [i, str(i)]))",
       "(100000, [99999, '99999'], 0)"},
      {"def g(n):\n    for i in range(n):\n        yield [i, str(i)]\nx = tuple(g(100000))\n"
       "r = (len(x), x[-1], sum(1 for i, v in enumerate(x) if v != [i, str(i)]))",
       "(100000, [99999, '99999'], 0)"},
      {"def g(n):\n    for i in range(n):\n        yield [i, str(i)]\nx = []\nx.extend(g(100000))\n"
       "r = (len(x), x[-1], sum(1 for i, v in enumerate(x) if v != [i, str(i)]))",
       "(100000, [99999, '99999'], 0)"},
      {"def g(n):\n    for i in range(n):\n        yield [i, str(i)]\n"
       "x = list(enumerate(g(100000)))\n"
       "r = (len(x), x[-1], sum(1 for i, v in x if v != [i, str(i)]))",
       "(100000, (99999, [99999, '99999']), 0)"},
  };
  expect_in_child(cases, sizeof(cases) / sizeof(cases[0]), false);
}

// ------------------------------------------------------------------ memory
Value heap_live_native(VM& vm, const CallArgs&) {
  return Value::from_int(static_cast<int64_t>(vm.heap().stats().bytes_live));
}

int64_t list_int(Value list, size_t i) {
  List* l = as_list(list);
  return i < l->len && l->items[i].is_int() ? l->items[i].as_int() : -1;
}

TEST(GcMemory, ShortLivedObjectsKeepMemoryFlat) {
  if (const char* s = std::getenv("PYJ_GC_STRESS"); s && *s == '1')
    GTEST_SKIP() << "10^6 iterations with a collection at every safepoint take too long";
  Session s;
  VM& vm = s.vm();
  dict_set_str(vm.heap(), s.module()->dict, vm.intern("heap_live"),
               Value::from_obj(vm.new_native("heap_live", heap_live_native)));
  uint64_t allocated_before = vm.heap().stats().bytes_allocated;
  uint64_t collections_before = vm.heap().stats().collections;
  const char* src = R"PY(samples = []
for i in range(1000000):
    t = (i, i + 1)
    l = [i, t, None]
    s = str(i) + "x"
    if i % 50000 == 0:
        samples.append(heap_live())
r = (len(samples), l[1], s)
)PY";
  ASSERT_EQ(s.result_of(src), "(20, (999999, 1000000), '999999x')");
  const HeapStats& st = vm.heap().stats();
  // The loop really allocated: at least a tuple, a list (+ buffer) and a str each time.
  EXPECT_GT(st.bytes_allocated - allocated_before, 1000000ull * 64);
  EXPECT_GT(st.collections - collections_before, 10ull);
  Value samples = s.global("samples");
  ASSERT_TRUE(is_kind(samples, Kind::List));
  int64_t baseline = list_int(samples, 1);  // after the loop is warm
  ASSERT_GT(baseline, 0);
  int64_t peak = 0;
  for (size_t i = 1; i < as_list(samples)->len; ++i)
    peak = std::max(peak, list_int(samples, i));
  EXPECT_LT(peak, baseline + (4 << 20)) << "live bytes grew during the loop";
  EXPECT_LT(peak, int64_t{64} << 20);
}

TEST(GcMemory, CollectReclaimsDroppedStructures) {
  Session s;
  VM& vm = s.vm();
  ASSERT_EQ(s.result_of("big = [[i, str(i)] for i in range(200000)]\nr = len(big)"), "200000");
  vm.collect();
  uint64_t with_big = vm.heap().stats().bytes_live;
  uint64_t objects_with_big = vm.heap().stats().objects_live;
  ASSERT_EQ(s.result_of("del big\nr = 0"), "0");
  vm.collect();
  uint64_t without = vm.heap().stats().bytes_live;
  // 200000 lists and ~200000 strs (1-char ones are cached) of 32+ bytes were freed.
  EXPECT_LT(without + 200000ull * 64, with_big);
  EXPECT_LT(vm.heap().stats().objects_live + 390000ull, objects_with_big);
  // Unreachable cycles are reclaimed too.
  ASSERT_EQ(s.result_of("class N:\n    pass\nfor i in range(50000):\n    a = N()\n    b = N()\n"
                        "    a.o = b\n    b.o = a\n    a.pad = [i] * 4\nr = 0"),
            "0");
  vm.collect();
  EXPECT_LT(vm.heap().stats().bytes_live, without + (1 << 20));
}

}  // namespace
}  // namespace pyjitvm::vm
