# tests/scripts/lang/compare_assert_del.py — chained comparisons (single evaluation,
# short-circuit), identity/membership, assert with and without message, del of names,
# items, slices and attributes, and the errors after del.
def val(v, tag):
    print("eval", tag)
    return v


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 >= 2 > 1, 1 == 1.0 == True, 1 < 2 > 0)
print(val(1, "a") < val(5, "b") < val(3, "c") < val(9, "d"))
x = 5
print(0 <= x < 10, 0 <= x < 5, x is not None is not False, 2 in [1, 2] in [[1, 2]])
if 1 < x <= 5 != 6:
    print("chained in if")
while 0 < x < 7:
    x += 1
print("x", x)
print("a" < "b" < "c", [1, 2] < [1, 3], (1, "a") < (1, "b"), None is None)
try:
    print(1 < "a" < 3)
except TypeError as e:
    print("TypeError:", e)
print(1 > 2 < "never evaluated")
assert x == 7
assert x == 7, "no message"
try:
    assert x < 0
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert x < 0, f"x was {x}"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], ("tuple", 1)
except AssertionError as e:
    print("AssertionError args", e.args)
y = 1
del y
try:
    print(y)
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)


class O:
    pass


o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)


def local_del():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(local_del())
a, b, c = 1, 2, 3
del a, b
print("a" in globals(), "b" in globals(), c)
try:
    del undefined_name
except NameError as e:
    print("NameError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
print(not 1 == 2, not (1 < 2 < 3), (1 < 2) == (2 < 3))
print(1 if 0 else 2 if 0 else 3, 0 or "" or None or "last", 1 and [] and 3)
print(float("nan") == float("nan"), float("nan") != float("nan"))
nan = float("nan")
print([nan] == [nan], nan in [nan], (nan,) == (nan,))
