# ufunc.reduce / accumulate through the reduction engine (needs reductions.cpp):
# the ReduceKinds (add, multiply, minimum, maximum, logical_and/or) and the generic
# path with a ufunc's own loop (subtract, power, bitwise, true_divide, comparisons).
import numpy as np

def show(x):
    if isinstance(x, np.generic):
        return type(x).__name__ + ":" + repr(x.item())
    if isinstance(x, np.ndarray):
        return str(x.dtype) + str(x.shape) + ":" + repr(x.tolist())
    return type(x).__name__ + ":" + repr(x)

def t(label, f):
    try:
        print(label, show(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a = np.arange(1, 7).reshape(2, 3)
t("add", lambda: np.add.reduce(a))
t("add axis1", lambda: np.add.reduce(a, axis=1))
t("add None", lambda: np.add.reduce(a, axis=None))
t("add keep", lambda: np.add.reduce(a, axis=1, keepdims=True))
t("add init", lambda: np.add.reduce(a, axis=0, initial=10))
t("add dtype", lambda: np.add.reduce(np.arange(5, dtype=np.int8), dtype=np.float32))
t("add bool", lambda: np.add.reduce(np.array([True, True, False])))
t("add 0d", lambda: np.add.reduce(np.array(5)))
t("add scalar", lambda: np.add.reduce(5))
t("mul", lambda: np.multiply.reduce(a, axis=1))
t("min", lambda: np.minimum.reduce(np.array([3.0, np.nan, 1.0])))
t("max", lambda: np.maximum.reduce(a, axis=0))
t("max empty", lambda: np.maximum.reduce(np.array([])))
t("fmax", lambda: np.fmax.reduce(np.array([3.0, np.nan, 1.0])))
t("land", lambda: np.logical_and.reduce(np.array([1, 1, 0])))
t("lor", lambda: np.logical_or.reduce(np.array([[0, 0], [0, 1]]), axis=0))
t("sub", lambda: np.subtract.reduce(np.array([10, 2, 3], dtype=np.int8)))
t("sub empty", lambda: np.subtract.reduce(np.array([])))
t("pow", lambda: np.power.reduce(np.array([2, 3, 2])))
t("pow neg", lambda: np.power.reduce(np.array([2, -1])))
t("div", lambda: np.true_divide.reduce(np.array([8, 2, 2])))
t("band", lambda: np.bitwise_and.reduce(np.array([7, 6, 3])))
t("bor empty", lambda: np.bitwise_or.reduce(np.array([], dtype=np.int64)))
t("eq", lambda: np.equal.reduce(np.array([True, False, False])))
t("eq int", lambda: np.equal.reduce(np.array([1, 2, 3])))
t("hypot", lambda: np.hypot.reduce(np.array([3.0, 4.0, 12.0])))
t("acc add", lambda: np.add.accumulate(a))
t("acc add1", lambda: np.add.accumulate(a, axis=1))
t("acc mul", lambda: np.multiply.accumulate(np.array([1, 2, 3, 4])))
t("acc min", lambda: np.minimum.accumulate(np.array([3, 1, 2])))
t("acc sub", lambda: np.subtract.accumulate(np.array([10, 2, 3], dtype=np.int8)))
t("acc lor", lambda: np.logical_or.accumulate(np.array([0, 1, 0])))
t("acc bool", lambda: np.add.accumulate(np.array([True, True])))
t("acc dtype", lambda: np.add.accumulate(np.array([1, 2]), dtype=np.float64))
