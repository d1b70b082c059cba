# A non-empty format spec is an error for arrays that are not 0-d.
import numpy as np

print(f"{np.array(3.14159):.2f}")
print(f"{np.arange(3):>10}")
