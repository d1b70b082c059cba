# tests/scripts/lang/unpacking.py — tuple/list unpacking, starred targets, nested
# targets, swaps, starred expressions in displays and calls, and their error messages.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(5)
print(h, mid, t)
x, *empty, y = (1, 2)
print(x, empty, y)
[p, q], [r, *s] = "pq", "rst"
print(p, q, r, s)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for *front, back in [(1, 2, 3), (4, 5)]:
    print(front, back)
lst = [0, 0, 0]
lst[0], lst[2] = "x", "z"
print(lst)


class O:
    pass


o = O()
o.a, o.b = 1, 2
print(o.a, o.b)
print([*range(3), *"ab", 9], (*[1], *(2, 3)), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2, 3], sep="-")
m, n = {"k1": 1, "k2": 2}
print(m, n)
i = j = k = 7
print(i, j, k)
a = b = []
a.append(1)
print(b)
v = 1, 2
w = 1,
print(v, w, type(w).__name__)


def err(thunk):
    try:
        thunk()
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__ + ":", ex)


def unpack2(val):
    a, b = val


def unpack_star(val):
    a, b, *c = val


err(lambda: unpack2([1, 2, 3]))
err(lambda: unpack2([1]))
err(lambda: unpack2(5))
err(lambda: unpack2(None))
err(lambda: unpack_star([1]))
err(lambda: unpack2(iter(range(10))))
err(lambda: unpack2({"a": 1, "b": 2, "c": 3}))
err(lambda: print(*5))
err(lambda: [*None])
err(lambda: {**[1]})
