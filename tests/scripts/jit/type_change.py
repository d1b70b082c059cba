# Variables whose type changes mid-loop: int -> float, int -> None, int -> big int,
# float -> int, and back; the compiled loop must exit and the interpreter carry on.
def int_to_float(n, at):
    x = 0
    out = []
    for i in range(n):
        x += 1
        if i == at:
            x = x * 0.5
        if i % 25 == 0:
            out.append(x)
    return x, out
print(int_to_float(200, 120))
print(int_to_float(200, 3))

def to_none(n):
    x = 5
    hits = 0
    for i in range(n):
        if i % 50 == 49:
            x = None
        elif x is None:
            x = i
        else:
            x += 2
        if x is None:
            hits += 1
    return x, hits
print(to_none(400))

def float_to_int():
    v = 1.5
    s = []
    for i in range(150):
        v = v * 2 if i < 100 else int(v) % 1000 + i
        if i % 30 == 29:
            s.append(v)
    return v, s
print(float_to_int())

def alternating():
    x = 0
    for i in range(300):
        if i % 2:
            x = x + 1
        else:
            x = x + 0.5
    return x, type(x).__name__
print(alternating())

def to_str():
    x = 0
    for i in range(100):
        if i == 90:
            x = str(x)
        if isinstance(x, str):
            x = x + "!"
        else:
            x = x + i
    return x
print(to_str())

def bool_int():
    t = 0
    f = True
    for i in range(200):
        t += f
        f = not f
        if i == 150:
            f = 7
    return t, f
print(bool_int())

g = 0
for i in range(300):
    if i == 150:
        g = g / 4
    g += i
print(g)
