# tests/scripts/lang/module_sys_time.py — sys (argv, version_info, maxsize, modules,
# recursion limit, stdout/stderr, exit inside try) and time (monotonic clocks, sleep,
# types) with deterministic output only.
import sys
import time

print(sys.argv, sys.version_info[:2], sys.version_info[0], sys.maxsize, sys.maxsize + 1)
print(sys.version.startswith("3.11"), "sys" in sys.modules, "time" in sys.modules)
print(sys.byteorder)
print(type(sys.path).__name__, sys.platform)
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError at limit", sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())
try:
    sys.exit(5)
except SystemExit as e:
    print("SystemExit", e.code, repr(e), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", repr(e.code))
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, e.code)
print(isinstance(SystemExit(), Exception), isinstance(SystemExit(), BaseException))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
pn0 = time.perf_counter_ns()
time.sleep(0.01)
t1, m1, p1, pn1 = time.time(), time.monotonic(), time.perf_counter(), time.perf_counter_ns()
print(type(t0).__name__, type(pn0).__name__, t0 > 1.6e9, m1 >= m0 + 0.009, p1 - p0 >= 0.009)
print(pn1 - pn0 >= 9_000_000, 0 <= t1 - t0 < 5, time.time_ns() > 10 ** 18)
print(type(time.process_time()).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
sys.stdout.write("done\n")
sys.stdout.flush()
