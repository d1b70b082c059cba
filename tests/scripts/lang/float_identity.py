# tests/scripts/lang/float_identity.py — identity of float objects: containers compare
# items with an identity shortcut, so two distinct NaN objects differ while one NaN
# object equals itself.
a = float("nan")
b = float("nan")
print(a is a, a is b, [a] == [a], [a] == [b], a in [b], (a,) == (b,), {a: 1}.get(b))
print(float("nan") is float("nan"), [float("nan")] == [float("nan")])
x = 1e300 * 10
y = float("inf")
print(x == y, [x] == [y], -0.0 == 0.0, [-0.0] == [0.0])
