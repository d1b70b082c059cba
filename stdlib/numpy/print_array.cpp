// stdlib/numpy/print_array.cpp — the printing area's Python surface: repr/str/format
// of ndarrays, np.set_printoptions / get_printoptions / printoptions, array2string,
// array_repr, array_str, format_float_positional / format_float_scientific.
//
// Stage: install_printing() during `import numpy` (numpy_internal.h); the text itself
// comes from print_format.cpp and print_float.cpp.
//
// Invariants:
//   I1  The options live in state(vm).print; the two that are Python objects (the
//       formatter dict, the threshold as given) live in state.extra under
//       "print.formatter" / "print.threshold" — options_dict() rebuilds
//       get_printoptions()'s dict from them in NumPy's key order.
//   I2  Option arguments are validated before anything changes (set_options() works on
//       a copy), with NumPy's messages for the checks NumPy makes.
//   I3  Values that a custom formatter could drop from the options while it runs
//       (np.set_printoptions inside the formatter) are rooted for the call (Rooted).
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/print.h"
#include "stdlib/numpy/print_float.h"
#include "stdlib/numpy/print_format.h"
#include "stdlib/numpy/scalar.h"
#include "vm/builtin_types.h"
#include "vm/dict_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

Dict* extra_dict(VM& vm) {
  NumpyState& st = state(vm);
  if (!st.extra) st.extra = vm.new_dict();
  return static_cast<Dict*>(st.extra);
}

Value extra_get(VM& vm, const char* key) { return dict_get_str(extra_dict(vm), vm.intern(key)); }
// Undef removes the entry.
void extra_set(VM& vm, const char* key, Value v) {
  if (v.is_undef())
    dict_del_str(extra_dict(vm), vm.intern(key));
  else
    dict_set_str(vm.heap(), extra_dict(vm), vm.intern(key), v);
}

bool given(Value v) { return !v.is_undef() && !v.is_none(); }

bool str_arg(Value v, std::string& out) {
  if (!is_kind(v, Kind::Str)) return false;
  out = std::string(as_str(v)->view());
  return true;
}

// ---------------------------------------------------------------- option parsing

// The option arguments NumPy's _make_options_dict takes (Undef/None: not given).
struct OptionArgs {
  Value precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr, sign, floatmode,
      legacy;
};

// An integer-valued width option (linewidth, edgeitems): ints, or floats floored (a
// float width compares like its floor).
bool width_option(VM& vm, Value v, const char* name, int& out) {
  double d;
  if (v.is_float()) {
    d = std::floor(v.as_float());
    if (!(d > -1e9 && d < 1e9))
      return !failed(vm.raise_fmt(vm.exc().ValueError, "%s is out of range", name));
    out = static_cast<int>(d);
    return true;
  }
  int64_t i;
  if (!index_of(vm, v, i)) {
    vm.clear_pending();
    vm.raise_fmt(vm.exc().TypeError, "%s must be an integer", name);
    return false;
  }
  out = static_cast<int>(std::clamp<int64_t>(i, -1000000000, 1000000000));
  return true;
}

bool threshold_option(VM& vm, Value v, int64_t& out) {
  ScalarClass c = classify(vm, v);
  bool numeric = c == ScalarClass::PyBool || c == ScalarClass::PyInt || c == ScalarClass::PyFloat ||
                 (c == ScalarClass::NpScalar && !is_complex(as_np_scalar(v)->dtype));
  if (!numeric) return !failed(vm.raise(vm.exc().TypeError, "threshold must be numeric"));
  double d;
  if (!to_double(vm, v, d)) return false;
  if (std::isnan(d))
    return !failed(
        vm.raise(vm.exc().ValueError,
                 "threshold must be non-NAN, try sys.maxsize for untruncated representation"));
  int64_t i;
  if ((c == ScalarClass::PyInt || c == ScalarClass::PyBool) && index_of(vm, v, i)) {
    out = i;
    return true;
  }
  vm.clear_pending();
  d = std::floor(d);  // size > t  <=>  size > floor(t)
  out = d >= 9.2e18 ? INT64_MAX : d <= -9.2e18 ? INT64_MIN : static_cast<int64_t>(d);
  return true;
}

// NumPy's legacy argument: false → none, '1.13' → 113, '1.21' → 121. Anything else
// is ignored (NumPy warns).
void legacy_option(Value v, int& legacy) {
  if ((v.is_bool() && !v.as_bool()) || (v.is_int() && v.as_int() == 0) ||
      (v.is_float() && v.as_float() == 0)) {
    legacy = kLegacyNone;
    return;
  }
  std::string s;
  if (str_arg(v, s) && (s == "1.13" || s == "1.21")) legacy = s == "1.13" ? 113 : 121;
}

// Applies the given arguments to `o` (I2). `threshold_obj` receives the threshold as
// given, when it is.
bool set_options(VM& vm, const OptionArgs& a, PrintOptions& o, Value& threshold_obj) {
  std::string s;
  if (given(a.floatmode)) {
    if (!str_arg(a.floatmode, s) ||
        (s != "fixed" && s != "unique" && s != "maxprec" && s != "maxprec_equal"))
      return !failed(vm.raise(
          vm.exc().ValueError,
          "floatmode option must be one of \"fixed\", \"unique\", \"maxprec\", \"maxprec_equal\""));
    o.floatmode = s;
  }
  if (given(a.sign)) {
    if (!str_arg(a.sign, s) || (s != "-" && s != "+" && s != " "))
      return !failed(vm.raise(vm.exc().ValueError, "sign option must be one of ' ', '+', or '-'"));
    o.sign = s[0];
  }
  if (given(a.legacy)) legacy_option(a.legacy, o.legacy);
  if (given(a.threshold)) {
    if (!threshold_option(vm, a.threshold, o.threshold)) return false;
    threshold_obj = a.threshold;
  }
  if (given(a.precision)) {
    int64_t p;
    if (a.precision.is_float() || !index_of(vm, a.precision, p)) {
      vm.clear_pending();
      return !failed(vm.raise(vm.exc().TypeError, "precision must be an integer"));
    }
    o.precision = static_cast<int>(std::clamp<int64_t>(p, -1000000, 1000000));
  }
  if (given(a.suppress)) {
    int t = truthy(vm, a.suppress);
    if (t < 0) return false;
    o.suppress = t;
  }
  if (given(a.edgeitems) && !width_option(vm, a.edgeitems, "edgeitems", o.edgeitems)) return false;
  if (given(a.linewidth) && !width_option(vm, a.linewidth, "linewidth", o.linewidth)) return false;
  if (given(a.nanstr) && !str_arg(a.nanstr, o.nanstr))
    return !failed(vm.raise(vm.exc().TypeError, "nanstr must be a string"));
  if (given(a.infstr) && !str_arg(a.infstr, o.infstr))
    return !failed(vm.raise(vm.exc().TypeError, "infstr must be a string"));
  return true;
}

// get_printoptions()'s dict (I1).
Value options_dict(VM& vm) {
  const PrintOptions& o = state(vm).print;
  Dict* d = vm.new_dict();
  VM::TempRoot keep(vm, d);
  auto put = [&](const char* k, Value v) { dict_set_str(vm.heap(), d, vm.intern(k), v); };
  put("edgeitems", Value::from_int(o.edgeitems));
  Value thr = extra_get(vm, "print.threshold");
  put("threshold", thr.is_undef() ? Value::from_int(o.threshold) : thr);
  put("floatmode", vm.str(o.floatmode));
  put("precision", Value::from_int(o.precision));
  put("suppress", Value::from_bool(o.suppress));
  put("linewidth", Value::from_int(o.linewidth));
  put("nanstr", vm.str(o.nanstr));
  put("infstr", vm.str(o.infstr));
  put("sign", vm.str(std::string(1, o.sign)));
  Value fm = extra_get(vm, "print.formatter");
  put("formatter", fm.is_undef() ? Value::none() : fm);
  put("legacy", o.legacy == 113   ? vm.str("1.13")
                : o.legacy == 121 ? vm.str("1.21")
                                  : Value::from_bool(false));
  return Value::from_obj(d);
}

// ---------------------------------------------------------------- numpy functions

Value f_set_printoptions(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{
      "set_printoptions",
      {"precision=", "threshold=", "edgeitems=", "linewidth=", "suppress=", "nanstr=", "infstr=",
       "formatter=", "sign=", "floatmode=", "*", "legacy="}};
  Value p[11];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  OptionArgs a{p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[8], p[9], p[10]};
  PrintOptions o = state(vm).print;
  Value thr;
  if (!set_options(vm, a, o, thr)) return Value();
  if (o.legacy == 113) o.sign = '-';
  state(vm).print = o;
  if (!thr.is_undef()) extra_set(vm, "print.threshold", thr.is_int() ? Value() : thr);
  extra_set(vm, "print.formatter", given(p[7]) ? p[7] : Value());
  return Value::none();
}

// A Python function in NumPy, hence CPython's wording for Python functions.
Value f_get_printoptions(VM& vm, const CallArgs& args) {
  if (args.nkw()) {
    Value k = args.kwnames->items()[0];
    return vm.raise_fmt(vm.exc().TypeError,
                        "get_printoptions() got an unexpected keyword argument '%s'",
                        as_str(k)->data());
  }
  if (args.argc != 0)
    return vm.raise_fmt(vm.exc().TypeError,
                        "get_printoptions() takes 0 positional arguments but %u %s given",
                        args.argc, args.argc == 1 ? "was" : "were");
  return options_dict(vm);
}

// The array argument of array2string / array_repr / array_str: arrays, NumPy scalars
// (as 0-d arrays); anything else fails on `attr` as NumPy's attribute access does.
NDArray* array_arg(VM& vm, Value v, const char* attr) {
  if (is_ndarray(vm, v)) return as_ndarray(v);
  if (is_np_scalar(vm, v)) return as_array(vm, v);
  vm.raise_fmt(vm.exc().AttributeError, "'%s' object has no attribute '%s'", type_name(vm, v),
               attr);
  return nullptr;
}

Value text_result(VM& vm, bool ok, const std::string& s) { return ok ? vm.str(s) : Value(); }

Value f_array2string(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{
      "array2string",
      {"a", "max_line_width=", "precision=", "suppress_small=", "separator=", "prefix=", "style=",
       "formatter=", "threshold=", "edgeitems=", "sign=", "floatmode=", "suffix=", "*", "legacy="}};
  Value p[14];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a = array_arg(vm, p[0], "size");
  if (!a) return Value();
  VM::TempRoot keep_a(vm, a);
  Array2StringArgs x = current_args(vm);
  OptionArgs o{p[2], p[8], p[9], p[1], p[3], Value(), Value(), p[10], p[11], p[13]};
  Value thr;
  if (!set_options(vm, o, x.opts, thr)) return Value();
  if (given(p[7])) x.formatter = p[7];
  VM::TempRoot keep_f(vm, x.formatter);
  auto text = [&](Value v, const char* what, std::string& out) {
    if (v.is_undef()) return true;
    if (str_arg(v, out)) return true;
    vm.raise_fmt(vm.exc().TypeError, "%s must be a string, not %s", what, type_name(vm, v));
    return false;
  };
  if (!text(p[4], "separator", x.separator) || !text(p[5], "prefix", x.prefix) ||
      !text(p[12], "suffix", x.suffix))
    return Value();
  std::string out;
  return text_result(vm, array2string(vm, a, x, out), out);
}

// array_repr / array_str: (a, max_line_width=None, precision=None, suppress_small=None).
Value repr_or_str(VM& vm, const CallArgs& args, bool is_repr) {
  static const ArgSpec kRepr{"array_repr",
                             {"arr", "max_line_width=", "precision=", "suppress_small="}};
  static const ArgSpec kStr{"array_str", {"a", "max_line_width=", "precision=", "suppress_small="}};
  Value p[4];
  if (!parse_args(vm, args, is_repr ? kRepr : kStr, p)) return Value();
  NDArray* a = array_arg(vm, p[0], is_repr ? "dtype" : "shape");
  if (!a) return Value();
  VM::TempRoot keep_a(vm, a);
  Array2StringArgs x = current_args(vm);
  VM::TempRoot keep_f(vm, x.formatter);
  OptionArgs o{p[2], Value(), Value(), p[1], p[3], Value(), Value(), Value(), Value(), Value()};
  Value thr;
  if (!set_options(vm, o, x.opts, thr)) return Value();
  std::string out;
  bool ok = is_repr ? array_repr_text(vm, a, x, out) : array_str_text(vm, a, x, out);
  return text_result(vm, ok, out);
}

Value f_array_repr(VM& vm, const CallArgs& args) { return repr_or_str(vm, args, true); }
Value f_array_str(VM& vm, const CallArgs& args) { return repr_or_str(vm, args, false); }

// ---------------------------------------------------------------- format_float_*

// `None` → -1; negative → ValueError "<name> must be >= 0".
bool count_arg(VM& vm, Value v, const char* name, int& out) {
  out = -1;
  if (!given(v)) return true;
  int64_t i;
  if (v.is_float())
    return !failed(vm.raise(vm.exc().TypeError, "integer argument expected, got float"));
  if (!index_of(vm, v, i)) return false;
  if (i < 0) return !failed(vm.raise_fmt(vm.exc().ValueError, "%s must be >= 0", name));
  out = static_cast<int>(std::min<int64_t>(i, 100000));
  return true;
}

bool flag_arg(VM& vm, Value v, bool def, bool& out) {
  out = def;
  if (v.is_undef()) return true;
  int t = truthy(vm, v);
  if (t < 0) return false;
  out = t;
  return true;
}

bool trim_arg(VM& vm, Value v, Trim& out) {
  out = Trim::Keep;
  if (v.is_undef()) return true;
  std::string s;
  if (str_arg(v, s) && s.size() == 1 && (s == "k" || s == "." || s == "0" || s == "-")) {
    out = static_cast<Trim>(s[0]);
    return true;
  }
  Value sv = to_str(vm, v);
  if (failed(sv)) return false;
  std::string shown(as_str(sv)->view());
  size_t n = text_len(shown);
  if (n < 100) shown.insert(0, 100 - n, ' ');
  vm.raise(vm.exc().TypeError,
           "if supplied, trim must be 'k', '.', '0' or '-' found `" + shown + "`");
  return false;
}

// The value to format: float32 scalars keep their type, everything real → double.
bool float_arg(VM& vm, Value v, double& out, bool& is_f32) {
  is_f32 = false;
  if (is_np_scalar(vm, v)) {
    NpScalar* s = as_np_scalar(v);
    if (s->dtype == DType::Float32) {
      is_f32 = true;
      out = static_cast<double>(s->get<float>());
      return true;
    }
    if (s->dtype == DType::Complex128) {  // NumPy warns (ComplexWarning) and drops .imag
      out = s->get<c128>().real();
      return true;
    }
  }
  if (v.is_float() || v.is_int() || v.is_bool() || is_kind(v, Kind::BigInt) ||
      is_np_scalar(vm, v) || is_ndarray(vm, v))
    return to_double(vm, v, out);
  vm.raise_fmt(vm.exc().TypeError, "must be real number, not %s", type_name(vm, v));
  return false;
}

// Shared checks of format_float_positional / format_float_scientific; p[] holds
// precision, unique, trim, sign, pad_left and min_digits.
bool common_float_args(VM& vm, Value precision, Value unique, Value trim, Value sign,
                       Value pad_left, Value min_digits, FloatFormat& f) {
  if (!count_arg(vm, precision, "precision", f.precision) ||
      !flag_arg(vm, unique, true, f.unique) || !trim_arg(vm, trim, f.trim) ||
      !flag_arg(vm, sign, false, f.sign) || !count_arg(vm, pad_left, "pad_left", f.pad_left) ||
      !count_arg(vm, min_digits, "min_digits", f.min_digits))
    return false;
  return true;
}

bool check_float_args(VM& vm, const FloatFormat& f) {
  if (f.min_digits > 0 && f.precision > 0 && f.min_digits > f.precision)
    return !failed(
        vm.raise(vm.exc().ValueError, "min_digits must be less than or equal to precision"));
  if (!f.unique && f.precision < 0)
    return !failed(vm.raise(vm.exc().TypeError, "in non-unique mode `precision` must be supplied"));
  return true;
}

Value f_format_float_positional(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"format_float_positional",
                             {"x", "precision=", "unique=", "fractional=", "trim=", "sign=",
                              "pad_left=", "pad_right=", "min_digits="}};
  Value p[9];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  FloatFormat f;
  if (!common_float_args(vm, p[1], p[2], p[4], p[5], p[6], p[8], f) ||
      !count_arg(vm, p[7], "pad_right", f.pad_right) || !flag_arg(vm, p[3], true, f.fractional))
    return Value();
  if (!f.fractional && f.precision == 0)
    return vm.raise(vm.exc().ValueError, "precision must be greater than 0 if fractional=False");
  if (!check_float_args(vm, f)) return Value();
  double x;
  bool f32;
  if (!float_arg(vm, p[0], x, f32)) return Value();
  return vm.str(format_positional(x, f32, f));
}

Value f_format_float_scientific(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{
      "format_float_scientific",
      {"x", "precision=", "unique=", "trim=", "sign=", "pad_left=", "exp_digits=", "min_digits="}};
  Value p[8];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  FloatFormat f;
  if (!common_float_args(vm, p[1], p[2], p[3], p[4], p[5], p[7], f) ||
      !count_arg(vm, p[6], "exp_digits", f.exp_digits))
    return Value();
  if (!check_float_args(vm, f)) return Value();
  double x;
  bool f32;
  if (!float_arg(vm, p[0], x, f32)) return Value();
  return vm.str(format_scientific(x, f32, f));
}

// ---------------------------------------------------------------- ndarray slots

Value array_repr_slot(VM& vm, Value self) {
  std::string out;
  return text_result(vm, array_repr(vm, as_ndarray(self), out), out);
}

Value array_str_slot(VM& vm, Value self) {
  std::string out;
  return text_result(vm, array_str(vm, as_ndarray(self), out), out);
}

// ndarray.__format__: 0-d arrays format their scalar; others only with an empty spec.
Value array_format_slot(VM& vm, Value self, Str* spec) {
  NDArray* a = as_ndarray(self);
  if (a->ndim == 0) {
    Value s = box_scalar(vm, a->dtype, a->data);
    VM::TempRoot keep(vm, s);
    return format(vm, s, spec);
  }
  if (spec->nbytes != 0)
    return vm.raise(vm.exc().TypeError,
                    "unsupported format string passed to numpy.ndarray.__format__");
  return to_str(vm, self);
}

// np.printoptions: NumPy's contextlib context manager, as a small class.
const char kPrintoptionsSource[] =
    "class printoptions:\n"
    "    def __init__(self, *args, **kwargs):\n"
    "        self._args = args\n"
    "        self._kwargs = kwargs\n"
    "    def __enter__(self):\n"
    "        self._saved = get_printoptions()\n"
    "        try:\n"
    "            set_printoptions(*self._args, **self._kwargs)\n"
    "        except BaseException:\n"
    "            set_printoptions(**self._saved)\n"
    "            raise\n"
    "        return get_printoptions()\n"
    "    def __exit__(self, *exc):\n"
    "        set_printoptions(**self._saved)\n"
    "        return False\n";

const MethodDef kFunctions[] = {
    {"set_printoptions", f_set_printoptions},
    {"get_printoptions", f_get_printoptions},
    {"array2string", f_array2string},
    {"array_repr", f_array_repr},
    {"array_str", f_array_str},
    {"format_float_positional", f_format_float_positional},
    {"format_float_scientific", f_format_float_scientific},
};

}  // namespace

Array2StringArgs current_args(VM& vm) {
  Array2StringArgs a;
  a.opts = state(vm).print;
  a.formatter = extra_get(vm, "print.formatter");
  return a;
}

bool array_repr(VM& vm, NDArray* a, std::string& out) {
  Array2StringArgs x = current_args(vm);
  VM::TempRoot keep(vm, x.formatter);
  return array_repr_text(vm, a, x, out);
}

bool array_str(VM& vm, NDArray* a, std::string& out) {
  Array2StringArgs x = current_args(vm);
  VM::TempRoot keep(vm, x.formatter);
  return array_str_text(vm, a, x, out);
}

std::string scalar_repr(VM& vm, DType d, const void* p) {
  return scalar_text(state(vm).print, d, p, true);
}

void install_printing(VM& vm, NumpyState& st) {
  st.ndarray->slots.repr = array_repr_slot;
  st.ndarray->slots.str = array_str_slot;
  st.ndarray->slots.format = array_format_slot;
  install_scalar_printing(vm, st);
  add_module_functions(vm, st, kFunctions);
  vm.exec_module(kPrintoptionsSource, "<numpy>", st.module);
}

}  // namespace pyjitvm::stdlib::np
