from numba import typed, types, njit
from numba.experimental import jitclass
d = typed.Dict.empty(key_type=types.unicode_type, value_type=types.float64)
d["a"] = 1
d["b"] = 2.5
print(d, len(d), d["a"], type(d["a"]).__name__, list(d.keys()), "a" in d)
l = typed.List()
l.append(1); l.append(2)
print(l, len(l), l[0])
l2 = typed.List([1.0, 2.0])
print(l2, type(l2).__name__, type(d).__name__)
try:
    d[1] = 2.0
except Exception as e:
    print(type(e).__name__)
try:
    d["x"] = "s"
except Exception as e:
    print(type(e).__name__)
print(typed.Dict.empty(types.int64, types.int64))
