# tests/scripts/errors/key_error.py — uncaught KeyError with a string key.
d = {"a": 1}
print(d["a"])
print(d["missing"])
