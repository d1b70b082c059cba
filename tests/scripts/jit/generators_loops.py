# Hot loops inside generators, and loops consuming generators.
def squares(n):
    for i in range(n):
        yield i * i

def evens(n):
    i = 0
    while i < n:
        if i % 2 == 0:
            yield i
        i += 1

def inner_loop_gen(n):
    for i in range(n):
        s = 0
        for j in range(200):
            s += j * i
        yield s

print(sum(squares(1000)), sum(evens(999)), list(inner_loop_gen(4)))
t = 0
for v in squares(500):
    t += v % 7
print(t)

def running(xs):
    acc = 0.0
    for x in xs:
        acc += x
        yield acc
print(list(running([0.5] * 10))[-1], list(running([])))

def gen_raises(n):
    for i in range(n):
        if i == 300:
            raise ValueError("gen %d" % i)
        yield i
c = 0
try:
    for v in gen_raises(1000):
        c += v
except ValueError as e:
    print(c, e)

g = squares(300)
first = [next(g) for _ in range(200)]
print(first[-1], next(g), sum(g))

def early_close(n):
    for i in range(n):
        yield i
s = 0
for v in early_close(10**6):
    s += v
    if v == 250:
        break
print(s)
print(max(x * (100 - x) for x in range(100)))
