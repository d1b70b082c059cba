# tests/scripts/errors/syntax_error.py — a SyntaxError is reported before anything runs.
print("never printed")
x = (1 +
y = 2
