# np.array2string / np.array_repr / np.array_str with their keywords, format() and
# f-strings of arrays, and what those functions reject.
import numpy as np

nan = float("nan")
x = np.array([1e-16, 1.0, 2.0, 3.0])
a = np.arange(3)
m = np.array([i / 3 for i in range(24)]).reshape(2, 3, 4)
print(np.array2string(x, precision=2, separator=",", suppress_small=True))
print(np.array2string(a, formatter={"int": lambda v: hex(int(v))}))
print(np.array2string(np.arange(3.0), formatter={"float_kind": lambda v: "%.2f" % float(v)}))
print(np.array2string(m, separator=", ", prefix="prefix(", suffix=")"))
print(np.array2string(m, max_line_width=20, threshold=10, edgeitems=1))
print(np.array2string(m, sign="+", floatmode="fixed", precision=3))
print(np.array2string(np.arange(40), max_line_width=30, separator="; "))
print(np.array2string(np.array([nan, 1.5]), sign=" "))
print(np.array2string(np.array(2.5)), np.array2string(np.array([], dtype=np.int8)))
print(np.array2string(np.float64(0.25)), np.array2string(np.int32(3)))
print(np.array2string(np.arange(6).reshape(2, 3), legacy="1.13", separator=", "))
print(np.array2string(np.array([[1.5, 2.0]]), suffix="))))))))))))))))))))))))))))))))))))))))))))"))
print(np.array_repr(m, max_line_width=40, precision=2))
print(np.array_repr(np.arange(10, dtype=np.int16), max_line_width=20))
print(np.array_repr(np.array([1e-12, 1.0]), suppress_small=True))
print(np.array_repr(np.zeros((2, 0))), np.array_repr(np.array(7)))
print(np.array_str(m, max_line_width=30, precision=1))
print(np.array_str(np.array([1e-12, 1.0]), suppress_small=True), np.array_str(np.array(1 / 3)))
print(format(np.arange(3), ""), "{}".format(np.arange(4.0)), f"{np.array([True])}")
print(format(np.array(1.5), ".2f"), f"{np.array(7):>5}|", f"{np.array(2.5, dtype=np.float32)}")
print(f"{m}")
for f in [lambda: format(np.arange(3), "d"), lambda: f"{np.zeros(2):.2f}",
          lambda: np.array2string([1, 2]), lambda: np.array_repr([1, 2]),
          lambda: np.array_str([1.5, 2]), lambda: np.array2string(a, precision="a"),
          lambda: np.array2string(a, floatmode="bad"), lambda: np.array2string(a, sign="*"),
          lambda: np.array2string(np.array([1.5]), precision=-1), lambda: np.get_printoptions(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
