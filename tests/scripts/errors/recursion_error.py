# tests/scripts/errors/recursion_error.py — uncaught RecursionError (repeated frames
# are collapsed in the traceback; only the last line is checked).
def down(n):
    return down(n + 1)


print("start")
down(0)
