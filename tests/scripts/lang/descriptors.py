# tests/scripts/lang/descriptors.py — staticmethod, classmethod, property (getter,
# setter, deleter), inheritance with super(), MRO, class vs instance attributes,
# __getattr__ fallback, isinstance/issubclass with user classes.
class Temp:
    scale = "C"
    count = 0

    def __init__(self, c):
        self._c = c
        Temp.count += 1

    @property
    def c(self):
        return self._c

    @c.setter
    def c(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @c.deleter
    def c(self):
        print("deleting")
        del self._c

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @staticmethod
    def convert(x):
        return x * 2

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)


t = Temp(100)
print(t.c, t.f, Temp.convert(4), t.convert(5), Temp.from_f(212).c, Temp.count)
t.c = 20
print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.f = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.c
print(hasattr(t, "_c"), hasattr(t, "c"))
print(type(Temp.__dict__["convert"]).__name__, type(Temp.__dict__["from_f"]).__name__)
print(isinstance(Temp.c, property))


class Base:
    kind = "base"

    def __init__(self, n):
        self.n = n

    def describe(self):
        return f"{self.kind}:{self.n}:{self.name()}"

    def name(self):
        return "Base"

    @classmethod
    def create(cls, n):
        return cls(n)


class Mid(Base):
    kind = "mid"

    def name(self):
        return "Mid>" + super().name()


class Leaf(Mid):
    def __init__(self, n, extra):
        super().__init__(n)
        self.extra = extra

    def name(self):
        return "Leaf>" + super().name()


leaf = Leaf(1, "x")
print(leaf.describe(), leaf.extra, Leaf.create.__name__)
print(type(Mid.create(3)).__name__, Mid.create(3).describe())
print([c.__name__ for c in Leaf.__mro__])
print(isinstance(leaf, Base), issubclass(Leaf, Mid), issubclass(Base, Leaf))
print(isinstance(leaf, (int, Mid)), issubclass(bool, int), Leaf.__bases__[0].__name__)


class Lazy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "missing:" + name


z = Lazy()
print(z.real, z.other, getattr(z, "foo"), hasattr(z, "anything"))
z.dyn = 5
print(z.dyn, z.__dict__)
print(Temp.scale, t.scale)
t.scale = "F"
print(Temp.scale, t.scale)
del t.scale
print(t.scale)
try:
    del t.scale
except AttributeError as e:
    print("AttributeError:", e)


class Slots:
    x = 1


Slots.y = 2
s = Slots()
print(s.x, s.y, getattr(s, "zz", "default"))
setattr(s, "zz", 3)
print(s.zz, type(s).__name__, type(s) is Slots, Slots.__name__, type(Slots).__name__)
