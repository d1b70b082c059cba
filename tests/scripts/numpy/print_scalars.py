# str()/repr() of NumPy scalars of every dtype, on their own and inside containers,
# f-strings and format(); float32 switches notation on its own value.
import numpy as np

ints = [np.int8(-128), np.int8(127), np.int16(-32768), np.int32(-3), np.int64(12),
        np.int64(-9223372036854775808), np.uint8(255), np.uint16(65535), np.uint32(4294967295),
        np.uint64(18446744073709551615), np.uint64(0)]
for x in ints:
    print(x, repr(x), str(x), type(x).__name__)
print(np.bool_(True), repr(np.bool_(False)), str(np.bool_(True)))

f64 = [0.0, -0.0, 0.1, 1.0, -1.5, 100.0, 1e-4, 9.999e-05, 1e-5, 1.5e-10, 1e15, 9999999999999998.0,
       1e16, 1e20, 123456789.0, 1 / 3, 2.0 ** 0.5, 5e-324, 1.7976931348623157e308,
       float("nan"), float("inf"), -float("inf"), 12345678.9, 0.30000000000000004]
for v in f64:
    print(np.float64(v), repr(np.float64(v)), np.float32(v), repr(np.float32(v)))

for v in [1e6, 9999999.0, 1e7, 12345678.0, 16777216.0, 1e8, 123456789.0, 3.14159265,
          1e-38, 1e-45, 3.4e38, 0.0001]:
    print(repr(np.float32(v)), str(np.float32(-v)))

cs = [1 + 2j, 1j, -1j, complex(-0.0, 1), complex(-0.0, 0.0),
      complex(float("nan"), float("inf")), complex(1e20, 1e-5), complex(1.5, 0),
      complex(0, float("nan")), complex(1, -float("inf")), complex(2.5e-5, -3e17), 0.1 + 0.2j]
for c in cs:
    print(np.complex128(c), repr(np.complex128(c)))

print([np.float64(1.5), np.int64(2), np.float32(0.25), np.bool_(False)], (np.float64(0.25),),
      {"k": np.int64(3)}, {np.int8(1): np.uint64(2)})
print(f"{np.float64(2.5)} {np.float64(2.5):.3f} {np.int64(42):5d} {np.float32(0.1):.10f}")
print(f"{np.float64(1 / 3)!r} {np.float32(1 / 3)} {np.complex128(1 - 2j)} {np.bool_(True)}")
print("%s %s %r" % (np.float64(0.1), np.int32(-7), np.float32(2.5)))
print(format(np.float64(1e-7), ""), format(np.int16(5), ""), str(np.float64(1e300)))
