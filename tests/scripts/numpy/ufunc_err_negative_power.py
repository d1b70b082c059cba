# Integer arrays to negative integer powers raise ValueError.
import numpy as np

x = np.arange(1, 4)
print((x ** 2).tolist(), (x ** -1.0).tolist())
print((x ** -1).tolist())
