# JIT bug: in an outer loop that calls a compiled inner while-loop trace (CALLTRACE)
# which stores a global, the outer trace reuses the global's value loaded before the
# call (GLD CSE'd across the CALLTRACE), so `g += w` adds to a stale g.
g = 2

def f():
    global g
    p = 0
    for i in range(100):
        p = g % 1000
        w = 0
        while w < 5:
            w += 1
            g = i
        g += w
    return p

print(f(), g)
