# Float ufunc arithmetic (float64 and float32): division by zero, NumPy's floor_divide
# and remainder signs, fmod, NaN/inf/-0.0 handling of min/max/fmin/fmax, rounding,
# sign, copysign, predicates and degree/radian conversion.
import numpy as np

nan, inf = float("nan"), float("inf")
xs = [-7.5, -2.0, -0.5, -0.0, 0.0, 0.5, 2.0, 7.5, inf, -inf, nan]
ys = [2.0, -2.0, 0.0, -0.0, 0.7, inf, nan]
for name in ["float64", "float32"]:
    dt = getattr(np, name)
    x = np.array(xs, dtype=dt)
    print(name, (x + 1).tolist(), (x * -1).tolist(), (x / 2).dtype)
    for yv in ys:
        y = np.array([yv] * len(xs), dtype=dt)
        print(" y", yv, (x / y).tolist())
        print("  //", np.floor_divide(x, y).tolist())
        print("  %", np.remainder(x, y).tolist())
        print("  fmod", np.fmod(x, y).tolist())
        print("  max", np.maximum(x, y).tolist(), np.minimum(x, y).tolist())
        print("  fmax", np.fmax(x, y).tolist(), np.fmin(x, y).tolist())
        print("  copysign", np.copysign(x, y).tolist(), np.power(x, y).tolist())
    print(" floor", np.floor(x).tolist(), np.ceil(x).tolist(), np.trunc(x).tolist())
    r = np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 0.49999999999999994, -0.0], dtype=dt)
    print(" rint", np.rint(r).tolist(), np.sign(x).tolist())
    print(" sqrt", np.sqrt(np.array([0.0, -0.0, 1.0, 4.0, 2.0, -1.0, inf, nan], dtype=dt)).tolist())
    print(" square", np.square(x).tolist(), np.reciprocal(x).tolist())
    print(" abs", np.absolute(x).tolist(), np.negative(x).tolist(), np.positive(x).tolist())
    print(" pred", np.isnan(x).tolist(), np.isinf(x).tolist(), np.isfinite(x).tolist(), np.signbit(x).tolist())
    d = np.array([0.0, 30.0, 45.0, 90.0, 180.0, 270.0, 360.0, -45.0], dtype=dt)
    print(" deg", np.radians(d).tolist(), np.deg2rad(d).tolist())
    print(" rad", np.degrees(np.radians(d)).tolist(), np.rad2deg(np.array([np.pi, 1.0], dtype=dt)).tolist())
print(np.maximum(np.array([-0.0, 0.0]), np.array([0.0, -0.0])).tolist(), np.minimum(np.array([-0.0, 0.0]), np.array([0.0, -0.0])).tolist())
print(np.maximum(np.array([1.0, 3.0, 5.0]), 2.5).tolist(), np.fmin(np.array([nan, 1.0]), nan).tolist())
print(np.hypot(np.array([3.0, 5.0, 8.0, inf, nan]), np.array([4.0, 12.0, 15.0, nan, inf])).tolist(), float(np.hypot(1.0, 1.0)))
print(np.floor_divide(np.float64(7.5), -2).item(), np.remainder(np.float64(-7), 3).item(), np.fmod(np.float64(-7), 3).item())
print((np.array([1e308, -1e308]) * 10).tolist(), (np.array([1e-300]) * 1e-300).tolist(), (np.array([3.4e38], dtype=np.float32) * 10).tolist())
