# Exceptions raised inside compiled loops and caught outside or inside the loop;
# loop state after the exception must be the interpreter's.
def find_bad(lst):
    i = 0
    s = 0
    try:
        for i in range(len(lst) + 5):
            s += lst[i]
    except IndexError as e:
        return "IndexError", str(e), i, s
    return None
print(find_bad(list(range(300))))

def divs(n):
    state = []
    total = 0
    for i in range(n):
        try:
            total += 10**6 // (i - 150)
        except ZeroDivisionError as e:
            state.append((i, total, str(e)))
    return total, state
print(divs(300))

def overflow_in_loop():
    x = 1.0
    i = 0
    try:
        while True:
            x = x * 1e10
            i += 1
            x = int(x) * 1.0
    except OverflowError as e:
        return i, x, str(e)
print(overflow_in_loop())

class Stop(Exception):
    pass

def raise_custom(n):
    s = 0
    for i in range(n):
        s += i
        if i == 777:
            raise Stop("stopped at %d with %d" % (i, s))
    return s
try:
    raise_custom(1000)
except Stop as e:
    print("Stop:", e)

def finally_count(n):
    c = 0
    for i in range(n):
        try:
            if i % 5 == 0:
                continue
            c += 1
        finally:
            c += 10
    return c
print(finally_count(200))

def key_error(n):
    d = {i: i * i for i in range(50)}
    s = 0
    for i in range(n):
        try:
            s += d[i]
        except KeyError as e:
            s -= 1
    return s
print(key_error(100))

def assert_in_loop():
    for i in range(500):
        assert i < 321, "too big: %d" % i
try:
    assert_in_loop()
except AssertionError as e:
    print("AssertionError", e)
