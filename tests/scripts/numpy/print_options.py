# np.set_printoptions / np.get_printoptions / np.printoptions: every option's effect,
# formatter callables, legacy='1.13', and the errors NumPy raises for bad values.
import numpy as np

nan, inf = float("nan"), float("inf")
x = np.array([1 / 3, -2.5, 1e-5, 100.0])
y = np.array([1 / 3, 2.0, 0.125])
z = np.array([nan, inf, -inf, 0.5, -0.0])
c = np.array([complex(1 / 3, -2), complex(0, 0.5)])
g = np.arange(12).reshape(3, 4)
r = np.array([i / 7 for i in range(30)])
DEFAULT = dict(precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False,
               nanstr="nan", infstr="inf", sign="-", floatmode="maxprec", legacy=False)


def show(label):
    print(label)
    print(x, y, z, c)
    print(repr(g))
    print(r)


print(np.get_printoptions())
settings = [
    dict(precision=3), dict(precision=0), dict(precision=20), dict(suppress=True),
    dict(suppress=True, precision=2), dict(threshold=10), dict(threshold=5, edgeitems=1),
    dict(threshold=0, edgeitems=0), dict(edgeitems=5, threshold=20), dict(linewidth=30),
    dict(linewidth=200), dict(linewidth=5), dict(sign="+"), dict(sign=" "),
    dict(floatmode="fixed"), dict(floatmode="unique"), dict(floatmode="maxprec_equal"),
    dict(floatmode="fixed", precision=3), dict(floatmode="maxprec_equal", suppress=True),
    dict(nanstr="NaN", infstr="Infinity"), dict(nanstr="-", infstr="∞", sign="+"),
    dict(legacy="1.13"), dict(legacy="1.13", sign="+"), dict(legacy="1.21"),
    dict(threshold=float("inf")), dict(threshold=7.5),
]
for s in settings:
    np.set_printoptions(**s)
    show(s)
    print(np.get_printoptions())
    np.set_printoptions(**DEFAULT)

# float32 and scalars under the options (scalars ignore precision)
np.set_printoptions(precision=3)
print(np.array([0.1, 1 / 3], dtype=np.float32), np.float64(1 / 3), np.float32(1 / 3))
np.set_printoptions(**DEFAULT)
np.set_printoptions(suppress=True)
print(np.array([67108872.0, 1.0], dtype=np.float32), np.array([1e-10, 1.0]),
      np.array([1.7976931348623157e300, 1.0]))
np.set_printoptions(**DEFAULT)

# legacy 1.13 scalars and 0-d arrays
np.set_printoptions(legacy="1.13")
print(repr(np.float64(0.1)), str(np.float64(0.1)), repr(np.float64(1 / 3)), str(np.float64(1 / 3)),
      repr(np.float32(0.1)), str(np.float32(1 / 3)), repr(np.float64(1e16)), np.float64(1.0))
print(repr(np.complex128(complex(1, 1 / 3))), str(np.complex128(complex(1, 1 / 3))),
      repr(np.complex128(2j)), repr(np.array(1 / 3)), str(np.array(1 / 3)), repr(np.array(True)))
print(np.arange(2000), repr(np.array([True, False])), repr(np.arange(3.0).reshape(1, 3)))
print(np.get_printoptions()["legacy"], np.get_printoptions()["sign"])
np.set_printoptions(**DEFAULT)

# formatter
np.set_printoptions(formatter={"float": lambda v: f"<{v:.2f}>", "int": lambda v: "i" + str(v)})
print(x, g, np.array([True]), c)
print(np.get_printoptions()["formatter"] is not None)
np.set_printoptions(precision=4)
print(np.get_printoptions()["formatter"], x)
np.set_printoptions(formatter={"all": lambda v: "*", "bool": None})
print(x, g, np.array([True, False]))
np.set_printoptions(formatter={"int_kind": lambda v: hex(int(v)), "float_kind": lambda v: "f"})
print(repr(np.arange(20, dtype=np.uint8)), np.array([0.5]))
np.set_printoptions(formatter={"complexfloat": lambda v: "z", "complex_kind": lambda v: "k"})
print(c)
np.set_printoptions(**DEFAULT)

# printoptions as a context manager
with np.printoptions(precision=2, suppress=True) as opts:
    print(opts["precision"], opts["suppress"], x)
print(x)
try:
    with np.printoptions(precision=1):
        print(y)
        raise KeyError("inside")
except KeyError as e:
    print("caught", e, np.get_printoptions()["precision"])
try:
    with np.printoptions(sign="x"):
        print("not reached")
except ValueError as e:
    print("ValueError", e, np.get_printoptions()["sign"])

bad = [
    dict(floatmode="x"), dict(sign="x"), dict(sign=1), dict(threshold="a"),
    dict(threshold=float("nan")), dict(precision=1.5), dict(precision="a"), dict(floatmode=3),
]
for b in bad:
    try:
        np.set_printoptions(**b)
        print("accepted", b)
    except Exception as e:
        print(type(e).__name__, e)
print(np.get_printoptions() == dict(DEFAULT, formatter=None))
np.set_printoptions(precision=-1)
try:
    print(x)
except ValueError as e:
    print("ValueError", e)
print(g)
np.set_printoptions(**DEFAULT)
