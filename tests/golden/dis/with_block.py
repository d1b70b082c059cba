# tests/golden/dis/with_block.py — with statement (LOAD_SPECIAL, WITH_EXIT) with a
# target and a return inside the block.
class Ctx:
    def __enter__(self):
        return 5

    def __exit__(self, *exc):
        return False


def use():
    with Ctx() as v:
        if v > 3:
            return v
    return 0


print(use())
