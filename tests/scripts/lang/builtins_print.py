# tests/scripts/lang/builtins_print.py — print(): sep, end, file=sys.stdout/sys.stderr,
# flush, no arguments, None sep/end, non-str arguments, and its errors.
import sys

print()
print("a", "b", 3, None, True, 1.5, [1], (2,), {3: 4}, {5})
print("a", "b", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" continued")
print(1, 2, sep=None, end=None)
print("x", file=sys.stdout)
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep=" | ")
print("multi\nline", "tab\there")
print("", "", sep="-")
print(end="")
print("unicode: é ü λ 日本 😀", len("日本"), len("😀"))
print(repr("quote's"), repr('dq"'), repr("both'\""), repr("nl\n\t\\"), repr("é\x00\x7f"))
sys.stdout.write("via write\n")
n = sys.stdout.write("counted\n")
print(n)


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


w = W()
print("to", "object", sep="+", end="!", file=w)
print(w.parts)
for bad in [dict(sep=5), dict(end=3), dict(file=5)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
try:
    print("x", foo=1)
except TypeError as e:
    print("TypeError:", e)
print(str(print)[:20], print.__name__)
