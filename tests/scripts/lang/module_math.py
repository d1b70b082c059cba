# tests/scripts/lang/module_math.py — the math module: constants, functions, exact
# float results, integer functions, special values and error messages.
import math
from math import sqrt, pi as PI

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, PI == math.pi)
print(sqrt(2), math.sqrt(16), math.exp(1), math.log(100), math.log(8, 2), math.log10(1000))
print(math.log2(1024), math.log1p(1e-10), math.expm1(1e-10), math.pow(2, 0.5), math.exp(-1))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1))
print(math.atan2(1, -1), math.sinh(1), math.cosh(1), math.tanh(0.5), math.hypot(3, 4))
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.5), math.ceil(5))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(1, -0.0), math.modf(3.25))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.degrees(math.pi), math.radians(180))
print(math.factorial(20), math.factorial(25), math.gcd(48, 36), math.gcd(0, 0), math.lcm(4, 6))
print(math.comb(10, 3), math.perm(5, 2), math.isqrt(10 ** 12 + 1), math.prod([1, 2, 3, 4]))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isclose(1, 1 + 1e-10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.erf(0.5), math.erfc(0.5), math.gamma(5.5))
print(math.lgamma(10), math.dist((0, 0), (3, 4)), math.sqrt(0.0), math.sqrt(-0.0))
print(math.inf > 10 ** 300, math.inf - math.inf, math.cos(math.pi), math.sin(math.pi))
print(math.exp(700), math.atan(math.inf), math.tanh(100), math.floor(-0.5), math.cbrt(27))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1),
            lambda: math.acos(2), lambda: math.factorial(-1), lambda: math.exp(1000),
            lambda: math.floor(math.inf), lambda: math.floor(math.nan),
            lambda: math.sqrt("x"), lambda: math.factorial(2.5), lambda: math.pow(0, -1)]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
