// vm/numfmt.h — CPython-exact text for numbers and strings: repr, bin/oct/hex, int(str),
// format() with the format-spec mini-language, and printf-style `str % args`.
//
// Stage: plain C++ values (int64, BigInt, double, UTF-8 str) + spec text → UTF-8 text or a
// NumStatus carrying CPython's exception class and message. The VM wraps these for
// repr()/str()/format()/f-strings/`%`; no object model is involved (percent_format()
// reaches objects only through the PercentArgs callbacks).
//
// Files: numfmt.cpp (repr, bases, int(str), spec parsing, int/str formatting, layout),
// numfmt_float.cpp (float and complex text), numfmt_percent.cpp (printf-style),
// numfmt_unicode.{h,cpp} (UTF-8, Unicode tables, str repr).
//
// Invariants:
//   I1  Float digits come from std::to_chars (shortest round-trip, or correctly rounded
//       with a precision); every layout decision (exponent or not, trailing zeros, '.0')
//       follows CPython's PyOS_double_to_string rules — `double_to_text()`.
//   I2  Widths, precisions of strings and fill characters count code points, not bytes —
//       `pad_text()`, `format_str()`.
//   I3  Decimal text of a BigInt longer than max_str_digits (default 4300, 0 = no limit)
//       is a ValueError with CPython's message, as for str(int) — `bigint_to_decimal()`.
//   I4  Error checks run in CPython's order, so the first error CPython reports is the
//       one reported here — `parse_format_spec()`, `format_int()`, `format_float()`,
//       `format_str()`, `format_complex()`, `percent_format()`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/bigint.h"

namespace pyjitvm::vm {

// ---- repr and str -------------------------------------------------------------------

// repr(float) == str(float): '1.5', '1e+16', '1.5e-07', '100.0', 'inf', '-inf', 'nan'.
std::string float_repr(double v);
// repr(complex) == str(complex): '(3+4j)', '1j', '(-0-1j)', '(1e+20+1e-05j)', '(nan+infj)'.
std::string complex_repr(double real, double imag);
// str(int) for a BigInt: ValueError "Exceeds the limit (4300 digits) for integer string
// conversion; use sys.set_int_max_str_digits() to increase the limit".
NumStatus bigint_to_decimal(const BigInt& v, std::string& out,
                            int max_str_digits = kIntMaxStrDigits);
// bin()/oct()/hex() (base 2, 8, 16): '0b101', '-0o17', '-0xff'. Other bases 2..36 give the
// digits with a sign and no prefix (base 10: str(int) without the digit limit).
std::string int_to_prefixed(int64_t v, int base);
std::string bigint_to_prefixed(const BigInt& v, int base);
// int(text, base) with CPython's messages: "invalid literal for int() with base 10: 'x'"
// (repr cut to 200 characters), "int() base must be >= 2 and <= 36, or 0", and the
// max_str_digits error.
NumStatus int_from_string(std::string_view text, int base, BigInt& out,
                          int max_str_digits = kIntMaxStrDigits);

// ---- format-spec mini-language ------------------------------------------------------

// [[fill]align][sign][z][#][0][width][grouping][.precision][type], parsed as CPython
// parses it before knowing the object's type; defaults are applied per type later.
struct FormatSpec {
  char32_t fill = U' ';
  bool fill_specified = false;
  char align = '\0';       // '<' '>' '^' '=' or '\0' (type's default)
  char sign = '\0';        // '+' '-' ' ' or '\0'
  bool no_neg_0 = false;   // 'z'
  bool alternate = false;  // '#'
  bool zero_pad = false;   // '0' before the width without an explicit fill
  int64_t width = -1;
  char grouping = '\0';  // ',' '_' or '\0'
  int64_t precision = -1;
  char32_t type = U'\0';  // presentation type, '\0' when omitted
};

// Parses `spec`. On failure returns false and sets `err` to CPython's ValueError message;
// `type_name` is used by "Invalid format specifier 'xx' for object of type 'int'".
bool parse_format_spec(std::string_view spec, FormatSpec& out, std::string& err,
                       std::string_view type_name = "object");

// format(value, spec); `out` is replaced. Errors are ValueError except OverflowError for
// "%c arg not in range(0x110000)", "Python int too large to convert to C long" and
// "int too large to convert to float". An empty spec gives str(value).
// `type_name` names the int's class in messages ("bool" for True/False, a subclass name).
NumStatus format_int(int64_t v, std::string_view spec, std::string& out,
                     std::string_view type_name = "int");
NumStatus format_int(const BigInt& v, std::string_view spec, std::string& out,
                     int max_str_digits = kIntMaxStrDigits);
NumStatus format_float(double v, std::string_view spec, std::string& out);
NumStatus format_complex(double real, double imag, std::string_view spec, std::string& out);
NumStatus format_str(std::string_view s, std::string_view spec, std::string& out);
// The same with an already parsed spec (for cached f-string specs).
NumStatus format_int(int64_t v, const FormatSpec& spec, std::string& out,
                     std::string_view type_name = "int");
NumStatus format_int(const BigInt& v, const FormatSpec& spec, std::string& out,
                     int max_str_digits = kIntMaxStrDigits);
NumStatus format_float(double v, const FormatSpec& spec, std::string& out);
NumStatus format_complex(double real, double imag, const FormatSpec& spec, std::string& out);
NumStatus format_str(std::string_view s, const FormatSpec& spec, std::string& out);

// ---- printf-style formatting (`str % args`) ----------------------------------------

// Flags, width and precision of one conversion; width/precision -1 when absent.
struct PercentSpec {
  bool left = false;   // '-'
  bool plus = false;   // '+'
  bool space = false;  // ' '
  bool alt = false;    // '#'
  bool zero = false;   // '0'
  int64_t width = -1;
  int64_t precision = -1;
};

// One argument as the formatter sees it. Pointers/views must stay valid for the call.
struct PercentValue {
  enum class Kind : uint8_t { kInt, kBool, kBigInt, kFloat, kStr, kOther };
  Kind kind = Kind::kOther;
  int64_t i = 0;                // kInt, kBool (0/1)
  const BigInt* big = nullptr;  // kBigInt
  double f = 0.0;               // kFloat
  std::string_view str;         // kStr: the string itself (UTF-8)
  std::string_view type_name;   // Python type name for TypeError messages ("list", ...)
  // Text for %s/%r/%a when the value is kOther or has custom_text (str()/repr()/ascii()
  // of the object, produced by PercentArgs::to_text()).
  std::string_view text;
  bool custom_text = false;  // e.g. an int subclass with its own __str__
  uintptr_t handle = 0;      // caller's identity of the object, passed back to to_text()
};

// Formats one conversion (d i u o x X e E f F g G c r s a) and appends it to `out`.
// TypeError "%d format: a real number is required, not str", "%x format: an integer is
// required, not float", "must be real number, not str", "%c requires int or char";
// OverflowError "%c arg not in range(0x110000)"; float→int conversion errors.
NumStatus format_percent_one(char32_t conv, const PercentSpec& spec, const PercentValue& value,
                             std::string& out, int max_str_digits = kIntMaxStrDigits);

// The right operand of `%`, supplied by the VM.
class PercentArgs {
 public:
  virtual ~PercentArgs() = default;
  // Length of the operand when it is a tuple; -1 when the operand is a single value.
  virtual int64_t tuple_length() const = 0;
  // True when the operand can serve %(key)s lookups (a mapping that is not a tuple/str).
  virtual bool is_mapping() const = 0;
  // Describes tuple item `index`, or the operand itself when index == -1. Return false
  // with a kCallback status (after setting the VM's exception) to abort formatting.
  virtual bool get(int64_t index, PercentValue& out, NumStatus& st) = 0;
  // operand[key]; false + kCallback status on KeyError or any other exception.
  virtual bool lookup(std::string_view key, PercentValue& out, NumStatus& st) = 0;
  // str() ('s'), repr() ('r') or ascii() ('a') of a kOther / custom_text value; the
  // returned text must stay valid until percent_format() returns.
  virtual bool to_text(const PercentValue& value, char conv, std::string_view& out,
                       NumStatus& st) = 0;
};

// `fmt % args` with CPython's errors: "not enough arguments for format string", "not all
// arguments converted during string formatting", "format requires a mapping",
// "* wants int", "incomplete format", "incomplete format key", "unsupported format
// character 'z' (0x7a) at index 3".
NumStatus percent_format(std::string_view fmt, PercentArgs& args, std::string& out,
                         int max_str_digits = kIntMaxStrDigits);

// ---- shared by the numfmt*.cpp files ------------------------------------------------

namespace numfmt_detail {

// Widths and precisions above this are reported as MemoryError instead of attempting
// a gigabyte-sized string (CPython would try, and fail the same way on most machines).
inline constexpr int64_t kMaxFormatLength = int64_t{1} << 30;
inline bool too_long(int64_t width, int64_t precision) {
  return width > kMaxFormatLength || precision > kMaxFormatLength;
}
inline NumStatus memory_error() { return NumStatus::error(NumErrorKind::kMemoryError, ""); }

// A number ready for layout: sign char ('\0' for none), prefix ("0x"), the integer digits
// that grouping applies to, and the rest ('.5e+10', '%', 'inf', ...). All ASCII.
struct NumberParts {
  char sign = '\0';
  std::string prefix;
  std::string digits;
  std::string rest;
};

// Pads `text` (of `length` code points) to spec.width with spec.fill per align.
void pad_text(std::string_view text, size_t length, char32_t fill, char align, int64_t width,
              std::string& out);
// Lays out a number: grouping (separator `grouping`, group size 3 or 4), zero padding
// through the groups for fill '0' with '=', then fill/align to the width.
void layout_number(const NumberParts& parts, char32_t fill, char align, int64_t width,
                   char grouping, int group_size, std::string& out);
// "Unknown format code 'd' for object of type 'float'".
std::string unknown_code_message(char32_t type, std::string_view type_name);
// Digits, sign and point of a double as CPython's PyOS_double_to_string makes them:
// mode 'r' (shortest), 'e', 'f', 'g' (lowercase; `upper` for E/F/G). The body excludes
// the sign; `negative` tells whether a '-' belongs in front (never for nan; cleared for a
// zero result when no_neg_0).
struct FloatTextOptions {
  char mode = 'r';
  int precision = 0;
  bool upper = false;
  bool alternate = false;
  bool add_dot_0 = false;
  bool no_neg_0 = false;
};
std::string double_to_text(double v, const FloatTextOptions& opt, bool& negative);

}  // namespace numfmt_detail

}  // namespace pyjitvm::vm
