# ndarray.flat / np.flatiter: C-order iteration, indexing copies, cyclic assignment.
import numpy as np


def show(x):
    if isinstance(x, np.ndarray):
        print(x.dtype, x.shape, x.tolist())
    elif isinstance(x, (np.integer, np.floating)):
        print(type(x).__name__, x.item())
    else:
        print(type(x).__name__, x)


def err(f):
    try:
        show(f())
    except Exception as e:
        print(type(e).__name__, e)


a = np.arange(6).reshape(2, 3)
for f in [lambda: a.flat[4], lambda: a.flat[-1], lambda: a.flat[1:4], lambda: a.flat[[0, 5]],
          lambda: a.flat[np.array([True, False] * 3)], lambda: a.flat[...], lambda: a.flat[()],
          lambda: a.flat[10], lambda: a.flat[1, 2], lambda: a.flat[1.5], lambda: a.flat[[[0, 1], [2, 3]]],
          lambda: len(a.flat), lambda: [v.item() for v in a.T.flat], lambda: a.flat.base is a,
          lambda: a.flat.index, lambda: a.flat.coords, lambda: a.flat.copy(), lambda: a.T.flat[1],
          lambda: a.T.flat[1:3], lambda: a.T.flat[::-2], lambda: a.flat[np.int64(2)], lambda: a.flat[(3,)],
          lambda: np.arange(4.0)[::2].flat[1], lambda: type(a.flat).__name__]:
    err(f)
b = np.zeros(5)
b.flat[:] = [1, 2]
print(b.tolist())
b.flat[[0, 4]] = 7
print(b.tolist())
b.flat = [9, 8, 7]
print(b.tolist())
c = np.zeros((2, 3)).T
c.flat[1] = 5
print(c.tolist())
c.flat[2:] = [1, 2]
print(c.tolist())
err(lambda: b.flat.__setitem__(10, 1))
err(lambda: b.flat.__setitem__(1, [5]))
b.flat[np.array([True, False, True, False, False])] = [3, 4]
print(b.tolist())
it = a.flat
print(next(it).item(), next(it).item(), it.index, it.coords)
total = 0
for v in np.arange(12).reshape(3, 4)[:, ::2].flat:
    total = total + v.item()
print(total)
r = np.arange(4)
r.flags.writeable = False
err(lambda: r.flat.__setitem__(0, 1))
