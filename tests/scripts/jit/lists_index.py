# List element reads/writes in loops: negative and out-of-range indices (IndexError
# caught), tuple unpacking, `for x in lst`, lists changing under the loop.
def reads(lst):
    s = 0
    errs = 0
    for i in range(-15, 15):
        try:
            s += lst[i] * (i + 20)
        except IndexError:
            errs += 1
    return s, errs
print(reads(list(range(10))), reads([]), reads([7]))

def writes(n):
    a = [0] * 8
    errs = []
    for i in range(n):
        j = (i * 5) % 19 - 9
        try:
            a[j] += i
        except IndexError as e:
            if len(errs) < 2:
                errs.append(str(e))
    return a, errs
print(writes(300))

def iterate(lst):
    s = 0
    n = 0
    for x in lst:
        s += x * x
        n += 1
    return s, n
print(iterate(list(range(1000))), iterate([]), iterate([2.5, -1, 3]))

def swap(n):
    a, b = 0, 1
    c, d = 1.0, 0.5
    for i in range(n):
        a, b = b, a + b
        c, d = d * 0.5, c - d
    return a, b, c, d
print(swap(80), swap(0), swap(1))

def mutate():
    lst = [1, 2, 3]
    out = []
    for x in lst:
        if len(lst) < 200:
            lst.append(x + 1)
        out.append(x)
    return len(out), sum(out), lst[-3:]
print(mutate())

def tuple_reads():
    t = (3, -1, 4.5, 1)
    s = 0
    for i in range(100):
        s += t[i % 4] * t[-1 - i % 4]
    return s
print(tuple_reads())

def nested_lists(n):
    m = [[i * n + j for j in range(n)] for i in range(n)]
    tr = 0
    for i in range(n):
        for j in range(n):
            if i == j:
                tr += m[i][j]
            m[i][j] = m[j][i] - 1
    return tr, m[n - 1]
print(nested_lists(12))

def shrinking():
    lst = list(range(50))
    s = 0
    i = 0
    while True:
        if not lst:
            break
        s += lst.pop() * i
        i += 1
    return s, i
print(shrinking())
