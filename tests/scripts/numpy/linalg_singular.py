# A singular matrix raises numpy.linalg.LinAlgError.
import numpy as np

print(np.linalg.det(np.array([[1.0, 2.0], [2.0, 4.0]])).item())
np.linalg.inv(np.array([[1.0, 2.0], [2.0, 4.0]]))
print("not reached")
