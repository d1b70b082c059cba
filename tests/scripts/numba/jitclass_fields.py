import numpy as np
from numba import float64, int64, njit
from numba.experimental import jitclass

@jitclass([("n", int64), ("x", float64), ("a", float64[:])])
class C:
    def __init__(self, n):
        self.n = n
        self.x = n
        self.a = np.zeros(n)
    def f(self):
        return self.n * 2
    @property
    def p(self):
        return self.x + 1
    @staticmethod
    def s(v):
        return v + 1

c = C(3)
print(c.n, c.x, c.f(), c.p, c.s(2), type(c).__name__, type(c.x).__name__)
c.x = 5
print(c.x, type(c.x).__name__)
try:
    c.n = "a"
except Exception as e:
    print("rejected")
try:
    c.a = np.zeros(3, dtype=np.int64)
except Exception as e:
    print("rejected")
@njit
def use(o):
    return o.n + o.x
print(use(c))
print(isinstance(c, C))
