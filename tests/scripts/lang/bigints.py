# tests/scripts/lang/bigints.py — arbitrary-precision ints: overflow out of int64,
# arithmetic, floor division/modulo signs, shifts, bit ops, pow, conversions, repr.
a = 2 ** 63
print(a, a - 1, -a, -a - 1, type(a).__name__)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
print(2 ** 100, 3 ** 64, (-2) ** 127, 10 ** 30 // 7, 10 ** 30 % 7)
print(-(10 ** 20) // 3, -(10 ** 20) % 3, (10 ** 20) // -3, (10 ** 20) % -3)
print(divmod(10 ** 25, 12345), divmod(-10 ** 25, 12345))
print(1 << 100, (1 << 100) >> 99, -(1 << 70) >> 3, (2 ** 80) & (2 ** 80 - 1), (2 ** 80) | 1)
print((2 ** 70) ^ (2 ** 69), ~(2 ** 70), abs(-(2 ** 70)), -(-(2 ** 63)))
x = 1
for i in range(1, 40):
    x *= i
print(x, x.bit_length(), len(str(x)))
print(x // (x // 3), x % 1000007, x == x + 0, x > 2 ** 150, x < 2 ** 160)
print(pow(2, 200, 10 ** 9 + 7), pow(3, 1000, 2 ** 64), pow(7, -1, 13))
print(int("123456789012345678901234567890"), int("-" + "9" * 25), int("ff" * 10, 16))
print(hex(2 ** 70), bin(2 ** 65), oct(2 ** 64), hex(-(2 ** 64)))
print(float(2 ** 80), float(-(3 ** 50)), 2 ** 80 / 2 ** 78, (10 ** 30) / 3)
print(str(10 ** 50)[:10], repr(-(10 ** 19)), f"{2 ** 70:,}", f"{2 ** 64:x}", f"{3 ** 40:>30}")
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 64)), hash(10 ** 20))
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 2 ** 53 + 1 > 2.0 ** 53)
print(sum([2 ** 62] * 8), max(2 ** 70, 3), min(-(2 ** 70), 0), sorted([2 ** 65, 1, -(2 ** 65)]))
print(round(123456789012345678901234567890, -5), (2 ** 64) * 0, (2 ** 64) - (2 ** 64))
print(int(1e20), int(-1.5e19), int(2.0 ** 70), True + 2 ** 64)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -9223372036854775808 // -1)
print((-9223372036854775808) * -1, abs(-9223372036854775808), -9223372036854775808 % -1)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    (10 ** 400) / 1
except OverflowError as e:
    print("OverflowError:", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    10 ** 30 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(2 ** -1, (-2) ** -2, 0 ** 0, 10 ** 18 * 10, (10 ** 18 * 10) // 10)
