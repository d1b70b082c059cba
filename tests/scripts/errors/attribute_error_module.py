# tests/scripts/errors/attribute_error_module.py — uncaught AttributeError on a module.
import math

print(math.floor(1.5))
math.no_such_function(1)
