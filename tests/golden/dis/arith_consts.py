# tests/golden/dis/arith_consts.py — arithmetic with constants (ADDK/SUBK/MULK, LOADI,
# big and float constants), augmented assignment and unary operators.
def poly(x):
    y = x * 3 + 1
    y -= 2
    y += x * x
    z = -y
    w = ~z
    return y / 2.5 + z // 7 - w % 4 + 2 ** 10 + 123456789012 + 0.5


print(poly(3))
