// stdlib/numba/stencil.cpp — @stencil: StencilFunc objects that run a relative-indexing
// kernel (a[-1, 0] + a[1, 0]) at every interior point of their array arguments.
//
// Stage: stencil(neighborhood=, cval=)(fn) → StencilFunc {py_func, jit_fn =
// numba_variant(py_func)}; a call wraps each array argument in a StencilAccessor whose
// __getitem__ maps relative indices to absolute ones around the current centre, probes
// the kernel once at the centre of the array (learning the accessed extent and the
// return type), fills a new output with cval and runs the kernel at each interior point.
//
// Invariants:
//   I1  The extent per dimension is [min(0, lowest offset), max(0, highest offset)] over
//       every access of every array argument, or the neighborhood= option when given.
//       Accesses are recorded on every pass; when the interior pass reaches beyond the
//       extent it was run with (data-dependent offsets), the output is reset and the
//       pass repeated with the wider extent, so border cells never see out-of-bounds
//       reads. Out-of-bounds reads during such passes read as zero.
//   I2  Without out= the result has the first array's shape and the dtype of the
//       kernel's return value (Python int → int64, float → float64, bool → bool) and the
//       border holds cval (default 0) converted to that dtype; with out= only interior
//       cells are written and `out` is returned.
//   I3  A StencilFunc called from @njit code behaves the same (the interpreter calls it).
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numba/vec_internal.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/ndarray.h"
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

namespace {

struct StencilFunc : Object {
  Function* py_func = nullptr;
  Function* jit_fn = nullptr;
  Value neighborhood;  // None or ((lo, hi), ...)
  Value cval;          // None: 0
};

struct Extent {
  int ndim = 0;
  int64_t lo[np::kMaxDims] = {};
  int64_t hi[np::kMaxDims] = {};
};

struct StencilAccessor : Object {
  NDArray* arr = nullptr;
  Extent* seen = nullptr;  // shared by the accessors of one call (I1)
  int64_t center[np::kMaxDims] = {};
};

void stencil_trace(Object* o, GcTracer& t) {
  StencilFunc* s = static_cast<StencilFunc*>(o);
  t.mark(s->py_func);
  t.mark(s->jit_fn);
  t.mark(s->neighborhood);
  t.mark(s->cval);
}

void accessor_trace(Object* o, GcTracer& t) { t.mark(static_cast<StencilAccessor*>(o)->arr); }

Value accessor_getitem(VM& vm, Value self, Value key) {
  StencilAccessor* acc = static_cast<StencilAccessor*>(self.as_obj());
  NDArray* a = acc->arr;
  if (!acc->seen)
    return vm.raise(vm.exc().RuntimeError, "a stencil accessor was used outside its stencil call");
  int64_t off[np::kMaxDims];
  int n = 0;
  if (is_kind(key, Kind::Tuple)) {
    Tuple* t = as_tuple(key);
    n = static_cast<int>(t->len);
    if (n > np::kMaxDims) n = np::kMaxDims + 1;
    for (int d = 0; d < n && d < np::kMaxDims; ++d)
      if (!index_of(vm, (*t)[d], off[d])) return Value();
  } else {
    n = 1;
    if (!index_of(vm, key, off[0])) return Value();
  }
  if (n != a->ndim)
    return vm.raise_fmt(vm.exc().ValueError,
                        "%d dimensional neighborhood specified for %d dimensional input array", n,
                        a->ndim);
  char* p = a->data;
  bool outside = false;
  for (int d = 0; d < n; ++d) {
    acc->seen->lo[d] = std::min(acc->seen->lo[d], off[d]);
    acc->seen->hi[d] = std::max(acc->seen->hi[d], off[d]);
    const int64_t i = acc->center[d] + off[d];
    if (i < 0 || i >= a->shape[d])
      outside = true;
    else
      p += i * a->strides[d];
  }
  if (outside) {
    alignas(16) char zero[16] = {};
    return element_value(vm, a->dtype, zero);
  }
  return element_value(vm, a->dtype, p);
}

Value accessor_getattr(VM& vm, Value self, Str* name) {
  StencilAccessor* acc = static_cast<StencilAccessor*>(self.as_obj());
  std::string_view n = name->view();
  if (n == "shape" || n == "ndim" || n == "dtype" || n == "size")
    return getattr(vm, Value::from_obj(acc->arr), name);
  return generic_getattr(vm, self, name);
}

Type* cached_type(VM& vm, const char* key, const char* name, void (*init)(Type*)) {
  NumbaState& st = numba_state(vm);
  Value cached = dict_get_str(st.extra, vm.intern(key));
  if (!cached.is_undef()) return static_cast<Type*>(cached.as_obj());
  Type* t = make_builtin_type(vm, name, vm.types().object, Kind::Other, 0);
  init(t);
  dict_set_str(vm.heap(), st.extra, vm.intern(key), Value::from_obj(t));
  return t;
}

Type* accessor_type(VM& vm) {
  return cached_type(vm, "stencil.accessor_type", "StencilAccessor", [](Type* t) {
    t->slots.trace = accessor_trace;
    t->slots.getitem = accessor_getitem;
    t->slots.getattr = accessor_getattr;
  });
}

// neighborhood=((lo, hi), ...) for an array of `ndim` dimensions.
bool parse_neighborhood(VM& vm, Value nb, int ndim, Extent& ext) {
  ext.ndim = ndim;
  int64_t len = 0;
  if (!length(vm, nb, len)) return false;
  if (len != ndim) {
    vm.raise_fmt(vm.exc().ValueError,
                 "%lld dimensional neighborhood specified for %d dimensional input array",
                 static_cast<long long>(len), ndim);
    return false;
  }
  for (int d = 0; d < ndim; ++d) {
    Value pair = getitem(vm, nb, Value::from_int(d));
    if (failed(pair)) return false;
    VM::TempRoot keep(vm, pair);
    Value lo = getitem(vm, pair, Value::from_int(0));
    if (failed(lo) || !index_of(vm, lo, ext.lo[d])) return false;
    Value hi = getitem(vm, pair, Value::from_int(1));
    if (failed(hi) || !index_of(vm, hi, ext.hi[d])) return false;
    ext.lo[d] = std::min<int64_t>(ext.lo[d], 0);
    ext.hi[d] = std::max<int64_t>(ext.hi[d], 0);
  }
  return true;
}

struct Call {
  StencilFunc* s;
  Tuple* argv;
  std::vector<StencilAccessor*> accs;
  NDArray* first = nullptr;
  Extent seen;
  // Accessors that escaped the kernel must not reach `seen` after the call.
  ~Call() {
    for (StencilAccessor* acc : accs) acc->seen = nullptr;
  }
};

bool set_center(Call& c, const int64_t* idx) {
  for (StencilAccessor* acc : c.accs)
    std::memcpy(acc->center, idx, sizeof(int64_t) * c.first->ndim);
  return true;
}

// Runs the kernel at every interior point of `ext`, storing into `res` (I1, I2).
bool run_interior(VM& vm, Call& c, const Extent& ext, NDArray* res) {
  const int nd = c.first->ndim;
  int64_t lo[np::kMaxDims], hi[np::kMaxDims], idx[np::kMaxDims];
  for (int d = 0; d < nd; ++d) {
    lo[d] = -ext.lo[d];
    hi[d] = c.first->shape[d] - ext.hi[d];
    if (hi[d] <= lo[d]) return true;
    idx[d] = lo[d];
  }
  for (;;) {
    set_center(c, idx);
    Value r = call_function(vm, Value::from_obj(c.s->jit_fn), &(*c.argv)[0], c.argv->len);
    if (failed(r)) return false;
    char* p = res->data;
    for (int d = 0; d < nd; ++d) p += idx[d] * res->strides[d];
    if (!np::store_value(vm, res->dtype, p, r)) return false;
    int d = nd - 1;
    for (; d >= 0; --d) {
      if (++idx[d] < hi[d]) break;
      idx[d] = lo[d];
    }
    if (d < 0) return true;
  }
}

bool wider(const Extent& a, const Extent& b) {
  for (int d = 0; d < a.ndim; ++d)
    if (a.lo[d] < b.lo[d] || a.hi[d] > b.hi[d]) return true;
  return false;
}

// The first pass at the array's centre: the extent and the return dtype (I1, I2).
bool probe(VM& vm, Call& c, DType& rt) {
  int64_t mid[np::kMaxDims];
  for (int d = 0; d < c.first->ndim; ++d) mid[d] = c.first->shape[d] / 2;
  set_center(c, mid);
  Value r = call_function(vm, Value::from_obj(c.s->jit_fn), &(*c.argv)[0], c.argv->len);
  if (failed(r)) return false;
  NbType* t = nullptr;
  if (!typeof_value(vm, r, t)) return false;
  if (t->nk != NbKind::Boolean && t->nk != NbKind::Integer && t->nk != NbKind::Float &&
      t->nk != NbKind::Complex) {
    vm.raise_fmt(vm.exc().TypeError, "stencil kernel must return a scalar, not %s",
                 t->name->data());
    return false;
  }
  rt = t->dtype;
  return true;
}

bool reset_output(VM& vm, StencilFunc* s, NDArray* res) {
  Value cv = s->cval.is_none() || s->cval.is_undef() ? Value::from_int(0) : s->cval;
  return np::fill_scalar(vm, res, cv);
}

Value stencil_call(VM& vm, Value self, const CallArgs& a) {
  StencilFunc* s = static_cast<StencilFunc*>(self.as_obj());
  Value out_v;
  for (uint32_t i = 0; i < a.nkw(); ++i) {
    std::string_view kn = as_str((*a.kwnames)[i])->view();
    if (kn != "out")
      return vm.raise_fmt(vm.exc().TypeError, "got an unexpected keyword argument '%s'",
                          std::string(kn).c_str());
    out_v = a.argv[a.argc + i];
  }
  Call c;
  c.s = s;
  c.argv = vm.new_tuple(a.argc);
  VM::TempRoot keep(vm, c.argv);
  for (uint32_t i = 0; i < a.argc; ++i) {
    if (!np::is_ndarray(vm, a[i])) {
      (*c.argv)[i] = a[i];
      continue;
    }
    StencilAccessor* acc = vm.heap().make<StencilAccessor>(accessor_type(vm), Kind::Other, 0);
    acc->arr = np::as_ndarray(a[i]);
    acc->seen = &c.seen;
    (*c.argv)[i] = Value::from_obj(acc);
    c.accs.push_back(acc);
    if (!c.first) c.first = acc->arr;
  }
  if (!c.first) return vm.raise(vm.exc().TypeError, "a stencil needs at least one array argument");
  c.seen.ndim = c.first->ndim;
  Extent given;
  const bool have_nb = !s->neighborhood.is_none() && !s->neighborhood.is_undef();
  if (have_nb && !parse_neighborhood(vm, s->neighborhood, c.first->ndim, given)) return Value();
  DType rt;
  if (!probe(vm, c, rt)) return Value();
  NDArray* res = nullptr;
  const bool have_out = !out_v.is_undef() && !out_v.is_none();
  if (have_out) {
    if (!np::is_ndarray(vm, out_v)) return vm.raise(vm.exc().TypeError, "out must be an ndarray");
    res = np::as_ndarray(out_v);
    if (!np::check_writeable(vm, res)) return Value();
  } else {
    res = np::new_array(vm, rt, np::shape_of(c.first));
    if (!res) return Value();
  }
  VM::TempRoot keep_res(vm, res);
  if (!have_out && !reset_output(vm, s, res)) return Value();
  Extent use = have_nb ? given : c.seen;
  for (;;) {
    if (!run_interior(vm, c, use, res)) return Value();
    if (have_nb || !wider(c.seen, use)) break;
    use = c.seen;
    if (!have_out && !reset_output(vm, s, res)) return Value();
  }
  return Value::from_obj(res);
}

Value stencil_repr(VM& vm, Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(self.as_obj()));
  return vm.str(std::string("<numba.stencils.stencil.StencilFunc object at ") + buf + ">");
}

Value stencil_getattr(VM& vm, Value self, Str* name) {
  StencilFunc* s = static_cast<StencilFunc*>(self.as_obj());
  std::string_view n = name->view();
  if (n == "__name__") return Value::from_obj(s->py_func->name);
  if (n == "kernel_ir" || n == "py_func" || n == "__wrapped__") return Value::from_obj(s->py_func);
  if (n == "neighborhood") return s->neighborhood;
  return generic_getattr(vm, self, name);
}

Type* stencil_type(VM& vm) {
  return cached_type(vm, "stencil.func_type", "StencilFunc", [](Type* t) {
    t->slots.trace = stencil_trace;
    t->slots.call = stencil_call;
    t->slots.repr = stencil_repr;
    t->slots.getattr = stencil_getattr;
  });
}

Value make_stencil(VM& vm, Value fn, Dict* kw) {
  if (!is_kind(fn, Kind::Function))
    return vm.raise_fmt(vm.exc().TypeError, "The decorated object is not a function (got type %s).",
                        type_name(vm, fn));
  Value nb = Value::none(), cval = Value::none();
  if (kw) {
    uint32_t pos = 0;
    DictEntry* e;
    while (dict_next(kw, pos, e)) {
      std::string_view k = as_str(e->key)->view();
      if (k == "neighborhood")
        nb = e->value;
      else if (k == "cval")
        cval = e->value;
      else if (k != "standard_indexing")
        return vm.raise_fmt(vm.exc().ValueError, "Unknown stencil option %s",
                            std::string(k).c_str());
    }
  }
  JitOptions opts;
  Function* jf = numba_variant(vm, fn, opts);
  if (!jf) return Value();
  VM::TempRoot keep_jf(vm, jf);
  StencilFunc* s = vm.heap().make<StencilFunc>(stencil_type(vm), Kind::Other, 0);
  s->py_func = static_cast<Function*>(fn.as_obj());
  s->jit_fn = jf;
  s->neighborhood = nb;
  s->cval = cval;
  return Value::from_obj(s);
}

Value stencil_apply(VM& vm, const CallArgs& a) {
  Value data = static_cast<NativeFunction*>(a.callee)->data;
  if (a.argc != 1 || a.nkw())
    return vm.raise(vm.exc().TypeError, "stencil decorator takes exactly one function");
  return make_stencil(vm, a[0], data.is_none() ? nullptr : static_cast<Dict*>(data.as_obj()));
}

Value f_stencil(VM& vm, const CallArgs& a) {
  Dict* kw = a.nkw() ? vm.new_dict() : nullptr;
  VM::TempRoot keep_kw(vm, kw ? Value::from_obj(kw) : Value::none());
  for (uint32_t i = 0; i < a.nkw(); ++i)
    dict_set_str(vm.heap(), kw, as_str((*a.kwnames)[i]), a.argv[a.argc + i]);
  if (a.argc > 1)
    return vm.raise(vm.exc().TypeError, "stencil() takes at most one positional argument");
  if (a.argc == 1 && is_kind(a[0], Kind::Function)) return make_stencil(vm, a[0], kw);
  if (a.argc == 1 && is_kind(a[0], Kind::Str)) {
    std::string_view mode = as_str(a[0])->view();
    if (mode != "constant")
      return vm.raise_fmt(vm.exc().ValueError, "Unsupported mode style %s",
                          std::string(mode).c_str());
  }
  return Value::from_obj(
      vm.new_native("stencil_decorator", stencil_apply, kw ? Value::from_obj(kw) : Value::none()));
}

}  // namespace

bool install_stencil(VM& vm, NumbaState& st) {
  stencil_type(vm);
  accessor_type(vm);
  static const MethodDef kFunctions[] = {{"stencil", f_stencil}};
  add_functions(vm, st.module->dict, kFunctions);
  return !vm.has_pending();
}

}  // namespace pyjitvm::stdlib::nb
