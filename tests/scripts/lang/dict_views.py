# tests/scripts/lang/dict_views.py — dict views (live, set operations, reversed),
# and RuntimeError when a dict or set changes size during iteration.
d = {"a": 1, "b": 2}
ks, vs, its = d.keys(), d.values(), d.items()
d["c"] = 3
print(ks, vs, its, len(ks), "a" in ks, ("a", 1) in its, ("a", 2) in its)
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.items())))
print(ks & {"a", "z"}, sorted(ks | {"q"}), sorted(ks - {"a"}), ks == {"a", "b", "c"})
print(its & {("b", 2)}, d.keys() <= {"a", "b", "c", "d"})
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
lst = [1, 2, 3]
for v in lst:
    if v == 1:
        lst.append(4)
print(lst)
