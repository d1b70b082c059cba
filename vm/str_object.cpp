// vm/str_object.cpp — code point offsets and str hashing.
//
// Stage: low-level text support for vm/str_type.cpp, the lexer-independent runtime
// and stdlib/.
//
// Invariants: str_object.h I1–I4. str_hash() never returns -1 (reserved for "not
// computed", as CPython reserves -1 for errors).
#include "vm/str_object.h"

#include <functional>

namespace pyjitvm::vm {

size_t utf8_offset(std::string_view s, size_t char_index) {
  size_t pos = 0;
  while (char_index > 0 && pos < s.size()) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    --char_index;
  }
  return pos;
}

int64_t hash_bytes(std::string_view bytes) {
  int64_t h = static_cast<int64_t>(std::hash<std::string_view>{}(bytes));
  return h == -1 ? -2 : h;
}

int64_t str_hash(Str* s) {
  if (s->hash_ == -1) s->hash_ = hash_bytes(s->view());
  return s->hash_;
}

}  // namespace pyjitvm::vm
