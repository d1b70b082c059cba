# numba.cuda simulator: host API, device arrays, launch configurations, grid helpers.
import math
import numpy as np
from numba import cuda, float32, int32
import numba.cuda

print(cuda.is_available(), numba.cuda is cuda)
print(cuda.detect())


@cuda.jit
def fill_ids(out):
    i = cuda.grid(1)
    if i < out.shape[0]:
        out[i] = i * 10 + cuda.gridsize(1)


@cuda.jit
def fill_2d(out):
    x, y = cuda.grid(2)
    w, h = cuda.gridsize(2)
    if x < out.shape[0] and y < out.shape[1]:
        out[x, y] = x * 100 + y + w * 1000 + h * 10000


@cuda.jit
def fill_3d(out):
    x, y, z = cuda.grid(3)
    if x < out.shape[0] and y < out.shape[1] and z < out.shape[2]:
        out[x, y, z] = cuda.threadIdx.z + 10 * cuda.blockIdx.z + 100 * cuda.blockDim.z + 1000 * cuda.gridDim.z


@cuda.jit('void(float32[:], float32)')
def scale(a, k):
    i = cuda.grid(1)
    if i < a.size:
        a[i] = a[i] * k


@cuda.jit(device=True)
def hyp(a, b):
    return math.sqrt(a * a + b * b)


@cuda.jit
def hyp_kernel(a, b, out):
    i = cuda.grid(1)
    if i < out.size:
        out[i] = hyp(a[i], b[i])


@cuda.jit
def local_rev(inp, out):
    tmp = cuda.local.array(4, dtype=int32)
    i = cuda.grid(1)
    if i < inp.shape[0]:
        for k in range(4):
            tmp[k] = inp[i, k]
        for k in range(4):
            out[i, k] = tmp[3 - k]


d = cuda.device_array(10, dtype=np.int64)
fill_ids[3, 4](d)
print(d.copy_to_host())
fill_ids[(2,), (8,)](d)
print(d.copy_to_host())
fill_ids.forall(10)(d)
print(d.copy_to_host())
o2 = np.zeros((3, 5), dtype=np.int64)
fill_2d[(2, 3), (2, 2)](o2)
print(o2)
o3 = cuda.device_array((2, 2, 3), dtype=np.int32)
fill_3d[(1, 1, 2), (2, 2, 2)](o3)
print(o3.copy_to_host())
s = cuda.stream()
a = cuda.to_device(np.arange(6, dtype=np.float32))
scale[1, 8, s, 0](a, 1.5)
s.synchronize()
cuda.synchronize()
print(a.copy_to_host(), a.dtype)
x = np.array([3.0, 5.0, 8.0])
y = np.array([4.0, 12.0, 15.0])
h = np.zeros(3)
hyp_kernel[1, 32](x, y, h)
print(h, hyp(6.0, 8.0))
inp = np.arange(12, dtype=np.int32).reshape(3, 4)
out = cuda.device_array_like(inp)
local_rev[2, 2](inp, out)
print(out.copy_to_host(), out.dtype, out.shape)

# device arrays
da = cuda.to_device(np.arange(12.0).reshape(3, 4))
print(da.shape, da.dtype, da.size, da.ndim, len(da))
print(da[1, 2], da[2], type(da[1]).__name__)
print(da)
da[0, 0] = 42.0
print(da.copy_to_host()[0])
host = np.empty((3, 4))
r = da.copy_to_host(host)
print(r is host, host.sum())
db = cuda.device_array((2, 2), dtype=np.float32)
print(db.dtype, db.shape, db.copy_to_host().shape)
dc = cuda.to_device([1, 2, 3])
print(dc.copy_to_host(), dc.dtype)
src = np.arange(3.0)
dd = cuda.to_device(src)
src[0] = 99.0
print(dd.copy_to_host())
dd.copy_to_device(np.array([7.0, 8.0, 9.0]))
print(dd.copy_to_host())
