# tests/scripts/errors/custom_exception_str.py — uncaught user exception with __str__
# and no message arguments.
class Invalid(ValueError):
    def __init__(self, field):
        super().__init__()
        self.field = field

    def __str__(self):
        return "invalid field " + self.field


raise Invalid("age")
