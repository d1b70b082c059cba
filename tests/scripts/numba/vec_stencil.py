# @stencil: inferred extents, neighborhood=, cval=, out=, dtypes, extra arguments, njit.
import numpy as np
from numba import stencil, njit


@stencil
def lap(a):
    return a[-1, 0] + a[1, 0] + a[0, -1] + a[0, 1] - 4 * a[0, 0]


@stencil
def fwd(a):
    return a[1] - a[0]


@stencil(cval=-1)
def back2(a):
    return a[-2] + a[0]


@stencil(neighborhood=((-1, 1), (0, 0)))
def vsum(a):
    s = 0.0
    for i in range(-1, 2):
        s += a[i, 0]
    return s


@stencil
def weighted(a, b, w):
    return a[0, 1] * w + b[1, 0]


@stencil
def positive(a):
    return a[0] > 0 and a[-1] > 0


@stencil
def shifted(a):
    return a[2, 2]


@njit
def iterate(a, n):
    for _ in range(n):
        a = fwd(a)
    return a


g = np.arange(20).reshape(4, 5)
print(lap(g), lap(g).dtype)
print(lap(g.astype(np.float64)))
print(fwd(np.array([1.0, 4.0, 9.0, 16.0])), fwd(np.arange(5)).dtype)
print(back2(np.arange(6)), back2(np.arange(6.0)))
print(vsum(np.arange(12.0).reshape(4, 3)))
print(weighted(np.ones((3, 3)), np.arange(9.0).reshape(3, 3), 10.0))
print(positive(np.array([1, 2, -3, 4, 5])))
print(shifted(np.arange(16).reshape(4, 4)))
print(iterate(np.arange(6.0) ** 2, 2))
out = np.full(5, 9.0)
r = fwd(np.arange(5.0), out=out)
print(out, r is out)
print(lap(np.ones((2, 2))), fwd(np.array([3.0])))
print(fwd(np.arange(8, dtype=np.int64)), fwd(np.arange(8.0, dtype=np.float32)).dtype)
print(type(lap).__name__)


@stencil
def far(a):
    if a[0] > 100:
        return a[3]
    return a[0]


print(far(np.array([1.0, 200.0, 3.0, 4.0, 5.0, 6.0, 7.0])))
