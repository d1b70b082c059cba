# NumPy refuses `-` between booleans.
import numpy as np

b = np.array([True, False])
print((b + b).tolist())
print((b - b).tolist())
