# A float reduction over a counted loop: one trace, the accumulator carried.
def f(n):
    s = 0.0
    for i in range(n):
        s += i * 0.5
    return s
print(f(100))
