# out= must have the broadcast shape itself.
import numpy as np

print(np.add(np.arange(3), 1, out=np.zeros(3)).tolist())
np.add(np.ones((2, 3)), 1, out=np.ones(3))
