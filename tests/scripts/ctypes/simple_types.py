# ctypes simple types: construction, .value, repr, sizeof, wrap-around, errors.
import ctypes
from ctypes import *

print(c_double(1.5), c_int(3), c_float(0.1), c_bool(True), c_int8(-1), c_uint8(300))
print(c_long(7), c_size_t(5), c_void_p(), c_void_p(16), c_char_p(), c_int(), c_double())
print(c_int64(2**63), c_uint64(-1), c_int32(2**31), c_int16(70000), c_uint16(-1))
print(c_double, c_int, c_long, c_int64, c_size_t, c_uint64, c_int32, c_uint8, c_bool)
print(c_void_p, c_char_p, c_short, c_ushort, c_longlong, c_ulonglong, c_byte, c_ubyte)
print(sizeof(c_double), sizeof(c_int), sizeof(c_int8), sizeof(c_void_p), sizeof(c_bool))
print(sizeof(c_int(1)), sizeof(c_float), sizeof(c_int16), sizeof(c_longlong))
print(ctypes.alignment(c_double), ctypes.alignment(c_int16))
x = c_int(5)
x.value += 2
print(x.value, x, type(x.value))
print(c_double(2).value, c_float(1.1).value, c_bool(5).value, c_void_p(0).value, c_uint64(2**64 - 1).value)
print(bool(c_int(0)), bool(c_int(3)), bool(c_double(0.0)), bool(c_void_p()))
print(c_int._type_, c_double._type_, c_void_p._type_)
print(isinstance(x, c_int), type(x) is c_int, c_int32 is c_int, c_int64 is c_long)
for bad in [lambda: c_int("a"), lambda: c_double("a"), lambda: c_int(3.0), lambda: c_int(1, 2),
            lambda: sizeof(3), lambda: addressof(5), lambda: c_char_p("abc"), lambda: c_void_p("x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
