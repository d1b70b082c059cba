// vm/str_format.cpp — str.format and str.format_map: the replacement-field language.
//
// Stage: format string + positional args / keyword args (or a mapping) → text. Each
// replacement field {name.attr[key]!conv:spec} is parsed and rendered in one left-to-
// right pass; values are formatted through their type's `format` slot (vm::format), so
// numbers get vm/numfmt's CPython-exact text.
//
// Invariants:
//   I1  Errors appear in CPython's order: a field is only parsed when the pass reaches
//       it, and within a field the object lookup (each .attr / [key] in turn), then the
//       conversion, then the expansion of a nested spec, then format() run —
//       `Formatter::render_field()`.
//   I2  A spec containing '{' is rendered as a format string one level deeper; the top
//       level is depth 2 and rendering at depth 0 is "Max string recursion exceeded" —
//       `Formatter::render()`.
//   I3  Automatic ({}) and manual ({0}) numbering cannot be mixed within one call, nested
//       specs included — `Formatter::positional()`.
//   I4  The object being rendered stays rooted while nested specs run Python code
//       (`VM::TempRoot` in `render_field()`).
#include <cstdio>
#include <string>

#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/numfmt.h"
#include "vm/ops.h"
#include "vm/str_methods_internal.h"

namespace pyjitvm::vm {
namespace {

// The parts of one replacement field, as views into the format string.
struct Field {
  std::string_view name;  // "0.attr[key]", "" for automatic numbering
  char32_t conversion = 0;
  std::string_view spec;
  bool spec_has_fields = false;
};

class Formatter {
 public:
  // format(): positional values pos[0..npos) and keywords; format_map(): `mapping`.
  Formatter(VM& vm, const Value* pos, size_t npos, Tuple* kwnames, const Value* kwvalues,
            Value mapping)
      : vm_(vm), pos_(pos), npos_(npos), kwnames_(kwnames), kwvalues_(kwvalues),
        mapping_(mapping) {}

  bool render(std::string_view fmt, int depth, std::string& out);

 private:
  bool error(const char* msg) {
    vm_.raise(vm_.exc().ValueError, msg);
    return false;
  }
  bool parse_field(std::string_view fmt, size_t& i, Field& f);
  bool parse_spec(std::string_view fmt, size_t& i, Field& f);
  bool render_field(const Field& f, int depth, std::string& out);
  bool lookup(std::string_view name, Value& obj);
  bool positional(int64_t index, bool automatic, Value& obj);
  bool keyword(std::string_view key, Value& obj);
  bool convert(char32_t conversion, Value& obj);
  bool format_value(Value obj, std::string_view spec, std::string& out);

  VM& vm_;
  const Value* pos_;
  size_t npos_;
  Tuple* kwnames_;
  const Value* kwvalues_;
  Value mapping_;  // Undef for str.format
  enum class Numbering : uint8_t { kUnknown, kAuto, kManual } numbering_ = Numbering::kUnknown;
  int64_t next_auto_ = 0;
};

// A decimal index: every code point a Unicode decimal digit. -1: not an index, -2: too
// many digits (ValueError set).
int64_t parse_index(VM& vm, std::string_view s) {
  if (s.empty()) return -1;
  int64_t v = 0;
  bool overflow = false;
  for (size_t p = 0; p < s.size();) {
    int d = unicode_decimal(utf8_decode(s, p));
    if (d < 0) return -1;
    if (v > (INT64_MAX - d) / 10) overflow = true;
    if (!overflow) v = v * 10 + d;
  }
  if (overflow) {
    vm.raise(vm.exc().ValueError, "Too many decimal digits in format string");
    return -2;
  }
  return v;
}

bool Formatter::render(std::string_view fmt, int depth, std::string& out) {
  if (depth <= 0) return error("Max string recursion exceeded");
  size_t i = 0, n = fmt.size();
  while (i < n) {
    size_t brace = fmt.find_first_of("{}", i);
    if (brace == std::string_view::npos) {
      out.append(fmt, i, std::string_view::npos);
      break;
    }
    out.append(fmt, i, brace - i);
    i = brace + 1;
    char c = fmt[brace];
    if (i < n && fmt[i] == c) {  // "{{" or "}}"
      out.push_back(c);
      ++i;
      continue;
    }
    if (c == '}') return error("Single '}' encountered in format string");
    if (i >= n) return error("Single '{' encountered in format string");
    Field f;
    if (!parse_field(fmt, i, f) || !render_field(f, depth, out)) return false;
  }
  return true;
}

// Parses a field from just after its '{' to just after its '}'.
bool Formatter::parse_field(std::string_view fmt, size_t& i, Field& f) {
  size_t n = fmt.size(), start = i;
  for (; i < n; ++i) {
    char c = fmt[i];
    if (c == '[') {
      while (i < n && fmt[i] != ']') ++i;
      if (i >= n) break;
    } else if (c == '{') {
      return error("unexpected '{' in field name");
    } else if (c == '}' || c == ':' || c == '!') {
      break;
    }
  }
  if (i >= n) return error("expected '}' before end of string");
  f.name = fmt.substr(start, i - start);
  char c = fmt[i++];
  if (c == '}') return true;
  if (c == '!') {
    if (i >= n) return error("end of string while looking for conversion specifier");
    f.conversion = utf8_decode(fmt, i);
    if (i >= n) return error("unmatched '{' in format spec");
    c = fmt[i++];
    if (c == '}') return true;
    if (c != ':') return error("expected ':' after conversion specifier");
  }
  return parse_spec(fmt, i, f);
}

// The spec runs to the '}' that balances the field's '{'.
bool Formatter::parse_spec(std::string_view fmt, size_t& i, Field& f) {
  size_t start = i;
  int depth = 1;
  for (; i < fmt.size(); ++i) {
    if (fmt[i] == '{') {
      ++depth;
      f.spec_has_fields = true;
    } else if (fmt[i] == '}' && --depth == 0) {
      f.spec = fmt.substr(start, i - start);
      ++i;
      return true;
    }
  }
  return error("unmatched '{' in format spec");
}

bool Formatter::positional(int64_t index, bool automatic, Value& obj) {
  if (automatic) {
    if (numbering_ == Numbering::kManual)
      return error("cannot switch from manual field specification to automatic field numbering");
    numbering_ = Numbering::kAuto;
    index = next_auto_++;
  } else {
    if (numbering_ == Numbering::kAuto)
      return error("cannot switch from automatic field numbering to manual field specification");
    numbering_ = Numbering::kManual;
  }
  if (!mapping_.is_undef()) return error("Format string contains positional fields");
  if (index >= static_cast<int64_t>(npos_)) {
    vm_.raise_fmt(vm_.exc().IndexError,
                  "Replacement index %lld out of range for positional args tuple",
                  static_cast<long long>(index));
    return false;
  }
  obj = pos_[index];
  return true;
}

bool Formatter::keyword(std::string_view key, Value& obj) {
  if (!mapping_.is_undef()) {
    obj = getitem(vm_, mapping_, vm_.str(key));
    return !failed(obj);
  }
  size_t nkw = kwnames_ ? kwnames_->len : 0;
  for (size_t k = 0; k < nkw; ++k) {
    if (as_str((*kwnames_)[k])->view() == key) {
      obj = kwvalues_[k];
      return true;
    }
  }
  vm_.raise_with_args(vm_.exc().KeyError, vm_.str(key));
  return false;
}

// Resolves "first.attr[key]..." to an object, one step at a time.
bool Formatter::lookup(std::string_view name, Value& obj) {
  size_t k = name.find_first_of(".[");
  if (k == std::string_view::npos) k = name.size();
  std::string_view first = name.substr(0, k);
  if (first.empty()) {
    if (!positional(0, true, obj)) return false;
  } else {
    int64_t index = parse_index(vm_, first);
    if (index == -2) return false;
    if (!(index >= 0 ? positional(index, false, obj) : keyword(first, obj))) return false;
  }
  VM::TempRoot root(vm_, obj);
  while (k < name.size()) {
    char c = name[k++];
    if (c == '.') {
      size_t end = name.find_first_of(".[", k);
      if (end == std::string_view::npos) end = name.size();
      if (end == k) return error("Empty attribute in format string");
      obj = getattr(vm_, obj, vm_.intern(name.substr(k, end - k)));
      k = end;
    } else if (c == '[') {
      size_t end = name.find(']', k);
      if (end == std::string_view::npos) return error("Missing ']' in format string");
      if (end == k) return error("Empty attribute in format string");
      std::string_view key = name.substr(k, end - k);
      int64_t index = parse_index(vm_, key);
      if (index == -2) return false;
      obj = getitem(vm_, obj, index >= 0 ? Value::from_int(index) : vm_.str(key));
      k = end + 1;
    } else {
      return error("Only '.' or '[' may follow ']' in format field specifier");
    }
    if (failed(obj)) return false;
    root.set(obj);
  }
  return true;
}

bool Formatter::convert(char32_t conversion, Value& obj) {
  switch (conversion) {
    case 0: return true;
    case 'r': obj = repr(vm_, obj); break;
    case 's': obj = to_str(vm_, obj); break;
    case 'a': obj = ascii(vm_, obj); break;
    default: {
      char buf[64];
      if (conversion > 32 && conversion < 127)
        std::snprintf(buf, sizeof buf, "Unknown conversion specifier %c",
                      static_cast<char>(conversion));
      else
        std::snprintf(buf, sizeof buf, "Unknown conversion specifier \\x%x",
                      static_cast<unsigned>(conversion));
      return error(buf);
    }
  }
  return !failed(obj);
}

bool Formatter::format_value(Value obj, std::string_view spec, std::string& out) {
  if (spec.empty()) {
    Type* t = vm_.type_of(obj);
    if (t == vm_.types().str) {
      out += as_str(obj)->view();
      return true;
    }
    if (obj.is_int()) {
      out += int_to_string(obj);
      return true;
    }
  }
  Value r = format(vm_, obj, spec.empty() ? vm_.intern("") : vm_.new_str(spec));
  if (failed(r)) return false;
  out += as_str(r)->view();
  return true;
}

bool Formatter::render_field(const Field& f, int depth, std::string& out) {
  Value obj;
  if (!lookup(f.name, obj)) return false;
  VM::TempRoot root(vm_, obj);
  if (!convert(f.conversion, obj)) return false;
  root.set(obj);
  if (!f.spec_has_fields) return format_value(obj, f.spec, out);
  std::string spec;
  if (!render(f.spec, depth - 1, spec)) return false;
  return format_value(obj, spec, out);
}

Value m_format(VM& vm, const CallArgs& a) {
  Str* s;
  if (!str_self(vm, a, "format", s)) return Value();
  Formatter f(vm, a.argv + 1, a.argc - 1, a.kwnames, a.argv + a.argc, Value());
  std::string out;
  if (!f.render(s->view(), 2, out)) return Value();
  return str_make(vm, out);
}

Value m_format_map(VM& vm, const CallArgs& a) {
  Str* s;
  if (!str_begin(vm, a, "format_map", StrArgs::kOneArg, 1, 1, s)) return Value();
  Formatter f(vm, nullptr, 0, nullptr, nullptr, a[1]);
  std::string out;
  if (!f.render(s->view(), 2, out)) return Value();
  return str_make(vm, out);
}

}  // namespace

void add_str_format_methods(VM& vm, Type* str_type) {
  static const MethodDef kMethods[] = {
      {"format", m_format},
      {"format_map", m_format_map},
  };
  add_methods(vm, str_type, kMethods);
}

}  // namespace pyjitvm::vm
