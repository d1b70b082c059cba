# arange, linspace (bit-exact values), meshgrid, mgrid/ogrid, indices, fromfunction,
# diag/diagonal, tri/tril/triu.
import numpy as np


def show(x):
    if isinstance(x, np.ndarray):
        print(x.dtype, x.shape, x.strides, x.flags['WRITEABLE'], x.tolist())
    elif isinstance(x, (list, tuple)) and x and isinstance(x[0], np.ndarray):
        print(type(x).__name__, len(x))
        for y in x:
            show(y)
    elif isinstance(x, tuple):
        print("tuple", len(x))
        for y in x:
            show(y)
    elif isinstance(x, (np.floating, np.complexfloating)):
        print(type(x).__name__, x.item())
    else:
        print(type(x).__name__, x)


def bits(x):
    print([v.hex() for v in x.tolist()])


def err(f):
    try:
        show(f())
    except Exception as e:
        print(type(e).__name__, e)


for f in [lambda: np.arange(5), lambda: np.arange(2, 10, 3), lambda: np.arange(1.0, 2.0, 0.25),
          lambda: np.arange(0, 1, 0.1), lambda: np.arange(5, 0, -1), lambda: np.arange(0), lambda: np.arange(-3),
          lambda: np.arange(5, dtype=float), lambda: np.arange(5.5, dtype=int), lambda: np.arange(0.5, 3),
          lambda: np.arange(3, dtype=np.uint8), lambda: np.arange(1, 2, 0), lambda: np.arange(0, 5, 0.0),
          lambda: np.arange(10, step=3), lambda: np.arange(start=2, stop=5), lambda: np.arange(stop=5),
          lambda: np.arange(), lambda: np.arange(np.int32(5)), lambda: np.arange(np.float32(2.5)),
          lambda: np.arange(np.uint8(3), 6), lambda: np.arange(True, 3), lambda: np.arange(1 + 1j),
          lambda: np.arange(0, np.inf), lambda: np.arange(0, np.nan), lambda: np.arange(2 ** 63, 2 ** 63 + 3),
          lambda: np.arange(0, 10, 3, dtype=np.float32), lambda: np.arange(0.5, 5, 1.5, dtype=int),
          lambda: np.arange(-2.5, 2, 1, dtype=int), lambda: np.arange(0, 1, 0.3, dtype=np.int8),
          lambda: np.arange(5, dtype=bool), lambda: np.arange(2, dtype=bool), lambda: np.arange(0, 6, 2, dtype=complex),
          lambda: np.arange(10, 0, -3, dtype=np.int16), lambda: np.arange(250, 260, dtype=np.uint8),
          lambda: np.arange(0.1, 0.4, 0.1, dtype=np.float32), lambda: np.arange(-1, 2, dtype=np.uint8),
          lambda: str(np.arange(10).dtype), lambda: str(np.arange(0.5, 3).dtype), lambda: np.arange(3.0, dtype=np.int32),
          lambda: np.linspace(0, 1, 5), lambda: np.linspace(0, 1, 11), lambda: np.linspace(-1, 1, 4),
          lambda: np.linspace(0, 10, 5, endpoint=False), lambda: np.linspace(2, 3, 1), lambda: np.linspace(2, 3, 0),
          lambda: np.linspace(2, 3, -1), lambda: np.linspace(0, 1, 5, retstep=True), lambda: np.linspace(0, 1, 1, retstep=True),
          lambda: np.linspace(0, 1, 1, endpoint=False, retstep=True), lambda: np.linspace(0, 10, 5, dtype=int),
          lambda: np.linspace(0, 10, 4, dtype=np.int32), lambda: np.linspace(0, 1, 3, dtype=np.float32),
          lambda: np.linspace(0, 1, 2.5), lambda: np.linspace(0, 1, np.int64(3)), lambda: np.linspace(1, 1, 3),
          lambda: np.linspace(0, -7, 8), lambda: np.linspace(0, 1 + 1j, 3), lambda: np.linspace([0, 1], [2, 3], 3),
          lambda: np.linspace(0, 1, 3, axis=0), lambda: np.linspace(np.float32(0), np.float32(1), 3),
          lambda: np.linspace(0, [1, 2], 3, axis=1), lambda: np.linspace(0, [1, 2], 3, axis=-1),
          lambda: np.linspace(0, [1, 2], 3, axis=2), lambda: np.linspace(0, 1, 3, dtype=bool),
          lambda: np.linspace(-1.5, 1.5, 4, dtype=int), lambda: np.linspace(0, 1, True),
          lambda: np.linspace(5e-324, 1e-323, 3), lambda: np.linspace(np.nan, 1, 3), lambda: np.linspace(0, np.inf, 3),
          lambda: np.linspace(0j, 1, 3), lambda: np.linspace([0, 5], 10, 3, retstep=True),
          lambda: np.linspace(1, 0, 5, endpoint=False, dtype=np.int8),
          lambda: np.linspace(np.array([0.1, -2.5], dtype=np.float32), 1, 7),
          lambda: np.linspace(np.float32(0.1), np.array([1.7, 3.3], dtype=np.float32), 4, retstep=True),
          lambda: np.linspace(np.zeros(2, np.int8), 1, 3), lambda: np.linspace(np.float32(0.3), 1.9, 4),
          lambda: np.linspace(np.array([0.3], dtype=np.float32), 9, 5, dtype=int)]:
    err(f)
for args in [(0, 1, 11), (0.1, 0.7, 7), (-3.3, 17.9, 13), (0, 1, 7), (1e-3, 1e3, 9), (-1, 1, 50), (2.5, -2.5, 6)]:
    bits(np.linspace(*args))
    bits(np.linspace(*args, endpoint=False))
for args in [(0, 1, 0.1), (-1.3, 2.9, 0.7), (0.1, 1.0, 0.05), (10, 0, -0.3)]:
    bits(np.arange(*args))
for f in [lambda: np.meshgrid([1, 2, 3], [4, 5]), lambda: np.meshgrid([1, 2, 3], [4, 5], indexing='ij'),
          lambda: np.meshgrid([1, 2, 3], [4, 5], sparse=True), lambda: np.meshgrid([1, 2, 3], [4, 5], copy=False),
          lambda: np.meshgrid([1, 2], [3, 4], [5, 6, 7])[0].shape, lambda: np.meshgrid([1, 2]), lambda: np.meshgrid(),
          lambda: np.meshgrid([[1, 2], [3, 4]], [5, 6]), lambda: np.meshgrid([1, 2], indexing='x'),
          lambda: np.meshgrid(np.array([0.5, 1.5]), np.arange(3), indexing='ij', sparse=True),
          lambda: np.mgrid[0:3], lambda: np.mgrid[0:2, 0:3], lambda: np.mgrid[0:1:5j], lambda: np.mgrid[0:1:0.25],
          lambda: np.mgrid[-1:1:3j, 0:2], lambda: np.ogrid[0:3, 0:2], lambda: np.ogrid[0:3], lambda: np.mgrid[3],
          lambda: np.mgrid[1:10:3], lambda: np.mgrid[0:4:2, 1:3], lambda: np.ogrid[0:1:3j, 0:2],
          lambda: np.indices((2, 3)), lambda: np.indices((2,), dtype=float), lambda: np.indices(()),
          lambda: np.fromfunction(lambda i, j: i, (2, 3)), lambda: np.fromfunction(lambda i, j: j, (2, 3), dtype=int),
          lambda: np.fromfunction(lambda i: i, (3,)), lambda: np.fromfunction(lambda i, k=5: k, (2,), k=7),
          lambda: np.diag([1, 2, 3]), lambda: np.diag([1, 2], k=1), lambda: np.diag([1, 2], -1),
          lambda: np.diag(np.arange(6).reshape(2, 3)), lambda: np.diag(np.arange(6).reshape(2, 3), 1),
          lambda: np.diag(np.arange(6).reshape(2, 3), -1), lambda: np.diag(np.arange(6).reshape(2, 3), 5),
          lambda: np.diag(np.zeros((2, 2, 2))), lambda: np.diag(5), lambda: np.diag(np.array([1.5, 2]), 2),
          lambda: np.arange(6).reshape(2, 3).diagonal(), lambda: np.arange(6).reshape(2, 3).diagonal(1),
          lambda: np.diagonal(np.arange(6).reshape(2, 3), offset=-1), lambda: np.arange(24).reshape(2, 3, 4).diagonal(),
          lambda: np.arange(24).reshape(2, 3, 4).diagonal(0, 1, 2), lambda: np.arange(3).diagonal(),
          lambda: np.diagonal(np.arange(6).reshape(2, 3), 0, 0, 0), lambda: np.arange(6).reshape(2, 3).diagonal(0, 0, 2),
          lambda: np.arange(6).reshape(2, 3).diagonal(0, -3, 0), lambda: np.arange(6).reshape(2, 3).diagonal(1.5),
          lambda: np.arange(6).reshape(2, 3).diagonal(axis1=1, axis2=0), lambda: np.arange(6).reshape(2, 3).T.diagonal(),
          lambda: np.tri(3), lambda: np.tri(2, 3, 1, dtype=int), lambda: np.tri(3, 2, dtype=bool), lambda: np.tri(0),
          lambda: np.tri(2, k=-5), lambda: np.tril(np.arange(6).reshape(2, 3)), lambda: np.tril(np.arange(6).reshape(2, 3), -1),
          lambda: np.triu(np.arange(6).reshape(2, 3), 1), lambda: np.triu([1, 2, 3]),
          lambda: np.tril(np.arange(8).reshape(2, 2, 2)), lambda: np.tril(np.arange(6).reshape(2, 3), 1),
          lambda: np.triu(np.arange(6).reshape(2, 3), -1), lambda: np.tril(np.array([[True, True], [True, True]])),
          lambda: np.triu(np.arange(12.0).reshape(3, 4).T)]:
    err(f)
