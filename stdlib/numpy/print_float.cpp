// stdlib/numpy/print_float.cpp — NumPy's Dragon4 text for floats: digit selection
// (shortest, or exactly rounded at a cutoff), then NumPy's trimming and padding rules.
//
// Stage: pure C++ (print_float.h).
//
// Invariants: print_float.h I1–I4. Digits of a value are held as Digits{d, exp10}:
// d[0] is the digit at 10^exp10 and d has no leading zeros (d == "0" for zero).
#include "stdlib/numpy/print_float.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace pyjitvm::stdlib::np {

namespace {

struct Digits {
  std::string d;  // significant digits (may end in zeros after a cutoff)
  int exp10 = 0;  // decimal exponent of d[0]
};

// Parses to_chars' scientific output "d[.ddd]e[+-]XX" (of a non-negative value).
Digits parse_scientific(const char* p, const char* end) {
  Digits r;
  for (; p < end && *p != 'e'; ++p)
    if (*p != '.') r.d.push_back(*p);
  if (p < end) std::from_chars(p + (p[1] == '+' ? 2 : 1), end, r.exp10);  // not NUL-terminated
  while (r.d.size() > 1 && r.d.back() == '0') r.d.pop_back();
  return r;
}

// The shortest digits that read back as the same float64 (or float32).
Digits shortest_digits(double a, bool is_f32) {
  char buf[64];
  std::to_chars_result r =
      is_f32 ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(a),
                             std::chars_format::scientific)
             : std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
  return parse_scientific(buf, r.ptr);
}

// The full decimal expansion of a finite non-negative double (at most 767 significant
// digits; 1074 fraction digits for the smallest subnormal).
Digits exact_digits(double a) {
  if (a == 0) return {"0", 0};
  int e2;
  double m = std::frexp(a, &e2);
  uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
  int k = e2 - 53;  // a == mant * 2^k
  while (k < 0 && (mant & 1) == 0) {
    mant >>= 1;
    ++k;
  }
  int frac = k < 0 ? -k : 0;
  char buf[1500];
  std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed, frac);
  Digits out;
  const char* p = buf;
  int whole = 0;  // whole-part digits seen
  bool in_frac = false;
  int lead_frac_zeros = 0;
  for (; p < r.ptr; ++p) {
    if (*p == '.') {
      in_frac = true;
      continue;
    }
    if (out.d.empty() && *p == '0') {
      if (in_frac) ++lead_frac_zeros;
      continue;
    }
    if (!in_frac) ++whole;
    out.d.push_back(*p);
  }
  out.exp10 = whole > 0 ? whole - 1 : -lead_frac_zeros - 1;
  while (out.d.size() > 1 && out.d.back() == '0') out.d.pop_back();
  return out;
}

// Rounds the exact digits `x` keeping `keep` digits (keep <= 0: the cut lies left of
// the first digit), ties to even. Rounding down keeps the cut digits' zeros (and with
// `pad` fills zeros up to the cut, as digit generation towards min_digits does);
// rounding up drops the zeros a carry leaves; a result of zero is "0" at the last
// kept position (I1, I3).
Digits round_at(const Digits& x, int keep, bool pad) {
  const int n = static_cast<int>(x.d.size());
  if (keep >= n) {
    Digits r = x;
    if (pad) r.d.append(static_cast<size_t>(keep - n), '0');
    return r;
  }
  const int last_pos = x.exp10 - keep + 1;  // exponent of the last kept digit
  bool up;
  if (keep < 0) {
    up = false;
  } else {
    char c = x.d[static_cast<size_t>(keep)];
    bool more = n > keep + 1;  // x has no trailing zeros: anything after is nonzero
    if (c != '5')
      up = c > '5';
    else if (more)
      up = true;
    else
      up = keep > 0 && ((x.d[static_cast<size_t>(keep - 1)] - '0') & 1);
  }
  if (!up) {
    if (keep <= 0) return {"0", last_pos};
    return {x.d.substr(0, static_cast<size_t>(keep)), x.exp10};
  }
  if (keep <= 0) return {"1", last_pos};
  int pos = keep - 1;
  while (pos >= 0 && x.d[static_cast<size_t>(pos)] == '9') --pos;
  if (pos < 0) return {"1", x.exp10 + 1};
  Digits r{x.d.substr(0, static_cast<size_t>(pos) + 1), x.exp10};
  r.d.back() = static_cast<char>(r.d.back() + 1);
  return r;
}

// Picks the digits to print (I1, I2); `want` is the zero-padding target (fraction
// digits, or significant digits when positional and !fractional).
Digits choose_digits(double a, bool is_f32, const FloatFormat& f, bool scientific, int& want) {
  const bool frac_cut = !scientific && f.fractional;
  // Digits kept by a cutoff at `digits` (fraction digits / significant digits).
  auto keep_for = [&](const Digits& x, int digits) {
    if (scientific) return digits + 1;
    return frac_cut ? x.exp10 + 1 + digits : digits;
  };
  if (!f.unique) {
    want = f.precision;
    Digits x = exact_digits(a);
    return round_at(x, keep_for(x, f.precision), false);
  }
  want = f.min_digits;
  Digits s = shortest_digits(a, is_f32);
  if (a == 0) return s;
  // Where the shortest digits end against where a cutoff lies, as a position that
  // grows to the right: minus the exponent of the last digit for a fractional cutoff
  // (a cutoff at 2 fraction digits ends at 2), the digit count otherwise.
  const int n = static_cast<int>(s.d.size());
  const int s_end = frac_cut ? n - 1 - s.exp10 : scientific ? n - 1 : n;
  if (f.precision >= 0 && s_end > f.precision) {
    Digits x = exact_digits(a);
    return round_at(x, keep_for(x, f.precision), false);
  }
  if (f.min_digits >= 0 && s_end < f.min_digits) {
    Digits x = exact_digits(a);
    return round_at(x, keep_for(x, f.min_digits), true);
  }
  return s;
}

bool append_non_finite(std::string& out, double v, const FloatFormat& f) {
  if (std::isnan(v)) {
    out += "nan";
    return true;
  }
  if (std::isinf(v)) {
    out += v < 0 ? "-inf" : f.sign ? "+inf" : "inf";
    return true;
  }
  return false;
}

// Shared tail of both notations: pads `frac` with zeros to `want` digits (trim Keep)
// or strips its trailing zeros (other trims; Zero leaves one). Returns whether the
// point is written: NoDot drops it when no fraction digit is left — in scientific
// notation only when there were none to begin with ('1.e-01' for 0.1 rounded to
// '1.000' but '5e-01' for 0.5).
bool finish_fraction(std::string& frac, int want, Trim trim, bool scientific) {
  if (trim == Trim::Keep) {
    if (want > static_cast<int>(frac.size()))
      frac.append(static_cast<size_t>(want) - frac.size(), '0');
    return true;
  }
  const bool had_digits = !frac.empty();
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (frac.empty() && trim == Trim::Zero) frac = "0";
  if (trim != Trim::NoDot || !frac.empty()) return true;
  return scientific && had_digits;
}

}  // namespace

void append_positional(std::string& out, double v, bool is_f32, const FloatFormat& f) {
  if (append_non_finite(out, v, f)) return;
  const bool neg = std::signbit(v);
  const bool has_sign = neg || f.sign;
  int want = -1;
  Digits dg = choose_digits(std::fabs(v), is_f32, f, false, want);
  std::string whole, frac;
  const int n = static_cast<int>(dg.d.size());
  if (dg.exp10 >= 0) {
    size_t w = static_cast<size_t>(dg.exp10) + 1;
    whole = dg.d.substr(0, std::min(w, dg.d.size()));
    if (whole.size() < w) whole.append(w - whole.size(), '0');
    if (n > dg.exp10 + 1) frac = dg.d.substr(w);
  } else {
    whole = "0";
    frac.assign(static_cast<size_t>(-dg.exp10 - 1), '0');
    frac += dg.d;
  }
  if (!f.fractional && want >= 0) want -= static_cast<int>(whole.size());
  bool point = finish_fraction(frac, want, f.trim, false);
  int nwhole = static_cast<int>(whole.size()) + (has_sign ? 1 : 0);
  if (f.pad_left > nwhole) out.append(static_cast<size_t>(f.pad_left - nwhole), ' ');
  if (has_sign) out.push_back(neg ? '-' : '+');
  out += whole;
  if (point) out.push_back('.');
  out += frac;
  int nfrac = static_cast<int>(frac.size());
  if (f.pad_right >= nfrac) {
    if (!point) out.push_back(' ');
    out.append(static_cast<size_t>(f.pad_right - nfrac), ' ');
  }
}

void append_scientific(std::string& out, double v, bool is_f32, const FloatFormat& f) {
  if (append_non_finite(out, v, f)) return;
  const bool neg = std::signbit(v);
  const bool has_sign = neg || f.sign;
  int want = -1;
  Digits dg = choose_digits(std::fabs(v), is_f32, f, true, want);
  std::string frac = dg.d.substr(1);
  bool point = finish_fraction(frac, want, f.trim, true);
  int nwhole = 1 + (has_sign ? 1 : 0);
  if (f.pad_left > nwhole) out.append(static_cast<size_t>(f.pad_left - nwhole), ' ');
  if (has_sign) out.push_back(neg ? '-' : '+');
  out.push_back(dg.d[0]);
  if (point) out.push_back('.');
  out += frac;
  int e = dg.d[0] == '0' ? 0 : dg.exp10;
  out.push_back('e');
  out.push_back(e < 0 ? '-' : '+');
  // NumPy writes no digit for a zero exponent before padding ('1.5e+' with
  // exp_digits=0).
  std::string ed = e == 0 ? std::string() : std::to_string(e < 0 ? -e : e);
  int width = f.exp_digits >= 0 ? f.exp_digits : 2;
  if (static_cast<int>(ed.size()) < width) out.append(static_cast<size_t>(width) - ed.size(), '0');
  out += ed;
}

std::string float_scalar_repr(double v, bool is_f32) {
  double a = std::fabs(v);
  FloatFormat f;
  if (a == 0 || (a >= 1e-4 && a < 1e16) || !std::isfinite(v)) {
    f.trim = Trim::Zero;
    return format_positional(v, is_f32, f);
  }
  f.trim = Trim::NoDot;
  return format_scientific(v, is_f32, f);
}

std::string complex_scalar_repr(double re, double im) {
  FloatFormat f;
  f.trim = Trim::NoDot;
  auto part = [&](double x, bool sign) {
    double a = std::fabs(x);
    if (std::isnan(x)) return std::string(sign ? "+nan" : "nan");
    if (std::isinf(x)) return std::string(x < 0 ? "-inf" : sign ? "+inf" : "inf");
    FloatFormat g = f;
    g.sign = sign;
    if (a == 0 || (a >= 1e-4 && a < 1e16)) return format_positional(x, false, g);
    return format_scientific(x, false, g);
  };
  if (re == 0 && !std::signbit(re)) return part(im, false) + "j";
  return "(" + part(re, false) + part(im, true) + "j)";
}

}  // namespace pyjitvm::stdlib::np
