// stdlib/numpy/shape.cpp — shape manipulation without copying data where NumPy does
// not: reshape, ravel, flatten, transpose, swapaxes, moveaxis, expand_dims, squeeze,
// flip/fliplr/flipud/rot90, broadcast_to/broadcast_arrays/broadcast_shapes, and the
// np.shape/np.ndim/np.size functions.
//
// Stage: install_shape() during `import numpy` (numpy_internal.h); joining, splitting
// and repeating live in shape_join.cpp.
//
// Invariants:
//   I1  shape_internal.h I1: reshape/ravel return views exactly when NumPy does, with
//       NumPy's strides (attempt_nocopy is NumPy's no-copy stride rule).
//   I2  Functions that mirror methods (np.reshape(a) / a.reshape) share one
//       implementation; non-array arguments go through np.asarray.
//   I3  Errors use NumPy 1.24's types and wording (AxisError for axes, ValueError for
//       shapes, including its quirks such as "(4,newaxis)" in reshape messages).
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/shape_internal.h"
#include "vm/list_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

// ------------------------------------------------------------------ shared helpers
bool parse_order(VM& vm, Value v, char def, char& out) {
  out = def;
  if (v.is_undef() || v.is_none()) return true;
  if (!is_kind(v, Kind::Str)) {
    vm.raise_fmt(vm.exc().TypeError, "order must be str, not %s", type_name(vm, v));
    return false;
  }
  std::string_view s = as_str(v)->view();
  if (s.size() == 1) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    if (c == 'C' || c == 'F' || c == 'A' || c == 'K') {
      out = c;
      return true;
    }
  }
  vm.raise_fmt(vm.exc().ValueError, "order must be one of 'C', 'F', 'A', or 'K' (got '%s')",
               std::string(s).c_str());
  return false;
}

NDArray* view_of(VM& vm, NDArray* a, char* data, std::span<const int64_t> shape,
                 std::span<const int64_t> strides) {
  return new_view(vm, a, a->dtype, data, shape, strides);
}

bool check_axis(VM& vm, int64_t axis, int ndim, const char* prefix, int& out) {
  if (axis < -ndim || axis >= ndim) {
    raise_axis_error(vm, std::string(prefix) + "axis " + std::to_string(axis) +
                             " is out of bounds for array of dimension " + std::to_string(ndim));
    return false;
  }
  out = static_cast<int>(axis < 0 ? axis + ndim : axis);
  return true;
}

NDArray* arg_array(VM& vm, Value v) {
  if (is_ndarray(vm, v)) return as_ndarray(v);
  NDArray* a = as_array(vm, v);
  if (a) vm.root(Value::from_obj(a));
  return a;
}

Value array_list(VM& vm, std::span<NDArray* const> arrays) {
  List* l = vm.new_list(arrays.size());
  for (size_t i = 0; i < arrays.size(); ++i) l->items[i] = Value::from_obj(arrays[i]);
  return Value::from_obj(l);
}

NDArray* permute_view(VM& vm, NDArray* a, const int* perm) {
  int64_t shape[kMaxDims], strides[kMaxDims];
  for (int i = 0; i < a->ndim; ++i) {
    shape[i] = a->shape[perm[i]];
    strides[i] = a->strides[perm[i]];
  }
  return view_of(vm, a, a->data, {shape, static_cast<size_t>(a->ndim)},
                 {strides, static_cast<size_t>(a->ndim)});
}

namespace {

// One entry of a shape sequence (PyArray_PyIntAsIntp).
bool intp_item(VM& vm, Value x, int64_t& out) {
  if (x.is_bool()) {
    vm.raise(vm.exc().TypeError, "an integer is required");
    return false;
  }
  if (is_kind(x, Kind::BigInt)) {
    vm.raise(vm.exc().ValueError, "Maximum allowed dimension exceeded");
    return false;
  }
  return index_of(vm, x, out);
}

}  // namespace

bool parse_intp_shape(VM& vm, Value v, std::vector<int64_t>& out) {
  out.clear();
  if (v.is_none()) return true;
  bool seq = is_kind(v, Kind::List) || is_kind(v, Kind::Tuple) || is_kind(v, Kind::Str) ||
             is_kind(v, Kind::Range) || (is_ndarray(vm, v) && as_ndarray(v)->ndim > 0);
  if (seq) {
    return for_each(vm, v, [&](Value x) {
      int64_t d;
      if (!intp_item(vm, x, d)) return false;
      out.push_back(d);
      return true;
    });
  }
  int64_t d;
  if (is_kind(v, Kind::BigInt)) return intp_item(vm, v, d);
  bool integral = v.is_int() || (v.is_obj() && !v.is_bool() && !is_kind(v, Kind::Complex) &&
                                 !lookup_in_mro(v.as_obj()->type, vm.names().index).is_undef());
  if (!integral) {
    Value r = repr(vm, v);
    if (failed(r)) return false;
    vm.raise_fmt(vm.exc().TypeError,
                 "expected a sequence of integers or a single integer, got '%s'",
                 as_str(r)->data());
    return false;
  }
  if (!index_of(vm, v, d)) return false;
  out.push_back(d);
  return true;
}

namespace {

// NumPy's shape text in reshape errors: leading unknowns are dropped, later ones
// print as "newaxis", no spaces ("(4,newaxis)", "(4,)", "(4)" for (-1, 4)).
std::string reshape_shape_str(const std::vector<int64_t>& shape) {
  size_t i = 0;
  while (i < shape.size() && shape[i] < 0) ++i;
  if (i == shape.size()) return "()";
  std::string s = std::to_string(shape[i++]);
  for (; i < shape.size(); ++i) s += shape[i] < 0 ? ",newaxis" : "," + std::to_string(shape[i]);
  return shape.size() == 1 ? "(" + s + ",)" : "(" + s + ")";
}

}  // namespace

bool resolve_newshape(VM& vm, int64_t size, std::vector<int64_t>& shape) {
  int unknown = -1;
  int64_t known = 1;
  bool overflow = false;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] < 0) {
      if (unknown >= 0) {
        vm.raise(vm.exc().ValueError, "can only specify one unknown dimension");
        return false;
      }
      unknown = static_cast<int>(i);
    } else if (shape[i] != 0 && known > INT64_MAX / shape[i]) {
      overflow = true;
    } else {
      known *= shape[i];
    }
  }
  if (overflow) {
    vm.raise(vm.exc().ValueError,
             "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum "
             "possible size.");
    return false;
  }
  if (unknown >= 0) {
    if (known != 0 && size % known == 0) {
      shape[unknown] = size / known;
      return true;
    }
  } else if (known == size) {
    return true;
  }
  vm.raise_fmt(vm.exc().ValueError, "cannot reshape array of size %lld into shape %s",
               static_cast<long long>(size), reshape_shape_str(shape).c_str());
  return false;
}

namespace {

// NumPy's rule for reshaping a non-contiguous array without a copy: dims are grouped
// so that the products of old and new dims agree; each group of old dims must be
// contiguous in `order`.
bool attempt_nocopy(const NDArray* a, std::span<const int64_t> newshape, char order,
                    int64_t* newstrides) {
  int64_t olddims[kMaxDims], oldstrides[kMaxDims];
  int oldnd = 0;
  for (int i = 0; i < a->ndim; ++i)
    if (a->shape[i] != 1) {
      olddims[oldnd] = a->shape[i];
      oldstrides[oldnd++] = a->strides[i];
    }
  const int newnd = static_cast<int>(newshape.size());
  int oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newnd && oi < oldnd) {
    int64_t np_ = newshape[ni], op = olddims[oi];
    while (np_ != op) {
      if (np_ < op)
        np_ *= newshape[nj++];
      else
        op *= olddims[oj++];
    }
    for (int ok = oi; ok < oj - 1; ++ok) {
      if (order == 'F' ? oldstrides[ok + 1] != olddims[ok] * oldstrides[ok]
                       : oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1])
        return false;
    }
    if (order == 'F') {
      newstrides[ni] = oldstrides[oi];
      for (int nk = ni + 1; nk < nj; ++nk) newstrides[nk] = newstrides[nk - 1] * newshape[nk - 1];
    } else {
      newstrides[nj - 1] = oldstrides[oj - 1];
      for (int nk = nj - 1; nk > ni; --nk) newstrides[nk - 1] = newstrides[nk] * newshape[nk];
    }
    ni = nj++;
    oi = oj++;
  }
  int64_t last = a->itemsize;
  if (ni >= 1) {
    last = newstrides[ni - 1];
    if (order == 'F') last *= newshape[ni - 1];
  }
  for (int nk = ni; nk < newnd; ++nk) newstrides[nk] = last;
  return true;
}

}  // namespace

NDArray* reshape_array(VM& vm, NDArray* a, std::span<const int64_t> shape, char order) {
  if (order == 'A') order = resolve_any_order(a);
  if (shape.size() > static_cast<size_t>(kMaxDims)) {
    vm.raise_fmt(vm.exc().ValueError, "maximum supported dimension for an ndarray is %d, found %zu",
                 kMaxDims, shape.size());
    return nullptr;
  }
  if (std::equal(shape.begin(), shape.end(), a->shape, a->shape + a->ndim))
    return view_of(vm, a, a->data, shape, strides_of(a));
  int64_t strides[kMaxDims];
  bool contiguous = order == 'F' ? a->f_contiguous() : a->c_contiguous();
  if (!contiguous && attempt_nocopy(a, shape, order, strides))
    return view_of(vm, a, a->data, shape, {strides, shape.size()});
  NDArray* src = a;
  if (!contiguous) {
    src = copy_array(vm, a, a->dtype, order);
    if (!src) return nullptr;
  }
  VM::TempRoot keep(vm, src);
  if (order == 'F')
    f_strides(shape, src->itemsize, strides);
  else
    c_strides(shape, src->itemsize, strides);
  return view_of(vm, src, src->data, shape, {strides, shape.size()});
}

namespace {

// The axes of `a` sorted by decreasing |stride| (NumPy's 'K' memory order; stable).
void keep_order_perm(const NDArray* a, int* perm) {
  for (int i = 0; i < a->ndim; ++i) perm[i] = i;
  std::stable_sort(perm, perm + a->ndim,
                   [&](int x, int y) { return std::abs(a->strides[x]) > std::abs(a->strides[y]); });
}

// Copies `src` into a new 1-d array in C order of src's dims (or F order).
NDArray* copy_flat(VM& vm, NDArray* src, char order) {
  VM::TempRoot keep(vm, src);
  const int64_t n[] = {src->size};
  NDArray* r = new_array(vm, src->dtype, n);
  if (!r || src->size == 0) return r;
  VM::TempRoot keep_r(vm, r);
  int64_t strides[kMaxDims];
  if (order == 'F')
    f_strides(shape_of(src), src->itemsize, strides);
  else
    c_strides(shape_of(src), src->itemsize, strides);
  NDArray* dst = view_of(vm, r, r->data, shape_of(src), {strides, static_cast<size_t>(src->ndim)});
  if (!dst || !copy_into(vm, dst, src)) return nullptr;
  return r;
}

}  // namespace

NDArray* ravel_array(VM& vm, NDArray* a, char order) {
  if (order == 'A') order = resolve_any_order(a);
  const int64_t flat[] = {a->size};
  if (order == 'K') {
    if (a->c_contiguous()) return reshape_array(vm, a, flat, 'C');
    if (a->f_contiguous()) return reshape_array(vm, a, flat, 'F');
    int perm[kMaxDims];
    keep_order_perm(a, perm);
    NDArray* p = permute_view(vm, a, perm);
    if (!p) return nullptr;
    if (p->c_contiguous()) return reshape_array(vm, p, flat, 'C');
    return copy_flat(vm, p, 'C');
  }
  if (order == 'F' ? a->f_contiguous() : a->c_contiguous())
    return reshape_array(vm, a, flat, order);
  return copy_flat(vm, a, order);
}

NDArray* flatten_array(VM& vm, NDArray* a, char order) {
  if (order == 'A') order = resolve_any_order(a);
  if (order == 'K') {
    if (a->f_contiguous() && !a->c_contiguous()) return copy_flat(vm, a, 'F');
    int perm[kMaxDims];
    keep_order_perm(a, perm);
    NDArray* p = permute_view(vm, a, perm);
    return p ? copy_flat(vm, p, 'C') : nullptr;
  }
  return copy_flat(vm, a, order);
}

namespace {

// ------------------------------------------------------------------ reshape / ravel
bool reject_reshape_order(VM& vm, char order) {
  if (order != 'K') return true;
  vm.raise(vm.exc().ValueError, "order 'K' is not permitted for reshaping");
  return false;
}

Value do_reshape(VM& vm, NDArray* x, Value shape_v, bool shape_is_list, const Value* dims,
                 uint32_t ndims, Value order_v) {
  char order;
  if (!parse_order(vm, order_v, 'C', order) || !reject_reshape_order(vm, order)) return Value();
  std::vector<int64_t> shape;
  if (shape_is_list) {
    if (shape_v.is_none())
      shape.assign(x->shape, x->shape + x->ndim);
    else if (!parse_intp_shape(vm, shape_v, shape))
      return Value();
  } else {
    for (uint32_t i = 0; i < ndims; ++i) {
      int64_t d;
      if (!index_of(vm, dims[i], d)) return Value();
      shape.push_back(d);
    }
  }
  if (!resolve_newshape(vm, x->size, shape)) return Value();
  return wrap(reshape_array(vm, x, shape, order));
}

Value m_reshape(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"reshape", {"self", "*shape", "order="}};
  for (uint32_t i = 0; i < a.nkw(); ++i) {
    Str* k = as_str((*a.kwnames)[i]);
    if (k->view() != "order")
      return vm.raise_fmt(vm.exc().TypeError,
                          "'%s' is an invalid keyword argument for this function", k->data());
  }
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Tuple* dims = as_tuple(p[1]);
  if (dims->len == 0)
    return vm.raise(vm.exc().TypeError, "reshape() takes exactly 1 argument (0 given)");
  NDArray* x = as_ndarray(p[0]);
  if (dims->len == 1) return do_reshape(vm, x, (*dims)[0], true, nullptr, 0, p[2]);
  return do_reshape(vm, x, Value(), false, dims->items(), static_cast<uint32_t>(dims->len), p[2]);
}

Value f_reshape(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"reshape", {"a", "newshape", "order="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  return do_reshape(vm, x, p[1], true, nullptr, 0, p[2]);
}

Value m_ravel(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"ravel", {"self", "order="}};
  Value p[2];
  char order;
  if (!parse_args(vm, a, kSpec, p) || !parse_order(vm, p[1], 'C', order)) return Value();
  return wrap(ravel_array(vm, as_ndarray(p[0]), order));
}

Value f_ravel(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"ravel", {"a", "order="}};
  Value p[2];
  char order;
  if (!parse_args(vm, a, kSpec, p) || !parse_order(vm, p[1], 'C', order)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  return x ? wrap(ravel_array(vm, x, order)) : Value();
}

Value m_flatten(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"flatten", {"self", "order="}};
  Value p[2];
  char order;
  if (!parse_args(vm, a, kSpec, p) || !parse_order(vm, p[1], 'C', order)) return Value();
  return wrap(flatten_array(vm, as_ndarray(p[0]), order));
}

// ------------------------------------------------------------------ axes
// NumPy's normalize_axis_tuple: an int or a sequence of ints; AxisError with an
// optional "name: " prefix; repeated axes → "repeated axis" (+ " in `name` argument").
bool axis_tuple(VM& vm, Value v, int ndim, const char* argname, std::vector<int>& out) {
  out.clear();
  std::string prefix = argname ? std::string(argname) + ": " : "";
  auto add = [&](Value x) {
    int64_t ax;
    int n;
    if (!index_of(vm, x, ax) || !check_axis(vm, ax, ndim, prefix.c_str(), n)) return false;
    out.push_back(n);
    return true;
  };
  if (is_kind(v, Kind::Tuple) || is_kind(v, Kind::List)) {
    if (!for_each(vm, v, add)) return false;
  } else if (!add(v)) {
    return false;
  }
  for (size_t i = 0; i < out.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (out[i] == out[j]) {
        if (argname)
          vm.raise_fmt(vm.exc().ValueError, "repeated axis in `%s` argument", argname);
        else
          vm.raise(vm.exc().ValueError, "repeated axis");
        return false;
      }
  return true;
}

Value transpose_with(VM& vm, NDArray* x, const std::vector<int64_t>* axes) {
  int perm[kMaxDims];
  if (!axes) {
    for (int i = 0; i < x->ndim; ++i) perm[i] = x->ndim - 1 - i;
    return wrap(permute_view(vm, x, perm));
  }
  if (axes->size() != static_cast<size_t>(x->ndim))
    return vm.raise(vm.exc().ValueError, "axes don't match array");
  bool seen[kMaxDims] = {};
  for (int i = 0; i < x->ndim; ++i) {
    if (!check_axis(vm, (*axes)[i], x->ndim, "", perm[i])) return Value();
    if (seen[perm[i]]) return vm.raise(vm.exc().ValueError, "repeated axis in transpose");
    seen[perm[i]] = true;
  }
  return wrap(permute_view(vm, x, perm));
}

Value m_transpose(VM& vm, const CallArgs& a) {
  if (a.nkw())
    return vm.raise(vm.exc().TypeError, "ndarray.transpose() takes no keyword arguments");
  NDArray* x = as_ndarray(a[0]);
  if (a.argc == 1 || (a.argc == 2 && a[1].is_none())) return transpose_with(vm, x, nullptr);
  std::vector<int64_t> axes;
  if (a.argc == 2 && !a[1].is_int()) {
    if (!parse_shape(vm, a[1], axes)) return Value();
  } else {
    for (uint32_t i = 1; i < a.argc; ++i) {
      int64_t v;
      if (!index_of(vm, a[i], v)) return Value();
      axes.push_back(v);
    }
  }
  return transpose_with(vm, x, &axes);
}

Value f_transpose(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"transpose", {"a", "axes="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  if (p[1].is_undef() || p[1].is_none()) return transpose_with(vm, x, nullptr);
  std::vector<int64_t> axes;
  if (!parse_shape(vm, p[1], axes)) return Value();
  return transpose_with(vm, x, &axes);
}

Value swapaxes(VM& vm, NDArray* x, Value v1, Value v2) {
  int64_t i1, i2;
  int a1, a2;
  if (!index_of(vm, v1, i1) || !index_of(vm, v2, i2)) return Value();
  if (!check_axis(vm, i1, x->ndim, "axis1: ", a1) || !check_axis(vm, i2, x->ndim, "axis2: ", a2))
    return Value();
  int perm[kMaxDims];
  for (int i = 0; i < x->ndim; ++i) perm[i] = i;
  std::swap(perm[a1], perm[a2]);
  return wrap(permute_view(vm, x, perm));
}

Value m_swapaxes(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"swapaxes", {"self", "axis1", "axis2"}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  return swapaxes(vm, as_ndarray(p[0]), p[1], p[2]);
}

Value f_swapaxes(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"swapaxes", {"a", "axis1", "axis2"}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  return x ? swapaxes(vm, x, p[1], p[2]) : Value();
}

Value f_moveaxis(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"moveaxis", {"a", "source", "destination"}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  std::vector<int> src, dst;
  if (!axis_tuple(vm, p[1], x->ndim, "source", src) ||
      !axis_tuple(vm, p[2], x->ndim, "destination", dst))
    return Value();
  if (src.size() != dst.size())
    return vm.raise(vm.exc().ValueError,
                    "`source` and `destination` arguments must have the same number of elements");
  std::vector<int> order;
  for (int n = 0; n < x->ndim; ++n)
    if (std::find(src.begin(), src.end(), n) == src.end()) order.push_back(n);
  std::vector<std::pair<int, int>> moves;
  for (size_t i = 0; i < src.size(); ++i) moves.emplace_back(dst[i], src[i]);
  std::sort(moves.begin(), moves.end());
  for (auto [d, s] : moves) order.insert(order.begin() + d, s);
  return wrap(permute_view(vm, x, order.data()));
}

Value f_expand_dims(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"expand_dims", {"a", "axis"}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  size_t count = 1;
  if (is_kind(p[1], Kind::Tuple) || is_kind(p[1], Kind::List)) {
    int64_t n;
    if (!length(vm, p[1], n)) return Value();
    count = static_cast<size_t>(n);
  }
  const int out_nd = x->ndim + static_cast<int>(count);
  std::vector<int> axes;
  if (!axis_tuple(vm, p[1], out_nd, nullptr, axes)) return Value();
  std::vector<int64_t> shape;
  int k = 0;
  for (int d = 0; d < out_nd; ++d) {
    bool ins = std::find(axes.begin(), axes.end(), d) != axes.end();
    shape.push_back(ins ? 1 : x->shape[k++]);
  }
  return wrap(reshape_array(vm, x, shape, 'C'));
}

Value squeeze(VM& vm, NDArray* x, Value axis) {
  std::vector<bool> mask;
  bool all = axis.is_undef() || axis.is_none();
  if (!parse_axes(vm, axis, x->ndim, mask)) return Value();
  std::vector<int64_t> shape, strides;
  for (int d = 0; d < x->ndim; ++d) {
    if (mask[d] && x->shape[d] == 1) continue;
    if (mask[d] && !all)
      return vm.raise(vm.exc().ValueError,
                      "cannot select an axis to squeeze out which has size not equal to one");
    shape.push_back(x->shape[d]);
    strides.push_back(x->strides[d]);
  }
  if (shape.size() == static_cast<size_t>(x->ndim)) return Value::from_obj(x);  // as NumPy
  return wrap(view_of(vm, x, x->data, shape, strides));
}

Value m_squeeze(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"squeeze", {"self", "axis="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  return squeeze(vm, as_ndarray(p[0]), p[1]);
}

Value f_squeeze(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"squeeze", {"a", "axis="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  return x ? squeeze(vm, x, p[1]) : Value();
}

// ------------------------------------------------------------------ np.shape/ndim/size
Value f_shape(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"shape", {"a"}};
  Value p[1];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  Tuple* t = vm.new_tuple(static_cast<size_t>(x->ndim));
  for (int i = 0; i < x->ndim; ++i) (*t)[i] = Value::from_int(x->shape[i]);
  return Value::from_obj(t);
}

Value f_ndim(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"ndim", {"a"}};
  Value p[1];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  return x ? Value::from_int(x->ndim) : Value();
}

Value f_size(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"size", {"a", "axis="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  if (p[1].is_undef() || p[1].is_none()) return Value::from_int(x->size);
  int64_t ax;
  if (!index_of(vm, p[1], ax)) return Value();
  if (ax < 0) ax += x->ndim;
  if (ax < 0 || ax >= x->ndim) return vm.raise(vm.exc().IndexError, "tuple index out of range");
  return Value::from_int(x->shape[ax]);
}

// ------------------------------------------------------------------ broadcasting
// np.broadcast's shape with its error text: the first dim (outermost first) where two
// arguments disagree, blaming the argument that set that dim.
bool broadcast_blame(VM& vm, const std::vector<std::vector<int64_t>>& shapes,
                     std::vector<int64_t>& out) {
  size_t nd = 0;
  for (const auto& s : shapes) nd = std::max(nd, s.size());
  out.assign(nd, 1);
  for (size_t i = 0; i < nd; ++i) {
    size_t setter = 0;
    for (size_t j = 0; j < shapes.size(); ++j) {
      const auto& s = shapes[j];
      if (i + s.size() < nd) continue;
      int64_t d = s[i + s.size() - nd];
      if (d == 1) continue;
      if (out[i] == 1) {
        out[i] = d;
        setter = j;
      } else if (out[i] != d) {
        vm.raise_fmt(vm.exc().ValueError,
                     "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
                     "between arg %zu with shape %s and arg %zu with shape %s.",
                     setter, shape_str(shapes[setter]).c_str(), j, shape_str(s).c_str());
        return false;
      }
    }
  }
  return true;
}

NDArray* broadcast_view(VM& vm, NDArray* x, std::span<const int64_t> shape) {
  int64_t strides[kMaxDims];
  broadcast_strides(x, shape, strides);
  return view_of(vm, x, x->data, shape, {strides, shape.size()});
}

Value f_broadcast_to(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"broadcast_to", {"array", "shape", "subok="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  std::vector<int64_t> shape;
  if (!x || !parse_shape(vm, p[1], shape)) return Value();
  if (shape.empty() && x->ndim > 0)
    return vm.raise(vm.exc().ValueError, "cannot broadcast a non-scalar to a scalar array");
  for (int64_t d : shape)
    if (d < 0)
      return vm.raise(vm.exc().ValueError, "all elements of broadcast shape must be non-negative");
  if (static_cast<size_t>(x->ndim) > shape.size())
    return vm.raise(vm.exc().ValueError,
                    "input operand has more dimensions than allowed by the axis remapping");
  int64_t strides[kMaxDims];
  if (!broadcast_strides(x, shape, strides))
    return vm.raise_fmt(vm.exc().ValueError,
                        "operands could not be broadcast together with remapped shapes "
                        "[original->remapped]: %s  and requested shape %s",
                        shape_str_compact(shape_of(x)).c_str(), shape_str_compact(shape).c_str());
  NDArray* r = view_of(vm, x, x->data, shape, {strides, shape.size()});
  if (r) r->aflags &= ~kWriteable;
  return wrap(r);
}

Value f_broadcast_arrays(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"broadcast_arrays", {"*args", "subok="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Tuple* args = as_tuple(p[0]);
  std::vector<NDArray*> arrays;
  std::vector<std::vector<int64_t>> shapes;
  for (size_t i = 0; i < args->len; ++i) {
    NDArray* x = arg_array(vm, (*args)[i]);
    if (!x) return Value();
    arrays.push_back(x);
    shapes.emplace_back(x->shape, x->shape + x->ndim);
  }
  std::vector<int64_t> shape;
  if (!broadcast_blame(vm, shapes, shape)) return Value();
  bool same = true;
  for (NDArray* x : arrays)
    same = same && std::equal(shape.begin(), shape.end(), x->shape, x->shape + x->ndim);
  for (NDArray*& x : arrays) {
    if (same) break;
    x = broadcast_view(vm, x, shape);
    if (!x) return Value();
    vm.root(Value::from_obj(x));
  }
  return array_list(vm, arrays);
}

Value f_broadcast_shapes(VM& vm, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "broadcast_shapes")) return Value();
  std::vector<std::vector<int64_t>> shapes(a.argc);
  for (uint32_t i = 0; i < a.argc; ++i)
    if (!parse_shape(vm, a[i], shapes[i])) return Value();
  std::vector<int64_t> shape;
  if (!broadcast_blame(vm, shapes, shape)) return Value();
  Tuple* t = vm.new_tuple(shape.size());
  for (size_t i = 0; i < shape.size(); ++i) (*t)[i] = Value::from_int(shape[i]);
  return Value::from_obj(t);
}

// ------------------------------------------------------------------ flips
NDArray* flip_axes(VM& vm, NDArray* x, const std::vector<int>& axes) {
  int64_t strides[kMaxDims];
  char* data = x->data;
  for (int d = 0; d < x->ndim; ++d) strides[d] = x->strides[d];
  for (int d : axes) {
    if (x->shape[d] > 0) data += (x->shape[d] - 1) * x->strides[d];
    strides[d] = -x->strides[d];
  }
  return view_of(vm, x, data, shape_of(x), {strides, static_cast<size_t>(x->ndim)});
}

Value f_flip(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"flip", {"m", "axis="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  std::vector<int> axes;
  if (p[1].is_undef() || p[1].is_none()) {
    for (int d = 0; d < x->ndim; ++d) axes.push_back(d);
  } else if (!axis_tuple(vm, p[1], x->ndim, nullptr, axes)) {
    return Value();
  }
  return wrap(flip_axes(vm, x, axes));
}

Value flip_one(VM& vm, const CallArgs& a, int axis) {
  static const ArgSpec kLr{"fliplr", {"m"}};
  static const ArgSpec kUd{"flipud", {"m"}};
  Value p[1];
  if (!parse_args(vm, a, axis == 1 ? kLr : kUd, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  if (x->ndim < axis + 1)
    return vm.raise(vm.exc().ValueError,
                    axis == 1 ? "Input must be >= 2-d." : "Input must be >= 1-d.");
  return wrap(flip_axes(vm, x, {axis}));
}

Value f_fliplr(VM& vm, const CallArgs& a) { return flip_one(vm, a, 1); }
Value f_flipud(VM& vm, const CallArgs& a) { return flip_one(vm, a, 0); }

Value f_rot90(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"rot90", {"m", "k=", "axes="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  int64_t k = 1;
  if (!p[1].is_undef() && !index_of(vm, p[1], k)) return Value();
  std::vector<int64_t> ax = {0, 1};
  if (!p[2].is_undef() && !parse_shape(vm, p[2], ax)) return Value();
  if (ax.size() != 2) return vm.raise(vm.exc().ValueError, "len(axes) must be 2.");
  const int64_t nd = x->ndim;
  if (ax[0] == ax[1] || std::abs(ax[0] - ax[1]) == nd)
    return vm.raise(vm.exc().ValueError, "Axes must be different.");
  if (ax[0] >= nd || ax[0] < -nd || ax[1] >= nd || ax[1] < -nd)
    return vm.raise_fmt(
        vm.exc().ValueError, "Axes=(%lld, %lld) out of range in array of dimension %lld.",
        static_cast<long long>(ax[0]), static_cast<long long>(ax[1]), static_cast<long long>(nd));
  int a0 = static_cast<int>((ax[0] + nd) % nd), a1 = static_cast<int>((ax[1] + nd) % nd);
  k = ((k % 4) + 4) % 4;
  if (k == 0) return wrap(view_of(vm, x, x->data, shape_of(x), strides_of(x)));
  if (k == 2) return wrap(flip_axes(vm, x, {a0, a1}));
  int perm[kMaxDims];
  for (int i = 0; i < x->ndim; ++i) perm[i] = i;
  std::swap(perm[a0], perm[a1]);
  if (k == 1) {
    NDArray* f = flip_axes(vm, x, {a1});
    return f ? wrap(permute_view(vm, f, perm)) : Value();
  }
  NDArray* t = permute_view(vm, x, perm);
  return t ? wrap(flip_axes(vm, t, {a1})) : Value();
}

const MethodDef kMethods[] = {
    {"reshape", m_reshape},     {"ravel", m_ravel},       {"flatten", m_flatten},
    {"transpose", m_transpose}, {"swapaxes", m_swapaxes}, {"squeeze", m_squeeze},
};

const MethodDef kFunctions[] = {
    {"reshape", f_reshape},
    {"ravel", f_ravel},
    {"transpose", f_transpose},
    {"swapaxes", f_swapaxes},
    {"moveaxis", f_moveaxis},
    {"expand_dims", f_expand_dims},
    {"squeeze", f_squeeze},
    {"shape", f_shape},
    {"ndim", f_ndim},
    {"size", f_size},
    {"broadcast_to", f_broadcast_to},
    {"broadcast_arrays", f_broadcast_arrays},
    {"broadcast_shapes", f_broadcast_shapes},
    {"flip", f_flip},
    {"fliplr", f_fliplr},
    {"flipud", f_flipud},
    {"rot90", f_rot90},
};

}  // namespace

void install_shape(VM& vm, NumpyState& st) {
  add_array_methods(vm, st, kMethods);
  add_module_functions(vm, st, kFunctions);
  install_shape_join(vm, st);
}

}  // namespace pyjitvm::stdlib::np
