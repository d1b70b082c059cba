#!/usr/bin/env python3
"""bench/compare.py — runs benchmark kernels under several systems side by side.

Usage:
  bench/compare.py [--bin build/tools/pyjitvm] [--kernels DIR] [--rounds 3]
                   [--systems pyjitvm,cpython,numba,pypy,luajit] [--reps 5]
                   [--only KERNEL[:variant][=N],...]

Each kernel script (bench/kernels/X.py, else ../shared/bench/kernels/X.py) prints
`TIME <variant> mode=.. n=.. first=<s> median=<s> min=<s> reps=R` lines. This tool
runs every (kernel, system) pair `--rounds` times, alternating systems within each
round so that machine noise hits them alike, keeps the lowest per-process median for
each variant, and prints a table of medians and ratios against CPython (and Numba
when it is among the systems).

Systems:
  pyjitvm  BIN X.py            (numba/numpy as implemented by pyjitvm; falls back to
                                the kernels' pure mode when they are not available)
  cpython  /usr/bin/python3 X.py --mode pure   (lists, the same code pyjitvm runs)
  numba    /usr/bin/python3 X.py --mode numba
  pypy     pypy3 X.py          (pure mode automatically)
  luajit   luajit lua/X.lua N  (prints the same TIME lines)
A system that is not installed is skipped with a note.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_KERNELS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "bench", "kernels"))
# Sizes small enough for CPython to finish in a few seconds.
DEFAULT_SIZES = {
    "nbody": 100000, "spectral_norm": 200, "fannkuch": 9, "nested_sum": 1000,
    "mandelbrot": 100000, "sum_sqrt": 1000000, "numpy_ops": 10000000,
}
# pyjitvm's own kernels (bench/kernels/) are found before ../shared/bench/kernels.
OWN_KERNELS = os.path.join(HERE, "kernels")
TIME_RE = re.compile(r"^TIME (\S+) mode=(\S+) n=(\d+) first=(\S+) median=(\S+) min=(\S+)")


def command(system, args, kernel, n, reps, kernels_dir):
    script = os.path.join(OWN_KERNELS, kernel + ".py")
    if not os.path.exists(script):
        script = os.path.join(kernels_dir, kernel + ".py")
    if system == "pyjitvm":
        return [args.bin, script, "--reps", str(reps), str(n)]
    if system == "cpython":
        return ["/usr/bin/python3", script, "--mode", "pure", "--reps", str(reps), str(n)]
    if system == "numba":
        return ["/usr/bin/python3", script, "--mode", "numba", "--reps", str(reps), str(n)]
    if system == "pypy":
        return ["pypy3", script, "--reps", str(reps), str(n)]
    if system == "luajit":
        lua = os.path.join(kernels_dir, "..", "lua", kernel + ".lua")
        return ["luajit", lua, str(n)] if os.path.exists(lua) else None
    raise ValueError(system)


def available(system, args):
    exe = {"pyjitvm": args.bin, "cpython": "/usr/bin/python3", "numba": "/usr/bin/python3",
           "pypy": "pypy3", "luajit": "luajit"}[system]
    if os.path.sep in exe:
        ok = os.path.exists(exe)
    else:
        ok = shutil.which(exe) is not None
    if ok and system == "numba":
        ok = subprocess.run(["/usr/bin/python3", "-c", "import numba"], capture_output=True).returncode == 0
    return ok


def run(cmd, timeout):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    times = {}
    for line in r.stdout.splitlines():
        m = TIME_RE.match(line)
        if m:
            times[m.group(1)] = float(m.group(5))
    if r.returncode != 0 and not times:
        return None, (r.stderr.strip().splitlines() or ["exit %d" % r.returncode])[-1]
    return times, None


def fmt(t):
    if t is None:
        return "-"
    if t < 1e-3:
        return "%.1f us" % (t * 1e6)
    if t < 1:
        return "%.2f ms" % (t * 1e3)
    return "%.3f s" % t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "build", "tools", "pyjitvm"))
    ap.add_argument("--kernels", default=DEFAULT_KERNELS)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--systems", default="pyjitvm,cpython")
    ap.add_argument("--only", default="nbody,spectral_norm,fannkuch,nested_sum")
    args = ap.parse_args()
    args.bin = os.path.abspath(args.bin)
    systems = [s for s in args.systems.split(",") if s]
    for s in list(systems):
        if not available(s, args):
            print("note: %s is not available, skipped" % s)
            systems.remove(s)
    jobs = []
    for spec in args.only.split(","):
        kernel, _, n = spec.partition("=")
        kernel, _, variant = kernel.partition(":")
        jobs.append((kernel, variant or None, int(n) if n else DEFAULT_SIZES.get(kernel, 0)))
    best = {}  # (kernel, variant, system) -> best median
    errors = {}
    for rnd in range(args.rounds):
        for kernel, variant, n in jobs:
            order = systems[rnd % len(systems):] + systems[:rnd % len(systems)]
            for system in order:
                cmd = command(system, args, kernel, n, args.reps, args.kernels)
                if cmd is None:
                    continue
                times, err = run(cmd, args.timeout)
                if err:
                    errors[(kernel, system)] = err
                    continue
                for var, t in times.items():
                    if variant and var != variant:
                        continue
                    key = (kernel, var, system)
                    best[key] = min(best.get(key, t), t)
    variants = sorted({(k, v) for (k, v, _) in best})
    header = ["kernel/variant", "n"] + systems
    # pyjitvm's time against every other system: "2.00x faster" / "1.50x slower"
    others = [s for s in systems if s != "pyjitvm"] if "pyjitvm" in systems else []
    header += ["pyjitvm vs %s" % s for s in others]
    rows = [header]
    sizes = {k: n for k, _, n in jobs}
    for kernel, var in variants:
        row = [var, str(sizes.get(kernel, ""))]
        row += [fmt(best.get((kernel, var, s))) for s in systems]
        mine = best.get((kernel, var, "pyjitvm"))
        for s in others:
            t = best.get((kernel, var, s))
            if not mine or not t:
                row.append("-")
            elif t >= mine:
                row.append("%.2fx faster" % (t / mine))
            else:
                row.append("%.2fx slower" % (mine / t))
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for i, r in enumerate(rows):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for (kernel, system), err in sorted(errors.items()):
        print("error: %s under %s: %s" % (kernel, system, err))
    return 0


if __name__ == "__main__":
    sys.exit(main())
