# tests/scripts/errors/indentation_error_unindent.py — dedent to no matching level.
if True:
        x = 1
    y = 2
