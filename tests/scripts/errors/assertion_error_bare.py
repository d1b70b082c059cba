# tests/scripts/errors/assertion_error_bare.py — uncaught AssertionError, no message.
assert 1 + 1 == 3
