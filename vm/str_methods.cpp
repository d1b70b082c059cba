// vm/str_methods.cpp — str methods: case mapping, predicates, padding, stripping, join,
// expandtabs, encode; `str % args`; the helpers shared by the str method files.
//
// Stage: add_str_methods() at VM start (vm/str_methods.h) registers these methods and
// those of vm/str_search.cpp (searching, splitting, replacing, translate) and
// vm/str_format.cpp (str.format, format_map).
//
// Invariants: str_methods.h I1–I2, str_methods_internal.h I1–I2, and:
//   I1  ASCII strings take byte loops; other strings are decoded to code points once
//       (case mapping needs neighbours for final sigma) — `convert_case()`.
//   I2  A method that changes nothing returns self when self is an exact str, as
//       CPython does — `str_unchanged()`.
#include "vm/str_methods.h"

#include <algorithm>
#include <climits>
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

Value str_unchanged(VM& vm, const Value& self) {
  if (vm.type_of(self) == vm.types().str) return self;
  return vm.str(as_str(self)->view());
}

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
  return utf8_offset(s->view(), static_cast<size_t>(index));
}

int64_t str_char_index(const Str* s, size_t off) {
  if (s->is_ascii()) return static_cast<int64_t>(off);
  return static_cast<int64_t>(utf8_length(s->view().substr(0, off)));
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
  bool to_text(const PercentValue& value, char conv, std::string_view& out, NumStatus& st) override {
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
  return vm.str(out);
}

namespace {

// ------------------------------------------------------------------ case mapping
enum class CaseOp : uint8_t { kLower, kUpper, kCasefold, kSwapcase, kTitle, kCapitalize };

inline bool ascii_lower(char32_t c) { return c >= 'a' && c <= 'z'; }
inline bool ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
inline char ascii_to_lower(char c) {
  return ascii_upper(static_cast<unsigned char>(c)) ? static_cast<char>(c + 32) : c;
}
inline char ascii_to_upper(char c) {
  return ascii_lower(static_cast<unsigned char>(c)) ? static_cast<char>(c - 32) : c;
}

void convert_case_ascii(std::string_view s, CaseOp op, std::string& out) {
  out.resize(s.size());
  bool prev_cased = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    switch (op) {
      case CaseOp::kLower:
      case CaseOp::kCasefold: out[i] = ascii_to_lower(c); break;
      case CaseOp::kUpper: out[i] = ascii_to_upper(c); break;
      case CaseOp::kSwapcase:
        out[i] = ascii_upper(u) ? ascii_to_lower(c) : ascii_to_upper(c);
        break;
      case CaseOp::kTitle:
        out[i] = prev_cased ? ascii_to_lower(c) : ascii_to_upper(c);
        prev_cased = ascii_lower(u) || ascii_upper(u);
        break;
      case CaseOp::kCapitalize: out[i] = i ? ascii_to_lower(c) : ascii_to_upper(c); break;
    }
  }
}

void append_mapped(std::string& out, char32_t cp, CaseMap which) {
  char32_t buf[3];
  int n = unicode_case_map(cp, which, buf);
  for (int k = 0; k < n; ++k) utf8_append(out, buf[k]);
}

// Lowercase of text[i], with the final-sigma rule.
void append_lower(std::string& out, const std::vector<char32_t>& text, size_t i) {
  if (text[i] == 0x3A3) {
    utf8_append(out, unicode_final_sigma(text.data(), text.size(), i));
    return;
  }
  append_mapped(out, text[i], CaseMap::kLower);
}

void convert_case_unicode(std::string_view s, CaseOp op, std::string& out) {
  std::vector<char32_t> text;
  str_decode(s, text);
  out.reserve(s.size() + s.size() / 4);
  bool prev_cased = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    switch (op) {
      case CaseOp::kLower: append_lower(out, text, i); break;
      case CaseOp::kUpper: append_mapped(out, c, CaseMap::kUpper); break;
      case CaseOp::kCasefold: append_mapped(out, c, CaseMap::kFold); break;
      case CaseOp::kSwapcase: {
        uint16_t f = unicode_flags(c);
        if (f & kUniUpper)
          append_lower(out, text, i);
        else if (f & kUniLower)
          append_mapped(out, c, CaseMap::kUpper);
        else
          utf8_append(out, c);
        break;
      }
      case CaseOp::kTitle:
        if (prev_cased)
          append_lower(out, text, i);
        else
          append_mapped(out, c, CaseMap::kTitle);
        prev_cased = unicode_flags(c) & kUniCased;
        break;
      case CaseOp::kCapitalize:
        if (i)
          append_lower(out, text, i);
        else
          append_mapped(out, c, CaseMap::kTitle);
        break;
    }
  }
}

Value convert_case(VM& vm, const CallArgs& a, const char* name, CaseOp op) {
  Str* s;
  if (!str_begin(vm, a, name, StrArgs::kNoArgs, 0, 0, s)) return Value();
  std::string out;
  if (s->is_ascii())
    convert_case_ascii(s->view(), op, out);
  else
    convert_case_unicode(s->view(), op, out);
  return vm.str(out);
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
  return vm.str(out);
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
  if (width > (int64_t{1} << 40)) return vm.raise(vm.exc().MemoryError, "");
  int64_t marg = width - len;
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
  if (width > (int64_t{1} << 40)) return vm.raise(vm.exc().MemoryError, "");
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
  return vm.str(out);
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
  return vm.str(v.substr(begin, end - begin));
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
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!is_str_value(vm, items[i]))
      return vm.raise_fmt(vm.exc().TypeError, "sequence item %zu: expected str instance, %s found",
                          i, type_name(vm, items[i]));
    total += as_str(items[i])->nbytes;
  }
  if (n == 0) return Value::from_obj(vm.intern(""));
  if (n == 1) return str_unchanged(vm, items[0]);
  std::string_view sv = sep->view();
  std::string out;
  out.reserve(total + (n - 1) * sv.size());
  for (size_t i = 0; i < n; ++i) {
    if (i) out += sv;
    out += as_str(items[i])->view();
  }
  return vm.str(out);
}

// ------------------------------------------------------------------ expandtabs, encode
Value m_expandtabs(VM& vm, const CallArgs& a) {
  Str* s;
  Value p[1];
  if (!str_self(vm, a, "expandtabs", s) || !str_kwargs(vm, a, "expandtabs", {"tabsize"}, p))
    return Value();
  int tabsize = 8;
  if (!p[0].is_undef() && !str_int_arg(vm, p[0], tabsize)) return Value();
  std::string_view v = s->view();
  if (v.find('\t') == std::string_view::npos) return str_unchanged(vm, a[0]);
  std::string out;
  out.reserve(v.size() + 8 * tabsize);
  int64_t column = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t incr = tabsize - column % tabsize;
        out.append(static_cast<size_t>(incr), ' ');
        column += incr;
      }
      continue;
    }
    out.push_back(c);
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;  // count code points
    if (c == '\n' || c == '\r') column = 0;
  }
  return vm.str(out);
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
                          kNames[i], type_name(vm, p[i]));
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
