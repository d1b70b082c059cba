# Scoping corner cases: unbound locals, del, nonlocal, class scopes, comprehensions.
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 1
    return x


unbound()


def conditional(flag):
    if flag:
        y = "set"
    try:
        return y
    except UnboundLocalError as e:
        return f"unbound: {e}"


print(conditional(True), conditional(False))


def deleted():
    z = 5
    del z
    try:
        return z
    except NameError as e:
        return type(e).__name__


print(deleted())


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    return inc


inc = counter()
print(inc(), inc(), inc())


def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]


print(late())

val = "global"


class K:
    val = "class"
    got = val
    items = [val for _ in range(2)]


print(K.got, K.items)
total = 0


def add_global(n):
    global total
    total += n


add_global(5)
add_global(6)
print(total)
try:
    print(undefined_thing)
except NameError as e:
    print("NameError:", e)


def outer():
    a = 1

    def mid():
        def inner():
            return a + 1
        return inner()

    return mid()


print(outer())
x = [1, 2, 3]
print([x for x in x if x > 1], x)
print({k: v for k, v in zip("ab", range(2))}, {i % 3 for i in range(10)})
n = 10
print(sum(i for i in range(n)), (lambda q, r=2: q * r)(3))


def walrus(data):
    if (k := len(data)) > 2:
        return k
    return -k


print(walrus([1, 2, 3]), walrus([1]))
