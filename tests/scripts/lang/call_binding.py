# tests/scripts/lang/call_binding.py — argument binding: positional, defaults, keywords,
# *args/**kwargs, keyword-only and positional-only parameters, call-site unpacking.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 10, "z": 1}))
print(f(1, *(2, 3), *[4], c=0, **{"q": 1}, **{"r": 2}))


def g(x, y, /, z=0, *, w=1):
    return x, y, z, w


print(g(1, 2), g(1, 2, 3), g(1, 2, z=5, w=6))


def h(*args, **kwargs):
    return args, kwargs


print(h())
print(h(1, 2, a=3))
print(h(*"ab", **dict(x=1)))


def defaults_are_shared(x, acc=[]):
    acc.append(x)
    return acc


print(defaults_are_shared(1), defaults_are_shared(2))
print(f.__name__, g.__defaults__, f.__kwdefaults__)


def mutable_kw(**kw):
    kw["new"] = 1
    return kw


d = {"a": 1}
print(mutable_kw(**d), d)

lam = lambda x, y=10, *r, **k: (x, y, r, k)
print(lam(1), lam(1, 2, 3, k=4))


class C:
    def m(self, a, b=1):
        return a + b


print(C().m(1), C().m(a=2, b=3), C.m(C(), 4))
bm = C().m
print(bm(5))
