# tests/scripts/lang/module_random.py — random: CPython's MT19937 streams bit-exact
# (seed with ints, big ints, negative ints, strings; random, randint, randrange,
# uniform, choice, shuffle, sample, gauss, getrandbits, choices, state save/restore).
import random

random.seed(42)
print([random.random() for _ in range(5)])
random.seed(42)
print(random.random())
random.seed(0)
print(random.randint(1, 10), random.randint(1, 10), random.randrange(100),
      random.randrange(0, 100, 7))
print(random.uniform(1.5, 2.5), random.getrandbits(8), random.getrandbits(64),
      random.getrandbits(100))
random.seed(12345)
lst = list(range(10))
random.shuffle(lst)
print(lst, random.choice("abcdef"), random.sample(range(100), 5), random.choice([10, 20, 30]))
random.seed(7)
print(random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(5, 2))
print(random.expovariate(1.5), random.triangular(0, 10, 3), random.betavariate(2, 3))
random.seed(2 ** 80 + 12345)
print(random.random(), random.randint(0, 2 ** 70))
random.seed(-5)
print(random.random())
random.seed(5)
print(random.random())
random.seed("hello")
print(random.random())
random.seed(99)
print(random.choices("abc", k=5), random.choices([1, 2, 3], weights=[10, 1, 1], k=4))
print(random.sample(["x", "y", "z"], 3), random.randrange(10, 0, -3), random.random())
r = random.Random(42)
print(r.random(), r.randint(0, 100))
random.seed(42)
print(random.random() == random.Random(42).random())
for bad in [lambda: random.randint(5, 1), lambda: random.choice([]),
            lambda: random.randrange(0), lambda: random.sample([1, 2], 3)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
