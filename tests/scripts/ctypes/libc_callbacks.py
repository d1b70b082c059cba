# libc through ctypes: strlen with c_char_p, qsort with a CFUNCTYPE comparator,
# CFUNCTYPE over Python callables and integer addresses.
import ctypes
from ctypes import CDLL, CFUNCTYPE, POINTER, c_int, c_double, c_char_p, c_size_t, c_uint8
from ctypes import cast, sizeof, c_void_p, byref, c_long

libc = CDLL("libc.so.6")
buf = (c_uint8 * 6)(104, 101, 108, 108, 111, 0)
print(libc.strlen(cast(buf, c_char_p)))
libc.strlen.argtypes = [c_char_p]
libc.strlen.restype = c_size_t
print(libc.strlen(cast(buf, c_char_p)), libc.strlen(None) if False else "skip")
for bad in [5, "str", 1.5]:
    try:
        libc.strlen(bad)
    except ctypes.ArgumentError as e:
        print("ArgumentError:", e)
print(libc.abs(-5), libc.labs(-7))

CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
print(CMP, CMP is CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int)))
calls = []


def py_cmp(a, b):
    calls.append(1)
    return a[0] - b[0]


a = (c_int * 5)(5, 1, 4, 2, 3)
cf = CMP(py_cmp)
libc.qsort(a, len(a), sizeof(c_int), cf)
print(list(a), len(calls) > 0)
r = (c_int * 6)(3, -1, 7, 7, 0, 2)
libc.qsort(r, len(r), sizeof(c_int), CMP(lambda x, y: y.contents.value - x.contents.value))
print(list(r))
libc.qsort.argtypes = [c_void_p, c_size_t, c_size_t, CMP]
libc.qsort.restype = None
libc.qsort(a, 5, 4, CMP(lambda x, y: y[0] - x[0]))
print(list(a))

F = CFUNCTYPE(c_double, c_double)
sq = F(lambda x: x * x)
print(sq(3.0), sq(2), sq.argtypes, sq.restype)
addr = cast(sq, c_void_p).value
print(isinstance(addr, int))
g = F(addr)
print(g(4.0), g(0.5))
V = CFUNCTYPE(None, c_int)
out = []
v = V(lambda i: out.append(i))
print(v(3), out)
I8 = CFUNCTYPE(ctypes.c_int8, ctypes.c_int8)
neg = I8(lambda x: -x)
print(neg(5), neg(-128))
try:
    sq("x")
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
try:
    sq()
except TypeError as e:
    print("TypeError:", e)
try:
    F(3.5)
except TypeError as e:
    print("TypeError:", e)
