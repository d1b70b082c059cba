# A negative precision is accepted by set_printoptions but fails when a float array
# is printed (integer arrays still print).
import numpy as np

np.set_printoptions(precision=-1)
print(np.arange(3))
print(np.array([1.5, 2.5]))
