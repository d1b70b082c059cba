# 2-D ndarray element loads and stores in njit code: dtype/ndim/stride guards, bounds
# guards on both indices, a virtual tuple for a[i, j] and an inner-loop trace call.
import numpy as np
from numba import njit


@njit
def scale(a, k):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = a[i, j] * k + 1.0
    return a


print(scale(np.ones((3, 4)), 2.0))
