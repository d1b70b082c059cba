# Loops of 10**6 iterations (cheap bodies): counters, float sums, while loops.
s = 0
for i in range(1000000):
    s += i & 7
print(s)

def fsum(n):
    t = 0.0
    for i in range(n):
        t += 0.5
    return t
print(fsum(1000000))

def wcount(n):
    i = 0
    c = 0
    while i < n:
        i += 1
        if i % 1000 == 0:
            c += 1
    return c
print(wcount(1000000))
