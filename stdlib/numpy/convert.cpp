// stdlib/numpy/convert.cpp — np.array()'s discovery of shape and dtype, and the
// argument parsers of numpy functions (convert.h).
//
// Invariants: convert.h I1–I3. Discovery is two passes over the nested sequence:
// the shape follows the first element at every depth, then a check pass finds the
// shallowest depth where any element disagrees (ragged → NumPy's ValueError).
#include "stdlib/numpy/convert.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "vm/bigint.h"
#include "vm/list_object.h"
#include "vm/misc_objects.h"
#include "vm/number_ops.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

ScalarClass classify(VM& vm, Value v) {
  switch (v.tag) {
    case Tag::Bool: return ScalarClass::PyBool;
    case Tag::Int: return ScalarClass::PyInt;
    case Tag::Float: return ScalarClass::PyFloat;
    case Tag::Obj: break;
    default: return ScalarClass::Other;
  }
  Object* o = v.as_obj();
  if (o->kind == Kind::BigInt) return ScalarClass::PyInt;
  if (o->kind == Kind::Complex) return ScalarClass::PyComplex;
  if (o->kind == Kind::Other) {
    if (is_ndarray(vm, v)) return ScalarClass::Array;
    if (is_np_scalar(vm, v)) return ScalarClass::NpScalar;
  }
  return ScalarClass::Other;
}

namespace {

// A sequence np.array() descends into: list, tuple or range (as its items).
bool seq_items(VM& vm, Value v, const Value*& items, size_t& n, VM::RootedValues& scratch) {
  if (is_kind(v, Kind::List)) {
    List* l = as_list(v);
    items = l->items;
    n = l->len;
    return true;
  }
  if (is_kind(v, Kind::Tuple)) {
    Tuple* t = as_tuple(v);
    items = t->items();
    n = t->len;
    return true;
  }
  if (is_kind(v, Kind::Range)) {
    size_t start = scratch.v.size();
    if (!for_each(vm, v, [&](Value x) {
          scratch.v.push_back(x);
          return true;
        }))
      return false;
    items = scratch.v.data() + start;
    n = scratch.v.size() - start;
    return true;
  }
  return false;
}

bool is_sequence(Value v) {
  return is_kind(v, Kind::List) || is_kind(v, Kind::Tuple) || is_kind(v, Kind::Range);
}

Value unsupported_leaf(VM& vm, Value v) {
  if (is_kind(v, Kind::Str))
    return vm.raise(vm.exc().NotImplementedError, "string arrays are not supported by pyjitvm's numpy");
  if (v.is_none())
    return vm.raise(vm.exc().NotImplementedError,
                    "object arrays (here holding None) are not supported by pyjitvm's numpy");
  return vm.raise_fmt(vm.exc().NotImplementedError,
                      "object arrays (here holding '%s') are not supported by pyjitvm's numpy", type_name(vm, v));
}

bool leaf_dtype(VM& vm, Value v, DType& out) {
  switch (classify(vm, v)) {
    case ScalarClass::PyBool: out = DType::Bool; return true;
    case ScalarClass::PyInt:
      if (v.is_int()) {
        out = DType::Int64;
        return true;
      } else {
        BigInt b;
        int_to_bigint(v, b);
        if (b.sign() > 0 && b.fits_u64()) {
          out = DType::UInt64;
          return true;
        }
        vm.raise(vm.exc().OverflowError, "Python int too large to convert to C long");
        return false;
      }
    case ScalarClass::PyFloat: out = DType::Float64; return true;
    case ScalarClass::PyComplex: out = DType::Complex128; return true;
    case ScalarClass::NpScalar: out = as_np_scalar(v)->dtype; return true;
    case ScalarClass::Array: out = as_ndarray(v)->dtype; return true;
    case ScalarClass::Other: break;
  }
  unsupported_leaf(vm, v);
  return false;
}

struct Discovery {
  std::vector<int64_t> shape;
  int ragged_at = INT32_MAX;
  bool have_dtype = false;
  DType dtype = DType::Bool;
};

// Pass 1: the shape along first elements.
bool first_path(VM& vm, Value v, Discovery& d, VM::RootedValues& scratch) {
  for (;;) {
    if (d.shape.size() > static_cast<size_t>(kMaxDims)) break;
    if (is_ndarray(vm, v)) {
      NDArray* a = as_ndarray(v);
      for (int i = 0; i < a->ndim; ++i) d.shape.push_back(a->shape[i]);
      return true;
    }
    const Value* items;
    size_t n;
    if (!is_sequence(v)) return true;
    if (!seq_items(vm, v, items, n, scratch)) return false;
    d.shape.push_back(static_cast<int64_t>(n));
    if (n == 0) return true;
    v = items[0];
  }
  vm.raise_fmt(vm.exc().ValueError, "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of %d.", kMaxDims);
  return false;
}

// Pass 2: every element agrees with the shape (else records the depth), and the
// dtypes of the leaves promote into d.dtype.
bool check_pass(VM& vm, Value v, size_t depth, Discovery& d, VM::RootedValues& scratch) {
  if (static_cast<int>(depth) >= d.ragged_at) return true;
  if (is_ndarray(vm, v)) {
    NDArray* a = as_ndarray(v);
    for (int i = 0; i < a->ndim; ++i) {
      if (depth + i >= d.shape.size() || d.shape[depth + i] != a->shape[i]) {
        d.ragged_at = std::min<int>(d.ragged_at, static_cast<int>(depth + i));
        return true;
      }
    }
    if (depth + a->ndim != d.shape.size()) {
      d.ragged_at = std::min<int>(d.ragged_at, static_cast<int>(depth + a->ndim));
      return true;
    }
    d.dtype = d.have_dtype ? promote_types(d.dtype, a->dtype) : a->dtype;
    d.have_dtype = true;
    return true;
  }
  if (is_sequence(v)) {
    if (depth >= d.shape.size()) {
      d.ragged_at = std::min<int>(d.ragged_at, static_cast<int>(depth));
      return true;
    }
    size_t mark = scratch.v.size();
    const Value* items;
    size_t n;
    if (!seq_items(vm, v, items, n, scratch)) return false;
    if (static_cast<int64_t>(n) != d.shape[depth]) {
      d.ragged_at = std::min<int>(d.ragged_at, static_cast<int>(depth));
      scratch.v.resize(mark);
      return true;
    }
    for (size_t i = 0; i < n; ++i) {
      if (!check_pass(vm, items[i], depth + 1, d, scratch)) return false;
      if (is_kind(v, Kind::Range)) items = scratch.v.data() + mark;  // scratch may move
    }
    scratch.v.resize(mark);
    return true;
  }
  if (depth < d.shape.size()) {
    d.ragged_at = std::min<int>(d.ragged_at, static_cast<int>(depth));
    return true;
  }
  DType t;
  if (!leaf_dtype(vm, v, t)) return false;
  d.dtype = d.have_dtype ? promote_types(d.dtype, t) : t;
  d.have_dtype = true;
  return true;
}

bool discover(VM& vm, Value obj, Discovery& d) {
  VM::RootedValues scratch(vm);
  if (!first_path(vm, obj, d, scratch)) return false;
  scratch.v.clear();
  if (!check_pass(vm, obj, 0, d, scratch)) return false;
  if (d.ragged_at != INT32_MAX) {
    std::vector<int64_t> detected(d.shape.begin(), d.shape.begin() + d.ragged_at);
    vm.raise_fmt(vm.exc().ValueError,
                 "setting an array element with a sequence. The requested array has an "
                 "inhomogeneous shape after %d dimensions. The detected shape was %s + "
                 "inhomogeneous part.",
                 d.ragged_at, shape_str(detected).c_str());
    return false;
  }
  if (!d.have_dtype) d.dtype = DType::Float64;  // np.array([]) is float64
  return true;
}

// Writes the leaves of `v` into the C-contiguous block at `p` (shape from `depth`).
bool fill(VM& vm, Value v, NDArray* out, size_t depth, char*& p, VM::RootedValues& scratch) {
  if (is_ndarray(vm, v)) {
    NDArray* a = as_ndarray(v);
    std::span<const int64_t> sub(out->shape + depth, out->ndim - depth);
    int64_t st[kMaxDims];
    c_strides(sub, out->itemsize, st);
    NDArray* view = new_view(vm, out, out->dtype, p, sub, {st, sub.size()});
    if (!view || !copy_into(vm, view, a)) return false;
    p += a->size * out->itemsize;
    return true;
  }
  if (depth < static_cast<size_t>(out->ndim)) {
    size_t mark = scratch.v.size();
    const Value* items;
    size_t n;
    if (!seq_items(vm, v, items, n, scratch)) return false;
    bool is_range = is_kind(v, Kind::Range);
    for (size_t i = 0; i < n; ++i) {
      if (is_range) items = scratch.v.data() + mark;
      if (!fill(vm, items[i], out, depth + 1, p, scratch)) return false;
    }
    scratch.v.resize(mark);
    return true;
  }
  if (!store_value(vm, out->dtype, p, v)) return false;
  p += out->itemsize;
  return true;
}

}  // namespace

bool discover_dtype(VM& vm, Value obj, DType& out) {
  Discovery d;
  if (!discover(vm, obj, d)) return false;
  out = d.dtype;
  return true;
}

NDArray* as_array(VM& vm, Value obj, std::optional<DType> dtype, bool copy) {
  if (is_ndarray(vm, obj)) {
    NDArray* a = as_ndarray(obj);
    DType want = dtype.value_or(a->dtype);
    if (!copy && want == a->dtype) return a;
    return copy_array(vm, a, want, 'K');
  }
  if (is_np_scalar(vm, obj)) {
    NpScalar* s = as_np_scalar(obj);
    DType want = dtype.value_or(s->dtype);
    NDArray* a = new_array(vm, want, {});
    if (a) cast_loop(s->dtype, want)(s->ptr(), 0, a->data, 0, 1);
    return a;
  }
  Discovery d;
  if (!discover(vm, obj, d)) return nullptr;
  DType want = dtype.value_or(d.dtype);
  NDArray* out = new_array(vm, want, d.shape);
  if (!out) return nullptr;
  VM::TempRoot keep(vm, out);
  VM::RootedValues scratch(vm);
  char* p = out->data;
  if (!fill(vm, obj, out, 0, p, scratch)) return nullptr;
  return out;
}

// ------------------------------------------------------------------ arguments
namespace {

bool unsupported_dtype_name(std::string_view n) {
  static const std::string_view kKnown[] = {
      "float16", "half", "e", "f2", "<f2", "complex64", "csingle", "F", "c8", "<c8",
      "longdouble", "float128", "g", "clongdouble", "complex256", "G", "object", "O",
      "str", "U", "unicode", "bytes", "S", "a", "V", "void", "datetime64", "M", "M8",
      "timedelta64", "m", "m8"};
  for (std::string_view k : kKnown)
    if (n == k || (n.size() > k.size() && n.substr(0, k.size()) == k && (k == "U" || k == "S")))
      return true;
  return false;
}

}  // namespace

bool parse_dtype(VM& vm, Value v, DType& out) {
  NumpyState& st = state(vm);
  if (v.is_none()) {
    out = DType::Float64;
    return true;
  }
  if (is_kind(v, Kind::Type)) {
    Type* t = as_type(v);
    for (int i = 0; i < kNumDTypes; ++i)
      if (t == st.scalar_type[i]) {
        out = static_cast<DType>(i);
        return true;
      }
    const Types& T = vm.types();
    if (t == T.float_) out = DType::Float64;
    else if (t == T.int_) out = DType::Int64;
    else if (t == T.bool_) out = DType::Bool;
    else if (t == T.complex) out = DType::Complex128;
    else if (t == T.str || t == T.object || t == T.bytes) {
      vm.raise_fmt(vm.exc().NotImplementedError, "dtype %s is not supported by pyjitvm's numpy",
                   t->name->data());
      return false;
    } else {
      Value r = repr(vm, v);
      if (failed(r)) return false;
      vm.raise_fmt(vm.exc().TypeError, "Cannot interpret '%s' as a data type", as_str(r)->data());
      return false;
    }
    return true;
  }
  if (v.is_obj() && v.as_obj()->type == st.dtype) {
    out = static_cast<DTypeObj*>(v.as_obj())->d;
    return true;
  }
  if (is_kind(v, Kind::Str)) {
    std::string_view n = as_str(v)->view();
    if (dtype_from_name(n, out)) return true;
    if (unsupported_dtype_name(n)) {
      vm.raise_fmt(vm.exc().NotImplementedError, "dtype '%s' is not supported by pyjitvm's numpy",
                   std::string(n).c_str());
      return false;
    }
    vm.raise_fmt(vm.exc().TypeError, "data type '%s' not understood", std::string(n).c_str());
    return false;
  }
  Value r = repr(vm, v);
  if (failed(r)) return false;
  vm.raise_fmt(vm.exc().TypeError, "Cannot interpret '%s' as a data type", as_str(r)->data());
  return false;
}

bool parse_optional_dtype(VM& vm, Value v, std::optional<DType>& out) {
  if (v.is_undef() || v.is_none()) {
    out.reset();
    return true;
  }
  DType d;
  if (!parse_dtype(vm, v, d)) return false;
  out = d;
  return true;
}

bool parse_shape(VM& vm, Value v, std::vector<int64_t>& out) {
  out.clear();
  if (is_kind(v, Kind::List) || is_kind(v, Kind::Tuple) || is_ndarray(vm, v)) {
    return for_each(vm, v, [&](Value x) {
      int64_t d;
      if (!index_of(vm, x, d)) return false;
      out.push_back(d);
      return true;
    });
  }
  int64_t d;
  if (!index_of(vm, v, d)) return false;
  out.push_back(d);
  return true;
}

Value raise_axis_error(VM& vm, const std::string& msg) { return vm.raise(state(vm).axis_error, msg); }

bool normalize_axis(VM& vm, int64_t axis, int ndim, int& out) {
  if (axis < -ndim || axis >= ndim) {
    raise_axis_error(vm, "axis " + std::to_string(axis) + " is out of bounds for array of dimension " +
                             std::to_string(ndim));
    return false;
  }
  out = static_cast<int>(axis < 0 ? axis + ndim : axis);
  return true;
}

bool parse_axis(VM& vm, Value v, int ndim, int& out) {
  int64_t a;
  if (!index_of(vm, v, a)) return false;
  return normalize_axis(vm, a, ndim, out);
}

bool parse_axes(VM& vm, Value v, int ndim, std::vector<bool>& mask) {
  mask.assign(static_cast<size_t>(ndim), v.is_undef() || v.is_none());
  if (v.is_undef() || v.is_none()) return true;
  if (is_kind(v, Kind::Tuple) || is_kind(v, Kind::List)) {
    return for_each(vm, v, [&](Value x) {
      int ax;
      if (!parse_axis(vm, x, ndim, ax)) return false;
      if (mask[ax]) {
        vm.raise(vm.exc().ValueError, "duplicate value in 'axis'");
        return false;
      }
      mask[ax] = true;
      return true;
    });
  }
  int ax;
  if (!parse_axis(vm, v, ndim, ax)) return false;
  mask[ax] = true;
  return true;
}

}  // namespace pyjitvm::stdlib::np
