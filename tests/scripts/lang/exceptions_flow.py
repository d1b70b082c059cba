# tests/scripts/lang/exceptions_flow.py — try/except/else/finally ordering, the builtin
# exception hierarchy, custom exceptions, args/str/repr, re-raise, raise from, context.
def flow(kind):
    log = []
    try:
        log.append("try")
        if kind == 1:
            raise ValueError("v")
        if kind == 2:
            raise KeyError("k")
        if kind == 3:
            return log
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


print(flow(0), flow(1), flow(3))
try:
    flow(2)
except LookupError as e:
    print("LookupError caught:", type(e).__name__, e)


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


print(finally_overrides())
hierarchy = [ZeroDivisionError, OverflowError, IndexError, KeyError, ValueError,
             TypeError, NameError, UnboundLocalError, AttributeError, RecursionError,
             NotImplementedError, StopIteration, AssertionError, FileNotFoundError,
             ModuleNotFoundError, KeyboardInterrupt, SystemExit, GeneratorExit,
             UnicodeDecodeError, IndentationError, TabError, EOFError, MemoryError]
for cls in hierarchy:
    print(cls.__name__, [b.__name__ for b in cls.__mro__[1:]])


class AppError(Exception):
    pass


class DetailError(AppError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[1]}"


for exc in [AppError(), AppError("one"), AppError("a", 2), DetailError(7, "bad"),
            ValueError(), KeyError("key"), KeyError(1, 2), OSError(2, "nope")]:
    print(type(exc).__name__, repr(exc), "|" + str(exc) + "|", exc.args)
try:
    raise DetailError(404, "not found")
except AppError as e:
    print("caught", e, e.code, isinstance(e, Exception))
try:
    raise AppError
except AppError as e:
    print("class raised:", repr(e))


def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling")
        raise


try:
    reraiser()
except ArithmeticError as e:
    print("re-raised", repr(e))
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__))
try:
    try:
        raise ValueError("x")
    except ValueError:
        raise KeyError("y") from None
except KeyError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    raise (ValueError, TypeError)[1]("chosen")
except (KeyError, TypeError) as e:
    print("tuple match", e)
e_name_cleared = "before"
try:
    raise ValueError
except ValueError as e_name_cleared:
    pass
print("e_name_cleared" in dir())
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise ValueError("inner")
    finally:
        print("finally runs before outer handler")
except ValueError as e:
    print("outer got", e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)


def nested_handlers():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise IndexError("b")
    except IndexError as e:
        return type(e.__context__).__name__


print(nested_handlers())
try:
    raise StopIteration(5)
except StopIteration as e:
    print("value", e.value, e.args)
print(BaseException("x").with_traceback(None).args)
