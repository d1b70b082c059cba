# numba.cuda simulator: syncthreads barriers, shared memory, atomics and their results.
import numpy as np
from numba import cuda, int64, float64

N = 8


@cuda.jit
def rotate(a, out):
    buf = cuda.shared.array(N, dtype=int64)
    t = cuda.threadIdx.x
    buf[t] = a[cuda.grid(1)]
    cuda.syncthreads()
    out[cuda.grid(1)] = buf[(t + 1) % N]


@cuda.jit
def prefix_sum(a):
    buf = cuda.shared.array(N, dtype=float64)
    t = cuda.threadIdx.x
    buf[t] = a[t]
    cuda.syncthreads()
    step = 1
    while step < N:
        v = 0.0
        if t >= step:
            v = buf[t - step]
        cuda.syncthreads()
        buf[t] += v
        cuda.syncthreads()
        step *= 2
    a[t] = buf[t]


@cuda.jit
def early_exit(out):
    t = cuda.threadIdx.x
    if t < 2:
        return
    buf = cuda.shared.array(4, dtype=int64)
    buf[t] = t
    cuda.syncthreads()
    out[t] = buf[2] + buf[3]


@cuda.jit
def atomics(arr, olds):
    i = cuda.grid(1)
    olds[0, i] = cuda.atomic.add(arr, 0, 2)
    olds[1, i] = cuda.atomic.sub(arr, 1, 1)
    olds[2, i] = cuda.atomic.max(arr, 2, i * 3)
    olds[3, i] = cuda.atomic.min(arr, 3, 10 - i)
    olds[4, i] = cuda.atomic.compare_and_swap(arr[4:], i, i + 1)


@cuda.jit
def atomic_2d(counts, data):
    i = cuda.grid(1)
    if i < data.shape[0]:
        cuda.atomic.add(counts, (data[i] % 2, data[i] % 3), 1)


a = np.arange(16, dtype=np.int64) * 3
out = np.zeros(16, dtype=np.int64)
rotate[2, N](a, out)
print(out)
p = np.arange(1.0, N + 1)
prefix_sum[1, N](p)
print(p)
o = np.zeros(4, dtype=np.int64)
early_exit[1, 4](o)
print(o)
arr = np.array([0, 100, 0, 100, 0], dtype=np.int64)
olds = np.zeros((5, 6), dtype=np.int64)
atomics[2, 3](arr, olds)
print(arr)
print(olds)
fa = np.zeros(2, dtype=np.float32)


@cuda.jit
def fadd(x):
    cuda.atomic.add(x, 0, 0.5)
    cuda.atomic.max(x, 1, cuda.threadIdx.x * 1.25)


fadd[1, 5](fa)
print(fa, fa.dtype)
counts = np.zeros((2, 3), dtype=np.int64)
atomic_2d[2, 16](counts, np.arange(25, dtype=np.int64))
print(counts, counts.sum())
