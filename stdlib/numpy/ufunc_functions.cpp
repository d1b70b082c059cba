// stdlib/numpy/ufunc_functions.cpp — element-wise numpy functions that are not ufuncs:
// np.where(cond, x, y), np.clip / ndarray.clip, np.round / np.around / ndarray.round,
// np.real, np.imag, np.angle, ndarray.conj/conjugate, np.seterr/geterr/errstate.
//
// Stage: install_ufunc_functions() during `import numpy`.
//
// Invariants:
//   I1  np.where's result dtype is np.result_type(x, y) (value-based), its result is
//       always an ndarray (a 0-d one for scalar arguments), as in NumPy 1.24; the
//       1-argument form is np.nonzero(cond), looked up in the numpy module.
//   I2  np.clip is NumPy's clip ufunc: result_type(a, min, max), min/max None falling
//       back to np.maximum/np.minimum, output casting 'unsafe' unless casting= is
//       given; with scalar bounds a NaN bound is ignored and x <= min gives min,
//       x >= max gives max (so clip(-0.0, 0.0, 1) is 0.0), with array bounds NaN
//       anywhere propagates.
//   I3  round(decimals) is NumPy's: rint for decimals == 0, else multiply by 10**d
//       (10**d built by NumPy's power_of_ten), rint, divide (reversed for d < 0), in
//       the array's dtype (float64 for integers, then cast back); integer arrays with
//       d >= 0 are returned unchanged (the same object).
#include <cmath>
#include <cstring>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/ufunc_impl.h"
#include "stdlib/numpy/ufunc_loops.h"
#include "vm/dict_object.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

Value wrap(NDArray* a) { return a ? Value::from_obj(a) : Value(); }

// An operand as an array of `dtype` (scalars become 0-d arrays).
NDArray* operand_array(VM& vm, const Operand& op, DType dtype) {
  if (op.kind == OperandKind::Array) {
    if (op.arr->dtype == dtype) return op.arr;
    return copy_array(vm, op.arr, dtype);
  }
  NDArray* a = new_array(vm, dtype, {});
  if (a) cast_loop(op.dtype, dtype)(reinterpret_cast<const char*>(op.value), 0, a->data, 0, 1);
  return a;
}

bool broadcast_or_raise(VM& vm, std::span<NDArray* const> arrays, std::vector<int64_t>& shape) {
  return broadcast_arrays_shape(vm, arrays, shape);
}

// ------------------------------------------------------------------ where (I1)
template <class E>
void select_loop(char** p, const int64_t* s, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    const char* src = p[0][i * s[0]] ? p[1] + i * s[1] : p[2] + i * s[2];
    std::memcpy(p[3] + i * s[3], src, sizeof(E));
  }
}

Value f_where(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"where", {"condition", "x=", "y=", "/"}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  if (p[1].is_undef() && p[2].is_undef()) {
    Value nz = dict_get_str(state(vm).module->dict, vm.intern("nonzero"));
    if (nz.is_undef()) return vm.raise(vm.exc().NotImplementedError, "np.nonzero is not available");
    return vm.call(nz, {p[0]});
  }
  if (p[1].is_undef() || p[2].is_undef())
    return vm.raise(vm.exc().ValueError, "either both or neither of x and y should be given");
  NDArray* cond = as_array(vm, p[0]);
  if (!cond) return Value();
  VM::TempRoot k0(vm, cond);
  if (cond->dtype != DType::Bool) {
    cond = copy_array(vm, cond, DType::Bool);
    if (!cond) return Value();
    k0.set(Value::from_obj(cond));
  }
  Operand ops[2];
  if (!make_operand(vm, p[1], ops[0]) || !make_operand(vm, p[2], ops[1])) return Value();
  for (const Operand& op : ops)
    if (!op.is_numeric())
      return vm.raise_fmt(
          vm.exc().NotImplementedError,
          "np.where with a '%s' operand needs an object array, which pyjitvm does not support",
          type_name(vm, op.obj));
  const DType dt = operands_result_type(ops, 2);
  NDArray* x = operand_array(vm, ops[0], dt);
  if (!x) return Value();
  VM::TempRoot k1(vm, x);
  NDArray* y = operand_array(vm, ops[1], dt);
  if (!y) return Value();
  VM::TempRoot k2(vm, y);
  NDArray* arrays[3] = {cond, x, y};
  std::vector<int64_t> shape;
  if (!broadcast_or_raise(vm, arrays, shape)) return Value();
  NDArray* out = new_array(vm, dt, shape);
  if (!out) return Value();
  NDArray* all[4] = {cond, x, y, out};
  MultiIter it(shape, all);
  switch (itemsize(dt)) {
    case 1: it.run(select_loop<uint8_t>); break;
    case 2: it.run(select_loop<uint16_t>); break;
    case 4: it.run(select_loop<uint32_t>); break;
    case 8: it.run(select_loop<uint64_t>); break;
    default: it.run(select_loop<c128>); break;
  }
  return Value::from_obj(out);
}

// ------------------------------------------------------------------ clip (I2)
template <class T>
inline bool lt(T a, T b) {
  if constexpr (loops::kIsComplex<T>) return loops::clt(a, b);
  else return a < b;
}
template <class T>
inline bool gt(T a, T b) {
  if constexpr (loops::kIsComplex<T>) return loops::cgt(a, b);
  else return a > b;
}
template <class T>
inline bool is_nan(T a) {
  if constexpr (loops::kIsComplex<T>) return std::isnan(a.real()) || std::isnan(a.imag());
  else if constexpr (std::is_floating_point_v<T>) return a != a;
  else return false;
}

template <class T>
void clip_loop(char** p, const int64_t* s, int64_t n) {
  auto at = [&](int k, int64_t i) { return *reinterpret_cast<const T*>(p[k] + i * s[k]); };
  if (s[1] == 0 && s[2] == 0) {
    const T lo = at(1, 0), hi = at(2, 0);
    for (int64_t i = 0; i < n; ++i) {
      const T x = at(0, i);
      const T t = gt(x, lo) || is_nan(x) || is_nan(lo) ? x : lo;
      *reinterpret_cast<T*>(p[3] + i * s[3]) = lt(t, hi) || is_nan(t) || is_nan(hi) ? t : hi;
    }
    return;
  }
  for (int64_t i = 0; i < n; ++i) {
    // NumPy's _NPY_MIN(_NPY_MAX(x, lo), hi): NaN in x or either bound propagates.
    const T x = at(0, i), lo = at(1, i), hi = at(2, i);
    const T t = is_nan(x) ? x : (gt(x, lo) ? x : lo);
    *reinterpret_cast<T*>(p[3] + i * s[3]) = is_nan(t) ? t : (lt(t, hi) ? t : hi);
  }
}

// NumPy's np.clip without casting= retries an output cast that same_kind refuses as
// 'unsafe' (with a DeprecationWarning), so the effective default is 'unsafe'.
Value clip_impl(VM& vm, Value a, Value lo, Value hi, Value out_v, Casting casting) {
  Value out;
  if (!out_v.is_undef() && !out_v.is_none()) {
    if (!is_ndarray(vm, out_v))
      return vm.raise(vm.exc().TypeError, "return arrays must be of ArrayType");
    out = out_v;
  }
  const bool no_lo = lo.is_undef() || lo.is_none(), no_hi = hi.is_undef() || hi.is_none();
  if (no_lo && no_hi) return vm.raise(vm.exc().ValueError, "One of max or min must be given");
  if (no_lo || no_hi) {
    Operand ops[2];
    if (!make_operand(vm, a, ops[0]) || !make_operand(vm, no_lo ? hi : lo, ops[1])) return Value();
    CallOptions opt;
    opt.out = out;
    opt.casting = casting;
    return execute(vm, no_lo ? UfuncId::Minimum : UfuncId::Maximum, ops, opt);
  }
  Operand ops[3];
  for (int i = 0; i < 3; ++i)
    if (!make_operand(vm, i == 0 ? a : i == 1 ? lo : hi, ops[i])) return Value();
  for (const Operand& op : ops)
    if (!op.is_numeric())
      return vm.raise_fmt(vm.exc().TypeError, "clip() bound of type '%s' is not supported",
                          type_name(vm, op.obj));
  const DType dt = operands_result_type(ops, 3);
  bool all_scalar = true;
  NDArray* arrs[4];
  VM::RootedValues keep(vm);
  for (int i = 0; i < 3; ++i) {
    all_scalar = all_scalar && ops[i].kind == OperandKind::Scalar;
    arrs[i] = operand_array(vm, ops[i], dt);
    if (!arrs[i]) return Value();
    keep.v.push_back(Value::from_obj(arrs[i]));
  }
  std::vector<int64_t> shape;
  if (!broadcast_or_raise(vm, std::span(arrs, 3), shape)) return Value();
  NDArray* dst;
  if (!out.is_undef()) {
    dst = as_ndarray(out);
    if (!can_cast(dt, dst->dtype, casting))
      return raise_ufunc_error(vm, UfuncError::OutputCasting,
                               "Cannot cast ufunc 'clip' output from " + dtype_repr(dt) + " to " +
                                   dtype_repr(dst->dtype) + " with casting rule '" +
                                   casting_name(casting) + "'");
    if (!check_writeable(vm, dst)) return Value();
  }
  NDArray* res = new_array(vm, dt, shape);
  if (!res) return Value();
  keep.v.push_back(Value::from_obj(res));
  arrs[3] = res;
  MultiIter it(shape, std::span(arrs, 4));
  visit_dtype(dt, [&]<class T>() { it.run(clip_loop<T>); });
  if (!out.is_undef()) {
    if (!copy_into(vm, as_ndarray(out), res)) return Value();
    return out;
  }
  if (all_scalar) return box_scalar(vm, dt, res->data);
  return Value::from_obj(res);
}

// casting= from clip's **kwargs ('unsafe' when absent, see clip_impl).
bool clip_casting(VM& vm, Value kwargs, Casting& out) {
  out = Casting::Unsafe;
  if (!is_kind(kwargs, Kind::Dict)) return true;
  Value v = dict_get_str(as_dict(kwargs), vm.intern("casting"));
  if (v.is_undef() || v.is_none()) return true;
  static const char* const kNames[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
  if (is_kind(v, Kind::Str))
    for (int i = 0; i < 5; ++i)
      if (as_str(v)->view() == kNames[i]) {
        out = static_cast<Casting>(i);
        return true;
      }
  vm.raise(vm.exc().ValueError,
           "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
  return false;
}

Value f_clip(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"clip", {"a", "a_min", "a_max", "out=", "**kwargs"}};
  Value p[5];
  Casting casting;
  if (!parse_args(vm, a, kSpec, p) || !clip_casting(vm, p[4], casting)) return Value();
  return clip_impl(vm, p[0], p[1], p[2], p[3], casting);
}

Value m_clip(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"clip", {"self", "min=", "max=", "out=", "**kwargs"}};
  Value p[5];
  Casting casting;
  if (!parse_args(vm, a, kSpec, p) || !clip_casting(vm, p[4], casting)) return Value();
  return clip_impl(vm, p[0], p[1], p[2], p[3], casting);
}

// ------------------------------------------------------------------ round (I3)
double power_of_ten(int64_t n) {
  static const double kP10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  if (n < 9) return kP10[n];
  double r = 1e9;
  while (n-- > 9) r *= 10.;
  return r;
}

Value call1(VM& vm, UfuncId id, Value x, Value out) {
  Operand op;
  if (!make_operand(vm, x, op)) return Value();
  CallOptions opt;
  opt.out = out;
  return execute(vm, id, &op, opt);
}
Value call2(VM& vm, UfuncId id, Value x, Value y, Value out) {
  Operand ops[2];
  if (!make_operand(vm, x, ops[0]) || !make_operand(vm, y, ops[1])) return Value();
  CallOptions opt;
  opt.out = out;
  return execute(vm, id, ops, opt);
}

// Rounds a real (non-complex) array `a` into `out` (Undef: a new array).
Value round_real(VM& vm, NDArray* a, int64_t decimals, Value out) {
  Value av = Value::from_obj(a);
  if (decimals >= 0 && is_integer(a->dtype)) {
    if (out.is_undef()) return av;
    if (!copy_into(vm, as_ndarray(out), a)) return Value();
    return out;
  }
  if (decimals == 0) return call1(vm, UfuncId::Rint, av, out);
  const bool ret_int = is_integer(a->dtype) && out.is_undef();
  if (out.is_undef()) {
    NDArray* o = new_array(vm, ret_int ? DType::Float64 : a->dtype, shape_of(a));
    if (!o) return Value();
    out = Value::from_obj(o);
  }
  VM::TempRoot keep(vm, out);
  const Value f = Value::from_float(power_of_ten(decimals >= 0 ? decimals : -decimals));
  const UfuncId op1 = decimals >= 0 ? UfuncId::Multiply : UfuncId::TrueDivide;
  const UfuncId op2 = decimals >= 0 ? UfuncId::TrueDivide : UfuncId::Multiply;
  if (failed(call2(vm, op1, av, f, out)) || failed(call1(vm, UfuncId::Rint, out, out)) ||
      failed(call2(vm, op2, out, f, out)))
    return Value();
  if (ret_int) return wrap(copy_array(vm, as_ndarray(out), a->dtype));
  return out;
}

Value round_array(VM& vm, NDArray* a, int64_t decimals, Value out) {
  if (!is_complex(a->dtype)) return round_real(vm, a, decimals, out);
  NDArray* dst = out.is_undef() ? copy_array(vm, a, a->dtype) : as_ndarray(out);
  if (!dst) return Value();
  VM::TempRoot keep(vm, dst);
  if (!out.is_undef() && dst != a && !copy_into(vm, dst, a)) return Value();
  if (!is_complex(dst->dtype)) return round_real(vm, dst, decimals, Value::from_obj(dst));
  for (int part = 0; part < 2; ++part) {
    NDArray* v =
        new_view(vm, dst, DType::Float64, dst->data + 8 * part, shape_of(dst), strides_of(dst));
    if (!v) return Value();
    VM::TempRoot kv(vm, v);
    if (failed(round_real(vm, v, decimals, Value::from_obj(v)))) return Value();
  }
  return Value::from_obj(dst);
}

Value round_impl(VM& vm, Value x, Value dec_v, Value out_v) {
  int64_t decimals = 0;
  if (!dec_v.is_undef() && !index_of(vm, dec_v, decimals)) return Value();
  Value out;
  if (!out_v.is_undef() && !out_v.is_none()) {
    if (!is_ndarray(vm, out_v))
      return vm.raise(vm.exc().TypeError, "return arrays must be of ArrayType");
    out = out_v;
  }
  const bool was_array = is_ndarray(vm, x);
  NDArray* a = as_array(vm, x);
  if (!a) return Value();
  VM::TempRoot keep(vm, a);
  Value r = round_array(vm, a, decimals, out);
  if (failed(r) || !out.is_undef() || was_array) return r;
  NDArray* ra = as_ndarray(r);
  return ra->ndim == 0 ? box_scalar(vm, ra->dtype, ra->data) : r;
}

Value f_round(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"around", {"a", "decimals=", "out="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  return round_impl(vm, p[0], p[1], p[2]);
}

Value m_round(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"round", {"self", "decimals=", "out="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  return round_impl(vm, p[0], p[1], p[2]);
}

// ------------------------------------------------------------------ real / imag / angle
Value part(VM& vm, Value v, const char* name) {
  Value r = getattr_or_undef(vm, v, vm.intern(name));
  if (!r.is_undef() || vm.has_pending()) return r;
  NDArray* arr = as_array(vm, v);
  if (!arr) return Value();
  VM::TempRoot keep(vm, arr);
  return getattr(vm, Value::from_obj(arr), vm.intern(name));
}

Value f_real(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "real", 1, 1)) return Value();
  return part(vm, a[0], "real");
}
Value f_imag(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "imag", 1, 1)) return Value();
  return part(vm, a[0], "imag");
}

Value f_angle(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"angle", {"z", "deg="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  bool deg = false;
  if (!p[1].is_undef()) {
    int t = truthy(vm, p[1]);
    if (t < 0) return Value();
    deg = t;
  }
  NDArray* z = as_array(vm, p[0]);
  if (!z) return Value();
  VM::TempRoot kz(vm, z);
  Value zv = Value::from_obj(z);
  Value re = zv, im = Value::from_int(0);
  VM::RootedValues keep(vm);
  if (is_complex(z->dtype)) {
    re = getattr(vm, zv, vm.intern("real"));
    if (failed(re)) return re;
    keep.v.push_back(re);
    im = getattr(vm, zv, vm.intern("imag"));
    if (failed(im)) return im;
    keep.v.push_back(im);
  }
  Value r = call2(vm, UfuncId::Arctan2, im, re, Value());
  if (failed(r) || !deg) return r;
  keep.v.push_back(r);
  const Value f = Value::from_float(180.0 / M_PI);
  return call2(vm, UfuncId::Multiply, r, f, is_ndarray(vm, r) ? r : Value());
}

Value m_conj(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "conjugate", 0, 0)) return Value();
  return call1(vm, UfuncId::Conjugate, a[0], Value());
}

const MethodDef kFunctions[] = {
    {"where", f_where},  {"clip", f_clip}, {"round", f_round}, {"around", f_round},
    {"round_", f_round}, {"real", f_real}, {"imag", f_imag},   {"angle", f_angle},
};
const MethodDef kMethods[] = {
    {"clip", m_clip},
    {"round", m_round},
    {"conj", m_conj},
    {"conjugate", m_conj},
};

// np.seterr/geterr/errstate: NumPy's floating-point error settings. pyjitvm keeps the
// settings (so code that saves and restores them works) but, like NumPy's default
// 'warn', never raises FloatingPointError and prints no RuntimeWarning.
const char* const kErrstateSource = R"PY(
_errobj = {'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'}

def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    old = geterr()
    new = {'divide': divide, 'over': over, 'under': under, 'invalid': invalid}
    for key in ('divide', 'over', 'under', 'invalid'):
        value = new[key]
        if value is None:
            value = all
        if value is None:
            continue
        if value not in ('ignore', 'warn', 'raise', 'call', 'print', 'log'):
            raise ValueError('invalid error handling value: ' + repr(value))
        _errobj[key] = value
    return old

def geterr():
    return {'divide': _errobj['divide'], 'over': _errobj['over'],
            'under': _errobj['under'], 'invalid': _errobj['invalid']}

class errstate:
    def __init__(self, *, call=None, **kwargs):
        self.call = call
        self.kwargs = kwargs

    def __enter__(self):
        self.oldstate = seterr(**self.kwargs)

    def __exit__(self, *exc_info):
        seterr(**self.oldstate)

    def __call__(self, func):
        def inner(*args, **kwds):
            with self:
                return func(*args, **kwds)
        return inner
)PY";

}  // namespace

void install_ufunc_functions(VM& vm, NumpyState& st) {
  add_module_functions(vm, st, kFunctions);
  add_array_methods(vm, st, kMethods);
  vm.exec_module(kErrstateSource, "<numpy>", st.module);
}

}  // namespace pyjitvm::stdlib::np
