# tests/scripts/errors/indentation_error.py — unexpected indent.
print("never printed")
x = 1
    y = 2
