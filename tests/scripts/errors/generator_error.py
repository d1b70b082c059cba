# tests/scripts/errors/generator_error.py — an exception raised inside a generator
# propagates through the consuming for loop.
def gen():
    yield 1
    raise ValueError("generator failed")


for v in gen():
    print(v)
