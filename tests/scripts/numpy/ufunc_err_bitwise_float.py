# Bitwise ufuncs have no float loops.
import numpy as np

print((np.arange(4) & 6).tolist())
print(np.bitwise_and(np.array([1.5, 2.5]), 1))
