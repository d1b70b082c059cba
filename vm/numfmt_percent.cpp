// vm/numfmt_percent.cpp — printf-style formatting: `str % args` (CPython 3.11 semantics).
//
// Stage: format string + PercentArgs (the VM's view of the right operand) → text, or a
// NumStatus (TypeError / ValueError / OverflowError, or kCallback when a callback failed).
//
// The walker mirrors CPython's argument bookkeeping: a tuple operand is consumed item by
// item; any other operand is one argument; a mapping operand also serves %(key)s, and a
// key lookup replaces the argument source by the looked-up value (which the conversion
// itself, or a '*' before it, then consumes). The argument is fetched before the
// conversion character is checked, so '%z' % () reports the missing argument first.
//
// Invariants:
//   I1  Each conversion consumes exactly the arguments CPython consumes ('*' width, '*'
//       precision, then the value) — `PercentWalker::next_arg()`.
//   I2  Error indexes count code points of the format string — `PercentWalker::fail_at()`.
//   I3  Zero padding applies only to numeric conversions without '-'; it goes between the
//       sign/prefix and the digits — `emit_number()`.
#include <climits>
#include <cmath>
#include <cstdio>

#include "vm/floatops.h"
#include "vm/numfmt.h"
#include "vm/numfmt_unicode.h"

namespace pyjitvm::vm {

using numfmt_detail::FloatTextOptions;

namespace {

using Kind = PercentValue::Kind;

NumStatus type_error(std::string msg) {
  return NumStatus::error(NumErrorKind::kTypeError, std::move(msg));
}
NumStatus value_error(std::string msg) {
  return NumStatus::error(NumErrorKind::kValueError, std::move(msg));
}

bool is_integer_kind(Kind k) { return k == Kind::kInt || k == Kind::kBool || k == Kind::kBigInt; }

// The value of an integer argument when it fits int64.
bool small_int(const PercentValue& v, int64_t& out) {
  if (v.kind == Kind::kInt || v.kind == Kind::kBool) {
    out = v.i;
    return true;
  }
  if (v.kind == Kind::kBigInt && v.big->fits_i64()) {
    out = v.big->to_i64();
    return true;
  }
  return false;
}

std::string conv_text(char32_t conv) {
  std::string s;
  utf8_append(s, conv);
  return s;
}

void append_spaces(std::string& out, int64_t n) {
  if (n > 0) out.append(static_cast<size_t>(n), ' ');
}

// Writes sign, prefix and digits padded to spec.width (zeros or spaces, left or right).
void emit_number(const PercentSpec& spec, char sign, std::string_view prefix,
                 std::string_view digits, std::string& out) {
  const int64_t len = (sign ? 1 : 0) + static_cast<int64_t>(prefix.size() + digits.size());
  const int64_t pad = spec.width > len ? spec.width - len : 0;
  const bool zeros = spec.zero && !spec.left;
  if (!zeros && !spec.left) append_spaces(out, pad);
  if (sign) out.push_back(sign);
  out += prefix;
  if (zeros && pad > 0) out.append(static_cast<size_t>(pad), '0');
  out += digits;
  if (spec.left) append_spaces(out, pad);
}

char sign_char(const PercentSpec& spec, bool negative) {
  if (negative) return '-';
  if (spec.plus) return '+';
  if (spec.space) return ' ';
  return '\0';
}

// Integer value of an argument for d/i/u/o/x/X (floats truncate for d/i/u only).
NumStatus integer_of(char32_t conv, const PercentValue& v, BigInt& big, bool& use_big,
                     int64_t& small) {
  use_big = false;
  if (v.kind == Kind::kInt || v.kind == Kind::kBool) {
    small = v.i;
    return NumStatus::success();
  }
  if (v.kind == Kind::kBigInt) {
    big = *v.big;
    use_big = true;
    return NumStatus::success();
  }
  const bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
  if (v.kind == Kind::kFloat && decimal) {
    use_big = true;
    return py_float_to_int(v.f, big);
  }
  return type_error("%" + conv_text(conv) + " format: " +
                    (decimal ? "a real number is required, not " : "an integer is required, not ") +
                    std::string(v.type_name));
}

NumStatus format_integer(char32_t conv, const PercentSpec& spec, const PercentValue& v,
                         std::string& out, int max_str_digits) {
  BigInt big;
  bool use_big = false;
  int64_t small = 0;
  NumStatus st = integer_of(conv, v, big, use_big, small);
  if (!st.ok()) return st;
  if (numfmt_detail::too_long(spec.width, spec.precision)) return numfmt_detail::memory_error();
  const int base = conv == 'o' ? 8 : ((conv == 'x' || conv == 'X') ? 16 : 10);
  std::string text;
  if (use_big) {
    if (base == 10) {
      st = bigint_to_decimal(big, text, max_str_digits);
      if (!st.ok()) return st;
    } else {
      text = big.to_string(base);
    }
  } else {
    text = base == 10 ? std::to_string(small) : int_to_prefixed(small, base);
    if (base != 10) {  // drop the "0x"/"0o" that int_to_prefixed adds
      const size_t at = text[0] == '-' ? 1 : 0;
      text.erase(at, 2);
    }
  }
  const bool negative = !text.empty() && text[0] == '-';
  std::string digits = text.substr(negative ? 1 : 0);
  if (spec.precision > static_cast<int64_t>(digits.size())) {
    digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
  }
  std::string prefix;
  if (conv == 'X') {
    for (char& c : digits) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
  }
  if (spec.alt && base != 10) prefix = conv == 'o' ? "0o" : (conv == 'X' ? "0X" : "0x");
  emit_number(spec, sign_char(spec, negative), prefix, digits, out);
  return NumStatus::success();
}

NumStatus format_real(char32_t conv, const PercentSpec& spec, const PercentValue& v,
                      std::string& out) {
  double x = 0.0;
  if (v.kind == Kind::kFloat) {
    x = v.f;
  } else if (v.kind == Kind::kInt || v.kind == Kind::kBool) {
    x = static_cast<double>(v.i);
  } else if (v.kind == Kind::kBigInt) {
    NumStatus st = v.big->to_double(x);
    if (!st.ok()) return st;
  } else {
    return type_error("must be real number, not " + std::string(v.type_name));
  }
  if (numfmt_detail::too_long(spec.width, spec.precision)) return numfmt_detail::memory_error();
  FloatTextOptions opt;
  opt.upper = conv == 'E' || conv == 'F' || conv == 'G';
  opt.mode = static_cast<char>(opt.upper ? conv - 'A' + 'a' : conv);
  opt.precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  opt.alternate = spec.alt;
  bool negative = false;
  const std::string body = numfmt_detail::double_to_text(x, opt, negative);
  emit_number(spec, sign_char(spec, negative), "", body, out);
  return NumStatus::success();
}

NumStatus format_char(const PercentSpec& spec, const PercentValue& v, std::string& out) {
  std::string text;
  if (v.kind == Kind::kStr) {
    size_t pos = 0;
    if (v.str.empty()) return type_error("%c requires int or char");
    utf8_decode(v.str, pos);
    if (pos != v.str.size()) return type_error("%c requires int or char");
    text.assign(v.str);
  } else if (is_integer_kind(v.kind)) {
    int64_t c = -1;
    if (!small_int(v, c) || c < 0 || c > 0x10FFFF) {
      return NumStatus::error(NumErrorKind::kOverflowError, "%c arg not in range(0x110000)");
    }
    utf8_append(text, static_cast<char32_t>(c));
  } else {
    return type_error("%c requires int or char");
  }
  if (numfmt_detail::too_long(spec.width, -1)) return numfmt_detail::memory_error();
  if (!spec.left) append_spaces(out, spec.width - 1);
  out += text;
  if (spec.left) append_spaces(out, spec.width - 1);
  return NumStatus::success();
}

// str()/repr()/ascii() of a value that the formatter can render itself.
NumStatus builtin_text(char32_t conv, const PercentValue& v, std::string& text,
                       int max_str_digits) {
  switch (v.kind) {
    case Kind::kStr:
      if (conv == 's') {
        text.assign(v.str);
      } else {
        text = conv == 'r' ? str_repr(v.str) : str_ascii(v.str);
      }
      return NumStatus::success();
    case Kind::kBool:
      text = v.i ? "True" : "False";
      return NumStatus::success();
    case Kind::kInt:
      text = std::to_string(v.i);
      return NumStatus::success();
    case Kind::kBigInt:
      return bigint_to_decimal(*v.big, text, max_str_digits);
    case Kind::kFloat:
      text = float_repr(v.f);
      return NumStatus::success();
    case Kind::kOther:
      break;
  }
  text.assign(v.text);
  return NumStatus::success();
}

NumStatus format_text(char32_t conv, const PercentSpec& spec, const PercentValue& v,
                      std::string& out, int max_str_digits) {
  std::string text;
  if (v.kind == Kind::kOther || v.custom_text) {
    text.assign(v.text);
  } else {
    NumStatus st = builtin_text(conv, v, text, max_str_digits);
    if (!st.ok()) return st;
  }
  if (numfmt_detail::too_long(spec.width, -1)) return numfmt_detail::memory_error();
  std::string_view shown = text;
  if (spec.precision >= 0) {
    shown = shown.substr(0, utf8_prefix_bytes(shown, static_cast<size_t>(spec.precision)));
  }
  const auto len = static_cast<int64_t>(utf8_length(shown));
  if (!spec.left) append_spaces(out, spec.width - len);
  out += shown;
  if (spec.left) append_spaces(out, spec.width - len);
  return NumStatus::success();
}

bool is_supported(char32_t c) {
  switch (c) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'e': case 'E':
    case 'f': case 'F': case 'g': case 'G': case 'c': case 'r': case 's': case 'a':
      return true;
    default:
      return false;
  }
}

bool needs_text_callback(char32_t conv, const PercentValue& v) {
  return (conv == 's' || conv == 'r' || conv == 'a') &&
         (v.kind == Kind::kOther || v.custom_text);
}

}  // namespace

NumStatus format_percent_one(char32_t conv, const PercentSpec& spec, const PercentValue& value,
                             std::string& out, int max_str_digits) {
  switch (conv) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      return format_integer(conv, spec, value, out, max_str_digits);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      return format_real(conv, spec, value, out);
    case 'c':
      return format_char(spec, value, out);
    case 's': case 'r': case 'a':
      return format_text(conv, spec, value, out, max_str_digits);
    default: {
      const bool printable = conv >= 32 && conv <= 126;
      char buf[96];
      std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x)",
                    printable ? static_cast<char>(conv) : '?', static_cast<unsigned>(conv));
      return value_error(buf);
    }
  }
}

// ---- the walker ---------------------------------------------------------------------------------

namespace {

class PercentWalker {
 public:
  PercentWalker(std::string_view fmt, PercentArgs& args, std::string& out, int max_digits)
      : fmt_(fmt), args_(args), out_(out), max_digits_(max_digits),
        arglen_(args.tuple_length()), argidx_(arglen_ >= 0 ? 0 : -2),
        mapping_(args.is_mapping()) {}

  NumStatus run() {
    out_.clear();
    while (pos_ < fmt_.size()) {
      const size_t next = fmt_.find('%', pos_);
      if (next == std::string_view::npos) {
        out_.append(fmt_.substr(pos_));
        break;
      }
      out_.append(fmt_.substr(pos_, next - pos_));
      pos_ = next + 1;
      NumStatus st = conversion();
      if (!st.ok()) return st;
    }
    if (argidx_ < arglen_ && !mapping_) {
      return type_error("not all arguments converted during string formatting");
    }
    return NumStatus::success();
  }

 private:
  bool at_end() const { return pos_ >= fmt_.size(); }
  char peek() const { return fmt_[pos_]; }

  NumStatus incomplete() { return value_error("incomplete format"); }

  // The next argument: a tuple item, the single operand, or the looked-up value.
  NumStatus next_arg(PercentValue& v) {
    if (argidx_ >= arglen_) return type_error("not enough arguments for format string");
    ++argidx_;
    NumStatus st;
    if (arglen_ < 0 && have_lookup_) {
      v = lookup_value_;
    } else if (!args_.get(arglen_ < 0 ? -1 : argidx_ - 1, v, st)) {
      return st;
    }
    return NumStatus::success();
  }

  NumStatus read_key() {
    if (!mapping_) return type_error("format requires a mapping");
    ++pos_;  // '('
    const size_t start = pos_;
    int depth = 1;
    while (depth > 0 && pos_ < fmt_.size()) {
      if (fmt_[pos_] == ')') {
        --depth;
      } else if (fmt_[pos_] == '(') {
        ++depth;
      }
      ++pos_;
    }
    if (depth > 0) return value_error("incomplete format key");
    NumStatus st;
    if (!args_.lookup(fmt_.substr(start, pos_ - 1 - start), lookup_value_, st)) return st;
    have_lookup_ = true;
    arglen_ = -1;
    argidx_ = -2;
    return NumStatus::success();
  }

  // '*' or digits; `is_width` selects the limits and messages.
  NumStatus read_count(int64_t& value, bool is_width, PercentSpec& spec) {
    if (!at_end() && peek() == '*') {
      ++pos_;
      PercentValue v;
      NumStatus st = next_arg(v);
      if (!st.ok()) return st;
      if (!is_integer_kind(v.kind)) return type_error("* wants int");
      if (!small_int(v, value) || (!is_width && (value > INT_MAX || value < INT_MIN))) {
        return NumStatus::error(NumErrorKind::kOverflowError,
                                is_width ? "Python int too large to convert to C ssize_t"
                                         : "Python int too large to convert to C int");
      }
      if (is_width && value < 0) {  // '-' flag; -2**63 has no positive twin: no padding
        spec.left = true;
        value = value == INT64_MIN ? 0 : -value;
      }
      if (!is_width && value < 0) value = 0;
      return NumStatus::success();
    }
    const int64_t limit = is_width ? INT64_MAX : INT_MAX;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      const int d = peek() - '0';
      if (value > (limit - d) / 10) {
        return value_error(is_width ? "width too big" : "precision too big");
      }
      value = value * 10 + d;
      ++pos_;
    }
    return NumStatus::success();
  }

  NumStatus fail_at(NumStatus st, size_t conv_pos) {
    st.message += " at index " + std::to_string(utf8_length(fmt_.substr(0, conv_pos)));
    return st;
  }

  NumStatus conversion() {
    if (at_end()) return incomplete();
    if (peek() == '%') {
      out_.push_back('%');
      ++pos_;
      return NumStatus::success();
    }
    NumStatus st;
    if (peek() == '(') {
      st = read_key();
      if (!st.ok()) return st;
    }
    PercentSpec spec;
    for (bool more = true; more && !at_end();) {
      switch (peek()) {
        case '-': spec.left = true; break;
        case '+': spec.plus = true; break;
        case ' ': spec.space = true; break;
        case '#': spec.alt = true; break;
        case '0': spec.zero = true; break;
        default: more = false; continue;
      }
      ++pos_;
    }
    int64_t width = -1;
    if (!at_end() && (peek() == '*' || (peek() >= '0' && peek() <= '9'))) {
      width = 0;
      st = read_count(width, true, spec);
      if (!st.ok()) return st;
    }
    spec.width = width;
    if (!at_end() && peek() == '.') {
      ++pos_;
      int64_t precision = 0;
      st = read_count(precision, false, spec);
      if (!st.ok()) return st;
      spec.precision = precision;
    }
    if (!at_end() && (peek() == 'h' || peek() == 'l' || peek() == 'L')) ++pos_;
    if (at_end()) return incomplete();
    const size_t conv_pos = pos_;
    const char32_t conv = utf8_decode(fmt_, pos_);
    PercentValue v;
    st = next_arg(v);
    if (!st.ok()) return st;
    if (!is_supported(conv)) return fail_at(format_percent_one(conv, spec, v, out_), conv_pos);
    if (needs_text_callback(conv, v)) {
      std::string_view text;
      if (!args_.to_text(v, static_cast<char>(conv), text, st)) return st;
      v.text = text;
    }
    return format_percent_one(conv, spec, v, out_, max_digits_);
  }

  std::string_view fmt_;
  PercentArgs& args_;
  std::string& out_;
  int max_digits_;
  size_t pos_ = 0;
  int64_t arglen_;
  int64_t argidx_;
  bool mapping_;
  bool have_lookup_ = false;
  PercentValue lookup_value_;
};

}  // namespace

NumStatus percent_format(std::string_view fmt, PercentArgs& args, std::string& out,
                         int max_str_digits) {
  return PercentWalker(fmt, args, out, max_str_digits).run();
}

}  // namespace pyjitvm::vm
