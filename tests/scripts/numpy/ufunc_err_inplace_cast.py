# In-place add of a float into an int array: same_kind casting of the output fails.
import numpy as np

a = np.arange(3)
a += 1
print(a.tolist())
a += 1.5
print(a.tolist())
