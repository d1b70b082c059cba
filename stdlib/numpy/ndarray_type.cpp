// stdlib/numpy/ndarray_type.cpp — the ndarray type's attributes (shape, dtype, T,
// flags ...), its sequence protocol (len, iteration, truth) and its conversion methods
// (tolist, item, copy, astype, fill, view).
//
// Stage: install_ndarray_type() during numpy's import; indexing, arithmetic and
// printing slots are installed by their own areas (numpy_internal.h).
//
// Invariants:
//   I1  Attribute values match NumPy's (strides in bytes, T a view, base the memory
//       owner or None, flags reflecting the array's exact state).
//   I2  Assigning `shape` reshapes in place only when no copy is needed
//       (AttributeError with NumPy's message otherwise).
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "vm/builtin_types.h"
#include "vm/list_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

NDArray* self_array(const CallArgs& a) { return as_ndarray(a[0]); }

Value int_tuple(VM& vm, const int64_t* v, int n) {
  Tuple* t = vm.new_tuple(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) (*t)[i] = Value::from_int(v[i]);
  return Value::from_obj(t);
}

// ---- attributes
Value g_shape(VM& vm, const CallArgs& a) { return int_tuple(vm, self_array(a)->shape, self_array(a)->ndim); }
Value g_strides(VM& vm, const CallArgs& a) { return int_tuple(vm, self_array(a)->strides, self_array(a)->ndim); }
Value g_ndim(VM&, const CallArgs& a) { return Value::from_int(self_array(a)->ndim); }
Value g_size(VM&, const CallArgs& a) { return Value::from_int(self_array(a)->size); }
Value g_itemsize(VM&, const CallArgs& a) { return Value::from_int(self_array(a)->itemsize); }
Value g_nbytes(VM&, const CallArgs& a) { return Value::from_int(self_array(a)->nbytes()); }
Value g_dtype(VM& vm, const CallArgs& a) {
  return Value::from_obj(state(vm).dtype_obj[static_cast<int>(self_array(a)->dtype)]);
}
Value g_base(VM&, const CallArgs& a) {
  NDArray* x = self_array(a);
  return x->base ? Value::from_obj(x->base) : Value::none();
}

Value transpose_view(VM& vm, NDArray* x) {
  int64_t shape[kMaxDims], strides[kMaxDims];
  for (int i = 0; i < x->ndim; ++i) {
    shape[i] = x->shape[x->ndim - 1 - i];
    strides[i] = x->strides[x->ndim - 1 - i];
  }
  NDArray* v = new_view(vm, x, x->dtype, x->data, {shape, static_cast<size_t>(x->ndim)},
                        {strides, static_cast<size_t>(x->ndim)});
  return v ? Value::from_obj(v) : Value();
}
Value g_T(VM& vm, const CallArgs& a) { return transpose_view(vm, self_array(a)); }

Value s_shape(VM& vm, const CallArgs& a) {
  NDArray* x = self_array(a);
  std::vector<int64_t> shape;
  if (!parse_shape(vm, a[1], shape)) return Value();
  int64_t known = 1;
  int unknown = -1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1 && unknown < 0) unknown = static_cast<int>(i);
    else if (shape[i] < 0) return vm.raise(vm.exc().ValueError, "can only specify one unknown dimension");
    else known *= shape[i];
  }
  if (unknown >= 0 && known > 0 && x->size % known == 0) shape[unknown] = x->size / known;
  int64_t n;
  if (!shape_size(shape, n) || n != x->size || (unknown >= 0 && known == 0))
    return vm.raise_fmt(vm.exc().ValueError, "cannot reshape array of size %lld into shape %s",
                        static_cast<long long>(x->size), shape_str(shape).c_str());
  if (!x->c_contiguous())
    return vm.raise(vm.exc().AttributeError,
                    "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.");
  if (shape.size() > static_cast<size_t>(x->ndim))
    return vm.raise(vm.exc().NotImplementedError,
                    "pyjitvm cannot add dimensions to an array in place; use .reshape()");
  x->ndim = static_cast<int32_t>(shape.size());
  // The trailing storage holds the old ndim entries of each; strides move down first.
  int64_t* dims = x->shape;
  std::vector<int64_t> st(shape.size());
  c_strides(shape, x->itemsize, st.data());
  x->strides = dims + shape.size();
  for (size_t i = 0; i < shape.size(); ++i) {
    dims[i] = shape[i];
    x->strides[i] = st[i];
  }
  update_flags(x);
  return Value::none();
}

Value part_view(VM& vm, NDArray* x, bool imag) {
  if (!is_complex(x->dtype)) {
    if (!imag) return Value::from_obj(x);
    NDArray* z = new_zeros(vm, x->dtype, shape_of(x));
    if (!z) return Value();
    z->aflags &= ~kWriteable;
    return Value::from_obj(z);
  }
  NDArray* v = new_view(vm, x, DType::Float64, x->data + (imag ? 8 : 0), shape_of(x), strides_of(x));
  return v ? Value::from_obj(v) : Value();
}
Value g_real(VM& vm, const CallArgs& a) { return part_view(vm, self_array(a), false); }
Value g_imag(VM& vm, const CallArgs& a) { return part_view(vm, self_array(a), true); }

// ---- flags object
struct FlagsObj : Object {
  NDArray* arr;
};
void flags_trace(Object* o, GcTracer& t) { t.mark(static_cast<FlagsObj*>(o)->arr); }

Value g_flags(VM& vm, const CallArgs& a) {
  FlagsObj* f = vm.heap().make<FlagsObj>(state(vm).flags, Kind::Other, 0);
  f->arr = self_array(a);
  return Value::from_obj(f);
}

bool flag_value(NDArray* x, std::string_view name, bool& out) {
  if (name == "C_CONTIGUOUS" || name == "c_contiguous" || name == "C" || name == "CONTIGUOUS" || name == "contiguous") out = x->c_contiguous();
  else if (name == "F_CONTIGUOUS" || name == "f_contiguous" || name == "F" || name == "FORTRAN" || name == "fortran") out = x->f_contiguous();
  else if (name == "OWNDATA" || name == "owndata" || name == "O") out = x->aflags & kOwnData;
  else if (name == "WRITEABLE" || name == "writeable" || name == "W") out = x->writeable();
  else if (name == "ALIGNED" || name == "aligned" || name == "A") out = true;
  else if (name == "WRITEBACKIFCOPY" || name == "writebackifcopy" || name == "X") out = false;
  else return false;
  return true;
}

Value flags_getattr(VM& vm, Value self, Str* name) {
  bool v;
  std::string_view n = name->view();
  bool lower = !n.empty() && n[0] >= 'a' && n[0] <= 'z';
  if (lower && flag_value(static_cast<FlagsObj*>(self.as_obj())->arr, n, v)) return Value::from_bool(v);
  return generic_getattr(vm, self, name);
}

Value flags_getitem(VM& vm, Value self, Value key) {
  bool v;
  if (is_kind(key, Kind::Str) && flag_value(static_cast<FlagsObj*>(self.as_obj())->arr, as_str(key)->view(), v))
    return Value::from_bool(v);
  return vm.raise_with_args(vm.exc().KeyError, key);
}

bool set_flag(VM& vm, NDArray* x, std::string_view n, Value v) {
  if (n != "writeable" && n != "WRITEABLE" && n != "W") {
    vm.raise_fmt(vm.exc().AttributeError, "Cannot set flag '%s' in pyjitvm", std::string(n).c_str());
    return false;
  }
  int t = truthy(vm, v);
  if (t < 0) return false;
  if (t) {
    if (x->base && x->base->type == state(vm).ndarray && !as_ndarray(Value::from_obj(x->base))->writeable()) {
      vm.raise(vm.exc().ValueError, "cannot set WRITEABLE flag to True of this array");
      return false;
    }
    x->aflags |= kWriteable;
  } else {
    x->aflags &= ~kWriteable;
  }
  return true;
}

bool flags_setattr(VM& vm, Value self, Str* name, Value v) {
  return set_flag(vm, static_cast<FlagsObj*>(self.as_obj())->arr, name->view(), v);
}
bool flags_setitem(VM& vm, Value self, Value key, Value v) {
  if (!is_kind(key, Kind::Str)) {
    vm.raise_with_args(vm.exc().KeyError, key);
    return false;
  }
  return set_flag(vm, static_cast<FlagsObj*>(self.as_obj())->arr, as_str(key)->view(), v);
}

Value flags_repr(VM& vm, Value self) {
  NDArray* x = static_cast<FlagsObj*>(self.as_obj())->arr;
  auto b = [](bool v) { return v ? "True" : "False"; };
  std::string s;
  s += std::string("  C_CONTIGUOUS : ") + b(x->c_contiguous()) + "\n";
  s += std::string("  F_CONTIGUOUS : ") + b(x->f_contiguous()) + "\n";
  s += std::string("  OWNDATA : ") + b(x->aflags & kOwnData) + "\n";
  s += std::string("  WRITEABLE : ") + b(x->writeable()) + "\n";
  s += "  ALIGNED : True\n";
  s += "  WRITEBACKIFCOPY : False\n";
  return vm.str(s);
}

// ---- sequence protocol
bool array_len(VM& vm, Value self, int64_t& out) {
  NDArray* x = as_ndarray(self);
  if (x->ndim == 0) {
    vm.raise(vm.exc().TypeError, "len() of unsized object");
    return false;
  }
  out = x->shape[0];
  return true;
}

int array_truth(VM& vm, Value self) {
  NDArray* x = as_ndarray(self);
  if (x->size != 1) {
    if (x->size == 0) {
      // NumPy 1.24: DeprecationWarning, then False.
      return 0;
    }
    vm.raise(vm.exc().ValueError,
             "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
    return -1;
  }
  bool r = false;
  int64_t zero[kMaxDims] = {};
  cast_loop(x->dtype, DType::Bool)(x->at(zero), 0, reinterpret_cast<char*>(&r), 0, 1);
  return r ? 1 : 0;
}

// a[i] along the first axis: a scalar for 1-d arrays, else a view.
Value subarray(VM& vm, NDArray* x, int64_t i) {
  char* p = x->data + i * x->strides[0];
  if (x->ndim == 1) return box_scalar(vm, x->dtype, p);
  NDArray* v = new_view(vm, x, x->dtype, p, {x->shape + 1, static_cast<size_t>(x->ndim - 1)},
                        {x->strides + 1, static_cast<size_t>(x->ndim - 1)});
  return v ? Value::from_obj(v) : Value();
}

struct ArrayIter : Object {
  NDArray* arr;
  int64_t index;
};
void iter_trace(Object* o, GcTracer& t) { t.mark(static_cast<ArrayIter*>(o)->arr); }

Value array_iter(VM& vm, Value self) {
  NDArray* x = as_ndarray(self);
  if (x->ndim == 0) return vm.raise(vm.exc().TypeError, "iteration over a 0-d array");
  ArrayIter* it = vm.heap().make<ArrayIter>(state(vm).array_iter, Kind::Other, 0);
  it->arr = x;
  it->index = 0;
  return Value::from_obj(it);
}

Value iter_next(VM& vm, Value self) {
  ArrayIter* it = static_cast<ArrayIter*>(self.as_obj());
  if (!it->arr || it->index >= it->arr->shape[0]) {
    it->arr = nullptr;
    return Value();
  }
  return subarray(vm, it->arr, it->index++);
}
Value iter_self(VM&, Value self) { return self; }

// ---- conversion methods
Value to_list(VM& vm, NDArray* x, int dim, char* p) {
  if (dim == x->ndim) return element_to_python(vm, x->dtype, p);
  List* l = vm.new_list(static_cast<size_t>(x->shape[dim]));
  VM::TempRoot keep(vm, l);
  for (int64_t i = 0; i < x->shape[dim]; ++i) {
    Value v = to_list(vm, x, dim + 1, p + i * x->strides[dim]);
    if (failed(v)) return v;
    l->items[i] = v;
  }
  return Value::from_obj(l);
}

Value m_tolist(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "tolist", 0, 0)) return Value();
  NDArray* x = self_array(a);
  return to_list(vm, x, 0, x->data);
}

// Flat (C-order) index → element pointer.
char* flat_ptr(NDArray* x, int64_t flat) {
  char* p = x->data;
  for (int d = x->ndim - 1; d >= 0; --d) {
    int64_t n = x->shape[d];
    p += (flat % n) * x->strides[d];
    flat /= n;
  }
  return p;
}

Value m_item(VM& vm, const CallArgs& a) {
  NDArray* x = self_array(a);
  uint32_t nargs = a.argc - 1;
  if (a.nkw()) return vm.raise(vm.exc().TypeError, "item() takes no keyword arguments");
  if (nargs == 0) {
    if (x->size != 1) return vm.raise(vm.exc().ValueError, "can only convert an array of size 1 to a Python scalar");
    return element_to_python(vm, x->dtype, flat_ptr(x, 0));
  }
  if (nargs == 1 && !is_kind(a[1], Kind::Tuple)) {
    int64_t i;
    if (!index_of(vm, a[1], i)) return Value();
    if (i < -x->size || i >= x->size)
      return vm.raise_fmt(vm.exc().IndexError, "index %lld is out of bounds for size %lld",
                          static_cast<long long>(i), static_cast<long long>(x->size));
    if (i < 0) i += x->size;
    return element_to_python(vm, x->dtype, flat_ptr(x, i));
  }
  std::vector<Value> idx;
  if (nargs == 1) {
    Tuple* t = as_tuple(a[1]);
    idx.assign(t->items(), t->items() + t->len);
  } else {
    idx.assign(a.argv + 1, a.argv + a.argc);
  }
  if (static_cast<int>(idx.size()) != x->ndim) return vm.raise(vm.exc().ValueError, "incorrect number of indices for array");
  char* p = x->data;
  for (int d = 0; d < x->ndim; ++d) {
    int64_t i;
    if (!index_of(vm, idx[d], i)) return Value();
    if (i < -x->shape[d] || i >= x->shape[d])
      return vm.raise_fmt(vm.exc().IndexError, "index %lld is out of bounds for axis %d with size %lld",
                          static_cast<long long>(i), d, static_cast<long long>(x->shape[d]));
    if (i < 0) i += x->shape[d];
    p += i * x->strides[d];
  }
  return element_to_python(vm, x->dtype, p);
}

bool parse_order(VM& vm, Value v, char def, char& out) {
  out = def;
  if (v.is_undef() || v.is_none()) return true;
  if (is_kind(v, Kind::Str)) {
    std::string_view s = as_str(v)->view();
    if (s.size() == 1 && (s[0] == 'C' || s[0] == 'F' || s[0] == 'A' || s[0] == 'K')) {
      out = s[0];
      return true;
    }
  }
  vm.raise(vm.exc().ValueError, "order must be one of 'C', 'F', 'A', or 'K'");
  return false;
}

Value m_copy(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"copy", {"self", "order="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  char order;
  if (!parse_order(vm, p[1], 'C', order)) return Value();
  NDArray* r = copy_array(vm, as_ndarray(p[0]), as_ndarray(p[0])->dtype, order);
  return r ? Value::from_obj(r) : Value();
}

Value m_astype(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"astype", {"self", "dtype", "order=", "casting=", "subok=", "copy="}};
  Value p[6];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  DType d;
  if (!parse_dtype(vm, p[1], d)) return Value();
  char order;
  if (!parse_order(vm, p[2], 'K', order)) return Value();
  NDArray* x = as_ndarray(p[0]);
  if (!p[5].is_undef()) {
    int t = truthy(vm, p[5]);
    if (t < 0) return Value();
    if (!t && d == x->dtype) return p[0];
  }
  NDArray* r = copy_array(vm, x, d, order);
  return r ? Value::from_obj(r) : Value();
}

Value m_fill(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "fill", 1, 1)) return Value();
  if (!fill_scalar(vm, self_array(a), a[1])) return Value();
  return Value::none();
}

Value m_view(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "view", 0, 1)) return Value();
  NDArray* x = self_array(a);
  if (a.argc == 2 && !a[1].is_none()) {
    DType d;
    if (!parse_dtype(vm, a[1], d)) return Value();
    if (d != x->dtype)
      return vm.raise(vm.exc().NotImplementedError, "ndarray.view() with a different dtype is not supported by pyjitvm");
  }
  NDArray* v = new_view(vm, x, x->dtype, x->data, shape_of(x), strides_of(x));
  return v ? Value::from_obj(v) : Value();
}

Value m_copy_dunder(VM& vm, const CallArgs& a) {
  NDArray* x = self_array(a);
  NDArray* r = copy_array(vm, x, x->dtype, 'K');
  return r ? Value::from_obj(r) : Value();
}

Value m_array(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "__array__", 0, 1)) return Value();
  if (a.argc == 2 && !a[1].is_none()) {
    DType d;
    if (!parse_dtype(vm, a[1], d)) return Value();
    NDArray* r = as_array(vm, a[0], d);
    return r ? Value::from_obj(r) : Value();
  }
  return a[0];
}

Value m_int(VM& vm, const CallArgs& a) {
  NDArray* x = self_array(a);
  if (x->size != 1) return vm.raise(vm.exc().TypeError, "only size-1 arrays can be converted to Python scalars");
  Value v = element_to_python(vm, x->dtype, flat_ptr(x, 0));
  return vm.call(Value::from_obj(vm.types().int_), {v});
}
Value m_float(VM& vm, const CallArgs& a) {
  NDArray* x = self_array(a);
  if (x->size != 1) return vm.raise(vm.exc().TypeError, "only size-1 arrays can be converted to Python scalars");
  Value v = element_to_python(vm, x->dtype, flat_ptr(x, 0));
  return vm.call(Value::from_obj(vm.types().float_), {v});
}
Value m_complex(VM& vm, const CallArgs& a) {
  NDArray* x = self_array(a);
  if (x->size != 1) return vm.raise(vm.exc().TypeError, "only size-1 arrays can be converted to Python scalars");
  Value v = element_to_python(vm, x->dtype, flat_ptr(x, 0));
  return vm.call(Value::from_obj(vm.types().complex), {v});
}
Value m_index(VM& vm, const CallArgs& a) {
  NDArray* x = self_array(a);
  if (x->ndim != 0 || !(is_integer(x->dtype)))
    return vm.raise(vm.exc().TypeError, "only integer scalar arrays can be converted to a scalar index");
  return element_to_python(vm, x->dtype, x->data);
}

// ndarray.ctypes: built by the ctypes module (stdlib/ctypes/ndarray_ctypes.cpp).
Value g_ctypes(VM& vm, const CallArgs& a) {
  Value m = vm.import_module(vm.intern("ctypes"));
  if (failed(m)) return m;
  Value f = getattr(vm, m, vm.intern("_numpy_ctypes"));
  return failed(f) ? f : vm.call(f, {a[0]});
}

const GetSetDef kGetSets[] = {
    {"shape", g_shape, s_shape}, {"strides", g_strides}, {"ndim", g_ndim},   {"size", g_size},
    {"itemsize", g_itemsize},    {"nbytes", g_nbytes},   {"dtype", g_dtype}, {"base", g_base},
    {"T", g_T},                  {"flags", g_flags},     {"real", g_real},   {"imag", g_imag},
    {"ctypes", g_ctypes},
};

const MethodDef kMethods[] = {
    {"tolist", m_tolist},   {"item", m_item},       {"copy", m_copy},          {"astype", m_astype},
    {"fill", m_fill},       {"view", m_view},       {"__copy__", m_copy_dunder}, {"__array__", m_array},
    {"__int__", m_int},     {"__float__", m_float}, {"__complex__", m_complex}, {"__index__", m_index},
};

}  // namespace

void install_ndarray_type(VM& vm, NumpyState& st) {
  Type* t = st.ndarray;
  t->slots.len = array_len;
  t->slots.truth = array_truth;
  t->slots.iter = array_iter;
  t->slots.hash = hash_unhashable;
  add_getsets(vm, t, kGetSets);
  add_methods(vm, t, kMethods);

  Type* ft = make_builtin_type(vm, "flagsobj", vm.types().object, Kind::Other, 0);
  ft->module_name = vm.intern("numpy");
  ft->slots.trace = flags_trace;
  ft->slots.getattr = flags_getattr;
  ft->slots.setattr = flags_setattr;
  ft->slots.getitem = flags_getitem;
  ft->slots.setitem = flags_setitem;
  ft->slots.repr = flags_repr;
  st.flags = ft;

  Type* it = make_builtin_type(vm, "iterator", vm.types().object, Kind::Other, 0);
  it->module_name = vm.intern("numpy");
  it->slots.trace = iter_trace;
  it->slots.next = iter_next;
  it->slots.iter = iter_self;
  st.array_iter = it;
}

}  // namespace pyjitvm::stdlib::np
