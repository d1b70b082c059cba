# Classes: dunder dispatch, inheritance, descriptors, __getattr__, hashing.
class Base:
    tag = "base"

    def __init__(self, v):
        self.v = v

    def who(self):
        return f"{type(self).__name__}:{self.v}"

    @classmethod
    def make(cls, v):
        return cls(v)

    @staticmethod
    def helper(x):
        return x * 2


class Child(Base):
    tag = "child"

    def __init__(self, v, w):
        super().__init__(v)
        self.w = w

    def who(self):
        return super().who() + f"+{self.w}"


c = Child(1, 2)
print(c.who(), Child.make.__name__, Base.make(5).who(), c.helper(21), Child.helper(4))
print(Child.tag, c.tag, Base.tag, isinstance(c, Base), issubclass(Child, Base), Child.__mro__[1].__name__)


class Point:
    __slots_like__ = None

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x},{self.y})"

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)


pts = {Point(1, 2): "a", Point(3, 4): "b"}
print(pts[Point(1, 2)], Point(3, 4) in pts, sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(len({Point(0, 0), Point(0, 0), Point(1, 0)}))


class NoHash:
    def __eq__(self, other):
        return True


try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)


class Dyn:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return f"dyn-{name}"


d = Dyn()
print(d.real, d.missing, getattr(d, "other"))


class Counter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        self.i = 0
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i

    def __len__(self):
        return self.n

    def __contains__(self, x):
        return 0 < x <= self.n

    def __call__(self, k):
        return k * self.n

    def __getitem__(self, i):
        return i * 10


cn = Counter(3)
print(list(cn), len(cn), 2 in cn, 5 in cn, cn(7), cn[4], sum(Counter(4)))


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        self.items.append(other)
        return self

    def __add__(self, other):
        return "plain add"

    def __radd__(self, other):
        return f"radd {other}"


a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items, a + 1, 5 + a)


class Temp:
    def __init__(self):
        self._t = 0

    @property
    def t(self):
        return self._t

    @t.setter
    def t(self, v):
        self._t = max(0, v)


tp = Temp()
tp.t = -5
print(tp.t)
tp.t = 7
print(tp.t)
try:
    class Ro:
        @property
        def p(self):
            return 1
    Ro().p = 3
except AttributeError as e:
    print("AttributeError:", e)


class Str2:
    def __str__(self):
        return "S"


class Repr2:
    def __repr__(self):
        return "R"


print(str(Str2()), str(Repr2()), repr(Repr2()), [Repr2()], f"{Str2()} {Repr2()!r}")
print(type(c).__name__, type(c).__qualname__, Child.__name__, c.__class__ is Child, c.__dict__)


def make_class():
    class Local:
        def m(self):
            return "local m"
    return Local


L = make_class()
print(L().m(), L.__qualname__)


class Meta:
    count = 0

    def __init__(self):
        Meta.count += 1


for _ in range(3):
    Meta()
print(Meta.count)


class WithNew:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.created = args
        return inst

    def __init__(self, a, b):
        self.sum = a + b


wn = WithNew(2, 3)
print(wn.created, wn.sum)
