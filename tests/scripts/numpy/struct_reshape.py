# reshape, ravel, flatten: views vs copies, strides, orders and NumPy's messages.
import numpy as np


def show(x):
    if isinstance(x, np.ndarray):
        print(x.dtype, x.shape, x.strides, x.flags['C_CONTIGUOUS'], x.flags['F_CONTIGUOUS'],
              x.flags['OWNDATA'], x.tolist())
    else:
        print(type(x).__name__, x)


def err(f):
    try:
        show(f())
    except Exception as e:
        print(type(e).__name__, e)


a = np.arange(6)
m = np.arange(6).reshape(2, 3)
x = np.arange(24).reshape(2, 3, 4)
for f in [lambda: a.reshape(4), lambda: a.reshape((4,)), lambda: a.reshape(2, -1),
          lambda: a.reshape(-1, -1), lambda: a.reshape(-2, 3), lambda: a.reshape(4, -1),
          lambda: a.reshape(0, -1), lambda: np.zeros(0).reshape(0, -1),
          lambda: np.zeros(0).reshape(-1, 0), lambda: np.zeros(0).reshape(3, -1),
          lambda: a.reshape(2, 3, order='F'), lambda: a.reshape(2, 3, order='A'),
          lambda: a.reshape(2, 3, order='X'), lambda: a.reshape(2, 3, order='K'),
          lambda: a.reshape(2, 3, order='f'), lambda: a.reshape(2, 3, order=1),
          lambda: a.reshape((2, 3), order='C'), lambda: a.reshape(), lambda: a.reshape([2, 3]),
          lambda: a.reshape(2.0, 3), lambda: a.reshape((2.0, 3)), lambda: a.reshape(shape=(2, 3)),
          lambda: np.reshape(a, (2, 3)), lambda: np.reshape(a, 6), lambda: np.reshape(a, newshape=(3, 2)),
          lambda: np.reshape(a, (3, 2), order='F'), lambda: np.reshape([1, 2, 3, 4], (2, 2)),
          lambda: m.T.reshape(6), lambda: m.T.reshape(3, 2), lambda: m.T.reshape(6, order='F'),
          lambda: m.T.reshape(2, 3, order='A'), lambda: m[:, ::2].reshape(4),
          lambda: m[:, :1].reshape(2), lambda: x[:, 1:, :].reshape(2, 8), lambda: x[:, :, 1:].reshape(6, 3),
          lambda: x.T.reshape(4, 6), lambda: x.transpose(1, 0, 2).reshape(3, 8),
          lambda: a.reshape(1, 6, 1), lambda: a[::2].reshape(1, 3, 1), lambda: a[::2].reshape(3, 1),
          lambda: x[:, ::2].reshape(2, 2, 2, 2), lambda: x[::-1].reshape(6, 4),
          lambda: x[:, :, ::2].reshape(12, 1, 2), lambda: x.T[::2].reshape(2, 6),
          lambda: a.reshape(7), lambda: m.reshape(4, 2, 1, -1), lambda: a.reshape(2, 3, -1),
          lambda: a.reshape(-1), lambda: a.reshape(-1, 4), lambda: np.zeros((0, 3)).reshape(-1),
          lambda: np.zeros((0, 3)).reshape(0, -1), lambda: a.reshape((2,), 3), lambda: a.reshape(None),
          lambda: a.reshape(np.int64(6)), lambda: a.reshape(np.array([2, 3])),
          lambda: np.array(5).reshape(1, 1), lambda: np.array(5).reshape(()),
          lambda: np.arange(1).reshape(()), lambda: np.arange(2).reshape(()),
          lambda: a.reshape(2, 3).reshape(3, 2).base is a]:
    err(f)
for order in ['C', 'F', 'A', 'K', None]:
    err(lambda: m.ravel(order))
    err(lambda: m.T.ravel(order))
    err(lambda: m[:, ::2].ravel(order))
    err(lambda: m[::-1].ravel(order))
    err(lambda: m[:, ::-1].ravel(order))
    err(lambda: x.transpose(1, 0, 2).ravel(order))
    err(lambda: x[:, ::2].transpose(2, 0, 1).ravel(order))
    err(lambda: m.flatten(order))
    err(lambda: m.T.flatten(order))
    err(lambda: x.transpose(2, 0, 1).flatten(order))
err(lambda: a[::2].ravel())
err(lambda: np.ravel([[1, 2], [3, 4]]))
err(lambda: np.ravel(5))
err(lambda: m.ravel(order='Z'))
err(lambda: m.flatten(order=''))
r = m.ravel()
r[1] = -1
print(m.tolist(), r.base is m)
fl = m.flatten()
fl[0] = 100
print(m.tolist(), fl.base is None)
v = m.reshape(3, 2)
v[2, 1] = 55
print(m.tolist(), v.base is m)
y = np.arange(4.0)
z = y.reshape(2, 2)
z[1] = 9
print(y.tolist())
print(m.T.reshape(6).base is m, m.T.ravel().base is m)
