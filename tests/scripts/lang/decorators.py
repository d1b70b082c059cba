# tests/scripts/lang/decorators.py — function and class decorators, decorator factories,
# stacking order, functools-free wrappers.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        r = fn(*args, **kwargs)
        print("ret", r)
        return r

    return wrapper


@trace
def add(a, b=0):
    return a + b


add(1, b=2)
print(add.__name__)


def tag(label):
    print("factory", label)

    def deco(fn):
        print("decorating", fn.__name__, "with", label)

        def inner(*a):
            return label + "(" + str(fn(*a)) + ")"

        return inner

    return deco


@tag("outer")
@tag("inner")
def value(x):
    return x * 2


print(value(21))


def register(registry):
    def deco(obj):
        registry.append(obj.__name__)
        return obj

    return deco


seen = []


@register(seen)
class Thing:
    pass


@register(seen)
def helper():
    pass


print(seen, Thing.__name__)


def add_method(cls):
    cls.extra = lambda self: "extra on " + type(self).__name__
    return cls


@add_method
class P:
    pass


print(P().extra())


def counting(fn):
    calls = [0]

    def w(*a):
        calls[0] += 1
        return fn(*a)

    w.calls = calls
    return w


@counting
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(15), fib.calls[0])
replaced = (lambda f: 42)


@replaced
def gone():
    pass


print(gone)
