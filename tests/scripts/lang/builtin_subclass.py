# tests/scripts/lang/builtin_subclass.py — subclasses of builtin types calling the base
# implementation explicitly (dict.__setitem__, super().__getitem__, int.__add__,
# Exception.__str__ through super()), and __missing__.
class Doubling(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 2)

    def __getitem__(self, k):
        return super().__getitem__(k) + 1

    def __missing__(self, k):
        return -1


d = Doubling()
d["a"] = 5
print(d["a"], d["zz"], dict(d), len(d), isinstance(d, dict))


class Scaled(list):
    def append(self, v):
        super().append(v * 10)

    def __getitem__(self, i):
        return list.__getitem__(self, i) + 1


s = Scaled([1])
s.append(2)
print(s, s[1], len(s), sum(s))


class Money(int):
    def __add__(self, other):
        return Money(int.__add__(self, other))

    def __repr__(self):
        return "Money(" + int.__repr__(self) + ")"


print(Money(3) + 4, type(Money(1) + 1).__name__, int.__add__(1, 2), float.__mul__(1.5, 2.0))


class AppError(Exception):
    def __str__(self):
        return "app: " + super().__str__()

    def __repr__(self):
        return "<" + Exception.__repr__(self) + ">"


print(str(AppError("disk full")), str(AppError()), repr(AppError(1, 2)))
e = ValueError("a", 2)
print(Exception.__str__(e), BaseException.__repr__(e), str.upper("x"), list.__len__([1, 2]))
try:
    raise AppError("boom")
except AppError as err:
    print(err)
