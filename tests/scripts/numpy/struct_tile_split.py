# repeat, tile, split family, roll, np.resize.
import numpy as np


def show(x):
    if isinstance(x, np.ndarray):
        print(x.dtype, x.shape, x.tolist())
    elif isinstance(x, list) and x and isinstance(x[0], np.ndarray):
        print("list of", len(x))
        for y in x:
            print("  ", y.dtype, y.shape, y.tolist(), y.base is not None)
    else:
        print(type(x).__name__, x)


def err(f):
    try:
        show(f())
    except Exception as e:
        print(type(e).__name__, e)


a = np.array([1, 2, 3])
c = np.arange(4).reshape(2, 2)
d = np.arange(6).reshape(2, 3)
for f in [lambda: np.tile(a, 2), lambda: np.tile(a, (2, 2)), lambda: np.tile(c, 2), lambda: np.tile(c, (2, 1, 2)),
          lambda: np.tile(5, 3), lambda: np.tile(a, 0), lambda: np.tile(a, -1), lambda: np.tile(a, ()),
          lambda: np.tile([1, 2], [2]), lambda: np.tile(d, (1, 1)), lambda: np.tile(d.T, (2, 1)),
          lambda: np.tile(np.array([1.5, -2.5], dtype=np.float32), (3, 1)), lambda: np.tile(np.zeros((0, 2)), 3),
          lambda: np.repeat(a, 2), lambda: np.repeat(a, [1, 0, 2]), lambda: np.repeat(c, 2),
          lambda: np.repeat(c, 2, axis=0), lambda: np.repeat(c, [1, 2], axis=1),
          lambda: np.repeat(c, [1, 2, 3], axis=1), lambda: np.repeat(c, -1), lambda: np.repeat(c, [1, -1], axis=0),
          lambda: np.repeat(c, 2, axis=2), lambda: np.repeat(5, 3), lambda: c.repeat(2, 1),
          lambda: c.repeat([2], axis=1), lambda: np.repeat(c, 1.5), lambda: np.repeat(c, [[1, 2]], axis=0),
          lambda: np.repeat(d.T, 2, axis=-1), lambda: np.repeat(np.array([True, False]), 3),
          lambda: np.repeat(np.zeros((2, 0)), 3, axis=0),
          lambda: np.split(np.arange(6), 3), lambda: np.split(np.arange(6), 4), lambda: np.split(np.arange(6), [1, 4]),
          lambda: np.split(np.arange(6), [4, 1]), lambda: np.split(np.arange(6), [1, 10]),
          lambda: np.split(d, 3, axis=1), lambda: np.split(np.arange(6), 0), lambda: np.split(np.arange(6), 2, axis=1),
          lambda: np.split(np.arange(6), np.array([2, 3])), lambda: np.split(d, [1], axis=-1),
          lambda: np.array_split(np.arange(7), 3), lambda: np.array_split(np.arange(7), 0),
          lambda: np.array_split(np.arange(3), 5), lambda: np.array_split(np.arange(6), [-2]),
          lambda: np.array_split(np.arange(6), [2], axis=1), lambda: np.array_split(np.arange(8).reshape(4, 2), 3),
          lambda: np.hsplit(d, 3), lambda: np.vsplit(d, 2), lambda: np.hsplit(np.arange(4), 2),
          lambda: np.vsplit(np.arange(4), 2), lambda: np.dsplit(np.zeros((1, 1, 4)), 2),
          lambda: np.hsplit(np.array(5), 1), lambda: np.hsplit(d, [1]), lambda: np.dsplit(d, 2),
          lambda: np.vsplit(d, 4),
          lambda: np.roll(a, 1), lambda: np.roll(a, -4), lambda: np.roll(d, 1), lambda: np.roll(d, 1, axis=1),
          lambda: np.roll(d, (1, 1), axis=(0, 1)), lambda: np.roll(d, (1, 2), axis=1),
          lambda: np.roll(d, (1, 2), axis=(0, 1, 1)), lambda: np.roll(np.arange(0), 2), lambda: np.roll(d, -7, axis=0),
          lambda: np.roll(d, 2, axis=-1), lambda: np.roll(d, 1, axis=2), lambda: np.roll([1, 2, 3], 1),
          lambda: np.roll(d, [[1]], axis=[[0]]), lambda: np.roll(np.arange(10).reshape(2, 5), 3),
          lambda: np.resize(a, (2, 4)), lambda: np.resize(a, 7), lambda: np.resize(np.array([]), 3),
          lambda: np.resize(c, (3, 3)), lambda: np.resize(a, 0), lambda: np.resize(a, (-1, 2)),
          lambda: np.resize(d.T, 4), lambda: np.resize([1.5, 2], (2, 2))]:
    err(f)
parts = np.split(np.arange(6), 2)
parts[0][0] = 100
print(parts[0].tolist())
