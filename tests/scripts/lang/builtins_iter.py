# tests/scripts/lang/builtins_iter.py — range enumerate zip map filter sorted reversed
# min max sum any all iter next: results, laziness, keyword arguments and errors.
r = range(2, 20, 3)
print(r, list(r), len(r), r[1], r[-1], r[1:3], 8 in r, 9 in r, r.index(11), r.count(5))
print(list(range(5, 0, -2)), list(range(0)), range(3) == range(0, 3), list(range(-3)))
print(list(reversed(range(4))), range(10)[::-1], len(range(0, 10 ** 12, 7)))
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], start=5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3))), dict(zip("ab", "xy")))
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a: -a, ())))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda v: v > 1, [1, 2, 3])))
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({3: 1, 1: 2}), sorted([]))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs))
lst = [5, 2, 8]
lst.sort()
print(lst, lst.sort(reverse=True), lst)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1,))))
print(min(3, 1, 2), max([4, 9, 1]), min("hello"), max("a", "bb", key=len), min([], default="e"))
print(max([1, 5, 5, 2], key=lambda v: -v), min((2, "b"), (2, "a")), max(range(0, 100, 7)))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(10), 100), sum([], 5))
print(sum([1.5, 2, True]), sum((x for x in [1e100, 1.0, -1e100])))
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any(iter([0, 1])))
it = iter([10, 20])
print(next(it), next(it), next(it, None))
it2 = iter(range(3))
print(list(it2), list(it2))
m = map(lambda v: print("map", v) or v, [1, 2])
print("map is lazy")
print(list(m))
calls = []
sentinel_iter = iter(lambda: calls.append(1) or len(calls), 3)
print(list(sentinel_iter))
z = zip(iter([1, 2, 3]), iter("ab"))
print(next(z), list(z))


def err(thunk):
    try:
        thunk()
    except (TypeError, ValueError, StopIteration) as e:
        print(type(e).__name__ + ":", e)


err(lambda: next(iter([])))
err(lambda: min([]))
err(lambda: max())
err(lambda: sum(["a", "b"]))
err(lambda: sum([1], "s"))
err(lambda: sorted([1, "a"]))
err(lambda: range(1.5))
err(lambda: range(1, 2, 0))
err(lambda: list(zip(1)))
err(lambda: next([1]))
err(lambda: reversed(5))
err(lambda: enumerate(3))
err(lambda: list(map(None, [1])))
err(lambda: sorted([3, 1], key=1))
err(lambda: range(3).index(7))
