# tests/scripts/errors/chained_context.py — an exception raised while handling another.
try:
    {}["k"]
except KeyError:
    print("handling")
    undefined_handler_name
