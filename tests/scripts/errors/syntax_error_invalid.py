# tests/scripts/errors/syntax_error_invalid.py — "invalid syntax" on a stray token.
print("never printed")
if True
    pass
