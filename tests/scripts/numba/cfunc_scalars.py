from numba import cfunc, float64, int32, boolean, void
@cfunc(int32(int32, boolean))
def f(x, b):
    return x * 2 if b else -x
print(f.ctypes(5, True), f.ctypes(-7, False))
@cfunc("float64(float64)")
def g(x):
    if x < 0:
        raise ValueError("neg")
    return x ** 0.5
print(g.ctypes(4.0))
try:
    g.ctypes(-1.0)
except ValueError as e:
    print("ValueError", e)
try:
    cfunc("float64[:](float64)")
except Exception as e:
    print(type(e).__name__)
