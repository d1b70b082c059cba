"""numpy_ops -- whole-array NumPy operations on n float64 elements (issue 3's
performance acceptance): pyjitvm's native numpy against NumPy 1.24.

Variants (default n = 10_000_000; a, b, c = np.random.rand(n) with seed 0):
  np_add        a + b
  np_mul_add    a * b + c
  np_sqrt       np.sqrt(a)
  np_exp        np.exp(a)
  np_sum        np.sum(a)
  np_max        a.max()
  np_matmul500  A @ B for 500x500 float64 (A, B = np.random.rand(500, 500))

Usage: numpy_ops.py [--mode M] [--reps R] [--only name,name] [N]
(--mode is accepted for bench/compare.py and ignored: both systems run NumPy code.)
Prints "CHECKSUM <name> <value>" and
"TIME <name> mode=numpy n=.. first=<s> median=<s> min=<s> reps=R".
"""
import sys
import time

import numpy as np

REPS = 5
ONLY = None
SIZES = []
_k = 1
while _k < len(sys.argv):
    _arg = sys.argv[_k]
    if _arg == "--mode":
        _k += 2
    elif _arg == "--reps":
        REPS = int(sys.argv[_k + 1])
        _k += 2
    elif _arg == "--only":
        ONLY = sys.argv[_k + 1].split(",")
        _k += 2
    else:
        SIZES.append(int(_arg.replace("_", "")))
        _k += 1


def _median(xs):
    s = sorted(xs)
    k = len(s)
    if k % 2 == 1:
        return s[k // 2]
    return 0.5 * (s[k // 2 - 1] + s[k // 2])


def bench(name, fn, args, n):
    if ONLY is not None and name not in ONLY:
        return
    t0 = time.perf_counter()
    r = fn(*args)
    first = time.perf_counter() - t0
    times = []
    for _ in range(REPS):
        t0 = time.perf_counter()
        r = fn(*args)
        times.append(time.perf_counter() - t0)
    total = float(np.sum(r)) if not isinstance(r, float) else r
    print("CHECKSUM %s %.6e" % (name, total))
    print("TIME %s mode=numpy n=%d first=%.6f median=%.6f min=%.6f reps=%d"
          % (name, n, first, _median(times), min(times), REPS))


def op_add(a, b):
    return a + b


def op_mul_add(a, b, c):
    return a * b + c


def op_sqrt(a):
    return np.sqrt(a)


def op_exp(a):
    return np.exp(a)


def op_sum(a):
    return np.sum(a)


def op_max(a):
    return a.max()


def op_matmul(A, B):
    return A @ B


def main():
    n = SIZES[0] if SIZES else 10_000_000
    np.random.seed(0)
    a = np.random.rand(n)
    b = np.random.rand(n)
    c = np.random.rand(n)
    bench("np_add", op_add, (a, b), n)
    bench("np_mul_add", op_mul_add, (a, b, c), n)
    bench("np_sqrt", op_sqrt, (a,), n)
    bench("np_exp", op_exp, (a,), n)
    bench("np_sum", op_sum, (a,), n)
    bench("np_max", op_max, (a,), n)
    A = np.random.rand(500, 500)
    B = np.random.rand(500, 500)
    bench("np_matmul500", op_matmul, (A, B), 500)


main()
