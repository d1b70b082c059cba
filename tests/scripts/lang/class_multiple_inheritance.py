# tests/scripts/lang/class_multiple_inheritance.py — multiple inheritance: C3 MRO,
# cooperative super() through a diamond, attribute lookup order, isinstance.
class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + super().who()


class C(A):
    def who(self):
        return "C" + super().who()


class D(B, C):
    def who(self):
        return "D" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


class Mixin:
    tag = "mixin"

    def hello(self):
        return "hello from " + type(self).__name__


class Named:
    tag = "named"

    def __init__(self, name):
        self.name = name


class Widget(Mixin, Named):
    pass


w = Widget("w1")
print(w.hello(), w.name, w.tag, isinstance(w, Named), [k.__name__ for k in Widget.__mro__])
try:
    class Bad(A, D):
        pass
except TypeError as e:
    print("TypeError:", e)
