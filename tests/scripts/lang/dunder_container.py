# tests/scripts/lang/dunder_container.py — __len__ __getitem__ __setitem__ __delitem__
# __contains__ __iter__/__next__ __call__, slices passed to __getitem__, the
# __getitem__ iteration fallback and StopIteration/IndexError ending a loop.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        if isinstance(key, tuple):
            return self.cells.get(key, 0)
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells


g = Grid(3, 4)
g[1, 2] = 7
g[0, 0] += 5
print(len(g), g[1, 2], g[0, 0], g[2, 2], (1, 2) in g, (2, 2) in g, (2, 2) not in g)
print(g[1:5], g[::2], g[:], g[1:2:3])
del g[1, 2]
print((1, 2) in g, g.cells)
try:
    g["x"]
except KeyError as e:
    print("KeyError", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(4)), sum(Countdown(5)), [x * 2 for x in Countdown(3)])
for i in Countdown(2):
    print("loop", i)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


print(list(Seq()), 20 in Seq(), 25 in Seq())
a, b, c = Seq()
print(a, b, c)


class Bag:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


print(3 in Bag([1, 2, 3]), sorted(Bag([3, 1, 2])), dict.fromkeys(Bag("ab")))
print(max(Bag([4, 9, 2])), tuple(Bag(range(3))), set(Bag([1, 1])))


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale


add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(3))
print(list(map(add5, [1, 2])), sorted([3, 1, 2], key=Adder(0)))


class Empty:
    def __len__(self):
        return 0


print(len(Empty()), bool(Empty()), "yes" if Empty() else "no")


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
try:
    Countdown(1)[0]
except TypeError as e:
    print("TypeError:", e)
try:
    Countdown(1)[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    len(Countdown(1))
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    for q in Adder(1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    next(Bag([]))
except TypeError as e:
    print("TypeError:", e)
