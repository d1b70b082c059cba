# JIT bug: a float operation compiled to a native call (FCALL1/FCALL2: math.cos,
# math.ceil, math.trunc, float % and //) with a constant operand reads garbage for that
# operand: x64_backend materialises the KFLT constant (Emitter::xmm) after the invoke
# node, i.e. after the call. Wrong only with the JIT on.
import math

def cos_const():
    x = 0.0
    for i in range(3):
        x = math.cos(0.1)
    return x

def mod_const_divisor(n):
    s = 0.0
    for i in range(n):
        s += (i - 5.5) % 7
    return s

def ceil_const():
    k = 0
    for i in range(60):
        k = math.ceil(1e16)
    return k

def floordiv_consts():
    y = 0.0
    for i in range(60):
        y = 123456.789 // -3.0
    return y

def mod_variable_dividend(f):
    for i in range(5):
        f = (f - 1) % -3.0
    return f

print(cos_const())
print(mod_const_divisor(7), mod_const_divisor(100))
print(ceil_const())
print(floordiv_consts())
print(mod_variable_dividend(1.5))
