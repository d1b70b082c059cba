# tests/scripts/errors/key_error_tuple.py — uncaught KeyError with a tuple key.
grid = {(0, 0): "origin"}
grid[(1, 2)]
