# A numba @cfunc called through a ctypes CFUNCTYPE built from its address.
from ctypes import CFUNCTYPE, c_double, c_int64, CDLL, c_int, POINTER, sizeof
from numba import cfunc, float64, int64


@cfunc(float64(float64))
def square(x):
    return x * x


@cfunc("int64(int64, int64)")
def add(a, b):
    return a + b


f = CFUNCTYPE(c_double, c_double)(square.address)
print(f(2.0), f(1.5), f(-3))
g = CFUNCTYPE(c_int64, c_int64, c_int64)(add.address)
print(g(2, 3), g(-10, 4))
