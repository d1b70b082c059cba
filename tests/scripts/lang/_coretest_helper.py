# tests/scripts/lang/_coretest_helper.py — a module imported by import_local.py (the
# leading underscore keeps run_scripts.py from running it as a case).
print("helper module executing, __name__ =", __name__)
CONSTANT = 42
_private = "hidden"
counter = 0


def bump():
    global counter
    counter += 1
    return counter


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def __repr__(self):
        return f"Shape({self.sides})"


def fail():
    return 1 / 0
