# math.sqrt/exp/log/sin/floor/... in hot loops, with domain errors caught.
import math

def vals(n):
    s = 0.0
    for i in range(1, n):
        x = i * 0.01
        s += math.sqrt(x) + math.exp(-x) + math.log(x) + math.sin(x) + math.cos(x)
        s += math.floor(x * 3.7) + math.ceil(-x) + math.trunc(x * 2.5) + math.fabs(-x)
        s += math.atan(x) + math.tanh(x) + math.log10(x) + math.hypot(x, 1.0)
    return s
print(vals(1000))

def domain():
    out = []
    errs = {}
    for i in range(-30, 30):
        x = i * 25.0
        for name, fn in (("sqrt", math.sqrt), ("log", math.log), ("exp", math.exp)):
            try:
                out.append(fn(x))
            except (ValueError, OverflowError) as e:
                key = name + " " + type(e).__name__ + " " + str(e)
                errs[key] = errs.get(key, 0) + 1
    return sum(out), sorted(errs.items())
print(domain())

def special():
    out = []
    for x in (float('inf'), float('-inf'), float('nan'), 1e308, -0.0):
        for fn in (math.sqrt, math.exp, math.log, math.sin, math.floor, math.isnan, math.isinf):
            try:
                out.append(fn(x))
            except (ValueError, OverflowError) as e:
                out.append(type(e).__name__)
    return out
print(special())

def floors():
    t = 0
    for i in range(-200, 200):
        t += math.floor(i / 7) * 3 + math.ceil(i / 7) - int(i / 7)
    return t
print(floors())

def first_error():
    x = 50.0
    for i in range(1000):
        x = x - 0.25
        math.sqrt(x)
print(first_error.__name__)
try:
    first_error()
except ValueError as e:
    print("ValueError", e)

def ovf():
    x = 1.0
    for i in range(2000):
        x = math.exp(i * 0.5)
    return x
try:
    ovf()
except OverflowError as e:
    print("OverflowError", e)
