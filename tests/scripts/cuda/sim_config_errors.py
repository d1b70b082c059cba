# numba.cuda simulator: launch configuration errors and edge cases.
import numpy as np
from numba import cuda


@cuda.jit
def k(a):
    a[0] += 1


x = np.zeros(2)
for cfg in [(0, 4), (1, 3, 0), (1, 2, 0, 0), (np.int64(2), 1), ((1, 2, 3, 4), 1),
            (1, (1, 2, 3, 4)), (1.5, 2), (2, [1, 2.0]), (-1, 2), ((2, 2), (2, 1, 1))]:
    try:
        k[cfg](x)
        print(cfg, "ok", x[0])
    except Exception as ex:
        print(cfg, type(ex).__name__, ex)


@cuda.jit
def bad(a):
    i = cuda.grid(1)
    if i == 3:
        a[i] = 1 // 0
    a[i] = 1.0


y = np.zeros(8)
try:
    bad[2, 4](y)
except ZeroDivisionError as ex:
    print("ZeroDivisionError", ex)
print(y)
d = cuda.to_device(np.zeros((2, 2)))


@cuda.jit
def k2(a):
    x, y = cuda.grid(2)
    a[x, y] = 1


try:
    k2[(1, 1), (3, 1)](d)
except IndexError as ex:
    print("IndexError", ex)
print(d.copy_to_host())
