# A branch that goes both ways: the root trace guards one direction, the other becomes
# a side trace once its exit is hot.
def f(n):
    a = 0
    b = 0
    for i in range(n):
        if i % 3 == 0:
            a += i
        else:
            b -= 1
    return a, b
print(f(200))
