# concatenate, stack family, atleast_*, append: dtypes, axes, out=, casting, errors.
import numpy as np


def show(x):
    if isinstance(x, np.ndarray):
        print(x.dtype, x.shape, x.tolist())
    elif isinstance(x, list) and x and isinstance(x[0], np.ndarray):
        print("list of", len(x))
        for y in x:
            show(y)
    else:
        print(type(x).__name__, x)


def err(f):
    try:
        show(f())
    except Exception as e:
        print(type(e).__name__, e)


a = np.array([1, 2, 3])
b = np.array([4.5, 5, 6])
c = np.arange(4).reshape(2, 2)
d = np.arange(6).reshape(2, 3)
for f in [lambda: np.concatenate([a, b]), lambda: np.concatenate((a, a), axis=0),
          lambda: np.concatenate([c, d], axis=1), lambda: np.concatenate([c, d], axis=0),
          lambda: np.concatenate([c, d.T], axis=0), lambda: np.concatenate([c, a]),
          lambda: np.concatenate([np.array(1), np.array(2)]), lambda: np.concatenate([]),
          lambda: np.concatenate([c, d], axis=2), lambda: np.concatenate([c, d], axis=None),
          lambda: np.concatenate([np.array(1), np.array([2, 3])], axis=None),
          lambda: np.concatenate([a, [7, 8]]), lambda: np.concatenate([[1, 2], [3.5]]),
          lambda: np.concatenate([a, np.array([True])]),
          lambda: np.concatenate([a.astype(np.int8), np.array([1], dtype=np.uint8)]),
          lambda: np.concatenate([np.array([1], dtype=np.uint32), np.array([1], dtype=np.int8)]),
          lambda: np.concatenate([np.array([1], dtype=np.float32), np.array([1], dtype=np.int16)]),
          lambda: np.concatenate([np.array([1], dtype=np.float32), np.array([1 + 1j])]),
          lambda: np.concatenate([a, b], dtype=np.int32), lambda: np.concatenate([a, b], dtype=np.float32),
          lambda: np.concatenate([b, a], out=np.zeros(6)), lambda: np.concatenate([b, a], out=np.zeros(5)),
          lambda: np.concatenate([b, a], out=np.zeros((6, 1))),
          lambda: np.concatenate([b, a], out=np.zeros(6), dtype=float),
          lambda: np.concatenate([a, b], casting='same_kind', dtype=np.int64),
          lambda: np.concatenate([a, b], casting='unsafe', dtype=np.int64),
          lambda: np.concatenate([a], casting='bad'), lambda: np.concatenate([a], dtype=np.uint8, casting='safe'),
          lambda: np.concatenate([a], dtype=np.int64, casting='no'),
          lambda: np.concatenate([a], dtype=np.int32, casting='equiv'),
          lambda: np.concatenate([a], dtype=np.uint8), lambda: np.concatenate([np.array([-1])], dtype=np.uint8),
          lambda: np.concatenate([b], out=np.zeros(3, dtype=int)),
          lambda: np.concatenate([b, a], out=np.zeros(6, dtype=np.float32)),
          lambda: np.concatenate(a), lambda: np.concatenate(5), lambda: np.concatenate(c),
          lambda: np.concatenate([c, d], axis=-1), lambda: np.concatenate([c, d], axis=-3),
          lambda: np.concatenate([np.zeros((2, 0)), d], axis=1), lambda: np.concatenate([np.zeros((0, 3)), d]),
          lambda: np.concatenate([d, np.zeros((2, 3, 1))]), lambda: np.concatenate([d, np.zeros((3, 3))], axis=1),
          lambda: np.concatenate([d, d, np.zeros((3, 3))], axis=1),
          lambda: np.concatenate([d[:, ::2], d.T[:2]], axis=0), lambda: np.concatenate((d.T, d.T), axis=1),
          lambda: np.concatenate([1, 2]), lambda: np.concatenate([[1], 2]),
          lambda: np.concatenate([[1, 2], [3, 4]], axis=1), lambda: np.concatenate([[[1, 2]], [[3, 4]]], axis=1),
          lambda: np.concatenate((d[::-1], d[:, ::-1]), 1),
          lambda: np.stack([a, a]), lambda: np.stack([a, b], axis=1), lambda: np.stack([a, b], axis=-1),
          lambda: np.stack([a, b], axis=2), lambda: np.stack([a, c]), lambda: np.stack([]),
          lambda: np.stack([1, 2]), lambda: np.stack([c, c], axis=1), lambda: np.stack([c, c], axis=2),
          lambda: np.stack([a, b], dtype=int), lambda: np.stack((a,)), lambda: np.stack(a),
          lambda: np.stack([np.zeros(2), np.zeros(2)], out=np.zeros((2, 2))),
          lambda: np.stack([a, b], dtype=np.float32, casting='same_kind'),
          lambda: np.vstack([a, b]), lambda: np.vstack([a, c]), lambda: np.vstack([c, d]),
          lambda: np.vstack([1, 2]), lambda: np.vstack([]), lambda: np.vstack(a), lambda: np.vstack((c, c, c)),
          lambda: np.vstack([a, a], dtype=np.float32), lambda: np.row_stack([a, b]),
          lambda: np.hstack([a, b]), lambda: np.hstack([c, d]), lambda: np.hstack([c, a]),
          lambda: np.hstack([1, 2]), lambda: np.hstack([]), lambda: np.hstack((c, np.array([[9], [9]]))),
          lambda: np.hstack([a, b], dtype=np.int32, casting='unsafe'),
          lambda: np.dstack([a, b]), lambda: np.dstack([c, c]), lambda: np.dstack([1, 2]),
          lambda: np.column_stack([a, b]), lambda: np.column_stack([a, np.ones((3, 2))]),
          lambda: np.column_stack([a, np.ones(4)]), lambda: np.column_stack((1, 2)),
          lambda: np.atleast_1d(5), lambda: np.atleast_1d(a), lambda: np.atleast_1d(5, [1, 2]),
          lambda: np.atleast_2d(5), lambda: np.atleast_2d(a), lambda: np.atleast_2d(c),
          lambda: np.atleast_3d(5), lambda: np.atleast_3d(a), lambda: np.atleast_3d(c),
          lambda: np.atleast_3d(np.zeros((1, 2, 3, 4))).shape, lambda: np.atleast_1d(),
          lambda: np.atleast_2d(a[::2]).strides, lambda: np.atleast_3d(d.T).strides,
          lambda: np.atleast_1d(a) is a, lambda: np.atleast_2d(c) is c,
          lambda: np.append(a, [4, 5]), lambda: np.append(c, [[9, 9]], axis=0), lambda: np.append(c, 1.5),
          lambda: np.append(c, [[9], [9]], axis=1), lambda: np.append(c, [9, 9], axis=0),
          lambda: np.append([], [1, 2])]:
    err(f)
rows = [np.full(3, i) for i in range(4)]
show(np.vstack(rows))
show(np.stack(rows, axis=1))
out = np.zeros(6)
r = np.concatenate([a, a], out=out)
print(r is out, out.tolist())
