// vm/numfmt.cpp — int text (str, bin/oct/hex, int(str)), the format-spec parser, format()
// for int and str, and the number layout shared by every numeric format.
//
// Stage: int64 / BigInt / UTF-8 str + spec → text or NumStatus (ValueError, OverflowError).
//
// Layout of a formatted number (CPython's calc_number_widths/fill_number, restated):
//   [fill...][sign][prefix][fill... for '='][grouped digits][rest][fill...]
// where "digits" is the leading run of decimal digits of the number's text and "rest" is
// everything after it (decimal point, fraction, exponent, '%', or the whole of 'inf').
// With fill '0' and align '=' the zero padding goes through the grouping, so separators
// appear inside it ('0,001,234') and a group never starts with a separator.
//
// Invariants:
//   I1  parse_format_spec() consumes the fields in CPython's order and fails with CPython's
//       message; unknown or misplaced characters surface as the type or as
//       "Invalid format specifier".
//   I2  group_digits() emits separators only between groups, grows the leading group with
//       zeros before starting a new one, and never emits a leading separator.
//   I3  Decimal conversion of a BigInt checks the digit limit on the exact digit count
//       (sign excluded) — `bigint_to_decimal()`.
#include "vm/numfmt.h"

#include <algorithm>
#include <cstdio>

#include "vm/numfmt_unicode.h"

namespace pyjitvm::vm {

using numfmt_detail::NumberParts;

namespace {

NumStatus value_error(std::string msg) {
  return NumStatus::error(NumErrorKind::kValueError, std::move(msg));
}

std::string limit_message(int max_str_digits) {
  return "Exceeds the limit (" + std::to_string(max_str_digits) +
         " digits) for integer string conversion; use sys.set_int_max_str_digits() to "
         "increase the limit";
}

// Digits of |v| in `base` (2..36, lowercase) for an int64.
std::string u64_digits(uint64_t mag, int base) {
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char buf[64];
  int n = 0;
  do {
    buf[n++] = kDigits[mag % static_cast<unsigned>(base)];
    mag /= static_cast<unsigned>(base);
  } while (mag != 0);
  std::string s(static_cast<size_t>(n), '0');
  for (int i = 0; i < n; ++i) s[static_cast<size_t>(i)] = buf[n - 1 - i];
  return s;
}

uint64_t magnitude(int64_t v) {
  return v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

const char* base_prefix(int base) {
  switch (base) {
    case 2: return "0b";
    case 8: return "0o";
    case 16: return "0x";
    default: return "";
  }
}

void append_fill(std::string& out, char32_t fill, int64_t count) {
  if (count <= 0) return;
  if (fill < 0x80) {
    out.append(static_cast<size_t>(count), static_cast<char>(fill));
    return;
  }
  std::string one;
  utf8_append(one, fill);
  for (int64_t i = 0; i < count; ++i) out += one;
}

// Digits with separators every `size` digits from the right; zero-extended (through the
// groups) until at least `min_width` characters long.
std::string group_digits(std::string_view digits, char sep, int size, int64_t min_width) {
  std::string rev;
  int in_group = 0;
  for (size_t i = digits.size(); i-- > 0;) {
    if (in_group == size) {
      rev.push_back(sep);
      in_group = 0;
    }
    rev.push_back(digits[i]);
    ++in_group;
  }
  while (static_cast<int64_t>(rev.size()) < min_width) {
    if (in_group == size) {
      rev.push_back(sep);
      in_group = 0;
    }
    rev.push_back('0');
    ++in_group;
  }
  std::reverse(rev.begin(), rev.end());
  return rev;
}

bool is_align_char(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads decimal digits at pos into `value`; false on Py_ssize_t overflow.
bool read_number(std::string_view s, size_t& pos, int64_t& value, bool& any) {
  constexpr int64_t kMax = INT64_MAX;
  value = 0;
  any = false;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    const int d = s[pos] - '0';
    if (value > (kMax - d) / 10) return false;
    value = value * 10 + d;
    any = true;
    ++pos;
  }
  return true;
}

std::string char_for_message(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(c));
  return buf;
}

bool grouping_allowed(char grouping, char32_t type) {
  switch (type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
      return true;
    case 'b': case 'o': case 'x': case 'X':
      return grouping == '_';
    default:
      return false;
  }
}

// Fill and alignment after the type's defaults ('>' for numbers, '<' for str) and the
// '0' flag (fill '0', and '=' for numbers when no alignment was given).
struct Resolved {
  char32_t fill;
  char align;
};

Resolved resolve(const FormatSpec& spec, bool numeric) {
  Resolved r{spec.fill, spec.align};
  if (!spec.fill_specified) r.fill = spec.zero_pad ? U'0' : U' ';
  if (r.align == '\0') r.align = (spec.zero_pad && numeric) ? '=' : (numeric ? '>' : '<');
  return r;
}

// ---- ints ----

// An int argument: either int64 or BigInt.
struct IntArg {
  int64_t small = 0;
  const BigInt* big = nullptr;

  bool negative() const { return big ? big->sign() < 0 : small < 0; }
};

NumStatus int_digits(const IntArg& v, int base, int max_str_digits, std::string& digits) {
  if (!v.big) {
    digits = u64_digits(magnitude(v.small), base);
    return NumStatus::success();
  }
  if (base == 10) {
    NumStatus st = bigint_to_decimal(*v.big, digits, max_str_digits);
    if (!st.ok()) return st;
  } else {
    digits = v.big->to_string(base);
  }
  if (!digits.empty() && digits[0] == '-') digits.erase(0, 1);
  return NumStatus::success();
}

NumStatus format_char(const IntArg& v, const FormatSpec& spec, std::string& out) {
  if (spec.sign != '\0') return value_error("Sign not allowed with integer format specifier 'c'");
  if (spec.alternate) {
    return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
  }
  if (v.big && !v.big->fits_i64()) {
    return NumStatus::error(NumErrorKind::kOverflowError,
                            "Python int too large to convert to C long");
  }
  const int64_t c = v.big ? v.big->to_i64() : v.small;
  if (c < 0 || c > 0x10FFFF) {
    return NumStatus::error(NumErrorKind::kOverflowError, "%c arg not in range(0x110000)");
  }
  if (numfmt_detail::too_long(spec.width, -1)) return numfmt_detail::memory_error();
  std::string body;
  utf8_append(body, static_cast<char32_t>(c));
  const Resolved r = resolve(spec, true);
  out.clear();
  // The character is one column whatever its UTF-8 length; '=' pads in front of it, as
  // CPython lays it out as a number made only of "rest".
  numfmt_detail::pad_text(body, 1, r.fill, r.align == '=' ? '>' : r.align, spec.width, out);
  return NumStatus::success();
}

NumStatus format_int_impl(const IntArg& v, const FormatSpec& spec, std::string& out,
                          int max_str_digits, std::string_view type_name) {
  int base = 10;
  switch (spec.type) {
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    case 'd': case 'n': case 0: case 'c': break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d = 0.0;
      if (v.big) {
        NumStatus st = v.big->to_double(d);
        if (!st.ok()) return st;
      } else {
        d = static_cast<double>(v.small);
      }
      return format_float(d, spec, out);
    }
    default:
      return value_error(numfmt_detail::unknown_code_message(spec.type, type_name));
  }
  if (spec.precision != -1) {
    return value_error("Precision not allowed in integer format specifier");
  }
  if (spec.no_neg_0) {
    return value_error("Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (spec.type == 'c') return format_char(v, spec, out);
  if (numfmt_detail::too_long(spec.width, -1)) return numfmt_detail::memory_error();
  NumberParts parts;
  NumStatus st = int_digits(v, base, max_str_digits, parts.digits);
  if (!st.ok()) return st;
  if (spec.type == 'X') {
    std::transform(parts.digits.begin(), parts.digits.end(), parts.digits.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  }
  if (spec.alternate && base != 10) {
    parts.prefix = base_prefix(base);
    if (spec.type == 'X') parts.prefix = "0X";
  }
  if (v.negative()) {
    parts.sign = '-';
  } else if (spec.sign == '+' || spec.sign == ' ') {
    parts.sign = spec.sign;
  }
  const Resolved r = resolve(spec, true);
  const int group_size = base == 10 ? 3 : 4;
  out.clear();
  numfmt_detail::layout_number(parts, r.fill, r.align, spec.width, spec.grouping, group_size,
                               out);
  return NumStatus::success();
}

}  // namespace

// ---- shared helpers ----------------------------------------------------------------------

namespace numfmt_detail {

void pad_text(std::string_view text, size_t length, char32_t fill, char align, int64_t width,
              std::string& out) {
  const int64_t pad = width > static_cast<int64_t>(length)
                          ? width - static_cast<int64_t>(length) : 0;
  int64_t left = 0;
  if (align == '>') {
    left = pad;
  } else if (align == '^') {
    left = pad / 2;
  }
  append_fill(out, fill, left);
  out += text;
  append_fill(out, fill, pad - left);
}

void layout_number(const NumberParts& parts, char32_t fill, char align, int64_t width,
                   char grouping, int group_size, std::string& out) {
  const int64_t lead = (parts.sign ? 1 : 0) + static_cast<int64_t>(parts.prefix.size());
  const int64_t rest = static_cast<int64_t>(parts.rest.size());
  std::string grouped;
  if (grouping != '\0' && !parts.digits.empty()) {
    const int64_t min_width = (fill == U'0' && align == '=') ? width - lead - rest : 0;
    grouped = group_digits(parts.digits, grouping, group_size, min_width);
  } else {
    grouped = parts.digits;
  }
  const int64_t body = lead + static_cast<int64_t>(grouped.size()) + rest;
  const int64_t pad = width > body ? width - body : 0;
  int64_t left = 0;
  int64_t middle = 0;
  switch (align) {
    case '>': left = pad; break;
    case '^': left = pad / 2; break;
    case '=': middle = pad; break;
    default: break;
  }
  append_fill(out, fill, left);
  if (parts.sign) out.push_back(parts.sign);
  out += parts.prefix;
  append_fill(out, fill, middle);
  out += grouped;
  out += parts.rest;
  append_fill(out, fill, pad - left - middle);
}

std::string unknown_code_message(char32_t type, std::string_view type_name) {
  std::string msg = "Unknown format code '";
  msg += char_for_message(type);
  msg += "' for object of type '";
  msg += type_name;
  msg += "'";
  return msg;
}

}  // namespace numfmt_detail

// ---- int text ------------------------------------------------------------------------------

NumStatus bigint_to_decimal(const BigInt& v, std::string& out, int max_str_digits) {
  if (max_str_digits > 0) {
    // |v| >= 2**(bits-1) has more than (bits-1)*log10(2) digits: reject without converting.
    const double at_least = static_cast<double>(v.bit_length() - 1) * 0.30102999566;
    if (v.bit_length() > 0 && at_least > static_cast<double>(max_str_digits) + 1) {
      return value_error(limit_message(max_str_digits));
    }
  }
  std::string s = v.to_string(10);
  const int64_t ndigits = static_cast<int64_t>(s.size()) - (v.sign() < 0 ? 1 : 0);
  if (max_str_digits > 0 && ndigits > max_str_digits) {
    return value_error(limit_message(max_str_digits));
  }
  out = std::move(s);
  return NumStatus::success();
}

std::string int_to_prefixed(int64_t v, int base) {
  std::string out = v < 0 ? "-" : "";
  out += base_prefix(base);
  out += u64_digits(magnitude(v), base);
  return out;
}

std::string bigint_to_prefixed(const BigInt& v, int base) {
  std::string digits = v.to_string(base);
  const bool negative = !digits.empty() && digits[0] == '-';
  std::string out = negative ? "-" : "";
  out += base_prefix(base);
  out.append(digits, negative ? 1 : 0, std::string::npos);
  return out;
}

NumStatus int_from_string(std::string_view text, int base, BigInt& out, int max_str_digits) {
  if (base != 0 && (base < 2 || base > 36)) {
    return value_error("int() base must be >= 2 and <= 36, or 0");
  }
  int64_t digits = 0;
  switch (BigInt::parse(text, base, out, max_str_digits, &digits)) {
    case BigInt::ParseResult::kOk:
      return NumStatus::success();
    case BigInt::ParseResult::kTooManyDigits:
      return value_error("Exceeds the limit (" + std::to_string(max_str_digits) +
                         " digits) for integer string conversion: value has " +
                         std::to_string(digits) +
                         " digits; use sys.set_int_max_str_digits() to increase the limit");
    case BigInt::ParseResult::kInvalid:
      break;
  }
  // CPython prints the repr cut to 200 characters (%.200R).
  const std::string repr = str_repr(text);
  const std::string shown(repr, 0, utf8_prefix_bytes(repr, 200));
  return value_error("invalid literal for int() with base " + std::to_string(base) + ": " +
                     shown);
}

// ---- spec parsing ----------------------------------------------------------------------------

bool parse_format_spec(std::string_view spec, FormatSpec& out, std::string& err,
                       std::string_view type_name) {
  out = FormatSpec{};
  size_t pos = 0;
  if (!spec.empty()) {
    size_t after_first = 0;
    const char32_t first = utf8_decode(spec, after_first);
    size_t after_second = after_first;
    if (after_first < spec.size() && is_align_char(utf8_decode(spec, after_second))) {
      out.fill = first;
      out.fill_specified = true;
      out.align = spec[after_first];
      pos = after_second;
    } else if (is_align_char(first)) {
      out.align = static_cast<char>(first);
      pos = after_first;
    }
  }
  const auto at = [&](char c) { return pos < spec.size() && spec[pos] == c; };
  if (at('+') || at('-') || at(' ')) out.sign = spec[pos++];
  if (at('z')) out.no_neg_0 = true, ++pos;
  if (at('#')) out.alternate = true, ++pos;
  if (!out.fill_specified && at('0')) out.zero_pad = true, ++pos;
  bool any = false;
  int64_t value = 0;
  if (!read_number(spec, pos, value, any)) {
    err = "Too many decimal digits in format string";
    return false;
  }
  if (any) out.width = value;
  if (at(',')) out.grouping = ',', ++pos;
  if (at('_')) {
    if (out.grouping != '\0') {
      err = "Cannot specify both ',' and '_'.";
      return false;
    }
    out.grouping = '_';
    ++pos;
  }
  if (at(',') && out.grouping == '_') {
    err = "Cannot specify both ',' and '_'.";
    return false;
  }
  if (at('.')) {
    ++pos;
    if (!read_number(spec, pos, value, any)) {
      err = "Too many decimal digits in format string";
      return false;
    }
    if (!any) {
      err = "Format specifier missing precision";
      return false;
    }
    out.precision = value;
  }
  if (pos < spec.size()) {
    size_t next = pos;
    const char32_t type = utf8_decode(spec, next);
    if (next != spec.size()) {
      err = "Invalid format specifier '" + std::string(spec) + "' for object of type '" +
            std::string(type_name) + "'";
      return false;
    }
    out.type = type;
  }
  if (out.grouping != '\0' && !grouping_allowed(out.grouping, out.type)) {
    err = std::string("Cannot specify '") + out.grouping + "' with '" +
          char_for_message(out.type) + "'.";
    return false;
  }
  return true;
}

// ---- format(int) ------------------------------------------------------------------------------

NumStatus format_int(int64_t v, const FormatSpec& spec, std::string& out,
                     std::string_view type_name) {
  return format_int_impl(IntArg{v, nullptr}, spec, out, kIntMaxStrDigits, type_name);
}

NumStatus format_int(const BigInt& v, const FormatSpec& spec, std::string& out,
                     int max_str_digits) {
  return format_int_impl(IntArg{0, &v}, spec, out, max_str_digits, "int");
}

NumStatus format_int(int64_t v, std::string_view spec, std::string& out,
                     std::string_view type_name) {
  if (spec.empty()) {
    out = std::to_string(v);
    return NumStatus::success();
  }
  FormatSpec parsed;
  std::string err;
  if (!parse_format_spec(spec, parsed, err, type_name)) return value_error(std::move(err));
  return format_int(v, parsed, out, type_name);
}

NumStatus format_int(const BigInt& v, std::string_view spec, std::string& out,
                     int max_str_digits) {
  FormatSpec parsed;
  std::string err;
  if (!parse_format_spec(spec, parsed, err, "int")) return value_error(std::move(err));
  return format_int(v, parsed, out, max_str_digits);
}

// ---- format(str) ------------------------------------------------------------------------------

NumStatus format_str(std::string_view s, const FormatSpec& spec, std::string& out) {
  // An omitted type means 's' for str, which takes no grouping (parse_format_spec() has
  // already rejected grouping for explicit types).
  if (spec.grouping != '\0' && spec.type == 0) {
    return value_error(std::string("Cannot specify '") + spec.grouping + "' with 's'.");
  }
  if (spec.type != 's' && spec.type != 0) {
    return value_error(numfmt_detail::unknown_code_message(spec.type, "str"));
  }
  if (spec.sign == ' ') return value_error("Space not allowed in string format specifier");
  if (spec.sign != '\0') return value_error("Sign not allowed in string format specifier");
  if (spec.no_neg_0) {
    return value_error("Negative zero coercion (z) not allowed in string format specifier");
  }
  if (spec.alternate) {
    return value_error("Alternate form (#) not allowed in string format specifier");
  }
  if (spec.align == '=') return value_error("'=' alignment not allowed in string format specifier");
  std::string_view text = s;
  if (spec.precision >= 0) {
    text = s.substr(0, utf8_prefix_bytes(s, static_cast<size_t>(spec.precision)));
  }
  if (numfmt_detail::too_long(spec.width, -1)) return numfmt_detail::memory_error();
  const Resolved r = resolve(spec, false);
  out.clear();
  if (spec.width < 0) {
    out.assign(text);
    return NumStatus::success();
  }
  numfmt_detail::pad_text(text, utf8_length(text), r.fill, r.align, spec.width, out);
  return NumStatus::success();
}

NumStatus format_str(std::string_view s, std::string_view spec, std::string& out) {
  if (spec.empty()) {
    out.assign(s);
    return NumStatus::success();
  }
  FormatSpec parsed;
  std::string err;
  if (!parse_format_spec(spec, parsed, err, "str")) return value_error(std::move(err));
  return format_str(s, parsed, out);
}

}  // namespace pyjitvm::vm
