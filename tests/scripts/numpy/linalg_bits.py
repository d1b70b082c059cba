# BLAS/LAPACK results bit for bit (hashes of float.hex) for dot/matmul/vdot/inner/det/inv/solve/norm.
import numpy as np
rs = np.random.RandomState(0)
def h(x):
    if isinstance(x, np.ndarray): vals = x.ravel().tolist() if hasattr(x, 'ravel') else x.tolist()
    else: vals = [x.item()]
    acc = 0
    for v in vals:
        if isinstance(v, complex): s = v.real.hex() + v.imag.hex()
        else: s = float(v).hex()
        for ch in s: acc = (acc * 131 + ord(ch)) % 1000000007
    return acc
def flat(x):
    out = []
    def rec(v):
        if isinstance(v, list):
            for e in v: rec(e)
        else: out.append(v)
    rec(x.tolist() if isinstance(x, np.ndarray) else x.item())
    return out
def hh(x):
    acc = 0
    for v in flat(x):
        s = (v.real.hex() + v.imag.hex()) if isinstance(v, complex) else float(v).hex()
        for ch in s: acc = (acc * 131 + ord(ch)) % 1000000007
    return acc
for n in [3, 10, 100, 257]:
    A = rs.randn(n, n); B = rs.randn(n, n); x = rs.randn(n)
    print(n, hh(np.dot(A, B)), hh(np.matmul(A, B)), hh(np.dot(A, x)), hh(np.matmul(A, x)), hh(np.dot(x, A)), hh(np.matmul(x, A)), hh(np.dot(x, x)), hh(np.matmul(x, x)))
    print(n, hh(np.matmul(A, A.T)), hh(np.dot(A, A.T)), hh(np.matmul(A.T, A)), hh(np.dot(A.T, B)), hh(np.matmul(A.T, B.T)), hh(np.vdot(A, B)), hh(np.inner(A, B)))
    F = A.astype(np.float32); G = B.astype(np.float32)
    print(n, hh(np.dot(F, G)), hh(np.matmul(F, G)), hh(np.matmul(F, x.astype(np.float32))), hh(np.dot(F, F.T)))
    print(n, hh(np.dot(A.astype(np.complex128), B.astype(np.complex128))), hh(np.matmul(A.astype(np.complex128), x.astype(np.complex128))))
    print(n, hh(np.linalg.det(A)), hh(np.linalg.inv(A)), hh(np.linalg.solve(A, x)), hh(np.linalg.norm(A)), hh(np.linalg.norm(x)), hh(np.linalg.norm(A.T)))
    S = rs.randn(3, n, 4); T = rs.randn(4, 5)
    print(n, hh(np.matmul(S, T)), hh(np.dot(S, T)), hh(np.matmul(A.astype(np.float32), B)))
