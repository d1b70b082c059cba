# NaN and signed zero handling: min/max propagate NaN, arg* return the first NaN,
# the nan* functions skip NaN, and ties between 0.0 and -0.0 resolve as in NumPy.
import math
import numpy as np

nan = float("nan")


def sz(v):
    if isinstance(v, np.ndarray):
        return [sz(x) for x in v.tolist()]
    if isinstance(v, list):
        return [sz(x) for x in v]
    v = float(v.item()) if hasattr(v, "item") else float(v)
    if math.isnan(v):
        return "nan"
    return ("-" if math.copysign(1.0, v) < 0 else "+") + repr(abs(v))


x = np.array([1.0, nan, 3.0, -2.0])
print(sz(x.max()), sz(x.min()), x.argmax().item(), x.argmin().item(), sz(x.sum()), sz(x.mean()), sz(x.std()))
print(sz(np.nanmax(x)), sz(np.nanmin(x)), np.nanargmax(x).item(), np.nanargmin(x).item(), sz(np.nansum(x)))
print(sz(np.nanmean(x)), sz(np.nanstd(x)), sz(np.nanvar(x)), sz(np.nanvar(x, ddof=1)), sz(np.nanprod(x)))
print(sz(np.nancumsum(x)), sz(np.nancumprod(x)), sz(np.cumsum(x)), sz(np.maximum.accumulate(x)) if False else "")
m = np.array([[nan, 1.0, 2.0], [nan, nan, 5.0], [0.5, nan, -1.0]])
for ax in [None, 0, 1]:
    print(ax, sz(m.max(axis=ax)), sz(m.min(axis=ax)), sz(np.nanmax(m, axis=ax)), sz(np.nanmin(m, axis=ax)))
    print(ax, sz(np.nansum(m, axis=ax)), sz(np.nanmean(m, axis=ax)), sz(np.nanstd(m, axis=ax)), sz(np.nanprod(m, axis=ax)))
    print(ax, sz(m.argmax(axis=ax)), sz(m.argmin(axis=ax)), sz(np.nanmean(m, axis=ax, keepdims=True)))
print(sz(np.nanargmax(m, axis=1)), sz(np.nanargmin(m, axis=0)), sz(np.nanvar(m, axis=0, ddof=1)))
allnan = np.array([[nan, nan], [1.0, nan]])
print(sz(np.nanmax(allnan, axis=1)), sz(np.nanmean(allnan, axis=1)), sz(np.nanvar(allnan, axis=1)), sz(np.nansum(allnan, axis=1)))
print(sz(np.nanmax([nan, 2.0, 1.0])), sz(np.nanmin([[nan, nan], [1.0, 2.0]], axis=1)))
print(sz(np.nanmean(np.arange(4))), sz(np.nanmax(np.arange(4))), sz(np.nansum(np.arange(4))), sz(np.nanstd(np.arange(4))))
f32 = np.array([1.5, nan, -0.5], dtype=np.float32)
print(np.nanmean(f32).dtype, sz(np.nanmean(f32)), np.nanstd(f32).dtype, sz(np.nanstd(f32)), np.nanmax(f32).dtype)
cx = np.array([1 + 1j, complex(nan, 0), 2 - 1j])
print(sz(np.abs(1.0)) if False else "", cx.max().item(), cx.argmax().item(), np.nansum(cx).item(), np.nanmean(cx).item())
# signed zeros: which zero survives depends on NumPy's vector lanes and loop order
z = [0.0, -0.0]
for n in [2, 3, 8, 9, 10, 17, 33, 65, 100]:
    for pattern in range(4):
        vals = [z[(i * 7 + pattern * 3 + (i // 3)) % 2] for i in range(n)]
        a = np.array(vals)
        b = a.astype(np.float32)
        print(n, pattern, sz(a.max()), sz(a.min()), sz(b.max()), sz(b.min()), sz(a.sum()), sz(np.nanmax(a)),
              sz(np.nanmin(b)), a.argmax().item(), a.argmin().item())
zz = np.array([[0.0, -0.0, 0.0], [-0.0, 0.0, -0.0]])
print(sz(zz.max(axis=0)), sz(zz.min(axis=0)), sz(zz.max(axis=1)), sz(zz.min(axis=1)), sz(zz.sum(axis=0)))
print(sz(np.array([-0.0]).sum()), sz(np.array([-0.0, -0.0]).prod()), sz(np.array([-0.0]).cumsum()), sz(np.array([-0.0]).mean()))
print(sz(np.sum(np.array([-0.0]), initial=-0.0)), sz(np.max(np.array([-0.0]), initial=0.0)), sz(np.max(np.array([0.0]), initial=-0.0)))
inf = float("inf")
print(sz(np.array([inf, -inf]).sum()), sz(np.array([inf, 1.0]).max()), sz(np.array([-inf, inf]).min()), sz(np.array([inf, inf]).mean()))
