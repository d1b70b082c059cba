# An uncaught ctypes.ArgumentError ends the script with CPython's last line.
import ctypes

libm = ctypes.CDLL("libm.so.6")
libm.ldexp.argtypes = [ctypes.c_double, ctypes.c_int]
libm.ldexp.restype = ctypes.c_double
print(libm.ldexp(1.0, 4))
libm.ldexp(1.0, 2.5)
