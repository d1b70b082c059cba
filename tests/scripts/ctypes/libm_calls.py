# Foreign functions from libm: CDLL, argtypes/restype, default c_int restype, errors.
import ctypes
import ctypes.util
from ctypes import CDLL, c_double, c_int, c_float, c_long

print(ctypes.util.find_library("m"), ctypes.util.find_library("c"), ctypes.util.find_library("nosuchlib"))
libm = CDLL("libm.so.6")
print(repr(libm).startswith("<CDLL 'libm.so.6', handle "), libm._name)
cos = libm.cos
cos.argtypes = [c_double]
cos.restype = c_double
print(cos(0.0), cos(1), cos(3.141592653589793))
print(cos.argtypes, cos.restype, libm.cos is cos, libm["cos"] is cos)
f = libm.pow
print(f.restype, f.argtypes)
f.restype = c_double
f.argtypes = (c_double, c_double)
print(f(2, 10), f(2.0, 0.5), f.argtypes)
ld = libm.ldexp
ld.restype = c_double
ld.argtypes = [c_double, c_int]
print(ld(1.5, 3), ld(c_double(0.75), c_int(2)))
sf = libm.sqrtf
sf.restype = c_float
sf.argtypes = [c_float]
print(sf(2.0), sf(16))
g = libm.fabs
g.argtypes = [c_double]
g.restype = c_double
print(g(-2.5))
g.restype = None
print(g(-2.5))
lr = libm.lround
lr.argtypes = [c_double]
lr.restype = c_long
print(lr(2.5), lr(-7.49))
for args in [("a", 2), (1.0, 2.5), (1.0, "x")]:
    try:
        ld(*args)
    except ctypes.ArgumentError as e:
        print(type(e).__name__, e)
try:
    ld(1.0)
except TypeError as e:
    print("TypeError:", e)
try:
    libm.nosuch_symbol
except AttributeError as e:
    print("AttributeError:", str(e).split(": ", 1)[1])
try:
    CDLL("libnosuch_ctypes_test.so")
except OSError as e:
    print("OSError:", e)
try:
    libm.floor(1.5)
except ctypes.ArgumentError as e:
    print("ArgumentError:", e)
try:
    cos.argtypes = [int]
except TypeError as e:
    print("TypeError:", e)
m2 = ctypes.cdll.LoadLibrary("libm.so.6")
m2.cbrt.restype = c_double
m2.cbrt.argtypes = [c_double]
print(m2.cbrt(27.0), isinstance(m2, CDLL))
print(issubclass(ctypes.ArgumentError, Exception))
