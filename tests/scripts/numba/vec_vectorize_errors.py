# @vectorize: type dispatch errors and the failing ufunc calls.
import numpy as np
from numba import vectorize, int32, float64


@vectorize([int32(int32, int32)])
def small(x, y):
    return x + y


@vectorize(["float64(float64)"])
def one(x):
    return x + 1


for args in [(np.arange(3), np.arange(3)), (1.5, 2), (np.int32(1), np.int32(2)),
             (np.arange(3, dtype=np.int8), np.int8(3)), (np.array([1 + 2j]), 1)]:
    try:
        r = small(*args)
        print("ok", r, r.dtype)
    except TypeError as e:
        print("TypeError:", e)
try:
    one(np.array([1j]))
except TypeError as e:
    print("TypeError:", e)
try:
    one(np.arange(3), np.zeros(2))
except ValueError as e:
    print("ValueError:", e)
try:
    small(np.arange(3, dtype=np.int32), np.arange(2, dtype=np.int32))
except ValueError as e:
    print("ValueError:", e)
try:
    one.reduce(np.arange(3.0))
except ValueError as e:
    print("ValueError:", e)
try:
    one(np.array([1.0, 2.0]), np.zeros(2, dtype=np.int32))
except TypeError as e:
    print("TypeError:", e)
o = np.zeros(2, dtype=np.float32)
one(np.array([1.0, 2.0]), o)
print(o)
one(np.array([1.0, 2.0]), np.zeros(3))
