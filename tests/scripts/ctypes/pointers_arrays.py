# ctypes pointers (pointer, POINTER, byref, contents, indexing), arrays (T * n), cast.
import ctypes
from ctypes import *

x = c_int(5)
p = pointer(x)
print(type(p), p.contents, p[0])
p[0] = 9
print(x.value, p.contents.value)
y = c_int(11)
p.contents = y
print(p[0], x.value)
P = POINTER(c_double)
print(P, P is POINTER(c_double), sizeof(P), P._type_)
print(bool(P()), bool(p))
try:
    P()[0]
except ValueError as e:
    print("ValueError:", e)
try:
    P().contents
except ValueError as e:
    print("ValueError:", e)
d = c_double(2.5)
pd = P(d)
print(pd[0], pd.contents)
A = c_int * 5
print(A, sizeof(A), A is (c_int * 5), A._length_, A._type_)
a = A(5, 1, 4, 2, 3)
print(len(a), a[0], a[-1], list(a), a[1:3], a[::2], a[::-1])
for v in a:
    print(v, end=" ")
print()
a[2] = 40
a[-1] += 1
print(list(a), sum(a), max(a))
print(list((c_double * 3)(1.5)), list((c_double * 0)()))
try:
    a[5]
except IndexError as e:
    print("IndexError:", e)
try:
    A(1, 2, 3, 4, 5, 6)
except IndexError as e:
    print("IndexError:", e)
try:
    c_int * -1
except ValueError as e:
    print("ValueError:", e)
M = (c_int * 3) * 2
m = M()
m[1][2] = 7
print(M, sizeof(M), [list(r) for r in m])
q = cast(a, POINTER(c_int))
print(q[0], q[2], q[4])
q[1] = 100
print(a[1])
print(cast(a, c_void_p).value == addressof(a), cast(None, c_void_p), bool(cast(0, P)))
print(addressof(x) != 0, isinstance(addressof(x), int), type(byref(x)).__name__)
pp = pointer(p)
print(pp[0][0], pp.contents.contents)
try:
    cast(a, c_int)
except TypeError as e:
    print("TypeError:", e)
try:
    POINTER(int)
except TypeError as e:
    print("TypeError:", e)
try:
    pointer(5)
except TypeError as e:
    print("TypeError:", e)
try:
    byref(5)
except TypeError as e:
    print("TypeError:", e)
try:
    len(x)
except TypeError as e:
    print("TypeError:", e)
