# transpose, swapaxes, moveaxis, expand_dims, squeeze, flips, rot90, broadcast_to and
# friends, np.shape/np.ndim/np.size.
import numpy as np


def show(x):
    if isinstance(x, np.ndarray):
        print(x.dtype, x.shape, x.strides, x.flags['WRITEABLE'], x.base is not None, x.tolist())
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


m = np.arange(6).reshape(2, 3)
x = np.arange(24).reshape(2, 3, 4)
for f in [lambda: x.transpose(), lambda: x.transpose(1, 2, 0), lambda: x.transpose((1, 2, 0)),
          lambda: x.transpose([1, 2, 0]), lambda: x.transpose(1, 2), lambda: x.transpose(1, 2, 3),
          lambda: x.transpose(1, 1, 0), lambda: x.transpose(-1, 0, 1), lambda: x.transpose(None),
          lambda: x.transpose(1.0, 2, 0), lambda: x.transpose(axes=(1, 0, 2)),
          lambda: np.transpose(x), lambda: np.transpose(x, (1, 0, 2)),
          lambda: np.transpose(x, axes=(1, 0, 2)), lambda: np.transpose([[1, 2]]),
          lambda: np.arange(3).transpose(), lambda: np.array(7).transpose(), lambda: m.T.T,
          lambda: x.swapaxes(0, 2), lambda: x.swapaxes(0, 3), lambda: x.swapaxes(-4, 0),
          lambda: np.swapaxes(x, -1, 0), lambda: np.swapaxes([[1, 2]], 0, 1),
          lambda: np.moveaxis(x, 0, -1), lambda: np.moveaxis(x, [0, 1], [-1, -2]),
          lambda: np.moveaxis(x, 3, 0), lambda: np.moveaxis(x, 0, -4), lambda: np.moveaxis(x, [0, 0], [1, 2]),
          lambda: np.moveaxis(x, [0, 1], [1]), lambda: np.moveaxis(x, (2, 0), (0, 2)),
          lambda: np.expand_dims(m, 0), lambda: np.expand_dims(m, -1), lambda: np.expand_dims(m, (0, 2)),
          lambda: np.expand_dims(m, [0, -1]), lambda: np.expand_dims(m, 3), lambda: np.expand_dims(m, (0, 0)),
          lambda: np.expand_dims(5, 0), lambda: np.expand_dims(m[:, ::2], 1),
          lambda: np.squeeze(np.zeros((1, 3, 1))), lambda: np.zeros((1, 3, 1)).squeeze(),
          lambda: np.zeros((1, 3, 1)).squeeze(0), lambda: np.zeros((1, 3, 1)).squeeze(axis=2),
          lambda: np.zeros((1, 3, 1)).squeeze((0, 2)), lambda: np.zeros((1, 3, 1)).squeeze(1),
          lambda: np.zeros((1, 3, 1)).squeeze(3), lambda: np.squeeze(np.zeros((1, 3, 1)), axis=-1),
          lambda: np.squeeze([[1]]), lambda: np.squeeze(np.array(5)),
          lambda: np.squeeze(np.zeros((1, 1)), (0, 0)), lambda: np.zeros((1, 3, 1)).squeeze(axis=None),
          lambda: np.shape(m), lambda: np.shape([[1, 2, 3]]), lambda: np.shape(5), lambda: np.ndim([[1, 2]]),
          lambda: np.ndim(5), lambda: np.size(m), lambda: np.size(m, 1), lambda: np.size([1, 2, 3]),
          lambda: np.size(m, 2), lambda: np.size(m, axis=-1), lambda: np.size(m, -3),
          lambda: np.flip(np.arange(3)), lambda: np.flip(m, 0), lambda: np.flip(m, 1), lambda: np.flip(m, (0, 1)),
          lambda: np.flip(m, 2), lambda: np.flip(m), lambda: np.flip(x, -1), lambda: np.fliplr(m),
          lambda: np.flipud(m), lambda: np.fliplr(np.arange(3)), lambda: np.flipud(np.array(5)),
          lambda: np.flipud([[1, 2], [3, 4]]), lambda: np.flip(np.zeros((0, 2))),
          lambda: np.rot90(np.arange(4).reshape(2, 2)), lambda: np.rot90(np.arange(4).reshape(2, 2), 2),
          lambda: np.rot90(np.arange(4).reshape(2, 2), -1), lambda: np.rot90(np.arange(6).reshape(2, 3), 3),
          lambda: np.rot90(x, 1, (1, 2)), lambda: np.rot90(np.arange(3)),
          lambda: np.rot90(np.arange(4).reshape(2, 2), axes=(0, 0)),
          lambda: np.rot90(np.arange(4).reshape(2, 2), axes=(0,)),
          lambda: np.broadcast_to(np.arange(3), (2, 3)), lambda: np.broadcast_to(np.arange(3), (2, 4)),
          lambda: np.broadcast_to(np.arange(3), 3), lambda: np.broadcast_to(5, (2, 2)),
          lambda: np.broadcast_to(np.arange(3), (-1, 3)), lambda: np.broadcast_to(m, (2,)),
          lambda: np.broadcast_to(np.zeros((2, 2)), (3, 2)), lambda: np.broadcast_to([1, 2], ()),
          lambda: np.broadcast_to(np.ones((3, 1)), (2, 3, 4)),
          lambda: np.broadcast_arrays(np.arange(3), m[:, :1]), lambda: np.broadcast_arrays(np.arange(3), np.zeros((2, 2))),
          lambda: np.broadcast_arrays(np.zeros((2, 3)), np.zeros((2, 1)), np.zeros((4, 1))),
          lambda: np.broadcast_arrays(np.zeros((1, 3)), np.zeros((2, 1)), np.zeros((4,))),
          lambda: np.broadcast_arrays(m, m), lambda: np.broadcast_arrays(), lambda: np.broadcast_arrays(5, [1, 2]),
          lambda: np.broadcast_shapes((2, 1), (3,)), lambda: np.broadcast_shapes((2, 1), (3, 4)),
          lambda: np.broadcast_shapes(3, (4,)), lambda: np.broadcast_shapes(), lambda: np.broadcast_shapes((5, 1, 2), 1)]:
    err(f)
b = np.broadcast_to(np.arange(3), (2, 3))
err(lambda: b.__setitem__(0, 1))
t = m.T
t[0, 1] = 77
print(m.tolist())
f = np.flip(m)
f[0, 0] = -1
print(m.tolist())
