# Float sums, means and standard deviations must carry NumPy's exact bits: pairwise
# summation per contiguous run, 8192-element buffer chunks, row-wise accumulation for
# outer axes, float32 accumulated in float32. Values print as float.hex().
import random
import numpy as np

random.seed(2024)


def data(n):
    return [(random.random() - 0.5) * 2.0 ** random.randint(-12, 12) for _ in range(n)]


def flat(v):
    if isinstance(v, list):
        out = []
        for x in v:
            out.extend(flat(x))
        return out
    return [v]


def hx(r):
    if isinstance(r, np.ndarray):
        vals = flat(r.tolist())
        if len(vals) <= 12:
            return " ".join(float(v).hex() for v in vals)
        return "n=%d first=%s last=%s total=%s" % (len(vals), float(vals[0]).hex(), float(vals[-1]).hex(),
                                                   float(sum(vals)).hex())
    return float(r).hex()


for shape in [(5,), (7,), (8,), (9,), (127,), (128,), (129,), (1000,), (8191,), (8192,), (8193,), (20000,),
              (3, 50), (50, 3), (13, 130), (4, 5, 40), (40, 5, 4), (2, 9000)]:
    n = 1
    for s in shape:
        n *= s
    base = np.array(data(n)).reshape(shape)
    for dt in ["float64", "float32"]:
        x = base.astype(dt)
        for name, v in [("C", x), ("T", x.T)]:
            axes = [None] + list(range(v.ndim))
            if v.ndim == 3:
                axes += [(0, 2), (1, 2), (0, 1)]
            for ax in axes:
                print(shape, dt, name, ax, "sum", hx(v.sum(axis=ax)))
                print(shape, dt, name, ax, "mean", hx(v.mean(axis=ax)))
                print(shape, dt, name, ax, "std", hx(v.std(axis=ax)))
                print(shape, dt, name, ax, "var1", hx(np.var(v, axis=ax, ddof=1)))
            print(shape, dt, name, "max/min", hx(v.max()), hx(v.min()), v.argmax().item(), v.argmin().item())
            print(shape, dt, name, "cumsum", hx(np.cumsum(v)))
            print(shape, dt, name, "sum f64", hx(v.sum(dtype=np.float64)), "mean f64", hx(v.mean(dtype=np.float64)))
ints = np.array([random.randint(-10 ** 6, 10 ** 6) for _ in range(30000)])
print("int mean", hx(ints.mean()), "std", hx(ints.std()), "var", hx(ints.var()), "sum f4", hx(ints.sum(dtype=np.float32)))
print("int32 mean", hx(ints.astype(np.int32).reshape(100, 300).mean(axis=1)))
c = np.array([complex(a, b) for a, b in zip(data(300), data(300))])
print("complex sum", c.sum().item(), "mean", c.mean().item(), "std", hx(c.std()), "var", hx(c.reshape(3, 100).var(axis=1)))
