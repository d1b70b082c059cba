# numba.cuda simulator: an out-of-range index in a kernel names the thread and block.
import numpy as np
from numba import cuda


@cuda.jit
def k(a):
    i = cuda.grid(1)
    if i == 6:
        a[i] = i


x = np.zeros(5)
k[2, 4](x)
