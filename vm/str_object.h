// vm/str_object.h — Python str: immutable UTF-8 text with cached length and hash.
//
// Stage: created by the compiler (constants), the runtime and stdlib; interned names
// (identifiers, attribute names) come from VM::intern().
//
// Layout: header, then the hash, byte length and code-point length, then the bytes
// (NUL-terminated) in the same allocation.
//
// Invariants:
//   I1  `data()` is valid UTF-8 and NUL-terminated; `nbytes` excludes the NUL.
//   I2  `nchars` is the code-point count; `is_ascii()` iff nchars == nbytes, in which
//       case indexing is O(1) on bytes.
//   I3  `hash_` is -1 until computed; str_hash() is the only writer.
//   I4  Interned strings (flag kStrInterned) are unique per content in a VM, so two
//       interned strings are equal iff they are the same object.
#pragma once

#include <cstring>
#include <string>
#include <string_view>

#include "vm/numfmt_unicode.h"
#include "vm/object.h"

namespace pyjitvm::vm {

enum StrFlags : uint16_t { kStrInterned = 1 };

struct Str : Object {
  int64_t hash_ = -1;
  size_t nbytes = 0;
  size_t nchars = 0;

  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  std::string_view view() const { return {data(), nbytes}; }
  bool is_ascii() const { return nchars == nbytes; }
  bool is_interned() const { return flags & kStrInterned; }
};

inline Str* as_str(Value v) { return static_cast<Str*>(v.as_obj()); }

// UTF-8 helpers (utf8_length, utf8_decode, utf8_append, str_repr ...) come from
// vm/numfmt_unicode.h. Byte offset of the code point with index `char_index`:
size_t utf8_offset(std::string_view s, size_t char_index);

// The hash of a str's bytes (computed on demand and cached in the object).
int64_t str_hash(Str* s);
int64_t hash_bytes(std::string_view bytes);

inline bool str_equal(const Str* a, const Str* b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->hash_ != -1 && b->hash_ != -1 && a->hash_ != b->hash_) return false;
  return std::memcmp(a->data(), b->data(), a->nbytes) == 0;
}


}  // namespace pyjitvm::vm
