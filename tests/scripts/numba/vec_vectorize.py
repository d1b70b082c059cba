# @vectorize: eager and lazy signatures, dispatch, broadcasting, out=, reduce/accumulate.
import math
import numpy as np
from numba import vectorize, int32, int64, float32, float64, boolean


@vectorize([int64(int64, int64), float64(float64, float64)])
def add(x, y):
    return x + y


@vectorize(["float64(float64)"])
def half(x):
    return x / 2


@vectorize
def lazy_mul(x, y):
    return x * y


@vectorize(["boolean(float64, float64)"])
def close(a, b):
    return abs(a - b) < 0.5


@vectorize([float32(float32)])
def f32(x):
    return x * 2


@vectorize(["int64(int64, int64)"], identity=0)
def plus(a, b):
    return a + b


@vectorize(["int64(int64)"])
def wrap(x):
    return x * 4611686018427387904


print(add(np.arange(6).reshape(2, 3), np.array([10, 20, 30])))
print(add(np.arange(3.0), 1), add(2, 3), add(2.5, 1))
print(type(add(2, 3)).__name__, type(add(2.5, 1)).__name__, type(add(np.int32(2), 3)).__name__)
print(add([1, 2, 3], (4, 5, 6)), add(np.arange(3), 0.5).dtype)
print(add(np.arange(4).reshape(4, 1), np.arange(3)))
print(half(np.arange(5)), half(7), half(True))
print(add.__name__, half.__name__, add.nin, add.nout, add.nargs, add.ntypes, add.types)
print(half.types, add.identity, plus.identity)
print(lazy_mul.ntypes, lazy_mul.types)
print(lazy_mul(3, 4), lazy_mul(1.5, 2), lazy_mul(np.arange(3), np.arange(3)))
print(lazy_mul.ntypes, lazy_mul.types)
print(lazy_mul(np.int32(2), np.int32(3)), lazy_mul.types)
print(close(np.array([1.0, 2.0, 3.0]), np.array([1.2, 3.0, 3.4])))
r = f32(np.array([1.5, 2.5], dtype=np.float32))
print(r, r.dtype, f32(np.float32(3.0)), type(f32(np.float32(3.0))).__name__)
print(plus.reduce(np.array([], dtype=np.int64)), plus.reduce(np.arange(5)))
m = np.arange(12).reshape(3, 4)
print(plus.reduce(m), plus.reduce(m, axis=1), plus.reduce(m, axis=None), plus.reduce(m, axis=-1))
print(plus.accumulate(m), plus.accumulate(m, axis=1))
print(plus.reduce(m, axis=1, keepdims=True), plus.reduce(m, keepdims=True).shape)
print(add.reduce(np.arange(1.0, 5.0)), type(add.reduce(np.arange(1.0, 5.0))).__name__)
print(wrap(np.array([1, 2, 3])))
out = np.zeros((2, 3))
res = add(np.ones((2, 3)), np.arange(3.0), out=out)
print(out, res is out)
out2 = np.zeros(3, dtype=np.int64)
add(np.arange(3), np.arange(3), out2)
print(out2)
print(add(np.zeros((0, 3)), 1.0).shape, add(np.zeros(0, dtype=np.int64), 1))
print(half(np.arange(6.0).reshape(2, 3).T))
print(half(np.arange(10.0)[::3]))
print(repr(add), repr(half), type(add).__name__)


@vectorize([float64(float64, float64)], target="parallel")
def hyp(a, b):
    return math.sqrt(a * a + b * b)


print(hyp(3.0, 4.0), hyp(np.array([3.0, 5.0]), np.array([4.0, 12.0])), repr(hyp))
