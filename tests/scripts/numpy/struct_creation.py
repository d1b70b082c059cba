# np.array keywords, asarray family, copy, zeros/ones/empty/full, *_like, eye, identity.
import numpy as np


def show(x):
    if isinstance(x, np.ndarray):
        print(x.dtype, x.shape, x.strides, x.flags['OWNDATA'], x.tolist())
    else:
        print(type(x).__name__, x)


def err(f):
    try:
        show(f())
    except Exception as e:
        print(type(e).__name__, e)


a = np.arange(6).reshape(2, 3)
af = np.asfortranarray(a)
for f in [lambda: np.array(a) is a, lambda: np.array(a, copy=False) is a,
          lambda: np.array(a, dtype=float, copy=False) is a, lambda: np.array(a, dtype=np.int64, copy=False) is a,
          lambda: np.array([1, 2], ndmin=3), lambda: np.array(a, ndmin=1) is a, lambda: np.array(a, order='F'),
          lambda: np.array(a, order='K'), lambda: np.array(a.T, order='K'), lambda: np.array(a.T),
          lambda: np.array(a.T, order='A'), lambda: np.array(a.T, order='C'),
          lambda: np.array([[1, 2], [3, 4]], order='F'), lambda: np.array(a, order='X'),
          lambda: np.array(a, ndmin=40), lambda: np.array(5, ndmin=2), lambda: np.array([1, 2], dtype='float32'),
          lambda: np.array(), lambda: np.array(a, copy=False, ndmin=3).base is a,
          lambda: np.array(np.float32(2.5)), lambda: np.array(np.zeros((2, 3, 4)).transpose(1, 0, 2)),
          lambda: np.array(a[:, ::-1]), lambda: np.array([[1, 2], [3, 4]], dtype=complex),
          lambda: np.asarray(a) is a, lambda: np.asarray(a, dtype=float), lambda: np.asarray([1, 2], order='F'),
          lambda: np.asarray(a, order='F'), lambda: np.asarray(af, order='F') is af, lambda: np.asarray(a, order='C') is a,
          lambda: np.asanyarray(a) is a, lambda: np.ascontiguousarray(a) is a, lambda: np.ascontiguousarray(a.T),
          lambda: np.ascontiguousarray(5), lambda: np.ascontiguousarray([1, 2], dtype=np.float32),
          lambda: np.asfortranarray(a), lambda: np.asfortranarray(af) is af,
          lambda: np.copy(a), lambda: np.copy(a.T), lambda: np.copy(a.T, order='C'), lambda: np.copy([1, 2]),
          lambda: np.copy(5), lambda: np.copy(a) is a,
          lambda: np.zeros(4), lambda: np.zeros((2, 3), dtype=np.int32), lambda: np.ones(3),
          lambda: np.ones((2, 2), dtype=np.int64), lambda: np.empty(5).shape, lambda: np.empty((2, 2), dtype=bool).shape,
          lambda: np.zeros(2.5), lambda: np.zeros((2.5,)), lambda: np.zeros([]), lambda: np.zeros(()),
          lambda: np.zeros('3'), lambda: np.zeros(np.int8(3)), lambda: np.zeros(np.array([2, 3])),
          lambda: np.zeros(np.array(3)), lambda: np.zeros(True), lambda: np.zeros((2, True)), lambda: np.zeros(2 ** 70),
          lambda: np.zeros(-1), lambda: np.zeros((2, -1)), lambda: np.zeros((2, 3), order='F'),
          lambda: np.zeros(3, order='K'), lambda: np.zeros(3, order='X'), lambda: np.zeros(3, order=1),
          lambda: np.zeros(3, dtype='i4'), lambda: np.zeros(3, 'f'), lambda: np.zeros([2, np.int64(2)]),
          lambda: np.ones((2,), dtype=complex), lambda: np.ones(3, dtype='bool'), lambda: np.ones((2, 3), order='F'),
          lambda: np.zeros((0, 3)), lambda: np.ones((2, 0), dtype=np.int8), lambda: np.zeros(3, int),
          lambda: np.full(3, 9), lambda: np.full((2, 2), 0.5), lambda: np.full(2, 7, dtype=np.uint8),
          lambda: np.full(3, True), lambda: np.full(3, np.float32(1.5)), lambda: np.full((2, 3), [1, 2, 3]),
          lambda: np.full(3, np.nan, dtype=int), lambda: np.full(-1, 3), lambda: np.full(3, 1 + 2j),
          lambda: np.full(3, 300, dtype=np.int8), lambda: np.full(3, 2 ** 64 - 1), lambda: np.full(3, -1, dtype=np.uint8),
          lambda: np.full(3, 1e30, dtype=np.int32), lambda: np.full(3, 2.5, order='F'), lambda: np.full(3, 2.5, order='K'),
          lambda: np.full((2, 3), [1, 2]), lambda: np.full((2,), 1, np.int32),
          lambda: np.zeros_like(a), lambda: np.zeros_like(a, dtype=float), lambda: np.zeros_like(af),
          lambda: np.zeros_like(a.T), lambda: np.zeros_like(a[:, ::2]), lambda: np.zeros_like(a, shape=(4,)),
          lambda: np.zeros_like(a, shape=4), lambda: np.zeros_like(af, shape=(3, 2)), lambda: np.zeros_like(a, order='F'),
          lambda: np.zeros_like([1, 2, 3]), lambda: np.zeros_like([1.5]), lambda: np.zeros_like(5),
          lambda: np.zeros_like(a, order='X'), lambda: np.zeros_like(af, order='K'), lambda: np.zeros_like(af, order='A'),
          lambda: np.zeros_like(np.zeros((2, 3, 4)).transpose(1, 0, 2)), lambda: np.zeros_like(np.zeros((2, 3, 4))[:, ::-1]),
          lambda: np.zeros_like(np.zeros((2, 3))[::2]), lambda: np.zeros_like(np.zeros((2, 3, 4)).transpose(1, 0, 2), shape=(4, 6)),
          lambda: np.zeros_like(np.zeros((0, 3)).T),
          lambda: np.ones_like(a, dtype=bool), lambda: np.ones_like(a, dtype=np.float64), lambda: np.ones_like(a.T),
          lambda: np.ones_like(np.array([1 + 2j])), lambda: np.empty_like(a).shape, lambda: np.empty_like([[1, 2]], dtype=bool).dtype.name,
          lambda: str(np.empty_like(a).dtype), lambda: np.full_like(a, 2.7), lambda: np.full_like(a, 2.7, dtype=float),
          lambda: np.full_like(a, np.nan), lambda: np.full_like(np.zeros(3), 7), lambda: np.full_like(a, [1, 2, 3]),
          lambda: np.full_like(a, [1, 2]), lambda: np.full_like(np.arange(3, dtype=np.uint8), -1),
          lambda: np.full_like(np.arange(3, dtype=np.uint8), 300), lambda: np.full_like(np.arange(3), 2 ** 70),
          lambda: np.full_like(a, 4), lambda: np.full_like(a.T, 1, shape=(2, 2)),
          lambda: np.eye(3), lambda: np.eye(2, 4, k=1), lambda: np.eye(3, k=-1, dtype=int), lambda: np.eye(3, k=5),
          lambda: np.eye(0), lambda: np.eye(-1), lambda: np.eye(2, M=3), lambda: np.eye(2.5), lambda: np.eye(2, order='F'),
          lambda: np.eye(3, dtype=np.uint8, k=2), lambda: np.eye(3, 2, -1), lambda: np.eye(3, M=0), lambda: np.eye(None),
          lambda: np.eye(2, None), lambda: np.eye(2, k=np.int64(1)), lambda: np.eye(2, k=1.5), lambda: np.eye(2, dtype=bool),
          lambda: np.eye(2, dtype=complex), lambda: np.eye(3, k=-3), lambda: np.eye(3, 5, k=-2),
          lambda: np.identity(3), lambda: np.identity(2, dtype=bool), lambda: np.identity(2, int), lambda: np.identity(0),
          lambda: np.identity(-2), lambda: np.array(a, ndmin=3), lambda: np.array(a.T, ndmin=3),
          lambda: np.array(a.T, ndmin=3, copy=False), lambda: np.array(np.arange(3)[::2], ndmin=2, copy=False),
          lambda: np.array(np.array(5), ndmin=2), lambda: np.array([[1, 2]], ndmin=4),
          lambda: np.array(np.float32(5), ndmin=2), lambda: np.ascontiguousarray(np.arange(3)[::2])]:
    err(f)
