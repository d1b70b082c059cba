# Float arithmetic with inf/nan, comparisons (nan, int vs float near 2**53), -0.0,
# min/max/abs/int/float, ** 2, true division.
inf = float('inf')
nan = float('nan')
vals = [0.0, -0.0, 1.5, -2.5, inf, -inf, nan, 1e308, -1e-320, 9007199254740993.0]

def table():
    out = []
    for i in range(len(vals) * len(vals)):
        a = vals[i // len(vals)]
        b = vals[i % len(vals)]
        out.append((a + b, a - b, a * b, a == b, a != b, a < b, a >= b, min(a, b), max(a, b)))
    return out
t = table()
for k in range(0, len(t), 7):
    print(k, t[k])

def nan_branches(n):
    c = [0, 0, 0, 0, 0]
    x = 0.0
    for i in range(n):
        x = nan if i % 3 == 0 else i * 0.5
        if x == x:
            c[0] += 1
        if x != x:
            c[1] += 1
        if x < 10.0:
            c[2] += 1
        elif x >= 10.0:
            c[3] += 1
        else:
            c[4] += 1
    return c
print(nan_branches(300))

def int_vs_float():
    big = 2**53
    out = []
    for d in range(-3, 4):
        i = big + d
        f = float(big) + 2.0 * d
        out.append((i == f, i < f, i > f, i <= f, i != f, i == float(i)))
    for i in range(100):
        if i == 99:
            out.append((i == 99.0, i < 99.5, i > 98.9999, 2**63 == 9.223372036854775808e18,
                        2**63 - 1 < 9.223372036854775808e18, -2**63 == -9.223372036854775808e18,
                        2**1000 > inf, -2**1000 < -inf, 2**1000 == nan))
    return out
for r in int_vs_float():
    print(r)

def grow():
    x = 1.5
    steps = 0
    while x != inf:
        x = x * x
        steps += 1
    return x, steps, x - x, -x, x * 0, abs(-x)
print(grow())

def powers():
    s = 0.0
    out = []
    for i in range(-50, 50):
        x = i * 0.37
        s += x ** 2 - x * x + abs(x) ** 0.5
    out.append(s)
    for x in (1e154, 1e155, -1e200):
        try:
            out.append(x ** 2)
        except OverflowError as e:
            out.append(str(e))
    return out
print(powers())

def conversions():
    r = []
    for i in range(-5, 6):
        f = i * 1.75
        r.append((int(f), float(i), int(-f), round(f), abs(f), min(i, f), max(f, i)))
    for x in (inf, -inf, nan):
        try:
            r.append(int(x))
        except (ValueError, OverflowError) as e:
            r.append(type(e).__name__ + ": " + str(e))
    return r
for x in conversions():
    print(x)

def neg_zero():
    r = []
    z = 0.0
    for i in range(60):
        z = -z if i % 2 else z * -1.0
    r.append(z)
    r.append(min(0.0, -0.0))
    r.append(max(-0.0, 0.0))
    r.append(-0.0 + 0.0)
    r.append(0.0 * -1)
    return r
print(neg_zero())

def mix_sum():
    s = 0
    for i in range(500):
        s += i
        if i == 250:
            s += 0.5
    return s
print(mix_sum())
