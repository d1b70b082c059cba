# tests/scripts/lang/recursion.py — deep (but legal) recursion, mutual recursion, and
# RecursionError for unbounded recursion through functions, methods, dunders, lambdas
# and key functions, caught and recovered from.
import sys


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(30), len(str(fact(500))))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(900))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(400), is_odd(401))


def forever(n):
    return forever(n + 1)


for attempt in range(3):
    try:
        forever(0)
    except RecursionError as e:
        print("RecursionError:", e)
print("recursion limit", sys.getrecursionlimit())


class Node:
    def __getitem__(self, i):
        return self[i + 1]

    def __add__(self, other):
        return self + other

    def __repr__(self):
        return repr(self)

    def method(self):
        return self.method()

    @property
    def prop(self):
        return self.prop


for label, thunk in [("getitem", lambda: Node()[0]), ("add", lambda: Node() + 1),
                     ("repr", lambda: repr(Node())), ("method", lambda: Node().method()),
                     ("property", lambda: Node().prop)]:
    try:
        thunk()
    except RecursionError as e:
        print(label, "RecursionError:", e)


def sort_key(v):
    return sorted([v], key=sort_key)


try:
    sort_key(1)
except RecursionError as e:
    print("sort key RecursionError:", e)
lam = lambda n: lam(n + 1)
try:
    lam(0)
except RecursionError as e:
    print("lambda RecursionError:", e)


def gen_rec(n):
    yield from gen_rec(n + 1)


try:
    list(gen_rec(0))
except RecursionError as e:
    print("generator RecursionError")
nested = []
cur = nested
for _ in range(100):
    cur.append([])
    cur = cur[0]
print(str(nested).count("["))
print(fact(10), depth(50), "still works")
