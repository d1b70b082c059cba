# tests/golden/dis/try_except.py — try/except with a named handler, a tuple of classes,
# else and finally (handler table, PUSH_EXC/POP_EXC, RERAISE).
def safe_div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("error", e)
        r = None
    except (TypeError, ValueError):
        r = -1
    else:
        r = r * 2
    finally:
        print("done")
    return r


print(safe_div(1, 0), safe_div(4, 2))
