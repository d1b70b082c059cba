# ndarray.ctypes: data address, data_as(POINTER(T)), shape and strides.
import ctypes
import numpy as np

arr = np.arange(6, dtype=np.float64).reshape(2, 3)
c = arr.ctypes
print(type(c).__name__, isinstance(c.data, int), c.data != 0)
print(list(c.shape), list(c.strides), len(c.shape), c.shape[0], c.strides[1])
p = c.data_as(ctypes.POINTER(ctypes.c_double))
print(p[4], p[5], type(p).__name__)
p[0] = 42.0
print(arr[0, 0], arr.ctypes.data == c.data)
ai = np.array([3, 1, 2], dtype=np.int32)
pi = ai.ctypes.data_as(ctypes.POINTER(ctypes.c_int))
print(pi[0] + pi[1] + pi[2], list(ai.ctypes.strides))
print(list(arr.T.ctypes.strides), list(arr[:, ::2].ctypes.shape))
print(list(arr.ctypes.shape_as(ctypes.c_int)), list(arr.ctypes.strides_as(ctypes.c_short)))
libm = ctypes.CDLL("libm.so.6")
libm.cos.restype = ctypes.c_double
libm.cos.argtypes = [ctypes.c_double]
print(libm.cos(float(arr[0, 1])))
libc = ctypes.CDLL("libc.so.6")
libc.memset(arr.ctypes.data_as(ctypes.c_void_p), 0, arr.nbytes)
print(arr.sum())
