# np.positive has no bool loop: NumPy's _UFuncNoLoopError.
import numpy as np

print(np.positive(np.array([1, -2])).tolist())
np.positive(np.array([True, False]))
