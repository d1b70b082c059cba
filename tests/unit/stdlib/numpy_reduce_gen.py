#!/usr/bin/env python3
"""tests/unit/stdlib/numpy_reduce_gen.py — writes numpy_reduce_cases.inc, the expected
results of tests/unit/stdlib/numpy_reduce_test.cpp, from NumPy 1.24 (/usr/bin/python3).

Each case builds a base array from a fixed LCG (the C++ test builds the same one), takes a
view, runs one reduction and records the FNV-1a hash of the result's bytes (C order) plus
its first element's bits. Run: /usr/bin/python3 numpy_reduce_gen.py > numpy_reduce_cases.inc
"""
import struct
import numpy as np

M64 = (1 << 64) - 1


def lcg_values(n, seed, kind):
    x = seed
    out = []
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) & M64
        u = (x >> 11) * 2.0 ** -53
        if kind == 'wide':          # magnitudes 2^-16 .. 2^15, both signs
            out.append((u - 0.5) * 2.0 ** (((x >> 3) & 31) - 16))
        elif kind == 'zeros':       # signed zeros, some -1/+1, rare NaNs of both signs
            r = (x >> 5) % 64
            v = -0.0 if (x >> 2) & 1 else 0.0
            if r < 6: v = -1.0
            elif r < 9: v = 1.0
            elif r == 9: v = float('nan')
            elif r == 10: v = -float('nan')
            out.append(v)
        elif kind == 'zeros2':      # only signed zeros: every comparison is a tie
            out.append(-0.0 if (x >> 7) & 1 else 0.0)
        else:                       # 'int': small integers
            out.append(float(((x >> 33) % 2001) - 1000))
    return out


def build(shape, dtype, order, seed, kind):
    n = int(np.prod(shape))
    a = np.array(lcg_values(n, seed, kind), dtype=np.float64).reshape(shape)
    a = a.astype(dtype)
    if order == 'F':
        a = np.asfortranarray(a)
    return a


def view(a, spec):
    for op in spec.split():
        if op == 'T':
            a = a.T
        elif op.startswith('p'):
            a = a.transpose([int(c) for c in op[1:]])
        elif op.startswith('s'):  # s<axis>:<start>:<stop>:<step>
            ax, start, stop, step = op[1:].split(':')
            sl = [slice(None)] * a.ndim
            sl[int(ax)] = slice(int(start) if start else None, int(stop) if stop else None, int(step) if step else None)
            a = a[tuple(sl)]
    return a


def fnv(data):
    h = 0xcbf29ce484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & M64
    return h


def result_bytes(r):
    r = np.asarray(r)
    if r.dtype == np.bool_:
        return r.astype(np.uint8).tobytes(order='C')
    return np.ascontiguousarray(r).tobytes(order='C')


def run(a, op, axes):
    ax = None if axes == 'None' else tuple(int(c) for c in axes)
    if op == 'sum': return np.add.reduce(a, axis=ax)
    if op == 'sumk': return np.add.reduce(a, axis=ax, keepdims=True)
    if op == 'sum64': return np.add.reduce(a, axis=ax, dtype=np.float64)
    if op == 'sum32': return np.add.reduce(a, axis=ax, dtype=np.float32)
    if op == 'prod': return np.multiply.reduce(a, axis=ax)
    if op == 'max': return np.maximum.reduce(a, axis=ax)
    if op == 'min': return np.minimum.reduce(a, axis=ax)
    if op == 'fmax': return np.fmax.reduce(a, axis=ax)
    if op == 'fmin': return np.fmin.reduce(a, axis=ax)
    if op == 'mean': return np.mean(a, axis=ax)
    if op == 'std': return np.std(a, axis=ax)
    if op == 'var1': return np.var(a, axis=ax, ddof=1)
    if op == 'summask': return np.add.reduce(a, axis=ax, where=(np.arange(a.shape[-1]) % 3 != 1))
    if op == 'maxinit': return np.maximum.reduce(a, axis=ax, initial=-0.0)
    if op == 'cumsum': return np.add.accumulate(a, axis=ax[0])
    if op == 'cumprod': return np.multiply.accumulate(a, axis=ax[0])
    if op == 'cummax': return np.maximum.accumulate(a, axis=ax[0])
    if op == 'argmax': return np.argmax(a, axis=None if ax is None else ax[0])
    if op == 'argmin': return np.argmin(a, axis=None if ax is None else ax[0])
    raise ValueError(op)


def all_axes(nd):
    out = ['None']
    for i in range(nd):
        out.append(str(i))
    if nd == 3:
        out += ['01', '02', '12', '012']
    if nd == 2:
        out += ['01']
    return out


CASES = []


def add(shape, dtype, order, seed, kind, views, ops, axes_list=None):
    for v in views:
        for op in ops:
            base = build(shape, dtype, order, seed, kind)
            a = view(base, v)
            axl = axes_list or all_axes(a.ndim)
            for axes in axl:
                if op in ('cumsum', 'cumprod', 'cummax') and (axes == 'None' or len(axes) != 1):
                    continue
                if op in ('argmax', 'argmin') and axes != 'None' and len(axes) != 1:
                    continue
                # NaN + NaN in NumPy's element-wise SIMD add keeps either operand depending
                # on the output buffer's alignment (a scalar peel loop first): not
                # reproducible, so rows of two-signed NaNs are not summed element-wise.
                if kind == 'zeros' and op == 'sum' and (v, axes) in (('', '0'), ('T', '1')):
                    continue
                # Strided fmax/fmin reductions over signed-zero ties depend on how the
                # C compiler that built NumPy ordered the operands of libm's fmax in its
                # 8x-unrolled scalar loop (Debian's build commutes one of them), so the
                # sign of a zero result is not a NumPy property: not checked.
                if kind == 'zeros2' and op in ('fmax', 'fmin') and v.startswith('s'):
                    continue
                r = run(a, op, axes)
                data = result_bytes(r)
                first = data[:np.asarray(r).itemsize] if np.asarray(r).size else b''
                CASES.append((shape, dtype, order, seed, kind, v, op, axes, fnv(data), first.hex()))


F64, F32 = 'float64', 'float32'
views2 = ['', 'T', 's1:::2', 's0:::-1', 's1:1::3', 's0:::2 s1:::-2', 'T s1:::2']
views3 = ['', 'T', 'p102', 'p201', 's1:::2', 's2:::-1', 's0:::2 s2:1::', 'p021 s1:::-3']
for dt in (F64, F32):
    add((3, 50), dt, 'C', 1, 'wide', views2, ['sum', 'max', 'min', 'mean', 'std', 'prod'])
    add((130, 7), dt, 'F', 2, 'wide', views2, ['sum', 'max', 'mean', 'var1'])
    add((4, 5, 40), dt, 'C', 3, 'wide', views3, ['sum', 'max', 'min', 'std'])
    add((40, 5, 4), dt, 'F', 4, 'wide', views3, ['sum', 'mean', 'max'])
    add((2, 9000), dt, 'C', 5, 'wide', ['', 'T', 's1:::-1', 's0:::-1'], ['sum', 'max', 'mean'])
    add((20001,), dt, 'C', 6, 'wide', ['', 's0:::2', 's0:::-1', 's0:7::3'], ['sum', 'max', 'min', 'mean', 'std'])
    add((3, 100, 60), dt, 'C', 7, 'wide', ['s1:::2', 'p201', 's2:::-1'], ['sum', 'max'], ['None', '12', '01', '2'])
    # signed zeros and NaN signs: exact min/max tie-breaking and NaN propagation
    add((7, 301), dt, 'C', 8, 'zeros', ['', 'T', 's1:::2', 's0:::-1 s1:::3'], ['max', 'min', 'fmax', 'fmin', 'sum', 'maxinit', 'argmax', 'argmin'])
    add((1000,), dt, 'C', 9, 'zeros', ['', 's0:::2', 's0:1::'], ['max', 'min', 'fmax', 'fmin', 'cummax', 'argmax'], ['None', '0'])
    add((5, 40), dt, 'C', 10, 'wide', views2, ['summask', 'cumsum', 'cumprod', 'sumk', 'argmax', 'argmin'])
    for n in (2, 3, 9, 10, 17, 33, 65, 100, 130):
        add((n,), dt, 'C', 20 + n, 'zeros2', ['', 's0:::2'], ['max', 'min', 'fmax', 'fmin', 'cummax'], ['None', '0'])
    add((3, 37), dt, 'C', 19, 'zeros2', ['', 'T', 's1:::2'], ['max', 'min', 'fmax', 'fmin'])
add((3, 50), F32, 'C', 11, 'wide', views2, ['sum64', 'mean'])
add((9000, 3), F32, 'F', 12, 'wide', ['', 'T', 's0:::2'], ['sum64'])
add((3, 50), F64, 'C', 13, 'wide', views2, ['sum32'])
add((3, 40), 'int32', 'C', 14, 'int', views2, ['sum', 'mean', 'std', 'max', 'prod', 'cumsum', 'argmin'])
add((4, 30), 'complex128', 'C', 15, 'wide', views2, ['sum', 'mean', 'std', 'prod', 'cumsum'])
add((3, 20), 'uint8', 'C', 16, 'int', ['', 'T'], ['sum', 'max', 'min', 'mean'])

print("// Generated by numpy_reduce_gen.py from NumPy %s; do not edit." % np.__version__)
for (shape, dtype, order, seed, kind, v, op, axes, h, first) in CASES:
    sh = ', '.join(str(s) for s in shape)
    print('{{%s}, "%s", \'%s\', %d, "%s", "%s", "%s", "%s", 0x%016xull, "%s"},' %
          (sh, dtype, order, seed, kind, v, op, axes, h, first))
