# str/repr of 1-D arrays of every dtype: widths, signs, nan/inf, -0.0, notation
# choice, wrapping at 75 columns and summarisation past 1000 elements.
import numpy as np

nan, inf = float("nan"), float("inf")
float_cases = [
    [1.0, 2.0, 3.0], [1.5, 2.25, -3.125], [0.1, 0.2, 0.3], [1 / 3, 2 / 3, 1.0],
    [1e-3, 1.0, 1e3], [1e-5, 1.0], [1e8, 1.0], [99999999.0, 1.0], [1e7, 1.0], [1e-4, 1.0],
    [123456789.0, 0.5], [1e16, 1.0], [0.0, -0.0, 1e-300], [nan, inf, -inf, 1.0], [nan],
    [-1.5, nan], [inf], [-inf, 1.0], [100.0, 200.0], [1.123456789, 22.5], [3.14159265358979],
    [1e-8, 1e-9], [5e-324, 1.0], [1.7976931348623157e308], [0.1 + 0.2], [12345678.9],
    [0.0], [-0.0], [0.0, 0.0], [-1e-5, 1e5], [1e-5, 1e5, nan], [1.0, 1001.0], [1.0, 999.0],
    [0.001, 1.0], [0.0001, 0.1], [2.5e-5, -3.0], [1e100, -1e-100], [1.5, -0.0],
    [141421.35623731, 173205.08075689], [10.0, 0.001], [123.456, 0.001],
]
for c in float_cases:
    a = np.array(c)
    print(a, repr(a))
for c in [[1.0, 2.0], [1.5, 2.5], [0.1, 1 / 3], [1e-5, 1.2345678], [1e-4, 1.0], [1e8, 1.0],
          [16777217.0, 0.5], [3.4e38, -1.0], [nan, -inf, 0.5], [1e-45, 1.0]]:
    a = np.array(c, dtype=np.float32)
    print(a, repr(a))

int_cases = [[-1, 0, 1], [1000000, -5], [0], [-9223372036854775808, 9223372036854775807],
             [7, 77, 777, -7777], []]
for c in int_cases:
    for dt in [np.int64, np.int32, np.int16, np.int8]:
        a = np.array([x % 256 - 128 if dt == np.int8 else x for x in c], dtype=np.int64).astype(dt)
        print(a, repr(a))
for dt, c in [(np.uint8, [0, 255]), (np.uint16, [1, 65535]), (np.uint32, [4294967295, 0]),
              (np.uint64, [18446744073709551615, 1]), (np.uint64, [3])]:
    a = np.array(c, dtype=dt)
    print(a, repr(a))
print(np.array([True, False]), repr(np.array([True])), repr(np.array([False, False, True])))
print(np.array([1 + 1j, 2.5 - 0.5j]), repr(np.array([1 + 1j, 2.5 - 0.5j])))
print(np.array([1j, -1j, 0j]), np.array([complex(nan, 1), complex(1, inf), complex(-inf, -nan)]))
print(repr(np.array([complex(1e-5, 1e5), complex(3, 4)])), np.array([complex(0.1, 1 / 3)]))
for dt in [np.float64, np.float32, np.int64, np.int8, np.uint64, np.bool_, np.complex128]:
    print(repr(np.array([], dtype=dt)), np.array([], dtype=dt), repr(np.zeros(3, dtype=dt)))

# wrapping
print(np.arange(30))
print(repr(np.arange(30)))
print(np.array([i * 1.5 for i in range(30)]))
print(repr(np.array([i / 11 for i in range(12)])))
print(repr(np.array([i * 1000 for i in range(25)])))
print(repr(np.array([i * 1000 for i in range(25)], dtype=np.int32)))
print(np.array([complex(i, -i / 3) for i in range(12)]))
print(repr(np.array([complex(i, -i / 3) for i in range(12)])))
print(np.array([i % 3 == 0 for i in range(40)]))
print(repr(np.array([i % 3 == 0 for i in range(40)])))
print(repr(np.array([i * 0.25 for i in range(19)], dtype=np.float32)))
print(repr(np.arange(17, dtype=np.uint16)))
print(repr(np.array([-(10 ** 17) + i for i in range(8)])))

# summarisation: more than 1000 elements
big = np.arange(2000)
print(big)
print(repr(big))
print(np.array([i / 7 for i in range(1001)]))
print(repr(np.array([i / 7 for i in range(1001)], dtype=np.float32)))
print(np.arange(1000))
print(repr(np.array([i % 2 == 0 for i in range(1500)])))
print(np.array([complex(i, 1) for i in range(1200)]))
print(repr(np.arange(3000, dtype=np.uint8)))
print(np.array([nan] + [1e-6 * i for i in range(1, 2000)] + [inf]))
