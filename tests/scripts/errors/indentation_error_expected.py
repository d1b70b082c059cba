# tests/scripts/errors/indentation_error_expected.py — missing indented block.
def f():
return 1
