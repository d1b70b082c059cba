// tests/unit/vm/str_unicode_test.cpp — Unicode classes and case mappings of the str
// methods against CPython 3.11.
//
// Stage: vm/str_unicode (code point → flags / full case mapping / final sigma) → compared
// with values CPython 3.11.2 gives (chr(c).isalpha() ..., chr(c).upper() ...), pasted here
// by a throwaway script; no Python at run time. The exhaustive comparison over every code
// point is the script test tests/scripts/lang/str_unicode_sweep.py.
//
// Invariants:
//   I1  Every table row goes through unicode_flags() and unicode_case_map() — the TEST
//       bodies.
#include "vm/str_unicode.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pyjitvm::vm {
namespace {

// flags: one letter per flag that CPython reports for chr(cp): a isalpha, d isdecimal,
// g isdigit, n isnumeric, l islower, u isupper, t category Lt, s isidentifier,
// c ('a' + chr(cp)).isidentifier().
struct CharRow {
  char32_t cp;
  const char* flags;
  std::vector<char32_t> upper, lower, title, fold;
};

uint16_t FlagsOf(const char* letters) {
  static const struct {
    char letter;
    uint16_t flag;
  } kLetters[] = {{'a', kUniAlpha}, {'d', kUniDecimal}, {'g', kUniDigit},
                  {'n', kUniNumeric}, {'l', kUniLower}, {'u', kUniUpper},
                  {'t', kUniTitle}, {'s', kUniXidStart}, {'c', kUniXidContinue}};
  uint16_t f = 0;
  for (const char* p = letters; *p; ++p)
    for (const auto& l : kLetters)
      if (l.letter == *p) f |= l.flag;
  return f;
}

constexpr uint16_t kCheckedFlags = kUniAlpha | kUniDecimal | kUniDigit | kUniNumeric |
                                   kUniLower | kUniUpper | kUniTitle | kUniXidStart |
                                   kUniXidContinue;

const CharRow kRows[] = {
    {0x41, "ausc", {0x41}, {0x61}, {0x41}, {0x61}},
    {0x61, "alsc", {0x41}, {0x61}, {0x41}, {0x61}},
    {0x30, "dgnc", {0x30}, {0x30}, {0x30}, {0x30}},
    {0x5F, "sc", {0x5F}, {0x5F}, {0x5F}, {0x5F}},
    {0x20, "", {0x20}, {0x20}, {0x20}, {0x20}},
    {0xAA, "alsc", {0xAA}, {0xAA}, {0xAA}, {0xAA}},
    {0xB2, "gn", {0xB2}, {0xB2}, {0xB2}, {0xB2}},
    {0xB5, "alsc", {0x39C}, {0xB5}, {0x39C}, {0x3BC}},
    {0xBD, "n", {0xBD}, {0xBD}, {0xBD}, {0xBD}},
    {0xC0, "ausc", {0xC0}, {0xE0}, {0xC0}, {0xE0}},
    {0xDF, "alsc", {0x53, 0x53}, {0xDF}, {0x53, 0x73}, {0x73, 0x73}},
    {0xE9, "alsc", {0xC9}, {0xE9}, {0xC9}, {0xE9}},
    {0xFF, "alsc", {0x178}, {0xFF}, {0x178}, {0xFF}},
    {0x130, "ausc", {0x130}, {0x69, 0x307}, {0x130}, {0x69, 0x307}},
    {0x131, "alsc", {0x49}, {0x131}, {0x49}, {0x131}},
    {0x149, "alsc", {0x2BC, 0x4E}, {0x149}, {0x2BC, 0x4E}, {0x2BC, 0x6E}},
    {0x17F, "alsc", {0x53}, {0x17F}, {0x53}, {0x73}},
    {0x1C4, "ausc", {0x1C4}, {0x1C6}, {0x1C5}, {0x1C6}},
    {0x1C5, "atsc", {0x1C4}, {0x1C6}, {0x1C5}, {0x1C6}},
    {0x1C6, "alsc", {0x1C4}, {0x1C6}, {0x1C5}, {0x1C6}},
    {0x1F0, "alsc", {0x4A, 0x30C}, {0x1F0}, {0x4A, 0x30C}, {0x6A, 0x30C}},
    {0x2B0, "alsc", {0x2B0}, {0x2B0}, {0x2B0}, {0x2B0}},
    {0x301, "c", {0x301}, {0x301}, {0x301}, {0x301}},
    {0x345, "lc", {0x399}, {0x345}, {0x399}, {0x3B9}},
    {0x390, "alsc", {0x399, 0x308, 0x301}, {0x390}, {0x399, 0x308, 0x301}, {0x3B9, 0x308, 0x301}},
    {0x3A3, "ausc", {0x3A3}, {0x3C3}, {0x3A3}, {0x3C3}},
    {0x3C2, "alsc", {0x3A3}, {0x3C2}, {0x3A3}, {0x3C3}},
    {0x3C3, "alsc", {0x3A3}, {0x3C3}, {0x3A3}, {0x3C3}},
    {0x3D0, "alsc", {0x392}, {0x3D0}, {0x392}, {0x3B2}},
    {0x401, "ausc", {0x401}, {0x451}, {0x401}, {0x451}},
    {0x451, "alsc", {0x401}, {0x451}, {0x401}, {0x451}},
    {0x587, "alsc", {0x535, 0x552}, {0x587}, {0x535, 0x582}, {0x565, 0x582}},
    {0x660, "dgnc", {0x660}, {0x660}, {0x660}, {0x660}},
    {0x10A0, "ausc", {0x10A0}, {0x2D00}, {0x10A0}, {0x2D00}},
    {0x13A0, "ausc", {0x13A0}, {0xAB70}, {0x13A0}, {0x13A0}},
    {0x13F8, "alsc", {0x13F0}, {0x13F8}, {0x13F0}, {0x13F0}},
    {0x1E9E, "ausc", {0x1E9E}, {0xDF}, {0x1E9E}, {0x73, 0x73}},
    {0x1F80, "alsc", {0x1F08, 0x399}, {0x1F80}, {0x1F88}, {0x1F00, 0x3B9}},
    {0x1FB3, "alsc", {0x391, 0x399}, {0x1FB3}, {0x1FBC}, {0x3B1, 0x3B9}},
    {0x2160, "nusc", {0x2160}, {0x2170}, {0x2160}, {0x2170}},
    {0x2170, "nlsc", {0x2160}, {0x2170}, {0x2160}, {0x2170}},
    {0x24B6, "u", {0x24B6}, {0x24D0}, {0x24B6}, {0x24D0}},
    {0x24D0, "l", {0x24B6}, {0x24D0}, {0x24B6}, {0x24D0}},
    {0x3000, "", {0x3000}, {0x3000}, {0x3000}, {0x3000}},
    {0x3007, "nsc", {0x3007}, {0x3007}, {0x3007}, {0x3007}},
    {0x4E00, "ansc", {0x4E00}, {0x4E00}, {0x4E00}, {0x4E00}},
    {0xAB70, "alsc", {0x13A0}, {0xAB70}, {0x13A0}, {0x13A0}},
    {0xFB01, "alsc", {0x46, 0x49}, {0xFB01}, {0x46, 0x69}, {0x66, 0x69}},
    {0xFB03, "alsc", {0x46, 0x46, 0x49}, {0xFB03}, {0x46, 0x66, 0x69}, {0x66, 0x66, 0x69}},
    {0xFF21, "ausc", {0xFF21}, {0xFF41}, {0xFF21}, {0xFF41}},
    {0x10400, "ausc", {0x10400}, {0x10428}, {0x10400}, {0x10428}},
    {0x10428, "alsc", {0x10400}, {0x10428}, {0x10400}, {0x10428}},
    {0x1D7D8, "dgnc", {0x1D7D8}, {0x1D7D8}, {0x1D7D8}, {0x1D7D8}},
    {0x1F600, "", {0x1F600}, {0x1F600}, {0x1F600}, {0x1F600}},
    {0xE0001, "", {0xE0001}, {0xE0001}, {0xE0001}, {0xE0001}},
    {0x10FFFF, "", {0x10FFFF}, {0x10FFFF}, {0x10FFFF}, {0x10FFFF}},
};

std::vector<char32_t> Mapped(char32_t cp, CaseMap which) {
  char32_t buf[3];
  int n = unicode_case_map(cp, which, buf);
  return std::vector<char32_t>(buf, buf + n);
}

uint32_t Hex(char32_t cp) { return static_cast<uint32_t>(cp); }

TEST(StrUnicode, FlagsMatchCPython) {
  for (const CharRow& r : kRows)
    EXPECT_EQ(unicode_flags(r.cp) & kCheckedFlags, FlagsOf(r.flags)) << std::hex << Hex(r.cp);
}

TEST(StrUnicode, CaseMappingsMatchCPython) {
  for (const CharRow& r : kRows) {
    EXPECT_EQ(Mapped(r.cp, CaseMap::kUpper), r.upper) << std::hex << "upper " << Hex(r.cp);
    EXPECT_EQ(Mapped(r.cp, CaseMap::kLower), r.lower) << std::hex << "lower " << Hex(r.cp);
    EXPECT_EQ(Mapped(r.cp, CaseMap::kTitle), r.title) << std::hex << "title " << Hex(r.cp);
    EXPECT_EQ(Mapped(r.cp, CaseMap::kFold), r.fold) << std::hex << "fold " << Hex(r.cp);
  }
}

TEST(StrUnicode, CasedAndCaseIgnorable) {
  EXPECT_TRUE(unicode_flags(U'A') & kUniCased);
  EXPECT_TRUE(unicode_flags(0x1C5) & kUniCased);   // titlecase letter
  EXPECT_TRUE(unicode_flags(0x2160) & kUniCased);  // ROMAN NUMERAL ONE (Other_Uppercase)
  EXPECT_FALSE(unicode_flags(U'1') & kUniCased);
  EXPECT_TRUE(unicode_flags(0x301) & kUniCaseIgnorable);  // combining acute
  EXPECT_TRUE(unicode_flags(U'.') & kUniCaseIgnorable);   // MidNumLet
  EXPECT_TRUE(unicode_flags(U'\'') & kUniCaseIgnorable);
  EXPECT_FALSE(unicode_flags(U'A') & kUniCaseIgnorable);
  uint16_t h = unicode_flags(0x2B0);  // MODIFIER LETTER SMALL H: cased and ignorable
  EXPECT_TRUE((h & kUniCased) && (h & kUniCaseIgnorable));
}

TEST(StrUnicode, EveryCodePointMapsToOneToThreeValidCodePoints) {
  const CaseMap kMaps[] = {CaseMap::kUpper, CaseMap::kLower, CaseMap::kTitle, CaseMap::kFold};
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    for (CaseMap m : kMaps) {
      char32_t buf[3];
      int n = unicode_case_map(cp, m, buf);
      ASSERT_GE(n, 1);
      ASSERT_LE(n, 3);
      for (int i = 0; i < n; ++i) ASSERT_LE(Hex(buf[i]), 0x10FFFFu) << Hex(cp);
    }
  }
  EXPECT_EQ(unicode_flags(0x110000), 0);
}

struct SigmaRow {
  std::u32string text;
  size_t index;
  char32_t lower;
};

TEST(StrUnicode, FinalSigmaMatchesCPython) {
  const SigmaRow kSigma[] = {
      {U"A\u03a3", 1, 0x3C2},
      {U"\u03a3", 0, 0x3C3},
      {U"A\u03a3B", 1, 0x3C3},
      {U"A\u0301\u03a3", 2, 0x3C2},
      {U"A\u03a3\u0301", 1, 0x3C2},
      {U"A\u03a3\u0301B", 1, 0x3C3},
      {U"1\u03a3", 1, 0x3C3},
      {U"\u02b0\u03a3", 1, 0x3C3},
      {U"A.\u03a3", 2, 0x3C2},
      {U"A'\u03a3", 2, 0x3C2},
      {U"A\u03a3.B", 1, 0x3C3},
      {U"A\u03a3 1", 1, 0x3C2},
  };
  for (const SigmaRow& r : kSigma)
    EXPECT_EQ(unicode_final_sigma(r.text.data(), r.text.size(), r.index), r.lower)
        << "row with index " << r.index;
}

}  // namespace
}  // namespace pyjitvm::vm
