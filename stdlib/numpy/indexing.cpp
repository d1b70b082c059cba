// stdlib/numpy/indexing.cpp — ndarray __getitem__/__setitem__: index parsing, the
// integer fast paths, basic indexing (views) and assignment through views.
//
// Stage: install_indexing() during `import numpy` sets state.ndarray's getitem/setitem
// slots (and __getitem__/__setitem__/__delitem__ methods for explicit calls); fancy
// indexing lives in indexing_fancy.cpp (indexing_internal.h).
//
// Invariants:
//   I1  a[i] and a[i, j, ...] with Python ints and one int per dimension allocate
//       nothing but the returned NumPy scalar (array_getitem/array_setitem fast paths).
//   I2  Basic indexing (ints, slices, None, Ellipsis) returns a view sharing memory
//       with its base; a full integer index (no Ellipsis, no None) returns a NumPy
//       scalar (basic_getitem).
//   I3  Errors are NumPy 1.24's, raised in its order: index types while parsing, then
//       "too many indices", then boolean shape mismatches, then bounds (parse_index).
//   I4  Assignment converts values with NumPy's __setitem__ rules: full integer
//       index → store_value; views → fill_scalar for scalars, np.array(value, dtype)
//       for sequences (no deeper than the view), leading length-1 dims of array
//       values dropped (basic_setitem).
#include <cstring>
#include <string>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/indexing_internal.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "vm/bytecode.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/seq_util.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

constexpr const char* kOnlyIntegers =
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer "
    "or boolean arrays are valid indices";

bool only_integers(VM& vm) {
  vm.raise(vm.exc().IndexError, kOnlyIntegers);
  return false;
}

// A list/tuple/range index converted with np.array() (NumPy 1.24 treats every non-tuple
// sequence as an index array). Empty sequences become int64 index arrays.
bool parse_sequence(VM& vm, Value v, IndexItem& it) {
  NDArray* arr = as_array(vm, v);
  if (!arr) {
    // NumPy builds an object/str array here, which is then not a valid index.
    if (vm.pending_matches(vm.exc().OverflowError) ||
        vm.pending_matches(vm.exc().NotImplementedError) ||
        vm.pending_matches(vm.exc().TypeError)) {
      vm.clear_pending();
      return only_integers(vm);
    }
    return false;
  }
  vm.root(Value::from_obj(arr));
  if (arr->size == 0 && arr->dtype != DType::Int64) {
    arr = copy_array(vm, arr, DType::Int64);
    if (!arr) return false;
    vm.root(Value::from_obj(arr));
  }
  if (arr->dtype == DType::Bool)
    it.kind = IdxKind::BoolArray;
  else if (is_integer(arr->dtype))
    it.kind = IdxKind::IntArray;
  else
    return only_integers(vm);
  it.arr = arr;
  return true;
}

bool parse_array_item(VM& vm, NDArray* arr, IndexItem& it) {
  if (arr->dtype == DType::Bool) {
    if (arr->ndim == 0) {
      it.kind = IdxKind::Bool0d;
      it.flag = *arr->data != 0;
    } else {
      it.kind = IdxKind::BoolArray;
      it.arr = arr;
    }
    return true;
  }
  if (!is_integer(arr->dtype)) {
    vm.raise(vm.exc().IndexError, "arrays used as indices must be of integer (or boolean) type");
    return false;
  }
  if (arr->ndim == 0) {
    it.kind = IdxKind::Int;
    cast_loop(arr->dtype, DType::Int64)(arr->data, 0, reinterpret_cast<char*>(&it.value), 0, 1);
  } else {
    it.kind = IdxKind::IntArray;
    it.arr = arr;
  }
  return true;
}

bool parse_item(VM& vm, Value v, ParsedIndex& p, IndexItem& it) {
  it.arr = nullptr;
  switch (v.tag) {
    case Tag::Int:
      it.kind = IdxKind::Int;
      it.value = v.as_int();
      return true;
    case Tag::Bool:
      it.kind = IdxKind::Bool0d;
      it.flag = v.as_bool();
      return true;
    case Tag::None:
      it.kind = IdxKind::NewAxis;
      p.has_newaxis = true;
      return true;
    case Tag::Obj:
      break;
    default:
      return only_integers(vm);
  }
  Object* o = v.as_obj();
  if (o->kind == Kind::Slice) {
    it.kind = IdxKind::Slice;
    it.slice = v;
    return true;
  }
  if (v.identical(vm.ellipsis())) {
    if (p.has_ellipsis) {
      vm.raise(vm.exc().IndexError, "an index can only have a single ellipsis ('...')");
      return false;
    }
    it.kind = IdxKind::Ellipsis;
    p.has_ellipsis = true;
    return true;
  }
  if (is_ndarray(vm, v)) return parse_array_item(vm, as_ndarray(v), it);
  if (is_np_scalar(vm, v)) {
    NpScalar* s = as_np_scalar(v);
    if (s->dtype == DType::Bool) {
      it.kind = IdxKind::Bool0d;
      it.flag = s->raw[0] != 0;
      return true;
    }
    if (!is_integer(s->dtype)) return only_integers(vm);
    it.kind = IdxKind::Int;
    cast_loop(s->dtype, DType::Int64)(s->ptr(), 0, reinterpret_cast<char*>(&it.value), 0, 1);
    return true;
  }
  if (o->kind == Kind::List || o->kind == Kind::Tuple || o->kind == Kind::Range)
    return parse_sequence(vm, v, it);
  if (o->kind == Kind::Instance && !lookup_in_mro(o->type, vm.names().index).is_undef()) {
    it.kind = IdxKind::Int;
    return index_of(vm, v, it.value);
  }
  return only_integers(vm);
}

int item_dims(const IndexItem& it) {
  switch (it.kind) {
    case IdxKind::Int:
    case IdxKind::Slice:
    case IdxKind::IntArray:
      return 1;
    case IdxKind::BoolArray:
      return it.arr->ndim;
    default:
      return 0;
  }
}

bool is_fancy_item(IdxKind k) {
  return k == IdxKind::Bool0d || k == IdxKind::BoolArray || k == IdxKind::IntArray;
}

// NumPy's checks after parsing: too many indices, then boolean dims (I3).
bool validate_index(VM& vm, NDArray* a, ParsedIndex& p) {
  if (p.consumed > a->ndim) {
    vm.raise_fmt(vm.exc().IndexError,
                 "too many indices for array: array is %d-dimensional, but %d were indexed",
                 a->ndim, p.consumed);
    return false;
  }
  p.ellipsis_dims = a->ndim - p.consumed;
  int d = 0;
  int state = 0;  // 0: before the fancy items, 1: among them, 2: after them
  for (int i = 0; i < p.n; ++i) {
    const IndexItem& it = p.items[i];
    if (it.kind == IdxKind::BoolArray) {
      for (int k = 0; k < it.arr->ndim; ++k) {
        // NumPy skips the check for boolean dims of length 0.
        if (it.arr->shape[k] != a->shape[d + k] && it.arr->shape[k] > 0) {
          vm.raise_fmt(vm.exc().IndexError,
                       "boolean index did not match indexed array along dimension %d; dimension is "
                       "%lld but corresponding boolean dimension is %lld",
                       d + k, static_cast<long long>(a->shape[d + k]),
                       static_cast<long long>(it.arr->shape[k]));
          return false;
        }
      }
    }
    d += it.kind == IdxKind::Ellipsis ? p.ellipsis_dims : item_dims(it);
    bool fancy = is_fancy_item(it.kind) || it.kind == IdxKind::Int;
    if (fancy) {
      if (state == 2) p.fancy_adjacent = false;
      state = 1;
    } else if (state == 1) {
      state = 2;
    }
  }
  return true;
}

}  // namespace

void raise_out_of_bounds(VM& vm, int64_t index, int axis, int64_t size) {
  if (vm.in_frame_flagged(kProtoNumba)) {  // Numba's boundscheck wording
    vm.raise(vm.exc().IndexError, "index is out of bounds");
    return;
  }
  vm.raise_fmt(vm.exc().IndexError, "index %lld is out of bounds for axis %d with size %lld",
               static_cast<long long>(index), axis, static_cast<long long>(size));
}

bool parse_index(VM& vm, NDArray* a, Value key, ParsedIndex& p) {
  if (is_kind(key, Kind::Tuple)) {
    Tuple* t = as_tuple(key);
    if (t->len > static_cast<size_t>(kMaxIndexItems)) {
      vm.raise(vm.exc().IndexError, "too many indices for array");
      return false;
    }
    for (size_t i = 0; i < t->len; ++i) {
      if (!parse_item(vm, t->items()[i], p, p.items[p.n])) return false;
      ++p.n;
    }
  } else {
    if (!parse_item(vm, key, p, p.items[0])) return false;
    p.n = 1;
  }
  for (int i = 0; i < p.n; ++i) {
    p.consumed += item_dims(p.items[i]);
    if (is_fancy_item(p.items[i].kind)) p.fancy = true;
  }
  return validate_index(vm, a, p);
}

NDArray* value_as_array(VM& vm, Value value, DType dtype) {
  if (is_ndarray(vm, value)) {
    NDArray* v = as_ndarray(value);
    return v->dtype == dtype ? v : copy_array(vm, v, dtype, 'K');
  }
  // NumPy scalars are cast like 0-d arrays (np.float64('nan') → INT64_MIN in an int64
  // target, where a Python nan raises), as np.array(value, dtype) does.
  if (is_kind(value, Kind::List) || is_kind(value, Kind::Tuple) || is_kind(value, Kind::Range) ||
      is_np_scalar(vm, value))
    return as_array(vm, value, dtype);
  NDArray* r = new_array(vm, dtype, {});
  if (r && !store_value(vm, dtype, r->data, value)) return nullptr;
  return r;
}

namespace {

// ------------------------------------------------------------------ basic indexing
struct BasicView {
  char* data;
  int ndim = 0;
  int64_t shape[kMaxIndexItems];
  int64_t strides[kMaxIndexItems];
  bool scalar = false;  // a full integer index: `data` is the element (I2)
};

bool basic_view(VM& vm, NDArray* a, const ParsedIndex& p, BasicView& out) {
  char* data = a->data;
  int d = 0;
  int nd = 0;
  auto keep_dims = [&](int count) {
    for (int k = 0; k < count; ++k, ++d, ++nd) {
      out.shape[nd] = a->shape[d];
      out.strides[nd] = a->strides[d];
    }
  };
  bool all_ints = true;
  for (int i = 0; i < p.n; ++i) {
    const IndexItem& it = p.items[i];
    switch (it.kind) {
      case IdxKind::Int: {
        int64_t n = a->shape[d], x = it.value;
        if (x < -n || x >= n) {
          raise_out_of_bounds(vm, x, d, n);
          return false;
        }
        data += (x < 0 ? x + n : x) * a->strides[d];
        ++d;
        break;
      }
      case IdxKind::Slice: {
        SliceBounds b;
        if (!slice_indices(vm, it.slice, a->shape[d], b)) return false;
        // NumPy: an empty slice keeps the dim's stride and points at its start.
        out.shape[nd] = b.length;
        out.strides[nd] = b.length > 0 ? wrapping_mul(b.step, a->strides[d]) : a->strides[d];
        if (b.length > 0) data += b.start * a->strides[d];
        ++nd;
        ++d;
        all_ints = false;
        break;
      }
      case IdxKind::NewAxis:
        out.shape[nd] = 1;
        out.strides[nd] = 0;
        ++nd;
        all_ints = false;
        break;
      case IdxKind::Ellipsis:
        keep_dims(p.ellipsis_dims);
        all_ints = false;
        break;
      default:
        break;  // fancy items never reach basic indexing
    }
  }
  keep_dims(a->ndim - d);
  out.data = data;
  out.ndim = nd;
  out.scalar = all_ints && nd == 0;
  return true;
}

NDArray* make_view(VM& vm, NDArray* a, const BasicView& v) {
  return new_view(vm, a, a->dtype, v.data, {v.shape, static_cast<size_t>(v.ndim)},
                  {v.strides, static_cast<size_t>(v.ndim)});
}

// An element read by indexing: a NumPy scalar, except inside njit code (kProtoNumba),
// where int64/float64/bool/complex128 elements are the plain Python numbers Numba's
// unboxed values behave as (bytecode.h kProtoNumba).
Value element_value(VM& vm, DType dt, const char* p) {
  if ((dt == DType::Int64 || dt == DType::Float64 || dt == DType::Bool || dt == DType::Complex128) &&
      vm.in_frame_flagged(kProtoNumba))
    return element_to_python(vm, dt, p);
  return box_scalar(vm, dt, p);
}

Value general_getitem(VM& vm, NDArray* a, Value key) {
  VM::RootScope scope(vm);
  vm.root(key);
  ParsedIndex p;
  if (!parse_index(vm, a, key, p)) return Value();
  if (p.fancy) return fancy_getitem(vm, a, p);
  BasicView v;
  if (!basic_view(vm, a, p, v)) return Value();
  if (v.scalar) return element_value(vm, a->dtype, v.data);
  NDArray* r = make_view(vm, a, v);
  return r ? Value::from_obj(r) : Value();
}

Value array_getitem(VM& vm, Value self, Value key) {
  NDArray* a = as_ndarray(self);
  if (key.is_int()) {  // I1: a[i]
    if (a->ndim == 1) {
      int64_t n = a->shape[0], i = key.as_int();
      if (i < -n || i >= n) {
        raise_out_of_bounds(vm, i, 0, n);
        return Value();
      }
      return element_value(vm, a->dtype, a->data + (i < 0 ? i + n : i) * a->strides[0]);
    }
  } else if (is_kind(key, Kind::Tuple) && as_tuple(key)->len == static_cast<size_t>(a->ndim)) {
    Tuple* t = as_tuple(key);  // I1: a[i, j, ...]
    char* p = a->data;
    int d = 0;
    for (; d < a->ndim; ++d) {
      Value k = t->items()[d];
      if (!k.is_int()) break;
      int64_t n = a->shape[d], i = k.as_int();
      if (i < -n || i >= n) break;  // the general path raises in NumPy's order
      p += (i < 0 ? i + n : i) * a->strides[d];
    }
    if (d == a->ndim) return element_value(vm, a->dtype, p);
  }
  return general_getitem(vm, a, key);
}

// Drops leading length-1 dims of `v` beyond `ndim` (NumPy's assignment does). Returns
// v itself when nothing is dropped or the leading dims are not all 1.
NDArray* strip_leading_ones(VM& vm, NDArray* v, int ndim) {
  int extra = v->ndim - ndim;
  if (extra <= 0) return v;
  for (int i = 0; i < extra; ++i)
    if (v->shape[i] != 1) return v;
  NDArray* r = new_view(vm, v, v->dtype, v->data, {v->shape + extra, static_cast<size_t>(ndim)},
                        {v->strides + extra, static_cast<size_t>(ndim)});
  return r;
}

bool assign_to_view(VM& vm, NDArray* view, Value value) {
  if (is_ndarray(vm, value)) {
    NDArray* src = strip_leading_ones(vm, as_ndarray(value), view->ndim);
    return src && copy_into(vm, view, src);
  }
  if (is_kind(value, Kind::List) || is_kind(value, Kind::Tuple) || is_kind(value, Kind::Range)) {
    NDArray* src = as_array(vm, value, view->dtype);
    if (!src) return false;
    vm.root(Value::from_obj(src));
    if (src->ndim > view->ndim) {
      vm.raise_fmt(vm.exc().ValueError,
                   "setting an array element with a sequence. The requested array would exceed "
                   "the maximum number of dimension of %d.",
                   view->ndim);
      return false;
    }
    return copy_into(vm, view, src);
  }
  return fill_scalar(vm, view, value);
}

bool general_setitem(VM& vm, NDArray* a, Value key, Value value) {
  VM::RootScope scope(vm);
  vm.root(key);
  vm.root(value);
  ParsedIndex p;
  if (!parse_index(vm, a, key, p)) return false;
  if (p.fancy) return fancy_setitem(vm, a, p, value);
  BasicView v;
  if (!basic_view(vm, a, p, v)) return false;
  if (v.scalar) return store_value(vm, a->dtype, v.data, value);
  NDArray* view = make_view(vm, a, v);
  if (!view) return false;
  vm.root(Value::from_obj(view));
  return assign_to_view(vm, view, value);
}

bool array_setitem(VM& vm, Value self, Value key, Value value) {
  NDArray* a = as_ndarray(self);
  if (value.is_undef()) {
    vm.raise(vm.exc().ValueError, "cannot delete array elements");
    return false;
  }
  if (!check_writeable(vm, a)) return false;
  if (key.is_int() && a->ndim == 1) {  // I1: a[i] = v
    int64_t n = a->shape[0], i = key.as_int();
    if (i < -n || i >= n) {
      raise_out_of_bounds(vm, i, 0, n);
      return false;
    }
    return store_value(vm, a->dtype, a->data + (i < 0 ? i + n : i) * a->strides[0], value);
  }
  if (is_kind(key, Kind::Tuple) && as_tuple(key)->len == static_cast<size_t>(a->ndim)) {
    Tuple* t = as_tuple(key);  // I1: a[i, j, ...] = v
    char* p = a->data;
    int d = 0;
    for (; d < a->ndim; ++d) {
      Value k = t->items()[d];
      if (!k.is_int()) break;
      int64_t n = a->shape[d], i = k.as_int();
      if (i < -n || i >= n) break;
      p += (i < 0 ? i + n : i) * a->strides[d];
    }
    if (d == a->ndim) return store_value(vm, a->dtype, p, value);
  }
  return general_setitem(vm, a, key, value);
}

// ------------------------------------------------------------------ methods
Value m_getitem(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "__getitem__", 1, 1)) return Value();
  return array_getitem(vm, a[0], a[1]);
}

Value m_setitem(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "__setitem__", 2, 2)) return Value();
  if (!array_setitem(vm, a[0], a[1], a[2])) return Value();
  return Value::none();
}

Value m_delitem(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "__delitem__", 1, 1)) return Value();
  return vm.raise(vm.exc().ValueError, "cannot delete array elements");
}

const MethodDef kMethods[] = {
    {"__getitem__", m_getitem}, {"__setitem__", m_setitem}, {"__delitem__", m_delitem}};

}  // namespace

void install_indexing(VM& vm, NumpyState& st) {
  st.ndarray->slots.getitem = array_getitem;
  st.ndarray->slots.setitem = array_setitem;
  add_array_methods(vm, st, kMethods);
  install_flat(vm, st);
}

}  // namespace pyjitvm::stdlib::np
