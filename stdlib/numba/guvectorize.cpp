// stdlib/numba/guvectorize.cpp — @guvectorize: GUFunc objects that loop a Python kernel
// over the broadcast outer dimensions of their operands, passing views of the core
// dimensions that the layout string ("(m,n),(n,p)->(m,p)") names.
//
// Stage: guvectorize(sigs, layout)(fn) → VecFunc with `layout` (vec_internal.h); a call
// selects a signature from the inputs (NumPy's rules), converts inputs to its dtypes,
// binds the core dimension sizes, allocates missing outputs and calls jit_fn once per
// outer index with array views (core dims) or element values ("()" inputs).
//
// Invariants:
//   I1  A "()" output reaches the kernel as a 1-element array view (the kernel writes
//       out[0]); a "()" input as the element value (vec_internal.h I2).
//   I2  Outputs are written in place: given outputs are the arrays the kernel sees (or a
//       temporary copied back when their dtype differs from the signature's); missing
//       outputs are allocated zeroed with the loop shape + core shape.
//   I3  Dimension errors use NumPy's gufunc wording ("NAME: Input operand 1 has a
//       mismatch in its core dimension 0, with gufunc signature (n),(n)->() (size 3 is
//       different from 4)"), which Numba's CPU GUFunc shows.
//   I4  The result is the output array (a tuple of them when nout > 1), a NumPy scalar
//       when an allocated output has no dimensions at all.
#include <cstring>
#include <map>
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

namespace {

using DimList = std::vector<std::string>;

struct Layout {
  std::vector<DimList> ins, outs;
  std::string text;  // without spaces, as NumPy prints it
};

bool parse_group_list(std::string_view s, size_t& i, std::vector<DimList>& out) {
  for (;;) {
    if (i >= s.size() || s[i] != '(') return false;
    ++i;
    DimList dims;
    std::string cur;
    while (i < s.size() && s[i] != ')') {
      if (s[i] == ',') {
        if (cur.empty()) return false;
        dims.push_back(cur);
        cur.clear();
      } else if (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_') {
        cur += s[i];
      } else {
        return false;
      }
      ++i;
    }
    if (i >= s.size()) return false;
    if (!cur.empty()) dims.push_back(cur);
    ++i;
    out.push_back(dims);
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    return true;
  }
}

bool parse_layout(VM& vm, std::string_view text, Layout& l) {
  std::string s;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) s += c;
  l.text = s;
  size_t i = 0;
  bool ok = parse_group_list(s, i, l.ins) && s.compare(i, 2, "->") == 0;
  if (ok) {
    i += 2;
    ok = parse_group_list(s, i, l.outs) && i == s.size();
  }
  if (!ok) {
    vm.raise_fmt(vm.exc().ValueError, "not a gufunc signature: %s", std::string(text).c_str());
    return false;
  }
  return true;
}

struct Operands {
  std::vector<NDArray*> arrs;  // inputs then outputs, in the signature's dtypes
  std::vector<int> ncore;
  std::map<std::string, int64_t> dims;
};

// Binds the core dimensions of operand j (I3); `kind` is "Input" or "Output".
bool bind_core(VM& vm, const char* name, const Layout& l, const DimList& core, NDArray* a,
               const char* kind, int j, std::map<std::string, int64_t>& dims) {
  const int c = static_cast<int>(core.size());
  if (a->ndim < c) {
    vm.raise_fmt(vm.exc().ValueError,
                 "%s: %s operand %d does not have enough dimensions (has %d, gufunc core with "
                 "signature %s requires %d)",
                 name, kind, j, a->ndim, l.text.c_str(), c);
    return false;
  }
  for (int k = 0; k < c; ++k) {
    int64_t size = a->shape[a->ndim - c + k];
    auto it = dims.find(core[k]);
    if (it == dims.end()) {
      dims[core[k]] = size;
    } else if (it->second != size) {
      vm.raise_fmt(vm.exc().ValueError,
                   "%s: %s operand %d has a mismatch in its core dimension %d, with gufunc "
                   "signature %s (size %lld is different from %lld)",
                   name, kind, j, k, l.text.c_str(), static_cast<long long>(size),
                   static_cast<long long>(it->second));
      return false;
    }
  }
  return true;
}

std::vector<int64_t> loop_part(const NDArray* a, int ncore) {
  return std::vector<int64_t>(a->shape, a->shape + (a->ndim - ncore));
}

bool loop_shape(VM& vm, const Operands& o, std::vector<int64_t>& out) {
  std::vector<std::vector<int64_t>> parts;
  for (size_t j = 0; j < o.arrs.size(); ++j) parts.push_back(loop_part(o.arrs[j], o.ncore[j]));
  std::vector<std::span<const int64_t>> spans(parts.begin(), parts.end());
  if (np::broadcast_shapes(spans, out)) return true;
  std::string msg =
      "operands could not be broadcast together with remapped shapes "
      "[original->remapped]: ";
  for (size_t j = 0; j < o.arrs.size(); ++j)
    msg += np::shape_str_compact(np::shape_of(o.arrs[j])) + "->" + np::shape_str_compact(parts[j]) +
           " ";
  msg += " and requested shape ()";
  vm.raise(vm.exc().ValueError, msg);
  return false;
}

// Calls the kernel once per outer index (I1).
bool run_kernel(VM& vm, VecFunc* f, const Operands& o, std::span<const int64_t> L) {
  const int nl = static_cast<int>(L.size());
  const int nop = static_cast<int>(o.arrs.size());
  std::vector<std::vector<int64_t>> lstr(nop, std::vector<int64_t>(nl, 0));
  for (int j = 0; j < nop; ++j) {
    const NDArray* a = o.arrs[j];
    const int lj = a->ndim - o.ncore[j];
    for (int d = nl - lj; d < nl; ++d) {
      const int ad = d - (nl - lj);
      lstr[j][d] = a->shape[ad] == 1 ? 0 : a->strides[ad];
    }
  }
  int64_t total = 1;
  for (int64_t s : L) total *= s;
  Tuple* argv = vm.new_tuple(nop);
  VM::TempRoot keep(vm, argv);
  std::vector<int64_t> idx(nl, 0);
  for (int64_t t = 0; t < total; ++t) {
    for (int j = 0; j < nop; ++j) {
      NDArray* a = o.arrs[j];
      char* p = a->data;
      for (int d = 0; d < nl; ++d) p += idx[d] * lstr[j][d];
      const int c = o.ncore[j];
      if (c == 0 && j < f->nin) {
        (*argv)[j] = element_value(vm, a->dtype, p);
        continue;
      }
      std::vector<int64_t> shape(a->shape + a->ndim - c, a->shape + a->ndim);
      std::vector<int64_t> strides(a->strides + a->ndim - c, a->strides + a->ndim);
      if (c == 0) {
        shape.assign(1, 1);
        strides.assign(1, a->itemsize);
      }
      NDArray* v = np::new_view(vm, a, a->dtype, p, shape, strides);
      if (!v) return false;
      (*argv)[j] = Value::from_obj(v);
    }
    Value r = call_function(vm, Value::from_obj(f->jit_fn), &(*argv)[0], nop);
    if (failed(r)) return false;
    for (int d = nl - 1; d >= 0; --d) {
      if (++idx[d] < L[d]) break;
      idx[d] = 0;
    }
  }
  return true;
}

// Inputs converted to the chosen signature's dtypes, with their core sizes bound.
bool prepare_inputs(VM& vm, VecFunc* f, const Layout& l, const CallArgs& a, Operands& o, List* keep,
                    NbSignature*& sig) {
  const char* name = f->py_func->name->data();
  std::vector<np::Operand> ops(f->nin);
  for (int k = 0; k < f->nin; ++k) {
    if (!np::make_operand(vm, a[k], ops[k])) return false;
    if (!ops[k].is_numeric()) return raise_no_loop(vm, f), false;
  }
  int idx = select_signature(f, ops.data(), f->nin);
  if (idx < 0) return raise_no_loop(vm, f), false;
  sig = as_signature(f->sigs->items[idx]);
  for (int k = 0; k < f->nin; ++k) {
    NDArray* arr = operand_array(vm, ops[k]);
    if (!arr) return false;
    list_append(vm.heap(), keep, Value::from_obj(arr));
    const DType dt = sig_dtype((*sig->args)[k]);
    if (arr->dtype != dt) {
      arr = np::copy_array(vm, arr, dt);
      if (!arr) return false;
      list_append(vm.heap(), keep, Value::from_obj(arr));
    }
    if (!bind_core(vm, name, l, l.ins[k], arr, "Input", k, o.dims)) return false;
    o.arrs.push_back(arr);
    o.ncore.push_back(static_cast<int>(l.ins[k].size()));
  }
  return true;
}

bool raise_false(Value) { return false; }

// The outputs after the inputs (I2): given ones checked against the loop shape (with a
// temporary of the signature's dtype when theirs differs), missing ones allocated.
bool finish_outputs(VM& vm, VecFunc* f, const Layout& l, const NbSignature* sig, bool have_given,
                    std::span<const int64_t> L, Operands& o, std::vector<NDArray*>& outs,
                    List* keep) {
  const char* name = f->py_func->name->data();
  for (int j = 0; j < f->nout; ++j) {
    const DType dt = sig_dtype((*sig->args)[f->nin + j]);
    if (have_given) {
      NDArray* out = outs[j];
      std::vector<int64_t> lp = loop_part(out, o.ncore[f->nin + j]);
      if (lp != std::vector<int64_t>(L.begin(), L.end()))
        return raise_false(vm.raise_fmt(
            vm.exc().ValueError,
            "non-broadcastable output operand with shape %s doesn't match the "
            "broadcast shape %s",
            np::shape_str_compact(np::shape_of(out)).c_str(), np::shape_str_compact(L).c_str()));
      if (!check_output_cast(vm, f, dt, out->dtype)) return false;
      if (out->dtype != dt) {
        NDArray* tmp = np::copy_array(vm, out, dt);
        if (!tmp) return false;
        list_append(vm.heap(), keep, Value::from_obj(tmp));
        o.arrs[f->nin + j] = tmp;
      }
      continue;
    }
    std::vector<int64_t> shape(L.begin(), L.end());
    for (const std::string& d : l.outs[j]) {
      auto it = o.dims.find(d);
      if (it == o.dims.end())
        return raise_false(
            vm.raise_fmt(vm.exc().ValueError,
                         "%s: Output operand %d has core dimension %s unspecified, with gufunc "
                         "signature %s",
                         name, j, d.c_str(), l.text.c_str()));
      shape.push_back(it->second);
    }
    NDArray* out = np::new_zeros(vm, dt, shape);
    if (!out) return false;
    list_append(vm.heap(), keep, Value::from_obj(out));
    outs.push_back(out);
    o.arrs.push_back(out);
    o.ncore.push_back(static_cast<int>(l.outs[j].size()));
  }
  return true;
}

Value gu_call(VM& vm, Value self, const CallArgs& a) {
  VecFunc* f = as_vecfunc(self);
  const char* name = f->py_func->name->data();
  Layout l;
  if (!parse_layout(vm, f->layout->view(), l)) return Value();
  std::vector<Value> given;
  for (uint32_t i = f->nin; i < a.argc; ++i) given.push_back(a[i]);
  for (uint32_t i = 0; i < a.nkw(); ++i) {
    std::string_view kn = as_str((*a.kwnames)[i])->view();
    if (kn != "out")
      return vm.raise_fmt(vm.exc().TypeError, "'%s' is an invalid keyword to ufunc '%s'",
                          std::string(kn).c_str(), name);
    Value v = a.argv[a.argc + i];
    given.clear();
    if (is_kind(v, Kind::Tuple)) {
      for (uint32_t k = 0; k < as_tuple(v)->len; ++k) given.push_back((*as_tuple(v))[k]);
    } else {
      given.push_back(v);
    }
  }
  if (static_cast<int>(a.argc) < f->nin ||
      (!given.empty() && static_cast<int>(given.size()) != f->nout))
    return vm.raise_fmt(vm.exc().TypeError,
                        "%s() takes from %d to %d positional arguments but %u were given", name,
                        f->nin, f->nin + f->nout, a.argc);
  List* keep = vm.new_list(0);
  VM::TempRoot root(vm, keep);
  Operands o;
  NbSignature* sig = nullptr;
  if (!prepare_inputs(vm, f, l, a, o, keep, sig)) return Value();
  std::vector<NDArray*> outs;  // what the caller gets back (I2)
  for (size_t j = 0; j < given.size(); ++j) {
    if (!np::is_ndarray(vm, given[j]))
      return vm.raise(vm.exc().TypeError, "return arrays must be of ArrayType");
    NDArray* out = np::as_ndarray(given[j]);
    if (!np::check_writeable(vm, out)) return Value();
    if (!bind_core(vm, name, l, l.outs[j], out, "Output", static_cast<int>(j), o.dims))
      return Value();
    outs.push_back(out);
    o.arrs.push_back(out);
    o.ncore.push_back(static_cast<int>(l.outs[j].size()));
  }
  std::vector<int64_t> L;
  if (!loop_shape(vm, o, L)) return Value();
  if (!finish_outputs(vm, f, l, sig, !given.empty(), L, o, outs, keep)) return Value();
  if (!run_kernel(vm, f, o, L)) return Value();
  for (int j = 0; j < f->nout; ++j)
    if (o.arrs[f->nin + j] != outs[j] && !np::copy_into(vm, outs[j], o.arrs[f->nin + j]))
      return Value();
  auto result = [&](NDArray* r) {
    if (given.empty() && r->ndim == 0) return np::box_scalar(vm, r->dtype, r->data);
    return Value::from_obj(r);
  };
  if (f->nout == 1) return result(outs[0]);
  Tuple* t = vm.new_tuple(f->nout);
  VM::TempRoot keep_t(vm, t);
  for (int j = 0; j < f->nout; ++j) (*t)[j] = result(outs[j]);
  return Value::from_obj(t);
}

Value gu_repr(VM& vm, Value self) {
  return vm.str("<numba._GUFunc '" + std::string(as_vecfunc(self)->py_func->name->view()) + "'>");
}

Value gu_getattr(VM& vm, Value self, Str* name) {
  VecFunc* f = as_vecfunc(self);
  std::string_view n = name->view();
  if (n == "__name__") return Value::from_obj(f->py_func->name);
  if (n == "__doc__") return f->py_func->doc;
  if (n == "nin") return Value::from_int(f->nin);
  if (n == "nout") return Value::from_int(f->nout);
  if (n == "nargs") return Value::from_int(f->nin + f->nout);
  if (n == "ntypes") return Value::from_int(f->sigs->len);
  if (n == "types") return types_list(vm, f);
  if (n == "identity") return is_kind(f->identity, Kind::Str) ? Value::none() : f->identity;
  if (n == "signature") {
    Layout l;
    if (!parse_layout(vm, f->layout->view(), l)) return Value();
    return vm.str(l.text);
  }
  if (n == "py_func" || n == "__wrapped__") return Value::from_obj(f->py_func);
  return generic_getattr(vm, self, name);
}

Type* gu_type(VM& vm, NumbaState& st) {
  Value cached = dict_get_str(st.extra, vm.intern("vectorize.gufunc_type"));
  if (!cached.is_undef()) return static_cast<Type*>(cached.as_obj());
  Type* t = make_builtin_type(vm, "GUFunc", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("numba.np.ufunc.gufunc");
  t->slots.trace = vecfunc_trace;
  t->slots.call = gu_call;
  t->slots.repr = gu_repr;
  t->slots.getattr = gu_getattr;
  dict_set_str(vm.heap(), st.extra, vm.intern("vectorize.gufunc_type"), Value::from_obj(t));
  return t;
}

Value make_gufunc(VM& vm, Value fn, List* sigs, Str* layout, Dict* kw) {
  if (!is_kind(fn, Kind::Function))
    return vm.raise_fmt(vm.exc().TypeError, "The decorated object is not a function (got type %s).",
                        type_name(vm, fn));
  Layout l;
  if (!parse_layout(vm, layout->view(), l)) return Value();
  JitOptions opts;
  opts.error_model_numpy = true;  // Numba compiles gufunc kernels with error_model='numpy'
  Value identity = Value::none();
  if (kw) {
    Dict* rest = vm.new_dict();
    VM::TempRoot keep(vm, rest);
    uint32_t pos = 0;
    DictEntry* e;
    while (dict_next(kw, pos, e)) {
      std::string_view k = as_str(e->key)->view();
      if (k == "identity")
        identity = e->value;
      else if (k == "target")
        opts.parallel = is_kind(e->value, Kind::Str) && as_str(e->value)->view() == "parallel";
      else if (k != "writable_args")
        dict_set_str(vm.heap(), rest, as_str(e->key), e->value);
    }
    if (!parse_jit_options(vm, rest, opts)) return Value();
  }
  const int nin = static_cast<int>(l.ins.size()), nout = static_cast<int>(l.outs.size());
  for (uint32_t i = 0; i < sigs->len; ++i)
    if (static_cast<int>(as_signature(sigs->items[i])->args->size()) != nin + nout)
      return vm.raise_fmt(vm.exc().TypeError,
                          "signature %s has %zu arguments but the layout %s names %d",
                          signature_str(as_signature(sigs->items[i])).c_str(),
                          as_signature(sigs->items[i])->args->size(), l.text.c_str(), nin + nout);
  if (sigs->len == 0)
    return vm.raise(vm.exc().NotImplementedError,
                    "guvectorize without type signatures is not supported by pyjitvm");
  Function* jf = numba_variant(vm, fn, opts);
  if (!jf) return Value();
  VM::TempRoot keep_jf(vm, jf);
  VecFunc* f = vm.heap().make<VecFunc>(gu_type(vm, numba_state(vm)), Kind::Other, 0);
  f->py_func = static_cast<Function*>(fn.as_obj());
  f->jit_fn = jf;
  f->sigs = sigs;
  f->identity = identity;
  f->layout = layout;
  f->nin = nin;
  f->nout = nout;
  return Value::from_obj(f);
}

Value guvectorize_apply(VM& vm, const CallArgs& a) {
  Tuple* data = as_tuple(static_cast<NativeFunction*>(a.callee)->data);
  if (a.argc != 1 || a.nkw())
    return vm.raise(vm.exc().TypeError, "guvectorize decorator takes exactly one function");
  Dict* kw = (*data)[2].is_none() ? nullptr : static_cast<Dict*>((*data)[2].as_obj());
  return make_gufunc(vm, a[0], as_list((*data)[0]), as_str((*data)[1]), kw);
}

Value f_guvectorize(VM& vm, const CallArgs& a) {
  Dict* kw = a.nkw() ? vm.new_dict() : nullptr;
  VM::TempRoot keep_kw(vm, kw ? Value::from_obj(kw) : Value::none());
  Value sig_v, layout_v;
  if (a.argc > 0) sig_v = a[0];
  if (a.argc > 1) layout_v = a[1];
  for (uint32_t i = 0; i < a.nkw(); ++i) {
    Str* name = as_str((*a.kwnames)[i]);
    if (name->view() == "ftylist")
      sig_v = a.argv[a.argc + i];
    else if (name->view() == "signature")
      layout_v = a.argv[a.argc + i];
    else
      dict_set_str(vm.heap(), kw, name, a.argv[a.argc + i]);
  }
  if (layout_v.is_undef() && !sig_v.is_undef() && is_kind(sig_v, Kind::Str) &&
      as_str(sig_v)->view().find("->") != std::string_view::npos) {
    layout_v = sig_v;
    sig_v = Value();
  }
  if (layout_v.is_undef() || !is_kind(layout_v, Kind::Str))
    return vm.raise(vm.exc().TypeError,
                    "guvectorize() missing the layout string argument 'signature'");
  List* sigs = vm.new_list(0);
  VM::TempRoot keep_sigs(vm, sigs);
  if (!sig_v.is_undef() && !collect_sig_list(vm, sig_v, sigs)) return Value();
  Layout l;
  if (!parse_layout(vm, as_str(layout_v)->view(), l)) return Value();
  Tuple* data = vm.new_tuple(3);
  (*data)[0] = Value::from_obj(sigs);
  (*data)[1] = layout_v;
  (*data)[2] = kw ? Value::from_obj(kw) : Value::none();
  VM::TempRoot keep_data(vm, data);
  return Value::from_obj(
      vm.new_native("guvectorize_decorator", guvectorize_apply, Value::from_obj(data)));
}

}  // namespace

bool install_guvectorize(VM& vm, NumbaState& st) {
  gu_type(vm, st);
  static const MethodDef kFunctions[] = {{"guvectorize", f_guvectorize}};
  add_functions(vm, st.module->dict, kFunctions);
  return !vm.has_pending();
}

}  // namespace pyjitvm::stdlib::nb
