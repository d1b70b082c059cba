# tests/scripts/errors/syntax_error_return.py — return outside a function.
print("never printed")
return 5
