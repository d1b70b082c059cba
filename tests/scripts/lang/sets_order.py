# Set iteration order must match CPython's table order.
print({3, 1, 2}, {8, 1}, {16, 0, 8}, {100, 5, 37, 64})
s = set()
for v in [9, 33, 1, 17, 25, 41, 2]:
    s.add(v)
print(s)
s.discard(17)
s.add(49)
print(s)
print(set(range(20, 0, -3)), {x * 7 % 50 for x in range(30)})
a = {1, 2, 3, 4, 10, 20}
b = {3, 4, 5, 20, 30}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([99, 1]), a.intersection(range(4)), a.difference([1]), a.symmetric_difference({1, 100}))
print(frozenset({5, 3}), frozenset(), {(1, 2), (3, 4), (0, 0)}, {-1, -2, -3})
t = {10, 20}
t |= {30, 1}
print(t)
t &= {1, 30, 99}
print(t)
print(sorted({"b", "a", "c"}), {True, 1, 1.0}, {0, False})
big = set(range(100))
big -= set(range(0, 100, 2))
print(len(big), min(big), max(big))
print(set([5, 5, 3, 9, 3]), set("aaa") == {"a"})
