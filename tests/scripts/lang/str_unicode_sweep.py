# Every code point through the case mappings and character classes, as checksums per
# block of 4096 code points (planes 4-13 hold no assigned characters: only checked as
# whole blocks).
maps = ["upper", "lower", "title", "capitalize", "swapcase", "casefold"]
preds = [str.isalpha, str.isalnum, str.isdecimal, str.isdigit, str.isnumeric, str.isspace,
         str.islower, str.isupper, str.istitle, str.isidentifier, str.isprintable]


def checksum(s):
    t = 0
    for ch in s:
        t = (t * 31 + ord(ch)) % 1000000007
    return t


def marks(s, pred):
    w = 0
    for i, ch in enumerate(s):
        if pred(ch):
            w = (w * 7 + i) % 1000000007
    return w


step = 4096
for base in range(0, 0x110000, step):
    if 0xD800 <= base < 0xE000:
        continue
    s = "".join([chr(c) for c in range(base, base + step)])
    parts = [hex(base)]
    for m in maps:
        r = getattr(s, m)()
        parts.append("%d:%d" % (len(r), checksum(r)))
    if 0x40000 <= base < 0xE0000:
        parts += [str(int(p(s))) for p in preds]
    else:
        parts += [str(marks(s, p)) for p in preds]
        parts.append(str(marks(s, lambda ch: ("a" + ch).isidentifier())))
    print(" ".join(parts))
