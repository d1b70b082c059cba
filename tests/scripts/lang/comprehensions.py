# tests/scripts/lang/comprehensions.py — list/set/dict comprehensions and generator
# expressions: nesting, conditions, scoping of the loop variable, walrus.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i, 3)])
print([[i * j for j in range(3)] for i in range(3)])
print({x % 4 for x in range(10)})
print({k: v for k, v in zip("abc", range(3))})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print(sorted({c.upper() for c in "hello"}))
print([y for row in [[1, 2], [3], []] for y in row])
x = "outer"
print([x for x in "ab"], x)
print(sum(i for i in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print([n for n in range(10) if (sq := n * n) > 20], sq)
print(list(map(lambda p: p[0] + p[1], [(1, 2), (3, 4)])))
print([i if i % 2 else -i for i in range(5)])
print({i: [j for j in range(i)] for i in range(4)})
print([(a, b) for a, b in enumerate("xy")])
print([c for c in "abc"][::-1], [s.strip() for s in [" a ", "b "]])
n = 3
print([[0] * n for _ in range(n)])


class Holder:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]


print(Holder.doubled)
gen = (i for i in range(3))
print(list(gen), list(gen))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
print(any(v > 5 for row in matrix for v in row), all(v > 0 for row in matrix for v in row))
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print([f"{i}:{c}" for i, c in enumerate("ab", start=1)])
try:
    [1 / v for v in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print([v for v in range(3)] == list(range(3)), dict((k, k) for k in "ab"))
