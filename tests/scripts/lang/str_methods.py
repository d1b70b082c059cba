# Every str method on ASCII text: results, edge cases (empty strings, negative and None
# start/end, maxsplit, keepends, tabsize) and identity of unchanged results.


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


s = "Hello, World"
print("== case")
for t in ["hello world", "HELLO", "hElLo wOrLd", "", "123abc", "a1b2 c3", "they're bill's",
          "  mixed\tCASE\nlines  ", "_x_y", "ABC def GHI"]:
    print(repr(t), t.upper(), t.lower(), t.title(), t.capitalize(), t.swapcase(),
          t.casefold(), sep=" | ")

print("== predicates")
samples = ["", "abc", "ABC", "Abc", "aBC", "abc1", "123", "12.5", " ", " \t\n\r\x0b\x0c",
           "\x1c\x1d\x1e\x1f", "a b", "_id", "1id", "id_2", "Title Case", "Title case",
           "TITLE", "x\x7f", "tab\t", "~!@#", "A1B2", "a_b", "if", "\x00"]
preds = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
         "isnumeric", "isprintable", "isspace", "istitle", "isupper"]
for t in samples:
    print(repr(t), " ".join(str(int(getattr(t, p)())) for p in preds))

print("== padding")
for w in [-5, 0, 2, 3, 4, 5, 6, 7, 10]:
    print(w, repr("abc".center(w)), repr("abc".ljust(w, "*")), repr("abc".rjust(w, "-")),
          repr("ab".center(w, ".")), repr("abc".zfill(w)))
for t in ["42", "-42", "+42", "-", "+", "", "abc", "-0.5", "--1", "4-2"]:
    print(repr(t), repr(t.zfill(6)), repr(t.zfill(1)))
print(repr("x".center(4)), repr("x".center(5)), repr("xy".center(5)), repr("xyz".center(8)))

print("== strip")
t = "  \t spaced out \n "
print(repr(t.strip()), repr(t.lstrip()), repr(t.rstrip()), repr(t.strip(None)))
print(repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")), repr("abc".strip("")),
      repr("aaaa".strip("a")), repr("".strip()), repr("www.example.com".lstrip("w.")),
      repr("file.txt...".rstrip(".")), repr("\x1c a \x1f".strip()))

print("== join")
print(repr(",".join(["a", "b", "c"])), repr("".join([])), repr("-".join(("x",))),
      repr(", ".join(str(i) for i in range(5))), repr("ab".join("xyz")),
      repr("+".join({"k1": 1, "k2": 2})), repr("".join(["", "", ""])),
      repr(" ".join(map(str.upper, ["a", "b"]))))

print("== find / index / count")
t = "abracadabra"
for sub in ["a", "abra", "cad", "z", "", "ra", "abracadabra", "abracadabrax"]:
    print(repr(sub), t.find(sub), t.rfind(sub), t.count(sub), sub in t)
for args in [(1,), (-4,), (1, 4), (-100, 100), (None, 5), (5, None), (3, 1), (11,), (12,),
             (None, None), (0, -1), (True,)]:
    print(args, t.find("a", *args), t.rfind("a", *args), t.count("a", *args),
          t.find("", *args), t.rfind("", *args), t.count("", *args))
print(t.index("c"), t.rindex("a"), t.index("a", 1), t.rindex("a", 0, 5))
show("index missing", lambda: t.index("z"))
show("rindex range", lambda: t.rindex("c", 5))
show("find big", lambda: t.find("a", 10 ** 30))
show("find neg big", lambda: t.find("a", -10 ** 30))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "".find(""), "".count(""), "abc".count("", 4))

print("== startswith / endswith")
t = "prefix-body-suffix"
print(t.startswith("pre"), t.startswith("body"), t.startswith("body", 7),
      t.startswith(("x", "pre")), t.startswith(()), t.endswith("fix"), t.endswith("body", 0, 11),
      t.endswith(("a", "b")), t.startswith(""), t.endswith(""), t.startswith("", 18),
      t.startswith("", 19), t.endswith("", 19), t.endswith("x", -1), t.startswith("p", -100),
      t.startswith("prefix", 0, 5), t.endswith("suffix", None, None))

print("== replace")
print(repr("aaa".replace("a", "b")), repr("aaa".replace("a", "b", 2)),
      repr("aaa".replace("a", "b", 0)), repr("aaa".replace("a", "b", -1)),
      repr("abc".replace("", "-")), repr("abc".replace("", "-", 2)), repr("".replace("", "x")),
      repr("".replace("a", "x")), repr("abcabc".replace("bc", "")),
      repr("abab".replace("ab", "abab")), repr("a.b.c".replace(".", "::")),
      repr("xyz".replace("xyz", "")), repr("aaaa".replace("aa", "a")))

print("== split / rsplit")
for t in ["a b c", "  a  b  c  ", "", "   ", "one", "a\tb\nc\x0bd\x0ce\x1cf",
          "a,b,,c,", ",a,", "a  b"]:
    print(repr(t), t.split(), t.rsplit(), t.split(None, 1), t.rsplit(None, 1), t.split(","),
          t.rsplit(",", 1), t.split(",", 0), t.split(maxsplit=0), t.rsplit(maxsplit=-3))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "a--b--c".split(sep="--", maxsplit=1),
      "aaa".split("a"), "aaa".rsplit("aa"), "aaa".split("aa"), "x".split("x"),
      "a b c d".split(" ", 2), "a b c d".rsplit(" ", 2))

print("== splitlines")
for t in ["a\nb\r\nc\rd", "a\n\nb\n", "\n", "", "no newline", "x\x0by\x0cz\x1cw\x1dv\x1eu",
          "a\r\n\r\nb", "\r\r\n\n", "trailing\r"]:
    print(repr(t), t.splitlines(), t.splitlines(True), t.splitlines(keepends=False))

print("== partition")
for sep in ["=", "==", "x", "a=b=c"]:
    print(repr(sep), "a=b=c".partition(sep), "a=b=c".rpartition(sep))
print("".partition("x"), "".rpartition("x"), "=".partition("="), "==".rpartition("="))

print("== removeprefix / removesuffix")
print(repr("prefix_name".removeprefix("prefix_")), repr("name".removeprefix("x")),
      repr("name".removeprefix("")), repr("ab".removeprefix("abc")),
      repr("file.tar.gz".removesuffix(".gz")), repr("file".removesuffix("")),
      repr("file".removesuffix("file")), repr("e".removesuffix("file")))

print("== expandtabs")
for t in ["a\tb\tc", "\t", "ab\tc\n\td", "abcdefgh\tx", "a\r\tb", "no tabs", "\t\t"]:
    print(repr(t), repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(1)),
          repr(t.expandtabs(0)), repr(t.expandtabs(-1)), repr(t.expandtabs(tabsize=3)))

print("== maketrans / translate")
tbl = str.maketrans("abc", "xyz", "d")
print(sorted(tbl.items()))
print("abcdabcd".translate(tbl), "hello".translate({ord("l"): None, ord("o"): "0"}))
print(str.maketrans({"a": "1", 98: None, "c": 99}), str.maketrans("", ""))
print("abc".translate({97: "xyz", 98: None, 99: 100}), "abc".translate([None, 1]),
      "abc".translate("xyz"), "abc".translate({}), "a".translate({97: True}))


class Upper:
    def __getitem__(self, k):
        if k == ord("q"):
            raise LookupError("no q")
        return chr(k).upper()


print("quiet".translate(Upper()))

print("== identity of unchanged results")
t = "unchanged"
print(t.strip() is t, t.center(3) is t, t.ljust(5) is t, t.zfill(2) is t,
      t.replace("x", "y") is t, t.split()[0] is t, t.split(",")[0] is t,
      t.partition("x")[0] is t, t.removeprefix("x") is t, t.expandtabs() is t,
      "".join([t]) is t, t.splitlines()[0] is t)


class MyStr(str):
    pass


m = MyStr("  sub  ")
print(type(m.strip()).__name__, repr(m.strip()), type(m.upper()).__name__, m.split(),
      type(MyStr("x").center(1)).__name__, MyStr("a").join(["x", "y"]), m.find("s"))
print(str.upper("abc"), str.join("-", ["a", "b"]), list(map(str.strip, [" a ", "b "])),
      sorted(["b", "A", "c"], key=str.lower))

print("== all ASCII characters, at every alignment")
a = "".join(map(chr, range(128)))
for k in range(9):
    t = a[k:] + a[:k]
    print(k, ascii(t.upper()), ascii(t.lower()), ascii(t.swapcase()), ascii(t.title()),
          ascii(t.capitalize()), ascii(t.casefold()) == ascii(t.lower()))
