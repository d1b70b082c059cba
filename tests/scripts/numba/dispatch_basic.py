import numpy as np
from numba import njit, jit, float64, int64, types, prange
import numba

@njit
def add(a, b):
    return a + b

print(add(1, 2), add(1.5, 2), len(add.signatures), add.signatures)
print(add.nopython_signatures)

@njit("float64(float64, float64)")
def f(x, y):
    return x * y
print(f(2, 3), type(f(2, 3)).__name__, f.signatures)

@njit(float64[:](float64[:]))
def g(a):
    out = np.empty_like(a)
    for i in prange(a.shape[0]):
        out[i] = a[i] * 2
    return out
print(g(np.arange(3.0)))
try:
    g(np.arange(3))
except TypeError as e:
    print(e)
@njit
def wrap(n):
    x = 1
    for i in range(n):
        x *= 3
    return x
print(wrap(50))
print(numba.config.NUMBA_NUM_THREADS > 0, numba.get_num_threads() > 0)
print(types.Tuple((float64, float64))(float64), types.UniTuple(int64, 3))
print(numba.typeof(np.zeros((2,3))), numba.typeof(1.0), numba.typeof((1, 2.0)))
