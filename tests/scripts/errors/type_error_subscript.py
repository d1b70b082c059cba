# tests/scripts/errors/type_error_subscript.py — uncaught TypeError: subscripting None.
def lookup():
    return None


lookup()["key"]
