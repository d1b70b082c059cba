#!/usr/bin/python3
"""vm/str_unicode_gen.py — generates vm/str_unicode_tables.inc from CPython 3.11's str methods.

Every property is read off the behaviour of Python's own str methods on one or two
characters, then a reference model of the C++ algorithms (vm/str_unicode.cpp,
vm/str_methods.cpp) is checked against Python for every code point in several contexts.
Usage: /usr/bin/python3 vm/str_unicode_gen.py vm/str_unicode_tables.inc  (about 4 minutes;
--no-check skips the model check). Must run on CPython 3.11 (Unicode 14.0.0).
"""
import sys
import unicodedata

N = 0x110000
FLAG_NAMES = ["kAlpha", "kDecimal", "kDigit", "kNumeric", "kLower", "kUpper", "kTitle",
              "kCased", "kCaseIgnorable", "kXidStart", "kXidContinue", "kExtendedCase"]
F = {name: 1 << i for i, name in enumerate(FLAG_NAMES)}
SIGMA, SMALL_SIGMA, FINAL_SIGMA = 0x3A3, 0x3C3, 0x3C2


def flags_of(c):
    ch = chr(c)
    f = 0
    if ch.isalpha(): f |= F["kAlpha"]
    if ch.isdecimal(): f |= F["kDecimal"]
    if ch.isdigit(): f |= F["kDigit"]
    if ch.isnumeric(): f |= F["kNumeric"]
    if ch.islower(): f |= F["kLower"]
    if ch.isupper(): f |= F["kUpper"]
    if unicodedata.category(ch) == "Lt": f |= F["kTitle"]
    cased = (ch + "a").title()[-1] == "a"
    if cased: f |= F["kCased"]
    if cased:
        ignorable = (ch + "\u03a3").lower()[-1] == "\u03c3"
    else:
        ignorable = ("A" + ch + "\u03a3").lower()[-1] == "\u03c2"
    if ignorable: f |= F["kCaseIgnorable"]
    if ch.isidentifier(): f |= F["kXidStart"]
    if ("a" + ch).isidentifier(): f |= F["kXidContinue"]
    return f


def build():
    text = []             # flattened [len, c1, ..., clen] sequences
    text_at = {}
    def text_offset(seq):
        if seq not in text_at:
            text_at[seq] = len(text)
            text.extend([len(seq)] + [ord(x) for x in seq])
        return text_at[seq]
    records, record_at, per_cp, specials = [], {}, [], []
    for c in range(N):
        ch = chr(c)
        f = flags_of(c)
        maps = (ch.upper(), ch.lower(), ch.title(), ch.casefold())
        assert all(1 <= len(m) <= 3 for m in maps)
        if any(len(m) != 1 for m in maps):
            f |= F["kExtendedCase"]
            rec = (f, 0, 0, 0, 0)
            specials.append((c,) + tuple(text_offset(m) for m in maps))
        else:
            rec = (f,) + tuple(ord(m) - c for m in maps)
        if rec not in record_at:
            record_at[rec] = len(records)
            records.append(rec)
        per_cp.append(record_at[rec])
    assert len(records) < 256
    return records, per_cp, specials, text


def split_table(per_cp):
    """Three-level table: top[c >> s1] -> mid block, mid -> leaf block, leaf -> record."""
    best = None
    for s1 in range(8, 13):
        for s2 in range(3, 8):
            leaf_size, mid_size = 1 << s2, 1 << (s1 - s2)
            leaves, leaf_at, leaf_ids = [], {}, []
            for start in range(0, N, leaf_size):
                blk = tuple(per_cp[start:start + leaf_size])
                if blk not in leaf_at:
                    leaf_at[blk] = len(leaves)
                    leaves.append(blk)
                leaf_ids.append(leaf_at[blk])
            mids, mid_at, top = [], {}, []
            for start in range(0, len(leaf_ids), mid_size):
                blk = tuple(leaf_ids[start:start + mid_size])
                if blk not in mid_at:
                    mid_at[blk] = len(mids)
                    mids.append(blk)
                top.append(mid_at[blk])
            if len(mids) >= 256:
                continue
            cost = len(top) + 2 * len(mids) * mid_size + len(leaves) * leaf_size
            if best is None or cost < best[0]:
                best = (cost, s1, s2, top, [x for b in mids for x in b],
                        [x for b in leaves for x in b])
    return best[1:]


# ---- reference model of the C++ algorithms, checked against Python ------------------
class Model:
    def __init__(self, records, per_cp, specials, text):
        self.r, self.p, self.s = records, per_cp, text
        self.special = {e[0]: e for e in specials}

    def flags(self, c):
        return self.r[self.p[c]][0]

    def mapping(self, c, which):  # which: 1 upper, 2 lower, 3 title, 4 fold
        rec = self.r[self.p[c]]
        if rec[0] & F["kExtendedCase"]:
            off = self.special[c][which]
            return [self.s[off + 1 + i] for i in range(self.s[off])]
        return [c + rec[which]]

    def lower_at(self, cps, i):
        c = cps[i]
        if c == SIGMA:
            return [self.final_sigma(cps, i)]
        return self.mapping(c, 2)

    def final_sigma(self, cps, i):
        j = i - 1
        while j >= 0 and self.flags(cps[j]) & F["kCaseIgnorable"]:
            j -= 1
        final = j >= 0 and bool(self.flags(cps[j]) & F["kCased"])
        if final:
            j = i + 1
            while j < len(cps) and self.flags(cps[j]) & F["kCaseIgnorable"]:
                j += 1
            final = j == len(cps) or not self.flags(cps[j]) & F["kCased"]
        return FINAL_SIGMA if final else SMALL_SIGMA

    def lower(self, cps):
        return [x for i in range(len(cps)) for x in self.lower_at(cps, i)]

    def upper(self, cps):
        return [x for c in cps for x in self.mapping(c, 1)]

    def casefold(self, cps):
        return [x for c in cps for x in self.mapping(c, 4)]

    def title(self, cps):
        out, prev_cased = [], False
        for i, c in enumerate(cps):
            out += self.lower_at(cps, i) if prev_cased else self.mapping(c, 3)
            prev_cased = bool(self.flags(c) & F["kCased"])
        return out

    def capitalize(self, cps):
        out = []
        for i, c in enumerate(cps):
            out += self.lower_at(cps, i) if i else self.mapping(c, 3)
        return out

    def swapcase(self, cps):
        out = []
        for i, c in enumerate(cps):
            f = self.flags(c)
            if f & F["kUpper"]:
                out += self.lower_at(cps, i)
            elif f & F["kLower"]:
                out += self.mapping(c, 1)
            else:
                out.append(c)
        return out

    def islower(self, cps):
        cased = False
        for c in cps:
            f = self.flags(c)
            if f & (F["kUpper"] | F["kTitle"]):
                return False
            if f & F["kLower"]:
                cased = True
        return cased

    def isupper(self, cps):
        cased = False
        for c in cps:
            f = self.flags(c)
            if f & (F["kLower"] | F["kTitle"]):
                return False
            if f & F["kUpper"]:
                cased = True
        return cased

    def istitle(self, cps):
        cased = prev = False
        for c in cps:
            f = self.flags(c)
            if f & (F["kUpper"] | F["kTitle"]):
                if prev:
                    return False
                prev = cased = True
            elif f & F["kLower"]:
                if not prev:
                    return False
                prev = cased = True
            else:
                prev = False
        return cased


def check(model):
    def cps(s):
        return [ord(x) for x in s]
    def txt(l):
        return "".join(map(chr, l))
    contexts = ["{}", "a{}", "A{}", "{}a", "{}A", "\u03a3{}", "{}\u03a3", "A{}\u03a3",
                "A\u03a3{}", "1{}", "{}1", "\u01c5{}", "{}\u01c5", " {} "]
    bad = 0
    for c in range(N):
        ch = chr(c)
        for ctx in contexts:
            s = ctx.format(ch)
            v = cps(s)
            for name in ("lower", "upper", "title", "capitalize", "swapcase", "casefold"):
                want = getattr(s, name)()
                got = txt(getattr(model, name)(v))
                if want != got:
                    bad += 1
                    if bad < 20:
                        print("MISMATCH", name, repr(s), repr(want), repr(got))
            for name in ("islower", "isupper", "istitle"):
                if getattr(s, name)() != getattr(model, name)(v):
                    bad += 1
                    if bad < 20:
                        print("MISMATCH", name, repr(s))
    assert bad == 0, bad


def emit(out, records, s1, s2, top, mid, leaf, specials, text):
    w = out.write
    w("// vm/str_unicode_tables.inc — GENERATED by vm/str_unicode_gen.py; do not edit.\n")
    w("//\n// Stage: included once by vm/str_unicode.cpp.\n//\n")
    w("// Data: Python %s's str methods (Unicode %s), read off per code point. The\n"
      % (sys.version.split()[0], unicodedata.unidata_version))
    w("// generator checks a model of the C++ algorithms against Python for every code\n")
    w("// point in 14 one- to three-character contexts.\n//\n")
    w("// Invariants:\n")
    w("//   I1  The record of code point c is kCtypeRecords[kCtypeLeaf[(kCtypeMid[(kCtypeTop[\n")
    w("//       c >> kCtypeShift1] << (kCtypeShift1 - kCtypeShift2)) + ((c >> kCtypeShift2) &\n")
    w("//       mid_mask)] << kCtypeShift2) + (c & leaf_mask)]] — `ctype_record()`.\n")
    w("//   I2  A record without kExtendedCase holds deltas (mapping - c); one with it has\n")
    w("//       zero deltas and its code point is in kSpecialCases (sorted by cp), whose\n")
    w("//       fields are offsets into kSpecialCaseText: a length, then that many code\n")
    w("//       points — `unicode_case_map()`.\n")
    w("constexpr int kCtypeShift1 = %d;\n" % s1)
    w("constexpr int kCtypeShift2 = %d;\n" % s2)
    def items(name, ctype, strs):
        w("constexpr %s %s[] = {\n" % (ctype, name))
        line = "   "
        for item in strs:
            item = " " + item + ","
            if len(line) + len(item) > 92:
                w(line + "\n")
                line = "   "
            line += item
        w(line + "\n};\n")
    items("kCtypeRecords", "CtypeRecord", ["{0x%x, %d, %d, %d, %d}" % r for r in records])
    items("kCtypeTop", "uint8_t", map(str, top))
    items("kCtypeMid", "uint16_t" if max(mid) >= 256 else "uint8_t", map(str, mid))
    items("kCtypeLeaf", "uint8_t", map(str, leaf))
    items("kSpecialCases", "SpecialCase", ["{0x%x, %d, %d, %d, %d}" % e for e in specials])
    items("kSpecialCaseText", "char32_t", ["0x%x" % x if x > 9 else str(x) for x in text])


def main():
    records, per_cp, specials, text = build()
    s1, s2, top, mid, leaf = split_table(per_cp)
    print("records", len(records), "specials", len(specials), "text", len(text),
          "shifts", s1, s2, "top", len(top), "mid", len(mid), "leaf", len(leaf),
          file=sys.stderr)
    if "--no-check" not in sys.argv:
        check(Model(records, per_cp, specials, text))
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        emit(out, records, s1, s2, top, mid, leaf, specials, text)


if __name__ == "__main__":
    main()
