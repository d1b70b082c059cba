# tests/golden/dis/for_range.py — counted loops: FORPREP/FORLOOP for range with 1, 2 and
# 3 arguments, nested, and a loop variable used after the loop.
def sums(n):
    total = 0
    for i in range(n):
        total += i
    for j in range(2, n, 3):
        for k in range(j):
            total -= k
    for m in range(n, 0, -1):
        pass
    return total, i


print(sums(10))
