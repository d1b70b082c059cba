# Indexing errors: NumPy 1.24's exception types and messages, in its order.
import numpy as np


def err(f):
    try:
        r = f()
        print("ok", r.shape if isinstance(r, np.ndarray) else r.item())
    except Exception as e:
        print(type(e).__name__, e)


class Idx:
    def __index__(self):
        return 2


a = np.arange(5)
m = np.arange(12).reshape(3, 4)
x = np.arange(24).reshape(2, 3, 4)
z = np.array(5)
err(lambda: a[10])
err(lambda: a[-6])
err(lambda: a[5])
err(lambda: m[3])
err(lambda: m[1, 4])
err(lambda: m[-4, 0])
err(lambda: m[0, -5])
err(lambda: x[1, 2, 4])
err(lambda: x[5, 9])
err(lambda: a[1, 2])
err(lambda: m[1, 2, 3])
err(lambda: z[0])
err(lambda: z[0, ...])
err(lambda: a[:, 1])
err(lambda: a[[0, 1], [0, 1]])
err(lambda: a[1.0])
err(lambda: a[np.float64(1)])
err(lambda: a["1"])
err(lambda: a[1 + 2j])
err(lambda: a[None, 1.5])
err(lambda: a[[1.0]])
err(lambda: a[[1, None]])
err(lambda: a[[1, "x"]])
err(lambda: a[np.array([1.0])])
err(lambda: a[np.array(1.0)])
err(lambda: a[2 ** 70])
err(lambda: a[-2 ** 70])
err(lambda: a[[2 ** 70]])
err(lambda: a[Idx()])
err(lambda: a[Idx():4])
err(lambda: a[[1, [2, 3]]])
err(lambda: a[1:3:0])
err(lambda: a[slice(1.0, 3)])
err(lambda: a[slice(1, "3")])
err(lambda: m[..., ...])
err(lambda: m[..., 0, ...])
err(lambda: a[[True, False]])
err(lambda: a[np.array([True, False, True])])
err(lambda: m[np.array([True, False])])
err(lambda: m[:, np.array([True, False])])
err(lambda: m[np.array([[True, False], [False, True]])])
err(lambda: a[np.array([[True] * 5, [False] * 5])])
err(lambda: m[[0, 1], [0, 1, 2]])
err(lambda: x[[0, 9], [0, 1, 2]])
err(lambda: x[9, [0, 1], [0, 1, 2]])
err(lambda: x[[0, 1], 9, [0, 1, 2]])
err(lambda: x[np.array([True, False]), [0, 1], [0, 1, 2]])
err(lambda: x[np.array([[True, False, True], [True, True, True]]), [0, 1]])
err(lambda: m[[0, 5]])
err(lambda: m[:, [0, 5]])
err(lambda: m[[0, 1], [0, 5]])
err(lambda: m[[0, -4]])
err(lambda: x[None, [0, 5]])
err(lambda: x[None, :, [0, 5]])
err(lambda: x[..., [0, 5]])
err(lambda: a[np.array([2 ** 62])])
err(lambda: a[np.array([2 ** 63], dtype=np.uint64)])
err(lambda: a[np.array([-7])])
err(lambda: m[[10], []])
err(lambda: m[[], [10]])
err(lambda: a[-2 ** 63])
err(lambda: a[2 ** 63 - 1])


def del_item():
    del a[0]


err(del_item)
