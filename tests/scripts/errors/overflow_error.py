# tests/scripts/errors/overflow_error.py — uncaught OverflowError converting a big int.
print(float(10 ** 308))
float(10 ** 309)
