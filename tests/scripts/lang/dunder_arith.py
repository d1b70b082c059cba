# tests/scripts/lang/dunder_arith.py — binary, reflected, in-place and unary operator
# dunders, NotImplemented fallback, and the TypeError when nothing applies.
class V:
    def __init__(self, *c):
        self.c = c

    def __repr__(self):
        return "V" + repr(self.c)

    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[a + o for a in self.c])
        return NotImplemented

    def __radd__(self, o):
        print("radd", o)
        return self + o

    def __sub__(self, o):
        return V(*[a - o for a in self.c])

    def __rsub__(self, o):
        return V(*[o - a for a in self.c])

    def __mul__(self, k):
        return V(*[a * k for a in self.c])

    __rmul__ = __mul__

    def __truediv__(self, k):
        return V(*[a / k for a in self.c])

    def __floordiv__(self, k):
        return V(*[a // k for a in self.c])

    def __mod__(self, k):
        return V(*[a % k for a in self.c])

    def __pow__(self, k):
        return V(*[a ** k for a in self.c])

    def __rpow__(self, b):
        return V(*[b ** a for a in self.c])

    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))

    def __neg__(self):
        return V(*[-a for a in self.c])

    def __pos__(self):
        return "pos"

    def __abs__(self):
        return V(*[abs(a) for a in self.c])

    def __invert__(self):
        return "inverted"

    def __and__(self, o):
        return "and"

    def __or__(self, o):
        return "or"

    def __xor__(self, o):
        return "xor"

    def __lshift__(self, o):
        return "lshift"

    def __rshift__(self, o):
        return "rshift"

    def __rand__(self, o):
        return "rand"


v = V(1, 2)
print(v + V(10, 20), v + 1, 1 + v, v + 0.5)
print(v - 1, 10 - v, v * 3, 3 * v, v / 2, v // 2, v % 2, v ** 2, 2 ** v)
print(v @ V(3, 4), -v, +v, abs(V(-1, 2)), ~v)
print(v & 1, v | 1, v ^ 1, v << 1, v >> 1, 1 & v)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self

    def __repr__(self):
        return f"Acc{self.items}"


a = Acc()
alias = a
a += 1
a += 2
print(a, alias is a)
w = V(1)
w2 = w
w += V(5)
print(w, w2, w is w2)
lst = [1]
lst2 = lst
lst += [2]
print(lst2)
t = (1,)
t2 = t
t += (2,)
print(t, t2)


class Sub(V):
    def __radd__(self, o):
        return "Sub.radd wins"


print(V(1) + Sub(2))


def err(thunk):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)


err(lambda: v + "s")
err(lambda: "s" - v)
err(lambda: V() < V())
err(lambda: object() + 1)
err(lambda: 1 + None)
err(lambda: [1] * 1.5)
err(lambda: -"s")
err(lambda: ~1.5)
err(lambda: a - 1)
err(lambda: abs("x"))


class OnlyEq:
    def __eq__(self, o):
        return "eq:" + str(o)


print(OnlyEq() == 1, 1 == OnlyEq(), OnlyEq() != 1)
