# A while loop with a math intrinsic (guarded finite result) and an int counter.
import math


def f(x):
    n = 0
    while x > 1.0:
        x = math.sqrt(x) - 0.01
        n += 1
    return n, x


print(f(1e6))
