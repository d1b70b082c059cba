# int64 overflow inside hot loops: results become big ints mid-loop and back.
def grow(x, m, n):
    out = []
    for i in range(n):
        x = x * m + i
        if i % 10 == 9:
            out.append(x)
    return out
print(grow(3, 3, 60)[-3:])
print(grow(-3, 7, 40)[-2:])

def add_up(start, step, n):
    x = start
    for i in range(n):
        x += step
    return x
print(add_up(9223372036854775800, 1, 100))
print(add_up(-9223372036854775800, -1, 100))
print(add_up(9223372036854775807 - 150, 3, 100))

def back_and_forth():
    x = 9223372036854775000
    trace = []
    for i in range(200):
        x += 100
        if x > 9223372036854775807:
            x -= 2000
            trace.append(i)
    return x, trace[:5], len(trace)
print(back_and_forth())

def edge_ops():
    res = []
    vals = [9223372036854775807, -9223372036854775807 - 1, 3037000499, 3037000500, -1, 0, 1]
    for k in range(100):
        v = vals[k % 7]
        res.append((-v, abs(v), v * v, v + v, v - 1, v * -1) if k >= 93 else None)
    return res[93:]
for r in edge_ops():
    print(r)

def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a
print(fib(90), fib(93), fib(100), fib(150))

def shrink():
    x = 2**70
    n = 0
    while x > 1:
        x //= 3
        n += 1
    return n, x
print(shrink())

def mixed_sum():
    s = 0
    for i in range(1000):
        s += 9223372036854775807 if i % 2 else -9223372036854775807
    return s
print(mixed_sum())

g = 1
for i in range(130):
    g = g * 2 + 1
print(g, g.bit_length())
