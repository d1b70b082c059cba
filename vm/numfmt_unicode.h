// vm/numfmt_unicode.h — the few Unicode facts number parsing and str repr need, over UTF-8.
//
// Stage: UTF-8 text (as the VM stores str) → code points, printability, decimal values;
// used by vm/bigint.cpp (int()), vm/floatops.cpp (float()) and vm/numfmt*.cpp (repr,
// widths counted in code points).
//
// Invariants:
//   I1  The tables are Python 3.11's (Unicode 14.0.0): unicode_is_printable(c) ==
//       chr(c).isprintable(), unicode_decimal(c) == unicodedata.decimal(chr(c), -1),
//       unicode_is_space(c) == chr(c).isspace() — tables in numfmt_unicode.cpp, generated.
//   I2  utf8_decode() never reads past the view and always advances by at least one byte;
//       a malformed byte decodes as itself (U+0080..U+00FF) — `utf8_decode()`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pyjitvm::vm {

// Decodes the code point starting at s[pos] and advances pos past it.
char32_t utf8_decode(std::string_view s, size_t& pos);
// Appends the UTF-8 encoding of cp.
void utf8_append(std::string& out, char32_t cp);
// Number of code points in s.
size_t utf8_length(std::string_view s);
// Byte length of the first `count` code points of s (all of s if it is shorter).
size_t utf8_prefix_bytes(std::string_view s, size_t count);

bool unicode_is_printable(char32_t cp);
bool unicode_is_space(char32_t cp);
// Decimal digit value 0..9 of a Unicode Nd character, -1 otherwise.
int unicode_decimal(char32_t cp);

// repr(s) and ascii(s) for a str held as UTF-8: quotes chosen like CPython (' unless the
// text has ' and no "), \t \n \r \\ escapes, \xhh / \uhhhh / \Uhhhhhhhh for
// non-printable characters (ascii(): for every non-ASCII character).
std::string str_repr(std::string_view utf8);
std::string str_ascii(std::string_view utf8);

// CPython's first step of int()/float() on a str: every Unicode decimal digit becomes its
// ASCII digit, every Unicode space becomes ' ', every other non-ASCII character becomes
// '?' (so it can never parse). ASCII passes through unchanged.
std::string ascii_number_text(std::string_view utf8);

}  // namespace pyjitvm::vm
