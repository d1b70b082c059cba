# str methods on non-ASCII text: full case mappings (SpecialCasing, final sigma, title
# case), Unicode character classes, Unicode whitespace and line breaks, and code point
# (not byte) indices, widths and columns.


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


print("== case mappings")
words = ["straße", "ǆemal ǉubljana", "ﬁnale ﬂow ﬃ", "İstanbul", "ŉ", "ΐΰ", "ǰ", "ẞ",
         "ΌΣΟΣ ΣΟΦΌΣ", "ΑΣ ΑΣ. Σ ΑΣ1 ΑΣΑ", "αΣ'Σ", "Σ", "ΣΣ", "ʰΣ", "AΣ\u0301", "AΣ\u0301b",
         "привет МИР", "Ёлка ёж", "ԱՅԲ այբ", "ᏣᎳᎩ ꮳꮃꭹ", "ႠႡ ⴀⴁ", "Ⓐⓑ", "ⅷⅧ", "𐐀𐐨",
         "ǅungla", "ǲ", "ﬀ", "ǈ", "Ꭰ", "µ", "ÿ", "ı", "ſ", "K", "Å", "ϐϑϕϖ", "ᾳ ᾼ ῳ",
         "ﬓﬔ", "ꭰ", "ŉa", "éÉèÈ"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(),
          w.casefold(), sep=" | ")

print("== latin-1, greek and cyrillic one by one")
for start, end in [(0xA0, 0x250), (0x370, 0x400), (0x400, 0x530)]:
    line = []
    for c in range(start, end):
        ch = chr(c)
        u, l, t = ch.upper(), ch.lower(), ch.title()
        if u != ch or l != ch or t != ch:
            line.append(ch + u + l + t + ch.casefold())
    print(hex(start), " ".join(line))

print("== classes")
samples = ["é", "ñandú", "Ω", "ω", "ǅ", "١٢٣", "²³", "½⅓", "Ⅻ", "〇", "一二三", "٣.١", "߀",
           "\u00a0", "\u3000", "\u2028", "\u200b", "\u0085", "x\u0301", "αβγ", "ΑΒΓ", "Ǆǅǆ",
           "Δέλτα", "ÀB", "àb", "中文", "꯰", "𝟘𝟙", "🙂", "\U0001F600x", "ⓐ", "Ⓐ", "ʰ",
           "ª", "º", "\u0378", "\ue000", "\U000e0001", "ͅ", "ǅa", "Aǅ", "ǅ ǅ", "Ǳa Ǆb"]
preds = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
         "isnumeric", "isprintable", "isspace", "istitle", "isupper"]
for t in samples:
    print(repr(t), " ".join(str(int(getattr(t, p)())) for p in preds))
print("名字".isidentifier(), "_é1".isidentifier(), "℘x".isidentifier(), "x·".isidentifier(),
      "·x".isidentifier(), "a\u0301".isidentifier(), "\u0301a".isidentifier(),
      "ⅳ".isidentifier(), "x²".isidentifier(), "x₂".isidentifier())

print("== whitespace and line breaks")
t = "a\u00a0b\u2003c\u3000d\u200be\x85f\u2028g\u2029h\u1680i\u202fj\u205fk\x1cl"
print(t.split(), t.rsplit(None, 3), t.split(None, 2), t.strip("al"), len(t))
print(("\u3000 x \u2002").strip(), repr(("\u3000 x \u2002").lstrip()),
      repr(("\u3000 x \u2002").rstrip()))
t = "one\x85two\u2028three\u2029four\r\nfive\x1dsix"
print(t.splitlines(), t.splitlines(True))
print("é\u2028".splitlines(True), "\u2029".splitlines(), "é\x85ü".splitlines())

print("== indices count code points")
t = "añb€c😀dñ€😀"
print(len(t), t.find("b"), t.find("€"), t.rfind("€"), t.find("😀"), t.rfind("😀"),
      t.index("d"), t.rindex("ñ"), t.count("€"), t.count(""), t.count("ñ", 2),
      t.find("€", 4), t.find("€", -3), t.rfind("€", 0, 5), t.find("", 10), t.find("", 11),
      t.rfind("", 3, 6), t.count("", -3), t.find("c😀d"))
print(t.startswith("añ"), t.startswith("€", 3), t.startswith("€c", -7), t.endswith("😀"),
      t.endswith("€", 0, 4), t.endswith(("x", "€😀")), t.startswith("", 10),
      t.startswith("", 11), t.endswith("ñ€", 0, -1))
print(t.partition("€"), t.rpartition("€"), t.split("€"), t.rsplit("ñ", 1))
print(t.replace("€", "EUR"), t.replace("😀", ""), t.replace("", "|", 4), "ñ".replace("", "-"))
print("ü ñ é".split(" "), "∀x∈ℝ".split("∈"), "→".join(["α", "β", "γ"]))

print("== widths and fill characters")
for w in [3, 4, 5, 6, 9]:
    print(repr("ñé".center(w, "·")), repr("ñé".ljust(w, "😀")), repr("€".rjust(w, "é")),
          repr("ü".zfill(w)), repr("-ü".zfill(w)))
print(repr("ü\tü\tx".expandtabs(4)), repr("€€€€\tx".expandtabs()), repr("😀\t".expandtabs(2)),
      repr("ñ\n\tx".expandtabs(3)))

print("== strip, prefixes, translate")
print(repr("ñññaññ".strip("ñ")), repr("€a€".lstrip("€")), repr("😀a😀😀".rstrip("😀")),
      repr("éaé".strip("é")), repr("αβγα".strip("αβ")), repr("añb".strip("ñ")))
print("ñandú".removeprefix("ña"), "ñandú".removesuffix("dú"), "ñandú".removeprefix("ñb"))
tbl = str.maketrans("áéíóú", "aeiou", "ñ")
print("canción ñandú".translate(tbl), "αβγ".translate({ord("β"): "[beta]", ord("γ"): None}),
      "abc".translate({ord("b"): 0x1F600}), sorted(str.maketrans({"é": "e", 0x20AC: "E"}).items()))

print("== format")
print("{:é^9}|{:€<5}|{:😀>4}|{:^7}".format("ñé", "x", "y", "αβγ"))
print("{!a} {!r} {!s}".format("ñ€😀", "ñ\u200b", "ü"), "{0[ñ]}".format({"ñ": "key"}),
      "{ñ}".format(ñ="name"), "{:.2}".format("ñéü"), "{:>5.1}|".format("€€"))
show("bad conv", lambda: "{0!ñ}".format(1))
show("bad fill", lambda: "ñ".center(3, "ab"))
