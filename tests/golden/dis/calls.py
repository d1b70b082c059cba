# tests/golden/dis/calls.py — calls with keywords (kwnames tuple), *args and **kwargs
# (CALLEX), method calls (LOAD_METHOD/CALLM) and builtins.
def target(a, b=0, *rest, key=None, **extra):
    return a, b, rest, key, extra


def caller(xs, opts):
    r1 = target(1, 2)
    r2 = target(1, key="k", b=3)
    r3 = target(*xs, **opts)
    r4 = target(0, *xs, key=1, **opts)
    xs.append(len(xs))
    return r1, r2, r3, r4


print(caller([1, 2], {"z": 9}))
