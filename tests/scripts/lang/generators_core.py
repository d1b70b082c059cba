# tests/scripts/lang/generators_core.py — generator functions: laziness, state across
# yields, send/throw/close, yield from delegation, generator expressions, PEP 479,
# generators suspended inside loops, try/finally and with blocks.
def numbers(n):
    print("start")
    for i in range(n):
        print("yield", i)
        yield i
    print("end")


g = numbers(2)
print("created")
print(next(g))
print(list(g))
print(next(g, "exhausted"))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(12)])


def running_avg():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count


ra = running_avg()
next(ra)
print(ra.send(10), ra.send(20), ra.send(60))


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


gg = guarded()
print(next(gg))
gg.close()
print(list(gg))


def thrower():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            print("got", repr(e))


t = thrower()
next(t)
print(t.throw(KeyError("x")))
try:
    t.throw(ValueError("stop"))
except ValueError as e:
    print("propagated", e)
print(next(t, "dead"))


def sub(n):
    got = yield n
    print("sub got", got)
    return n * 100


def delegator():
    a = yield from sub(1)
    b = yield from sub(2)
    yield a + b


d = delegator()
print(next(d), d.send("s1"), d.send("s2"))
sq = (x * x for x in range(5) if x % 2 == 0)
print(type(sq).__name__, sum(sq), sum(sq))
print(list(zip((c for c in "abc"), range(10))))


def pep479():
    yield 1
    next(iter([]))


try:
    list(pep479())
except RuntimeError as e:
    print("RuntimeError:", e)


def early_return(flag):
    yield "a"
    if flag:
        return "early"
    yield "b"


print(list(early_return(True)), list(early_return(False)))
gen = early_return(True)
next(gen)
try:
    next(gen)
except StopIteration as e:
    print("StopIteration value:", e.value)


def nested_loops():
    for i in range(3):
        for j in range(i):
            yield (i, j)


print(list(nested_loops()))
its = [iter(nested_loops()) for _ in range(2)]
print(next(its[0]), next(its[1]), next(its[0]), next(its[0]))


def self_ref():
    yield me.gi_running if hasattr(me, "gi_running") else True


me = self_ref()
print(next(me))


def running_check():
    try:
        yield next(rc)
    except ValueError as e:
        yield "ValueError: " + str(e)


rc = running_check()
print(next(rc))
