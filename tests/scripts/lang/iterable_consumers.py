# tests/scripts/lang/iterable_consumers.py — every builtin that drains an iterable whose
# items are produced by Python code (a generator): results must be intact (run this
# under PYJ_GC_STRESS=1 to catch items that are not kept alive while draining).
def g(n):
    for i in range(n):
        yield [i, str(i)]
def pairs(n):
    for i in range(n):
        yield (str(i), [i])
print("dict", dict(pairs(4)))
d = {}
d.update(pairs(3))
print("update", d)
s = set()
s.update(str(v) for v in g(3))
print("set.update", sorted(s))
print("frozenset", sorted(frozenset(str(v) for v in g(3))))
print("fromkeys", dict.fromkeys(str(v) for v in g(3)))
print("sum", sum(g(3), []))
print("in", [2, "2"] in g(4))
print("tuple map", tuple(map(lambda v: [v], g(3))))
print("list(dict)", list({str(v): v for v in g(3)}))
print("sorted", sorted(g(3), reverse=True))
print("str.format", "{} {} {}".format(*g(3)))
print("list(reversed(list))", list(reversed(list(v for v in g(3)))))
a = [[0]]
a += g(3)
print("iadd", a)
print("zip-dict", dict(zip(map(str, g(3)), g(3))))
print("list", list(g(3)), "tuple", tuple(g(3)))
x, y, z = g(3)
first, *rest = g(4)
print("unpack", x, y, z, first, rest)
ext = [0]
ext.extend(g(3))
sl = [0, 1, 2]
sl[1:2] = g(2)
print("extend", ext, "slice", sl)
print("zip", list(zip(g(2), g(2))), "enumerate", list(enumerate(g(2))))
print("map", list(map(lambda v: [v], g(2))), "filter", list(filter(None, g(2))))
print("sorted key", sorted(g(3), key=lambda v: [-v[0]]), "star", [*g(2)], (*g(2),))
print("join", "-".join(str(v) for v in g(3)), "max", max(g(4)),
      "min key", min(g(3), key=lambda v: [-v[0]]))
