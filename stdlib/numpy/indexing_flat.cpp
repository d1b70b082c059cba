// stdlib/numpy/indexing_flat.cpp — ndarray.flat and np.flatiter: iteration and
// indexing of an array as if it were 1-d in C order.
//
// Stage: install_flat(), called from install_indexing() (indexing.cpp).
//
// Invariants:
//   I1  Flat position k is element k of the array in C order, whatever its strides
//       (flat_ptr); a.flat never copies the array to read or write one element.
//   I2  a.flat[key] returns a copy (a NumPy scalar for an integer key), shaped like
//       the index for integer arrays, like `a` for (); assignment repeats the value
//       cyclically over the selected positions, as NumPy's flatiter does.
//   I3  Errors use NumPy's texts ("unsupported iterator index", "index 10 is out of
//       bounds for size 5" on assignment).
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/indexing_internal.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/shape_internal.h"
#include "vm/builtin_types.h"
#include "vm/dict_object.h"
#include "vm/func_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/seq_util.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

struct FlatIter : Object {
  NDArray* arr;
  int64_t index;
};

void flat_trace(Object* o, GcTracer& t) { t.mark(static_cast<FlatIter*>(o)->arr); }
FlatIter* as_flat(Value v) { return static_cast<FlatIter*>(v.as_obj()); }

char* flat_ptr(const NDArray* x, int64_t flat) {  // I1
  if (x->c_contiguous()) return x->data + flat * x->itemsize;
  char* p = x->data;
  for (int d = x->ndim - 1; d >= 0; --d) {
    p += (flat % x->shape[d]) * x->strides[d];
    flat /= x->shape[d];
  }
  return p;
}

Value unsupported(VM& vm) { return vm.raise(vm.exc().IndexError, "unsupported iterator index"); }

// An integer key (not bool): Python int, NumPy integer, 0-d integer array.
bool int_key(VM& vm, Value k, int64_t& out) {
  if (k.is_int()) {
    out = k.as_int();
    return true;
  }
  if (is_np_scalar(vm, k) && is_integer(as_np_scalar(k)->dtype)) {
    cast_loop(as_np_scalar(k)->dtype, DType::Int64)(as_np_scalar(k)->ptr(), 0,
                                                    reinterpret_cast<char*>(&out), 0, 1);
    return true;
  }
  if (is_ndarray(vm, k) && as_ndarray(k)->ndim == 0 && is_integer(as_ndarray(k)->dtype)) {
    cast_loop(as_ndarray(k)->dtype, DType::Int64)(as_ndarray(k)->data, 0,
                                                  reinterpret_cast<char*>(&out), 0, 1);
    return true;
  }
  return false;
}

// The flat positions a non-integer key selects, and the shape of the result.
bool key_positions(VM& vm, NDArray* a, Value key, std::vector<int64_t>& pos,
                   std::vector<int64_t>& shape) {
  const int64_t n = a->size;
  pos.clear();
  if (key.identical(vm.ellipsis()) || (is_kind(key, Kind::Tuple) && as_tuple(key)->len == 0)) {
    for (int64_t i = 0; i < n; ++i) pos.push_back(i);
    if (key.identical(vm.ellipsis()))
      shape = {n};
    else
      shape.assign(a->shape, a->shape + a->ndim);
    return true;
  }
  if (is_kind(key, Kind::Slice)) {
    SliceBounds b;
    if (!slice_indices(vm, key, n, b)) return false;
    for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) pos.push_back(j);
    shape = {b.length};
    return true;
  }
  bool arrayish = is_kind(key, Kind::List) || is_ndarray(vm, key) || key.is_bool() ||
                  (is_np_scalar(vm, key) && as_np_scalar(key)->dtype == DType::Bool);
  if (!arrayish) {
    unsupported(vm);
    return false;
  }
  NDArray* idx = as_array(vm, key);
  if (!idx) return false;
  vm.root(Value::from_obj(idx));
  if (idx->dtype == DType::Bool) {
    if (idx->ndim != 1 || idx->shape[0] != n) {
      vm.raise_fmt(vm.exc().IndexError,
                   "boolean index did not match indexed array along dimension 0; dimension is %lld "
                   "but corresponding boolean dimension is %lld",
                   static_cast<long long>(n),
                   static_cast<long long>(idx->ndim ? idx->shape[0] : 1));
      return false;
    }
    for (int64_t i = 0; i < n; ++i)
      if (*flat_ptr(idx, i)) pos.push_back(i);
    shape = {static_cast<int64_t>(pos.size())};
    return true;
  }
  if (!is_integer(idx->dtype) && idx->size > 0) {
    unsupported(vm);
    return false;
  }
  NDArray* c = as_contiguous(vm, idx, DType::Int64);
  if (!c) return false;
  for (int64_t i = 0; i < c->size; ++i) {
    int64_t x = c->typed<int64_t>()[i];
    if (x < -n || x >= n) {
      raise_out_of_bounds(vm, x, 0, n);
      return false;
    }
    pos.push_back(x < 0 ? x + n : x);
  }
  shape.assign(idx->shape, idx->shape + idx->ndim);
  return true;
}

Value flat_getitem(VM& vm, Value self, Value key) {
  NDArray* a = as_flat(self)->arr;
  VM::RootScope scope(vm);
  if (is_kind(key, Kind::Tuple) && as_tuple(key)->len == 1)
    key = (*as_tuple(key))[0];
  else if (is_kind(key, Kind::Tuple) && as_tuple(key)->len > 1)
    return unsupported(vm);
  int64_t i;
  if (int_key(vm, key, i)) {
    if (i < -a->size || i >= a->size) {
      raise_out_of_bounds(vm, i, 0, a->size);
      return Value();
    }
    return box_scalar(vm, a->dtype, flat_ptr(a, i < 0 ? i + a->size : i));
  }
  std::vector<int64_t> pos, shape;
  if (!key_positions(vm, a, key, pos, shape)) return Value();
  NDArray* r = new_array(vm, a->dtype, shape);
  if (!r) return Value();
  for (size_t k = 0; k < pos.size(); ++k)
    copy_elem(r->data + k * r->itemsize, flat_ptr(a, pos[k]), a->itemsize);
  return Value::from_obj(r);
}

// Writes `value` (an array, flattened in C order) cyclically over `pos` (I2).
bool assign_cyclic(VM& vm, NDArray* a, const std::vector<int64_t>& pos, Value value) {
  NDArray* v = value_as_array(vm, value, a->dtype);
  if (!v) return false;
  vm.root(Value::from_obj(v));
  if (!is_ndarray(vm, value) || may_share_memory(v, a) || !v->c_contiguous()) {
    v = copy_array(vm, v, a->dtype, 'C');
    if (!v) return false;
    vm.root(Value::from_obj(v));
  }
  if (v->size == 0) return true;
  for (size_t k = 0; k < pos.size(); ++k)
    copy_elem(flat_ptr(a, pos[k]), v->data + (static_cast<int64_t>(k) % v->size) * v->itemsize,
              a->itemsize);
  return true;
}

bool flat_setitem(VM& vm, Value self, Value key, Value value) {
  NDArray* a = as_flat(self)->arr;
  if (value.is_undef()) {
    vm.raise(vm.exc().TypeError, "Cannot delete iterator elements");
    return false;
  }
  if (!a->writeable()) {
    vm.raise(vm.exc().ValueError, "underlying array is read-only");
    return false;
  }
  VM::RootScope scope(vm);
  vm.root(value);
  if (is_kind(key, Kind::Tuple) && as_tuple(key)->len == 1) key = (*as_tuple(key))[0];
  int64_t i;
  if (int_key(vm, key, i)) {
    if (i < -a->size || i >= a->size) {
      vm.raise_fmt(vm.exc().IndexError, "index %lld is out of bounds for size %lld",
                   static_cast<long long>(i), static_cast<long long>(a->size));
      return false;
    }
    if (is_kind(value, Kind::List) || is_kind(value, Kind::Tuple)) {
      vm.raise(vm.exc().ValueError, "Error setting single item of array.");
      return false;
    }
    return store_value(vm, a->dtype, flat_ptr(a, i < 0 ? i + a->size : i), value);
  }
  std::vector<int64_t> pos, shape;
  if (!key_positions(vm, a, key, pos, shape)) return false;
  return assign_cyclic(vm, a, pos, value);
}

bool flat_len(VM&, Value self, int64_t& out) {
  out = as_flat(self)->arr->size;
  return true;
}

Value flat_next(VM& vm, Value self) {
  FlatIter* it = as_flat(self);
  if (it->index >= it->arr->size) return Value();
  return box_scalar(vm, it->arr->dtype, flat_ptr(it->arr, it->index++));
}

Value flat_iter(VM&, Value self) { return self; }

Value g_base(VM&, const CallArgs& a) { return Value::from_obj(as_flat(a[0])->arr); }
Value g_index(VM&, const CallArgs& a) { return Value::from_int(as_flat(a[0])->index); }
Value g_coords(VM& vm, const CallArgs& a) {
  FlatIter* it = as_flat(a[0]);
  NDArray* x = it->arr;
  Tuple* t = vm.new_tuple(static_cast<size_t>(x->ndim));
  int64_t flat = it->index;
  for (int d = x->ndim - 1; d >= 0; --d) {
    (*t)[d] = Value::from_int(x->shape[d] ? flat % x->shape[d] : 0);
    if (x->shape[d]) flat /= x->shape[d];
  }
  return Value::from_obj(t);
}

Value m_copy(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "copy", 0, 0)) return Value();
  return wrap(flatten_array(vm, as_flat(a[0])->arr, 'C'));
}

Value m_array(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "__array__", 0, 1)) return Value();
  NDArray* r = flatten_array(vm, as_flat(a[0])->arr, 'C');
  if (!r || a.argc < 2 || a[1].is_none()) return wrap(r);
  DType d;
  if (!parse_dtype(vm, a[1], d)) return Value();
  return wrap(copy_array(vm, r, d));
}

// ndarray.flat (get: a flatiter; set: cyclic assignment to every element).
Type* flat_type(const CallArgs& a) { return as_type(static_cast<NativeFunction*>(a.callee)->data); }

Value g_flat(VM& vm, const CallArgs& a) {
  FlatIter* it = vm.heap().make<FlatIter>(flat_type(a), Kind::Other, 0);
  it->arr = as_ndarray(a[0]);
  it->index = 0;
  return Value::from_obj(it);
}

Value s_flat(VM& vm, const CallArgs& a) {
  NDArray* x = as_ndarray(a[0]);
  if (!check_writeable(vm, x)) return Value();
  std::vector<int64_t> pos(static_cast<size_t>(x->size));
  for (int64_t i = 0; i < x->size; ++i) pos[i] = i;
  if (!assign_cyclic(vm, x, pos, a[1])) return Value();
  return Value::none();
}

const GetSetDef kIterGetSets[] = {{"base", g_base}, {"index", g_index}, {"coords", g_coords}};
const MethodDef kIterMethods[] = {{"copy", m_copy}, {"__array__", m_array}};
const GetSetDef kArrayGetSets[] = {{"flat", g_flat, s_flat}};

}  // namespace

void install_flat(VM& vm, NumpyState& st) {
  Type* t = make_builtin_type(vm, "flatiter", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("numpy");
  t->slots.trace = flat_trace;
  t->slots.getitem = flat_getitem;
  t->slots.setitem = flat_setitem;
  t->slots.len = flat_len;
  t->slots.iter = flat_iter;
  t->slots.next = flat_next;
  add_getsets(vm, t, kIterGetSets);
  add_methods(vm, t, kIterMethods);
  add_slot_wrappers(vm, t);  // __getitem__, __setitem__, __len__, __iter__, __next__
  set_attr_str(vm, st.module->dict, "flatiter", Value::from_obj(t));
  add_getsets(vm, st.ndarray, kArrayGetSets);
  // The getter and setter find the flatiter type through their `data`.
  Value prop = dict_get_str(st.ndarray->dict, vm.intern("flat"));
  Property* p = static_cast<Property*>(prop.as_obj());
  static_cast<NativeFunction*>(p->fget.as_obj())->data = Value::from_obj(t);
  static_cast<NativeFunction*>(p->fset.as_obj())->data = Value::from_obj(t);
}

}  // namespace pyjitvm::stdlib::np
