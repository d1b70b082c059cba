# ndarray operators: arithmetic with broadcasting and reflected forms, in-place forms
# with same_kind casting, the ** fast paths, comparisons (with None and str), `in`,
# unary operators and abs().
import numpy as np

def show(x):
    if isinstance(x, np.generic):
        return type(x).__name__ + ":" + repr(x.item())
    if isinstance(x, np.ndarray):
        return str(x.dtype) + str(x.shape) + ":" + repr(x.tolist())
    return type(x).__name__ + ":" + repr(x)

def t(label, f):
    try:
        print(label, show(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a = np.arange(6).reshape(2, 3)
x = np.array([-7, -3, 0, 3, 7])
y = np.array([-7.5, -0.5, 0.5, 7.5])
b = np.array([True, False])
f32 = np.array([0.5, 1.5], dtype=np.float32)
i8 = np.array([1, -2, 127], dtype=np.int8)
c = np.array([1 + 2j, 3 - 1j])
for label, f in [("a+10", lambda: a + 10), ("a*2.5", lambda: a * 2.5), ("2**a", lambda: 2 ** a), ("3-a", lambda: 3 - a),
                 ("1/(a+1)", lambda: 1 / (a + 1)), ("10%(a+1)", lambda: 10 % (a + 1)), ("col*row", lambda: np.arange(4).reshape(4, 1) * 10 + np.arange(3)),
                 ("a*[[1],[-1]]", lambda: a * np.array([[1], [-1]])), ("x//2", lambda: x // 2), ("x%-3", lambda: x % -3), ("-x", lambda: -x),
                 ("+x", lambda: +x), ("abs", lambda: abs(x)), ("~x", lambda: ~x), ("x<<2", lambda: x << 2), ("x>>1", lambda: x >> 1),
                 ("x&6", lambda: x & 6), ("x|1", lambda: x | 1), ("x^x", lambda: x ^ x), ("y//2", lambda: y // 2), ("y%2", lambda: y % 2),
                 ("b+b", lambda: b + b), ("True+b", lambda: True + b), ("b*3", lambda: b * 3), ("+b", lambda: +b), ("~b", lambda: ~b),
                 ("-b", lambda: -b), ("b-b", lambda: b - b), ("i8+1000", lambda: i8 + 1000), ("i8*i8", lambda: i8 * i8),
                 ("f32*2.0", lambda: f32 * 2.0), ("f32+1e300", lambda: f32 + 1e300), ("c*c", lambda: c * c), ("c/c", lambda: c / c),
                 ("abs c", lambda: abs(c)), ("-c", lambda: -c), ("list+x", lambda: [1, 2, 3, 4, 5] + x), ("x+list", lambda: x + [1, 2, 3, 4, 5]),
                 ("tuple*x", lambda: (1, 2, 3, 4, 5) * x), ("x+bad", lambda: x + [1, 2]), ("a+bad", lambda: a + np.ones(2)),
                 ("x+None", lambda: x + None), ("x*str", lambda: x * "ab")]:
    t(label, f)
for label, f in [("x**2", lambda: x ** 2), ("x**2.0", lambda: x ** 2.0), ("i8**2", lambda: i8 ** 2), ("i8**2.0", lambda: i8 ** 2.0),
                 ("b**2", lambda: b ** 2), ("x**0", lambda: x ** 0), ("x**1", lambda: x ** 1), ("x**-1", lambda: x ** -1),
                 ("y**0", lambda: y ** 0), ("y**1", lambda: y ** 1), ("y**-1", lambda: y ** -1), ("y**0.5", lambda: y ** 0.5),
                 ("y**2", lambda: y ** 2), ("y**3", lambda: y ** 3), ("f32**0.5", lambda: f32 ** 0.5), ("f32**2", lambda: f32 ** 2),
                 ("c**2", lambda: c ** 2), ("c**0", lambda: c ** 0), ("c**-1", lambda: c ** -1),
                 ("neg0**0.5", lambda: np.array([-0.0, -np.inf, 4.0]) ** 0.5), ("pow arr", lambda: np.array([2.0]) ** np.array([0.5, 2, -1])),
                 ("2.0**x", lambda: 2.0 ** np.arange(5)), ("x**np.int8(2)", lambda: x ** np.int8(2)), ("y**np.float32(2)", lambda: y ** np.float32(2))]:
    t(label, f)
for label, f in [("a>2", lambda: a > 2), ("a==3", lambda: a == 3), ("a<=row", lambda: a <= np.array([0, 4, 1])), ("2<a", lambda: 2 < a),
                 ("x==None", lambda: x == None), ("x!=None", lambda: x != None), ("x<None", lambda: x < None), ("x=='x'", lambda: x == "x"),
                 ("x!='x'", lambda: x != "x"), ("x<'x'", lambda: x < "x"), ("x==[1,2]", lambda: x == [1, 2]), ("x!=[1,2]", lambda: x != [1, 2]),
                 ("x<[1,2]", lambda: x < [1, 2]), ("x==list", lambda: x == [-7, 0, 0, 0, 7]), ("nan==", lambda: np.array([1.0, np.nan]) == np.nan),
                 ("c<1", lambda: c < 1), ("c==c", lambda: c == c), ("f32==0.1", lambda: np.array([0.1], dtype=np.float32) == 0.1),
                 ("i==u64", lambda: np.array([2**63 - 1]) == np.array([2**63 - 1], dtype=np.uint64)), ("3 in x", lambda: 3 in x),
                 ("9 in x", lambda: 9 in x), ("None in x", lambda: None in x), ("'x' in x", lambda: "x" in x), ("row in a", lambda: [0, 1, 2] in a)]:
    t(label, f)
def inplace(label, f):
    try:
        print(label, show(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
def ip1():
    r = np.arange(3); r += 1.5; return r
def ip2():
    r = np.arange(3); r += 1; r *= 3; r -= np.array([1, 1, 1]); r //= 2; return r
def ip3():
    r = np.arange(6.0).reshape(2, 3); r += 1; r *= np.array([1.0, 10.0, 100.0]); r -= 0.5; r /= 2; return r
def ip4():
    r = np.arange(3, dtype=np.int8); r += 1000; return r
def ip5():
    r = np.arange(3); r **= 2.0; return r
def ip6():
    r = np.arange(3); r **= 0.5; return r
def ip7():
    r = np.arange(4.0); r **= 0.5; return r
def ip8():
    r = np.arange(4); r /= 2; return r
def ip9():
    r = np.array([1, 2], dtype=np.float32); r *= 1e300; return r
def ip10():
    r = np.arange(3); r += np.arange(6).reshape(2, 3); return r
def ip11():
    r = np.arange(3.0); r += [1, 2, 3]; return r
def ip12():
    r = np.array([True, False]); r += True; return r
def ip13():
    r = np.arange(4); r <<= 2; r |= 1; r ^= 3; r &= 6; r >>= 1; r %= 2; return r
def ip14():
    r = np.arange(4.0); s = r; r += 1; return s
for i, f in enumerate([ip1, ip2, ip3, ip4, ip5, ip6, ip7, ip8, ip9, ip10, ip11, ip12, ip13, ip14]):
    inplace("ip" + str(i + 1), f)
