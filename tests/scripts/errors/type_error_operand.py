# tests/scripts/errors/type_error_operand.py — uncaught TypeError: unsupported operands.
total = 0
for item in [1, 2, "3"]:
    total = total + item
