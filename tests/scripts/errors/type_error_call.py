# tests/scripts/errors/type_error_call.py — uncaught TypeError: missing arguments.
def area(width, height):
    return width * height


print(area(2, 3))
area(2)
