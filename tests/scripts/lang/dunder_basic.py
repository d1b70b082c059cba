# tests/scripts/lang/dunder_basic.py — __init__ __repr__ __str__ __eq__ __ne__ __lt__
# __le__ __gt__ __hash__ __bool__ and how print/str/repr/sorted/set/dict use them.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))


class Named:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "Named:" + self.name


class Plain:
    pass


p, q = Point(1, 2), Point(1, 2)
print(p, repr(p), str(p), [p], {"k": p}, (p,))
print(p == q, p != q, p is q, p == (1, 2), p != "x")
print(sorted([Point(3, 1), Point(1, 5), Point(1, 2)]))
print(Point(2, 0) > Point(1, 9), max([Point(0, 1), Point(5, 0)]))
print(len({p, q, Point(2, 2)}), {p: "a", q: "b"})
print(hash(p) == hash(q), hash(p) == hash((1, 2)))
n = Named("n")
print(n, str(n), f"{n}", "%s" % n, [n.name])
print(repr(Plain()).startswith("<__main__.Plain object at 0x"))
p0 = Plain()
print(str(p0) == repr(p0) or "differs")
a = Plain()
print(a == a, a != a, a == Plain(), hash(a) == hash(a))


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool called")
        return self.v


class Sized:
    def __len__(self):
        return 0


print(bool(Truthy(True)), not Truthy(False), bool(Sized()), bool(Plain()))
if Truthy(False) or Sized():
    print("wrong")
else:
    print("both falsy")


class Unhashable:
    def __eq__(self, other):
        return True


try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
try:
    {Unhashable(): 1}
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2) < 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    Plain() < Plain()
except TypeError as e:
    print("TypeError:", e)


class BadRepr:
    def __repr__(self):
        return 5


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)


class Both:
    def __repr__(self):
        return "R"

    def __str__(self):
        return "S"


print(Both(), [Both()], f"{Both()!r} {Both()!s}", "%r" % Both())


class GE:
    def __ge__(self, other):
        return "ge-called"


print(3 <= GE(), GE() >= 3)
