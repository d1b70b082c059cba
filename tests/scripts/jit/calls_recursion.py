# Loops calling Python functions (inlined by the JIT), recursion inside loops,
# while True with break, closures and default arguments.
def sq(x):
    return x * x

def poly(x, a=2, b=-3):
    return a * x * x + b * x + 1

def calls(n):
    s = 0
    for i in range(n):
        s += sq(i) - poly(i) + poly(i, b=5)
    return s
print(calls(500))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def rec_in_loop(n):
    out = 0
    for i in range(n):
        out += fact(i % 25) % 1000003 + fib(i % 12)
    return out
print(rec_in_loop(300))

def collatz(n):
    steps = 0
    while True:
        if n == 1:
            break
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
best = 0
arg = 0
for k in range(1, 3000):
    c = collatz(k)
    if c > best:
        best = c
        arg = k
print(arg, best)

def make_adder(k):
    def add(x):
        return x + k
    return add
add5 = make_adder(5)
t = 0
for i in range(400):
    t = add5(t) - i
print(t)

def varargs(*a):
    return len(a) + sum(a)
v = 0
for i in range(300):
    v += varargs(i, 1) + varargs()
print(v)

def swap_callee(i):
    return i
total = 0
fns = [swap_callee, sq, abs, float]
for i in range(-200, 200):
    total += fns[i % 4](i)
print(total)

def deep(n):
    if n == 0:
        return 0
    s = 0
    for i in range(3):
        s += deep(n - 1) + i
    return s
print(deep(6))
