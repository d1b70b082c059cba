# tests/scripts/errors/stop_iteration.py — uncaught StopIteration from next().
it = iter([1])
print(next(it))
next(it)
