# tests/scripts/lang/with_stmt.py — __enter__/__exit__: order, exception arguments,
# suppression, nesting, multiple managers, return/break inside with.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress


with CM("a") as x:
    print("body", x)
with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
with CM("d") as d1, CM("e") as e1:
    print("both", d1, e1)
with CM("outer", True):
    with CM("inner"):
        1 / 0
print("after nested")


def ret_in_with():
    with CM("r"):
        return "returned"
    return "not reached"


print(ret_in_with())
for i in range(3):
    with CM("loop" + str(i)):
        if i == 1:
            break
        continue
print("i =", i)


class NoExit:
    def __enter__(self):
        return self


try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise RuntimeError("from exit")


try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))


class Tracker:
    log = []

    def __enter__(self):
        Tracker.log.append("in")

    def __exit__(self, *exc):
        Tracker.log.append("out:" + str(exc[0] is None))


def gen_with():
    with Tracker():
        yield 1
        yield 2


for v in gen_with():
    Tracker.log.append(v)
print(Tracker.log)
with CM("xy") as (p, q):
    print(p, q)
