// stdlib/numpy/sorting.cpp — sort, argsort (functions and methods), unique,
// searchsorted and lexsort.
//
// Stage: install_sorting() during `import numpy` (numpy_internal.h). Each lane along the
// sort axis is gathered into a contiguous buffer, ordered by the kernels of
// sort_kernels.h and scattered back.
//
// Invariants:
//   I1  kind='quicksort' (the default) and 'heapsort' run NumPy's own algorithms, so
//       argsort orders equal keys as NumPy 1.24 does; 'stable'/'mergesort' are stable
//       sorts (a unique order). NaNs sort last — `sort_lanes()`, `argsort_lanes()`.
//   I2  unique() follows NumPy's recipe: a stable argsort when return_index is asked,
//       NaNs collapsed into one (equal_nan), inverse and counts as int64 — `f_unique()`.
//   I3  searchsorted() is NumPy's binary search including its reuse of the previous
//       key's bounds, so even unsorted inputs give NumPy's answers — `binsearch()`.
#include <algorithm>
#include <cstring>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/sort_kernels.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

enum class SortKind : uint8_t { Quick, Heap, Stable };

Value wrap(NDArray* a) { return a ? Value::from_obj(a) : Value(); }

bool parse_kind(VM& vm, Value v, SortKind& out) {
  out = SortKind::Quick;
  if (v.is_undef() || v.is_none()) return true;
  if (!is_kind(v, Kind::Str)) {
    vm.raise_fmt(vm.exc().TypeError, "sort kind must be str, not %s", type_name(vm, v));
    return false;
  }
  std::string_view s = as_str(v)->view();
  char c = s.empty() ? 0 : s[0];
  if (c == 'q' || c == 'Q')
    out = SortKind::Quick;
  else if (c == 'h' || c == 'H')
    out = SortKind::Heap;
  else if (c == 'm' || c == 'M' || c == 's' || c == 'S')
    out = SortKind::Stable;
  else {
    vm.raise_fmt(vm.exc().ValueError,
                 "sort kind must be one of 'quick', 'heap', or 'stable' (got '%s')",
                 std::string(s).c_str());
    return false;
  }
  return true;
}

bool check_order(VM& vm, Value v) {
  if (v.is_undef() || v.is_none()) return true;
  vm.raise(vm.exc().ValueError, "Cannot specify order when the array has no fields.");
  return false;
}

// Calls fn(pa, pb) with the start of every lane along `axis` of `a` (and of `b`, an
// array of the same shape, or nullptr).
template <class Fn>
void for_each_lane(NDArray* a, NDArray* b, int axis, Fn fn) {
  const int nd = a->ndim;
  int64_t counter[kMaxDims] = {};
  for (int d = 0; d < nd; ++d)
    if (a->shape[d] == 0) return;
  char* pa = a->data;
  char* pb = b ? b->data : nullptr;
  for (;;) {
    fn(pa, pb);
    int d = nd - 1;
    for (; d >= 0; --d) {
      if (d == axis) continue;
      if (++counter[d] < a->shape[d]) {
        pa += a->strides[d];
        if (b) pb += b->strides[d];
        break;
      }
      counter[d] = 0;
      pa -= a->strides[d] * (a->shape[d] - 1);
      if (b) pb -= b->strides[d] * (b->shape[d] - 1);
    }
    if (d < 0) return;
  }
}

template <class T>
void sort_buffer(T* v, int64_t n, SortKind kind) {
  auto less = [](const T& x, const T& y) { return sort_less(x, y); };
  if (kind == SortKind::Stable)
    std::stable_sort(v, v + n, less);
  else if (kind == SortKind::Heap)
    heapsort(v, n, less);
  else
    introsort(v, n, less);
}

template <class T>
void argsort_buffer(const T* v, int64_t* idx, int64_t n, SortKind kind) {
  for (int64_t i = 0; i < n; ++i) idx[i] = i;
  auto less = [v](int64_t x, int64_t y) { return sort_less(v[x], v[y]); };
  if (kind == SortKind::Stable)
    std::stable_sort(idx, idx + n, less);
  else if (kind == SortKind::Heap)
    heapsort(idx, n, less);
  else
    introsort(idx, n, less);
}

// Sorts `a` in place along `axis` (I1).
void sort_lanes(NDArray* a, int axis, SortKind kind) {
  if (a->size == 0) return;
  visit_dtype(a->dtype, [&]<class T>() {
    const int64_t n = a->shape[axis], s = a->strides[axis];
    std::unique_ptr<T[]> buf(new T[static_cast<size_t>(n)]);
    for_each_lane(a, nullptr, axis, [&](char* p, char*) {
      if (s == sizeof(T)) {
        sort_buffer(reinterpret_cast<T*>(p), n, kind);
        return;
      }
      for (int64_t i = 0; i < n; ++i) std::memcpy(&buf[i], p + i * s, sizeof(T));
      sort_buffer(buf.get(), n, kind);
      for (int64_t i = 0; i < n; ++i) std::memcpy(p + i * s, &buf[i], sizeof(T));
    });
  });
}

// The int64 indices that sort `a` along `axis`.
NDArray* argsort_lanes(VM& vm, NDArray* a, int axis, SortKind kind) {
  NDArray* out = new_array(vm, DType::Int64, shape_of(a));
  if (!out || a->size == 0) return out;
  visit_dtype(a->dtype, [&]<class T>() {
    const int64_t n = a->shape[axis], s = a->strides[axis], os = out->strides[axis];
    std::unique_ptr<T[]> buf(new T[static_cast<size_t>(n)]);
    std::vector<int64_t> idx(static_cast<size_t>(n));
    for_each_lane(a, out, axis, [&](char* p, char* o) {
      for (int64_t i = 0; i < n; ++i) std::memcpy(&buf[i], p + i * s, sizeof(T));
      argsort_buffer(buf.get(), idx.data(), n, kind);
      for (int64_t i = 0; i < n; ++i) std::memcpy(o + i * os, &idx[i], sizeof(int64_t));
    });
  });
  return out;
}

NDArray* flatten(VM& vm, NDArray* a) {
  NDArray* c = copy_array(vm, a, a->dtype, 'C');
  if (!c) return nullptr;
  const int64_t shape[] = {a->size};
  const int64_t strides[] = {a->itemsize};
  VM::TempRoot keep(vm, c);
  return new_view(vm, c, c->dtype, c->data, shape, strides);
}

// Shared by np.sort and ndarray.sort: the axis argument (None flattens for np.sort).
bool sort_axis(VM& vm, Value v, NDArray* a, int& axis) {
  if (v.is_undef()) return normalize_axis(vm, -1, a->ndim, axis);
  return parse_axis(vm, v, a->ndim, axis);
}

Value f_sort(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"sort", {"a", "axis=", "kind=", "order="}};
  Value p[4];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a = as_array(vm, p[0]);
  if (!a) return Value();
  vm.root(Value::from_obj(a));
  SortKind kind;
  if (!parse_kind(vm, p[2], kind) || !check_order(vm, p[3])) return Value();
  NDArray* r;
  int axis = 0;
  if (p[1].is_none()) {
    r = flatten(vm, a);
  } else {
    if (!sort_axis(vm, p[1], a, axis)) return Value();
    r = copy_array(vm, a, a->dtype, 'K');
  }
  if (!r) return Value();
  sort_lanes(r, axis, kind);
  return Value::from_obj(r);
}

Value m_sort(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"sort", {"self", "axis=", "kind=", "order="}};
  Value p[4];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a = as_ndarray(p[0]);
  SortKind kind;
  int axis;
  if (!parse_kind(vm, p[2], kind) || !check_order(vm, p[3])) return Value();
  if (p[1].is_none())
    return vm.raise(vm.exc().TypeError, "'NoneType' object cannot be interpreted as an integer");
  if (!sort_axis(vm, p[1], a, axis) || !check_writeable(vm, a)) return Value();
  sort_lanes(a, axis, kind);
  return Value::none();
}

Value argsort_impl(VM& vm, Value self, Value axis_v, Value kind_v, Value order_v) {
  NDArray* a = as_array(vm, self);
  if (!a) return Value();
  vm.root(Value::from_obj(a));
  SortKind kind;
  if (!parse_kind(vm, kind_v, kind) || !check_order(vm, order_v)) return Value();
  int axis = 0;
  if (axis_v.is_none() || a->ndim == 0) {  // a 0-d array argsorts as its ravel
    a = flatten(vm, a);
    if (!a) return Value();
    vm.root(Value::from_obj(a));
  } else if (!sort_axis(vm, axis_v, a, axis)) {
    return Value();
  }
  return wrap(argsort_lanes(vm, a, axis, kind));
}

Value f_argsort(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"argsort", {"a", "axis=", "kind=", "order="}};
  Value p[4];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return argsort_impl(vm, p[0], p[1], p[2], p[3]);
}

Value m_argsort(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"argsort", {"self", "axis=", "kind=", "order="}};
  Value p[4];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return argsort_impl(vm, p[0], p[1], p[2], p[3]);
}

// ---- unique (I2)
bool opt_flag(VM& vm, Value v, bool& out) {
  out = false;
  if (v.is_undef()) return true;
  int t = truthy(vm, v);
  if (t < 0) return false;
  out = t;
  return true;
}

// The sorted unique values of 1-d contiguous `a`; perm is the (stable when
// `stable`) argsort and mask[i] marks the first of each group in sorted order.
NDArray* unique_values(VM& vm, NDArray* a, bool stable, bool equal_nan, std::vector<int64_t>& perm,
                       std::vector<char>& mask, int64_t& nuniq) {
  const int64_t n = a->size;
  NDArray* vals = nullptr;
  visit_dtype(a->dtype, [&]<class T>() {
    const T* v = a->typed<T>();
    argsort_buffer(v, perm.data(), n, stable ? SortKind::Stable : SortKind::Quick);
    std::unique_ptr<T[]> aux(new T[static_cast<size_t>(n)]);
    for (int64_t i = 0; i < n; ++i) aux[i] = v[perm[i]];
    for (int64_t i = 0; i < n; ++i) mask[i] = i == 0 || aux[i] != aux[i - 1];
    if constexpr (std::is_floating_point_v<T> || std::is_same_v<T, c128>) {
      auto isnan = [](const T& x) { return x != x; };
      if (equal_nan && n > 0 && isnan(aux[n - 1])) {
        int64_t first = 0;
        while (first < n && !isnan(aux[first])) ++first;
        for (int64_t i = first + 1; i < n; ++i) mask[i] = 0;
        mask[first] = 1;
      }
    }
    for (int64_t i = 0; i < n; ++i) nuniq += mask[i];
    const int64_t shape[] = {nuniq};
    vals = new_array(vm, a->dtype, shape);
    if (!vals) return;
    T* o = vals->typed<T>();
    for (int64_t i = 0, k = 0; i < n; ++i)
      if (mask[i]) o[k++] = aux[i];
  });
  return vals;
}

Value f_unique(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{
      "unique",
      {"ar", "return_index=", "return_inverse=", "return_counts=", "axis=", "*", "equal_nan="}};
  Value p[6];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  bool want_index, want_inverse, want_counts, equal_nan = true;
  if (!opt_flag(vm, p[1], want_index) || !opt_flag(vm, p[2], want_inverse) ||
      !opt_flag(vm, p[3], want_counts))
    return Value();
  if (!p[5].is_undef() && !opt_flag(vm, p[5], equal_nan)) return Value();
  NDArray* a0 = as_array(vm, p[0]);
  if (!a0) return Value();
  vm.root(Value::from_obj(a0));
  if (!p[4].is_undef() && !p[4].is_none()) {
    int ax;
    if (!parse_axis(vm, p[4], a0->ndim, ax)) return Value();
    if (a0->ndim != 1)
      return vm.raise(
          vm.exc().NotImplementedError,
          "np.unique with axis= on a multi-dimensional array is not supported by pyjitvm");
  }
  NDArray* a = flatten(vm, a0);
  if (!a) return Value();
  vm.root(Value::from_obj(a));
  const int64_t n = a->size;
  std::vector<int64_t> perm(static_cast<size_t>(n));
  std::vector<char> mask(static_cast<size_t>(n));
  int64_t nuniq = 0;
  NDArray* vals = unique_values(vm, a, want_index, equal_nan, perm, mask, nuniq);
  if (!vals) return Value();
  if (!want_index && !want_inverse && !want_counts) return Value::from_obj(vals);
  VM::RootedValues parts(vm);
  parts.v.push_back(Value::from_obj(vals));
  const int64_t ushape[] = {nuniq};
  if (want_index) {
    NDArray* idx = new_array(vm, DType::Int64, ushape);
    if (!idx) return Value();
    parts.v.push_back(Value::from_obj(idx));
    for (int64_t i = 0, k = 0; i < n; ++i)
      if (mask[i]) idx->typed<int64_t>()[k++] = perm[i];
  }
  if (want_inverse) {
    const int64_t shape[] = {n};
    NDArray* inv = new_array(vm, DType::Int64, shape);
    if (!inv) return Value();
    parts.v.push_back(Value::from_obj(inv));
    int64_t group = -1;
    for (int64_t i = 0; i < n; ++i) {
      group += mask[i];
      inv->typed<int64_t>()[perm[i]] = group;
    }
  }
  if (want_counts) {
    NDArray* cnt = new_array(vm, DType::Int64, ushape);
    if (!cnt) return Value();
    parts.v.push_back(Value::from_obj(cnt));
    int64_t k = -1;
    for (int64_t i = 0; i < n; ++i) {
      if (mask[i]) cnt->typed<int64_t>()[++k] = 0;
      ++cnt->typed<int64_t>()[k];
    }
  }
  Tuple* t = vm.new_tuple(parts.v.size());
  for (size_t i = 0; i < parts.v.size(); ++i) (*t)[i] = parts.v[i];
  return Value::from_obj(t);
}

// ---- searchsorted (I3)
template <class T, bool kRight>
void binsearch(const char* arr, int64_t arr_len, int64_t arr_str, const T* keys, int64_t nkeys,
               int64_t* ret, const int64_t* sorter, bool& bad_sorter) {
  auto cmp = [](const T& a, const T& b) { return kRight ? !sort_less(b, a) : sort_less(a, b); };
  int64_t min_idx = 0, max_idx = arr_len;
  if (nkeys == 0) return;
  T last = keys[0];
  for (int64_t k = 0; k < nkeys; ++k) {
    const T key = keys[k];
    if (cmp(last, key)) {
      max_idx = arr_len;
    } else {
      min_idx = 0;
      max_idx = max_idx < arr_len ? max_idx + 1 : arr_len;
    }
    last = key;
    while (min_idx < max_idx) {
      const int64_t mid = min_idx + ((max_idx - min_idx) >> 1);
      int64_t at = mid;
      if (sorter) {
        at = sorter[mid];
        if (at < 0 || at >= arr_len) {
          bad_sorter = true;
          return;
        }
      }
      T mid_val;
      std::memcpy(&mid_val, arr + at * arr_str, sizeof(T));
      if (cmp(mid_val, key))
        min_idx = mid + 1;
      else
        max_idx = mid;
    }
    ret[k] = min_idx;
  }
}

// The dtype searchsorted compares in: NumPy's promotion, value-based for Python
// scalars (a float32 array compares a Python float as float32).
DType search_dtype(VM& vm, NDArray* a, Value v, NDArray* va) {
  ScalarClass c = classify(vm, v);
  bool py = c == ScalarClass::PyBool || c == ScalarClass::PyInt || c == ScalarClass::PyFloat ||
            c == ScalarClass::PyComplex;
  if (py && static_cast<int>(dkind(a->dtype)) >= static_cast<int>(dkind(va->dtype)) &&
      a->dtype != DType::Bool) {
    if (!is_integer(a->dtype)) return a->dtype;
    if (v.is_int()) return promote_types(a->dtype, min_scalar_type_int(v.as_int()));
  }
  return promote_types(a->dtype, va->dtype);
}

Value searchsorted_impl(VM& vm, Value av, Value v, Value side_v, Value sorter_v) {
  NDArray* a = as_array(vm, av);
  if (!a) return Value();
  vm.root(Value::from_obj(a));
  bool right = false;
  if (!side_v.is_undef() && !side_v.is_none()) {
    std::string_view s = is_kind(side_v, Kind::Str) ? as_str(side_v)->view() : "";
    if (!s.empty() && (s[0] == 'r' || s[0] == 'R'))
      right = true;
    else if (s.empty() || !(s[0] == 'l' || s[0] == 'L')) {
      Value r = repr(vm, side_v);
      if (failed(r)) return Value();
      std::string txt(as_str(r)->view());
      if (is_kind(side_v, Kind::Str)) txt = txt.substr(1, txt.size() - 2);
      return vm.raise_fmt(vm.exc().ValueError, "search side must be 'left' or 'right' (got '%s')",
                          txt.c_str());
    }
  }
  if (a->ndim != 1) return vm.raise(vm.exc().ValueError, "object too deep for desired array");
  NDArray* keys0 = as_array(vm, v);
  if (!keys0) return Value();
  vm.root(Value::from_obj(keys0));
  DType d = search_dtype(vm, a, v, keys0);
  NDArray* ac = as_contiguous(vm, a, d);
  if (!ac) return Value();
  vm.root(Value::from_obj(ac));
  NDArray* keys = as_contiguous(vm, keys0, d);
  if (!keys) return Value();
  vm.root(Value::from_obj(keys));
  std::vector<int64_t> sorter;
  const bool has_sorter = !sorter_v.is_undef() && !sorter_v.is_none();
  if (has_sorter) {
    NDArray* s = as_array(vm, sorter_v, DType::Int64);
    if (!s) return Value();
    if (s->ndim != 1 || s->size != a->size)
      return vm.raise(vm.exc().ValueError, "sorter.size must equal a.size");
    NDArray* sc = as_contiguous(vm, s);
    if (!sc) return Value();
    sorter.assign(sc->typed<int64_t>(), sc->typed<int64_t>() + sc->size);
  }
  NDArray* out = new_array(vm, DType::Int64, shape_of(keys));
  if (!out) return Value();
  bool bad = false;
  visit_dtype(d, [&]<class T>() {
    const int64_t* srt = has_sorter ? sorter.data() : nullptr;
    if (right)
      binsearch<T, true>(ac->data, ac->size, ac->itemsize, keys->typed<T>(), keys->size,
                         out->typed<int64_t>(), srt, bad);
    else
      binsearch<T, false>(ac->data, ac->size, ac->itemsize, keys->typed<T>(), keys->size,
                          out->typed<int64_t>(), srt, bad);
  });
  if (bad) return vm.raise(vm.exc().ValueError, "Sorter index out of range.");
  if (out->ndim == 0) return box_scalar(vm, DType::Int64, out->data);
  return Value::from_obj(out);
}

Value f_searchsorted(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"searchsorted", {"a", "v", "side=", "sorter="}};
  Value p[4];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return searchsorted_impl(vm, p[0], p[1], p[2], p[3]);
}

Value m_searchsorted(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"searchsorted", {"self", "v", "side=", "sorter="}};
  Value p[4];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return searchsorted_impl(vm, p[0], p[1], p[2], p[3]);
}

// ---- lexsort: stable sorts by each key, the last key primary.
Value f_lexsort(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"lexsort", {"keys", "axis="}};
  Value p[2];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  VM::RootedValues keys(vm);
  if (is_ndarray(vm, p[0])) {
    NDArray* k = as_ndarray(p[0]);
    if (k->ndim == 0)
      return vm.raise(vm.exc().TypeError, "need sequence of keys with len > 0 in lexsort");
    for (int64_t i = 0; i < k->shape[0]; ++i) {
      NDArray* row = new_view(vm, k, k->dtype, k->data + i * k->strides[0],
                              {k->shape + 1, static_cast<size_t>(k->ndim - 1)},
                              {k->strides + 1, static_cast<size_t>(k->ndim - 1)});
      if (!row) return Value();
      keys.v.push_back(Value::from_obj(row));
    }
  } else {
    if (!for_each(vm, p[0], [&](Value x) {
          NDArray* k = as_array(vm, x);
          if (k) keys.v.push_back(Value::from_obj(k));
          return k != nullptr;
        }))
      return Value();
  }
  if (keys.v.empty())
    return vm.raise(vm.exc().TypeError, "need sequence of keys with len > 0 in lexsort");
  NDArray* first = as_ndarray(keys.v[0]);
  for (Value kv : keys.v) {
    NDArray* k = as_ndarray(kv);
    if (k->ndim != first->ndim || !std::equal(k->shape, k->shape + k->ndim, first->shape))
      return vm.raise(vm.exc().ValueError, "all keys need to be the same shape");
  }
  if (first->ndim != 1)
    return vm.raise(vm.exc().NotImplementedError,
                    "np.lexsort of multi-dimensional keys is not supported by pyjitvm");
  const int64_t n = first->size;
  NDArray* out = new_array(vm, DType::Int64, shape_of(first));
  if (!out) return Value();
  int64_t* idx = out->typed<int64_t>();
  std::iota(idx, idx + n, int64_t{0});
  for (Value kv : keys.v) {
    NDArray* k = as_ndarray(kv);
    visit_dtype(k->dtype, [&]<class T>() {
      std::unique_ptr<T[]> v(new T[static_cast<size_t>(n)]);
      for (int64_t i = 0; i < n; ++i) std::memcpy(&v[i], k->data + i * k->strides[0], sizeof(T));
      std::stable_sort(idx, idx + n, [&](int64_t x, int64_t y) { return sort_less(v[x], v[y]); });
    });
  }
  return Value::from_obj(out);
}

const MethodDef kFunctions[] = {
    {"sort", f_sort},       {"argsort", f_argsort},
    {"unique", f_unique},   {"searchsorted", f_searchsorted},
    {"lexsort", f_lexsort},
};

const MethodDef kMethods[] = {
    {"sort", m_sort},
    {"argsort", m_argsort},
    {"searchsorted", m_searchsorted},
};

}  // namespace

void install_sorting(VM& vm, NumpyState& st) {
  add_module_functions(vm, st, kFunctions);
  add_array_methods(vm, st, kMethods);
}

}  // namespace pyjitvm::stdlib::np
