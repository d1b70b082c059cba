#!/usr/bin/env python3
"""tools/rebaseline.py — checks or rewrites the golden bytecode listings.

Usage: rebaseline.py --bin build/tools/pyjitvm (--check | --update) [--jit] [DIR]

Every tests/golden/dis/X.py has X.dis = the output of `pyjitvm --dis X.py` (run in the
file's folder). With --jit (DIR tests/golden/jit): every X.py has X.ir = the trace IR
that `pyjitvm --jit-threshold=1 --jit-dump=ir X.py` prints on stderr. --check reports the first mismatching line of each differing file and
exits 1; --update rewrites the .dis files. A rebaseline commit should change nothing
else (STYLE 3.6).
"""
import argparse
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--check", action="store_true")
    g.add_argument("--update", action="store_true")
    ap.add_argument("--jit", action="store_true")
    ap.add_argument("dir", nargs="?", default=os.path.join(os.path.dirname(__file__), "..",
                                                          "tests", "golden", "dis"))
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    bad = 0
    files = sorted(f for f in os.listdir(a.dir) if f.endswith(".py"))
    for f in files:
        cmd = [binary, "--jit-threshold=1", "--jit-dump=ir", f] if a.jit else [binary, "--dis", f]
        r = subprocess.run(cmd, cwd=a.dir, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"FAIL {f}: {' '.join(cmd[1:])} exited {r.returncode}: {r.stderr.strip()[-500:]}")
            bad += 1
            continue
        if a.jit:
            r.stdout = r.stderr
        golden = os.path.join(a.dir, f[:-3] + (".ir" if a.jit else ".dis"))
        if a.update:
            with open(golden, "w") as out:
                out.write(r.stdout)
            continue
        try:
            expected = open(golden).read()
        except FileNotFoundError:
            print(f"FAIL {f}: no {os.path.basename(golden)} (run with --update)")
            bad += 1
            continue
        if expected != r.stdout:
            el, gl = expected.splitlines(), r.stdout.splitlines()
            n = next((i for i in range(max(len(el), len(gl)))
                      if i >= len(el) or i >= len(gl) or el[i] != gl[i]), 0)
            print(f"FAIL {f}: line {n + 1}\n  expected: {el[n] if n < len(el) else '<end>'}\n"
                  f"  got:      {gl[n] if n < len(gl) else '<end>'}")
            bad += 1
    print(f"{len(files) - bad} golden listings match, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
