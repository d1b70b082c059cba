# Reductions over every axis of int, float and bool arrays; values via tolist()/item().
import numpy as np


def show(label, r):
    if isinstance(r, np.ndarray):
        print(label, r.dtype, r.shape, r.tolist())
    else:
        print(label, type(r).__name__, r.item())


a = np.arange(1, 13).reshape(3, 4)
f = np.array([[0.5, -1.5, 2.25, 3.0], [4.5, 0.0, -2.0, 7.75], [1.0, 1.0, -0.5, 2.5]])
t = np.arange(24).reshape(2, 3, 4)
b = np.array([[True, False, True], [False, False, True]])
for name, x in [("a", a), ("f", f), ("t", t), ("b", b)]:
    axes = [None] + list(range(x.ndim)) + list(range(-x.ndim, 0))
    if x.ndim == 3:
        axes += [(0, 1), (0, 2), (1, 2), (2, 0), (0, 1, 2), ()]
    for ax in axes:
        show(f"{name}.sum({ax})", x.sum(axis=ax))
        show(f"{name}.prod({ax})", x.prod(axis=ax))
        show(f"{name}.max({ax})", x.max(axis=ax))
        show(f"{name}.min({ax})", np.min(x, axis=ax))
        show(f"{name}.mean({ax})", x.mean(axis=ax))
        show(f"{name}.std({ax})", np.std(x, axis=ax))
        show(f"{name}.var({ax})", x.var(axis=ax))
        show(f"{name}.any({ax})", x.any(axis=ax))
        show(f"{name}.all({ax})", np.all(x, axis=ax))
        show(f"{name}.sum({ax}, keepdims)", x.sum(axis=ax, keepdims=True))
        show(f"{name}.max({ax}, keepdims)", np.amax(x, axis=ax, keepdims=True))
        show(f"{name}.mean({ax}, keepdims)", np.mean(x, axis=ax, keepdims=True))
    for ax in [None] + list(range(x.ndim)) + [-1]:
        show(f"{name}.argmax({ax})", x.argmax(axis=ax))
        show(f"{name}.argmin({ax})", np.argmin(x, axis=ax))
        show(f"{name}.argmax({ax}, keepdims)", np.argmax(x, axis=ax, keepdims=True))
        show(f"{name}.cumsum({ax})", x.cumsum(axis=ax))
        show(f"{name}.cumprod({ax})", np.cumprod(x, axis=ax))
        if x.dtype != np.bool_:
            show(f"{name}.ptp({ax})", x.ptp(axis=ax))
            show(f"np.ptp({name}, {ax})", np.ptp(x, axis=ax))
show("std ddof=1", a.std(ddof=1))
show("var ddof=2 axis 0", np.var(a, axis=0, ddof=2))
show("std ddof=1 axis 1", np.std(f, 1, None, None, 1))
show("mean dtype f4", a.mean(dtype=np.float32))
show("sum positional", a.sum(0, np.float32))
show("sum initial", a.sum(initial=100))
show("max initial", a.max(axis=1, initial=9))
show("min initial", np.min(a, initial=-5))
show("prod initial", np.prod(a, axis=0, initial=2))
show("np.sum list", np.sum([[1, 2], [3, 4]], axis=1))
show("np.mean list", np.mean([1, 2, 3, 4]))
show("np.max scalar", np.max(7))
show("np.sum bool scalar", np.sum(True))
show("np.cumsum scalar", np.cumsum(5))
show("np.argmax scalar", np.argmax(2.5))
show("np.product", np.product([2, 3, 4]))
show("np.cumproduct", np.cumproduct([2, 3, 4]))
show("np.sometrue", np.sometrue([0, 0, 3]))
show("np.alltrue", np.alltrue([1, 0, 3]))
show("np.amin", np.amin([[5, 2], [7, 1]], axis=0))
