// vm/numfmt_float.cpp — float and complex text: repr, format() types e f g n % and none.
//
// Stage: double (or a complex's two doubles) + FormatSpec → text, via
// `double_to_text()`, the equivalent of CPython's PyOS_double_to_string.
//
// How a double becomes text: std::to_chars produces correctly rounded decimal digits
// (shortest round-trip for repr, or a fixed number of significant/fractional digits);
// the digits are normalised to (digit string without leading/trailing zeros, decimal
// point position `decpt`) and then rendered by CPython's rules:
//   repr ('r')  exponent form when decpt <= -4 or decpt > 16, '.0' added to integers;
//   'e'         always exponent form, exactly `precision` fractional digits;
//   'f'         never exponent form, exactly `precision` fractional digits;
//   'g'         precision 0 means 1; exponent form when decpt <= -4 or decpt > precision
//               (precision - 1 when the type was omitted, which also adds '.0');
//               trailing zeros dropped unless '#'.
// Exponents are written 'e+16', 'e-07' (at least two digits). '#' keeps a trailing '.'.
//
// Invariants:
//   I1  Digits are only ever produced by std::to_chars, which rounds correctly (ties to
//       even on the exact binary value, like David Gay's dtoa in CPython) —
//       `decimal_digits()`.
//   I2  The sign is decided apart from the digits: nan never gets '-', and with 'z' a
//       result whose digits are all zero loses its '-' — `double_to_text()`.
#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>

#include "vm/numfmt.h"
#include "vm/numfmt_unicode.h"

namespace pyjitvm::vm {

using numfmt_detail::FloatTextOptions;
using numfmt_detail::NumberParts;

namespace {

// Exact decimal expansions of doubles need at most 767 significant digits and 1074
// fractional digits; larger precisions only add zeros, which render() supplies.
constexpr int kMaxSignificant = 800;
constexpr int kMaxFraction = 1100;

struct Decimal {
  std::string digits;  // no leading or trailing zeros; "0" for zero
  int decpt = 1;       // value = 0.digits * 10**decpt
};

// Normalises to_chars output ("1.2345e+02", "0.00120", "15") into a Decimal.
Decimal parse_chars(const char* first, const char* last) {
  Decimal d;
  int point = -1;
  int exp = 0;
  for (const char* p = first; p < last; ++p) {
    if (*p >= '0' && *p <= '9') {
      d.digits.push_back(*p);
    } else if (*p == '.') {
      point = static_cast<int>(d.digits.size());
    } else if (*p == 'e') {
      std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), last, exp);
      break;
    }
  }
  if (point < 0) point = static_cast<int>(d.digits.size());
  d.decpt = point + exp;
  size_t lead = 0;
  while (lead < d.digits.size() && d.digits[lead] == '0') ++lead;
  d.digits.erase(0, lead);
  d.decpt -= static_cast<int>(lead);
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) {
    d.digits = "0";
    d.decpt = 1;
  }
  return d;
}

// Decimal digits of a finite a >= 0 for `mode` ('r', 'e', 'f', 'g') and precision.
Decimal decimal_digits(double a, char mode, int precision) {
  std::string buf;
  std::to_chars_result res{};
  if (mode == 'f') {
    const int p = std::min(precision, kMaxFraction);
    buf.resize(static_cast<size_t>(p) + 330);
    res = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::fixed, p);
  } else if (mode == 'r') {
    buf.resize(40);
    res = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::scientific);
  } else {
    // 'e' wants precision+1 significant digits, 'g' wants precision (0 meaning 1).
    int sig = mode == 'e' ? precision + 1 : std::max(precision, 1);
    sig = std::min(sig, kMaxSignificant);
    buf.resize(static_cast<size_t>(sig) + 16);
    res = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::scientific,
                        sig - 1);
  }
  return parse_chars(buf.data(), res.ptr);
}

// Writes d with the point after `decpt` digits, or in exponent form, with at least
// `min_frac` fractional digits; '.' appears when there is a fraction or `alt`.
std::string render(const Decimal& d, bool use_exp, int64_t min_frac, bool alt) {
  int decpt = d.decpt;
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const int len = static_cast<int>(d.digits.size());
  std::string s;
  if (decpt <= 0) {
    s = "0";
  } else {
    s.assign(d.digits, 0, static_cast<size_t>(std::min(decpt, len)));
    if (decpt > len) s.append(static_cast<size_t>(decpt - len), '0');
  }
  const size_t int_len = s.size();
  if (decpt < 0) s.append(static_cast<size_t>(-decpt), '0');
  if (decpt < len) s.append(d.digits, static_cast<size_t>(std::max(decpt, 0)), std::string::npos);
  const auto frac_len = static_cast<int64_t>(s.size() - int_len);
  if (frac_len < min_frac) s.append(static_cast<size_t>(min_frac - frac_len), '0');
  if (s.size() > int_len || alt) s.insert(int_len, 1, '.');
  if (use_exp) {
    s.push_back('e');
    s.push_back(exp < 0 ? '-' : '+');
    const int mag = exp < 0 ? -exp : exp;
    if (mag < 10) s.push_back('0');
    s += std::to_string(mag);
  }
  return s;
}

NumStatus value_error(std::string msg) {
  return NumStatus::error(NumErrorKind::kValueError, std::move(msg));
}

char sign_for(bool negative, char spec_sign) {
  if (negative) return '-';
  return (spec_sign == '+' || spec_sign == ' ') ? spec_sign : '\0';
}

// Splits a number's text into its leading digits and the rest, for layout_number().
NumberParts split_number(std::string body, char sign) {
  NumberParts parts;
  parts.sign = sign;
  size_t n = 0;
  while (n < body.size() && body[n] >= '0' && body[n] <= '9') ++n;
  parts.digits.assign(body, 0, n);
  parts.rest.assign(body, n, std::string::npos);
  return parts;
}

// Fill and alignment with the numeric defaults ('0' flag: fill '0' and align '=').
void resolve_numeric(const FormatSpec& spec, char32_t& fill, char& align) {
  fill = spec.fill_specified ? spec.fill : (spec.zero_pad ? U'0' : U' ');
  align = spec.align != '\0' ? spec.align : (spec.zero_pad ? '=' : '>');
}

bool is_float_type(char32_t t) {
  switch (t) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
      return true;
    default:
      return false;
  }
}

// Text options for format() types shared by float and complex ('%' handled by caller).
FloatTextOptions options_for(const FormatSpec& spec, char32_t type) {
  FloatTextOptions opt;
  opt.alternate = spec.alternate;
  opt.no_neg_0 = spec.no_neg_0;
  opt.precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  switch (type) {
    case 'E': case 'F': case 'G':
      opt.upper = true;
      opt.mode = static_cast<char>(type - 'A' + 'a');
      break;
    case 'n':
      opt.mode = 'g';
      break;
    default:
      opt.mode = static_cast<char>(type);
      break;
  }
  return opt;
}

}  // namespace

namespace numfmt_detail {

std::string double_to_text(double v, const FloatTextOptions& opt, bool& negative) {
  if (std::isnan(v)) {
    negative = false;
    return opt.upper ? "NAN" : "nan";
  }
  negative = std::signbit(v);
  if (std::isinf(v)) return opt.upper ? "INF" : "inf";
  const Decimal d = decimal_digits(std::fabs(v), opt.mode, opt.precision);
  bool use_exp = false;
  int64_t min_frac = 0;
  switch (opt.mode) {
    case 'e':
      use_exp = true;
      min_frac = opt.precision;
      break;
    case 'f':
      min_frac = opt.precision;
      break;
    case 'g': {
      const int p = std::max(opt.precision, 1);
      use_exp = d.decpt <= -4 || d.decpt > (opt.add_dot_0 ? p - 1 : p);
      if (opt.alternate) min_frac = use_exp ? p - 1 : p - d.decpt;
      break;
    }
    default:  // 'r'
      use_exp = d.decpt <= -4 || d.decpt > 16;
      break;
  }
  if (!use_exp && opt.add_dot_0) min_frac = std::max<int64_t>(min_frac, 1);
  std::string s = render(d, use_exp, min_frac, opt.alternate);
  if (opt.no_neg_0 && d.digits == "0") negative = false;
  if (opt.upper) std::replace(s.begin(), s.end(), 'e', 'E');
  return s;
}

}  // namespace numfmt_detail

// ---- repr ------------------------------------------------------------------------------------

std::string float_repr(double v) {
  FloatTextOptions opt;
  opt.add_dot_0 = true;
  bool negative = false;
  std::string body = numfmt_detail::double_to_text(v, opt, negative);
  return negative ? "-" + body : body;
}

std::string complex_repr(double real, double imag) {
  const FloatTextOptions opt;  // 'r' without '.0'
  bool im_negative = false;
  const std::string im = numfmt_detail::double_to_text(imag, opt, im_negative);
  if (real == 0.0 && !std::signbit(real)) return (im_negative ? "-" : "") + im + "j";
  bool re_negative = false;
  const std::string re = numfmt_detail::double_to_text(real, opt, re_negative);
  return "(" + std::string(re_negative ? "-" : "") + re + (im_negative ? "-" : "+") + im + "j)";
}

// ---- format(float) -----------------------------------------------------------------------------

NumStatus format_float(double v, const FormatSpec& spec, std::string& out) {
  if (!is_float_type(spec.type) && spec.type != '%') {
    return value_error(numfmt_detail::unknown_code_message(spec.type, "float"));
  }
  if (spec.precision > INT_MAX) return value_error("precision too big");
  if (numfmt_detail::too_long(spec.width, spec.precision)) return numfmt_detail::memory_error();
  FloatTextOptions opt;
  bool percent = false;
  if (spec.type == 0) {
    opt.alternate = spec.alternate;
    opt.no_neg_0 = spec.no_neg_0;
    opt.add_dot_0 = true;
    opt.mode = spec.precision < 0 ? 'r' : 'g';
    opt.precision = spec.precision < 0 ? 0 : static_cast<int>(spec.precision);
  } else if (spec.type == '%') {
    opt = options_for(spec, 'f');
    v *= 100.0;
    percent = true;
  } else {
    opt = options_for(spec, spec.type);
  }
  bool negative = false;
  std::string body = numfmt_detail::double_to_text(v, opt, negative);
  if (percent) body.push_back('%');
  char32_t fill = U' ';
  char align = '>';
  resolve_numeric(spec, fill, align);
  out.clear();
  numfmt_detail::layout_number(split_number(std::move(body), sign_for(negative, spec.sign)),
                               fill, align, spec.width, spec.grouping, 3, out);
  return NumStatus::success();
}

NumStatus format_float(double v, std::string_view spec, std::string& out) {
  if (spec.empty()) {
    out = float_repr(v);
    return NumStatus::success();
  }
  FormatSpec parsed;
  std::string err;
  if (!parse_format_spec(spec, parsed, err, "float")) return value_error(std::move(err));
  return format_float(v, parsed, out);
}

// ---- format(complex) ---------------------------------------------------------------------------

NumStatus format_complex(double real, double imag, const FormatSpec& spec, std::string& out) {
  if (!is_float_type(spec.type)) {
    return value_error(numfmt_detail::unknown_code_message(spec.type, "complex"));
  }
  if (spec.precision > INT_MAX) return value_error("precision too big");
  if (numfmt_detail::too_long(spec.width, spec.precision)) return numfmt_detail::memory_error();
  char32_t fill = U' ';
  char align = '>';
  resolve_numeric(spec, fill, align);
  if (fill == U'0') return value_error("Zero padding is not allowed in complex format specifier");
  if (align == '=') {
    return value_error("'=' alignment flag is not allowed in complex format specifier");
  }
  FloatTextOptions opt;
  bool skip_re = false;
  bool parens = false;
  if (spec.type == 0) {
    opt.alternate = spec.alternate;
    opt.no_neg_0 = spec.no_neg_0;
    opt.mode = spec.precision < 0 ? 'r' : 'g';
    opt.precision = spec.precision < 0 ? 0 : static_cast<int>(spec.precision);
    skip_re = real == 0.0 && !std::signbit(real);
    parens = !skip_re;
  } else {
    opt = options_for(spec, spec.type);
  }
  bool re_negative = false;
  bool im_negative = false;
  std::string re_body = numfmt_detail::double_to_text(real, opt, re_negative);
  std::string im_body = numfmt_detail::double_to_text(imag, opt, im_negative);
  std::string body;
  if (parens) body.push_back('(');
  if (!skip_re) {
    numfmt_detail::layout_number(split_number(std::move(re_body), sign_for(re_negative, spec.sign)),
                                 U' ', '<', -1, spec.grouping, 3, body);
  }
  const char im_sign = skip_re ? sign_for(im_negative, spec.sign) : (im_negative ? '-' : '+');
  numfmt_detail::layout_number(split_number(std::move(im_body), im_sign), U' ', '<', -1,
                               spec.grouping, 3, body);
  body.push_back('j');
  if (parens) body.push_back(')');
  out.clear();
  numfmt_detail::pad_text(body, body.size(), fill, align, spec.width, out);
  return NumStatus::success();
}

NumStatus format_complex(double real, double imag, std::string_view spec, std::string& out) {
  FormatSpec parsed;
  std::string err;
  if (!parse_format_spec(spec, parsed, err, "complex")) return value_error(std::move(err));
  return format_complex(real, imag, parsed, out);
}

}  // namespace pyjitvm::vm
