# A tour of what pyjitvm runs: classes, generators, closures, big ints, f-strings.
import math


class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1


gen = primes()
first = [next(gen) for _ in range(10)]
v = Vector(3, 4) + Vector(1, 2)
print("hello from pyjitvm")
print("primes:", first)
print("vector:", v, "length:", round(abs(v), 6))
print("2**100 =", 2 ** 100)
print(f"{math.pi:.10f} {sum(i * i for i in range(1000)):,}")
