# tests/scripts/errors/syntax_error_plain.py — "invalid syntax" pointing at a token.
print("never printed")
x = = 1
