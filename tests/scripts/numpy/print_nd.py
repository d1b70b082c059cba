# str/repr of 0-d and N-d arrays: nesting, blank lines between blocks, summarised
# rows and blocks, empty shapes, non-contiguous views, the dtype suffix placement.
import numpy as np

nan, inf = float("nan"), float("inf")
for v, dt in [(5, np.int64), (5, np.int8), (1.5, np.float64), (-1.5, np.float32),
              (1 / 3, np.float64), (1 / 3, np.float32), (nan, np.float64), (True, np.bool_),
              (1 + 2j, np.complex128), (255, np.uint8), (1e20, np.float64), (0.0, np.float64)]:
    a = np.array(v, dtype=dt)
    print(repr(a), str(a), a.ndim)

m = np.arange(12).reshape(3, 4)
print(m)
print(repr(m))
f = np.array([i / 4 for i in range(12)]).reshape(3, 4)
print(f)
print(repr(f))
print(np.array([[1.5, -2.0], [1e-4, 3.0]]))
print(np.array([[1e6, 1.0], [2.0, 3.0]]))
print(np.array([[1e-6, 1.0], [2.0, 3.0]]))
print(np.array([[True, False], [False, True]]))
print(repr(np.array([[1, 2], [3, 4]], dtype=np.int32)))
print(repr(np.array([[0.5, 1.5]], dtype=np.float32)))
print(np.array([[-1, 10, -100], [1000, 0, 5]]))
print(np.arange(24).reshape(2, 3, 4))
print(repr(np.arange(24).reshape(2, 3, 4)))
print(repr(np.arange(8.0).reshape(2, 2, 2)))
print(np.arange(48).reshape(2, 2, 3, 4))
print(repr(np.arange(16, dtype=np.int16).reshape(2, 2, 2, 2)))
print(repr(np.arange(6).reshape(1, 1, 1, 6)))
print(np.array([i * 1.25 for i in range(40)]).reshape(2, 20))
print(repr(np.array([i * 1.25 for i in range(40)]).reshape(2, 20)))
print(np.arange(100).reshape(10, 10))
print(np.arange(12).reshape(3, 4).T)
print(repr(np.array([[1 + 2j, 0], [0, 1 - 1j]])))
print(np.array([[nan, 1.0], [inf, -2.5]]))
print(repr(np.full((2, 3), 255, dtype=np.uint8)))
print(repr(np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.int64).astype(np.float32)))

# empty arrays of every rank
for shape in [(0,), (2, 0), (0, 2), (3, 0), (0, 0), (2, 0, 3), (1, 1, 0)]:
    for dt in [np.float64, np.int32, np.bool_]:
        z = np.zeros(shape, dtype=dt)
        print(repr(z), str(z))

# summarised 2-D and 3-D (threshold 1000)
big = np.arange(10000).reshape(100, 100)
print(big)
print(repr(big))
print(np.array([i / 3 for i in range(2000)]).reshape(40, 50))
print(np.arange(3000).reshape(10, 10, 30))
print(repr(np.arange(3000).reshape(10, 10, 30)))
print(np.arange(1200).reshape(2, 600))
print(repr(np.arange(1024, dtype=np.int8).reshape(4, 4, 4, 16)))
print(np.arange(2000).reshape(1000, 2))
print(repr(np.array([i % 5 == 0 for i in range(1100)]).reshape(11, 100)))

# the dtype suffix goes on its own line when it would pass the width
print(repr(np.arange(20, dtype=np.int32)))
print(repr(np.arange(21, dtype=np.int32)))
print(repr(np.array([i * 1.5 for i in range(12)], dtype=np.float32)))
print(repr(np.arange(60, dtype=np.uint8).reshape(3, 20)))
