# tests/scripts/errors/value_error.py — uncaught ValueError from int().
print(int("12"))
int("twelve")
