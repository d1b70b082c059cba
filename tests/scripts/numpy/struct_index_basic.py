# Basic indexing: integers, slices, None, Ellipsis; views share memory; scalars.
import numpy as np


def show(x):
    if isinstance(x, np.ndarray):
        print(x.dtype, x.shape, x.tolist())
    else:
        print(type(x).__name__, x.item())


a = np.arange(10)
for k in [0, 3, -1, -10, 9]:
    show(a[k])
for s in [slice(2, 5), slice(None, 3), slice(7, None), slice(None, None, 2),
          slice(None, None, -1), slice(-4, -1), slice(8, 2, -2), slice(5, 5),
          slice(20, None), slice(-20, 3), slice(None, None, -3), slice(2, 2 ** 70),
          slice(-2 ** 70, 2), slice(None, None, 2 ** 70), slice(np.int64(1), np.int32(4))]:
    show(a[s])
m = np.arange(20).reshape(4, 5)
show(m[1, 2])
show(m[1][2])
show(m[-1, -1])
show(m[2])
show(m[:, 1])
show(m[1:3, ::2])
show(m[::-1, 0])
show(m[:2, 3:])
show(m[-2:, -2:])
show(m[..., 1])
show(m[1, ...])
show(m[...])
show(m[()])
show(m[None])
show(m[:, None])
show(m[None, 1, None, ::2])
show(m[1, 2, ...])
show(m[1, 2, None])
show(m[np.int64(1), np.uint8(2)])
show(m[np.array(1)])
show(m[np.array(1), np.array(-1)])
t = np.arange(24).reshape(2, 3, 4)
show(t[1, 2, 3])
show(t[0, :, 1])
show(t[:, 1, :])
show(t[-1, -1])
show(t[..., ::-1])
show(t[1, ..., 2])
show(t[:, ::2, 1::2])
z = np.array(7.5)
show(z[()])
show(z[...])
show(z[None])
show(z[..., None])
f = np.arange(6.0).reshape(2, 3)
show(f[1])
show(f[1, 1])
show(f.T[2])
show(f.T[2, 0])
b = np.array([True, False, True])
show(b[0])
show(b[1:])
c = np.array([1 + 2j, 3 - 1j])
show(c[1])
for dt in [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.uint64, np.float32]:
    x = np.arange(5, dtype=dt)
    show(x[2])
    show(x[-1])
    show(x[1:4])

# views share memory and record their base
v = a[2:6]
print(v.base is a, np.shares_memory(v, a) if hasattr(np, "shares_memory") else True)
v[0] = -5
show(a)
w = m[1:3, 1:3]
w[0, 0] = 100
show(m)
print(w.base is m, m[1].base is m, m[...].base is m, m[None].base is m)
vv = a[::2][1:]
print(vv.base is a)
vv[0] = 99
show(a)
print(a[2:5].flags['C_CONTIGUOUS'], a[::2].flags['C_CONTIGUOUS'], m[:, 1].strides, m[::-1].strides)
print(m[1:3].flags['OWNDATA'], m.T[1].strides, t[:, 1].strides, t[..., 0].strides)
print(a[::2 ** 70].strides, a[::-2 ** 70].strides, a[::2 ** 62].strides, a[5:2].strides, m[3:1, ::-1].strides)
print(len(a[3:3]), a[3:3].shape, m[4:].shape, m[:, 5:].shape, m[:, 5:].size)
