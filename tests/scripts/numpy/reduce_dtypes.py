# Result dtypes and integer wrap-around of reductions for every dtype.
import numpy as np

names = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float32", "float64", "complex128"]
base = [[1, 0, 3], [4, 5, 1]]
for n in names:
    x = np.array(base).astype(n)
    out = [n]
    for fn in ["sum", "prod", "max", "min", "mean", "std", "var", "any", "all", "argmax"]:
        r = getattr(x, fn)()
        out.append(f"{fn}:{r.dtype}:{type(r).__name__}")
    for fn in ["cumsum", "cumprod"]:
        r = getattr(x, fn)()
        out.append(f"{fn}:{r.dtype}:{r.tolist()}")
    if n != "bool":
        out.append(f"ptp:{np.ptp(x).dtype}")
    print(" ".join(out))
    print("  values", x.sum().item(), x.prod().item(), x.max().item(), x.min().item(), x.mean().item(),
          x.std().item(), x.sum(axis=0).tolist(), x.mean(axis=1).tolist())

big = np.array([100, 100, 100], dtype=np.int8)
print(big.sum().item(), big.sum(dtype=np.int8).item(), big.prod(dtype=np.int8).item(), big.cumsum(dtype=np.int8).tolist())
u = np.array([200, 100, 50], dtype=np.uint8)
print(u.sum().item(), u.sum().dtype, u.sum(dtype=np.uint8).item(), u.cumsum().dtype, u.max().item())
print(np.array([2**62, 2**62, 2**62]).sum().item(), np.array([2**63 + 5, 2**63], dtype=np.uint64).sum().item())
print(np.array([3, 4], dtype=np.int16).prod(dtype=np.int16).dtype, np.array([1.5, 2.5]).sum(dtype=np.int64).item())
print(np.array([1.5, 2.5]).sum(dtype=np.int32).dtype, np.arange(5).sum(dtype=np.float32).dtype)
print(np.arange(5).mean(dtype=np.float32).item(), np.arange(5).mean(dtype=np.int64).item(), np.arange(5).std(dtype=int).item())
print(np.array([True, True, False]).sum(dtype=bool).item(), np.array([True, False]).prod(dtype=bool).item())
print(np.array([0.5, 0.0]).any().item(), np.array([0.5, 0.0]).all().item(), np.array([0j, 1j]).any().item())
print(np.array([1 + 2j, 3 - 1j]).sum().item(), np.array([1 + 2j, 3 - 1j]).prod().item(), np.array([1 + 2j, 3 - 1j]).mean().item())
print(np.array([1 + 2j, 1 + 3j, 0 + 9j]).max().item(), np.array([1 + 2j, 1 + 3j, 0 + 9j]).min().item(),
      np.array([1 + 2j, 1 + 3j, 0 + 9j]).argmax().item(), np.array([1 + 2j, 3 - 1j]).var().item())
print(np.array([1 + 2j, 3 - 1j]).cumsum().tolist(), np.array([1 + 1j, 2j]).cumprod().tolist())
print(np.array([1, 2, 3], dtype=np.float32).mean().dtype, np.array([1, 2, 3], dtype=np.float32).std().dtype,
      np.array([1, 2, 3], dtype=np.float32).mean(dtype=np.float64).dtype)
print(np.array([[1, 2], [3, 4]], dtype=np.float32).var(axis=0).dtype, np.array([[1, 2], [3, 4]], dtype=np.float32).mean(axis=1).tolist())
print(np.array([True, False, True]).mean().item(), np.array([True, False]).var().item(), np.array([True, False]).std().dtype)
print(np.array([5, 3], dtype=np.uint8).ptp().item(), np.array([3, 250], dtype=np.uint8).ptp().item(), np.array([-100, 100], dtype=np.int8).ptp().item())
