# Module-level loops on globals, functions updating globals, globals rebound mid-loop.
total = 0
for i in range(500):
    total += i * i
print(total)

count = 0
x = 1.0
for i in range(300):
    if i % 3 == 0:
        count += 1
    x = x * 1.01 + count
print(count, x)

k = 0
while k < 1000:
    k += 3
    if k % 100 == 0:
        continue
    total -= k
print(k, total)

acc = 0
def bump(n):
    global acc
    for i in range(n):
        acc += i
    return acc
print(bump(100), bump(200), acc)

scale = 2
def use_scale(n):
    s = 0
    for i in range(n):
        s += scale * i
    return s
print(use_scale(100))
scale = 2.5
print(use_scale(100))
scale = 2**70
print(use_scale(100))

def rebind(n):
    global scale
    s = 0
    for i in range(n):
        s += scale
        if i == n // 2:
            scale = 1
    return s
scale = 3
print(rebind(200), scale)

def helper(x):
    return x * 2 + 1
s = 0
for i in range(400):
    s += helper(i)
    if i == 300:
        def helper(x):
            return -x
print(s)

nested = 0
for a in range(30):
    for b in range(30):
        nested += a ^ b
print(nested)
for a in range(3):
    pass
print(a)
