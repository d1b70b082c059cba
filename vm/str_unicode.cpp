// vm/str_unicode.cpp — lookups in the generated Unicode tables for the str methods.
//
// Stage: code point → flags / case mapping (vm/str_unicode.h) through the three-level
// table of vm/str_unicode_tables.inc.
//
// Invariants: str_unicode.h I1–I2; the table layout is str_unicode_tables.inc I1–I2.
#include "vm/str_unicode.h"

#include <algorithm>
#include <iterator>

namespace pyjitvm::vm {
namespace {

struct CtypeRecord {
  uint16_t flags;
  int32_t upper, lower, title, fold;  // deltas, or 0 with kUniExtendedCase
};

struct SpecialCase {
  char32_t cp;
  uint16_t upper, lower, title, fold;  // offsets into kSpecialCaseText
};

#include "vm/str_unicode_tables.inc"

constexpr char32_t kMaxCodePoint = 0x10FFFF;

const CtypeRecord& ctype_record(char32_t cp) {
  constexpr uint32_t kMidMask = (1u << (kCtypeShift1 - kCtypeShift2)) - 1;
  constexpr uint32_t kLeafMask = (1u << kCtypeShift2) - 1;
  uint32_t mid = kCtypeTop[cp >> kCtypeShift1];
  uint32_t leaf = kCtypeMid[(mid << (kCtypeShift1 - kCtypeShift2)) +
                            ((cp >> kCtypeShift2) & kMidMask)];
  return kCtypeRecords[kCtypeLeaf[(leaf << kCtypeShift2) + (cp & kLeafMask)]];
}

uint16_t special_offset(const SpecialCase& s, CaseMap which) {
  switch (which) {
    case CaseMap::kUpper: return s.upper;
    case CaseMap::kLower: return s.lower;
    case CaseMap::kTitle: return s.title;
    default: return s.fold;
  }
}

int32_t simple_delta(const CtypeRecord& r, CaseMap which) {
  switch (which) {
    case CaseMap::kUpper: return r.upper;
    case CaseMap::kLower: return r.lower;
    case CaseMap::kTitle: return r.title;
    default: return r.fold;
  }
}

}  // namespace

uint16_t unicode_flags(char32_t cp) {
  if (cp > kMaxCodePoint) return 0;
  return ctype_record(cp).flags;
}

int unicode_case_map(char32_t cp, CaseMap which, char32_t out[3]) {
  if (cp > kMaxCodePoint) {
    out[0] = cp;
    return 1;
  }
  const CtypeRecord& r = ctype_record(cp);
  if (!(r.flags & kUniExtendedCase)) {
    out[0] = static_cast<char32_t>(static_cast<int32_t>(cp) + simple_delta(r, which));
    return 1;
  }
  const SpecialCase* end = std::end(kSpecialCases);
  const SpecialCase* it = std::lower_bound(
      std::begin(kSpecialCases), end, cp,
      [](const SpecialCase& s, char32_t c) { return s.cp < c; });
  if (it == end || it->cp != cp) {  // cannot happen with consistent tables
    out[0] = cp;
    return 1;
  }
  const char32_t* text = kSpecialCaseText + special_offset(*it, which);
  int n = static_cast<int>(text[0]);
  for (int i = 0; i < n; ++i) out[i] = text[1 + i];
  return n;
}

char32_t unicode_final_sigma(const char32_t* text, size_t n, size_t i) {
  size_t j = i;
  while (j > 0 && (unicode_flags(text[j - 1]) & kUniCaseIgnorable)) --j;
  if (j == 0 || !(unicode_flags(text[j - 1]) & kUniCased)) return 0x3C3;
  j = i + 1;
  while (j < n && (unicode_flags(text[j]) & kUniCaseIgnorable)) ++j;
  if (j < n && (unicode_flags(text[j]) & kUniCased)) return 0x3C3;
  return 0x3C2;
}

}  // namespace pyjitvm::vm
