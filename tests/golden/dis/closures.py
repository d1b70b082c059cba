# tests/golden/dis/closures.py — closures: MAKE_CELL, COPY_FREE, LOAD_DEREF/STORE_DEREF,
# nonlocal, a lambda and default arguments.
def make_counter(start=0, *, step=1):
    count = start

    def inc():
        nonlocal count
        count += step
        return count

    get = lambda: count
    return inc, get


inc, get = make_counter(5)
inc()
print(get())
