# Generators: send, throw, close, yield from, return values, expressions.
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received


g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)


def inner():
    yield 1
    yield 2
    return "inner done"


def outer():
    r = yield from inner()
    yield r
    yield from range(3)


print(list(outer()))


def catcher():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"
    yield "after"


c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))


def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closing")


cl = closer()
print(next(cl))
cl.close()
print("closed")

squares = (x * x for x in range(5))
print(type(squares).__name__, next(squares), list(squares))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(12)])
print(sum(x for x in range(10) if x % 3), max((len(w), w) for w in "a bb ccc".split()))


def countdown(n):
    while n:
        yield n
        n -= 1


print(list(zip(countdown(3), "abc")), dict(enumerate(countdown(2))))
gen = countdown(2)
print(list(gen), list(gen))
try:
    next(gen)
except StopIteration:
    print("exhausted")


def stop_inside():
    yield 1
    raise StopIteration


try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e)
