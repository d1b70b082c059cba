# Integer ufunc arithmetic for every integer dtype: wrapping, Python-style floor
# division and remainder, C-style fmod, division by zero, powers, shifts and bitwise ops.
import numpy as np

vals = [-128, -7, -3, -1, 0, 1, 3, 7, 100, 127]
divs = [-3, -1, 0, 1, 2, 7]
for name in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]:
    dt = getattr(np, name)
    a = np.array(vals).astype(dt)
    print(name, (a + a).tolist(), (a - np.array(vals[::-1]).astype(dt)).tolist())
    print(" mul", (a * a).tolist(), (a * np.array([3]).astype(dt)).tolist())
    print(" neg", np.negative(a).tolist(), np.absolute(a).tolist(), np.square(a).tolist())
    for d in divs:
        b = np.array([d] * len(vals)).astype(dt)
        print(" d", d, np.floor_divide(a, b).tolist(), np.remainder(a, b).tolist(), np.fmod(a, b).tolist())
    e = np.array([0, 1, 2, 3, 7, 8, 9, 15]).astype(dt)
    base = np.array([2, -2, 3, -1, 1, 0, 5, 10]).astype(dt)
    print(" pow", np.power(base, e).tolist())
    s = np.array([0, 1, 3, 7, 8, 15, 16, 31, 32, 63, 64, 100]).astype(dt)
    one = np.array([1] * 12).astype(dt)
    neg = np.array([-5] * 12).astype(dt)
    print(" shl", np.left_shift(one, s).tolist())
    print(" shr", np.right_shift(neg, s).tolist())
    print(" bit", np.bitwise_and(a, 0x55).tolist(), np.bitwise_or(a, 3).tolist(),
          np.bitwise_xor(a, -1 if name.startswith("int") else 255).tolist(), np.invert(a).tolist())
    print(" sign", np.sign(a).tolist(), np.reciprocal(np.array([1, 2, -1, 3]).astype(dt)).tolist())
    print(" minmax", np.minimum(a, 1).dtype, np.maximum(a, np.array([5]).astype(dt)).tolist(),
          np.fmin(a, 0).tolist(), np.fmax(a, 0).tolist())
big = np.array([2**62, -2**63, 2**63 - 1])
print((big * 4).tolist(), (big + big).tolist(), (-big).tolist(), abs(big).tolist())
print(np.floor_divide(big, -1).tolist(), np.remainder(big, -1).tolist(), np.fmod(big, -1).tolist())
print(np.power(np.array([10]), np.array([20])).tolist(), np.power(np.array([3], dtype=np.uint8), 5).tolist())
u = np.array([250, 5, 10], dtype=np.uint8)
print((u + u).tolist(), (u + u).dtype, (u * 2).tolist(), (u * 2).dtype, (u - np.uint8(10)).tolist())
print((u - np.array([251], dtype=np.uint8)).tolist(), (u // 0).tolist(), (u % 0).tolist())
print(np.true_divide(np.array([1, -1, 0]), 0).tolist(), (np.arange(5) / 2).tolist(), (np.arange(5) // 2.0).tolist())
b = np.array([True, False, True])
print((b + b).tolist(), (b * b).tolist(), (b & b).tolist(), (b | ~b).tolist(), (b ^ b).tolist(), (b + 1).tolist())
print(np.floor_divide(b, b).tolist(), np.floor_divide(b, b).dtype, np.power(b, b).dtype, np.square(b).dtype)
