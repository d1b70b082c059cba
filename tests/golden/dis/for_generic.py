# tests/golden/dis/for_generic.py — generic iteration (GETITER/FORITER) over a list,
# a dict's items with tuple unpacking, enumerate, and a for-else.
def scan(items, table):
    out = []
    for x in items:
        out.append(x)
    for key, value in table.items():
        out.append(key)
    for i, ch in enumerate("ab"):
        if ch == "z":
            break
    else:
        out.append(i)
    return out


print(scan([1, 2], {"k": 0}))
