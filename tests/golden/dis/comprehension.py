# tests/golden/dis/comprehension.py — list, set and dict comprehensions with conditions
# and a generator expression passed to sum().
def comps(n):
    squares = [i * i for i in range(n) if i % 2]
    letters = {c for c in "hello"}
    index = {c: i for i, c in enumerate("abc")}
    total = sum(x for x in squares)
    return squares, len(letters), index, total


print(comps(6))
