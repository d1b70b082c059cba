# tests/scripts/lang/yield_from_delegation.py — `yield from` forwards send(), throw()
# and close() to the inner generator and returns its return value.
def sub():
    try:
        got = yield 1
        print("sub got", got)
        yield 2
        return "sub result"
    except KeyError as e:
        print("sub caught", repr(e))
        yield 3
    finally:
        print("sub finally")


def outer():
    r = yield from sub()
    print("outer resumed", r)
    yield "outer done"


g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
g.close()
print("-- throw")
g2 = outer()
next(g2)
print(g2.throw(KeyError("k")))
g2.close()
print("-- close")
g3 = outer()
next(g3)
g3.close()
print("closed")
print("-- throw not handled by sub")
g4 = outer()
next(g4)
try:
    g4.throw(ValueError("v"))
except ValueError as e:
    print("propagated", e)
print(next(g4, "exhausted"))
