// stdlib/numpy/shape_join.cpp — joining, splitting and repeating arrays: concatenate,
// stack, vstack/hstack/dstack/column_stack/row_stack, atleast_1d/2d/3d, append, tile,
// repeat, split/array_split/hsplit/vsplit/dsplit, roll, np.resize.
//
// Stage: install_shape_join(), called from install_shape() (shape.cpp).
//
// Invariants:
//   I1  concatenate() is the one place arrays are joined: stack/vstack/hstack/...
//       reshape their inputs (views) and call it, as NumPy's Python wrappers do, so
//       dtype promotion, casting rules and error messages are the same everywhere.
//   I2  Results of joining/repeating are new C-contiguous arrays; split results are
//       views of the input.
//   I3  Errors are NumPy 1.24's text, checked in its order (ndim, axis, shapes, then
//       output/casting).
#include <algorithm>
#include <cstring>
#include <optional>
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

namespace {

// ------------------------------------------------------------------ casting rules
enum class Casting : uint8_t { No, Equiv, Safe, SameKind, Unsafe };

bool parse_casting(VM& vm, Value v, Casting& out) {
  out = Casting::SameKind;
  if (v.is_undef()) return true;
  if (is_kind(v, Kind::Str)) {
    std::string_view s = as_str(v)->view();
    static const std::pair<std::string_view, Casting> kNames[] = {{"no", Casting::No},
                                                                  {"equiv", Casting::Equiv},
                                                                  {"safe", Casting::Safe},
                                                                  {"same_kind", Casting::SameKind},
                                                                  {"unsafe", Casting::Unsafe}};
    for (auto [n, c] : kNames)
      if (s == n) {
        out = c;
        return true;
      }
    vm.raise_fmt(
        vm.exc().ValueError,
        "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got '%s')",
        std::string(s).c_str());
    return false;
  }
  vm.raise_fmt(vm.exc().TypeError, "casting must be of type str, not %s", type_name(vm, v));
  return false;
}

const char* casting_name(Casting c) {
  switch (c) {
    case Casting::No:
      return "no";
    case Casting::Equiv:
      return "equiv";
    case Casting::Safe:
      return "safe";
    case Casting::SameKind:
      return "same_kind";
    case Casting::Unsafe:
      break;
  }
  return "unsafe";
}

int kind_rank(DType d) {
  switch (dkind(d)) {
    case DKind::Bool:
      return 0;
    case DKind::UnsignedInt:
      return 1;
    case DKind::SignedInt:
      return 2;
    case DKind::Float:
      return 3;
    case DKind::Complex:
      break;
  }
  return 4;
}

bool can_cast(DType from, DType to, Casting c) {
  switch (c) {
    case Casting::No:
    case Casting::Equiv:
      return from == to;
    case Casting::Safe:
      return can_cast_safe(from, to);
    case Casting::SameKind:
      return can_cast_safe(from, to) || kind_rank(from) <= kind_rank(to);
    case Casting::Unsafe:
      break;
  }
  return true;
}

bool check_cast(VM& vm, DType from, DType to, Casting c) {
  if (can_cast(from, to, c)) return true;
  vm.raise_fmt(vm.exc().TypeError,
               "Cannot cast array data from dtype('%s') to dtype('%s') according to the rule '%s'",
               std::string(dtype_name(from)).c_str(), std::string(dtype_name(to)).c_str(),
               casting_name(c));
  return false;
}

// The arrays of a sequence argument (each through np.asarray, rooted).
bool collect_arrays(VM& vm, Value seq, std::vector<NDArray*>& out) {
  Value it = get_iter(vm, seq);
  if (failed(it)) {
    if (vm.pending_matches(vm.exc().TypeError)) {
      vm.clear_pending();
      vm.raise(vm.exc().TypeError, "dispatcher for __array_function__ did not return an iterable");
    }
    return false;
  }
  vm.root(it);
  return for_each(vm, seq, [&](Value v) {
    NDArray* a = arg_array(vm, v);
    if (!a) return false;
    vm.root(Value::from_obj(a));
    out.push_back(a);
    return true;
  });
}

// A view of x restricted to [start, stop) along `axis` (0 <= start <= stop <= n).
NDArray* slice_view(VM& vm, NDArray* x, int axis, int64_t start, int64_t stop) {
  int64_t shape[kMaxDims];
  for (int d = 0; d < x->ndim; ++d) shape[d] = x->shape[d];
  shape[axis] = stop - start;
  char* data = x->data + (stop > start ? start * x->strides[axis] : 0);
  return view_of(vm, x, data, {shape, static_cast<size_t>(x->ndim)}, strides_of(x));
}

// A view of x with a new length-1 axis inserted at `axis`.
NDArray* insert_axis(VM& vm, NDArray* x, int axis) {
  int64_t shape[kMaxDims], strides[kMaxDims];
  int k = 0;
  for (int d = 0; d <= x->ndim; ++d) {
    if (d == axis) {
      shape[d] = 1;
      strides[d] = 0;
    } else {
      shape[d] = x->shape[k];
      strides[d] = x->strides[k++];
    }
  }
  return view_of(vm, x, x->data, {shape, static_cast<size_t>(x->ndim + 1)},
                 {strides, static_cast<size_t>(x->ndim + 1)});
}

}  // namespace

// ------------------------------------------------------------------ concatenate (I1)
namespace {

struct ConcatOptions {
  bool axis_none = false;
  int64_t axis = 0;
  NDArray* out = nullptr;
  std::optional<DType> dtype;
  Casting casting = Casting::SameKind;
};

bool concat_shape(VM& vm, const std::vector<NDArray*>& arrays, int64_t axis_in, int& axis,
                  std::vector<int64_t>& shape) {
  const int nd = arrays[0]->ndim;
  if (nd == 0) {
    vm.raise(vm.exc().ValueError, "zero-dimensional arrays cannot be concatenated");
    return false;
  }
  if (!check_axis(vm, axis_in, nd, "", axis)) return false;
  shape.assign(arrays[0]->shape, arrays[0]->shape + nd);
  for (size_t i = 1; i < arrays.size(); ++i) {
    NDArray* x = arrays[i];
    if (x->ndim != nd) {
      vm.raise_fmt(vm.exc().ValueError,
                   "all the input arrays must have same number of dimensions, but the array at "
                   "index 0 has %d dimension(s) and the array at index %zu has %d dimension(s)",
                   nd, i, x->ndim);
      return false;
    }
    for (int d = 0; d < nd; ++d) {
      if (d == axis) {
        shape[d] += x->shape[d];
      } else if (shape[d] != x->shape[d]) {
        vm.raise_fmt(vm.exc().ValueError,
                     "all the input array dimensions except for the concatenation axis must match "
                     "exactly, but along dimension %d, the array at index 0 has size %lld and the "
                     "array at index %zu has size %lld",
                     d, static_cast<long long>(shape[d]), i, static_cast<long long>(x->shape[d]));
        return false;
      }
    }
  }
  return true;
}

NDArray* concatenate(VM& vm, std::vector<NDArray*> arrays, const ConcatOptions& o) {
  if (arrays.empty()) {
    vm.raise(vm.exc().ValueError, "need at least one array to concatenate");
    return nullptr;
  }
  if (o.out && o.dtype) {
    vm.raise(vm.exc().TypeError,
             "concatenate() only takes `out` or `dtype` as an argument, but both were provided.");
    return nullptr;
  }
  if (o.axis_none) {
    for (NDArray*& x : arrays) {
      x = ravel_array(vm, x, 'C');
      if (!x) return nullptr;
      vm.root(Value::from_obj(x));
    }
  }
  int axis;
  std::vector<int64_t> shape;
  if (!concat_shape(vm, arrays, o.axis_none ? 0 : o.axis, axis, shape)) return nullptr;
  DType dt = arrays[0]->dtype;
  for (NDArray* x : arrays) dt = promote_types(dt, x->dtype);
  NDArray* r = o.out;
  if (r) {
    if (r->ndim != static_cast<int>(shape.size())) {
      vm.raise(vm.exc().ValueError, "Output array has wrong dimensionality");
      return nullptr;
    }
    if (!std::equal(shape.begin(), shape.end(), r->shape)) {
      vm.raise(vm.exc().ValueError, "Output array is the wrong shape");
      return nullptr;
    }
    dt = r->dtype;
  } else if (o.dtype) {
    dt = *o.dtype;
  }
  for (NDArray* x : arrays)
    if (!check_cast(vm, x->dtype, dt, o.casting)) return nullptr;
  if (!r) {
    r = new_array(vm, dt, shape);
    if (!r) return nullptr;
  }
  vm.root(Value::from_obj(r));
  int64_t offset = 0;
  for (NDArray* x : arrays) {
    NDArray* part = slice_view(vm, r, axis, offset, offset + x->shape[axis]);
    if (!part || !copy_into(vm, part, x)) return nullptr;
    offset += x->shape[axis];
  }
  return r;
}

bool parse_concat_tail(VM& vm, Value out_v, Value dtype_v, Value casting_v, ConcatOptions& o) {
  if (!out_v.is_undef() && !out_v.is_none()) {
    if (!is_ndarray(vm, out_v)) {
      vm.raise(vm.exc().TypeError, "return arrays must be of ArrayType");
      return false;
    }
    o.out = as_ndarray(out_v);
  }
  return parse_optional_dtype(vm, dtype_v, o.dtype) && parse_casting(vm, casting_v, o.casting);
}

Value f_concatenate(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"concatenate", {"arrays", "axis=", "out=", "*", "dtype=", "casting="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::vector<NDArray*> arrays;
  if (!collect_arrays(vm, p[0], arrays)) return Value();
  ConcatOptions o;
  o.axis_none = p[1].is_none();
  if (!p[1].is_undef() && !p[1].is_none() && !index_of(vm, p[1], o.axis)) return Value();
  if (!parse_concat_tail(vm, p[2], p[3], p[4], o)) return Value();
  return wrap(concatenate(vm, arrays, o));
}

// ------------------------------------------------------------------ stacking
Value f_stack(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"stack", {"arrays", "axis=", "out=", "*", "dtype=", "casting="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::vector<NDArray*> arrays;
  if (!collect_arrays(vm, p[0], arrays)) return Value();
  if (arrays.empty()) return vm.raise(vm.exc().ValueError, "need at least one array to stack");
  for (NDArray* x : arrays)
    if (!std::equal(x->shape, x->shape + x->ndim, arrays[0]->shape,
                    arrays[0]->shape + arrays[0]->ndim))
      return vm.raise(vm.exc().ValueError, "all input arrays must have the same shape");
  int64_t ax = 0;
  int axis;
  if (!p[1].is_undef() && !index_of(vm, p[1], ax)) return Value();
  if (!check_axis(vm, ax, arrays[0]->ndim + 1, "", axis)) return Value();
  for (NDArray*& x : arrays) {
    x = insert_axis(vm, x, axis);
    if (!x) return Value();
    vm.root(Value::from_obj(x));
  }
  ConcatOptions o;
  o.axis = axis;
  if (!parse_concat_tail(vm, p[2], p[3], p[4], o)) return Value();
  return wrap(concatenate(vm, arrays, o));
}

// atleast_1d/2d/3d of one array (views; the array itself when it has enough dims).
NDArray* atleast(VM& vm, NDArray* x, int n) {
  if (x->ndim >= n) return x;
  int64_t shape[3], strides[3] = {0, 0, 0};
  int nd = 0;
  if (x->ndim == 0) {  // NumPy reshapes: C strides
    for (; nd < n; ++nd) shape[nd] = 1;
    return reshape_array(vm, x, {shape, static_cast<size_t>(nd)}, 'C');
  } else if (x->ndim == 1) {  // (1, n) or (1, n, 1)
    shape[0] = 1;
    shape[1] = x->shape[0];
    strides[1] = x->strides[0];
    nd = 2;
    if (n == 3) shape[nd++] = 1;
  } else {  // 2-d → (a, b, 1)
    shape[0] = x->shape[0];
    shape[1] = x->shape[1];
    strides[0] = x->strides[0];
    strides[1] = x->strides[1];
    shape[2] = 1;
    nd = 3;
  }
  return view_of(vm, x, x->data, {shape, static_cast<size_t>(nd)},
                 {strides, static_cast<size_t>(nd)});
}

Value atleast_fn(VM& vm, const CallArgs& a, const char* name, int n) {
  if (!check_no_kwargs(vm, a, name)) return Value();
  std::vector<NDArray*> out;
  for (uint32_t i = 0; i < a.argc; ++i) {
    NDArray* x = arg_array(vm, a[i]);
    if (!x) return Value();
    x = atleast(vm, x, n);
    if (!x) return Value();
    vm.root(Value::from_obj(x));
    out.push_back(x);
  }
  if (out.size() == 1) return Value::from_obj(out[0]);
  return array_list(vm, out);
}

Value f_atleast_1d(VM& vm, const CallArgs& a) { return atleast_fn(vm, a, "atleast_1d", 1); }
Value f_atleast_2d(VM& vm, const CallArgs& a) { return atleast_fn(vm, a, "atleast_2d", 2); }
Value f_atleast_3d(VM& vm, const CallArgs& a) { return atleast_fn(vm, a, "atleast_3d", 3); }

// vstack/hstack/dstack/column_stack: atleast_Nd of every item, then concatenate.
enum class StackKind { V, H, D, Column };

Value stack_family(VM& vm, const CallArgs& a, const char* name, StackKind kind) {
  const ArgSpec* spec;
  static const ArgSpec kV{"vstack", {"tup", "*", "dtype=", "casting="}};
  static const ArgSpec kH{"hstack", {"tup", "*", "dtype=", "casting="}};
  static const ArgSpec kD{"dstack", {"tup"}};
  static const ArgSpec kC{"column_stack", {"tup"}};
  spec = kind == StackKind::V ? &kV : kind == StackKind::H ? &kH : kind == StackKind::D ? &kD : &kC;
  (void)name;
  Value p[3];
  if (!parse_args(vm, a, *spec, p)) return Value();
  std::vector<NDArray*> arrays;
  if (!collect_arrays(vm, p[0], arrays)) return Value();
  ConcatOptions o;
  for (NDArray*& x : arrays) {
    if (kind == StackKind::Column) {
      if (x->ndim < 2) {
        NDArray* two = atleast(vm, x, 2);
        if (!two) return Value();
        int perm[2] = {1, 0};
        x = permute_view(vm, two, perm);
      }
    } else {
      x = atleast(vm, x, kind == StackKind::V ? 2 : kind == StackKind::H ? 1 : 3);
    }
    if (!x) return Value();
    vm.root(Value::from_obj(x));
  }
  switch (kind) {
    case StackKind::V:
      o.axis = 0;
      break;
    case StackKind::H:
      o.axis = !arrays.empty() && arrays[0]->ndim == 1 ? 0 : 1;
      break;
    case StackKind::D:
      o.axis = 2;
      break;
    case StackKind::Column:
      o.axis = 1;
      break;
  }
  if ((kind == StackKind::V || kind == StackKind::H) &&
      !parse_concat_tail(vm, Value(), p[1], p[2], o))
    return Value();
  return wrap(concatenate(vm, arrays, o));
}

Value f_vstack(VM& vm, const CallArgs& a) { return stack_family(vm, a, "vstack", StackKind::V); }
Value f_hstack(VM& vm, const CallArgs& a) { return stack_family(vm, a, "hstack", StackKind::H); }
Value f_dstack(VM& vm, const CallArgs& a) { return stack_family(vm, a, "dstack", StackKind::D); }
Value f_column_stack(VM& vm, const CallArgs& a) {
  return stack_family(vm, a, "column_stack", StackKind::Column);
}

Value f_append(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"append", {"arr", "values", "axis="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* arr = arg_array(vm, p[0]);
  NDArray* values = arr ? arg_array(vm, p[1]) : nullptr;
  if (!values) return Value();
  ConcatOptions o;
  if (p[2].is_undef() || p[2].is_none()) {
    if (arr->ndim != 1) arr = ravel_array(vm, arr, 'C');
    values = arr ? ravel_array(vm, values, 'C') : nullptr;
    if (!values) return Value();
    vm.root(Value::from_obj(arr));
    vm.root(Value::from_obj(values));
    o.axis = arr->ndim - 1;
  } else if (!index_of(vm, p[2], o.axis)) {
    return Value();
  }
  return wrap(concatenate(vm, {arr, values}, o));
}

// ------------------------------------------------------------------ repeat / tile
// Repeats each slice along `axis` counts[i] times (counts.size() == 1: all alike).
NDArray* repeat_axis(VM& vm, NDArray* x, const std::vector<int64_t>& counts, int axis) {
  const int64_t n = x->shape[axis];
  int64_t total = 0;
  if (counts.size() == 1) {
    total = n * counts[0];
  } else {
    for (int64_t c : counts) total += c;
  }
  std::vector<int64_t> shape(x->shape, x->shape + x->ndim);
  shape[axis] = total;
  NDArray* src = as_contiguous(vm, x);
  if (!src) return nullptr;
  VM::TempRoot keep(vm, src);
  NDArray* r = new_array(vm, x->dtype, shape);
  if (!r || r->size == 0) return r;
  int64_t outer = 1, inner = x->itemsize;
  for (int d = 0; d < axis; ++d) outer *= x->shape[d];
  for (int d = axis + 1; d < x->ndim; ++d) inner *= x->shape[d];
  const char* s = src->data;
  char* o = r->data;
  for (int64_t i = 0; i < outer; ++i) {
    for (int64_t j = 0; j < n; ++j, s += inner) {
      int64_t c = counts.size() == 1 ? counts[0] : counts[j];
      for (int64_t k = 0; k < c; ++k, o += inner) std::memcpy(o, s, static_cast<size_t>(inner));
    }
  }
  return r;
}

Value do_repeat(VM& vm, NDArray* x, Value repeats, Value axis_v) {
  int axis = 0;
  if (axis_v.is_undef() || axis_v.is_none()) {
    x = ravel_array(vm, x, 'C');
    if (!x) return Value();
    vm.root(Value::from_obj(x));
  } else {
    int64_t ax;
    if (!index_of(vm, axis_v, ax) || !check_axis(vm, ax, x->ndim, "", axis)) return Value();
  }
  NDArray* r = arg_array(vm, repeats);
  if (!r) return Value();
  if (r->ndim > 1) return vm.raise(vm.exc().ValueError, "object too deep for desired array");
  NDArray* c = as_contiguous(vm, r, DType::Int64);
  if (!c) return Value();
  std::vector<int64_t> counts(c->typed<int64_t>(), c->typed<int64_t>() + c->size);
  const int64_t n = x->shape[axis];
  if (counts.size() == 1) {
    if (counts[0] < 0) return vm.raise(vm.exc().ValueError, "negative dimensions are not allowed");
  } else if (static_cast<int64_t>(counts.size()) != n) {
    return vm.raise_fmt(vm.exc().ValueError,
                        "operands could not be broadcast together with shape (%lld,) (%zu,)",
                        static_cast<long long>(n), counts.size());
  } else {
    for (int64_t k : counts)
      if (k < 0) return vm.raise(vm.exc().ValueError, "repeats may not contain negative values.");
  }
  if (counts.empty()) counts.push_back(0);
  return wrap(repeat_axis(vm, x, counts, axis));
}

Value m_repeat(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"repeat", {"self", "repeats", "axis="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  return do_repeat(vm, as_ndarray(p[0]), p[1], p[2]);
}

Value f_repeat(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"repeat", {"a", "repeats", "axis="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  return x ? do_repeat(vm, x, p[1], p[2]) : Value();
}

// NumPy's tile: pad the shape to len(reps), then repeat blocks of the flattened
// array dimension by dimension.
Value f_tile(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"tile", {"A", "reps"}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* c = arg_array(vm, p[0]);
  std::vector<int64_t> reps;
  if (!c || !parse_shape(vm, p[1], reps)) return Value();
  const bool all_ones = std::all_of(reps.begin(), reps.end(), [](int64_t r) { return r == 1; });
  const size_t d = reps.size();
  if (d > static_cast<size_t>(c->ndim)) {
    std::vector<int64_t> shape(d - c->ndim, 1);
    shape.insert(shape.end(), c->shape, c->shape + c->ndim);
    c = reshape_array(vm, c, shape, 'C');
    if (!c) return Value();
    vm.root(Value::from_obj(c));
  }
  if (all_ones) return wrap(copy_array(vm, c, c->dtype));
  if (d < static_cast<size_t>(c->ndim)) reps.insert(reps.begin(), c->ndim - d, 1);
  std::vector<int64_t> out_shape(c->ndim);
  for (int i = 0; i < c->ndim; ++i) out_shape[i] = c->shape[i] * reps[i];
  const std::vector<int64_t> in_shape(c->shape, c->shape + c->ndim);
  int64_t n = c->size;
  if (n > 0) {
    for (size_t i = 0; i < in_shape.size(); ++i) {
      if (reps[i] != 1) {
        const int64_t two[] = {c->size / n, n};
        NDArray* m = reshape_array(vm, c, two, 'C');
        if (!m) return Value();
        vm.root(Value::from_obj(m));
        if (reps[i] < 0)
          return vm.raise(vm.exc().ValueError, "negative dimensions are not allowed");
        c = repeat_axis(vm, m, {reps[i]}, 0);
        if (!c) return Value();
        vm.root(Value::from_obj(c));
      }
      n /= in_shape[i];
    }
  }
  if (!resolve_newshape(vm, c->size, out_shape)) return Value();
  return wrap(reshape_array(vm, c, out_shape, 'C'));
}

// ------------------------------------------------------------------ splitting
// Python's ary.shape[axis] (IndexError "tuple index out of range").
bool split_axis(VM& vm, NDArray* x, Value axis_v, int& axis) {
  int64_t ax = 0;
  if (!axis_v.is_undef() && !index_of(vm, axis_v, ax)) return false;
  if (ax < 0) ax += x->ndim;
  if (ax < 0 || ax >= x->ndim) {
    vm.raise(vm.exc().IndexError, "tuple index out of range");
    return false;
  }
  axis = static_cast<int>(ax);
  return true;
}

bool is_index_sequence(VM& vm, Value v) {
  return is_kind(v, Kind::List) || is_kind(v, Kind::Tuple) || is_kind(v, Kind::Range) ||
         (is_ndarray(vm, v) && as_ndarray(v)->ndim > 0);
}

// np.array_split: `sections` an int or a sequence of split points.
Value array_split(VM& vm, NDArray* x, Value sections, int axis) {
  const int64_t total = x->shape[axis];
  std::vector<int64_t> points;
  if (is_index_sequence(vm, sections)) {
    points.push_back(0);
    if (!for_each(vm, sections, [&](Value v) {
          int64_t i;
          if (!index_of(vm, v, i)) return false;
          points.push_back(i);
          return true;
        }))
      return Value();
    points.push_back(total);
  } else {
    Value iv = vm.call(Value::from_obj(vm.types().int_), {sections});
    int64_t ns;
    if (failed(iv) || !index_of(vm, iv, ns)) return Value();
    if (ns <= 0) return vm.raise(vm.exc().ValueError, "number sections must be larger than 0.");
    int64_t each = total / ns, extras = total % ns, acc = 0;
    points.push_back(0);
    for (int64_t i = 0; i < ns; ++i) points.push_back(acc += each + (i < extras ? 1 : 0));
  }
  std::vector<NDArray*> parts;
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    int64_t st = points[i], end = points[i + 1];  // Python slice clamping, step 1
    if (st < 0) st = std::max<int64_t>(st + total, 0);
    if (end < 0) end = std::max<int64_t>(end + total, 0);
    st = std::min(st, total);
    end = std::max(std::min(end, total), st);
    NDArray* v = slice_view(vm, x, axis, st, end);
    if (!v) return Value();
    vm.root(Value::from_obj(v));
    parts.push_back(v);
  }
  return array_list(vm, parts);
}

Value split_common(VM& vm, const CallArgs& a, bool equal) {
  static const ArgSpec kSplit{"split", {"ary", "indices_or_sections", "axis="}};
  static const ArgSpec kArraySplit{"array_split", {"ary", "indices_or_sections", "axis="}};
  Value p[3];
  if (!parse_args(vm, a, equal ? kSplit : kArraySplit, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  int axis;
  if (!x || !split_axis(vm, x, p[2], axis)) return Value();
  if (equal && !is_index_sequence(vm, p[1])) {
    int64_t ns;
    if (!index_of(vm, p[1], ns)) return Value();
    if (ns == 0) return vm.raise(vm.exc().ZeroDivisionError, "integer modulo by zero");
    if (x->shape[axis] % ns != 0)
      return vm.raise(vm.exc().ValueError, "array split does not result in an equal division");
  }
  return array_split(vm, x, p[1], axis);
}

Value f_split(VM& vm, const CallArgs& a) { return split_common(vm, a, true); }
Value f_array_split(VM& vm, const CallArgs& a) { return split_common(vm, a, false); }

Value split_family(VM& vm, const CallArgs& a, const char* name, int kind) {
  static const ArgSpec kH{"hsplit", {"ary", "indices_or_sections"}};
  static const ArgSpec kV{"vsplit", {"ary", "indices_or_sections"}};
  static const ArgSpec kD{"dsplit", {"ary", "indices_or_sections"}};
  Value p[2];
  if (!parse_args(vm, a, kind == 0 ? kH : kind == 1 ? kV : kD, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  const int need = kind == 0 ? 1 : kind == 1 ? 2 : 3;
  if (x->ndim < need)
    return vm.raise_fmt(vm.exc().ValueError, "%s only works on arrays of %d or more dimensions",
                        name, need);
  const int axis = kind == 0 ? (x->ndim > 1 ? 1 : 0) : kind == 1 ? 0 : 2;
  if (!is_index_sequence(vm, p[1])) {
    int64_t ns;
    if (!index_of(vm, p[1], ns)) return Value();
    if (ns == 0) return vm.raise(vm.exc().ZeroDivisionError, "integer modulo by zero");
    if (x->shape[axis] % ns != 0)
      return vm.raise(vm.exc().ValueError, "array split does not result in an equal division");
  }
  return array_split(vm, x, p[1], axis);
}

Value f_hsplit(VM& vm, const CallArgs& a) { return split_family(vm, a, "hsplit", 0); }
Value f_vsplit(VM& vm, const CallArgs& a) { return split_family(vm, a, "vsplit", 1); }
Value f_dsplit(VM& vm, const CallArgs& a) { return split_family(vm, a, "dsplit", 2); }

// ------------------------------------------------------------------ roll / resize
bool roll_into(VM& vm, NDArray* src, NDArray* dst, const std::vector<int64_t>& offsets, int d) {
  if (d == src->ndim) return copy_into(vm, dst, src);
  const int64_t n = src->shape[d], off = offsets[d];
  if (off == 0) return roll_into(vm, src, dst, offsets, d + 1);
  // dst[off:] = src[:n-off]; dst[:off] = src[n-off:]
  NDArray* s1 = slice_view(vm, src, d, 0, n - off);
  NDArray* d1 = s1 ? slice_view(vm, dst, d, off, n) : nullptr;
  if (!d1) return false;
  VM::TempRoot k1(vm, s1), k2(vm, d1);
  if (!roll_into(vm, s1, d1, offsets, d + 1)) return false;
  NDArray* s2 = slice_view(vm, src, d, n - off, n);
  NDArray* d2 = s2 ? slice_view(vm, dst, d, 0, off) : nullptr;
  if (!d2) return false;
  VM::TempRoot k3(vm, s2), k4(vm, d2);
  return roll_into(vm, s2, d2, offsets, d + 1);
}

Value f_roll(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"roll", {"a", "shift", "axis="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  NDArray* work = x;
  if (p[2].is_undef() || p[2].is_none()) {
    work = ravel_array(vm, x, 'C');
    if (!work) return Value();
    vm.root(Value::from_obj(work));
  }
  // axis: normalised first (NumPy's normalize_axis_tuple, duplicates allowed).
  std::vector<int64_t> axes;
  bool axis_scalar = true;
  if (p[2].is_undef() || p[2].is_none()) {
    axes.push_back(0);
  } else if (is_kind(p[2], Kind::Tuple) || is_kind(p[2], Kind::List)) {
    axis_scalar = false;
    if (!for_each(vm, p[2], [&](Value v) {
          int64_t i;
          int n;
          if (!index_of(vm, v, i) || !check_axis(vm, i, work->ndim, "", n)) return false;
          axes.push_back(n);
          return true;
        }))
      return Value();
  } else {
    int64_t i;
    int n;
    if (!index_of(vm, p[2], i) || !check_axis(vm, i, work->ndim, "", n)) return Value();
    axes.push_back(n);
  }
  NDArray* sh = as_array(vm, p[1], DType::Int64);
  if (!sh) return Value();
  vm.root(Value::from_obj(sh));
  const std::vector<int64_t> sshape(sh->shape, sh->shape + sh->ndim);
  const std::vector<int64_t> ashape = axis_scalar
                                          ? std::vector<int64_t>{}
                                          : std::vector<int64_t>{static_cast<int64_t>(axes.size())};
  std::vector<int64_t> bshape;
  const std::span<const int64_t> spans[] = {sshape, ashape};
  if (!broadcast_shapes(spans, bshape))
    return vm.raise_fmt(
        vm.exc().ValueError,
        "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
        "between arg 0 with shape %s and arg 1 with shape %s.",
        shape_str(sshape).c_str(), shape_str(ashape).c_str());
  if (bshape.size() > 1)
    return vm.raise(vm.exc().ValueError, "'shift' and 'axis' should be scalars or 1D sequences");
  NDArray* shc = as_contiguous(vm, sh);
  if (!shc) return Value();
  std::vector<int64_t> offsets(work->ndim, 0);
  const int64_t count = bshape.empty() ? 1 : bshape[0];
  for (int64_t i = 0; i < count; ++i)
    offsets[axes[axes.size() == 1 ? 0 : i]] += shc->typed<int64_t>()[shc->size == 1 ? 0 : i];
  for (int d = 0; d < work->ndim; ++d) {
    int64_t n = work->shape[d] ? work->shape[d] : 1;
    offsets[d] = ((offsets[d] % n) + n) % n;
  }
  NDArray* r = new_array(vm, work->dtype, shape_of(work));
  if (!r) return Value();
  vm.root(Value::from_obj(r));
  if (!roll_into(vm, work, r, offsets, 0)) return Value();
  if (work != x) return wrap(reshape_array(vm, r, shape_of(x), 'C'));
  return Value::from_obj(r);
}

Value f_resize(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"resize", {"a", "new_shape"}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* x = arg_array(vm, p[0]);
  std::vector<int64_t> shape;
  if (!x || !parse_shape(vm, p[1], shape)) return Value();
  for (int64_t d : shape)
    if (d < 0)
      return vm.raise(vm.exc().ValueError, "all elements of `new_shape` must be non-negative");
  NDArray* src = as_contiguous(vm, x);
  if (!src) return Value();
  vm.root(Value::from_obj(src));
  NDArray* r = new_zeros(vm, x->dtype, shape);
  if (!r || r->size == 0 || src->size == 0) return wrap(r);
  const size_t isz = x->itemsize, have = static_cast<size_t>(src->size) * isz;
  const size_t want = static_cast<size_t>(r->size) * isz;
  for (size_t off = 0; off < want; off += have)
    std::memcpy(r->data + off, src->data, std::min(have, want - off));
  return Value::from_obj(r);
}

const MethodDef kMethods[] = {{"repeat", m_repeat}};

const MethodDef kFunctions[] = {
    {"concatenate", f_concatenate},
    {"stack", f_stack},
    {"vstack", f_vstack},
    {"row_stack", f_vstack},
    {"hstack", f_hstack},
    {"dstack", f_dstack},
    {"column_stack", f_column_stack},
    {"atleast_1d", f_atleast_1d},
    {"atleast_2d", f_atleast_2d},
    {"atleast_3d", f_atleast_3d},
    {"append", f_append},
    {"repeat", f_repeat},
    {"tile", f_tile},
    {"split", f_split},
    {"array_split", f_array_split},
    {"hsplit", f_hsplit},
    {"vsplit", f_vsplit},
    {"dsplit", f_dsplit},
    {"roll", f_roll},
    {"resize", f_resize},
};

}  // namespace

void install_shape_join(VM& vm, NumpyState& st) {
  add_array_methods(vm, st, kMethods);
  add_module_functions(vm, st, kFunctions);
}

}  // namespace pyjitvm::stdlib::np
