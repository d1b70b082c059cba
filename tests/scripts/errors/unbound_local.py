# tests/scripts/errors/unbound_local.py — uncaught UnboundLocalError in a function.
def f():
    print(x)
    x = 1


f()
