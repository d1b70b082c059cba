# Counted loops: steps, empty ranges, 0/1/2 iterations, loop variable after the loop,
# reassigning the loop variable in the body, for-else, nesting, bounds near int64.
def count(a, b, s):
    n = 0
    t = 0
    last = None
    for i in range(a, b, s):
        n += 1
        t += i * (n % 3 + 1)
        last = i
    return n, t, last

for args in [(0, 100, 1), (100, 0, -1), (0, 100, 7), (99, -1, -3), (5, 5, 1), (5, 4, 1),
             (4, 5, -1), (0, 1, 1), (0, 2, 1), (1, 0, -1), (10, -10, -7), (-50, 50, 13),
             (0, 1000, 999), (9223372036854775800, 9223372036854775807, 1),
             (-9223372036854775807, -9223372036854775808, -1),
             (9223372036854775700, 9223372036854775807, 10)]:
    print(args, count(*args))

def times(n):
    r = []
    for k in (0, 1, 2, 3):
        c = 0
        for i in range(k):
            c += 10 ** i
        r.append(c)
    return r, n
print(times(0))

# the loop variable keeps its last value after the loop; unchanged by an empty loop
i = -1
for i in range(200):
    pass
print(i)
for i in range(3, 3):
    pass
print(i)

# reassigning the loop variable does not change the iteration
def reassign():
    s = 0
    seen = []
    for i in range(120):
        s += i
        i = i * 2 + 1
        s += i
        if i > 230:
            seen.append(i)
    return s, seen, i
print(reassign())

# for-else with and without break
def search(lst, x):
    for j in range(len(lst)):
        if lst[j] == x:
            break
    else:
        return -1
    return j
data = list(range(0, 300, 3))
print(search(data, 297), search(data, 298), search(data, 0), search([], 0))

# three nested loops with mixed steps
def nest(n):
    acc = 0
    for a in range(n):
        for b in range(n, 0, -2):
            for c in range(a, b):
                acc += a * b - c
            acc -= b
        acc ^= a
    return acc
print(nest(25), nest(1), nest(0))

# loop bounds computed in the loop
def tri(n):
    t = 0
    for i in range(n):
        for j in range(i):
            t += j
    return t
print(tri(60))

# range over large ints past int64 (not int64 counters any more)
s = 0
for k in range(2**64, 2**64 + 60):
    s += k
print(s)
for k in range(2**63 - 3, 2**63 + 3):
    print(k)
