# complex128 ufuncs: arithmetic (Smith division, NumPy's power with small integer
# exponents), absolute, sign, ordering and min/max (lexicographic with NaN rules),
# predicates, and the complex math functions (printed with 10 significant digits).
import numpy as np

def fmt(z):
    return [format(v.real, ".10g") + "," + format(v.imag, ".10g") for v in z.tolist()]

nan, inf = float("nan"), float("inf")
c = np.array([1 + 2j, 3 - 1j, -2 + 3j, 0.5 - 0.5j, -1j, 2 + 0j, 0j])
c6 = np.array([1 + 2j, 3 - 1j, -2 + 3j, 0.5 - 0.5j, -1j, 2 + 0j])
d = np.array([1 - 1j, 2j, -3 + 0j, 4 + 4j, 1 + 0j, 0.5 + 0j, 1j])
print((c + d).tolist(), (c - d).tolist())
print((c * d).tolist(), (c / d).tolist())
print((c / 0).tolist())
print(np.square(c).tolist(), np.reciprocal(c).tolist(), np.negative(c).tolist(), np.conjugate(c).tolist())
print(np.absolute(c).tolist(), np.absolute(c).dtype, abs(c).tolist())
print(np.sign(np.array([1 + 1j, -1j, 0j, -2 + 5j, complex(nan, 1), complex(0, nan)])).tolist())
print(np.power(c, 2).tolist(), np.power(c, 3).tolist(), np.power(c, -2).tolist(), np.power(c, 0).tolist())
print(fmt(np.power(c, 0.5)), fmt(np.power(c, 1j)))
print(np.power(np.zeros(4, dtype=complex), np.array([1 + 0j, -1 + 0j, 1j, 1 + 1j])).tolist())
print((c < d).tolist(), (c <= d).tolist(), (c > d).tolist(), (c == c).tolist(), (c != d).tolist())
print(np.maximum(c, d).tolist(), np.minimum(c, d).tolist())
print(np.maximum(np.array([complex(nan, 0), 1 + 1j]), np.array([1 + 0j, complex(1, nan)])).tolist())
print(np.fmax(np.array([complex(nan, 0), 1 + 1j]), np.array([1 + 0j, complex(1, nan)])).tolist())
print(np.isnan(np.array([complex(nan, 0), complex(0, nan), 1j])).tolist(), np.isinf(np.array([complex(inf, 0), 1j])).tolist(),
      np.isfinite(np.array([complex(inf, 0), 1j])).tolist())
print(np.logical_and(c, d).tolist(), np.logical_not(c).tolist(), np.rint(np.array([1.5 + 2.5j, -0.5 - 1.5j])).tolist())
for name in ["sqrt", "exp", "log", "log2", "log10", "exp2", "expm1", "log1p", "sin", "cos", "tan",
             "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh"]:
    print(name, fmt(getattr(np, name)(c6)))
print((c + 1).dtype, (c * 2.5).dtype, (np.arange(2) + 1j).tolist(), (np.float32(2) * c).dtype)
print(np.real(c).tolist(), np.imag(c).tolist(), c.real.tolist(), c.imag.tolist())
