// stdlib/numpy/reductions.cpp — the reducing array methods and numpy functions: sum,
// prod, mean, std, var, min/max (amin/amax), argmin/argmax, cumsum/cumprod, any, all,
// ptp, the nan* functions and np.average, with NumPy 1.24's signatures and messages.
//
// Stage: install_reductions() during `import numpy` (numpy_internal.h); every call
// parses its arguments into a ReduceSpec and runs the engine (reduce_engine.cpp) or the
// statistics (reduce_stats.cpp).
//
// Invariants:
//   I1  A method (a.sum) and its function (np.sum) share one implementation; the
//       function converts its first argument with as_array() (np.sum([1, 2]) works),
//       the method parses like NumPy's Python-level _methods (`_sum() got an unexpected
//       keyword argument`) or C-level methods (argmax, cumsum) as NumPy does.
//   I2  axis= follows NumPy: None, an int or a tuple of ints; a list or bool raises
//       TypeError; out-of-range axes raise numpy.AxisError (convert.h normalize_axis).
//   I3  Results are NumPy scalars when 0-d without out= (reduce.h I4), arrays otherwise.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/reduce.h"
#include "stdlib/numpy/reduce_internal.h"
#include "stdlib/numpy/reduce_kernels.h"
#include "stdlib/numpy/scalar.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

bool given(Value v) { return !v.is_undef(); }

// parse_args() with the messages of a Python-level function (NumPy's fromnumeric and
// _methods functions, and its C methods parsed by npy_parse_arguments):
// "sum() got an unexpected keyword argument 'foo'", "... takes from 1 to 7 positional
// arguments but 8 were given", "... got multiple values for argument 'axis'".
bool parse_py_args(VM& vm, const CallArgs& args, const ArgSpec& spec, Value* out) {
  size_t nreq = 0;
  for (const ArgSpec::Param& p : spec.params)
    if (!p.kwonly && !p.star && !p.starstar && !p.optional) ++nreq;
  if (args.argc > spec.npos) {
    std::string takes = nreq == spec.npos ? std::to_string(nreq)
                                          : "from " + std::to_string(nreq) + " to " + std::to_string(spec.npos);
    vm.raise_fmt(vm.exc().TypeError, "%s() takes %s positional argument%s but %u %s given", spec.fname,
                 takes.c_str(), spec.npos == 1 ? "" : "s", args.argc, args.argc == 1 ? "was" : "were");
    return false;
  }
  const uint32_t nkw = args.nkw();
  for (uint32_t k = 0; k < nkw; ++k) {
    std::string_view name = as_str((*args.kwnames)[k])->view();
    size_t j = 0;
    while (j < spec.params.size() && spec.params[j].name != name) ++j;
    if (j == spec.params.size()) {
      vm.raise_fmt(vm.exc().TypeError, "%s() got an unexpected keyword argument '%s'", spec.fname,
                   std::string(name).c_str());
      return false;
    }
    if (j < args.argc) {
      vm.raise_fmt(vm.exc().TypeError, "%s() got multiple values for argument '%s'", spec.fname,
                   std::string(name).c_str());
      return false;
    }
  }
  if (args.argc < nreq && nkw == 0) {
    const ArgSpec::Param& p = spec.params[args.argc];
    vm.raise_fmt(vm.exc().TypeError, "%s() missing 1 required positional argument: '%.*s'", spec.fname,
                 static_cast<int>(p.name.size()), p.name.data());
    return false;
  }
  return parse_args(vm, args, spec, out);
}

// The array a method or function works on (I1).
NDArray* subject(VM& vm, Value v) {
  NDArray* a = as_array(vm, v);
  if (a) vm.root(Value::from_obj(a));
  return a;
}

bool parse_axes_arg(VM& vm, Value v, int ndim, std::vector<bool>& mask) {
  if (is_kind(v, Kind::List)) {
    vm.raise(vm.exc().TypeError, "'list' object cannot be interpreted as an integer");
    return false;
  }
  if (v.is_bool()) {
    vm.raise(vm.exc().TypeError, "an integer is required");
    return false;
  }
  return parse_axes(vm, v, ndim, mask);
}

bool parse_bool(VM& vm, Value v, bool& out) {
  out = false;
  if (!given(v)) return true;
  int t = truthy(vm, v);
  if (t < 0) return false;
  out = t;
  return true;
}

// axis, dtype, out, keepdims, initial, where → spec (each Undef when not an argument).
bool fill_spec(VM& vm, NDArray* a, Value axis, Value dtype, Value out, Value keepdims, Value initial,
               Value where, ReduceSpec& spec) {
  if (!parse_axes_arg(vm, given(axis) ? axis : Value::none(), a->ndim, spec.axes)) return false;
  if (!parse_optional_dtype(vm, dtype, spec.dtype)) return false;
  NDArray* o;
  if (!parse_out(vm, out, o)) return false;
  spec.out = o ? Value::from_obj(o) : Value();
  if (!parse_bool(vm, keepdims, spec.keepdims)) return false;
  spec.initial = initial;
  spec.where = where;
  return true;
}

Value run_reduce(VM& vm, NDArray* a, ReduceKind kind, const char* name, ReduceSpec& spec) {
  spec.kind = kind;
  spec.name = name;
  return reduce(vm, a, spec);
}

// ---- sum, prod (kind Add/Multiply), any, all (LogicalOr/And), amax, amin
struct RedInfo {
  ReduceKind kind;
  const char* ufunc;
};

Value reduce_sum_like(VM& vm, const Value* p, const RedInfo& info, bool has_dtype, bool has_initial) {
  NDArray* a = subject(vm, p[0]);
  if (!a) return Value();
  ReduceSpec spec;
  int i = 1;
  Value axis = p[i++];
  Value dtype = has_dtype ? p[i++] : Value();
  Value out = p[i++];
  Value keepdims = p[i++];
  Value initial = has_initial ? p[i++] : Value();
  Value where = p[i++];
  if (!fill_spec(vm, a, axis, dtype, out, keepdims, initial, where, spec)) return Value();
  return run_reduce(vm, a, info.kind, info.ufunc, spec);
}

const RedInfo kSum{ReduceKind::Add, "add"}, kProd{ReduceKind::Multiply, "multiply"};
const RedInfo kMax{ReduceKind::Max, "maximum"}, kMin{ReduceKind::Min, "minimum"};
const RedInfo kAny{ReduceKind::LogicalOr, "logical_or"}, kAll{ReduceKind::LogicalAnd, "logical_and"};

#define PYJ_SUM_LIKE(fn, spec_name, info, has_dtype, has_initial, ...)   \
  Value fn(VM& vm, const CallArgs& args) {                              \
    static const ArgSpec kSpec{spec_name, {__VA_ARGS__}};               \
    Value p[8];                                                         \
    if (!parse_py_args(vm, args, kSpec, p)) return Value();                \
    return reduce_sum_like(vm, p, info, has_dtype, has_initial);        \
  }

PYJ_SUM_LIKE(m_sum, "_sum", kSum, true, true, "self", "axis=", "dtype=", "out=", "keepdims=", "initial=", "where=")
PYJ_SUM_LIKE(f_sum, "sum", kSum, true, true, "a", "axis=", "dtype=", "out=", "keepdims=", "initial=", "where=")
PYJ_SUM_LIKE(m_prod, "_prod", kProd, true, true, "self", "axis=", "dtype=", "out=", "keepdims=", "initial=", "where=")
PYJ_SUM_LIKE(f_prod, "prod", kProd, true, true, "a", "axis=", "dtype=", "out=", "keepdims=", "initial=", "where=")
PYJ_SUM_LIKE(m_max, "_amax", kMax, false, true, "self", "axis=", "out=", "keepdims=", "initial=", "where=")
PYJ_SUM_LIKE(f_max, "amax", kMax, false, true, "a", "axis=", "out=", "keepdims=", "initial=", "where=")
PYJ_SUM_LIKE(m_min, "_amin", kMin, false, true, "self", "axis=", "out=", "keepdims=", "initial=", "where=")
PYJ_SUM_LIKE(f_min, "amin", kMin, false, true, "a", "axis=", "out=", "keepdims=", "initial=", "where=")
PYJ_SUM_LIKE(m_any, "_any", kAny, true, false, "self", "axis=", "dtype=", "out=", "keepdims=", "*", "where=")
PYJ_SUM_LIKE(f_any, "any", kAny, false, false, "a", "axis=", "out=", "keepdims=", "*", "where=")
PYJ_SUM_LIKE(m_all, "_all", kAll, true, false, "self", "axis=", "dtype=", "out=", "keepdims=", "*", "where=")
PYJ_SUM_LIKE(f_all, "all", kAll, false, false, "a", "axis=", "out=", "keepdims=", "*", "where=")

#undef PYJ_SUM_LIKE

// ---- mean, var, std
Value mean_like(VM& vm, const Value* p, bool has_ddof, bool take_sqrt, bool nan) {
  NDArray* a = subject(vm, p[0]);
  if (!a) return Value();
  ReduceSpec spec;
  Value ddof_v = has_ddof ? p[4] : Value();
  Value keepdims = p[has_ddof ? 5 : 4], where = p[has_ddof ? 6 : 5];
  if (!fill_spec(vm, a, p[1], p[2], p[3], keepdims, Value(), where, spec)) return Value();
  if (!has_ddof) return nan ? np_nanmean(vm, a, spec) : np_mean(vm, a, spec);
  double ddof = 0;
  if (given(ddof_v) && !to_double(vm, ddof_v, ddof)) return Value();
  return nan ? np_nanvar(vm, a, spec, ddof, take_sqrt) : np_var(vm, a, spec, ddof, take_sqrt);
}

#define PYJ_MEAN_LIKE(fn, spec_name, has_ddof, take_sqrt, nan, ...) \
  Value fn(VM& vm, const CallArgs& args) {                         \
    static const ArgSpec kSpec{spec_name, {__VA_ARGS__}};          \
    Value p[7];                                                    \
    if (!parse_py_args(vm, args, kSpec, p)) return Value();           \
    return mean_like(vm, p, has_ddof, take_sqrt, nan);             \
  }

PYJ_MEAN_LIKE(m_mean, "_mean", false, false, false, "self", "axis=", "dtype=", "out=", "keepdims=", "*", "where=")
PYJ_MEAN_LIKE(f_mean, "mean", false, false, false, "a", "axis=", "dtype=", "out=", "keepdims=", "*", "where=")
PYJ_MEAN_LIKE(m_var, "_var", true, false, false, "self", "axis=", "dtype=", "out=", "ddof=", "keepdims=", "*", "where=")
PYJ_MEAN_LIKE(f_var, "var", true, false, false, "a", "axis=", "dtype=", "out=", "ddof=", "keepdims=", "*", "where=")
PYJ_MEAN_LIKE(m_std, "_std", true, true, false, "self", "axis=", "dtype=", "out=", "ddof=", "keepdims=", "*", "where=")
PYJ_MEAN_LIKE(f_std, "std", true, true, false, "a", "axis=", "dtype=", "out=", "ddof=", "keepdims=", "*", "where=")
PYJ_MEAN_LIKE(f_nanmean, "nanmean", false, false, true, "a", "axis=", "dtype=", "out=", "keepdims=", "*", "where=")
PYJ_MEAN_LIKE(f_nanvar, "nanvar", true, false, true, "a", "axis=", "dtype=", "out=", "ddof=", "keepdims=", "*", "where=")
PYJ_MEAN_LIKE(f_nanstd, "nanstd", true, true, true, "a", "axis=", "dtype=", "out=", "ddof=", "keepdims=", "*", "where=")

#undef PYJ_MEAN_LIKE

// The arguments of a C-level method, without self (their messages count no self).
CallArgs without_self(const CallArgs& a) {
  CallArgs r = a;
  r.argv = a.argv + 1;
  r.argc = a.argc - 1;
  return r;
}

}  // namespace

// ------------------------------------------------------------------ argmin / argmax
Value arg_reduce(VM& vm, NDArray* a, Value axis_v, Value out_v, bool keepdims, bool is_max) {
  VM::TempRoot ka(vm, a);
  const char* name = is_max ? "argmax" : "argmin";
  NDArray* out;
  if (!parse_out(vm, out_v, out)) return Value();
  const bool all = !given(axis_v) || axis_v.is_none();
  int axis = 0;
  if (!all) {
    if (axis_v.is_bool()) return vm.raise(vm.exc().TypeError, "an integer is required");
    if (!parse_axis(vm, axis_v, a->ndim == 0 ? 1 : a->ndim, axis)) return Value();
  }
  // NumPy moves the axis last and works on a C-contiguous copy (or the flattened array).
  std::vector<int64_t> shape, strides, res_shape;
  if (all || a->ndim == 0) {
    shape.push_back(a->size);
    strides.push_back(0);
    if (keepdims) res_shape.assign(static_cast<size_t>(a->ndim), 1);
  } else {
    for (int d = 0; d < a->ndim; ++d) {
      if (d == axis) continue;
      shape.push_back(a->shape[d]);
      strides.push_back(a->strides[d]);
      res_shape.push_back(a->shape[d]);
    }
    shape.push_back(a->shape[axis]);
    strides.push_back(a->strides[axis]);
    if (keepdims) res_shape.insert(res_shape.begin() + axis, 1);
  }
  const int64_t n = shape.back();
  if (n == 0) return vm.raise_fmt(vm.exc().ValueError, "attempt to get %s of an empty sequence", name);
  NDArray* src;
  if (all || a->ndim == 0) {
    src = as_contiguous(vm, a);
  } else {
    NDArray* v = new_view(vm, a, a->dtype, a->data, shape, strides);
    src = v ? as_contiguous(vm, v) : nullptr;
  }
  if (!src) return Value();
  VM::TempRoot ks(vm, src);
  NDArray* res = new_array(vm, DType::Int64, res_shape);
  if (!res) return Value();
  VM::TempRoot kr(vm, res);
  rk::ArgRun run = rk::arg_loop(a->dtype, is_max);
  const int64_t rows = src->size / n;
  int64_t* o = res->typed<int64_t>();
  for (int64_t r = 0; r < rows; ++r) o[r] = run(src->data + r * n * src->itemsize, n);
  if (!out) return reduce_result(vm, res, false);
  if (!can_cast_safe(out->dtype, DType::Int64))
    return vm.raise_fmt(vm.exc().TypeError,
                        "Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'safe'",
                        std::string(dtype_name(out->dtype)).c_str());
  bool same = out->ndim == res->ndim;
  for (int d = 0; same && d < res->ndim; ++d) same = out->shape[d] == res->shape[d];
  if (!same) return vm.raise_fmt(vm.exc().ValueError, "output array does not match result of np.%s.", name);
  if (!copy_into(vm, out, res)) return Value();
  return Value::from_obj(out);
}

namespace {

Value arg_common(VM& vm, const Value* p, bool is_max) {
  NDArray* a = subject(vm, p[0]);
  if (!a) return Value();
  bool keepdims;
  if (!parse_bool(vm, p[3], keepdims)) return Value();
  return arg_reduce(vm, a, p[1], p[2], keepdims, is_max);
}

Value m_argmax(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"argmax", {"axis=", "out=", "*", "keepdims="}};
  Value p[4] = {args[0]};
  if (!parse_py_args(vm, without_self(args), kSpec, p + 1)) return Value();
  return arg_common(vm, p, true);
}
Value m_argmin(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"argmin", {"axis=", "out=", "*", "keepdims="}};
  Value p[4] = {args[0]};
  if (!parse_py_args(vm, without_self(args), kSpec, p + 1)) return Value();
  return arg_common(vm, p, false);
}
Value f_argmax(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"argmax", {"a", "axis=", "out=", "*", "keepdims="}};
  Value p[4];
  if (!parse_py_args(vm, args, kSpec, p)) return Value();
  return arg_common(vm, p, true);
}
Value f_argmin(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"argmin", {"a", "axis=", "out=", "*", "keepdims="}};
  Value p[4];
  if (!parse_py_args(vm, args, kSpec, p)) return Value();
  return arg_common(vm, p, false);
}

// ------------------------------------------------------------------ cumsum, cumprod
Value cum_common(VM& vm, NDArray* a, Value axis_v, Value dtype_v, Value out_v, ReduceKind kind,
                 const char* ufunc) {
  VM::TempRoot ka(vm, a);
  AccumulateSpec spec;
  spec.kind = kind;
  spec.name = ufunc;
  if (!parse_optional_dtype(vm, dtype_v, spec.dtype)) return Value();
  NDArray* out;
  if (!parse_out(vm, out_v, out)) return Value();
  spec.out = out ? Value::from_obj(out) : Value();
  if (!given(axis_v) || axis_v.is_none()) {
    // axis=None accumulates the flattened (C order) array.
    NDArray* flat = as_contiguous(vm, a);
    if (!flat) return Value();
    const int64_t shape[] = {flat->size};
    const int64_t strides[] = {flat->itemsize};
    NDArray* v = new_view(vm, flat, flat->dtype, flat->data, shape, strides);
    if (!v) return Value();
    return accumulate(vm, v, spec);
  }
  if (axis_v.is_bool()) return vm.raise(vm.exc().TypeError, "an integer is required");
  int64_t ax;
  if (!index_of(vm, axis_v, ax)) return Value();
  if (a->ndim == 0) {
    int dummy;
    if (!normalize_axis(vm, ax, 0, dummy)) return Value();
  }
  spec.axis = static_cast<int>(std::max<int64_t>(std::min<int64_t>(ax, INT32_MAX), INT32_MIN));
  if (ax < -a->ndim || ax >= a->ndim) {
    int dummy;
    normalize_axis(vm, ax, a->ndim, dummy);
    return Value();
  }
  return accumulate(vm, a, spec);
}

Value m_cumsum(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"cumsum", {"axis=", "dtype=", "out="}};
  Value p[3];
  if (!parse_args(vm, without_self(args), kSpec, p)) return Value();
  return cum_common(vm, as_ndarray(args[0]), p[0], p[1], p[2], ReduceKind::Add, "add");
}
Value m_cumprod(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"cumprod", {"axis=", "dtype=", "out="}};
  Value p[3];
  if (!parse_args(vm, without_self(args), kSpec, p)) return Value();
  return cum_common(vm, as_ndarray(args[0]), p[0], p[1], p[2], ReduceKind::Multiply, "multiply");
}
Value f_cumsum(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"cumsum", {"a", "axis=", "dtype=", "out="}};
  Value p[4];
  if (!parse_py_args(vm, args, kSpec, p)) return Value();
  NDArray* a = subject(vm, p[0]);
  return a ? cum_common(vm, a, p[1], p[2], p[3], ReduceKind::Add, "add") : Value();
}
Value f_cumprod(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"cumprod", {"a", "axis=", "dtype=", "out="}};
  Value p[4];
  if (!parse_py_args(vm, args, kSpec, p)) return Value();
  NDArray* a = subject(vm, p[0]);
  return a ? cum_common(vm, a, p[1], p[2], p[3], ReduceKind::Multiply, "multiply") : Value();
}

// ------------------------------------------------------------------ ptp
Value ptp_common(VM& vm, const Value* p) {
  NDArray* a = subject(vm, p[0]);
  if (!a) return Value();
  if (a->dtype == DType::Bool)
    return vm.raise(vm.exc().TypeError,
                    "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                    "the `^` operator, or the logical_xor function instead.");
  ReduceSpec mx, mn;
  if (!fill_spec(vm, a, p[1], Value(), p[2], p[3], Value(), Value(), mx)) return Value();
  mn = mx;
  mn.out = Value();
  NDArray* hi = nullptr;
  {
    mx.kind = ReduceKind::Max;
    mx.name = "maximum";
    hi = reduce_to_array(vm, a, mx);
  }
  if (!hi) return Value();
  VM::TempRoot kh(vm, hi);
  mn.kind = ReduceKind::Min;
  mn.name = "minimum";
  NDArray* lo = reduce_to_array(vm, a, mn);
  if (!lo) return Value();
  VM::TempRoot kl(vm, lo);
  NDArray* d = subtract_arrays(vm, hi, lo);
  if (!d) return Value();
  const bool out_given = given(mx.out);
  if (out_given) {
    if (!copy_into(vm, hi, d)) return Value();
    return Value::from_obj(hi);
  }
  return reduce_result(vm, d, false);
}

Value m_ptp(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"_ptp", {"self", "axis=", "out=", "keepdims="}};
  Value p[4];
  if (!parse_py_args(vm, args, kSpec, p)) return Value();
  return ptp_common(vm, p);
}
Value f_ptp(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"ptp", {"a", "axis=", "out=", "keepdims="}};
  Value p[4];
  if (!parse_py_args(vm, args, kSpec, p)) return Value();
  return ptp_common(vm, p);
}

// ------------------------------------------------------------------ nan functions
Value nan_sum_like(VM& vm, const CallArgs& args, const char* fname, bool prod) {
  static const ArgSpec kSum{"nansum", {"a", "axis=", "dtype=", "out=", "keepdims=", "initial=", "where="}};
  static const ArgSpec kProd{"nanprod", {"a", "axis=", "dtype=", "out=", "keepdims=", "initial=", "where="}};
  (void)fname;
  Value p[7];
  if (!parse_py_args(vm, args, prod ? kProd : kSum, p)) return Value();
  NDArray* a = subject(vm, p[0]);
  if (!a) return Value();
  NDArray* r = replace_nan(vm, a, prod ? 1.0 : 0.0, nullptr);
  if (!r) return Value();
  VM::TempRoot kr(vm, r);
  ReduceSpec spec;
  if (!fill_spec(vm, r, p[1], p[2], p[3], p[4], p[5], p[6], spec)) return Value();
  return run_reduce(vm, r, prod ? ReduceKind::Multiply : ReduceKind::Add, prod ? "multiply" : "add", spec);
}
Value f_nansum(VM& vm, const CallArgs& args) { return nan_sum_like(vm, args, "nansum", false); }
Value f_nanprod(VM& vm, const CallArgs& args) { return nan_sum_like(vm, args, "nanprod", true); }

Value nan_minmax(VM& vm, const CallArgs& args, bool is_max) {
  static const ArgSpec kMaxS{"nanmax", {"a", "axis=", "out=", "keepdims=", "initial=", "where="}};
  static const ArgSpec kMinS{"nanmin", {"a", "axis=", "out=", "keepdims=", "initial=", "where="}};
  Value p[6];
  if (!parse_py_args(vm, args, is_max ? kMaxS : kMinS, p)) return Value();
  const bool from_list = !is_ndarray(vm, p[0]);
  NDArray* a = subject(vm, p[0]);
  if (!a) return Value();
  ReduceSpec spec;
  if (!fill_spec(vm, a, p[1], Value(), p[2], p[3], p[4], p[5], spec)) return Value();
  return np_nanminmax(vm, a, spec, is_max, from_list);
}
Value f_nanmax(VM& vm, const CallArgs& args) { return nan_minmax(vm, args, true); }
Value f_nanmin(VM& vm, const CallArgs& args) { return nan_minmax(vm, args, false); }

Value nan_arg(VM& vm, const CallArgs& args, bool is_max) {
  static const ArgSpec kMaxS{"nanargmax", {"a", "axis=", "out=", "*", "keepdims="}};
  static const ArgSpec kMinS{"nanargmin", {"a", "axis=", "out=", "*", "keepdims="}};
  Value p[4];
  if (!parse_py_args(vm, args, is_max ? kMaxS : kMinS, p)) return Value();
  NDArray* a = subject(vm, p[0]);
  if (!a) return Value();
  NDArray* mask;
  NDArray* r = replace_nan(vm, a, is_max ? -INFINITY : INFINITY, &mask);
  if (!r) return Value();
  VM::TempRoot kr(vm, r), km(vm, mask ? Value::from_obj(mask) : Value::none());
  if (mask) {
    ReduceSpec all;
    all.kind = ReduceKind::LogicalAnd;
    all.name = "logical_and";
    if (!parse_axes_arg(vm, given(p[1]) ? p[1] : Value::none(), a->ndim, all.axes)) return Value();
    NDArray* any_all = reduce_to_array(vm, mask, all);
    if (!any_all) return Value();
    bool bad = false;
    const char* q = any_all->data;
    for (int64_t i = 0; i < any_all->size; ++i) bad = bad || q[i];  // fresh C-contiguous
    if (bad) return vm.raise(vm.exc().ValueError, "All-NaN slice encountered");
  }
  bool keepdims;
  if (!parse_bool(vm, p[3], keepdims)) return Value();
  return arg_reduce(vm, r, p[1], p[2], keepdims, is_max);
}
Value f_nanargmax(VM& vm, const CallArgs& args) { return nan_arg(vm, args, true); }
Value f_nanargmin(VM& vm, const CallArgs& args) { return nan_arg(vm, args, false); }

Value nan_cum(VM& vm, const CallArgs& args, bool prod) {
  static const ArgSpec kSum{"nancumsum", {"a", "axis=", "dtype=", "out="}};
  static const ArgSpec kProd{"nancumprod", {"a", "axis=", "dtype=", "out="}};
  Value p[4];
  if (!parse_py_args(vm, args, prod ? kProd : kSum, p)) return Value();
  NDArray* a = subject(vm, p[0]);
  if (!a) return Value();
  NDArray* r = replace_nan(vm, a, prod ? 1.0 : 0.0, nullptr);
  if (!r) return Value();
  VM::TempRoot kr(vm, r);
  return cum_common(vm, r, p[1], p[2], p[3], prod ? ReduceKind::Multiply : ReduceKind::Add,
                    prod ? "multiply" : "add");
}
Value f_nancumsum(VM& vm, const CallArgs& args) { return nan_cum(vm, args, false); }
Value f_nancumprod(VM& vm, const CallArgs& args) { return nan_cum(vm, args, true); }

}  // namespace

namespace {

Value f_average(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"average", {"a", "axis=", "weights=", "returned=", "*", "keepdims="}};
  Value p[5];
  if (!parse_py_args(vm, args, kSpec, p)) return Value();
  NDArray* a = subject(vm, p[0]);
  if (!a) return Value();
  bool returned, keepdims;
  if (!parse_bool(vm, p[3], returned) || !parse_bool(vm, p[4], keepdims)) return Value();
  return np_average(vm, a, given(p[1]) ? p[1] : Value::none(), p[2], returned, keepdims);
}

const MethodDef kMethods[] = {
    {"sum", m_sum},       {"prod", m_prod},       {"mean", m_mean},     {"var", m_var},
    {"std", m_std},       {"max", m_max},         {"min", m_min},       {"any", m_any},
    {"all", m_all},       {"argmax", m_argmax},   {"argmin", m_argmin}, {"cumsum", m_cumsum},
    {"cumprod", m_cumprod}, {"ptp", m_ptp},
};

const MethodDef kFunctions[] = {
    {"sum", f_sum},             {"prod", f_prod},           {"product", f_prod},
    {"mean", f_mean},           {"var", f_var},             {"std", f_std},
    {"max", f_max},             {"amax", f_max},            {"min", f_min},
    {"amin", f_min},            {"any", f_any},             {"sometrue", f_any},
    {"all", f_all},             {"alltrue", f_all},         {"argmax", f_argmax},
    {"argmin", f_argmin},       {"cumsum", f_cumsum},       {"cumprod", f_cumprod},
    {"cumproduct", f_cumprod},  {"ptp", f_ptp},             {"nansum", f_nansum},
    {"nanprod", f_nanprod},     {"nanmean", f_nanmean},     {"nanvar", f_nanvar},
    {"nanstd", f_nanstd},       {"nanmax", f_nanmax},       {"nanmin", f_nanmin},
    {"nanargmax", f_nanargmax}, {"nanargmin", f_nanargmin}, {"nancumsum", f_nancumsum},
    {"nancumprod", f_nancumprod}, {"average", f_average},
};

}  // namespace

void install_reductions(VM& vm, NumpyState& st) {
  add_array_methods(vm, st, kMethods);
  add_module_functions(vm, st, kFunctions);
}

}  // namespace pyjitvm::stdlib::np
