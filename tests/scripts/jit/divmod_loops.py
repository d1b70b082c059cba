# // and % with negative operands, zero divisors caught inside loops, float // %.
def idiv():
    out = []
    for a in range(-7, 8):
        row = []
        for b in range(-3, 4):
            try:
                row.append((a // b, a % b))
            except ZeroDivisionError as e:
                row.append(str(e))
        out.append(row)
    return out
for row in idiv():
    print(row)

def hot_div(n):
    s = 0
    errs = 0
    for i in range(n):
        d = i % 7 - 3
        try:
            s += (i * 13 - 500) // d + (i * 7 - 300) % d
        except ZeroDivisionError:
            errs += 1
    return s, errs
print(hot_div(1000))

def fdiv():
    s = 0.0
    errs = []
    for i in range(200):
        b = (i % 9 - 4) * 0.5
        try:
            s += (i - 100.5) // b + (i * 0.25 - 7) % b + i / b
        except ZeroDivisionError as e:
            errs.append(str(e))
    return s, errs[:2], len(errs)
print(fdiv())

def mixed():
    out = []
    for i in range(100):
        a = -9223372036854775807 - 1 if i % 2 else 9223372036854775807
        b = -1 if i % 3 else 3
        out.append((a // b, a % b))
    return out[-4:]
print(mixed())

def truediv():
    s = 0.0
    for i in range(1, 300):
        s += 1 / i - (-i) / 7 + 2**60 / i
    return s
print(truediv())

def zero_float():
    r = []
    for x in (0, 0.0, -0.0):
        for y in (1, -1, 2.5):
            try:
                r.append(y / x)
            except ZeroDivisionError as e:
                r.append(type(e).__name__ + ": " + str(e))
            try:
                r.append(y % x)
            except ZeroDivisionError as e:
                r.append(str(e))
            try:
                r.append(y // x)
            except ZeroDivisionError as e:
                r.append(str(e))
    return r
for x in zero_float():
    print(x)
