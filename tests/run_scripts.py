#!/usr/bin/env python3
"""tests/run_scripts.py — runs the script tests: tests/scripts/**/X.py against X.out.

Usage: run_scripts.py --bin PATH [--arg ARG]... [--jobs N] [--timeout S] DIR_OR_FILE...

A case is every X.py whose name does not start with "_". It runs as `BIN [ARGS] X.py`
in X's folder with stdin from /dev/null and must print exactly X.out on stdout. If
X.err exists the run must exit non-zero and the last non-empty stderr line must equal
X.err's content (trailing whitespace ignored); otherwise it must exit 0. If X.tb exists,
the whole stderr must equal it (the traceback: file names compared without their folders,
trailing whitespace ignored).
Prints one FAIL line per failing case (with a short diff) and a summary; exits 1 on
any failure.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys


def find_cases(paths):
    cases = []
    for p in paths:
        if os.path.isfile(p):
            cases.append(os.path.abspath(p))
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for f in sorted(files):
                if f.endswith(".py") and not f.startswith("_"):
                    cases.append(os.path.abspath(os.path.join(root, f)))
    return cases


def run_case(binary, extra, timeout, path):
    base = path[:-3]
    try:
        with open(base + ".out", encoding="utf-8", newline="") as f:
            expected = f.read()
    except FileNotFoundError:
        return path, "missing .out file"
    err_expected = None
    if os.path.exists(base + ".err"):
        with open(base + ".err", encoding="utf-8") as f:
            err_expected = f.read().strip()
    try:
        r = subprocess.run([binary] + extra + [os.path.basename(path)], cwd=os.path.dirname(path),
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return path, f"timeout after {timeout}s"
    out = r.stdout.decode("utf-8", "replace")
    err = r.stderr.decode("utf-8", "replace")
    if r.returncode < 0:
        return path, f"crashed with signal {-r.returncode}\n{err[-2000:]}"
    if out != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), out.splitlines(True),
                                                 "expected", "got", n=1))[:40])
        return path, f"stdout differs (exit {r.returncode})\n{diff}\nstderr: {err[-1500:]}"
    lines = [l for l in err.splitlines() if l.strip()]
    if err_expected is None:
        if r.returncode != 0:
            return path, f"exit status {r.returncode}\n{err[-1500:]}"
    else:
        if r.returncode == 0:
            return path, "expected a non-zero exit status"
        last = lines[-1].rstrip() if lines else ""
        if last != err_expected:
            return path, f"last stderr line: expected {err_expected!r}, got {last!r}"
    if os.path.exists(base + ".tb"):
        with open(base + ".tb", encoding="utf-8") as f:
            tb_expected = norm_tb(f.read())
        if norm_tb(err) != tb_expected:
            diff = "".join(list(difflib.unified_diff(tb_expected.splitlines(True),
                                                     norm_tb(err).splitlines(True),
                                                     "expected", "got", n=1))[:40])
            return path, f"traceback differs\n{diff}"
    return path, None


def norm_tb(text):
    text = re.sub(r'File "(?:[^"]*/)?([^"/]+)"', r'File "\1"', text)
    return "\n".join(l.rstrip() for l in text.strip().splitlines())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    a.bin = os.path.abspath(a.bin)
    cases = find_cases(a.paths)
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        for path, problem in ex.map(lambda p: run_case(a.bin, a.arg, a.timeout, p), cases):
            if problem:
                failed += 1
                print(f"FAIL {os.path.relpath(path)}: {problem}")
    mode = " ".join(a.arg) or "default"
    print(f"{len(cases) - failed} passed, {failed} failed ({mode})")
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
