// stdlib/numpy/print_format.cpp — NumPy 1.24's array2string: element formatters for
// each dtype (widths over the shown elements) and _formatArray's line layout.
//
// Stage: print_array.cpp / print_scalar.cpp → here → print_float.cpp.
//
// Invariants: print_format.h I1–I3. The array's shape and strides are copied before
// formatting starts, so a custom formatter that reshapes the array in place cannot
// make the walk leave the array's memory (Layout).
#include "stdlib/numpy/print_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "stdlib/numpy/print_float.h"
#include "stdlib/numpy/scalar.h"
#include "vm/dict_object.h"
#include "vm/ops.h"
#include "vm/str_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

size_t text_len(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view rstrip(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// ------------------------------------------------------------------ float columns

// NumPy's FloatingFormat: one notation and one set of paddings for every element.
class FloatColumn {
 public:
  // `sign` is the sign option ('-', '+', ' '); `zero_d` for 0-d data.
  bool init(VM& vm, const std::vector<double>& data, bool is_f32, const PrintOptions& o, char sign,
            bool zero_d);
  void append(std::string& out, double v) const;

 private:
  void first_pass_positional(const std::vector<double>& finite, const PrintOptions& o, bool unique,
                             Trim trim);
  void first_pass_scientific(const std::vector<double>& finite, const PrintOptions& o, bool unique,
                             Trim trim);

  bool f32_ = false;
  bool exp_format_ = false;
  char sign_ = '-';
  int pad_left_ = 0, pad_right_ = 0;
  FloatFormat fmt_;  // precision, min_digits, unique, trim, exp_digits of the second pass
  std::string nanstr_, infstr_;
};

bool FloatColumn::init(VM& vm, const std::vector<double>& data, bool is_f32, const PrintOptions& o,
                       char sign, bool zero_d) {
  f32_ = is_f32;
  sign_ = sign;
  nanstr_ = o.nanstr;
  infstr_ = o.infstr;
  if (o.legacy <= 113 && !zero_d && sign_ == '-') sign_ = ' ';
  fmt_.precision = o.floatmode == "unique" ? -1 : o.precision;
  if (o.floatmode != "unique" && o.precision < 0) {
    vm.raise(vm.exc().ValueError, "precision must be >= 0");
    return false;
  }
  std::vector<double> finite;
  finite.reserve(data.size());
  bool any_neg = false, neg_inf = false;
  double max_val = 0, min_val = std::numeric_limits<double>::infinity();
  for (double v : data) {
    if (!std::isfinite(v)) {
      if (std::isinf(v) && v < 0) neg_inf = true;
      continue;
    }
    finite.push_back(v);
    any_neg = any_neg || std::signbit(v);
    double a = std::fabs(v);
    if (a != 0) {
      max_val = std::max(max_val, a);
      min_val = std::min(min_val, a);
    }
  }
  if (max_val != 0) {
    // float32 data divides in float32, as NumPy's scalars do.
    double ratio =
        is_f32 ? static_cast<double>(static_cast<float>(max_val) / static_cast<float>(min_val))
               : max_val / min_val;
    exp_format_ = max_val >= 1e8 || (!o.suppress && (min_val < 1e-4 || ratio > 1000.0));
  }
  const bool fixed = o.floatmode == "fixed";
  if (finite.empty()) {
    pad_left_ = pad_right_ = 0;
    fmt_.trim = Trim::Dot;
    fmt_.exp_digits = -1;
    fmt_.unique = true;
    fmt_.min_digits = -1;
  } else if (exp_format_) {
    bool keep = fixed || o.legacy <= 113;
    first_pass_scientific(finite, o, !keep, keep ? Trim::Keep : Trim::Dot);
  } else {
    first_pass_positional(finite, o, !fixed, fixed ? Trim::Keep : Trim::Dot);
  }
  if (o.legacy > 113 && sign_ == ' ' && !any_neg) ++pad_left_;
  if (finite.size() != data.size()) {
    int neginf = (sign_ != '-' || neg_inf) ? 1 : 0;
    int offset = pad_right_ + 1;
    pad_left_ = std::max({pad_left_, static_cast<int>(text_len(nanstr_)) - offset,
                          static_cast<int>(text_len(infstr_)) + neginf - offset});
  }
  fmt_.sign = sign_ == '+';
  fmt_.pad_left = pad_left_;
  fmt_.pad_right = exp_format_ ? -1 : pad_right_;
  return true;
}

void FloatColumn::first_pass_scientific(const std::vector<double>& finite, const PrintOptions& o,
                                        bool unique, Trim trim) {
  FloatFormat f;
  f.precision = fmt_.precision;
  f.unique = unique;
  f.trim = trim;
  f.sign = sign_ == '+';
  int max_int = 0, max_frac = 0, max_exp = 0;
  std::string s;
  for (double v : finite) {
    s.clear();
    append_scientific(s, v, f32_, f);
    size_t e = s.find('e');
    size_t dot = s.find('.');
    size_t int_end = dot < e ? dot : e;
    max_int = std::max(max_int, static_cast<int>(int_end));
    max_frac = std::max(max_frac, dot < e ? static_cast<int>(e - dot - 1) : 0);
    max_exp = std::max(max_exp, static_cast<int>(s.size() - e - 1));
  }
  fmt_.exp_digits = max_exp - 1;
  fmt_.trim = Trim::Keep;
  fmt_.precision = max_frac;
  fmt_.min_digits = max_frac;
  fmt_.unique = unique;
  pad_left_ = o.legacy <= 113 ? 3 : max_int;
  pad_right_ = fmt_.exp_digits + 2 + max_frac;
}

void FloatColumn::first_pass_positional(const std::vector<double>& finite, const PrintOptions& o,
                                        bool unique, Trim trim) {
  FloatFormat f;
  f.precision = fmt_.precision;
  f.unique = unique;
  f.trim = trim;
  f.sign = sign_ == '+';
  int max_int = 0, max_frac = 0;
  std::string s;
  for (double v : finite) {
    s.clear();
    append_positional(s, v, f32_, f);
    size_t dot = s.find('.');
    if (dot == std::string::npos) dot = s.size();
    int int_len = static_cast<int>(dot);
    if (o.legacy <= 113) int_len = 1 + int_len - (s[0] == '-' || s[0] == '+' ? 1 : 0);
    max_int = std::max(max_int, int_len);
    max_frac = std::max(max_frac, static_cast<int>(s.size() - std::min(s.size(), dot + 1)));
  }
  pad_left_ = max_int;
  pad_right_ = max_frac;
  fmt_.exp_digits = -1;
  fmt_.unique = unique;
  if (o.floatmode == "fixed" || o.floatmode == "maxprec_equal") {
    fmt_.precision = fmt_.min_digits = max_frac;
    fmt_.trim = Trim::Keep;
  } else {
    fmt_.trim = Trim::Dot;
    fmt_.min_digits = 0;
  }
}

void FloatColumn::append(std::string& out, double v) const {
  if (!std::isfinite(v)) {
    std::string ret;
    if (std::isnan(v)) {
      if (sign_ == '+') ret = "+";
      ret += nanstr_;
    } else {
      ret = v < 0 ? "-" : sign_ == '+' ? "+" : "";
      ret += infstr_;
    }
    int pad = pad_left_ + pad_right_ + 1 - static_cast<int>(text_len(ret));
    if (pad > 0) out.append(static_cast<size_t>(pad), ' ');
    out += ret;
    return;
  }
  if (exp_format_)
    append_scientific(out, v, f32_, fmt_);
  else
    append_positional(out, v, f32_, fmt_);
}

// ------------------------------------------------------------------ element formatters

enum class ElemKind : uint8_t { Bool, Int, Float, Complex, Custom };

// Visits the shown elements of `a` (the edgeitems corners when summarising) in C order.
template <class F>
void for_shown(const std::vector<int64_t>& shape, const std::vector<int64_t>& strides, bool summary,
               int64_t edge, int axis, const char* p, F&& fn) {
  if (axis == static_cast<int>(shape.size())) {
    fn(p);
    return;
  }
  int64_t n = shape[static_cast<size_t>(axis)];
  int64_t st = strides[static_cast<size_t>(axis)];
  auto visit = [&](int64_t i) {
    for_shown(shape, strides, summary, edge, axis + 1, p + i * st, fn);
  };
  // NumPy takes a[:edge] and a[-edge:]; with edge 0 the latter is the whole axis.
  if (summary && 2 * edge < n && edge > 0) {
    for (int64_t i = 0; i < edge; ++i) visit(i);
    for (int64_t i = n - edge; i < n; ++i) visit(i);
  } else {
    for (int64_t i = 0; i < n; ++i) visit(i);
  }
}

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

class ElementFormatter {
 public:
  bool init(VM& vm, const NDArray* a, const std::vector<int64_t>& shape,
            const std::vector<int64_t>& strides, bool summary, const Array2StringArgs& args);
  // Appends the element at `p`; false with an exception pending (custom formatters).
  bool append(VM& vm, std::string& out, const char* p) const;

 private:
  Value pick_custom(VM& vm, const Array2StringArgs& args) const;

  DType dtype_ = DType::Float64;
  ElemKind kind_ = ElemKind::Float;
  const char* true_str_ = " True";
  int int_width_ = 0;
  FloatColumn re_, im_;
  Value custom_;
};

Value ElementFormatter::pick_custom(VM& vm, const Array2StringArgs& args) const {
  if (args.formatter.is_undef() || !is_kind(args.formatter, Kind::Dict)) return Value();
  Dict* d = as_dict(args.formatter);
  auto get = [&](const char* key) {
    Value v = dict_get_str(d, vm.intern(key));
    return v.is_undef() || v.is_none() ? Value() : v;
  };
  const char* specific = "bool";
  const char* kind = nullptr;
  switch (dkind(dtype_)) {
    case DKind::Bool:
      break;
    case DKind::SignedInt:
    case DKind::UnsignedInt:
      specific = "int", kind = "int_kind";
      break;
    case DKind::Float:
      specific = "float", kind = "float_kind";
      break;
    case DKind::Complex:
      specific = "complexfloat", kind = "complex_kind";
      break;
  }
  Value f = get(specific);
  if (f.is_undef() && kind) f = get(kind);
  if (f.is_undef()) f = get("all");
  return f;
}

bool ElementFormatter::init(VM& vm, const NDArray* a, const std::vector<int64_t>& shape,
                            const std::vector<int64_t>& strides, bool summary,
                            const Array2StringArgs& args) {
  dtype_ = a->dtype;
  custom_ = pick_custom(vm, args);
  if (!custom_.is_undef()) {
    vm.root(custom_);  // the formatter may drop it from its dict while we print
    kind_ = ElemKind::Custom;
    return true;
  }
  const int64_t edge = args.opts.edgeitems;
  auto each = [&](auto&& fn) { for_shown(shape, strides, summary, edge, 0, a->data, fn); };
  const bool zero_d = shape.empty();
  if (dtype_ == DType::Bool) {
    kind_ = ElemKind::Bool;
    true_str_ = zero_d ? "True" : " True";
    return true;
  }
  if (is_integer(dtype_)) {
    kind_ = ElemKind::Int;
    char buf[32];
    bool any = false;
    visit_dtype(dtype_, [&]<class T>() {
      if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        T lo = 0, hi = 0;
        each([&](const char* p) {
          T v = load<T>(p);
          if (!any || v < lo) lo = v;
          if (!any || v > hi) hi = v;
          any = true;
        });
        if (!any) return;
        int wl = static_cast<int>(std::to_chars(buf, buf + 32, lo).ptr - buf);
        int wh = static_cast<int>(std::to_chars(buf, buf + 32, hi).ptr - buf);
        int_width_ = std::max(wl, wh);
      }
    });
    return true;
  }
  std::vector<double> re, im;
  const bool cplx = is_complex(dtype_);
  each([&](const char* p) {
    if (cplx) {
      c128 c = load<c128>(p);
      re.push_back(c.real());
      im.push_back(c.imag());
    } else if (dtype_ == DType::Float32) {
      re.push_back(static_cast<double>(load<float>(p)));
    } else {
      re.push_back(load<double>(p));
    }
  });
  kind_ = cplx ? ElemKind::Complex : ElemKind::Float;
  if (!cplx) return re_.init(vm, re, dtype_ == DType::Float32, args.opts, args.opts.sign, zero_d);
  // legacy 1.13 printed the real parts as maxprec_equal and the imaginary parts as maxprec.
  PrintOptions ro = args.opts, io = args.opts;
  if (args.opts.legacy <= 113) {
    ro.floatmode = "maxprec_equal";
    io.floatmode = "maxprec";
  }
  return re_.init(vm, re, false, ro, ro.sign, zero_d) && im_.init(vm, im, false, io, '+', zero_d);
}

bool ElementFormatter::append(VM& vm, std::string& out, const char* p) const {
  switch (kind_) {
    case ElemKind::Bool:
      out += *reinterpret_cast<const unsigned char*>(p) ? true_str_ : "False";
      return true;
    case ElemKind::Int: {
      char buf[32];
      char* end = visit_dtype(dtype_, [&]<class T>() -> char* {
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
          return std::to_chars(buf, buf + 32, load<T>(p)).ptr;
        else
          return buf;
      });
      int w = static_cast<int>(end - buf);
      if (w < int_width_) out.append(static_cast<size_t>(int_width_ - w), ' ');
      out.append(buf, end);
      return true;
    }
    case ElemKind::Float:
      re_.append(out,
                 dtype_ == DType::Float32 ? static_cast<double>(load<float>(p)) : load<double>(p));
      return true;
    case ElemKind::Complex: {
      c128 c = load<c128>(p);
      re_.append(out, c.real());
      std::string i;
      im_.append(i, c.imag());
      size_t sp = rstrip(i).size();
      out.append(i, 0, sp);
      out.push_back('j');
      out.append(i, sp);
      return true;
    }
    case ElemKind::Custom:
      break;
  }
  Value scalar = box_scalar(vm, dtype_, p);
  VM::TempRoot keep(vm, scalar);
  Value r = vm.call(custom_, {scalar});
  if (failed(r)) return false;
  if (!is_kind(r, Kind::Str)) {
    vm.raise_fmt(vm.exc().TypeError, "object of type '%s' has no len()", type_name(vm, r));
    return false;
  }
  out += as_str(r)->view();
  return true;
}

// ------------------------------------------------------------------ layout

// NumPy's _formatArray over a copied shape/strides (I2).
class Layout {
 public:
  Layout(VM& vm, const ElementFormatter& fmt, const Array2StringArgs& args, bool summary,
         const std::vector<int64_t>& shape, const std::vector<int64_t>& strides)
      : vm_(vm),
        fmt_(fmt),
        sep_(args.separator),
        sep_rstrip_(rstrip(sep_)),
        edge_(args.opts.edgeitems),
        summary_(summary),
        legacy_(args.opts.legacy),
        shape_(shape),
        strides_(strides) {}

  // The text of the sub-array at `p` starting at `axis`; false on a formatter error.
  bool recurse(const char* p, size_t axis, const std::string& hanging, int64_t width,
               std::string& out);

 private:
  void extend_line(std::string& s, std::string& line, std::string_view word, int64_t width,
                   const std::string& next_prefix) const;
  void extend_line_pretty(std::string& s, std::string& line, std::string_view word, int64_t width,
                          const std::string& next_prefix) const;
  bool row(const char* p, size_t axis, const std::string& hanging, int64_t width, std::string& s);
  bool block(const char* p, size_t axis, const std::string& hanging, int64_t width, std::string& s);

  VM& vm_;
  const ElementFormatter& fmt_;
  std::string sep_;
  std::string_view sep_rstrip_;
  int64_t edge_;
  bool summary_;
  int legacy_;
  std::vector<int64_t> shape_, strides_;
};

void Layout::extend_line(std::string& s, std::string& line, std::string_view word, int64_t width,
                         const std::string& next_prefix) const {
  size_t line_len = text_len(line);
  bool wrap = static_cast<int64_t>(line_len + text_len(word)) > width;
  if (legacy_ > 113 && line_len <= text_len(next_prefix)) wrap = false;
  if (wrap) {
    s += rstrip(line);
    s += '\n';
    line = next_prefix;
  }
  line += word;
}

// Python's str.splitlines() for \n, \r and \r\n.
std::vector<std::string_view> split_lines(std::string_view w) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] != '\n' && w[i] != '\r') continue;
    out.push_back(w.substr(start, i - start));
    if (w[i] == '\r' && i + 1 < w.size() && w[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < w.size()) out.push_back(w.substr(start));
  return out;
}

void Layout::extend_line_pretty(std::string& s, std::string& line, std::string_view word,
                                int64_t width, const std::string& next_prefix) const {
  std::vector<std::string_view> words = split_lines(word);
  if (words.size() <= 1 || legacy_ <= 113) return extend_line(s, line, word, width, next_prefix);
  size_t max_len = 0;
  for (std::string_view w : words) max_len = std::max(max_len, text_len(w));
  std::string indent;
  if (static_cast<int64_t>(text_len(line) + max_len) > width &&
      text_len(line) > text_len(next_prefix)) {
    s += rstrip(line);
    s += '\n';
    line = next_prefix;
    line += words[0];
    indent = next_prefix;
  } else {
    indent.assign(text_len(line), ' ');
    line += words[0];
  }
  for (size_t i = 1; i < words.size(); ++i) {
    s += rstrip(line);
    s += '\n';
    line = indent;
    line += words[i];
  }
  line.append(max_len - text_len(words.back()), ' ');
}

bool Layout::recurse(const char* p, size_t axis, const std::string& hanging, int64_t width,
                     std::string& out) {
  if (axis == shape_.size()) return fmt_.append(vm_, out, p);
  std::string s;
  bool ok = axis + 1 == shape_.size() ? row(p, axis, hanging, width, s)
                                      : block(p, axis, hanging, width, s);
  if (!ok) return false;
  out += '[';
  out.append(s, std::min(hanging.size(), s.size()));
  out += ']';
  return true;
}

// The last axis: elements separated by `sep_`, wrapped at `width`.
bool Layout::row(const char* p, size_t axis, const std::string& hanging, int64_t width,
                 std::string& s) {
  const int64_t n = shape_[axis], st = strides_[axis];
  const bool show_summary = summary_ && 2 * edge_ < n;
  const int64_t leading = show_summary ? edge_ : 0, trailing = show_summary ? edge_ : n;
  int64_t sep_len = static_cast<int64_t>(text_len(sep_rstrip_));
  int64_t elem_width = legacy_ <= 113 ? width - sep_len : width - std::max<int64_t>(sep_len, 1);
  std::string line = hanging, word;
  auto add = [&](int64_t i, int64_t w) {
    word.clear();
    if (!fmt_.append(vm_, word, p + i * st)) return false;
    extend_line_pretty(s, line, word, w, hanging);
    return true;
  };
  for (int64_t i = 0; i < leading; ++i) {
    if (!add(i, elem_width)) return false;
    line += sep_;
  }
  if (show_summary) {
    extend_line(s, line, "...", elem_width, hanging);
    line += legacy_ <= 113 ? ", " : sep_;
  }
  for (int64_t i = trailing; i > 1; --i) {
    if (!add(n - i, elem_width)) return false;
    line += sep_;
  }
  if (legacy_ <= 113) elem_width = width;
  if (!add(n - 1, elem_width)) return false;
  s += line;
  return true;
}

// Outer axes: sub-arrays separated by `sep_` and one newline per remaining axis.
bool Layout::block(const char* p, size_t axis, const std::string& hanging, int64_t width,
                   std::string& s) {
  const int64_t n = shape_[axis], st = strides_[axis];
  const bool show_summary = summary_ && 2 * edge_ < n;
  const int64_t leading = show_summary ? edge_ : 0, trailing = show_summary ? edge_ : n;
  const std::string next_hanging = hanging + ' ';
  const int64_t next_width = legacy_ <= 113 ? width : width - 1;
  std::string line_sep(sep_rstrip_);
  line_sep.append(shape_.size() - axis - 1, '\n');
  auto add = [&](int64_t i, bool last) {
    s += hanging;
    if (!recurse(p + i * st, axis + 1, next_hanging, next_width, s)) return false;
    if (!last) s += line_sep;
    return true;
  };
  for (int64_t i = 0; i < leading; ++i)
    if (!add(i, false)) return false;
  if (show_summary) {
    s += hanging;
    s += "...";
    s += legacy_ <= 113 ? std::string(", \n") : line_sep;
  }
  for (int64_t i = trailing; i > 1; --i)
    if (!add(n - i, false)) return false;
  return add(n - 1, true);
}

// Python's repr() of a shape tuple: "(3, 0)", "(0,)".
std::string shape_repr(const NDArray* a) { return shape_str(shape_of(a)); }

}  // namespace

// ------------------------------------------------------------------ entry points

bool array2string(VM& vm, NDArray* a, const Array2StringArgs& args, std::string& out) {
  const PrintOptions& o = args.opts;
  if (o.legacy <= 113 && a->ndim == 0) {
    out += python_item_repr(a->dtype, a->data);
    return true;
  }
  Array2StringArgs eff = args;
  if (o.legacy > 113) eff.opts.linewidth -= static_cast<int>(text_len(args.suffix));
  if (a->size == 0) {
    out += "[]";
    return true;
  }
  eff.opts.edgeitems = std::max(0, o.edgeitems);
  const bool summary = a->size > o.threshold;
  const std::vector<int64_t> shape(a->shape, a->shape + a->ndim);
  const std::vector<int64_t> strides(a->strides, a->strides + a->ndim);
  ElementFormatter fmt;
  if (!fmt.init(vm, a, shape, strides, summary, eff)) return false;
  Layout layout(vm, fmt, eff, summary, shape, strides);
  std::string hanging = " " + std::string(text_len(args.prefix), ' ');
  return layout.recurse(a->data, 0, hanging, eff.opts.linewidth, out);
}

bool array_repr_text(VM& vm, NDArray* a, const Array2StringArgs& args, std::string& out) {
  const PrintOptions& o = args.opts;
  const bool implied = (a->dtype == DType::Int64 || a->dtype == DType::Float64 ||
                        a->dtype == DType::Complex128 || a->dtype == DType::Bool) &&
                       !(o.legacy <= 113 && a->dtype == DType::Bool);
  const bool skip_dtype = implied && a->size > 0;
  std::string s = "array(";
  if (o.legacy <= 113 && a->ndim == 0) {
    s += python_item_repr(a->dtype, a->data);
  } else if (a->size > 0 || (a->ndim == 1 && a->shape[0] == 0)) {
    Array2StringArgs eff = args;
    eff.separator = ", ";
    eff.prefix = "array(";
    eff.suffix = skip_dtype ? ")" : ",";
    if (!array2string(vm, a, eff, s)) return false;
  } else {
    s += "[], shape=" + shape_repr(a);
  }
  s += skip_dtype ? ")" : ",";
  if (!skip_dtype) {
    std::string dtype_str = "dtype=" + std::string(dtype_name(a->dtype)) + ")";
    size_t nl = s.rfind('\n');
    size_t last_len = text_len(nl == std::string::npos ? std::string_view(s)
                                                       : std::string_view(s).substr(nl + 1));
    if (o.legacy > 113 && static_cast<int64_t>(last_len + dtype_str.size() + 1) > o.linewidth)
      s += "\n      ";
    else
      s += ' ';
    s += dtype_str;
  }
  out += s;
  return true;
}

bool array_str_text(VM& vm, NDArray* a, const Array2StringArgs& args, std::string& out) {
  if (a->ndim == 0) {  // str() of the scalar (of the Python item in legacy 1.13 mode)
    out += args.opts.legacy <= 113 ? python_item_repr(a->dtype, a->data)
                                   : scalar_text(args.opts, a->dtype, a->data, false);
    return true;
  }
  Array2StringArgs eff = args;
  eff.separator = " ";
  eff.prefix.clear();
  eff.suffix.clear();
  return array2string(vm, a, eff, out);
}

}  // namespace pyjitvm::stdlib::np
