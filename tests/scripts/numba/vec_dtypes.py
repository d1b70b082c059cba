# @vectorize/@guvectorize over narrow, unsigned, bool and complex dtypes; dispatch order.
import numpy as np
from numba import vectorize, guvectorize, int8, uint8, int16, int32, int64, uint32
from numba import float32, float64, complex128, boolean


@vectorize([int8(int8, int8), uint8(uint8, uint8), int16(int16, int16),
            uint32(uint32, uint32), float32(float32, float32), complex128(complex128, complex128)])
def addn(a, b):
    return a + b


@vectorize([boolean(boolean), boolean(int64), boolean(float64)])
def truthy(x):
    return not x


@vectorize(["complex128(complex128)", "float64(float64)"])
def sq(z):
    return z * z


@vectorize([float64(int64), int64(float64)])
def swap(x):
    return x


for a, b in [(np.array([100, 27], dtype=np.int8), np.array([100, 1], dtype=np.int8)),
             (np.array([200, 7], dtype=np.uint8), np.array([100, 1], dtype=np.uint8)),
             (np.array([1, 2], dtype=np.int8), np.array([3, 4], dtype=np.uint8)),
             (np.array([1, 2], dtype=np.uint16), np.array([3, 4], dtype=np.uint16)),
             (np.array([1.5], dtype=np.float32), np.array([2], dtype=np.int8)),
             (np.array([1 + 2j]), 1.0)]:
    r = addn(a, b)
    print(r, r.dtype)
print(addn(np.int8(1), np.int8(2)), type(addn(np.int8(1), np.int8(2))).__name__)
print(truthy(np.array([True, False])), truthy(np.array([0, 3])), truthy(np.array([0.0, 0.5])))
print(truthy(np.array([0, 3], dtype=np.int32)).dtype)
print(sq(np.array([1 + 1j, 2j])), sq(np.array([3.0])), sq(np.array([2])).dtype)
print(swap(np.array([1, 2])), swap(np.array([1.7, -2.2])), swap(3), swap(3.9))
print(addn.types, truthy.types, sq.types)


@vectorize
def lazy(x):
    return x > 1


print(lazy(np.arange(4)), lazy(np.arange(4)).dtype, lazy(2.5), type(lazy(2.5)).__name__)
print(lazy.types)


@guvectorize(["void(int32[:], int32[:])", "void(float32[:], float32[:])"], "(n)->(n)")
def cums(a, out):
    acc = 0
    for i in range(a.shape[0]):
        acc += a[i]
        out[i] = acc


print(cums(np.arange(5, dtype=np.int32)), cums(np.arange(5, dtype=np.int32)).dtype)
print(cums(np.arange(3, dtype=np.int8)).dtype, cums(np.ones(3, dtype=np.float32)).dtype)
print(cums(np.arange(4, dtype=np.int16).reshape(2, 2)))
