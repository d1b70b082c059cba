# int/float/bool semantics, bigint boundaries, mixed comparisons.
big = 2 ** 63
print(big, big - 1, -big, big * big, (big - 1) + 1, -(-big))
print(9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500)
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, divmod(-7, 2), divmod(7.5, -2))
print(2 ** -2, (-8) ** (1 / 3) if False else "skip", 10 ** 20 // 3, 10 ** 20 % 7)
print(True + True, True * 3.5, -True, ~True, True & False, True | False, True ^ True)
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3, float("inf") > 10 ** 1000)
print(int("1_000"), int("0x1F", 16), int("z", 36), int(" -0b101 ", 0), float("1e-3"))
print(hash(-1), hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5), hash(-0.0), hash(True))
print(1 << 70, (1 << 70) >> 69, -1 >> 1, 255 & -16, -255 | 15, 12 ^ -5)
print(abs(-2 ** 64), max(2 ** 64, 1.5), min(-2 ** 64, -1e30), sorted([3, 1.5, 2 ** 70, -1]))
print(f"{2 ** 64:,} {12345.6789:.2e} {0.5:.0f} {1.5:.0f} {-0.0} {1e16} {1.0e-5}")
print(3 / 4, 10 / 5, 1 / 3, 2 / 3 * 3, 1e300 * 1e10, -1e300 * 1e10)
x = 0
for i in range(100):
    x += i * i
print(x, x ** 3, str(x ** 10)[:10])
print(round(2.5), round(3.5), round(-2.5), round(1.25, 1), round(1.35, 1), round(123.456, -1))
print(complex(1, 2) * complex(3, -1), (1 + 2j) / (3 - 4j), abs(3 + 4j), (2j) ** 2)
print(isinstance(True, int), type(1 + True).__name__, type(2 ** 70).__name__, int(2.5e20))
