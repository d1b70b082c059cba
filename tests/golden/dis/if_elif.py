# tests/golden/dis/if_elif.py — if/elif/else with comparisons fused into jumps
# (JNLT ...), boolean operators, `not`, `is None`, `in`, and a conditional expression.
def classify(n, s):
    if n < 0:
        kind = "neg"
    elif n == 0:
        kind = "zero"
    elif n >= 100 and n != 1000:
        kind = "big"
    elif not n % 2 or n > 50:
        kind = "even-or-large"
    else:
        kind = "odd"
    if s is None:
        s = ""
    tag = "in" if n in (1, 2, 3) else "out"
    return kind + s + tag


print(classify(-1, None), classify(7, "!"))
