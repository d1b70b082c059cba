# Result dtypes of ufuncs and operators: promotion between arrays, NumPy 1.24's
# value-based casting of Python/NumPy scalars and 0-d arrays mixed with arrays, plain
# promotion between scalars, and the per-ufunc rules (true_divide, comparisons ...).
# (The gtest numpy_ufunc_test.cpp checks the same rules exhaustively in C++.)
import numpy as np

names = ["bool_", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "complex128"]
arrs = [np.array([1, 0]).astype(getattr(np, n)) for n in names]
scalars = [("True", True), ("1", 1), ("-1", -1), ("200", 200), ("1000", 1000), ("-129", -129),
           ("70000", 70000), ("2**40", 2**40), ("2**63", 2**63), ("1.5", 1.5), ("1e300", 1e300),
           ("1j", 1j), ("np.int8(-1)", np.int8(-1)), ("np.uint8(200)", np.uint8(200)),
           ("np.uint16(1000)", np.uint16(1000)), ("np.float32(1.5)", np.float32(1.5)),
           ("np.float64(1.5)", np.float64(1.5)), ("np.array(3, np.int8)", np.array(3, dtype=np.int8))]
# pyjitvm has no float16/complex64 and documents float32/complex128 in their place.
SUBST = {"float16": "float32", "complex64": "complex128"}
def dt(f, *args):
    try:
        r = f(*args)
        return SUBST.get(str(r.dtype), str(r.dtype))
    except Exception as e:
        return type(e).__name__
for n, a in zip(names, arrs):
    print(n, " ".join(dt(np.add, a, b) for b in arrs))
    print("  scal", " ".join(dt(np.add, a, s) for _, s in scalars))
    print("  rsub", " ".join(dt(np.subtract, s, a) for _, s in scalars))
    print("  div", " ".join(dt(np.true_divide, a, b) for b in arrs))
    print("  fdiv", " ".join(dt(np.floor_divide, a, s) for _, s in scalars))
    print("  pow", " ".join(dt(np.power, a, s) for _, s in scalars))
    print("  cmp", " ".join(dt(np.less, a, s) for _, s in scalars))
    print("  max", " ".join(dt(np.maximum, a, s) for _, s in scalars))
    print("  and", " ".join(dt(np.bitwise_and, a, s) for _, s in scalars))
    print("  shl", " ".join(dt(np.left_shift, a, b) for b in arrs))
    print("  atan2", " ".join(dt(np.arctan2, a, s) for _, s in scalars))
    print("  unary", " ".join(dt(getattr(np, f), a) for f in ["negative", "absolute", "sqrt", "exp", "floor",
                                                               "sign", "isnan", "invert", "square", "reciprocal", "rint", "signbit"]))
for n1, s1 in scalars:
    print(n1, " ".join(dt(np.add, s1, s2) for _, s2 in scalars))
print(dt(np.add, np.array([1], dtype=np.float32), 3.5e38), dt(np.add, np.array([1], dtype=np.float32), 3.3e38))
print(dt(np.add, np.array([1], dtype=np.int8), np.array(1000)), dt(np.add, np.array([1], dtype=np.uint64), -1))
print(dt(np.add, np.array([[1]], dtype=np.int16), np.array([1], dtype=np.int8)), dt(np.multiply, [1, 2], 2.5), dt(np.add, [1.5], np.float32(1)))
