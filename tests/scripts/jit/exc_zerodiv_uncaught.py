# ZeroDivisionError raised inside a compiled while loop of a function called from a
# module-level loop; the error is not caught.
def step(i, d):
    return i // d

def run(n, stop):
    t = 0
    k = n
    while k > stop:
        t += step(1000000, k)
        k -= 1
    return t

for n, stop in ((3000, 0), (10000, -5)):
    print(run(n, stop))
