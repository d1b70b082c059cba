from numba import njit
import numpy as np
@njit
def td(a, b): return a / b
@njit
def fd(a, b): return a // b
@njit
def md(a, b): return a % b
@njit(error_model="numpy")
def td2(a, b): return a / b
@njit(error_model="numpy")
def fd2(a, b): return a // b
@njit(error_model="numpy")
def md2(a, b): return a % b
for f in (td, fd, md, td2, fd2, md2):
    for args in ((1.0, 0.0), (1, 0), (0.0, 0.0), (-1, 0.0)):
        try:
            print(f.__name__, args, f(*args))
        except Exception as e:
            print(f.__name__, args, type(e).__name__, e)
@njit(boundscheck=True)
def gi(a, i): return a[i]
@njit
def gi2(a, i): return a[i]
a = np.arange(10)
for f in (gi,):
  try:
    print(f(a, 10))
  except Exception as e:
    print(type(e).__name__, e)
