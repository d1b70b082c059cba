# Operands that do not broadcast: the message lists every operand's shape.
import numpy as np

a = np.ones((2, 3))
print((a * np.arange(3)).tolist())
np.add(a, np.arange(3), out=np.zeros((3, 2)))
