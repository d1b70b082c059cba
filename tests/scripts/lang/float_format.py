# tests/scripts/lang/float_format.py — float repr (shortest round-trip), str, format
# specs (f e g % n, width, fill, sign, grouping), %-formatting, special values, round.
vals = [0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4,
        5e-324, 1.7976931348623157e308, -0.0, 0.0, 100.0, 1.5e300 * 1e10, 2.5, 1e22, 1e-7,
        0.000123, 123.456, float("nan"), -float("inf")]
for v in vals:
    print(repr(v), str(v))
print(1e16 + 1, 3 * 1.1, 0.1 * 3, 1.1 + 2.2, 100 / 3, 2 ** 0.5, 10 / 4, 7 / 7)
x = 1234.5678
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^12.2f}|{x:+.1f}|{x:e}|{x:.3e}|{x:g}|{x:.3g}")
print(f"{x:,.2f}|{x:_.1f}|{x:010.2f}|{-x:010.2f}|{x:%}|{0.256:.1%}|{x:*>12.1f}|{x: .1f}")
print(f"{1e-10:g}|{1e16:g}|{123456789.0:g}|{0.0001:g}|{1e-5:g}|{1.0:g}|{100.0:.0f}|{2.5:.0f}")
print(f"{3.0}|{3.0:}|{3.0:.0e}|{1e100:.2E}|{float('inf'):8.2f}|{float('nan'):+f}|{-0.0:.1f}")
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.675, ".2f"), format(1e-300, ".3g"))
print("%.3f %5.1f %-8.2e| %g %G %s %r %d %i" % (x, x, x, 1e-9, 1e-20, 0.1, 0.1, 3.9, -2.7))
print("%10s|%-10s|%05d|%+d|%x|%X|%o|%c|%%" % ("a", "b", 42, 5, 255, 255, 8, 65))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2), round(1234.5, -2))
print(round(1e300, 2), round(-0.5), round(5, -1), round(15, -1), round(25.0, -1), type(round(2.5)))
print(float("1e500"), float("-inf"), float(" 12.5 "), float("1_000.5"), float(7), float(True))
print(1e308 * 10, -1e308 * 10, 0.1 + 0.7, 1 - 0.9, 4.35 * 100, 8.675 * 100)
print(int(3.99), int(-3.99), 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.0 % -3, divmod(7.5, 2))
print(2.0 ** 10, 2 ** -2.0, (-8) ** (1 / 3) if False else "skip", 1.0 == 1, 0.1 + 0.2 == 0.3)
print(float.fromhex("0x1.8p1") if hasattr(float, "fromhex") else 3.0, (0.5).is_integer(),
      (2.0).is_integer(), (0.75).as_integer_ratio())
print(str(1e16), str(1.0e-4), repr(12345678901234567.0), repr(0.30000000000000004))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    f"{1.5:d}"
except ValueError as e:
    print("ValueError:", e)
