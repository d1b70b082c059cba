# An IndexError raised at iteration 10000 of a hot (compiled) loop, not caught:
# stdout so far and the traceback's last line must be those of CPython.
def walk(lst, n):
    s = 0
    for i in range(n):
        if i % 2500 == 0:
            print("at", i, s)
        s += lst[i // 100]
    return s

data = list(range(100))
print(walk(data, 9999))
print(walk(data, 20000))
