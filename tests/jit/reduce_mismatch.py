#!/usr/bin/env python3
"""tests/jit/reduce_mismatch.py — shrinks a program on which JIT modes disagree.

Usage: reduce_mismatch.py --bin PYJITVM [--mode ARG] [--timeout S] IN.py OUT.py

Removes lines (each with the block indented under it) and unwraps blocks (if/for/
while/try bodies pulled out one level) as long as `--jit=off` still exits 0 and the run
with --mode (default --jit-threshold=1) still prints something different on stdout
(or exits differently). Standard library only; a helper for fuzz_loops.py failures.
"""
import argparse
import subprocess
import sys
import tempfile
import os


def run(binary, mode, src, timeout):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(src)
        path = f.name
    try:
        out = []
        for m in (["--jit=off"], mode):
            try:
                r = subprocess.run([binary] + m + [path], capture_output=True, timeout=timeout,
                                   stdin=subprocess.DEVNULL)
                out.append((r.returncode, r.stdout))
            except subprocess.TimeoutExpired:
                out.append(("timeout", b""))
        return out
    finally:
        os.unlink(path)


def interesting(binary, mode, lines, timeout):
    src = "\n".join(lines) + "\n"
    try:
        compile(src, "x", "exec")
    except SyntaxError:
        return False
    (rc0, o0), (rc1, o1) = run(binary, mode, src, timeout)
    return rc0 == 0 and (rc1, o1) != (rc0, o0)


def indent(l):
    return len(l) - len(l.lstrip(" "))


def block_end(lines, i):
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or indent(lines[j]) > indent(lines[i])):
        j += 1
    return j


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--mode", default="--jit-threshold=1")
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("src")
    ap.add_argument("dst")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    mode = a.mode.split() if a.mode else []
    lines = open(a.src).read().splitlines()
    if not interesting(binary, mode, lines, a.timeout):
        print("not a mismatch to begin with", file=sys.stderr)
        return 1
    changed = True
    while changed:
        changed = False
        i = len(lines) - 1
        while i >= 0:
            if i >= len(lines):
                i -= 1
                continue
            j = block_end(lines, i)
            cand = lines[:i] + lines[j:]
            if interesting(binary, mode, cand, a.timeout):
                lines = cand
                changed = True
                i -= 1
                continue
            # unwrap: drop the header line, dedent its body
            if j > i + 1 and lines[i].rstrip().endswith(":"):
                d = indent(lines[i + 1]) - indent(lines[i])
                body = [l[d:] if l.strip() else l for l in lines[i + 1:j]]
                cand = lines[:i] + body + lines[j:]
                if interesting(binary, mode, cand, a.timeout):
                    lines = cand
                    changed = True
            i -= 1
    with open(a.dst, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} lines -> {a.dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
