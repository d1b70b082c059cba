# tests/scripts/lang/builtins_types.py — len list tuple dict set frozenset isinstance
# issubclass type hasattr getattr setattr delattr callable id iter, plus the common
# methods of the builtin containers and str.
print(len("héllo"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 2}), len(range(5)))
print(list("ab"), list((1, 2)), list({"k": 1}), list(), tuple([1, 2]), tuple("xy"), tuple())
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"z": 0}, w=1), dict())
print(set("abca") == {"a", "b", "c"}, set(), frozenset([1, 2]) == {1, 2}, sorted(set([3, 1])))
print(isinstance(1, int), isinstance(1.0, (int, float)), isinstance("s", list),
      isinstance(True, int))
print(issubclass(int, object), issubclass(KeyError, LookupError), issubclass(list, (tuple, dict)))
print(type(1), type("a"), type([]), type(()), type({}), type(set()), type(range(1)), type(print))
print(type(1)(7), type("x")(5), type([1])((1, 2)), type(type) is type, type(object))


class K:
    cls_attr = 10


k = K()
print(hasattr(k, "cls_attr"), hasattr(k, "nope"), getattr(k, "cls_attr"), getattr(k, "nope", None))
setattr(k, "dyn", [1])
print(k.dyn, getattr(k, "dyn"))
delattr(k, "dyn")
print(hasattr(k, "dyn"), callable(k), callable(K), callable(len), callable(lambda: 0))
print(id(k) == id(k), id(k) != id(K()), isinstance(id(k), int))
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d.keys()), list(d.values()), list(d.items()), d.get("z"), d.get("z", 0))
print(d.pop("b"), d, d.setdefault("a", 9), d.setdefault("n", []), "a" in d, 1 in d)
d.update({"x": 1}, y=2)
print(d, d.popitem(), len(d), sorted(d))
d2 = d.copy()
d2.clear()
print(d2, d == d.copy(), {1: 2} == {1: 2.0}, dict.fromkeys("ab", 0))
lst = [3, 1, 2]
lst.append(4)
lst.extend([5, 6])
lst.insert(0, 0)
print(lst, lst.pop(), lst.pop(0), lst.index(2), lst.count(1), lst)
lst.remove(1)
lst.reverse()
print(lst, lst[::-1], lst[1:3], lst[-2:], lst * 2, lst + [9], [0] * 3, lst.copy() == lst)
lst[1:3] = ["a", "b", "c"]
print(lst, lst[::2])
s = {1, 2, 3}
s.add(4)
s.discard(1)
s.remove(2)
print(s, s | {9}, s & {3, 4, 5}, s - {3}, s ^ {4, 5}, s <= {3, 4, 5}, {3} < s, s.issuperset({3}))
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t + (4,), t * 2, t < (1, 3), 2 in t, max(t))
st = "Hello, World"
print(st.lower(), st.upper(), st.split(", "), st.replace("l", "L", 2), st.find("o"), st.rfind("o"))
print(st.startswith("He"), st.endswith("d"), "-".join(["a", "b"]), " x ".strip(), st[::-1], st[3:8])
print("a,b,,c".split(","), "  a  b ".split(), "abc".center(9, "*"), "5".zfill(3), "ab" * 3)
print("x={} y={:>4}".format(1, "r"), "{0}{1}{0}".format("a", "b"), "{k}".format(k=5), st.count("l"))
print("abc".isalpha(), "123".isdigit(), " ".isspace(), "Ab".istitle(), "hello world".title())
print("line1\nline2".splitlines(), "a-b-c".rsplit("-", 1), "abc".partition("b"), ord(st[0]))


def err(thunk):
    try:
        thunk()
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


err(lambda: getattr(k, "nope"))
err(lambda: getattr(k, 5))
err(lambda: setattr(5, "x", 1))
err(lambda: isinstance(1, 5))
err(lambda: issubclass(1, int))
err(lambda: [1, 2].index(5))
err(lambda: [].pop())
err(lambda: {}.popitem())
err(lambda: {1}.remove(2))
err(lambda: "abc"[5])
err(lambda: "abc".index("z"))
err(lambda: [1][1])
err(lambda: (1,)[-2])
err(lambda: "x" + 1)
one_f = 1.0
err(lambda: [1, 2][one_f])
err(lambda: {"a": 1}["b"])
err(lambda: {[1]: 2})
err(lambda: dict([1, 2]))
err(lambda: "a".foo)
err(lambda: K.missing)
err(lambda: (1).real.imag.nope)
err(lambda: len.nope)
