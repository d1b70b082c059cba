# tests/scripts/errors/type_error_not_callable.py — uncaught TypeError: calling a value.
values = [1, 2]
result = values(0)
