# np.linalg.norm orders and axes (these paths use the reduction engine) and np.trace.
import numpy as np


def t(label, f):
    try:
        x = f()
        if isinstance(x, np.ndarray):
            print(label, x.dtype, x.shape, x.tolist())
        elif isinstance(x, np.generic):
            print(label, type(x).__name__, repr(x.item()))
        else:
            print(label, type(x).__name__, repr(x))
    except Exception as e:
        print(label, type(e).__name__, e)


v = np.array([-3.0, 4.0, 0.0, 1.5])
M = np.array([[3.0, 4.0], [6.0, -8.0], [0.5, 0.25]])
t(1, lambda: np.linalg.norm(v, 1))
t(2, lambda: np.linalg.norm(v, np.inf))
t(3, lambda: np.linalg.norm(v, -np.inf))
t(4, lambda: np.linalg.norm(v, 0))
t(5, lambda: np.linalg.norm(v, 3))
t(6, lambda: np.linalg.norm(v, 0.5))
t(7, lambda: np.linalg.norm(v, -1))
t(8, lambda: np.linalg.norm(M, axis=1))
t(9, lambda: np.linalg.norm(M, axis=0))
t(10, lambda: np.linalg.norm(M, axis=1, keepdims=True))
t(11, lambda: np.linalg.norm(M, 1))
t(12, lambda: np.linalg.norm(M, np.inf))
t(13, lambda: np.linalg.norm(M, -1))
t(14, lambda: np.linalg.norm(M, -np.inf))
t(15, lambda: np.linalg.norm(M, "fro", axis=(0, 1)))
t(16, lambda: np.linalg.norm(M, axis=(1, 0)))
t(17, lambda: np.linalg.norm(M, 1, axis=1))
t(18, lambda: np.linalg.norm(M, "bad"))
t(19, lambda: np.linalg.norm(np.array([3 + 4j, 1 - 1j]), 1))
t(20, lambda: np.linalg.norm(np.arange(12.0).reshape(2, 3, 2), axis=(1, 2)))
t(21, lambda: np.linalg.norm(np.array([[3.0, 4.0], [6.0, 8.0]]), axis=1))
t(22, lambda: np.linalg.norm(np.array([[3.0, 4.0], [6.0, 8.0]]), axis=0))
t(23, lambda: np.linalg.norm(np.array([-3.0, 4.0]), 1))
t(24, lambda: np.linalg.norm(np.array([-3.0, 4.0]), np.inf))
t(25, lambda: np.trace(np.arange(9).reshape(3, 3)))
t(26, lambda: np.trace(np.arange(9.0).reshape(3, 3), offset=1))
t(27, lambda: np.trace(np.arange(9.0).reshape(3, 3), offset=-2))
t(28, lambda: np.arange(24).reshape(2, 3, 4).trace())
t(29, lambda: np.trace(np.arange(12).reshape(3, 4), dtype=np.float32))
t(30, lambda: np.linalg.norm(np.arange(10.0), 1))
