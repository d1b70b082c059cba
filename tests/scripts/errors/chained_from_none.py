# tests/scripts/errors/chained_from_none.py — raise ... from None hides the context.
try:
    [][0]
except IndexError:
    raise LookupError("nothing there") from None
