# Ufunc results printed the NumPy way (needs the printing area): arrays, NumPy scalars
# and 0-d results of each dtype family.
import numpy as np

x = np.array([0.0, 0.25, 1.0, 2.0, 9.0, 100.0])
print(np.sqrt(x), np.exp(np.array([0.0, 0.25, 1.0])))
print(np.arange(6).reshape(2, 3) * 2.5, np.arange(6).reshape(2, 3) // 4)
print(np.array([1, 2, 3], dtype=np.uint8) - 5, np.array([1.5, 2.5], dtype=np.float32) * 2)
print(np.add(1, 2), np.sqrt(16.0), np.float32(1) / np.float32(3), np.int8(100) + np.int8(100))
print(np.array([1 + 2j, 3]) * 1j, np.abs(np.array([-1.5 + 2j])), np.array([True, False]) | True)
print(np.where([True, False, True], np.arange(3), -1), np.clip(np.arange(6), 1, 4), np.round(np.array([1.234, 5.678]), 1))
print(np.maximum(np.array([np.nan, 1.0]), 0), np.isnan(np.array([np.nan, 1.0])), -np.array([0.0, 1.0]))
