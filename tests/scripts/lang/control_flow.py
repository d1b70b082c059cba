# try/except/else/finally interacting with return, break and continue.
def f(n):
    out = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    else:
        out.append("else")
    return out


print(f(2), f(5))


def g():
    try:
        return "try"
    finally:
        print("finally before return")


def h():
    try:
        raise ValueError("x")
    except ValueError:
        return "handled"
    finally:
        print("h finally")


def k():
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise KeyError(i)
            finally:
                print("inner finally", i)
        except KeyError as e:
            print("caught", repr(e))
            continue
        print("body", i)
    return "done"


print(g(), h(), k())


def nested_return():
    try:
        try:
            return 1
        finally:
            print("inner")
    finally:
        print("outer")


print(nested_return())


def finally_overrides():
    try:
        return 1
    finally:
        return 2


print(finally_overrides())


def exc_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except TypeError as e:
        return repr(e), repr(e.__context__)


print(exc_in_finally())

i = 0
while i < 10:
    i += 1
    try:
        if i % 2:
            continue
    finally:
        pass
    if i > 6:
        break
print("i =", i)


def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")


for v in gen_with_finally():
    print("got", v)

x = 5
try:
    x = x / 0
except ZeroDivisionError as e:
    print("zde:", e)
else:
    print("no")
try:
    pass
except Exception:
    print("never")
else:
    print("else runs")


def raise_in_except():
    try:
        try:
            {}["a"]
        except KeyError:
            raise RuntimeError("wrapped")
    except RuntimeError as e:
        return type(e.__context__).__name__, e.__cause__, e.__suppress_context__


print(raise_in_except())


def raise_from():
    try:
        try:
            int("z")
        except ValueError as e:
            raise LookupError("lk") from e
    except LookupError as e:
        return type(e.__cause__).__name__, e.__suppress_context__


print(raise_from())
try:
    raise ValueError("a") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)


def bare_reraise():
    try:
        try:
            raise IndexError("deep")
        except IndexError:
            raise
    except IndexError as e:
        return str(e)


print(bare_reraise())
