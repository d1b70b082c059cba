# parallel_diagnostics on functions without parallel=True, bad levels, and a
# function not compiled yet (no signatures: no report).
import numpy as np
from numba import njit, prange


@njit
def serial(x):
    return x + 1


@njit(parallel=True)
def par(a):
    for i in prange(a.shape[0]):
        a[i] += 1.0
    return a


par.parallel_diagnostics(level=1)
print("nothing before the first call")
serial(3)
try:
    serial.parallel_diagnostics(level=1)
except RuntimeError as e:
    print("RuntimeError:", e)
par(np.zeros(3))
for bad in (0, 5):
    try:
        par.parallel_diagnostics(level=bad)
    except ValueError as e:
        print("ValueError:", e)
