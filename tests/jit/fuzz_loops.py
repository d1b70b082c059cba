#!/usr/bin/env python3
"""tests/jit/fuzz_loops.py — differential fuzzer for the tracing JIT.

Usage: fuzz_loops.py --bin PYJITVM [--seed S] [--count N] [--keep-dir DIR]
                     [--timeout SECONDS] [--print] [--jobs J]

Generates N random small Python programs (program k uses the seed S + k, so every
program is reproducible on its own: `--seed S+k --count 1`) made of numeric loops:
counted `for` loops (negative steps, empty ranges, nested 2-3 deep, the loop variable
reassigned in the body), while loops with break/continue, if/elif/else on int and
float comparisons (int vs float, nan, values near 2**53), int arithmetic near the
int64 limits (results become big ints mid-loop), // and % with negative operands and
zero divisors under try/except, float arithmetic with inf/nan, math functions with
domain errors under try/except, list reads/writes with negative and out-of-range
indices, tuple swaps, variables that change type mid-loop (int -> float, int ->
None), module-level loops on globals, function loops, helper calls, and numpy arrays
(1-D/2-D; float64/int64/float32/int32/bool/uint8) indexed in loops, both inside
@njit functions and outside.

Every program is run three ways: `--jit=off` (the oracle), the default, and
`--jit-threshold=1`; stdout, the exit status and the last non-empty stderr line must
agree. A mismatch (or a timeout, or a crash by a signal) writes the program and the
three results into --keep-dir (default ./jit_fuzz_failures) and prints the seed.
Exits 1 when any program mismatched, except the seeds listed in --known-failing (open
JIT bugs, reproduced in tests/jit/known_failures/): those are reported as XFAIL (and as
XPASS once they agree). Standard library only; runs pyjitvm only.
"""
import argparse
import concurrent.futures
import os
import random
import subprocess
import sys

MODES = [["--jit=off"], [], ["--jit-threshold=1"]]
MODE_NAMES = ["jit=off", "default", "threshold=1"]

INT_CONSTS = [0, 1, 2, 3, -1, -2, 5, 7, -7, 10, 13, 100, -100, 255, 256, 1000003,
              2**31 - 1, -2**31, 2**32, 2**53, 2**53 + 1, -2**53 - 1,
              2**62, 2**63 - 1, -2**63, 2**63 - 2, -2**63 + 1, 3037000499, 3037000500,
              4611686018427387904, 9223372036854775000]
FLOAT_CONSTS = ["0.0", "-0.0", "0.5", "1.5", "-2.25", "3.0", "1e-300", "1e300", "-1e308",
                "1.7976931348623157e308", "float('inf')", "float('-inf')", "float('nan')",
                "9007199254740992.0", "9007199254740993.0", "9.2233720368547758e18",
                "-9.2233720368547758e18", "0.1", "2.5", "-7.5", "1e16", "123456.789"]
DTYPES = ["float64", "int64", "float32", "int32", "bool_", "uint8"]
CLAMPS = [(2**62, 1000003), (2**63, 2**63 + 7), (2**64, 2**63 - 25), (10**6, 9973),
          (2**70, 2**65 + 3), (2**40, 2**33 + 1), (2**63, 4611686018427387903)]


class Scope:
    def __init__(self, njit):
        self.njit = njit
        self.ivars = []      # always int
        self.fvars = []      # always float
        self.nvars = []      # int or float (changes type)
        self.ovars = []      # int or None
        self.lists = []      # (name, length, elem kind 'i'/'f')
        self.arrays = []     # (name, shape tuple, dtype)
        self.loopvars = []   # for-loop variables in scope (read-only ints)
        self.depth = 0       # loop nesting depth
        self.globals_decl = []  # module globals this function declares `global`


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.lines = []
        self.ind = 0
        self.uid = 0
        self.helpers = []  # names of helper functions (Python mode)

    # ---- utilities
    def emit(self, s):
        self.lines.append("    " * self.ind + s)

    def fresh(self, p):
        self.uid += 1
        return f"{p}{self.uid}"

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    # ---- expressions
    def int_atom(self, sc):
        r = self.r.random()
        cands = sc.ivars + sc.loopvars
        if cands and r < 0.6:
            return self.pick(cands)
        if r < 0.8:
            return str(self.pick(INT_CONSTS[:14]))
        if sc.njit:
            return str(self.pick([c for c in INT_CONSTS if -2**63 <= c < 2**63]))
        return str(self.pick(INT_CONSTS))

    def float_atom(self, sc):
        if sc.fvars and self.chance(0.6):
            return self.pick(sc.fvars)
        c = self.pick(FLOAT_CONSTS)
        if sc.njit:
            c = c.replace("float('inf')", "np.inf").replace("float('-inf')", "-np.inf")
            c = c.replace("float('nan')", "np.nan")
        return c

    def int_expr(self, sc, d=2):
        """An expression that is an int (a big int possibly, outside njit); never raises."""
        if d <= 0 or self.chance(0.3):
            return self.int_atom(sc)
        k = self.r.randrange(10)
        a = self.int_expr(sc, d - 1)
        b = self.int_expr(sc, d - 1)
        if k <= 2:
            return f"({a} {self.pick(['+', '-', '*'])} {b})"
        if k == 3:
            return f"({a} {self.pick(['//', '%'])} (abs({b}) + 1))"
        if k == 4:
            return f"({a} {self.pick(['//', '%'])} -(abs({b}) + 1))"
        if k == 5:
            return f"{self.pick(['min', 'max'])}({a}, {b})"
        if k == 6:
            return f"abs({a})" if self.chance(0.5) else f"(-{a})"
        if k == 7:
            arr = self.array_read(sc, want="i")
            if arr:
                return arr
            return f"({a} & {self.pick(['255', '0xFFFF', '-8'])})"
        if k == 8 and not sc.njit and sc.lists:
            name, n, kind = self.pick(sc.lists)
            if kind == "i":
                return f"{name}[{a} % {n}]" if self.chance(0.7) else f"{name}[-1 - ({a} % {n})]"
        if k == 8 and not sc.njit and self.helpers and self.chance(0.5):
            return f"{self.pick(self.helpers)}({a}, {b})"
        return f"({a} {self.pick(['+', '-'])} {self.pick(['1', '2', '3'])})"

    def float_expr(self, sc, d=2):
        """An expression that is a float; never raises (may be inf or nan)."""
        if d <= 0 or self.chance(0.25):
            if self.chance(0.3):
                return f"float({self.int_expr(sc, 0)})" if not sc.njit else \
                    f"({self.int_expr(sc, 0)} * 1.0)"
            return self.float_atom(sc)
        k = self.r.randrange(11)
        a = self.float_expr(sc, d - 1)
        b = self.float_expr(sc, d - 1)
        if k <= 2:
            return f"({a} {self.pick(['+', '-', '*'])} {b})"
        if k == 3:
            return f"({a} / (abs({b}) + 1.0))"
        if k == 4:
            return f"({a} {self.pick(['//', '%'])} {self.pick(['(abs(' + b + ') + 0.5)', '-(abs(' + b + ') + 1.0)', '2.5', '-3.0'])})"
        if k == 5:
            return f"{self.pick(['min', 'max'])}({a}, {b})"
        if k == 6:
            return f"abs({a})" if self.chance(0.5) else f"(-{a})"
        if k == 7:
            i = self.int_expr(sc, 1)
            return f"({a} {self.pick(['+', '*', '-'])} {i})"
        if k == 8:
            arr = self.array_read(sc, want="f")
            if arr:
                return arr
            return f"math.sqrt(abs({a}))"
        if k == 9 and not sc.njit and sc.lists:
            name, n, kind = self.pick(sc.lists)
            if kind == "f":
                return f"{name}[{self.int_expr(sc, 1)} % {n}]"
        if k == 9 and not sc.njit and sc.nvars:
            return f"({self.pick(sc.nvars)} * 0.5)"
        if k == 10:
            return f"({a} / {self.pick(['3', '-7', '2.0', '0.1'])})"
        return f"({a} * {a})"

    def array_read(self, sc, want):
        if not sc.arrays:
            return None
        name, shape, dt = self.pick(sc.arrays)
        idx = ", ".join(self.index_expr(sc, n) for n in shape)
        e = f"{name}[{idx}]"
        isint = dt in ("int64", "int32", "uint8")
        if want == "i":
            if dt == "bool_":
                return f"(1 if {e} else 0)"
            if isint:
                return e if sc.njit else f"int({e})"
            return None
        if dt == "bool_":
            return f"(1.5 if {e} else -0.5)"
        if sc.njit:
            return e if not isint else f"({e} * 1.0)"
        return f"float({e})"

    def index_expr(self, sc, n):
        i = self.int_expr(sc, 1)
        if self.chance(0.25):
            return f"-1 - ({i} % {n})"
        return f"{i} % {n}"

    def num_expr(self, sc):
        if self.chance(0.5):
            return self.int_expr(sc)
        return self.float_expr(sc)

    def cond(self, sc, d=1):
        k = self.r.randrange(9)
        if k == 0 and d > 0:
            return f"({self.cond(sc, d - 1)} {self.pick(['and', 'or'])} {self.cond(sc, d - 1)})"
        if k == 1 and d > 0:
            return f"not {self.cond(sc, d - 1)}"
        if k == 2:
            return f"{self.int_expr(sc, 1)} % {self.pick(['2', '3', '5', '7'])} == {self.pick(['0', '1'])}"
        if k == 3:
            return f"{self.float_expr(sc, 1)} {self.pick(['==', '!=', '<', '>='])} {self.float_expr(sc, 1)}"
        if k == 4:
            return f"{self.int_expr(sc, 1)} {self.pick(['<', '<=', '==', '!=', '>', '>='])} {self.float_expr(sc, 1)}"
        if k == 5 and sc.arrays:
            name, shape, dt = self.pick(sc.arrays)
            if dt == "bool_":
                return f"{name}[{', '.join(self.index_expr(sc, n) for n in shape)}]"
        if k == 6 and not sc.njit and sc.nvars:
            return f"{self.pick(sc.nvars)} {self.pick(['<', '>', '==', '!='])} {self.num_expr(sc)}"
        if k == 7 and not sc.njit and sc.ovars:
            return f"{self.pick(sc.ovars)} is {self.pick(['None', 'not None'])}"
        return f"{self.int_expr(sc, 1)} {self.pick(['<', '<=', '==', '!=', '>', '>='])} {self.int_expr(sc, 1)}"

    # ---- statements
    def clamp(self, sc, v):
        lim, mod = self.pick(CLAMPS)
        if sc.njit:
            lim = min(lim, 2**62)
            mod = min(mod, 2**62 - 57)
        self.emit(f"if not ({-lim} < {v} < {lim}):")
        self.emit(f"    {v} = {v} % {mod}")

    def assignable_ints(self, sc):
        return sc.ivars

    def stmt_assign(self, sc):
        r = self.r.random()
        if sc.ivars and r < 0.4:
            v = self.pick(sc.ivars)
            op = self.pick(["=", "+=", "-=", "*=", "="])
            self.emit(f"{v} {op} {self.int_expr(sc)}")
            self.clamp(sc, v)
        elif sc.fvars and r < 0.7:
            v = self.pick(sc.fvars)
            op = self.pick(["=", "+=", "-=", "*=", "="])
            self.emit(f"{v} {op} {self.float_expr(sc)}")
        elif sc.nvars and r < 0.85 and not sc.njit:
            v = self.pick(sc.nvars)
            k = self.r.randrange(4)
            if k == 0:
                self.emit(f"{v} = {self.int_expr(sc)} if {self.cond(sc)} else {self.float_expr(sc)}")
            elif k == 1:
                self.emit(f"{v} = {v} + {self.pick(['1', '0.5', '-2', '1e-3'])}")
            elif k == 2:
                self.emit(f"{v} = {self.num_expr(sc)}")
            else:
                self.emit(f"if {self.cond(sc)}:")
                self.emit(f"    {v} = {self.float_expr(sc, 1)}")
                self.emit("else:")
                self.emit(f"    {v} = {self.int_expr(sc, 1)}")
            self.emit(f"if not (-1e30 < {v} < 1e30):")
            self.emit(f"    {v} = {self.pick(['0', '1.5', '-3'])}")
        elif sc.ovars and not sc.njit:
            v = self.pick(sc.ovars)
            if self.chance(0.5):
                self.emit(f"{v} = None if {self.cond(sc)} else {self.int_expr(sc, 1)}")
                self.emit(f"if {v} is not None and not (-2**64 < {v} < 2**64):")
                self.emit(f"    {v} = 3")
            elif sc.ivars:
                t = self.pick(sc.ivars)
                self.emit(f"if {v} is not None:")
                self.emit(f"    {t} += {v}")
                self.ind += 1
                self.clamp(sc, t)
                self.ind -= 1
            else:
                self.emit(f"{v} = None")
        elif len(sc.ivars) >= 2 and self.chance(0.5):
            a, b = self.r.sample(sc.ivars, 2)
            self.emit(f"{a}, {b} = {b}, {a} + {b}")
            self.clamp(sc, b)
        elif len(sc.fvars) >= 2:
            a, b = self.r.sample(sc.fvars, 2)
            self.emit(f"{a}, {b} = {b} * 0.5, {a} - {b}")
        elif sc.fvars:
            self.emit(f"{self.pick(sc.fvars)} = {self.float_expr(sc)}")

    def stmt_risky(self, sc):
        """Statements that may raise; Python mode only, always under try/except."""
        k = self.r.randrange(9)
        iv = self.pick(sc.ivars) if sc.ivars else None
        fv = self.pick(sc.fvars) if sc.fvars else None
        as_e = self.chance(0.3)
        bind = " as e" if as_e else ""
        handler_print = as_e and self.chance(0.5)

        def handler(exc, fallback):
            self.emit(f"except {exc}{bind}:")
            if handler_print:
                self.emit(f"    print('exc', type(e).__name__, e)")
            self.emit(f"    {fallback}")

        if k <= 1 and iv:
            self.emit("try:")
            self.emit(f"    {iv} = {self.int_expr(sc)} {self.pick(['//', '%'])} {self.int_expr(sc, 1)}")
            handler("ZeroDivisionError", f"{iv} = {self.pick(['0', '-1', '7'])}")
            self.clamp(sc, iv)
        elif k == 2 and fv:
            self.emit("try:")
            self.emit(f"    {fv} = {self.float_expr(sc)} {self.pick(['/', '//', '%'])} {self.float_expr(sc, 1)}")
            handler("ZeroDivisionError", f"{fv} = {self.pick(['0.0', '-1.5'])}")
        elif k == 3 and fv:
            fn = self.pick(["sqrt", "exp", "log", "sin", "cos", "atan", "log10", "tanh"])
            self.emit("try:")
            self.emit(f"    {fv} = math.{fn}({self.float_expr(sc)})")
            handler("(ValueError, OverflowError)", f"{fv} = {self.pick(['-1.0', '0.25'])}")
        elif k == 4 and iv:
            fn = self.pick(["int", "math.floor", "math.ceil", "math.trunc", "round"])
            self.emit("try:")
            self.emit(f"    {iv} = {fn}({self.float_expr(sc)})")
            handler("(ValueError, OverflowError)", f"{iv} = {self.pick(['-5', '11'])}")
            self.clamp(sc, iv)
        elif k == 5 and sc.lists:
            name, n, kind = self.pick(sc.lists)
            idx = self.pick([f"{self.int_expr(sc, 1)} % {n + 3}", f"-{self.pick(['1', '2', str(n), str(n + 1)])}",
                             self.int_expr(sc, 1)])
            self.emit("try:")
            if self.chance(0.5) and iv and kind == "i":
                self.emit(f"    {iv} = {name}[{idx}]")
            elif self.chance(0.5) and fv and kind == "f":
                self.emit(f"    {fv} = {name}[{idx}]")
            else:
                val = self.int_expr(sc, 1) if kind == "i" else self.float_expr(sc, 1)
                self.emit(f"    {name}[{idx}] = {val}")
                if kind == "i":
                    self.emit(f"    if not (-2**64 < {name}[{idx}] < 2**64):")
                    self.emit(f"        {name}[{idx}] = 1")
            handler("IndexError", "pass")
        elif k == 6 and fv:
            self.emit("try:")
            self.emit(f"    {fv} = {self.float_expr(sc, 1)} ** {self.pick(['2', '3', '0.5', '-1', '2.0'])}")
            handler("(OverflowError, ZeroDivisionError)", f"{fv} = 2.0")
            self.emit(f"if isinstance({fv}, complex):")
            self.emit(f"    {fv} = 0.5")
        elif k == 7 and sc.nvars:
            v = self.pick(sc.nvars)
            self.emit("try:")
            self.emit(f"    {v} = {v} // {self.pick([v, '0', '(' + v + ' - 1)', '-2'])}")
            handler("ZeroDivisionError", f"{v} = -1")
        elif iv:
            self.emit("try:")
            self.emit(f"    {iv} = {self.int_expr(sc, 1)} ** 2 // {self.int_expr(sc, 1)}")
            handler("ZeroDivisionError", f"{iv} = 4")
            self.clamp(sc, iv)

    def stmt_array_write(self, sc):
        if not sc.arrays:
            return
        name, shape, dt = self.pick(sc.arrays)
        idx = ", ".join(self.index_expr(sc, n) for n in shape)
        if dt in ("float64", "float32"):
            val = self.float_expr(sc)
        elif dt == "bool_":
            val = self.cond(sc)
        else:
            m = {"int64": "1000003", "int32": "65537", "uint8": "256"}[dt]
            val = f"{self.int_expr(sc)} % {m}"
        op = "=" if dt in ("bool_", "uint8", "int32", "int64") or self.chance(0.6) else self.pick(["+=", "*="])
        self.emit(f"{name}[{idx}] {op} {val}")

    def stmt_print(self, sc, loopvar):
        vs = sc.ivars + sc.fvars + ([] if sc.njit else sc.nvars + sc.ovars)
        if not vs:
            return
        sel = self.r.sample(vs, min(len(vs), self.r.randint(1, 3)))
        if loopvar:
            self.emit(f"if {loopvar} % {self.pick(['7', '13', '31', '64'])} == {self.pick(['0', '1', '3'])}:")
            self.emit(f"    print({loopvar!r}, {', '.join(sel)})")
        else:
            self.emit(f"print({', '.join(sel)})")

    def stmt_if(self, sc, budget):
        self.emit(f"if {self.cond(sc)}:")
        self.block(sc, budget, 2)
        if self.chance(0.5):
            self.emit(f"elif {self.cond(sc)}:")
            self.block(sc, budget, 2)
        if self.chance(0.5):
            self.emit("else:")
            self.block(sc, budget, 2)

    def range_args(self, sc, big):
        k = self.r.randrange(8)
        n = self.r.choice([60, 80, 120, 200]) if big else self.r.choice([0, 1, 2, 3, 5, 9, 17])
        if k == 0:
            return f"{n}", n
        if k == 1:
            a = self.r.randint(-20, 20)
            return f"{a}, {a + n}", n
        if k == 2:
            s = self.r.choice([2, 3, 5])
            a = self.r.randint(-10, 10)
            return f"{a}, {a + n * s}, {s}", n
        if k == 3:
            s = self.r.choice([-1, -2, -3])
            a = self.r.randint(-10, 30)
            return f"{a}, {a + n * s}, {s}", n
        if k == 4:
            a = self.r.randint(-5, 5)
            return f"{a}, {a - self.r.randint(0, 3)}", 0  # empty
        if k == 5:
            a = self.r.randint(0, 5)
            return f"{a}, {a + self.r.randint(0, 3)}, -1", 0  # empty with negative step
        if k == 6 and (sc.ivars or sc.loopvars):
            v = self.pick(sc.ivars + sc.loopvars)
            return f"{v} % {n + 1}", n
        big_start = self.pick(["2**63 - 40", "-2**63 + 3", "2**62"]) if not sc.njit else "2**62"
        return f"{big_start}, {big_start} + {n}", n

    def stmt_for(self, sc, budget):
        if sc.depth >= 3:
            return self.stmt_assign(sc)
        big = sc.depth == 0 or (sc.depth == 1 and self.chance(0.3))
        args, n = self.range_args(sc, big)
        lv = self.fresh("i")
        self.emit(f"{lv} = -1")
        self.emit(f"for {lv} in range({args}):")
        sc.loopvars.append(lv)
        sc.depth += 1
        self.ind += 1
        if self.chance(0.5):
            self.stmt_print(sc, lv)
        self.block(sc, budget, 5 if sc.depth == 1 else 3, inloop=True, indent=False)
        if self.chance(0.1):
            self.emit(f"{lv} = {lv} * 2 + 1")  # reassigning the loop variable
        self.ind -= 1
        sc.depth -= 1
        sc.loopvars.pop()
        if self.chance(0.15):
            self.emit("else:")
            self.emit(f"    {self.pick(sc.ivars) if sc.ivars else '_x'} = {lv}")
        if sc.ivars and self.chance(0.5):
            v = self.pick(sc.ivars)
            self.emit(f"{v} += {lv}")
            self.clamp(sc, v)

    def stmt_while(self, sc, budget):
        if sc.depth >= 3:
            return self.stmt_assign(sc)
        w = self.fresh("w")
        n = self.r.choice([3, 10, 70, 150]) if sc.depth == 0 else self.r.choice([2, 5, 9])
        self.emit(f"{w} = 0")
        forever = self.chance(0.35)
        self.emit("while True:" if forever else f"while {w} < {n}:")
        sc.depth += 1
        self.ind += 1
        if forever:
            self.emit(f"if {w} >= {n}:")
            self.emit("    break")
        self.emit(f"{w} += 1")
        sc.loopvars.append(w)
        if self.chance(0.5):
            self.emit(f"if {self.cond(sc)}:")
            self.emit(f"    {self.pick(['continue', 'continue', 'break'])}")
        self.block(sc, budget, 4 if sc.depth == 1 else 2, inloop=True, indent=False)
        if self.chance(0.3):
            self.emit(f"if {self.cond(sc)}:")
            self.emit("    break")
        sc.loopvars.pop()
        self.ind -= 1
        sc.depth -= 1
        if sc.ivars:
            self.emit(f"{self.pick(sc.ivars)} += {w}")

    def block(self, sc, budget, n, inloop=False, indent=True):
        self.ind += indent
        start = len(self.lines)
        for _ in range(self.r.randint(1, n)):
            self.statement(sc, budget, inloop)
        if len(self.lines) == start:
            self.emit("pass")
        self.ind -= indent

    def statement(self, sc, budget, inloop):
        r = self.r.random()
        if budget[0] <= 0:
            r = 0.0
        budget[0] -= 1
        if r < 0.3:
            self.stmt_assign(sc)
        elif r < 0.42 and not sc.njit:
            self.stmt_risky(sc)
        elif r < 0.52:
            self.stmt_array_write(sc) if sc.arrays else self.stmt_assign(sc)
        elif r < 0.64:
            self.stmt_if(sc, budget)
        elif r < 0.8:
            self.stmt_for(sc, budget)
        elif r < 0.88:
            self.stmt_while(sc, budget)
        elif r < 0.93 and inloop:
            self.stmt_print(sc, None if not sc.loopvars else sc.loopvars[-1])
        elif r < 0.96 and inloop and sc.loopvars:
            self.emit(f"if {self.cond(sc)}:")
            self.emit(f"    {self.pick(['continue', 'break'])}")
        else:
            self.stmt_assign(sc)

    # ---- program structure
    def init_vars(self, sc, prefix):
        for _ in range(self.r.randint(1, 3)):
            v = self.fresh(prefix + "i")
            self.emit(f"{v} = {self.pick(INT_CONSTS[:14] + [2**62, 2**63 - 5, -2**63 + 2])}")
            sc.ivars.append(v)
        for _ in range(self.r.randint(1, 3)):
            v = self.fresh(prefix + "f")
            c = self.pick(FLOAT_CONSTS[:12] + ["1.0", "0.75"])
            if sc.njit:
                c = c.replace("float('inf')", "np.inf").replace("float('-inf')", "-np.inf")
                c = c.replace("float('nan')", "np.nan")
            self.emit(f"{v} = {c}")
            sc.fvars.append(v)
        if not sc.njit:
            for _ in range(self.r.randint(0, 2)):
                v = self.fresh(prefix + "n")
                self.emit(f"{v} = {self.pick(['0', '1', '2.5', '-3'])}")
                sc.nvars.append(v)
            if self.chance(0.5):
                v = self.fresh(prefix + "o")
                self.emit(f"{v} = {self.pick(['None', '4'])}")
                sc.ovars.append(v)
            if self.chance(0.6):
                v = self.fresh(prefix + "l")
                n = self.r.randint(1, 8)
                kind = self.pick("if")
                vals = [str(self.r.randint(-9, 9)) if kind == "i" else f"{self.r.randint(-9, 9)}.5"
                        for _ in range(n)]
                self.emit(f"{v} = [{', '.join(vals)}]")
                sc.lists.append((v, n, kind))

    def make_array(self, name):
        dt = self.pick(DTYPES)
        if self.chance(0.6):
            n = self.r.randint(1, 12)
            shape = (n,)
            base = f"np.arange({n})"
        else:
            shape = (self.r.randint(1, 4), self.r.randint(1, 5))
            base = f"np.arange({shape[0] * shape[1]}).reshape({shape[0]}, {shape[1]})"
        if dt == "bool_":
            self.emit(f"{name} = ({base} % 3 == 1)")
        elif dt.startswith("float"):
            self.emit(f"{name} = ({base} * 0.5 - 1.25).astype(np.{dt})")
        else:
            self.emit(f"{name} = ({base} * 3 % 7).astype(np.{dt})")
        return (name, shape, dt)

    def print_state(self, sc, tag):
        vs = sc.ivars + sc.fvars + sc.nvars + sc.ovars + [l[0] for l in sc.lists]
        self.emit(f"print({tag!r}, {', '.join(vs)})" if vs else f"print({tag!r})")
        for a in sc.arrays:
            self.emit(f"print({a[0]}.sum(), {a[0]}[{', '.join('-1' for _ in a[1])}])")

    def helper_funcs(self):
        if self.chance(0.5):
            self.emit("def hadd(x, y):")
            self.emit("    if x > y:")
            self.emit("        return x - y")
            self.emit("    return x + y * 2")
            self.helpers.append("hadd")
        if self.chance(0.3):
            self.emit("def hrec(n, k):")
            self.emit("    if n <= 0 or n > 12:")
            self.emit("        return k")
            self.emit("    return hrec(n - 1, k + n) % 1000003")
            self.helpers.append("hrec")

    def program(self):
        self.emit("import math")
        self.emit("import numpy as np")
        self.emit("from numba import njit")
        self.helper_funcs()
        gsc = Scope(njit=False)
        self.init_vars(gsc, "g")
        for _ in range(self.r.randint(0, 2)):
            gsc.arrays.append(self.make_array(self.fresh("ga")))
        nblocks = self.r.randint(2, 4)
        for b in range(nblocks):
            kind = self.r.random()
            budget = [self.r.randint(6, 14)]
            if kind < 0.35:
                # module-level loop on globals
                self.stmt_for(gsc, budget) if self.chance(0.75) else self.stmt_while(gsc, budget)
                self.print_state(gsc, f"B{b}")
            elif kind < 0.7:
                fname = self.fresh("fn")
                self.emit(f"def {fname}(p, arrs):")
                self.ind += 1
                sc = Scope(njit=False)
                gl = [v for v in gsc.ivars if self.chance(0.4)]
                if gl:
                    self.emit(f"global {', '.join(gl)}")
                    sc.ivars.extend(gl)
                self.init_vars(sc, "")
                sc.ivars.append("p")
                for j, a in enumerate(gsc.arrays):
                    self.emit(f"{a[0]} = arrs[{j}]")
                    sc.arrays.append(a)
                self.stmt_for(sc, budget) if self.chance(0.8) else self.stmt_while(sc, budget)
                if self.chance(0.5):
                    self.statement(sc, budget, False)
                vs = [v for v in sc.ivars + sc.fvars + sc.nvars + sc.ovars if v not in gl]
                vs += [l[0] for l in sc.lists]
                self.emit(f"return ({', '.join(vs)},)")
                self.ind -= 1
                self.emit(f"print({fname!r}, {fname}({self.pick(['3', '-4', '2**63 - 1', '17'])}, "
                          f"[{', '.join(a[0] for a in gsc.arrays)}]))")
                self.print_state(gsc, f"B{b}")
            else:
                fname = self.fresh("nj")
                narr = self.r.randint(0, 2)
                arrs = [self.make_array(self.fresh("na")) for _ in range(narr)]
                params = [a[0] for a in arrs]
                self.emit("@njit")
                self.emit(f"def {fname}({', '.join(['p'] + params)}):")
                self.ind += 1
                sc = Scope(njit=True)
                self.init_vars(sc, "")
                sc.ivars.append("p")
                sc.arrays = list(arrs)
                self.stmt_for(sc, budget) if self.chance(0.8) else self.stmt_while(sc, budget)
                if self.chance(0.5):
                    self.statement(sc, budget, False)
                self.emit(f"return ({', '.join(sc.ivars + sc.fvars)},)")
                self.ind -= 1
                self.emit(f"print({fname!r}, {fname}({', '.join([self.pick(['5', '-3', '40', '1000'])] + params)}))")
                for a in arrs:
                    self.emit(f"print({a[0]}.sum(), {a[0]}[{', '.join('-1' for _ in a[1])}])")
        self.print_state(gsc, "end")
        return "\n".join(self.lines) + "\n"


def generate(seed):
    return Gen(seed).program()


def run_one(binary, mode, path, timeout):
    try:
        r = subprocess.run([binary] + mode + [os.path.basename(path)], cwd=os.path.dirname(path),
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ("TIMEOUT", "", f"timeout after {timeout}s")
    err = r.stderr.decode("utf-8", "replace")
    lines = [l for l in err.splitlines() if l.strip()]
    return (r.returncode, r.stdout.decode("utf-8", "replace"), lines[-1].rstrip() if lines else "")


def check(binary, seed, workdir, keep_dir, timeout):
    src = generate(seed)
    path = os.path.join(workdir, f"fuzz_{seed}.py")
    with open(path, "w") as f:
        f.write(src)
    results = [run_one(binary, m, path, timeout) for m in MODES]
    os.unlink(path)
    oracle = results[0]
    bad = [i for i, res in enumerate(results)
           if res != oracle or res[0] == "TIMEOUT" or (isinstance(res[0], int) and res[0] < 0)]
    if not bad:
        return seed, None, oracle
    os.makedirs(keep_dir, exist_ok=True)
    out = os.path.join(keep_dir, f"fuzz_{seed}.py")
    with open(out, "w") as f:
        f.write(src)
    for i, res in enumerate(results):
        with open(os.path.join(keep_dir, f"fuzz_{seed}.{MODE_NAMES[i]}.txt"), "w") as f:
            f.write(f"exit: {res[0]}\nlast stderr line: {res[2]}\n--- stdout\n{res[1]}")
    what = ", ".join(MODE_NAMES[i] for i in bad)
    return seed, f"mismatch in {what}: {out}", oracle


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--keep-dir", default="jit_fuzz_failures")
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--known-failing", default="",
                    help="comma-separated seeds of open JIT bugs: a mismatch there is an XFAIL")
    ap.add_argument("--print", action="store_true", help="print the program of --seed and exit")
    a = ap.parse_args()
    if a.print:
        sys.stdout.write(generate(a.seed))
        return 0
    binary = os.path.abspath(a.bin)
    keep = os.path.abspath(a.keep_dir)
    import tempfile
    known = {int(x) for x in a.known_failing.split(",") if x.strip()}
    failed = 0
    xfail = 0
    uncaught = 0
    with tempfile.TemporaryDirectory(prefix="jit_fuzz_") as work:
        seeds = range(a.seed, a.seed + a.count)
        with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
            for seed, problem, oracle in ex.map(lambda s: check(binary, s, work, keep, a.timeout), seeds):
                if oracle[0] != 0:
                    uncaught += 1
                if problem and seed in known:
                    xfail += 1
                    print(f"XFAIL seed {seed} (known JIT bug): {problem}", flush=True)
                elif problem:
                    failed += 1
                    print(f"FAIL seed {seed}: {problem}", flush=True)
                elif seed in known:
                    print(f"XPASS seed {seed}: agrees now; drop it from --known-failing", flush=True)
    print(f"{a.count - failed - xfail} of {a.count} programs agree in all three modes, "
          f"{xfail} known failures (seeds {a.seed}..{a.seed + a.count - 1}; "
          f"{uncaught} ended in an error with --jit=off)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
