// vm/str_unicode.h — Unicode character classes and full case mappings for the str methods.
//
// Stage: code point → property flags (isalpha, islower, isidentifier ...) and case
// mappings (upper, lower, title, casefold, up to three code points each); used by
// vm/str_methods.cpp and vm/str_search.cpp. Tables: vm/str_unicode_tables.inc, generated
// by vm/str_unicode_gen.py from CPython 3.11.2 (Unicode 14.0.0).
//
// Invariants:
//   I1  unicode_flags(c) & kUniX equals the CPython 3.11 predicate for every code point:
//       kUniAlpha == chr(c).isalpha(), kUniDecimal/kUniDigit/kUniNumeric ==
//       isdecimal/isdigit/isnumeric, kUniLower/kUniUpper/kUniTitle are CPython's
//       LOWER/UPPER/TITLE flags, kUniCased/kUniCaseIgnorable the Unicode Cased and
//       Case_Ignorable properties, kUniXidStart/kUniXidContinue the identifier classes
//       (kUniXidStart also holds for '_') — the generator checks them; `unicode_flags()`.
//   I2  unicode_case_map() returns CPython's full (SpecialCasing) mapping without
//       context; the only context rule, final sigma, is `unicode_final_sigma()`.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pyjitvm::vm {

enum UnicodeFlag : uint16_t {
  kUniAlpha = 1 << 0,
  kUniDecimal = 1 << 1,
  kUniDigit = 1 << 2,
  kUniNumeric = 1 << 3,
  kUniLower = 1 << 4,
  kUniUpper = 1 << 5,
  kUniTitle = 1 << 6,
  kUniCased = 1 << 7,
  kUniCaseIgnorable = 1 << 8,
  kUniXidStart = 1 << 9,
  kUniXidContinue = 1 << 10,
  kUniExtendedCase = 1 << 11,  // some mapping has more than one code point
};

enum class CaseMap : uint8_t { kUpper, kLower, kTitle, kFold };

// Property flags of a code point (0 for values >= 0x110000).
uint16_t unicode_flags(char32_t cp);

// Writes the full mapping of `cp` (1 to 3 code points) to out; returns the count.
int unicode_case_map(char32_t cp, CaseMap which, char32_t out[3]);

// Lowercase of U+03A3 GREEK CAPITAL SIGMA at index i of `text` (n code points): U+03C2
// (final sigma) when a cased letter precedes it and none follows it, case-ignorable
// characters skipped on both sides; U+03C3 otherwise.
char32_t unicode_final_sigma(const char32_t* text, size_t n, size_t i);

}  // namespace pyjitvm::vm
