# tests/scripts/lang/generator_cleanup.py — a generator abandoned by `break` or
# `return` out of its for loop is closed at once (its finally block runs);
# GeneratorExit on close(); yield in finally during close() is a RuntimeError.
# (Finalising a generator on `del` needs reference counting; pyjitvm does not do
# that — see vm/README.md.)
def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)




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


def first(tag):
    for v in gen(tag):
        return v


print(first("loop-return"))
