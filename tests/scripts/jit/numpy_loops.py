# numpy arrays of several dtypes indexed element-wise in loops (outside njit).
import numpy as np

for dt in (np.float64, np.float32, np.int64, np.int32, np.uint8, np.bool_):
    a = (np.arange(12) % 5).astype(dt)
    s = 0.0
    for i in range(a.shape[0]):
        s += float(a[i]) * (i + 1)
    for i in range(-1, -13, -1):
        s -= float(a[i])
    print(dt.__name__, s)

a = np.zeros(100)
for i in range(100):
    a[i] = i * 0.5
for i in range(1, 100):
    a[i] += a[i - 1]
print(a[-1], a.sum())

b = np.arange(20).reshape(4, 5)
t = 0
for i in range(4):
    for j in range(5):
        t += int(b[i, j]) * (i - j)
        b[i, j] = i * j
print(t, b.sum(), b[3, 4])

c = np.arange(10, dtype=np.float32)
for i in range(200):
    c[i % 10] = c[i % 10] * np.float32(1.5) + np.float32(0.1)
print(c.dtype, c[0], c[9])

u = np.zeros(5, dtype=np.uint8)
for i in range(300):
    u[i % 5] = (int(u[i % 5]) + i) % 256
print(u)

m = np.ones(8, dtype=np.bool_)
for i in range(8):
    m[i] = i % 3 == 0
print(m, m.sum())

e = np.arange(6.0)
errs = 0
for i in range(-8, 8):
    try:
        e[i] = e[i] + 1
    except IndexError as ex:
        errs += 1
        msg = str(ex)
print(e, errs, msg)
