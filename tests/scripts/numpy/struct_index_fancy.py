# Integer-array and boolean indexing: shapes, order of broadcast dims, copies.
import numpy as np


def show(x):
    if isinstance(x, np.ndarray):
        print(x.dtype, x.shape, x.tolist())
    else:
        print(type(x).__name__, x.item())


a = np.array([5, -3, 8, 0, -1, 7, 2, -6])
mask = np.array([True, False, True, False, False, True, True, False])
show(a[mask])
show(a[~mask] if False else a[np.array([not m for m in mask.tolist()])])
show(a[[0, 2, 4]])
show(a[[-1, -2]])
show(a[np.array([1, 1, 1])])
show(a[np.arange(0, 8, 3)])
show(a[[[0, 1], [2, 3]]])
show(a[np.array([[0, 1], [2, 3]], dtype=np.int8)])
show(a[np.array([7, 0], dtype=np.uint64)])
show(a[[]])
show(a[[True, False] * 4])
show(a[[1, True]])
show(a[range(2, 5)])
show(a[(1, 2),])
show(a[np.array([], dtype=bool) if False else np.zeros(8, dtype=bool)])
show(a[True])
show(a[False])
show(a[np.bool_(True)])
show(a[np.array(True)])
m = np.arange(12).reshape(3, 4)
show(m[[0, 2]])
show(m[:, [1, 3]])
show(m[[0, 1, 2], [3, 2, 1]])
show(m[np.array([True, False, True])])
show(m[1:, [0, 3]])
show(m[[2, 0], 1:3])
show(m[[[0], [2]], [1, 3]])
show(m[[0, 2], ::-1])
show(m[..., [0, -1]])
show(m[[1], ...])
show(m[None, [0, 1]])
show(m[[0, 1], None])
gt5 = np.array([[v > 5 for v in row] for row in m.tolist()])
show(m[gt5])
show(m[np.array([[v % 3 == 0 for v in row] for row in m.tolist()])])
show(m[np.array([[True, False, True, False]] * 3)])
show(m[1, [0, 0, 3]])
show(m[[1, 2], 2])
show(m[True, 1])
show(m[:, np.array([False, True, False, True])])
show(m[np.array([1, 2]), np.array([[0], [3]])])
x = np.arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5)
for key in [(0, slice(None), [0, 1]), (slice(None), [0, 1], slice(None), [1, 2]),
            (slice(None), [0, 1], [1, 2]), (slice(None), [0, 1], 1), (slice(None), 1, [0, 1]),
            (Ellipsis, [0, 1]), ([0, 1], Ellipsis, [0, 1]), (None, [0, 1], None, [1, 2]),
            ([0, 1], None, [1, 2]), ([[0], [1]], slice(None), [[0, 1, 2]]),
            (0, True, [1, 2]), (0, slice(None), True, [1, 2]), (0, False, 1), (True, 0),
            (0, 1, 2, [0, 0], None), (0, 1, None, [0, 0]), (slice(1, None), [2, 0], slice(None, None, 2)),
            (np.array([True, True]), slice(None), [1, 2]), ([1, 0], [2, 1], [3, 0], [4, 1])]:
    r = x[key]
    print(r.shape, r.reshape(-1).tolist()[:6])
y = np.zeros((5, 3, 4))
print(y[:, [0, 1], ..., [0, 1]].shape, y[:, [0, 1], [0, 1], ...].shape, y[..., [0, 1], [0, 1]].shape)
print(y[[0, 1], [0, 1], ...].shape, y[0, ..., [0, 1]].shape, y[0, None, [0, 1]].shape, y[[0, 1], :, 0].shape)
f = np.array([[0.0, 0.2, 0.4], [0.6000000000000001, 0.8, 1.0]])
show(f[[1, 0], [2, 2]])
show(f[np.array([[v > 0.3 for v in row] for row in f.tolist()])])
b = np.array([[True, False], [False, True]])
show(b[[0, 1], [1, 1]])
show(b[b])
c = np.array([1 + 1j, 2, 3j])
show(c[[2, 0]])
for dt in [np.int8, np.uint16, np.int32, np.float32, np.uint64]:
    z = np.arange(6, dtype=dt).reshape(2, 3)
    show(z[[1, 0], [0, 2]])
    show(z[np.array([[False, False, False], [True, True, True]])])
# fancy results are copies
sel = m[[0, 1]]
sel[0, 0] = 999
print(m[0, 0].item(), sel.base is None, m[np.zeros((3, 4), dtype=bool)].shape, m[[0]].flags['OWNDATA'])
t = m.T
show(t[[0, 3]])
show(t[np.array([[v > 8 for v in row] for row in t.tolist()])])
show(m[::2, ::-1][[1, 0]])
show(m[::-1][np.array([[v > 7 for v in row] for row in m[::-1].tolist()])])
