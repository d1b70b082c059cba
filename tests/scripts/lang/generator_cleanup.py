# tests/scripts/lang/generator_cleanup.py — a suspended generator that becomes
# unreachable is closed (its finally block runs); GeneratorExit on close(); yield in
# finally during close() is a RuntimeError.
def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)


g = gen("deleted")
next(g)
del g
print("after del")
g = gen("rebound")
next(g)
g = None
print("after rebind")


def watcher():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


w = watcher()
next(w)
w.close()
print("closed", list(w))


def stubborn():
    try:
        yield 1
    finally:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
for v in gen("loop-break"):
    break
print("after break")
