// stdlib/numba/vectorize.cpp — @vectorize: DUFunc objects that behave like NumPy ufuncs
// (broadcasting, type dispatch, out=, reduce, accumulate) and run the njit variant of
// the Python function once per element.
//
// Stage: vectorize(sigs, target=, identity=)(fn) → VecFunc (vec_internal.h); a call
// makes NumPy operands, selects a signature (vec_internal.h I3), broadcasts the inputs
// with MultiIter and stores each result with NumPy's __setitem__ conversion into an
// output of the signature's return dtype.
//
// Invariants:
//   I1  Lazy objects (no signatures) add a signature built from the operands' dtypes
//       when no existing one accepts them; its return type is the type of the first
//       element computed (Numba infers it at compile time).
//   I2  Results follow NumPy's convention: a NumPy scalar when every input is a scalar
//       and no out= is given, else an array (`out` itself when given).
//   I3  Each element is one call of jit_fn with the elements converted to the chosen
//       signature's dtypes (vec_internal.h I2); exceptions raised there propagate.
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numba/vec_internal.h"
#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/scalar.h"
#include "vm/builtin_types.h"
#include "vm/dict_object.h"
#include "vm/gc.h"
#include "vm/list_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;
using np::DType;
using np::NDArray;

// ------------------------------------------------------------------ shared helpers

void vecfunc_trace(Object* o, GcTracer& t) {
  VecFunc* f = static_cast<VecFunc*>(o);
  t.mark(f->py_func);
  t.mark(f->jit_fn);
  t.mark(f->sigs);
  t.mark(f->identity);
  t.mark(f->layout);
}

Value element_value(VM& vm, DType d, const char* p) {
  switch (d) {
    case DType::Int64:
    case DType::Float64:
    case DType::Bool:
    case DType::Complex128:
      return np::element_to_python(vm, d, p);
    default:
      return np::box_scalar(vm, d, p);
  }
}

DType sig_dtype(const NbType* t) { return t->dtype; }

namespace {

bool operand_casts(const np::Operand& op, DType to, bool min_scalar) {
  if (op.dtype == to || np::can_cast_safe(op.dtype, to)) return true;
  if (!min_scalar || op.kind != np::OperandKind::Scalar) return false;
  bool small = false;
  DType m = np::min_scalar_dtype(op, small);
  if (small && !np::is_unsigned_int(to)) m = np::signed_of(m);
  return np::can_cast_safe(m, to);
}

}  // namespace

int select_signature(const VecFunc* f, const np::Operand* ops, int n) {
  // Measured on NumPy 1.24 + Numba 0.56: a plain ufunc (target='parallel') or a GUFunc
  // first takes the signature matching the operands' own dtypes exactly, then the first
  // one they cast to safely (value-based for scalars mixed with arrays); a DUFunc only
  // does the linear search, on the operands' own dtypes.
  const bool numpy_rules = f->layout || f->plain_ufunc;
  const bool min_scalar = numpy_rules && np::use_min_scalar(ops, n);
  for (int pass = numpy_rules ? 0 : 1; pass < 2; ++pass) {
    for (uint32_t i = 0; i < f->sigs->len; ++i) {
      const NbSignature* s = as_signature(f->sigs->items[i]);
      if (static_cast<int>(s->args->size()) < n) continue;
      bool ok = true;
      for (int k = 0; k < n && ok; ++k) {
        const DType to = sig_dtype((*s->args)[k]);
        ok = pass == 0 ? ops[k].dtype == to : operand_casts(ops[k], to, min_scalar);
      }
      if (ok) return static_cast<int>(i);
    }
  }
  return -1;
}

Value raise_no_loop(VM& vm, const VecFunc* f) {
  return vm.raise_fmt(vm.exc().TypeError,
                      "ufunc '%s' not supported for the input types, and the inputs could not be "
                      "safely coerced to any supported types according to the casting rule "
                      "''safe''",
                      f->py_func->name->data());
}

Value types_list(VM& vm, const VecFunc* f) {
  List* l = vm.new_list(0);
  VM::TempRoot keep(vm, l);
  for (uint32_t i = 0; i < f->sigs->len; ++i) {
    const NbSignature* s = as_signature(f->sigs->items[i]);
    std::string t;
    size_t nin = std::min<size_t>(f->nin, s->args->size());
    for (size_t k = 0; k < nin; ++k) t += np::info(sig_dtype((*s->args)[k])).type_char;
    t += "->";
    if (f->layout) {
      for (size_t k = nin; k < s->args->size(); ++k)
        t += np::info(sig_dtype((*s->args)[k])).type_char;
    } else if (s->ret) {
      t += np::info(sig_dtype(s->ret)).type_char;
    }
    list_append(vm.heap(), l, vm.str(t));
  }
  return Value::from_obj(l);
}

NDArray* operand_array(VM& vm, const np::Operand& op) {
  if (op.arr) return op.arr;
  int64_t none = 0;
  NDArray* a = np::new_array(vm, op.dtype, std::span<const int64_t>(&none, 0));
  if (a) std::memcpy(a->data, op.value, a->itemsize);
  return a;
}

bool check_output_cast(VM& vm, const VecFunc* f, DType from, DType to) {
  if (np::can_cast(from, to, np::Casting::SameKind)) return true;
  np::raise_ufunc_error(vm, np::UfuncError::OutputCasting,
                        "Cannot cast ufunc '" + std::string(f->py_func->name->view()) +
                            "' output from " + np::dtype_repr(from) + " to " + np::dtype_repr(to) +
                            " with casting rule 'same_kind'");
  return false;
}

bool collect_sig_list(VM& vm, Value v, List* out) {
  if (is_kind(v, Kind::List) || is_kind(v, Kind::Tuple)) {
    return for_each(vm, v, [&](Value item) {
      NbSignature* s = signature_from_value(vm, item);
      if (!s) return false;
      list_append(vm.heap(), out, Value::from_obj(s));
      return true;
    });
  }
  NbSignature* s = signature_from_value(vm, v);
  if (!s) return false;
  list_append(vm.heap(), out, Value::from_obj(s));
  return true;
}

namespace {

// ------------------------------------------------------------------ element loop

// Runs jit_fn over broadcast inputs `ins` (any dtypes) with argument dtypes `argt`,
// writing `res` (dtype `rt`, shape `shape`).
bool run_elements(VM& vm, VecFunc* f, std::span<NDArray* const> ins, const DType* argt,
                  NDArray* res, std::span<const int64_t> shape) {
  const int nin = static_cast<int>(ins.size());
  std::vector<NDArray*> ops(ins.begin(), ins.end());
  ops.push_back(res);
  np::MultiIter it(shape, ops);
  np::CastLoop casts[np::MultiIter::kMaxOps];
  for (int k = 0; k < nin; ++k)
    casts[k] = ins[k]->dtype == argt[k] ? nullptr : np::cast_loop(ins[k]->dtype, argt[k]);
  Tuple* argv = vm.new_tuple(nin);
  VM::TempRoot keep(vm, argv);
  const DType rt = res->dtype;
  bool ok = true;
  it.run([&](char** ptrs, const int64_t* strides, int64_t n) {
    for (int64_t i = 0; i < n && ok; ++i) {
      for (int k = 0; k < nin; ++k) {
        const char* p = ptrs[k] + i * strides[k];
        alignas(16) char buf[16];
        if (casts[k]) {
          casts[k](p, 0, buf, 0, 1);
          p = buf;
        }
        (*argv)[k] = element_value(vm, argt[k], p);
      }
      Value r = call_function(vm, Value::from_obj(f->jit_fn), &(*argv)[0], nin);
      if (failed(r)) {
        ok = false;
        return;
      }
      if (!np::store_value(vm, rt, ptrs[nin] + i * strides[nin], r)) ok = false;
    }
  });
  return ok;
}

// Lazy signature without a return type yet (I1): computes the first element to learn it.
bool infer_return(VM& vm, VecFunc* f, NbSignature* s, std::span<NDArray* const> ins) {
  const int nin = static_cast<int>(ins.size());
  Tuple* argv = vm.new_tuple(nin);
  VM::TempRoot keep(vm, argv);
  for (int k = 0; k < nin; ++k) {
    DType t = sig_dtype((*s->args)[k]);
    alignas(16) char buf[16] = {};
    if (ins[k]->size > 0) np::cast_loop(ins[k]->dtype, t)(ins[k]->data, 0, buf, 0, 1);
    (*argv)[k] = element_value(vm, t, buf);
  }
  Value r = call_function(vm, Value::from_obj(f->jit_fn), &(*argv)[0], nin);
  if (failed(r)) return false;
  NbType* rt = nullptr;
  if (!typeof_value(vm, r, rt)) return false;
  if (rt->nk != NbKind::Boolean && rt->nk != NbKind::Integer && rt->nk != NbKind::Float &&
      rt->nk != NbKind::Complex) {
    vm.raise_fmt(vm.exc().TypeError, "vectorize: the kernel returned %s, not a scalar",
                 rt->name->data());
    return false;
  }
  s->ret = rt;
  return true;
}

// The signature for operands `ops` (adding one when lazy, I1); nullptr with TypeError.
NbSignature* signature_for(VM& vm, VecFunc* f, const np::Operand* ops, int nin) {
  for (int k = 0; k < nin; ++k)
    if (!ops[k].is_numeric()) return raise_no_loop(vm, f), nullptr;
  int idx = select_signature(f, ops, nin);
  if (idx >= 0) return as_signature(f->sigs->items[idx]);
  if (!f->lazy) return raise_no_loop(vm, f), nullptr;
  std::vector<NbType*> args;
  for (int k = 0; k < nin; ++k) args.push_back(scalar_type(vm, ops[k].dtype));
  NbSignature* s = new_signature(vm, nullptr, args);
  s->ret = nullptr;
  VM::TempRoot keep(vm, s);
  list_append(vm.heap(), f->sigs, Value::from_obj(s));
  return s;
}

// NumPy's checks of out= against the broadcast input shape; `shape` becomes out's.
bool check_out_shape(VM& vm, std::span<NDArray* const> ins, NDArray* out,
                     std::vector<int64_t>& shape) {
  std::vector<int64_t> both;
  const std::span<const int64_t> spans[2] = {shape, np::shape_of(out)};
  if (!np::broadcast_shapes(spans, both)) {
    std::string msg = "operands could not be broadcast together with shapes ";
    for (NDArray* a : ins) msg += np::shape_str_compact(np::shape_of(a)) + " ";
    msg += np::shape_str_compact(np::shape_of(out)) + " ";
    vm.raise(vm.exc().ValueError, msg);
    return false;
  }
  if (both != std::vector<int64_t>(np::shape_of(out).begin(), np::shape_of(out).end())) {
    vm.raise_fmt(vm.exc().ValueError,
                 "non-broadcastable output operand with shape %s doesn't match the broadcast "
                 "shape %s",
                 np::shape_str_compact(np::shape_of(out)).c_str(),
                 np::shape_str_compact(shape).c_str());
    return false;
  }
  shape = both;
  return true;
}

bool parse_out(VM& vm, Value v, NDArray*& out) {
  if (v.is_undef() || v.is_none()) return true;
  if (is_kind(v, Kind::Tuple) && as_tuple(v)->len == 1) v = (*as_tuple(v))[0];
  if (!np::is_ndarray(vm, v)) {
    vm.raise(vm.exc().TypeError, "return arrays must be of ArrayType");
    return false;
  }
  out = np::as_ndarray(v);
  return np::check_writeable(vm, out);
}

Value vec_call(VM& vm, Value self, const CallArgs& a) {
  VecFunc* f = as_vecfunc(self);
  const int nin = f->nin;
  const char* name = f->py_func->name->data();
  Value out_v;
  for (uint32_t i = 0; i < a.nkw(); ++i) {
    std::string_view kn = as_str((*a.kwnames)[i])->view();
    if (kn == "out")
      out_v = a.argv[a.argc + i];
    else if (kn != "casting" && kn != "where" && kn != "dtype")
      return vm.raise_fmt(vm.exc().TypeError, "'%s' is an invalid keyword to ufunc '%s'",
                          std::string(kn).c_str(), name);
  }
  if (static_cast<int>(a.argc) < nin || static_cast<int>(a.argc) > nin + 1)
    return vm.raise_fmt(vm.exc().TypeError,
                        "%s() takes from %d to %d positional arguments but %u were given", name,
                        nin, nin + 1, a.argc);
  if (static_cast<int>(a.argc) == nin + 1) out_v = a[nin];
  NDArray* out = nullptr;
  if (!parse_out(vm, out_v, out)) return Value();
  np::Operand ops[np::MultiIter::kMaxOps - 1];
  if (nin >= np::MultiIter::kMaxOps) return vm.raise(vm.exc().ValueError, "too many ufunc inputs");
  List* keep_list = vm.new_list(0);
  VM::TempRoot keep(vm, keep_list);
  for (int k = 0; k < nin; ++k)
    if (!np::make_operand(vm, a[k], ops[k])) return Value();
  NbSignature* s = signature_for(vm, f, ops, nin);
  if (!s) return Value();
  std::vector<NDArray*> ins;
  bool all_scalar = true;
  for (int k = 0; k < nin; ++k) {
    NDArray* arr = operand_array(vm, ops[k]);
    if (!arr) return Value();
    list_append(vm.heap(), keep_list, Value::from_obj(arr));
    ins.push_back(arr);
    all_scalar = all_scalar && ops[k].kind == np::OperandKind::Scalar;
  }
  std::vector<int64_t> shape;
  if (!np::broadcast_arrays_shape(vm, ins, shape)) return Value();
  if (out && !check_out_shape(vm, ins, out, shape)) return Value();
  if (!s->ret && !infer_return(vm, f, s, ins)) return Value();
  DType argt[np::MultiIter::kMaxOps];
  for (int k = 0; k < nin; ++k) argt[k] = sig_dtype((*s->args)[k]);
  const DType rt = sig_dtype(s->ret);
  if (out && !check_output_cast(vm, f, rt, out->dtype)) return Value();
  NDArray* res = out && out->dtype == rt ? out : np::new_array(vm, rt, shape);
  if (!res) return Value();
  list_append(vm.heap(), keep_list, Value::from_obj(res));
  if (!run_elements(vm, f, ins, argt, res, shape)) return Value();
  if (out) {
    if (res != out && !np::copy_into(vm, out, res)) return Value();
    return Value::from_obj(out);
  }
  if (all_scalar) return np::box_scalar(vm, rt, res->data);
  return Value::from_obj(res);
}

// ------------------------------------------------------------------ reduce / accumulate

// The view of `a` at index i along `axis` (that dimension removed).
NDArray* slice_along(VM& vm, NDArray* a, int axis, int64_t i) {
  std::vector<int64_t> shape, strides;
  for (int d = 0; d < a->ndim; ++d) {
    if (d == axis) continue;
    shape.push_back(a->shape[d]);
    strides.push_back(a->strides[d]);
  }
  return np::new_view(vm, a, a->dtype, a->data + i * a->strides[axis], shape, strides);
}

// Shared set-up of reduce/accumulate: the array, the axis, and the binary signature.
// `keepdims` is set from keepdims= (reduce only); dtype=, out=, initial= and where= are
// not supported and raise NotImplementedError when given.
bool reduce_setup(VM& vm, VecFunc* f, const CallArgs& a, const char* what, NDArray*& arr, int& axis,
                  NbSignature*& s, List* keep, bool& keepdims) {
  static const ArgSpec kReduce{
      "reduce", {"self", "array", "axis=", "dtype=", "out=", "keepdims=", "initial=", "where="}};
  static const ArgSpec kAccumulate{"accumulate", {"self", "array", "axis=", "dtype=", "out="}};
  Value v[8];
  const bool reduce = std::string_view(what) == "reduce";
  if (!parse_args(vm, a, reduce ? kReduce : kAccumulate, v)) return false;
  keepdims = false;
  if (reduce && !v[5].is_undef()) {
    int t = truthy(vm, v[5]);
    if (t < 0) return false;
    keepdims = t;
  }
  static const int kUnsupported[] = {3, 4, 6, 7};
  static const char* const kNames[] = {"dtype", "out", "initial", "where"};
  for (int i = 0; i < (reduce ? 4 : 2); ++i) {
    Value u = v[kUnsupported[i]];
    if (!u.is_undef() && !u.is_none() && !(i == 3 && u.is_bool() && u.as_bool())) {
      vm.raise_fmt(vm.exc().NotImplementedError, "%s.%s(%s=...) is not supported by pyjitvm",
                   f->py_func->name->data(), what, kNames[i]);
      return false;
    }
  }
  if (f->nin != 2) {
    vm.raise_fmt(vm.exc().ValueError, "%s only supported for binary functions", what);
    return false;
  }
  arr = np::as_array(vm, v[1]);
  if (!arr) return false;
  list_append(vm.heap(), keep, Value::from_obj(arr));
  if (v[2].is_none()) {
    NDArray* flat = np::as_contiguous(vm, arr);
    if (!flat) return false;
    int64_t n = flat->size, st = flat->itemsize;
    arr = np::new_view(vm, flat, flat->dtype, flat->data, std::span<const int64_t>(&n, 1),
                       std::span<const int64_t>(&st, 1));
    if (!arr) return false;
    list_append(vm.heap(), keep, Value::from_obj(arr));
    axis = 0;
  } else {
    if (arr->ndim == 0) {
      vm.raise_fmt(vm.exc().TypeError, "cannot %s on a scalar", what);
      return false;
    }
    axis = 0;
    if (!v[2].is_undef() && !np::parse_axis(vm, v[2], arr->ndim, axis)) return false;
  }
  np::Operand ops[2];
  if (!np::make_operand(vm, Value::from_obj(arr), ops[0])) return false;
  ops[1] = ops[0];
  s = signature_for(vm, f, ops, 2);
  if (!s) return false;
  if (!s->ret) {
    NDArray* ins[2] = {arr, arr};
    if (!infer_return(vm, f, s, ins)) return false;
  }
  return true;
}

Value m_reduce(VM& vm, const CallArgs& a) {
  VecFunc* f = as_vecfunc(a[0]);
  List* keep = vm.new_list(0);
  VM::TempRoot root(vm, keep);
  NDArray* arr;
  int axis;
  NbSignature* s;
  bool keepdims;
  if (!reduce_setup(vm, f, a, "reduce", arr, axis, s, keep, keepdims)) return Value();
  const DType rt = sig_dtype(s->ret);
  std::vector<int64_t> rshape;
  for (int d = 0; d < arr->ndim; ++d)
    if (d != axis) rshape.push_back(arr->shape[d]);
  NDArray* res = np::new_array(vm, rt, rshape);
  if (!res) return Value();
  list_append(vm.heap(), keep, Value::from_obj(res));
  const int64_t len = arr->shape[axis];
  if (len == 0) {
    if (f->identity.is_none() || f->identity.is_undef())
      return vm.raise_fmt(vm.exc().ValueError,
                          "zero-size array to reduction operation %s which has no identity",
                          f->py_func->name->data());
    if (!np::fill_scalar(vm, res, f->identity)) return Value();
  } else {
    NDArray* first = slice_along(vm, arr, axis, 0);
    if (!first) return Value();
    VM::TempRoot keep_first(vm, first);
    if (!np::copy_into(vm, res, first)) return Value();
    const DType argt[2] = {sig_dtype((*s->args)[0]), sig_dtype((*s->args)[1])};
    for (int64_t i = 1; i < len; ++i) {
      NDArray* sl = slice_along(vm, arr, axis, i);
      if (!sl) return Value();
      VM::TempRoot keep_sl(vm, sl);
      NDArray* ins[2] = {res, sl};
      if (!run_elements(vm, f, ins, argt, res, rshape)) return Value();
    }
  }
  if (keepdims) {
    std::vector<int64_t> kshape(np::shape_of(arr).begin(), np::shape_of(arr).end());
    kshape[axis] = 1;
    std::vector<int64_t> kstrides(kshape.size());
    np::c_strides(kshape, res->itemsize, kstrides.data());
    NDArray* kd = np::new_view(vm, res, rt, res->data, kshape, kstrides);
    return kd ? Value::from_obj(kd) : Value();
  }
  if (res->ndim == 0) return np::box_scalar(vm, rt, res->data);
  return Value::from_obj(res);
}

Value m_accumulate(VM& vm, const CallArgs& a) {
  VecFunc* f = as_vecfunc(a[0]);
  List* keep = vm.new_list(0);
  VM::TempRoot root(vm, keep);
  NDArray* arr;
  int axis;
  NbSignature* s;
  bool keepdims;
  if (!reduce_setup(vm, f, a, "accumulate", arr, axis, s, keep, keepdims)) return Value();
  const DType rt = sig_dtype(s->ret);
  NDArray* res = np::new_array(vm, rt, np::shape_of(arr));
  if (!res) return Value();
  list_append(vm.heap(), keep, Value::from_obj(res));
  const int64_t len = arr->shape[axis];
  if (len == 0) return Value::from_obj(res);
  NDArray* r0 = slice_along(vm, res, axis, 0);
  if (!r0) return Value();
  list_append(vm.heap(), keep, Value::from_obj(r0));
  NDArray* a0 = slice_along(vm, arr, axis, 0);
  if (!a0) return Value();
  list_append(vm.heap(), keep, Value::from_obj(a0));
  if (!np::copy_into(vm, r0, a0)) return Value();
  const DType argt[2] = {sig_dtype((*s->args)[0]), sig_dtype((*s->args)[1])};
  std::vector<int64_t> rshape(np::shape_of(r0).begin(), np::shape_of(r0).end());
  for (int64_t i = 1; i < len; ++i) {
    NDArray* prev = slice_along(vm, res, axis, i - 1);
    if (!prev) return Value();
    VM::TempRoot k1(vm, prev);
    NDArray* cur = slice_along(vm, res, axis, i);
    if (!cur) return Value();
    VM::TempRoot k2(vm, cur);
    NDArray* sl = slice_along(vm, arr, axis, i);
    if (!sl) return Value();
    VM::TempRoot k3(vm, sl);
    NDArray* ins[2] = {prev, sl};
    if (!run_elements(vm, f, ins, argt, cur, rshape)) return Value();
  }
  return Value::from_obj(res);
}

// ------------------------------------------------------------------ attributes

Value vec_repr(VM& vm, Value self) {
  VecFunc* f = as_vecfunc(self);
  std::string n(f->py_func->name->view());
  return vm.str(f->plain_ufunc ? "<ufunc '" + n + "'>" : "<numba._DUFunc '" + n + "'>");
}

Value vec_getattr(VM& vm, Value self, Str* name) {
  VecFunc* f = as_vecfunc(self);
  std::string_view n = name->view();
  if (n == "__name__") return Value::from_obj(f->py_func->name);
  if (n == "__doc__") return f->py_func->doc;
  if (n == "nin") return Value::from_int(f->nin);
  if (n == "nout") return Value::from_int(1);
  if (n == "nargs") return Value::from_int(f->nin + 1);
  if (n == "ntypes") return Value::from_int(f->sigs->len);
  if (n == "types") return types_list(vm, f);
  if (n == "identity") return is_kind(f->identity, Kind::Str) ? Value::none() : f->identity;
  if (n == "signature") return Value::none();
  if (n == "py_func" || n == "__wrapped__") return Value::from_obj(f->py_func);
  return generic_getattr(vm, self, name);
}

Type* vec_type(VM& vm, NumbaState& st, bool plain) {
  const char* key = plain ? "vectorize.ufunc_type" : "vectorize.dufunc_type";
  Value cached = dict_get_str(st.extra, vm.intern(key));
  if (!cached.is_undef()) return static_cast<Type*>(cached.as_obj());
  Type* t = make_builtin_type(vm, plain ? "ufunc" : "DUFunc", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern(plain ? "numpy" : "numba.np.ufunc.dufunc");
  t->slots.trace = vecfunc_trace;
  t->slots.call = vec_call;
  t->slots.repr = vec_repr;
  t->slots.getattr = vec_getattr;
  static const MethodDef kMethods[] = {{"reduce", m_reduce}, {"accumulate", m_accumulate}};
  add_methods(vm, t, kMethods);
  dict_set_str(vm.heap(), st.extra, vm.intern(key), Value::from_obj(t));
  return t;
}

// ------------------------------------------------------------------ decorator

// Options of vectorize(): target=, identity= and the jit options.
bool split_options(VM& vm, Dict* kw, Value& target, Value& identity, JitOptions& opts) {
  identity = Value::none();
  if (!kw) return true;
  Dict* rest = vm.new_dict();
  VM::TempRoot keep(vm, rest);
  uint32_t pos = 0;
  DictEntry* e;
  while (dict_next(kw, pos, e)) {
    std::string_view k = as_str(e->key)->view();
    if (k == "target")
      target = e->value;
    else if (k == "identity")
      identity = e->value;
    else
      dict_set_str(vm.heap(), rest, as_str(e->key), e->value);
  }
  if (!target.is_undef()) {
    if (!is_kind(target, Kind::Str)) {
      vm.raise(vm.exc().TypeError, "target must be a string");
      return false;
    }
    std::string_view t = as_str(target)->view();
    if (t != "cpu" && t != "parallel" && t != "cuda") {
      vm.raise_fmt(vm.exc().ValueError, "Unsupported target: %s", std::string(t).c_str());
      return false;
    }
  }
  return parse_jit_options(vm, rest, opts);
}

Value make_vecfunc(VM& vm, Value fn, List* sigs, Dict* kw) {
  NumbaState& st = numba_state(vm);
  if (!is_kind(fn, Kind::Function))
    return vm.raise_fmt(vm.exc().TypeError, "The decorated object is not a function (got type %s).",
                        type_name(vm, fn));
  Value target, identity;
  JitOptions opts;
  opts.error_model_numpy = true;  // Numba compiles ufunc kernels with error_model='numpy'
  if (!split_options(vm, kw, target, identity, opts)) return Value();
  const bool parallel = !target.is_undef() && as_str(target)->view() == "parallel";
  opts.parallel = opts.parallel || parallel;
  Function* jf = numba_variant(vm, fn, opts);
  if (!jf) return Value();
  VM::TempRoot keep_jf(vm, jf);
  const bool plain = parallel && sigs && sigs->len;
  VecFunc* f = vm.heap().make<VecFunc>(vec_type(vm, st, plain), Kind::Other, 0);
  f->py_func = static_cast<Function*>(fn.as_obj());
  f->jit_fn = jf;
  f->identity = identity;
  f->plain_ufunc = plain;
  f->nin = static_cast<int>(f->py_func->proto->argcount);
  VM::TempRoot keep(vm, f);
  f->sigs = vm.new_list(0);
  f->lazy = !sigs || sigs->len == 0;
  if (sigs)
    for (uint32_t i = 0; i < sigs->len; ++i) {
      NbSignature* s = as_signature(sigs->items[i]);
      if (!s->ret)
        return vm.raise(vm.exc().TypeError, "return type must be specified for vectorize");
      list_append(vm.heap(), f->sigs, sigs->items[i]);
    }
  return Value::from_obj(f);
}

Value vectorize_apply(VM& vm, const CallArgs& a) {
  Tuple* data = as_tuple(static_cast<NativeFunction*>(a.callee)->data);
  if (a.argc != 1 || a.nkw())
    return vm.raise(vm.exc().TypeError, "vectorize decorator takes exactly one function");
  List* sigs = (*data)[0].is_none() ? nullptr : as_list((*data)[0]);
  Dict* kw = (*data)[1].is_none() ? nullptr : static_cast<Dict*>((*data)[1].as_obj());
  return make_vecfunc(vm, a[0], sigs, kw);
}

Value f_vectorize(VM& vm, const CallArgs& a) {
  Dict* kw = a.nkw() ? vm.new_dict() : nullptr;
  VM::TempRoot keep_kw(vm, kw ? Value::from_obj(kw) : Value::none());
  Value first;
  for (uint32_t i = 0; i < a.nkw(); ++i) {
    Str* name = as_str((*a.kwnames)[i]);
    if (name->view() == "ftylist_or_function")
      first = a.argv[a.argc + i];
    else
      dict_set_str(vm.heap(), kw, name, a.argv[a.argc + i]);
  }
  if (a.argc > 1)
    return vm.raise(vm.exc().TypeError, "vectorize() takes at most one positional argument");
  if (a.argc) first = a[0];
  if (!first.is_undef() && is_kind(first, Kind::Function))
    return make_vecfunc(vm, first, nullptr, kw);
  List* sigs = vm.new_list(0);
  VM::TempRoot keep_sigs(vm, sigs);
  if (!first.is_undef() && !collect_sig_list(vm, first, sigs)) return Value();
  Value target, identity;
  JitOptions probe;
  if (!split_options(vm, kw, target, identity, probe)) return Value();
  Tuple* data = vm.new_tuple(2);
  (*data)[0] = Value::from_obj(sigs);
  (*data)[1] = kw ? Value::from_obj(kw) : Value::none();
  VM::TempRoot keep_data(vm, data);
  return Value::from_obj(
      vm.new_native("vectorize_decorator", vectorize_apply, Value::from_obj(data)));
}

}  // namespace

bool install_vectorize(VM& vm, NumbaState& st) {
  vec_type(vm, st, false);
  vec_type(vm, st, true);
  static const MethodDef kFunctions[] = {{"vectorize", f_vectorize}};
  add_functions(vm, st.module->dict, kFunctions);
  return install_guvectorize(vm, st) && !vm.has_pending();
}

}  // namespace pyjitvm::stdlib::nb
