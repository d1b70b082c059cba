// stdlib/numpy/ufunc_object.cpp — the np.ufunc type: its instances (np.add, np.sqrt ...),
// their attributes, __call__ argument handling, reduce/accumulate/outer, and the
// numpy.core._exceptions UFuncTypeError classes.
//
// Stage: install_ufunc_objects() during `import numpy`; calls go to execute()
// (ufunc_exec.cpp), reduce/accumulate to the reduction engine (reduce.h).
//
// Invariants:
//   I1  Argument errors use NumPy 1.24's wording ("add() takes from 2 to 3 positional
//       arguments but 1 were given", "cannot specify 'out' as both a positional and
//       keyword argument", "return arrays must be of ArrayType" ...).
//   I2  reduce/accumulate use ReduceKind Add/Multiply/Min/Max/LogicalAnd/LogicalOr for
//       the ufuncs that have one; every other binary ufunc reduces with its own loop for
//       the dtype NumPy resolves (which must have equal input and output types).
//   I3  Each ufunc object exists once per VM (aliases such as np.abs/np.absolute are the
//       same object); ufunc objects are kept in NumpyState::extra.
#include <string>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/reduce.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/ufunc_impl.h"
#include "vm/builtin_types.h"
#include "vm/list_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

struct UfuncObj : Object {
  UfuncId id;
};

UfuncId ufunc_id(Value v) { return static_cast<UfuncObj*>(v.as_obj())->id; }

Dict* extra_dict(VM& vm) {
  NumpyState& st = state(vm);
  if (!st.extra) st.extra = vm.new_dict();
  return static_cast<Dict*>(st.extra);
}

// ------------------------------------------------------------------ argument parsing
bool parse_casting(VM& vm, Value v, Casting& out) {
  static const char* const kNames[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
  if (is_kind(v, Kind::Str)) {
    std::string_view s = as_str(v)->view();
    for (int i = 0; i < 5; ++i)
      if (s == kNames[i]) {
        out = static_cast<Casting>(i);
        return true;
      }
  }
  Value r = is_kind(v, Kind::Str) ? repr(vm, v) : Value();
  if (!r.is_undef()) {
    vm.raise_fmt(vm.exc().ValueError,
                 "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got %s)",
                 as_str(r)->data());
  } else {
    vm.raise(vm.exc().TypeError, "casting must be a string");
  }
  return false;
}

// out=: None, an ndarray, or a 1-tuple of either (I1).
bool parse_out(VM& vm, Value v, Value& out) {
  out = Value();
  if (v.is_undef() || v.is_none()) return true;
  if (is_kind(v, Kind::Tuple)) {
    Tuple* t = as_tuple(v);
    if (t->len != 1) {
      vm.raise(vm.exc().ValueError, "The 'out' tuple must have exactly one entry per ufunc output");
      return false;
    }
    v = (*t)[0];
    if (v.is_none()) return true;
  }
  if (!is_ndarray(vm, v)) {
    vm.raise(vm.exc().TypeError, "return arrays must be of ArrayType");
    return false;
  }
  out = v;
  return true;
}

Value ufunc_call(VM& vm, Value self, const CallArgs& a) {
  const UfuncId id = ufunc_id(self);
  const UfuncDef& def = ufunc_def(id);
  if (a.argc < def.nin || a.argc > def.nin + 1u)
    return vm.raise_fmt(vm.exc().TypeError,
                        "%s() takes from %d to %d positional arguments but %u were given", def.name,
                        def.nin, def.nin + 1, a.argc);
  CallOptions opt;
  Value out_kw;
  bool have_out_kw = false;
  for (uint32_t k = 0; k < a.nkw(); ++k) {
    std::string_view name = as_str((*a.kwnames)[k])->view();
    Value v = a.argv[a.argc + k];
    if (name == "out") {
      out_kw = v;
      have_out_kw = true;
    } else if (name == "dtype") {
      if (!parse_optional_dtype(vm, v, opt.dtype)) return Value();
    } else if (name == "casting") {
      if (!parse_casting(vm, v, opt.casting)) return Value();
    } else if (name == "where") {
      if (!(v.is_bool() && v.as_bool())) opt.where = v;
    } else if (name == "order" || name == "subok" || name == "signature" || name == "extobj") {
      continue;  // accepted; pyjitvm's results are always C-ordered base-class arrays
    } else {
      return vm.raise_fmt(vm.exc().TypeError, "%s() got an unexpected keyword argument '%s'",
                          def.name, std::string(name).c_str());
    }
  }
  if (a.argc == def.nin + 1u) {
    if (have_out_kw)
      return vm.raise(vm.exc().TypeError,
                      "cannot specify 'out' as both a positional and keyword argument");
    out_kw = a[def.nin];
  }
  if (!parse_out(vm, out_kw, opt.out)) return Value();
  Operand ops[2];
  for (int i = 0; i < def.nin; ++i)
    if (!make_operand(vm, a[i], ops[i])) return Value();
  Value r = execute(vm, id, ops, opt);
  // Inside njit code a scalar result is Numba's unboxed value: a plain Python number
  // for int64/float64/bool/complex128, as for array elements (indexing.cpp).
  if (r.is_obj() && is_np_scalar(vm, r) && vm.in_frame_flagged(vm::kProtoNumba)) {
    NpScalar* sc = as_np_scalar(r);
    if (sc->dtype == DType::Int64 || sc->dtype == DType::Float64 || sc->dtype == DType::Bool ||
        sc->dtype == DType::Complex128)
      return element_to_python(vm, sc->dtype, sc->ptr());
  }
  return r;
}

Value ufunc_repr(VM& vm, Value self) {
  return vm.str(std::string("<ufunc '") + ufunc_def(ufunc_id(self)).name + "'>");
}

void ufunc_trace(Object*, GcTracer&) {}

// ------------------------------------------------------------------ attributes
Value g_name(VM& vm, const CallArgs& a) { return vm.str(ufunc_def(ufunc_id(a[0])).name); }
Value g_nin(VM&, const CallArgs& a) { return Value::from_int(ufunc_def(ufunc_id(a[0])).nin); }
Value g_nout(VM&, const CallArgs&) { return Value::from_int(1); }
Value g_nargs(VM&, const CallArgs& a) { return Value::from_int(ufunc_def(ufunc_id(a[0])).nin + 1); }
Value g_signature(VM&, const CallArgs&) { return Value::none(); }

Value identity_value(Identity id) {
  switch (id) {
    case Identity::Zero: return Value::from_int(0);
    case Identity::One: return Value::from_int(1);
    case Identity::MinusOne: return Value::from_int(-1);
    case Identity::True: return Value::from_bool(true);
    case Identity::False: return Value::from_bool(false);
    case Identity::None: break;
  }
  return Value::none();
}
Value g_identity(VM&, const CallArgs& a) {
  return identity_value(ufunc_def(ufunc_id(a[0])).identity);
}

Value g_types(VM& vm, const CallArgs& a) {
  std::string_view s = ufunc_def(ufunc_id(a[0])).types;
  List* l = vm.new_list(0);
  VM::TempRoot keep(vm, l);
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    Value item = vm.str(s.substr(start, end - start));
    list_append(vm.heap(), l, item);
    start = end + 1;
  }
  return Value::from_obj(l);
}
Value g_ntypes(VM&, const CallArgs& a) {
  std::string_view s = ufunc_def(ufunc_id(a[0])).types;
  int64_t n = s.empty() ? 0 : 1;
  for (char c : s) n += c == ' ';
  return Value::from_int(n);
}

// ------------------------------------------------------------------ reduce / accumulate
ReduceKind reduce_kind(UfuncId id) {
  switch (id) {
    case UfuncId::Add: return ReduceKind::Add;
    case UfuncId::Multiply: return ReduceKind::Multiply;
    case UfuncId::Minimum: return ReduceKind::Min;
    case UfuncId::Maximum: return ReduceKind::Max;
    case UfuncId::LogicalAnd: return ReduceKind::LogicalAnd;
    case UfuncId::LogicalOr: return ReduceKind::LogicalOr;
    default: return ReduceKind::Generic;
  }
}

// The loop a Generic reduction of `arr` runs (I2).
bool reduce_loop(VM& vm, UfuncId id, NDArray* arr, std::optional<DType> dtype, ResolvedLoop& rl) {
  Operand ops[2];
  for (Operand& op : ops) {
    op.kind = OperandKind::Array;
    op.dtype = dtype.value_or(arr->dtype);
    op.arr = arr;
  }
  if (!resolve_loop(vm, id, ops, std::nullopt, Casting::SameKind, rl)) return false;
  if (rl.in[0] == rl.out && rl.in[1] == rl.out) return true;
  const DType t = dtype.value_or(arr->dtype);
  const LoopDef* l = find_loop(id, t, t);
  if (!l || l->out != t) {
    vm.raise_fmt(vm.exc().TypeError,
                 "No loop matching the specified signature and casting was found for ufunc %s",
                 ufunc_def(id).name);
    return false;
  }
  rl.loop = l;
  rl.in[0] = rl.in[1] = rl.out = t;
  return true;
}

Value m_reduce(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{
      "reduce", {"self", "array", "axis=", "dtype=", "out=", "keepdims=", "initial=", "where="}};
  Value p[8];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  const UfuncId id = ufunc_id(p[0]);
  const UfuncDef& def = ufunc_def(id);
  if (def.nin != 2)
    return vm.raise(vm.exc().ValueError, "reduce only supported for binary functions");
  NDArray* arr = as_array(vm, p[1]);
  if (!arr) return Value();
  VM::TempRoot keep(vm, arr);
  ReduceSpec spec;
  spec.kind = reduce_kind(id);
  spec.name = def.name;
  Value axis = p[2].is_undef() ? Value::from_int(0) : p[2];
  if (arr->ndim == 0 && p[2].is_undef()) axis = Value::none();
  if (!parse_axes(vm, axis, arr->ndim, spec.axes)) return Value();
  if (!parse_optional_dtype(vm, p[3], spec.dtype)) return Value();
  if (!parse_out(vm, p[4], spec.out)) return Value();
  if (!p[5].is_undef()) {
    int t = truthy(vm, p[5]);
    if (t < 0) return Value();
    spec.keepdims = t;
  }
  if (!p[6].is_none()) spec.initial = p[6];
  if (!p[7].is_undef() && !(p[7].is_bool() && p[7].as_bool()))
    return vm.raise(vm.exc().NotImplementedError,
                    "ufunc.reduce(where=...) is not supported by pyjitvm");
  LoopStatus status;
  if (spec.kind == ReduceKind::Generic) {
    ResolvedLoop rl;
    if (!reduce_loop(vm, id, arr, spec.dtype, rl)) return Value();
    spec.loop = rl.loop->fn;
    spec.loop_data = &status;
    spec.loop_dtype = rl.out;
  }
  spec.identity = identity_value(def.identity);
  spec.has_identity = def.identity != Identity::None;
  Value r = reduce(vm, arr, spec);
  if (failed(r)) return r;
  if (status.negative_int_power)
    return vm.raise(vm.exc().ValueError, "Integers to negative integer powers are not allowed.");
  return r;
}

Value m_accumulate(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"accumulate", {"self", "array", "axis=", "dtype=", "out="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  const UfuncId id = ufunc_id(p[0]);
  const UfuncDef& def = ufunc_def(id);
  if (def.nin != 2)
    return vm.raise(vm.exc().ValueError, "accumulate only supported for binary functions");
  NDArray* arr = as_array(vm, p[1]);
  if (!arr) return Value();
  VM::TempRoot keep(vm, arr);
  if (arr->ndim == 0) return vm.raise(vm.exc().TypeError, "cannot accumulate on a scalar");
  AccumulateSpec spec;
  spec.name = def.name;
  ReduceKind k = reduce_kind(id);
  const bool logical = k == ReduceKind::LogicalAnd || k == ReduceKind::LogicalOr;
  spec.kind = logical ? ReduceKind::Generic : k;
  if (logical && arr->dtype != DType::Bool && p[3].is_undef()) {
    // NumPy accumulates logical_and/logical_or in their ??->? loop: the truth values.
    arr = copy_array(vm, arr, DType::Bool);
    if (!arr) return Value();
    keep.set(Value::from_obj(arr));
  }
  if (!p[2].is_undef() && !p[2].is_none() && !parse_axis(vm, p[2], arr->ndim, spec.axis))
    return Value();
  if (!parse_optional_dtype(vm, p[3], spec.dtype)) return Value();
  if (!parse_out(vm, p[4], spec.out)) return Value();
  LoopStatus status;
  if (spec.kind == ReduceKind::Generic) {
    ResolvedLoop rl;
    if (!reduce_loop(vm, id, arr, spec.dtype, rl)) return Value();
    spec.loop = rl.loop->fn;
    spec.loop_data = &status;
    spec.loop_dtype = rl.out;
  }
  Value r = accumulate(vm, arr, spec);
  if (failed(r)) return r;
  if (status.negative_int_power)
    return vm.raise(vm.exc().ValueError, "Integers to negative integer powers are not allowed.");
  return r;
}

// outer(A, B): op(A[i..., None...], B[j...]) by broadcasting a reshaped view of A.
Value m_outer(VM& vm, const CallArgs& a) {
  if (a.argc != 3)
    return vm.raise_fmt(vm.exc().TypeError,
                        "outer() takes exactly 2 positional arguments (%u given)", a.argc - 1);
  const UfuncId id = ufunc_id(a[0]);
  if (ufunc_def(id).nin != 2)
    return vm.raise(vm.exc().ValueError, "outer product only supported for binary functions");
  NDArray* x = as_array(vm, a[1]);
  if (!x) return Value();
  VM::TempRoot kx(vm, x);
  NDArray* y = as_array(vm, a[2]);
  if (!y) return Value();
  VM::TempRoot ky(vm, y);
  if (x->ndim + y->ndim > kMaxDims)
    return vm.raise_fmt(vm.exc().ValueError,
                        "maximum supported dimension for an ndarray is %d, found %d", kMaxDims,
                        x->ndim + y->ndim);
  std::vector<int64_t> shape(shape_of(x).begin(), shape_of(x).end());
  std::vector<int64_t> strides(strides_of(x).begin(), strides_of(x).end());
  for (int i = 0; i < y->ndim; ++i) {
    shape.push_back(1);
    strides.push_back(0);
  }
  NDArray* xv = new_view(vm, x, x->dtype, x->data, shape, strides);
  if (!xv) return Value();
  VM::TempRoot kv(vm, xv);
  CallOptions opt;
  for (uint32_t k = 0; k < a.nkw(); ++k) {
    std::string_view name = as_str((*a.kwnames)[k])->view();
    Value v = a.argv[a.argc + k];
    if (name == "out") {
      if (!parse_out(vm, v, opt.out)) return Value();
    } else if (name == "dtype") {
      if (!parse_optional_dtype(vm, v, opt.dtype)) return Value();
    } else if (name == "casting") {
      if (!parse_casting(vm, v, opt.casting)) return Value();
    } else {
      return vm.raise_fmt(vm.exc().TypeError, "outer() got an unexpected keyword argument '%s'",
                          std::string(name).c_str());
    }
  }
  Operand ops[2];
  if (!make_operand(vm, Value::from_obj(xv), ops[0]) ||
      !make_operand(vm, Value::from_obj(y), ops[1]))
    return Value();
  return execute(vm, id, ops, opt);
}

// clang-format off
const GetSetDef kGetSets[] = {
    {"__name__", g_name}, {"nin", g_nin},       {"nout", g_nout},   {"nargs", g_nargs},
    {"identity", g_identity}, {"types", g_types}, {"ntypes", g_ntypes}, {"signature", g_signature},
};
// clang-format on
const MethodDef kMethods[] = {
    {"reduce", m_reduce},
    {"accumulate", m_accumulate},
    {"outer", m_outer},
};

struct Alias {
  const char* name;
  UfuncId id;
};
// Module names of the ufuncs, aliases included (I3).
// clang-format off
const Alias kNames[] = {
    {"add", UfuncId::Add}, {"subtract", UfuncId::Subtract}, {"multiply", UfuncId::Multiply},
    {"divide", UfuncId::TrueDivide}, {"true_divide", UfuncId::TrueDivide},
    {"floor_divide", UfuncId::FloorDivide}, {"remainder", UfuncId::Remainder},
    {"mod", UfuncId::Remainder}, {"fmod", UfuncId::Fmod}, {"power", UfuncId::Power},
    {"negative", UfuncId::Negative}, {"positive", UfuncId::Positive},
    {"absolute", UfuncId::Absolute}, {"abs", UfuncId::Absolute}, {"sqrt", UfuncId::Sqrt},
    {"square", UfuncId::Square}, {"reciprocal", UfuncId::Reciprocal}, {"cbrt", UfuncId::Cbrt},
    {"exp", UfuncId::Exp}, {"exp2", UfuncId::Exp2}, {"log", UfuncId::Log}, {"log2", UfuncId::Log2},
    {"log10", UfuncId::Log10}, {"expm1", UfuncId::Expm1}, {"log1p", UfuncId::Log1p},
    {"sin", UfuncId::Sin}, {"cos", UfuncId::Cos}, {"tan", UfuncId::Tan},
    {"arcsin", UfuncId::Arcsin}, {"arccos", UfuncId::Arccos}, {"arctan", UfuncId::Arctan},
    {"arctan2", UfuncId::Arctan2}, {"sinh", UfuncId::Sinh}, {"cosh", UfuncId::Cosh},
    {"tanh", UfuncId::Tanh}, {"arcsinh", UfuncId::Arcsinh}, {"arccosh", UfuncId::Arccosh},
    {"arctanh", UfuncId::Arctanh}, {"hypot", UfuncId::Hypot}, {"floor", UfuncId::Floor},
    {"ceil", UfuncId::Ceil}, {"trunc", UfuncId::Trunc}, {"rint", UfuncId::Rint},
    {"sign", UfuncId::Sign}, {"minimum", UfuncId::Minimum}, {"maximum", UfuncId::Maximum},
    {"fmin", UfuncId::Fmin}, {"fmax", UfuncId::Fmax}, {"isnan", UfuncId::Isnan},
    {"isinf", UfuncId::Isinf}, {"isfinite", UfuncId::Isfinite}, {"signbit", UfuncId::Signbit},
    {"copysign", UfuncId::Copysign}, {"radians", UfuncId::Radians}, {"degrees", UfuncId::Degrees},
    {"deg2rad", UfuncId::Deg2rad}, {"rad2deg", UfuncId::Rad2deg},
    {"conjugate", UfuncId::Conjugate}, {"conj", UfuncId::Conjugate}, {"equal", UfuncId::Equal},
    {"not_equal", UfuncId::NotEqual}, {"less", UfuncId::Less}, {"less_equal", UfuncId::LessEqual},
    {"greater", UfuncId::Greater}, {"greater_equal", UfuncId::GreaterEqual},
    {"logical_and", UfuncId::LogicalAnd}, {"logical_or", UfuncId::LogicalOr},
    {"logical_xor", UfuncId::LogicalXor}, {"logical_not", UfuncId::LogicalNot},
    {"bitwise_and", UfuncId::BitwiseAnd}, {"bitwise_or", UfuncId::BitwiseOr},
    {"bitwise_xor", UfuncId::BitwiseXor}, {"invert", UfuncId::Invert},
    {"bitwise_not", UfuncId::Invert}, {"left_shift", UfuncId::LeftShift},
    {"right_shift", UfuncId::RightShift},
};
// clang-format on

std::string object_key(UfuncId id) { return "_ufunc_" + std::to_string(static_cast<int>(id)); }

const char* const kExceptionsSource =
    "class UFuncTypeError(TypeError):\n    pass\n"
    "class _UFuncNoLoopError(UFuncTypeError):\n    pass\n"
    "class _UFuncCastingError(UFuncTypeError):\n    pass\n"
    "class _UFuncInputCastingError(_UFuncCastingError):\n    pass\n"
    "class _UFuncOutputCastingError(_UFuncCastingError):\n    pass\n";

const char* exception_name(UfuncError kind) {
  switch (kind) {
    case UfuncError::NoLoop: return "_UFuncNoLoopError";
    case UfuncError::InputCasting: return "_UFuncInputCastingError";
    case UfuncError::OutputCasting: return "_UFuncOutputCastingError";
  }
  return "UFuncTypeError";
}

}  // namespace

Value raise_ufunc_error(VM& vm, UfuncError kind, const std::string& msg) {
  Value t = dict_get_str(extra_dict(vm), vm.intern(exception_name(kind)));
  if (t.is_undef()) return vm.raise(vm.exc().TypeError, msg);
  return vm.raise(as_type(t), msg);
}

void install_ufunc_exceptions(VM& vm, NumpyState& st) {
  Module* m = vm.new_module("numpy.core._exceptions");
  VM::TempRoot keep(vm, m);
  if (!vm.exec_module(kExceptionsSource, "<numpy.core._exceptions>", m)) return;
  Dict* extra = extra_dict(vm);
  for (const char* n : {"UFuncTypeError", "_UFuncNoLoopError", "_UFuncCastingError",
                        "_UFuncInputCastingError", "_UFuncOutputCastingError"}) {
    Str* key = vm.intern(n);
    Value cls = dict_get_str(m->dict, key);
    if (cls.is_undef()) continue;
    // NumPy's _display_as_base: the private classes are *named* UFuncTypeError (their
    // __qualname__ stays, which is what tracebacks show).
    as_type(cls)->name = vm.intern("UFuncTypeError");
    dict_set_str(vm.heap(), extra, key, cls);
  }
}

void install_ufunc_objects(VM& vm, NumpyState& st) {
  Type* t = make_builtin_type(vm, "ufunc", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("numpy");
  t->slots.trace = ufunc_trace;
  t->slots.repr = ufunc_repr;
  t->slots.call = ufunc_call;
  add_getsets(vm, t, kGetSets);
  add_methods(vm, t, kMethods);
  st.ufunc = t;
  set_attr_str(vm, st.module->dict, "ufunc", Value::from_obj(t));
  Dict* extra = extra_dict(vm);
  for (int i = 0; i < kNumUfuncs; ++i) {
    UfuncObj* u = vm.heap().make<UfuncObj>(t, Kind::Other, 0);
    u->id = static_cast<UfuncId>(i);
    dict_set_str(vm.heap(), extra, vm.intern(object_key(u->id)), Value::from_obj(u));
  }
  for (const Alias& al : kNames)
    set_attr_str(vm, st.module->dict, al.name, ufunc_object(vm, al.id));
}

Value ufunc_object(VM& vm, UfuncId id) {
  return dict_get_str(extra_dict(vm), vm.intern(object_key(id)));
}

}  // namespace pyjitvm::stdlib::np
