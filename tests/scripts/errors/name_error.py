# tests/scripts/errors/name_error.py — uncaught NameError for an undefined global.
print("before")
print(undefined_variable)
