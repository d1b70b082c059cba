# tests/golden/dis/while_loop.py — while loop with LOOP header, break, continue and else.
def collatz(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
            continue
        n = 3 * n + 1
        steps += 1
        if steps > 1000:
            break
    else:
        return steps
    return -1


print(collatz(27))
