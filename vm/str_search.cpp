// vm/str_search.cpp — str methods that search: find/index/count, startswith/endswith,
// replace, split/rsplit/splitlines, partition, removeprefix/suffix, maketrans/translate.
//
// Stage: registered on the str type by add_str_methods() (vm/str_methods.cpp).
//
// Invariants: str_methods.h I1, str_methods_internal.h I1–I2, and:
//   I1  Substring search runs on the UTF-8 bytes (a valid UTF-8 needle can only match at
//       code point boundaries); only start/end arguments and results are converted
//       between code point indices and byte offsets — `search_range()`.
//   I2  replace, split, rsplit and splitlines are single passes over the text (replace
//       counts first only when its worst case would exceed kMaxStrResultBytes) —
//       `m_replace()`, `split_on()`, `split_whitespace()`, `m_splitlines()`.
//   I3  Results that equal self (no split, nothing removed) are self itself when self is
//       an exact str (CPython's identity behaviour) — `piece()`.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_methods_internal.h"

namespace pyjitvm::vm {
namespace {

constexpr int64_t kNoLimit = INT64_MAX;

bool is_space_cp(char32_t c) {
  return c < 0x80 ? ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20)) : unicode_is_space(c);
}

// A piece [begin, end) of self's bytes as a str (self itself when it is all of an exact str).
Value piece(VM& vm, const Value& self, size_t begin, size_t end) {
  Str* s = as_str(self);
  if (begin == 0 && end == s->nbytes) return str_unchanged(vm, self);
  std::string_view part = s->view().substr(begin, end - begin);
  return str_make(vm, part, s->is_ascii() ? part.size() : count_code_points(part));
}

// ------------------------------------------------------------------ find family
// The byte range [b0, b1) of code points [start, end) after ADJUST_INDICES; false when
// the slice is shorter than `sublen` code points.
struct SearchRange {
  int64_t start = 0, end = 0;
  size_t b0 = 0, b1 = 0;
};

bool search_range(const Str* s, int64_t start, int64_t end, int64_t sublen, SearchRange& r) {
  str_adjust_indices(start, end, static_cast<int64_t>(s->nchars));
  if (end - start < sublen) return false;
  r.start = start;
  r.end = end;
  r.b0 = str_byte_offset(s, start);
  r.b1 = end == static_cast<int64_t>(s->nchars) ? s->nbytes : str_byte_offset(s, end);
  return true;
}

// Parses (sub, start=None, end=None) of find/index/count (old-style argument errors).
bool search_args(VM& vm, const CallArgs& a, const char* name, Str*& self, Value& sub,
                 int64_t& start, int64_t& end) {
  if (!str_begin(vm, a, name, StrArgs::kOld, 1, 3, self)) return false;
  start = 0;
  end = kNoLimit;
  if (a.argc > 2 && !str_slice_index(vm, a[2], start)) return false;
  if (a.argc > 3 && !str_slice_index(vm, a[3], end)) return false;
  sub = a[1];
  return true;
}

bool need_str(VM& vm, const Value& v) {
  if (is_str_value(vm, v)) return true;
  vm.raise_fmt(vm.exc().TypeError, "must be str, not %s", type_name(vm, v));
  return false;
}

// find/rfind as a code point index, -1 when absent.
int64_t find_in(const Str* s, const Str* sub, int64_t start, int64_t end, bool reverse) {
  SearchRange r;
  if (!search_range(s, start, end, static_cast<int64_t>(sub->nchars), r)) return -1;
  if (sub->nbytes == 0) return reverse ? r.end : r.start;
  std::string_view hay = s->view().substr(r.b0, r.b1 - r.b0);
  size_t pos = reverse ? hay.rfind(sub->view()) : find_bytes(hay, sub->view(), 0);
  if (pos == std::string_view::npos) return -1;
  if (s->is_ascii()) return r.start + static_cast<int64_t>(pos);
  return r.start + static_cast<int64_t>(count_code_points(hay.substr(0, pos)));
}

Value find_method(VM& vm, const CallArgs& a, const char* name, bool reverse, bool raise) {
  Str* s;
  Value sub;
  int64_t start, end;
  if (!search_args(vm, a, name, s, sub, start, end) || !need_str(vm, sub)) return Value();
  int64_t i = find_in(s, as_str(sub), start, end, reverse);
  if (i < 0 && raise) return vm.raise(vm.exc().ValueError, "substring not found");
  return Value::from_int(i);
}

Value m_find(VM& vm, const CallArgs& a) { return find_method(vm, a, "find", false, false); }
Value m_rfind(VM& vm, const CallArgs& a) { return find_method(vm, a, "rfind", true, false); }
Value m_index(VM& vm, const CallArgs& a) { return find_method(vm, a, "index", false, true); }
Value m_rindex(VM& vm, const CallArgs& a) { return find_method(vm, a, "rindex", true, true); }

Value m_count(VM& vm, const CallArgs& a) {
  Str* s;
  Value subv;
  int64_t start, end;
  if (!search_args(vm, a, "count", s, subv, start, end) || !need_str(vm, subv)) return Value();
  Str* sub = as_str(subv);
  SearchRange r;
  if (!search_range(s, start, end, static_cast<int64_t>(sub->nchars), r))
    return Value::from_int(0);
  if (sub->nbytes == 0) return Value::from_int(r.end - r.start + 1);
  std::string_view hay = s->view().substr(r.b0, r.b1 - r.b0);
  std::string_view needle = sub->view();
  if (needle.size() == 1)
    return Value::from_int(static_cast<int64_t>(std::count(hay.begin(), hay.end(), needle[0])));
  int64_t n = 0;
  for (size_t pos = hay.find(needle); pos != std::string_view::npos;
       pos = hay.find(needle, pos + needle.size()))
    ++n;
  return Value::from_int(n);
}

// startswith/endswith of one str over [start, end).
bool tail_match(const Str* s, const Str* sub, int64_t start, int64_t end, bool at_end) {
  int64_t len = static_cast<int64_t>(s->nchars);
  int64_t sublen = static_cast<int64_t>(sub->nchars);
  str_adjust_indices(start, end, len);
  end -= sublen;
  if (end < start) return false;
  if (sublen == 0) return true;
  size_t off = str_byte_offset(s, at_end ? end : start);
  if (off + sub->nbytes > s->nbytes) return false;
  return s->view().compare(off, sub->nbytes, sub->view()) == 0;
}

Value starts_ends(VM& vm, const CallArgs& a, const char* name, bool at_end) {
  Str* s;
  Value prefix;
  int64_t start, end;
  if (!search_args(vm, a, name, s, prefix, start, end)) return Value();
  if (is_kind(prefix, Kind::Tuple)) {
    Tuple* t = as_tuple(prefix);
    for (size_t i = 0; i < t->len; ++i) {
      Value item = (*t)[i];
      if (!is_str_value(vm, item))
        return vm.raise_fmt(vm.exc().TypeError, "tuple for %s must only contain str, not %s",
                            name, type_name(vm, item));
      if (tail_match(s, as_str(item), start, end, at_end)) return Value::from_bool(true);
    }
    return Value::from_bool(false);
  }
  if (!is_str_value(vm, prefix))
    return vm.raise_fmt(vm.exc().TypeError,
                        "%s first arg must be str or a tuple of str, not %s", name,
                        type_name(vm, prefix));
  return Value::from_bool(tail_match(s, as_str(prefix), start, end, at_end));
}

Value m_startswith(VM& vm, const CallArgs& a) { return starts_ends(vm, a, "startswith", false); }
Value m_endswith(VM& vm, const CallArgs& a) { return starts_ends(vm, a, "endswith", true); }

// ------------------------------------------------------------------ replace
// Inserts `with` before every code point and at the end, at most `count` times.
void replace_empty(std::string_view v, std::string_view with, int64_t count, std::string& out) {
  int64_t done = 0;
  for (size_t p = 0; p < v.size();) {
    if (done < count) {
      out += with;
      ++done;
    }
    size_t q = p;
    utf8_decode(v, q);
    out += v.substr(p, q - p);
    p = q;
  }
  if (done < count) out += with;
}

Value m_replace(VM& vm, const CallArgs& a) {
  Str* s;
  if (!str_begin(vm, a, "replace", StrArgs::kRange, 2, 3, s)) return Value();
  for (uint32_t i = 1; i <= 2; ++i) {
    if (!is_str_value(vm, a[i]))
      return vm.raise_fmt(vm.exc().TypeError, "replace() argument %u must be str, not %s", i,
                          clinic_type_name(vm, a[i]));
  }
  int64_t count = -1;
  if (a.argc > 3 && !str_ssize_arg(vm, a[3], count)) return Value();
  if (count < 0) count = kNoLimit;
  std::string_view v = s->view();
  std::string_view old = as_str(a[1])->view();
  std::string_view with = as_str(a[2])->view();
  std::string out;
  if (old.empty()) {
    if (count == 0) return str_unchanged(vm, a[0]);
    uint64_t inserts = std::min<uint64_t>(static_cast<uint64_t>(count), s->nchars + 1);
    if (!str_size_ok(vm, v.size() + with.size() * inserts)) return Value();
    out.reserve(v.size() + with.size() * inserts);
    replace_empty(v, with, count, out);
    return str_make(vm, out);
  }
  size_t pos = count == 0 ? std::string_view::npos : find_bytes(v, old, 0);
  if (pos == std::string_view::npos || old == with) return str_unchanged(vm, a[0]);
  if (with.size() > old.size() &&
      v.size() + (v.size() / old.size()) * (with.size() - old.size()) > kMaxStrResultBytes) {
    uint64_t n = 0;  // the worst case is too large: count the real replacements
    for (size_t q = pos; q != std::string_view::npos && n < static_cast<uint64_t>(count);
         q = find_bytes(v, old, q + old.size()))
      ++n;
    if (!str_size_ok(vm, v.size() + n * (with.size() - old.size()))) return Value();
  }
  out.reserve(with.size() > old.size() ? v.size() + (with.size() - old.size()) * 4 : v.size());
  size_t from = 0;
  int64_t done = 0;
  for (; pos != std::string_view::npos && done < count; ++done) {
    out.append(v, from, pos - from);
    out += with;
    from = pos + old.size();
    pos = find_bytes(v, old, from);
  }
  out.append(v, from, std::string_view::npos);
  int64_t nchars = static_cast<int64_t>(s->nchars) +
                   done * (static_cast<int64_t>(as_str(a[2])->nchars) -
                           static_cast<int64_t>(as_str(a[1])->nchars));
  return str_make(vm, out, static_cast<size_t>(nchars));
}

// ------------------------------------------------------------------ split family
// Parses (sep=None, maxsplit=-1); sep is Undef for whitespace splitting.
bool split_args(VM& vm, const CallArgs& a, const char* name, Str*& self, Value& sep,
                int64_t& maxsplit) {
  Value p[2];
  if (!str_self(vm, a, name, self) || !str_kwargs(vm, a, name, {"sep", "maxsplit"}, p))
    return false;
  maxsplit = -1;
  if (!p[1].is_undef() && !str_ssize_arg(vm, p[1], maxsplit)) return false;
  if (maxsplit < 0) maxsplit = kNoLimit;
  sep = p[0].is_none() ? Value() : p[0];
  if (sep.is_undef()) return true;
  if (!is_str_value(vm, sep)) {
    vm.raise_fmt(vm.exc().TypeError, "must be str or None, not %s", type_name(vm, sep));
    return false;
  }
  if (as_str(sep)->nbytes == 0) {
    vm.raise(vm.exc().ValueError, "empty separator");
    return false;
  }
  return true;
}

// ASCII whitespace: \t \n \v \f \r, \x1c-\x1f and space.
constexpr bool is_ascii_space_byte(unsigned char b) {
  return (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20);
}

void split_whitespace_ascii(VM& vm, const Value& self, int64_t maxsplit, List* out) {
  std::string_view v = as_str(self)->view();
  const auto* b = reinterpret_cast<const unsigned char*>(v.data());
  size_t i = 0, n = v.size();
  while (maxsplit-- > 0) {
    while (i < n && is_ascii_space_byte(b[i])) ++i;
    if (i == n) break;
    size_t j = i;
    while (i < n && !is_ascii_space_byte(b[i])) ++i;
    list_append(vm.heap(), out, piece(vm, self, j, i));
  }
  if (i < n) {
    while (i < n && is_ascii_space_byte(b[i])) ++i;
    if (i < n) list_append(vm.heap(), out, piece(vm, self, i, n));
  }
}

// Splits on runs of whitespace, left to right.
void split_whitespace(VM& vm, const Value& self, int64_t maxsplit, List* out) {
  if (as_str(self)->is_ascii()) return split_whitespace_ascii(vm, self, maxsplit, out);
  std::string_view v = as_str(self)->view();
  size_t i = 0, n = v.size();
  auto space_at = [&](size_t p, size_t& next) {
    auto b = static_cast<unsigned char>(v[p]);
    if (b < 0x80) {
      next = p + 1;
      return is_ascii_space_byte(b);
    }
    next = p;
    return unicode_is_space(utf8_decode(v, next));
  };
  size_t next;
  while (maxsplit-- > 0) {
    while (i < n && space_at(i, next)) i = next;
    if (i == n) break;
    size_t j = i;
    while (i < n && !space_at(i, next)) i = next;
    list_append(vm.heap(), out, piece(vm, self, j, i));
  }
  if (i < n) {
    while (i < n && space_at(i, next)) i = next;
    if (i < n) list_append(vm.heap(), out, piece(vm, self, i, n));
  }
}

// Splits on runs of whitespace, right to left (pieces are appended in reverse order).
void rsplit_whitespace(VM& vm, const Value& self, int64_t maxsplit, List* out) {
  std::string_view v = as_str(self)->view();
  size_t i = v.size();
  auto space_before = [&](size_t end, size_t& start) {
    start = utf8_prev(v, end);
    size_t q = start;
    return is_space_cp(utf8_decode(v, q));
  };
  size_t prev;
  while (maxsplit-- > 0) {
    while (i > 0 && space_before(i, prev)) i = prev;
    if (i == 0) break;
    size_t j = i;
    while (i > 0 && !space_before(i, prev)) i = prev;
    list_append(vm.heap(), out, piece(vm, self, i, j));
  }
  if (i > 0) {
    while (i > 0 && space_before(i, prev)) i = prev;
    if (i > 0) list_append(vm.heap(), out, piece(vm, self, 0, i));
  }
}

void split_on(VM& vm, const Value& self, std::string_view sep, int64_t maxsplit, List* out) {
  std::string_view v = as_str(self)->view();
  size_t from = 0;
  for (size_t pos;
       maxsplit-- > 0 && (pos = find_bytes(v, sep, from)) != std::string_view::npos;) {
    list_append(vm.heap(), out, piece(vm, self, from, pos));
    from = pos + sep.size();
  }
  list_append(vm.heap(), out, piece(vm, self, from, v.size()));
}

void rsplit_on(VM& vm, const Value& self, std::string_view sep, int64_t maxsplit, List* out) {
  std::string_view v = as_str(self)->view();
  size_t end = v.size();
  while (maxsplit-- > 0 && end >= sep.size()) {
    size_t pos = v.rfind(sep, end - sep.size());
    if (pos == std::string_view::npos) break;
    list_append(vm.heap(), out, piece(vm, self, pos + sep.size(), end));
    end = pos;
  }
  list_append(vm.heap(), out, piece(vm, self, 0, end));
}

Value m_split(VM& vm, const CallArgs& a) {
  Str* s;
  Value sep;
  int64_t maxsplit;
  if (!split_args(vm, a, "split", s, sep, maxsplit)) return Value();
  List* out = vm.new_list(0);
  if (sep.is_undef())
    split_whitespace(vm, a[0], maxsplit, out);
  else
    split_on(vm, a[0], as_str(sep)->view(), maxsplit, out);
  return Value::from_obj(out);
}

Value m_rsplit(VM& vm, const CallArgs& a) {
  Str* s;
  Value sep;
  int64_t maxsplit;
  if (!split_args(vm, a, "rsplit", s, sep, maxsplit)) return Value();
  List* out = vm.new_list(0);
  if (sep.is_undef())
    rsplit_whitespace(vm, a[0], maxsplit, out);
  else
    rsplit_on(vm, a[0], as_str(sep)->view(), maxsplit, out);
  std::reverse(out->items, out->items + out->len);
  return Value::from_obj(out);
}

// Byte length of the line break at v[i] (0 if none): \n \r \r\n \v \f \x1c-\x1e, U+0085,
// U+2028, U+2029.
size_t line_break_at(std::string_view v, size_t i) {
  auto b = static_cast<unsigned char>(v[i]);
  if (b == '\r') return i + 1 < v.size() && v[i + 1] == '\n' ? 2 : 1;
  if (b == '\n' || b == 0x0B || b == 0x0C || (b >= 0x1C && b <= 0x1E)) return 1;
  if (b == 0xC2) return i + 1 < v.size() && static_cast<unsigned char>(v[i + 1]) == 0x85 ? 2 : 0;
  if (b == 0xE2 && i + 2 < v.size() && static_cast<unsigned char>(v[i + 1]) == 0x80) {
    auto c = static_cast<unsigned char>(v[i + 2]);
    return c == 0xA8 || c == 0xA9 ? 3 : 0;
  }
  return 0;
}

Value m_splitlines(VM& vm, const CallArgs& a) {
  Str* s;
  Value p[1];
  if (!str_self(vm, a, "splitlines", s) || !str_kwargs(vm, a, "splitlines", {"keepends"}, p))
    return Value();
  int keepends = 0;
  if (!p[0].is_undef() && !str_int_arg(vm, p[0], keepends)) return Value();
  std::string_view v = s->view();
  List* out = vm.new_list(0);
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i, brk = 0;
    while (i < v.size() && (brk = line_break_at(v, i)) == 0) ++i;
    size_t eol = i;
    if (i < v.size()) {
      i += brk;
      if (keepends) eol = i;
    }
    list_append(vm.heap(), out, piece(vm, a[0], j, eol));
  }
  return Value::from_obj(out);
}

// ------------------------------------------------------------------ partition
Value partition(VM& vm, const CallArgs& a, const char* name, bool reverse) {
  Str* s;
  if (!str_begin(vm, a, name, StrArgs::kOneArg, 1, 1, s) || !need_str(vm, a[1]))
    return Value();
  std::string_view sep = as_str(a[1])->view();
  if (sep.empty()) return vm.raise(vm.exc().ValueError, "empty separator");
  std::string_view v = s->view();
  size_t pos = reverse ? v.rfind(sep) : find_bytes(v, sep, 0);
  Value empty = Value::from_obj(vm.intern(""));
  if (pos == std::string_view::npos) {
    Value whole = str_unchanged(vm, a[0]);
    return Value::from_obj(reverse ? vm.tuple_of({empty, empty, whole})
                                   : vm.tuple_of({whole, empty, empty}));
  }
  Value head = piece(vm, a[0], 0, pos);
  Value tail = piece(vm, a[0], pos + sep.size(), v.size());
  return Value::from_obj(vm.tuple_of({head, str_unchanged(vm, a[1]), tail}));
}

Value m_partition(VM& vm, const CallArgs& a) { return partition(vm, a, "partition", false); }
Value m_rpartition(VM& vm, const CallArgs& a) { return partition(vm, a, "rpartition", true); }

Value remove_affix(VM& vm, const CallArgs& a, const char* name, bool suffix) {
  Str* s;
  if (!str_begin(vm, a, name, StrArgs::kOneArg, 1, 1, s)) return Value();
  if (!is_str_value(vm, a[1]))
    return vm.raise_fmt(vm.exc().TypeError, "%s() argument must be str, not %s", name,
                        clinic_type_name(vm, a[1]));
  std::string_view v = s->view();
  std::string_view affix = as_str(a[1])->view();
  if (affix.empty() || affix.size() > v.size()) return str_unchanged(vm, a[0]);
  if (suffix) {
    if (v.substr(v.size() - affix.size()) != affix) return str_unchanged(vm, a[0]);
    return str_make(vm, v.substr(0, v.size() - affix.size()), s->nchars - as_str(a[1])->nchars);
  }
  if (v.substr(0, affix.size()) != affix) return str_unchanged(vm, a[0]);
  return str_make(vm, v.substr(affix.size()), s->nchars - as_str(a[1])->nchars);
}

Value m_removeprefix(VM& vm, const CallArgs& a) {
  return remove_affix(vm, a, "removeprefix", false);
}
Value m_removesuffix(VM& vm, const CallArgs& a) {
  return remove_affix(vm, a, "removesuffix", true);
}

// ------------------------------------------------------------------ maketrans, translate
bool is_int_value(VM& vm, const Value& v) {
  return v.is_int() || v.is_bool() ||
         (is_kind(v, Kind::BigInt) && vm.type_of(v)->is_subtype_of(vm.types().int_));
}

Value maketrans_dict(VM& vm, Dict* src) {
  Dict* out = vm.new_dict();
  VM::TempRoot root(vm, out);
  uint32_t pos = 0;
  DictEntry* e;
  while (dict_next(src, pos, e)) {
    Value key = e->key;
    if (is_str_value(vm, key)) {
      Str* k = as_str(key);
      if (k->nchars != 1)
        return vm.raise(vm.exc().ValueError,
                        "string keys in translate table must be of length 1");
      size_t p = 0;
      key = Value::from_int(utf8_decode(k->view(), p));
    } else if (!is_int_value(vm, key)) {
      return vm.raise(vm.exc().TypeError, "keys in translate table must be strings or integers");
    }
    if (!dict_set(vm, out, key, e->value)) return Value();
  }
  return Value::from_obj(out);
}

Value m_maketrans(VM& vm, const CallArgs& a) {
  if (a.nkw() != 0)
    return vm.raise(vm.exc().TypeError, "str.maketrans() takes no keyword arguments");
  if (a.argc < 1 || a.argc > 3)
    return vm.raise_fmt(vm.exc().TypeError, "maketrans expected at %s %d argument%s, got %u",
                        a.argc < 1 ? "least" : "most", a.argc < 1 ? 1 : 3,
                        a.argc < 1 ? "" : "s", a.argc);
  for (uint32_t i = 1; i < a.argc; ++i) {
    if (!is_str_value(vm, a[i]))
      return vm.raise_fmt(vm.exc().TypeError, "maketrans() argument %u must be str, not %s",
                          i + 1, clinic_type_name(vm, a[i]));
  }
  if (a.argc == 1) {
    if (vm.type_of(a[0]) != vm.types().dict)
      return vm.raise(vm.exc().TypeError,
                      "if you give only one argument to maketrans it must be a dict");
    return maketrans_dict(vm, as_dict(a[0]));
  }
  if (!is_str_value(vm, a[0]))
    return vm.raise(vm.exc().TypeError,
                    "first maketrans argument must be a string if there is a second argument");
  std::vector<char32_t> from, to;
  str_decode(as_str(a[0])->view(), from);
  str_decode(as_str(a[1])->view(), to);
  if (from.size() != to.size())
    return vm.raise(vm.exc().ValueError,
                    "the first two maketrans arguments must have equal length");
  Dict* out = vm.new_dict();
  VM::TempRoot root(vm, out);
  for (size_t i = 0; i < from.size(); ++i) {
    if (!dict_set(vm, out, Value::from_int(from[i]), Value::from_int(to[i]))) return Value();
  }
  if (a.argc == 3) {
    std::string_view z = as_str(a[2])->view();
    for (size_t p = 0; p < z.size();) {
      if (!dict_set(vm, out, Value::from_int(utf8_decode(z, p)), Value::none())) return Value();
    }
  }
  return Value::from_obj(out);
}

// What translate() does with one code point.
struct Translation {
  enum Kind : uint8_t { kUnknown, kKeep, kDrop, kText } kind = kUnknown;
  std::string text;
};

bool translate_one(VM& vm, Value table, char32_t c, Translation& t) {
  Value key = Value::from_int(c);
  Value r;
  if (vm.type_of(table) == vm.types().dict) {
    int found = dict_get(vm, as_dict(table), key, r);
    if (found < 0) return false;
    if (found == 0) r = Value();
  } else {
    r = getitem(vm, table, key);
    if (failed(r)) {
      if (!vm.pending_matches(vm.exc().LookupError)) return false;
      vm.clear_pending();
    }
  }
  t.text.clear();
  if (r.is_undef()) {
    t.kind = Translation::kKeep;
  } else if (r.is_none()) {
    t.kind = Translation::kDrop;
  } else if (is_int_value(vm, r)) {
    int64_t v = r.is_bool() ? r.as_bool() : r.is_int() ? r.as_int() : -1;
    if (v < 0 || v > 0x10FFFF) {
      vm.raise(vm.exc().ValueError, "character mapping must be in range(0x110000)");
      return false;
    }
    t.kind = Translation::kText;
    utf8_append(t.text, static_cast<char32_t>(v));
  } else if (is_str_value(vm, r)) {
    t.kind = Translation::kText;
    t.text = as_str(r)->view();
  } else {
    vm.raise(vm.exc().TypeError, "character mapping must return integer, None or str");
    return false;
  }
  return true;
}

Value m_translate(VM& vm, const CallArgs& a) {
  Str* s;
  if (!str_begin(vm, a, "translate", StrArgs::kOneArg, 1, 1, s)) return Value();
  Value table = a[1];
  std::string_view v = s->view();
  std::vector<Translation> ascii_cache(128);
  Translation t;
  std::string out;
  out.reserve(v.size());
  for (size_t p = 0; p < v.size();) {
    size_t start = p;
    char32_t c = utf8_decode(v, p);
    Translation* use = c < 128 ? &ascii_cache[c] : &t;
    if (use->kind == Translation::kUnknown || use == &t) {
      if (!translate_one(vm, table, c, *use)) return Value();
    }
    if (use->kind == Translation::kKeep)
      out.append(v, start, p - start);
    else if (use->kind == Translation::kText)
      out += use->text;
  }
  if (out == v) return str_unchanged(vm, a[0]);
  return str_make(vm, out);
}

}  // namespace

void add_str_search_methods(VM& vm, Type* str_type) {
  static const MethodDef kMethods[] = {
      {"count", m_count},
      {"endswith", m_endswith},
      {"find", m_find},
      {"index", m_index},
      {"maketrans", m_maketrans, MethodDef::kStatic},
      {"partition", m_partition},
      {"removeprefix", m_removeprefix},
      {"removesuffix", m_removesuffix},
      {"replace", m_replace},
      {"rfind", m_rfind},
      {"rindex", m_rindex},
      {"rpartition", m_rpartition},
      {"rsplit", m_rsplit},
      {"split", m_split},
      {"splitlines", m_splitlines},
      {"startswith", m_startswith},
      {"translate", m_translate},
  };
  add_methods(vm, str_type, kMethods);
}

}  // namespace pyjitvm::vm
