# Loops inside @njit functions: int64 wraparound (Numba semantics), arrays of several
# dtypes and 1-D/2-D, branches on floats, while loops.
import math
import numpy as np
from numba import njit

@njit
def wrap_mul(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x
print(wrap_mul(10), wrap_mul(60), wrap_mul(200))

@njit
def wrap_add(n):
    x = 9223372036854775000
    for i in range(n):
        x += 100
    return x
print(wrap_add(5), wrap_add(20))

@njit
def dot(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s
x = np.arange(100.0)
print(dot(x, x), dot(x[:0], x[:0]), dot(x[:1], x[:1]))

@njit
def sum2d(m):
    t = 0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            t += m[i, j] * (i + 1) - j
    return t
print(sum2d(np.arange(30).reshape(5, 6)), sum2d(np.arange(30, dtype=np.int32).reshape(6, 5)))

@njit
def scale(a, f):
    for i in range(a.shape[0]):
        a[i] = a[i] * f
    return a
print(scale(np.arange(10, dtype=np.float32), 0.1))
print(scale(np.arange(10.0), 2.5))
print(scale(np.arange(10), 3))

@njit
def u8(a):
    for i in range(a.shape[0]):
        a[i] = a[i] + 200
    return a
print(u8(np.arange(8, dtype=np.uint8) * 10))

@njit
def boolcount(a):
    n = 0
    for i in range(a.shape[0]):
        if a[i]:
            n += 1
    return n
print(boolcount(np.arange(50) % 3 == 0))

@njit
def newton(v):
    x = v
    it = 0
    while True:
        nx = 0.5 * (x + v / x)
        it += 1
        if abs(nx - x) < 1e-12 or it > 100:
            break
        x = nx
    return nx, it
print(newton(2.0), newton(1e10))

@njit
def branches(n):
    a = 0
    b = 0.0
    for i in range(-n, n):
        f = i * 0.75
        if f < -3.0:
            a += 1
        elif f == 0.0:
            b += 100.0
        elif i > 7:
            b += math.sqrt(f)
        else:
            a -= i
    return a, b
print(branches(40))

@njit
def neg_index(a):
    s = 0.0
    for i in range(1, a.shape[0] + 1):
        s += a[-i] * i
    return s
print(neg_index(np.arange(16.0)))

@njit
def zero_trip(n):
    s = 0
    for i in range(n):
        s += i
    for i in range(n, 0, -1):
        s -= i
    return s
print(zero_trip(0), zero_trip(1), zero_trip(2), zero_trip(1000))

@njit
def fdivs(n, k, fk):
    s = 0.0
    t = 0
    for i in range(1, n):
        s += (i - 50) / k + (i - 50) // k + (i - 50.5) % fk + (i - 0.5) // -fk
        t += (i - 50) // k + (50 - i) % k
    return s, t
print(fdivs(100, 7, 7.0))
