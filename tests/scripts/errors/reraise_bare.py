# tests/scripts/errors/reraise_bare.py — bare raise re-raises the handled exception.
try:
    1 % 0
except ZeroDivisionError:
    print("logging and re-raising")
    raise
