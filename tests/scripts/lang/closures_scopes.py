# tests/scripts/lang/closures_scopes.py — closures, late binding, nonlocal, global,
# class-body scoping and cells shared between closures.
def counter():
    n = 0

    def inc(by=1):
        nonlocal n
        n += by
        return n

    def get():
        return n

    return inc, get


inc, get = counter()
inc()
inc(5)
print(get())
inc2, get2 = counter()
print(inc2(), get(), get2())

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])


def outer():
    x = "outer"

    def middle():
        def inner():
            return x

        return inner

    return middle()()


print(outer())

total = 0


def add_global(v):
    global total
    total += v


add_global(3)
add_global(4)
print(total)


def define_global():
    global created_later
    created_later = "made"


define_global()
print(created_later)


def nested_nonlocal():
    a = 1

    def lvl1():
        def lvl2():
            nonlocal a
            a = a * 10

        lvl2()
        lvl2()

    lvl1()
    return a


print(nested_nonlocal())

x = "module"


class K:
    x = "class"
    y = [x for _ in range(1)]

    def meth(self):
        return x


print(K.y, K().meth())


def make_adders():
    return [(lambda n: lambda v: v + n)(n) for n in range(3)]


print([a(10) for a in make_adders()])


def cell_after_loop():
    fns = []
    for i in range(3):
        def f():
            return i

        fns.append(f)
    i = 99
    return [f() for f in fns]


print(cell_after_loop())


def rebinding_param(x):
    def show():
        return x

    x = x + 1
    return show()


print(rebinding_param(1))
