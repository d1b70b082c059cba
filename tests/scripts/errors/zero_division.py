# tests/scripts/errors/zero_division.py — uncaught ZeroDivisionError inside nested calls.
def ratio(a, b):
    return a / b


def report(xs):
    for x in xs:
        print(ratio(10, x))


report([5, 2, 0, 1])
