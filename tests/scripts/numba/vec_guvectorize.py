# @guvectorize: layouts, scalar inputs and outputs, loop broadcasting, dtypes, errors.
import numpy as np
from numba import guvectorize, float64, int64


@guvectorize(["void(float64[:], float64[:])", "void(int64[:], int64[:])"], "(n)->()")
def total(a, out):
    s = 0
    for v in a:
        s += v
    out[0] = s


@guvectorize([(float64[:], float64, float64[:])], "(n),()->(n)")
def scale(a, k, out):
    for i in range(a.shape[0]):
        out[i] = a[i] * k


@guvectorize(["void(float64[:,:], float64[:])"], "(n,m)->(m)")
def colsum(a, out):
    for j in range(a.shape[1]):
        out[j] = 0.0
        for i in range(a.shape[0]):
            out[j] += a[i, j]


@guvectorize(["void(float64[:], float64[:], float64[:])"], "(n),(n)->()")
def dot(a, b, out):
    acc = 0.0
    for i in range(a.shape[0]):
        acc += a[i] * b[i]
    out[0] = acc


print(total(np.arange(5.0)), total(np.arange(6).reshape(2, 3)), total(np.arange(6).reshape(2, 3)).dtype)
print(type(total(np.arange(5.0))).__name__, total(np.arange(4, dtype=np.int32)).dtype)
print(scale(np.arange(3.0), 2.0), scale(np.arange(3.0), np.array([1.0, -1.0])[:, None]))
print(scale(np.arange(3), 2))
print(colsum(np.arange(12.0).reshape(3, 4)), colsum(np.ones((2, 3, 2))))
print(dot(np.arange(3.0), np.arange(3.0)), dot(np.ones((2, 3)), np.arange(3.0)))
o = np.zeros(2)
r = dot(np.ones((2, 3)), np.ones(3), o)
print(o, r is o)
o2 = np.zeros(2)
dot(np.ones((2, 3)), np.ones(3), out=o2)
print(o2)
print(total.__name__, total.nin, total.nout, total.ntypes, total.types, total.signature)
print(scale.types, colsum.signature, repr(total), type(total).__name__)
for bad in [(np.ones(3), np.ones(4)), (np.ones((2, 3)), np.ones((3, 3)))]:
    try:
        dot(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    colsum(np.ones(3))
except ValueError as e:
    print("ValueError:", e)
try:
    total(np.array([1j, 2j]))
except TypeError as e:
    print("TypeError:", e)
try:
    dot(np.ones(3))
except TypeError as e:
    print("TypeError")
o3 = np.zeros(2, dtype=np.float32)
dot(np.ones((2, 3)), np.full(3, 2.0), o3)
print(o3, o3.dtype)
try:
    dot(np.ones((2, 3)), np.full(3, 2.0), np.zeros(2, dtype=np.int64))
except TypeError as e:
    print("TypeError:", e)
