// vm/str_methods.cpp — str methods: case mapping, predicates, padding, stripping, join,
// expandtabs, encode; `str % args`; the helpers shared by the str method files.
//
// Stage: add_str_methods() at VM start (vm/str_methods.h) registers these methods and
// those of vm/str_search.cpp (searching, splitting, replacing, translate) and
// vm/str_format.cpp (str.format, format_map).
//
// Invariants: str_methods.h I1–I2, str_methods_internal.h I1–I2, and:
//   I1  ASCII strings take byte loops (eight bytes at a time for case mapping); other
//       strings are streamed code point by code point, and decoded into an array first
//       only when a capital sigma needs its neighbours — `convert_case()`.
//   I2  A method that changes nothing returns self when self is an exact str, as
//       CPython does — `str_unchanged()`.
#include "vm/str_methods.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "vm/bigint.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/numfmt.h"
#include "vm/ops.h"
#include "vm/str_methods_internal.h"
#include "vm/str_unicode.h"

namespace pyjitvm::vm {

// ------------------------------------------------------------------ shared helpers
bool is_str_value(VM& vm, const Value& v) {
  return v.is_obj() && vm.type_of(v)->is_subtype_of(vm.types().str);
}

bool str_size_ok(VM& vm, uint64_t bytes) {
  if (bytes <= kMaxStrResultBytes) return true;
  vm.raise(vm.exc().MemoryError, "");
  return false;
}

const char* clinic_type_name(VM& vm, const Value& v) {
  return v.is_none() ? "None" : type_name(vm, v);
}

Value str_unchanged(VM& vm, const Value& self) {
  if (vm.type_of(self) == vm.types().str) return self;
  return str_make(vm, as_str(self)->view(), as_str(self)->nchars);
}

namespace {

// One bit (the low bit of each byte) per lead byte of eight UTF-8 bytes: a byte is a
// continuation byte iff bit 7 is set and bit 6 is clear.
inline uint64_t lead_bits(uint64_t x) {
  return ((~x >> 7) | (x >> 6)) & 0x0101010101010101ull;
}

inline bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Number of lead bytes among eight: lead_bits() has at most one bit per byte, so the
// multiplication sums the bytes into the top one (no popcnt instruction needed).
inline size_t count_leads(uint64_t x) {
  return static_cast<size_t>((lead_bits(x) * 0x0101010101010101ull) >> 56);
}

}  // namespace

size_t count_code_points(std::string_view s) {
  size_t n = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    n += count_leads(x);
  }
  for (; i < s.size(); ++i) n += is_lead(s[i]);
  return n;
}

Str* str_alloc(VM& vm, size_t nbytes, size_t nchars) {
  Str* str = vm.heap().make<Str>(vm.types().str, Kind::Str, nbytes + 1);
  str->data()[nbytes] = '\0';
  str->nbytes = nbytes;
  str->nchars = nchars;
  return str;
}

Value str_make(VM& vm, std::string_view s, size_t nchars) {
  if (s.size() <= 1) return vm.str(s);  // the VM's cached one-character and empty strs
  Str* str = str_alloc(vm, s.size(), nchars);
  std::memcpy(str->data(), s.data(), s.size());
  return Value::from_obj(str);
}

Value str_make(VM& vm, std::string_view s) { return str_make(vm, s, count_code_points(s)); }

bool str_self(VM& vm, const CallArgs& a, const char* name, Str*& self) {
  if (a.argc == 0) {
    vm.raise_fmt(vm.exc().TypeError, "unbound method str.%s() needs an argument", name);
    return false;
  }
  if (!is_str_value(vm, a[0])) {
    vm.raise_fmt(vm.exc().TypeError, "descriptor '%s' for 'str' objects doesn't apply to a "
                 "'%s' object", name, type_name(vm, a[0]));
    return false;
  }
  self = as_str(a[0]);
  return true;
}

bool str_begin(VM& vm, const CallArgs& a, const char* name, StrArgs style, uint32_t min,
               uint32_t max, Str*& self) {
  if (!str_self(vm, a, name, self)) return false;
  if (a.nkw() != 0) {
    vm.raise_fmt(vm.exc().TypeError, "str.%s() takes no keyword arguments", name);
    return false;
  }
  uint32_t n = a.argc - 1;
  switch (style) {
    case StrArgs::kNoArgs:
      if (n == 0) return true;
      vm.raise_fmt(vm.exc().TypeError, "str.%s() takes no arguments (%u given)", name, n);
      return false;
    case StrArgs::kOneArg:
      if (n == 1) return true;
      vm.raise_fmt(vm.exc().TypeError, "str.%s() takes exactly one argument (%u given)", name,
                   n);
      return false;
    case StrArgs::kRange:
      if (n < min)
        vm.raise_fmt(vm.exc().TypeError, "%s expected at least %u argument%s, got %u", name,
                     min, min == 1 ? "" : "s", n);
      else if (n > max)
        vm.raise_fmt(vm.exc().TypeError, "%s expected at most %u argument%s, got %u", name,
                     max, max == 1 ? "" : "s", n);
      else
        return true;
      return false;
    case StrArgs::kOld:
      if (n < min)
        vm.raise_fmt(vm.exc().TypeError, "%s() takes at least %u argument%s (%u given)", name,
                     min, min == 1 ? "" : "s", n);
      else if (n > max)
        vm.raise_fmt(vm.exc().TypeError, "%s() takes at most %u argument%s (%u given)", name,
                     max, max == 1 ? "" : "s", n);
      else
        return true;
      return false;
  }
  return true;
}

bool str_kwargs(VM& vm, const CallArgs& a, const char* fname,
                std::initializer_list<const char*> names, Value* out) {
  size_t max = names.size();
  for (size_t i = 0; i < max; ++i) out[i] = Value();
  uint32_t nargs = a.argc - 1;
  uint32_t nkw = a.nkw();
  if (nargs + nkw > max) {
    vm.raise_fmt(vm.exc().TypeError, "%s() takes at most %zu %sargument%s (%u given)", fname,
                 max, nargs == 0 ? "keyword " : "", max == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  for (uint32_t i = 0; i < nargs; ++i) out[i] = a[1 + i];
  for (uint32_t k = 0; k < nkw; ++k) {
    Str* key = as_str((*a.kwnames)[k]);
    size_t j = 0;
    for (const char* name : names) {
      if (key->view() == name) break;
      ++j;
    }
    if (j == max) {
      vm.raise_fmt(vm.exc().TypeError, "'%s' is an invalid keyword argument for %s()",
                   key->data(), fname);
      return false;
    }
    if (j < nargs) {
      vm.raise_fmt(vm.exc().TypeError, "argument for %s() given by name ('%s') and position "
                   "(%zu)", fname, key->data(), j + 1);
      return false;
    }
    out[j] = a.argv[a.argc + k];
  }
  return true;
}

namespace {

// Sign of an int-like Value beyond int64 (a BigInt).
int big_sign(const Value& v) {
  BigInt b;
  int_to_bigint(v, b);
  return b.sign();
}

}  // namespace

bool str_ssize_arg(VM& vm, const Value& v, int64_t& out) {
  if (is_kind(v, Kind::BigInt) && vm.type_of(v)->is_subtype_of(vm.types().int_)) {
    vm.raise(vm.exc().OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return index_of(vm, v, out);
}

bool str_int_arg(VM& vm, const Value& v, int& out) {
  int64_t x = 0;
  if (!(is_kind(v, Kind::BigInt) && vm.type_of(v)->is_subtype_of(vm.types().int_))) {
    if (!index_of(vm, v, x)) return false;
    if (x >= INT_MIN && x <= INT_MAX) {
      out = static_cast<int>(x);
      return true;
    }
  }
  vm.raise(vm.exc().OverflowError, "Python int too large to convert to C int");
  return false;
}

bool str_slice_index(VM& vm, const Value& v, int64_t& out) {
  if (v.is_undef() || v.is_none()) return true;
  if (v.is_int()) {
    out = v.as_int();
    return true;
  }
  if (v.is_bool()) {
    out = v.as_bool();
    return true;
  }
  if (is_kind(v, Kind::BigInt) && vm.type_of(v)->is_subtype_of(vm.types().int_)) {
    out = big_sign(v) < 0 ? INT64_MIN : INT64_MAX;
    return true;
  }
  if (v.is_obj() && !lookup_in_mro(vm.type_of(v), vm.intern("__index__")).is_undef())
    return index_of(vm, v, out);
  vm.raise(vm.exc().TypeError,
           "slice indices must be integers or None or have an __index__ method");
  return false;
}

void str_adjust_indices(int64_t& start, int64_t& end, int64_t len) {
  if (end > len) {
    end = len;
  } else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
}

size_t str_byte_offset(const Str* s, int64_t index) {
  if (s->is_ascii()) return static_cast<size_t>(index);
  std::string_view v = s->view();
  auto k = static_cast<size_t>(index);
  size_t seen = 0, i = 0;  // lead bytes before v[i]
  for (; i + 8 <= v.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, v.data() + i, 8);
    size_t c = count_leads(x);
    if (seen + c > k) break;
    seen += c;
  }
  for (; i < v.size(); ++i) {
    if (!is_lead(v[i])) continue;
    if (seen == k) return i;
    ++seen;
  }
  return v.size();
}

int64_t str_char_index(const Str* s, size_t off) {
  if (s->is_ascii()) return static_cast<int64_t>(off);
  return static_cast<int64_t>(count_code_points(s->view().substr(0, off)));
}

void str_decode(std::string_view s, std::vector<char32_t>& out) {
  out.clear();
  out.reserve(s.size());
  for (size_t p = 0; p < s.size();) out.push_back(utf8_decode(s, p));
}

size_t utf8_prev(std::string_view s, size_t end) {
  size_t p = end - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

namespace {

// ------------------------------------------------------------------ % formatting
class VmPercentArgs : public PercentArgs {
 public:
  // `keep` roots every value the formatter still needs while Python code runs.
  VmPercentArgs(VM& vm, Value args, List* keep) : vm_(vm), args_(args), keep_(keep) {}

  int64_t tuple_length() const override {
    return is_kind(args_, Kind::Tuple) ? static_cast<int64_t>(as_tuple(args_)->len) : -1;
  }
  bool is_mapping() const override {
    if (is_kind(args_, Kind::Tuple) || is_kind(args_, Kind::Str)) return false;
    return args_.is_obj() && vm_.type_of(args_)->slots.getitem != nullptr;
  }
  bool get(int64_t index, PercentValue& out, NumStatus& st) override {
    Value v = index < 0 ? args_ : (*as_tuple(args_))[index];
    describe(v, out);
    (void)st;
    return true;
  }
  bool lookup(std::string_view key, PercentValue& out, NumStatus& st) override {
    Value k = vm_.str(key);
    keep(k);
    Value v = getitem(vm_, args_, k);
    if (failed(v)) {
      st = NumStatus::error(NumErrorKind::kCallback, "");
      return false;
    }
    keep(v);
    describe(v, out);
    return true;
  }
  bool to_text(const PercentValue& value, char conv, std::string_view& out,
               NumStatus& st) override {
    Value v = values_[value.handle];
    Value s = conv == 'r' ? repr(vm_, v) : conv == 'a' ? ascii(vm_, v) : to_str(vm_, v);
    if (failed(s)) {
      st = NumStatus::error(NumErrorKind::kCallback, "");
      return false;
    }
    keep(s);
    out = as_str(s)->view();
    return true;
  }

 private:
  void keep(Value v) { list_append(vm_.heap(), keep_, v); }

  bool number_like(Value v, PercentValue& out) {
    Type* t = vm_.type_of(v);
    if (!lookup_in_mro(t, vm_.names().index).is_undef()) {
      int64_t i;
      if (index_of(vm_, v, i)) {
        out.kind = PercentValue::Kind::kInt;
        out.i = i;
        return true;
      }
      vm_.clear_pending();
      return false;
    }
    if (!lookup_in_mro(t, vm_.names().float_).is_undef()) {
      double d;
      if (to_double(vm_, v, d)) {
        out.kind = PercentValue::Kind::kFloat;
        out.f = d;
        return true;
      }
      vm_.clear_pending();
    }
    return false;
  }

  void describe(Value v, PercentValue& out) {
    out = PercentValue{};
    out.handle = values_.size();
    values_.push_back(v);
    out.type_name = vm_.type_of(v)->name->view();
    if (v.is_int()) {
      out.kind = PercentValue::Kind::kInt;
      out.i = v.as_int();
    } else if (v.is_bool()) {
      out.kind = PercentValue::Kind::kBool;
      out.i = v.as_bool();
    } else if (v.is_float()) {
      out.kind = PercentValue::Kind::kFloat;
      out.f = v.as_float();
    } else if (is_kind(v, Kind::BigInt) && vm_.type_of(v) == vm_.types().int_) {
      bigs_.emplace_back();
      int_to_bigint(v, bigs_.back());
      out.kind = PercentValue::Kind::kBigInt;
      out.big = &bigs_.back();
    } else if (v.is_obj() && vm_.type_of(v) == vm_.types().str) {
      out.kind = PercentValue::Kind::kStr;
      out.str = as_str(v)->view();
    } else if (v.is_obj() && !is_kind(v, Kind::Str) && number_like(v, out)) {
      // objects with __index__ / __float__ (NumPy scalars ...) format as the number
      // they convert to, as CPython's PyNumber_Index / PyNumber_Float do
    } else {
      out.kind = PercentValue::Kind::kOther;
    }
  }

  VM& vm_;
  Value args_;
  std::vector<Value> values_;
  List* keep_;
  std::deque<BigInt> bigs_;
};

}  // namespace

Value str_percent_format(VM& vm, Str* format, Value args) {
  List* keep = vm.new_list(0);
  VM::TempRoot root(vm, keep);
  VmPercentArgs pa(vm, args, keep);
  std::string out;
  NumStatus st = percent_format(format->view(), pa, out);
  if (!st.ok()) return raise_status(vm, st);
  return str_make(vm, out);
}

namespace {

// ------------------------------------------------------------------ case mapping
enum class CaseOp : uint8_t { kLower, kUpper, kCasefold, kSwapcase, kTitle, kCapitalize };

inline bool ascii_lower(char32_t c) { return c >= 'a' && c <= 'z'; }
inline bool ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
inline char ascii_to_lower(char c) {
  auto u = static_cast<unsigned char>(c);
  return static_cast<char>(u + ((static_cast<unsigned char>(u - 'A') < 26) << 5));
}
inline char ascii_to_upper(char c) {
  auto u = static_cast<unsigned char>(c);
  return static_cast<char>(u - ((static_cast<unsigned char>(u - 'a') < 26) << 5));
}

// Copies n ASCII bytes, flipping the case bit (0x20) of the bytes in [lo1, hi1] and
// [lo2, hi2]; eight bytes at a time (bytes < 0x80 cannot carry into their neighbour).
void flip_case_ascii(const char* in, char* out, size_t n, unsigned char lo1, unsigned char hi1,
                     unsigned char lo2, unsigned char hi2) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const uint64_t ge1 = kOnes * (0x80 - lo1), gt1 = kOnes * (0x80 - hi1 - 1);
  const uint64_t ge2 = kOnes * (0x80 - lo2), gt2 = kOnes * (0x80 - hi2 - 1);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, in + i, 8);
    uint64_t in_range = (((x + ge1) ^ (x + gt1)) | ((x + ge2) ^ (x + gt2))) & kHigh;
    x ^= in_range >> 2;
    std::memcpy(out + i, &x, 8);
  }
  for (; i < n; ++i) {
    auto u = static_cast<unsigned char>(in[i]);
    bool flip = (u >= lo1 && u <= hi1) || (u >= lo2 && u <= hi2);
    out[i] = static_cast<char>(u ^ (flip ? 0x20 : 0));
  }
}

// ASCII text maps to ASCII text of the same length: written straight into `out`.
void convert_case_ascii(std::string_view s, CaseOp op, char* out) {
  size_t n = s.size();
  switch (op) {
    case CaseOp::kLower:
    case CaseOp::kCasefold: flip_case_ascii(s.data(), out, n, 'A', 'Z', 'A', 'Z'); break;
    case CaseOp::kUpper: flip_case_ascii(s.data(), out, n, 'a', 'z', 'a', 'z'); break;
    case CaseOp::kSwapcase: flip_case_ascii(s.data(), out, n, 'a', 'z', 'A', 'Z'); break;
    case CaseOp::kTitle: {
      bool prev_cased = false;
      for (size_t i = 0; i < n; ++i) {
        auto u = static_cast<unsigned char>(s[i]);
        out[i] = prev_cased ? ascii_to_lower(s[i]) : ascii_to_upper(s[i]);
        prev_cased = ascii_lower(u) || ascii_upper(u);
      }
      break;
    }
    case CaseOp::kCapitalize:
      if (n == 0) break;
      out[0] = ascii_to_upper(s[0]);
      flip_case_ascii(s.data() + 1, out + 1, n - 1, 'A', 'Z', 'A', 'Z');
      break;
  }
}

// Output buffer for case conversion: every code point maps to at most three code points
// of at most four bytes, so room for 12 bytes is ensured before each one.
class CaseOut {
 public:
  explicit CaseOut(size_t hint) { buf_.resize(hint + 16); }
  void reserve_one() {
    if (w_ + 12 > buf_.size()) buf_.resize(buf_.size() * 2);
  }
  void put_ascii(char c) { buf_[w_++] = c; }
  void put(char32_t cp) {
    char* p = buf_.data() + w_;
    if (cp < 0x80) {
      p[0] = static_cast<char>(cp);
      w_ += 1;
    } else if (cp < 0x800) {
      p[0] = static_cast<char>(0xC0 | (cp >> 6));
      p[1] = static_cast<char>(0x80 | (cp & 0x3F));
      w_ += 2;
    } else if (cp < 0x10000) {
      p[0] = static_cast<char>(0xE0 | (cp >> 12));
      p[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      p[2] = static_cast<char>(0x80 | (cp & 0x3F));
      w_ += 3;
    } else {
      p[0] = static_cast<char>(0xF0 | (cp >> 18));
      p[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      p[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      p[3] = static_cast<char>(0x80 | (cp & 0x3F));
      w_ += 4;
    }
  }
  std::string_view text() const { return {buf_.data(), w_}; }

 private:
  std::string buf_;
  size_t w_ = 0;
};

void put_mapped(CaseOut& out, char32_t cp, CaseMap which) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    out.put_ascii(which == CaseMap::kUpper || which == CaseMap::kTitle ? ascii_to_upper(c)
                                                                       : ascii_to_lower(c));
    return;
  }
  char32_t buf[3];
  int n = unicode_case_map(cp, which, buf);
  for (int k = 0; k < n; ++k) out.put(buf[k]);
}

// Appends code point c converted by `op`. `sigma` is the lowercase to use if c is
// U+03A3 (final or not); `first` tells whether c starts the string; `prev_cased` carries
// title()'s state.
void convert_one(CaseOut& out, char32_t c, CaseOp op, bool first, bool& prev_cased,
                 char32_t sigma) {
  out.reserve_one();
  auto lower = [&] {
    if (c == 0x3A3)
      out.put(sigma);
    else
      put_mapped(out, c, CaseMap::kLower);
  };
  switch (op) {
    case CaseOp::kLower: lower(); break;
    case CaseOp::kUpper: put_mapped(out, c, CaseMap::kUpper); break;
    case CaseOp::kCasefold: put_mapped(out, c, CaseMap::kFold); break;
    case CaseOp::kSwapcase: {
      uint16_t f = c < 0x80 ? (ascii_upper(c) ? kUniUpper : ascii_lower(c) ? kUniLower : 0)
                            : unicode_flags(c);
      if (f & kUniUpper)
        lower();
      else if (f & kUniLower)
        put_mapped(out, c, CaseMap::kUpper);
      else
        out.put(c);
      break;
    }
    case CaseOp::kTitle:
      if (prev_cased)
        lower();
      else
        put_mapped(out, c, CaseMap::kTitle);
      prev_cased = c < 0x80 ? ascii_lower(c) || ascii_upper(c) : unicode_flags(c) & kUniCased;
      break;
    case CaseOp::kCapitalize:
      if (first)
        put_mapped(out, c, CaseMap::kTitle);
      else
        lower();
      break;
  }
}

// Decodes the code point at s[p] of valid UTF-8 (Str I1) and advances p.
inline char32_t next_code_point(std::string_view s, size_t& p) {
  auto b = static_cast<unsigned char>(s[p]);
  if (b < 0x80) {
    ++p;
    return b;
  }
  if ((b & 0xE0) == 0xC0 && p + 1 < s.size()) {
    char32_t c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[p + 1]) & 0x3Fu);
    p += 2;
    return c;
  }
  return utf8_decode(s, p);
}

// Non-ASCII text, streamed; decoded into code points first only when it holds a capital
// sigma whose lowercase depends on its neighbours.
void convert_case_unicode(std::string_view s, CaseOp op, CaseOut& out) {
  bool prev_cased = false;
  bool context = op != CaseOp::kUpper && op != CaseOp::kCasefold &&
                 s.find("\xCE\xA3") != std::string_view::npos;
  if (!context) {
    for (size_t p = 0; p < s.size();) {
      bool first = p == 0;
      convert_one(out, next_code_point(s, p), op, first, prev_cased, 0x3C3);
    }
    return;
  }
  std::vector<char32_t> text;
  str_decode(s, text);
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t sigma = text[i] == 0x3A3 ? unicode_final_sigma(text.data(), text.size(), i) : 0;
    convert_one(out, text[i], op, i == 0, prev_cased, sigma);
  }
}

Value convert_case(VM& vm, const CallArgs& a, const char* name, CaseOp op) {
  Str* s;
  if (!str_begin(vm, a, name, StrArgs::kNoArgs, 0, 0, s)) return Value();
  if (s->is_ascii() && s->nbytes > 1) {
    Str* r = str_alloc(vm, s->nbytes, s->nbytes);
    convert_case_ascii(s->view(), op, r->data());
    return Value::from_obj(r);
  }
  if (s->is_ascii()) {
    std::string out(s->nbytes, '\0');
    convert_case_ascii(s->view(), op, out.data());
    return str_make(vm, out);
  }
  CaseOut out(s->nbytes + s->nbytes / 4);
  convert_case_unicode(s->view(), op, out);
  return str_make(vm, out.text());
}

Value m_lower(VM& vm, const CallArgs& a) { return convert_case(vm, a, "lower", CaseOp::kLower); }
Value m_upper(VM& vm, const CallArgs& a) { return convert_case(vm, a, "upper", CaseOp::kUpper); }
Value m_casefold(VM& vm, const CallArgs& a) {
  return convert_case(vm, a, "casefold", CaseOp::kCasefold);
}
Value m_swapcase(VM& vm, const CallArgs& a) {
  return convert_case(vm, a, "swapcase", CaseOp::kSwapcase);
}
Value m_title(VM& vm, const CallArgs& a) { return convert_case(vm, a, "title", CaseOp::kTitle); }
Value m_capitalize(VM& vm, const CallArgs& a) {
  return convert_case(vm, a, "capitalize", CaseOp::kCapitalize);
}

// ------------------------------------------------------------------ predicates
// True when every code point satisfies `pred` (false for the empty string).
template <class Pred>
bool all_code_points(const Str* s, Pred pred) {
  std::string_view v = s->view();
  if (v.empty()) return false;
  for (size_t p = 0; p < v.size();) {
    if (!pred(utf8_decode(v, p))) return false;
  }
  return true;
}

bool is_ascii_space(char32_t c) { return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20); }
bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char32_t c) { return ascii_lower(c) || ascii_upper(c); }

// The predicates that test one property per code point.
enum class CharClass : uint8_t { kAlpha, kAlnum, kDecimal, kDigit, kNumeric, kSpace };

bool in_class(char32_t c, CharClass k) {
  if (c < 0x80) {
    switch (k) {
      case CharClass::kAlpha: return is_ascii_alpha(c);
      case CharClass::kAlnum: return is_ascii_alpha(c) || is_ascii_digit(c);
      case CharClass::kSpace: return is_ascii_space(c);
      default: return is_ascii_digit(c);
    }
  }
  uint16_t f = unicode_flags(c);
  switch (k) {
    case CharClass::kAlpha: return f & kUniAlpha;
    case CharClass::kAlnum: return f & (kUniAlpha | kUniDecimal | kUniDigit | kUniNumeric);
    case CharClass::kDecimal: return f & kUniDecimal;
    case CharClass::kDigit: return f & kUniDigit;
    case CharClass::kNumeric: return f & kUniNumeric;
    case CharClass::kSpace: return unicode_is_space(c);
  }
  return false;
}

Value class_predicate(VM& vm, const CallArgs& a, const char* name, CharClass k) {
  Str* s;
  if (!str_begin(vm, a, name, StrArgs::kNoArgs, 0, 0, s)) return Value();
  return Value::from_bool(all_code_points(s, [k](char32_t c) { return in_class(c, k); }));
}

Value m_isalpha(VM& vm, const CallArgs& a) {
  return class_predicate(vm, a, "isalpha", CharClass::kAlpha);
}
Value m_isalnum(VM& vm, const CallArgs& a) {
  return class_predicate(vm, a, "isalnum", CharClass::kAlnum);
}
Value m_isdecimal(VM& vm, const CallArgs& a) {
  return class_predicate(vm, a, "isdecimal", CharClass::kDecimal);
}
Value m_isdigit(VM& vm, const CallArgs& a) {
  return class_predicate(vm, a, "isdigit", CharClass::kDigit);
}
Value m_isnumeric(VM& vm, const CallArgs& a) {
  return class_predicate(vm, a, "isnumeric", CharClass::kNumeric);
}
Value m_isspace(VM& vm, const CallArgs& a) {
  return class_predicate(vm, a, "isspace", CharClass::kSpace);
}

uint16_t case_flags(char32_t c) {
  if (c < 0x80) return ascii_lower(c) ? kUniLower : ascii_upper(c) ? kUniUpper : 0;
  return unicode_flags(c);
}

// islower: no upper/title character and at least one lower one; isupper the converse.
Value cased_predicate(VM& vm, const CallArgs& a, const char* name, uint16_t want,
                      uint16_t reject) {
  Str* s;
  if (!str_begin(vm, a, name, StrArgs::kNoArgs, 0, 0, s)) return Value();
  std::string_view v = s->view();
  bool cased = false;
  for (size_t p = 0; p < v.size();) {
    uint16_t f = case_flags(utf8_decode(v, p));
    if (f & reject) return Value::from_bool(false);
    if (f & want) cased = true;
  }
  return Value::from_bool(cased);
}

Value m_islower(VM& vm, const CallArgs& a) {
  return cased_predicate(vm, a, "islower", kUniLower, kUniUpper | kUniTitle);
}
Value m_isupper(VM& vm, const CallArgs& a) {
  return cased_predicate(vm, a, "isupper", kUniUpper, kUniLower | kUniTitle);
}

Value m_istitle(VM& vm, const CallArgs& a) {
  Str* s;
  if (!str_begin(vm, a, "istitle", StrArgs::kNoArgs, 0, 0, s)) return Value();
  std::string_view v = s->view();
  bool cased = false, prev_cased = false;
  for (size_t p = 0; p < v.size();) {
    uint16_t f = case_flags(utf8_decode(v, p));
    if (f & (kUniUpper | kUniTitle)) {
      if (prev_cased) return Value::from_bool(false);
      prev_cased = cased = true;
    } else if (f & kUniLower) {
      if (!prev_cased) return Value::from_bool(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return Value::from_bool(cased);
}

Value m_isidentifier(VM& vm, const CallArgs& a) {
  Str* s;
  if (!str_begin(vm, a, "isidentifier", StrArgs::kNoArgs, 0, 0, s)) return Value();
  std::string_view v = s->view();
  if (v.empty()) return Value::from_bool(false);
  bool first = true;
  for (size_t p = 0; p < v.size(); first = false) {
    char32_t c = utf8_decode(v, p);
    bool ok;
    if (c < 0x80)
      ok = is_ascii_alpha(c) || c == '_' || (!first && is_ascii_digit(c));
    else
      ok = unicode_flags(c) & (first ? kUniXidStart : kUniXidContinue);
    if (!ok) return Value::from_bool(false);
  }
  return Value::from_bool(true);
}

Value m_isprintable(VM& vm, const CallArgs& a) {
  Str* s;
  if (!str_begin(vm, a, "isprintable", StrArgs::kNoArgs, 0, 0, s)) return Value();
  std::string_view v = s->view();
  for (size_t p = 0; p < v.size();) {
    char32_t c = utf8_decode(v, p);
    bool ok = c < 0x80 ? (c >= 0x20 && c < 0x7F) : unicode_is_printable(c);
    if (!ok) return Value::from_bool(false);
  }
  return Value::from_bool(true);
}

Value m_isascii(VM& vm, const CallArgs& a) {
  Str* s;
  if (!str_begin(vm, a, "isascii", StrArgs::kNoArgs, 0, 0, s)) return Value();
  return Value::from_bool(s->is_ascii());
}

// ------------------------------------------------------------------ padding
// fillchar of center/ljust/rjust: a str of exactly one code point.
bool fill_char(VM& vm, const CallArgs& a, uint32_t index, std::string_view& fill) {
  fill = " ";
  if (a.argc <= index) return true;
  Value v = a[index];
  if (!is_str_value(vm, v)) {
    vm.raise_fmt(vm.exc().TypeError, "The fill character must be a unicode character, not %s",
                 type_name(vm, v));
    return false;
  }
  if (as_str(v)->nchars != 1) {
    vm.raise(vm.exc().TypeError, "The fill character must be exactly one character long");
    return false;
  }
  fill = as_str(v)->view();
  return true;
}

Value pad(VM& vm, const Value& self, int64_t left, int64_t right, std::string_view fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return str_unchanged(vm, self);
  std::string_view body = as_str(self)->view();
  std::string out;
  out.reserve(body.size() + (left + right) * fill.size());
  for (int64_t i = 0; i < left; ++i) out += fill;
  out += body;
  for (int64_t i = 0; i < right; ++i) out += fill;
  return str_make(vm, out);
}

enum class Justify : uint8_t { kLeft, kRight, kCenter };

Value justify(VM& vm, const CallArgs& a, const char* name, Justify how) {
  Str* s;
  if (!str_begin(vm, a, name, StrArgs::kRange, 1, 2, s)) return Value();
  int64_t width;
  std::string_view fill;
  if (!str_ssize_arg(vm, a[1], width) || !fill_char(vm, a, 2, fill)) return Value();
  int64_t len = static_cast<int64_t>(s->nchars);
  if (width <= len) return str_unchanged(vm, a[0]);
  int64_t marg = width - len;
  uint64_t extra = static_cast<uint64_t>(marg);
  if (!str_size_ok(vm, extra > kMaxStrResultBytes ? extra : s->nbytes + extra * fill.size()))
    return Value();
  switch (how) {
    case Justify::kLeft: return pad(vm, a[0], 0, marg, fill);
    case Justify::kRight: return pad(vm, a[0], marg, 0, fill);
    case Justify::kCenter: {
      int64_t left = marg / 2 + (marg & width & 1);
      return pad(vm, a[0], left, marg - left, fill);
    }
  }
  return Value();
}

Value m_ljust(VM& vm, const CallArgs& a) { return justify(vm, a, "ljust", Justify::kLeft); }
Value m_rjust(VM& vm, const CallArgs& a) { return justify(vm, a, "rjust", Justify::kRight); }
Value m_center(VM& vm, const CallArgs& a) { return justify(vm, a, "center", Justify::kCenter); }

Value m_zfill(VM& vm, const CallArgs& a) {
  Str* s;
  if (!str_begin(vm, a, "zfill", StrArgs::kOneArg, 1, 1, s)) return Value();
  int64_t width;
  if (!str_ssize_arg(vm, a[1], width)) return Value();
  int64_t len = static_cast<int64_t>(s->nchars);
  if (width <= len) return str_unchanged(vm, a[0]);
  if (!str_size_ok(vm, s->nbytes + static_cast<uint64_t>(width - len))) return Value();
  std::string_view body = s->view();
  std::string out;
  out.reserve(body.size() + (width - len));
  size_t rest = 0;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    out.push_back(body[0]);
    rest = 1;
  }
  out.append(static_cast<size_t>(width - len), '0');
  out += body.substr(rest);
  return str_make(vm, out);
}

// ------------------------------------------------------------------ strip
enum StripSide : uint8_t { kStripLeft = 1, kStripRight = 2, kStripBoth = 3 };

Value do_strip(VM& vm, const CallArgs& a, const char* name, uint8_t side) {
  Str* s;
  if (!str_begin(vm, a, name, StrArgs::kRange, 0, 1, s)) return Value();
  Value chars = a.argc > 1 ? a[1] : Value::none();
  std::vector<char32_t> set;
  bool whitespace = chars.is_none();
  if (!whitespace) {
    if (!is_str_value(vm, chars))
      return vm.raise_fmt(vm.exc().TypeError, "%s arg must be None or str", name);
    str_decode(as_str(chars)->view(), set);
  }
  auto strip_it = [&](char32_t c) {
    if (whitespace) return c < 0x80 ? is_ascii_space(c) : unicode_is_space(c);
    return std::find(set.begin(), set.end(), c) != set.end();
  };
  std::string_view v = s->view();
  size_t begin = 0, end = v.size();
  if (side & kStripLeft) {
    while (begin < end) {
      size_t p = begin;
      if (!strip_it(utf8_decode(v, p))) break;
      begin = p;
    }
  }
  if (side & kStripRight) {
    while (end > begin) {
      size_t p = utf8_prev(v, end);
      size_t q = p;
      if (!strip_it(utf8_decode(v, q))) break;
      end = p;
    }
  }
  if (begin == 0 && end == v.size()) return str_unchanged(vm, a[0]);
  return str_make(vm, v.substr(begin, end - begin));
}

Value m_strip(VM& vm, const CallArgs& a) { return do_strip(vm, a, "strip", kStripBoth); }
Value m_lstrip(VM& vm, const CallArgs& a) { return do_strip(vm, a, "lstrip", kStripLeft); }
Value m_rstrip(VM& vm, const CallArgs& a) { return do_strip(vm, a, "rstrip", kStripRight); }

// ------------------------------------------------------------------ join
Value m_join(VM& vm, const CallArgs& a) {
  Str* sep;
  if (!str_begin(vm, a, "join", StrArgs::kOneArg, 1, 1, sep)) return Value();
  Value iterable = a[1];
  const Value* items;
  size_t n;
  List* collected = nullptr;
  Type* t = vm.type_of(iterable);
  if (t == vm.types().list) {
    items = as_list(iterable)->items;
    n = as_list(iterable)->len;
  } else if (t == vm.types().tuple) {
    items = as_tuple(iterable)->items();
    n = as_tuple(iterable)->len;
  } else {
    collected = vm.new_list(0);
    VM::TempRoot root(vm, collected);
    Value it = get_iter(vm, iterable);
    if (failed(it)) {
      if (vm.pending_matches(vm.exc().TypeError)) {
        vm.clear_pending();
        vm.raise(vm.exc().TypeError, "can only join an iterable");
      }
      return Value();
    }
    VM::TempRoot it_root(vm, it);
    for (;;) {
      Value item = iter_next(vm, it);
      if (failed(item)) {
        if (vm.has_pending()) return Value();
        break;
      }
      list_append(vm.heap(), collected, item);
    }
    items = collected->items;
    n = collected->len;
  }
  // No Python code runs from here on: `collected` needs no root.
  size_t total = 0, nchars = 0;
  Type* str_type = vm.types().str;
  for (size_t i = 0; i < n; ++i) {
    const Value& v = items[i];
    if (!(v.is_obj() && v.as_obj()->type == str_type) && !is_str_value(vm, v))
      return vm.raise_fmt(vm.exc().TypeError, "sequence item %zu: expected str instance, %s found",
                          i, type_name(vm, v));
    total += as_str(v)->nbytes;
    nchars += as_str(v)->nchars;
  }
  if (n == 0) return Value::from_obj(vm.intern(""));
  if (n == 1) return str_unchanged(vm, items[0]);
  std::string_view sv = sep->view();
  total += (n - 1) * sv.size();
  nchars += (n - 1) * sep->nchars;
  if (total <= 1) {  // at most one byte: the VM's cached strs
    std::string small;
    for (size_t i = 0; i < n; ++i) {
      if (i) small += sv;
      small += as_str(items[i])->view();
    }
    return vm.str(small);
  }
  Str* r = str_alloc(vm, total, nchars);
  char* p = r->data();
  for (size_t i = 0; i < n; ++i) {
    if (i) {
      std::memcpy(p, sv.data(), sv.size());
      p += sv.size();
    }
    std::string_view item = as_str(items[i])->view();
    std::memcpy(p, item.data(), item.size());
    p += item.size();
  }
  return Value::from_obj(r);
}

// ------------------------------------------------------------------ expandtabs, encode
// Columns advance by one per code point; a tab moves to the next multiple of tabsize
// (tabsize <= 0 removes tabs); \n and \r return to column 0.
template <class OnTab, class OnByte>
void walk_tabs(std::string_view v, int tabsize, OnTab on_tab, OnByte on_byte) {
  int64_t column = 0;
  for (char c : v) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t incr = tabsize - column % tabsize;
        on_tab(incr);
        column += incr;
      }
      continue;
    }
    on_byte(c);
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    if (c == '\n' || c == '\r') column = 0;
  }
}

Value m_expandtabs(VM& vm, const CallArgs& a) {
  Str* s;
  Value p[1];
  if (!str_self(vm, a, "expandtabs", s) || !str_kwargs(vm, a, "expandtabs", {"tabsize"}, p))
    return Value();
  int tabsize = 8;
  if (!p[0].is_undef() && !str_int_arg(vm, p[0], tabsize)) return Value();
  std::string_view v = s->view();
  if (v.find('\t') == std::string_view::npos) return str_unchanged(vm, a[0]);
  uint64_t size = 0;
  walk_tabs(v, tabsize, [&](int64_t n) { size += static_cast<uint64_t>(n); },
            [&](char) { ++size; });
  if (!str_size_ok(vm, size)) return Value();
  std::string out;
  out.reserve(size);
  walk_tabs(v, tabsize, [&](int64_t n) { out.append(static_cast<size_t>(n), ' '); },
            [&](char c) { out.push_back(c); });
  return str_make(vm, out);
}

Value m_encode(VM& vm, const CallArgs& a) {
  Str* s;
  Value p[2];
  if (!str_self(vm, a, "encode", s) || !str_kwargs(vm, a, "encode", {"encoding", "errors"}, p))
    return Value();
  static const char* const kNames[] = {"encoding", "errors"};
  for (int i = 0; i < 2; ++i) {
    if (!p[i].is_undef() && !is_str_value(vm, p[i]))
      return vm.raise_fmt(vm.exc().TypeError, "encode() argument '%s' must be str, not %s",
                          kNames[i], clinic_type_name(vm, p[i]));
  }
  return vm.raise(vm.exc().NotImplementedError,
                  "str.encode() is not supported: pyjitvm has no bytes objects");
}

}  // namespace

void add_str_methods(VM& vm, Type* str_type) {
  static const MethodDef kMethods[] = {
      {"capitalize", m_capitalize}, {"casefold", m_casefold},
      {"center", m_center},         {"encode", m_encode},
      {"expandtabs", m_expandtabs}, {"isalnum", m_isalnum},
      {"isalpha", m_isalpha},       {"isascii", m_isascii},
      {"isdecimal", m_isdecimal},   {"isdigit", m_isdigit},
      {"isidentifier", m_isidentifier}, {"islower", m_islower},
      {"isnumeric", m_isnumeric},   {"isprintable", m_isprintable},
      {"isspace", m_isspace},       {"istitle", m_istitle},
      {"isupper", m_isupper},       {"join", m_join},
      {"ljust", m_ljust},           {"lower", m_lower},
      {"lstrip", m_lstrip},         {"rjust", m_rjust},
      {"rstrip", m_rstrip},         {"strip", m_strip},
      {"swapcase", m_swapcase},     {"title", m_title},
      {"upper", m_upper},           {"zfill", m_zfill},
  };
  add_methods(vm, str_type, kMethods);
  add_str_search_methods(vm, str_type);
  add_str_format_methods(vm, str_type);
}

}  // namespace pyjitvm::vm
