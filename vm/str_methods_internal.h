// vm/str_methods_internal.h — helpers shared by the files that implement str's methods.
//
// Stage: used only by vm/str_methods.cpp, vm/str_search.cpp and vm/str_format.cpp
// (each registers its methods on the str type from add_str_methods()).
//
// Invariants:
//   I1  Argument errors use the wording of the CPython 3.11 calling convention of each
//       method (METH_NOARGS, METH_O, Argument Clinic positional-only, old-style
//       PyArg_ParseTuple, Argument Clinic with keywords) — `str_begin()`, `str_kwargs()`.
//   I2  Code point indices are converted to byte offsets only for non-ASCII strings;
//       ASCII strings index bytes directly — `str_byte_offset()`, `str_char_index()`.
#pragma once

#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "vm/vm.h"

namespace pyjitvm::vm {

// How a method binds its arguments (after self), for CPython's error messages.
enum class StrArgs : uint8_t {
  kNoArgs,  // "str.upper() takes no arguments (1 given)"
  kOneArg,  // "str.join() takes exactly one argument (0 given)"
  kRange,   // "center expected at least 1 argument, got 0"
  kOld,     // "find() takes at least 1 argument (0 given)"
};

// Checks self (an instance of str; "unbound method str.upper() needs an argument",
// "descriptor 'upper' for 'str' objects doesn't apply to a 'int' object"), then the
// argument count for `style` (min/max count arguments after self; no keywords).
[[nodiscard]] bool str_begin(VM& vm, const CallArgs& a, const char* name, StrArgs style,
                             uint32_t min, uint32_t max, Str*& self);
// Checks self only (for methods that bind keywords themselves).
[[nodiscard]] bool str_self(VM& vm, const CallArgs& a, const char* name, Str*& self);
// Binds positional-or-keyword parameters `names` after self (Argument Clinic wording:
// "split() takes at most 2 arguments (3 given)", "'x' is an invalid keyword argument
// for split()"). Slots of absent parameters are left Undef.
[[nodiscard]] bool str_kwargs(VM& vm, const CallArgs& a, const char* fname,
                              std::initializer_list<const char*> names, Value* out);

// Results above this many bytes are a MemoryError instead of an attempt to allocate
// them (the heap aborts when the host has no memory left).
inline constexpr uint64_t kMaxStrResultBytes = uint64_t{1} << 32;
// false with MemoryError set when a result of `bytes` bytes is too large.
[[nodiscard]] bool str_size_ok(VM& vm, uint64_t bytes);

bool is_str_value(VM& vm, const Value& v);  // an instance of str (or a subclass)
// The type name Argument Clinic puts in "must be str, not X": "None" for None.
const char* clinic_type_name(VM& vm, const Value& v);
// The result for "unchanged": self when it is an exact str, else a plain str copy.
Value str_unchanged(VM& vm, const Value& self);

// Py_ssize_t argument (__index__; OverflowError "Python int too large to convert to C
// ssize_t" for ints beyond int64).
[[nodiscard]] bool str_ssize_arg(VM& vm, const Value& v, int64_t& out);
// C int argument ("Python int too large to convert to C int").
[[nodiscard]] bool str_int_arg(VM& vm, const Value& v, int& out);
// start/end of find() and friends: None or Undef leave `out` unchanged, ints beyond int64
// clamp, other types raise "slice indices must be integers or None or have an __index__
// method".
[[nodiscard]] bool str_slice_index(VM& vm, const Value& v, int64_t& out);
// CPython's ADJUST_INDICES: negative indices count from the end, then clamp to [0, len]
// (start is not clamped above).
void str_adjust_indices(int64_t& start, int64_t& end, int64_t len);

// New strs from valid UTF-8 without VM::new_str's validating decode: str_alloc() returns
// an uninitialised (NUL-terminated) str of nbytes > 1 for the caller to fill;
// str_make() copies `s`, counting code points unless `nchars` is given.
Str* str_alloc(VM& vm, size_t nbytes, size_t nchars);
Value str_make(VM& vm, std::string_view s, size_t nchars);
Value str_make(VM& vm, std::string_view s);
// v.find(needle, from), with memchr for one-byte needles.
inline size_t find_bytes(std::string_view v, std::string_view needle, size_t from) {
  if (needle.size() != 1) return v.find(needle, from);
  if (from >= v.size()) return std::string_view::npos;
  const void* p = std::memchr(v.data() + from, needle[0], v.size() - from);
  return p ? static_cast<size_t>(static_cast<const char*>(p) - v.data()) : std::string_view::npos;
}

// Code points of valid UTF-8: the bytes that are not continuation bytes.
size_t count_code_points(std::string_view s);

// Byte offset of code point `index` (0 <= index <= nchars).
size_t str_byte_offset(const Str* s, int64_t index);
// Code point index of byte offset `off` (at a code point boundary).
int64_t str_char_index(const Str* s, size_t off);
// Decodes UTF-8 into code points.
void str_decode(std::string_view s, std::vector<char32_t>& out);
// The byte offset where the code point ending at `end` (> 0) starts.
size_t utf8_prev(std::string_view s, size_t end);

// Registration of the methods defined in the other files.
void add_str_search_methods(VM& vm, Type* str_type);
void add_str_format_methods(VM& vm, Type* str_type);

}  // namespace pyjitvm::vm
