# Transcendental ufuncs on float64, float32 and integer inputs. NumPy's SVML kernels and
# pyjitvm's differ in the last bit for some inputs, so values print with 10 significant
# digits (float32: 6); exact results (special values, exp(0), log(1) ...) print in full.
import numpy as np

def fmt(a, digits=10):
    return [format(v, "." + str(digits) + "g") for v in a.tolist()]

x = np.array([0.0, 0.1, 0.5, 1.0, 2.0, 3.0, 10.0, 100.0, 1e-10, 1e10])
sx = np.array([-3.0, -1.0, -0.5, -0.0, 0.0, 0.25, 0.5, 1.0, 2.0, 3.5])
u = np.array([-1.0, -0.9, -0.5, 0.0, 0.3, 0.5, 0.99, 1.0])
names1 = ["sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
          "arctan", "sinh", "cosh", "tanh", "arcsinh"]
for name in names1:
    f = getattr(np, name)
    print(name, fmt(f(x)), fmt(f(sx)))
    print("  f32", f(x.astype(np.float32)).dtype, fmt(f(x.astype(np.float32)), 6))
print("arcsin", fmt(np.arcsin(u)), "arccos", fmt(np.arccos(u)), "arctanh", fmt(np.arctanh(u)))
print("arccosh", fmt(np.arccosh(np.array([1.0, 1.5, 2.0, 10.0, 1e300, 0.5]))))
print("arcsinh big", fmt(np.arcsinh(np.array([1e300, -1e300, 1e155]))), fmt(np.arcsinh(np.array([3e38], dtype=np.float32)), 6))
print("arctan2", fmt(np.arctan2(np.array([1.0, 1.0, -1.0, -1.0, 0.0, 0.0, -0.0]), np.array([1.0, -1.0, 1.0, -1.0, -1.0, 1.0, -1.0]))))
print("power", fmt(np.power(np.array([2.0, 2.0, 10.0, 0.5, 9.0, -8.0]), np.array([10.0, 0.5, -2.0, 3.0, 0.5, 1.0 / 3.0]))))
special = np.array([0.0, -0.0, np.inf, -np.inf, np.nan])
for name in names1 + ["arcsin", "arccos", "arccosh", "arctanh"]:
    print("special", name, getattr(np, name)(special).tolist())
print(np.exp(0.0).item(), np.log(1.0).item(), np.sin(0.0).item(), np.cos(0.0).item(), np.sqrt(16.0).item(), np.exp2(10.0).item())
print(np.sqrt(np.arange(4)).dtype, np.sqrt(np.arange(4, dtype=np.int32)).dtype, np.exp(np.array([1, 2], dtype=np.int16)).dtype)
print(np.log10(np.array([1, 10, 100, 1000])).tolist(), np.log2(np.array([1, 2, 4, 1024])).tolist(), np.exp2(np.array([0, 1, 10])).tolist())
print(np.sqrt(np.array([1, 4, 9, 16, 25], dtype=np.uint8)).tolist(), np.cbrt(np.array([8.0, -27.0, 64.0])).tolist())
print(type(np.sqrt(16.0)).__name__, type(np.exp(np.float32(1))).__name__, type(np.sin(1)).__name__)
print(f"{float(np.exp(1.0)):.12f} {float(np.log(10.0)):.12f} {float(np.sin(1.0)):.12f} {float(np.arctan2(3.0, 4.0)):.12f}")
