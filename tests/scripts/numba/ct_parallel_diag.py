# dispatcher.parallel_diagnostics(level=...) for prange loops: single loops,
# reductions, fusable sibling loops, nested prange loops, no loops at all.
# The report's title lines contain the absolute path of this file, so the report is
# captured through sys.stdout and the title is checked piecewise.
import sys

import numpy as np
from numba import njit, prange


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def report(f, level):
    cap = Capture()
    old = sys.stdout
    sys.stdout = cap
    try:
        f.parallel_diagnostics(level=level)
    finally:
        sys.stdout = old
    out = []
    title = []
    in_title = False
    for line in "".join(cap.parts).split("\n"):
        if line == "=" * 80:
            in_title = not in_title
            out.append(line)
            continue
        if in_title:
            title.append(line)
            continue
        if line.startswith("Parallel loop listing for"):
            line = line.split(",")[0] + ", <file>"
        out.append(line)
    t = "".join(title)
    print("title:", t.split(", ")[0].strip("= "), "|", t.rsplit(" (", 1)[1].strip("= "))
    print("\n".join(out))


@njit(parallel=True)
def psum(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i]
    return s


@njit(parallel=True)
def two(a, b):
    n = a.shape[0]
    s = 0.0
    for i in prange(n):
        a[i] = i * 2.0
    for j in prange(n):
        s += a[j] * b[j]
    return s


@njit(parallel=True)
def nested(m):
    t = 0
    for i in prange(m.shape[0]):
        for j in prange(m.shape[1]):
            t += m[i, j]
    return t


@njit(parallel=True)
def noloop(x):
    return x + 1


print(psum(np.arange(10.0)), two(np.zeros(4), np.ones(4)), nested(np.ones((3, 3))), noloop(3))
for level in (1, 2, 3):
    for f in (psum, two, nested):
        report(f, level)
report(noloop, 1)
report(noloop, 3)
