# np.format_float_positional / np.format_float_scientific: digits, rounding, trimming,
# padding, float32 digits and argument errors.
import numpy as np

ffp = np.format_float_positional
ffs = np.format_float_scientific

values = [0.0, -0.0, 1.0, -1.5, 0.1, 0.5, 2.5, 0.125, 0.375, 1 / 3, 2 / 3, 0.15, 0.35,
          0.005, 0.0996, 9.9996, 0.999999, 0.0004, 1e-4, 1e-5, 123.456, 100.0, 1e8,
          1e16, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 123456789.0,
          1.2345678901234568e20, 2.0 ** 53, 2.0 ** -20, 3.14159265358979]
for v in values:
    print(repr(v), ffp(v), ffs(v), ffp(v, precision=2), ffs(v, precision=2),
          ffp(v, precision=3, unique=False), ffs(v, precision=3, unique=False))
    print("   ", ffp(v, trim="."), ffp(v, trim="0"), ffp(v, trim="-"), ffs(v, trim="-"),
          ffs(v, trim="0"), ffp(v, min_digits=3), ffs(v, min_digits=3), ffp(v, sign=True),
          ffs(v, exp_digits=3), ffp(v, fractional=False, precision=3))

for v in [np.nan, np.inf, -np.inf]:
    print(ffp(v), ffs(v), ffp(v, sign=True), ffs(v, sign=True), repr(ffp(v, pad_left=6)))

# rounding at the cutoff: half-even on the exact binary value, zeros kept when
# rounding down, carried zeros dropped when rounding up
for v, p in [(0.004, 2), (0.006, 2), (0.0996, 2), (0.994, 2), (9.9996, 3), (0.10000001, 3),
             (1.0000001, 3), (100.00001, 2), (1.19999999, 4), (0.4, 0), (0.6, 0), (1e-20, 3),
             (-0.0001, 2)]:
    print(v, p, ffp(v, precision=p), ffp(v, precision=p, trim="."),
          ffp(v, precision=p, unique=False), ffs(v, precision=p), ffs(v, precision=p, trim="-"))

# min_digits: exact digits past the shortest ones
for v, m in [(0.1, 20), (0.3, 17), (0.3, 16), (1.0, 3), (123.0, 2), (1e20, 0), (0.5, 16)]:
    print(v, m, ffp(v, min_digits=m), ffs(v, min_digits=m), ffp(v, min_digits=m, fractional=False))

# padding
for v in [1.5, -1.5, 1.0, 123.25, -0.0]:
    print(repr(ffp(v, pad_left=5, pad_right=4)), repr(ffp(v, pad_left=5, pad_right=4, trim="-")),
          repr(ffs(v, pad_left=4)), repr(ffp(v, pad_left=2, pad_right=0, trim="0")))

# float32 values use float32's shortest digits
f32 = [np.float32(0.1), np.float32(1 / 3), np.float32(16777217.0), np.float32(3.4e38),
       np.float32(1e-45), np.float32(123456789.0)]
for v in f32:
    print(ffp(v), ffs(v), ffp(v, unique=False, precision=12), ffs(v, precision=3))
print(ffp(np.int64(5)), ffp(True), ffp(7), ffs(np.uint8(200)), ffp(np.float64(2.5)))

bad = [
    lambda: ffp(1.0, unique=False),
    lambda: ffs(1.0, unique=False),
    lambda: ffp(1.0, precision=-1),
    lambda: ffp(1.0, pad_left=-2),
    lambda: ffs(1.0, exp_digits=-1),
    lambda: ffp(1.0, precision=1.5),
    lambda: ffp("a"),
    lambda: ffp(1 + 2j),
    lambda: ffp(None),
    lambda: ffp(1.0, fractional=False, precision=0),
    lambda: ffp(1.0, min_digits=5, precision=3),
    lambda: ffp(1.0, trim="x"),
    lambda: ffs(1.0, trim="xy"),
]
for f in bad:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
