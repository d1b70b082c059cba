# tests/scripts/errors/assertion_error.py — uncaught AssertionError with a message.
x = 3
assert x > 0
assert x > 5, f"x should exceed 5, got {x}"
