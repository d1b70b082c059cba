# tests/scripts/errors/syntax_error_assign.py — assignment to a call.
print("never printed")
f() = 3
