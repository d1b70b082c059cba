# tests/scripts/lang/call_errors.py — the TypeError message of every kind of bad call.
def f(a, b):
    pass


def g(a, b=1, *, c):
    pass


def k(a, /, b):
    pass


def v(*args):
    pass


def kw_only(*, x, y):
    pass


def one():
    pass


class C:
    def m(self, a):
        pass

    def __init__(self, x):
        pass


def attempt(thunk):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)


attempt(lambda: f())
attempt(lambda: f(1))
attempt(lambda: f(1, 2, 3))
attempt(lambda: f(1, 2, c=3))
attempt(lambda: f(1, a=1))
attempt(lambda: f(1, b=2, a=3))
attempt(lambda: g(1))
attempt(lambda: g(1, 2, 3))
attempt(lambda: g(1, 2, 3, c=1))
attempt(lambda: g())
attempt(lambda: k(a=1, b=2))
attempt(lambda: k(1))
attempt(lambda: kw_only())
attempt(lambda: kw_only(1))
attempt(lambda: kw_only(x=1))
attempt(lambda: one(1))
attempt(lambda: one(x=1))
attempt(lambda: v(a=1))
attempt(lambda: C(1).m())
attempt(lambda: C(1).m(1, 2))
attempt(lambda: C())
attempt(lambda: C(1, 2))
attempt(lambda: f(*5))
attempt(lambda: f(**5))
attempt(lambda: f(**{1: 2}))
attempt(lambda: f(1, **{"a": 2}))
five, text, nothing = 5, "abc", None
attempt(lambda: five())
attempt(lambda: text())
attempt(lambda: nothing())
attempt(lambda: len())
attempt(lambda: len(1, 2))
attempt(lambda: len(5))
attempt(lambda: (lambda x: x)())
attempt(lambda: object(1))
attempt(lambda: int(1, 2, 3))
