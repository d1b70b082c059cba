// stdlib/numpy/reduce_stats.cpp — np.mean, np.var, np.std and their nan* forms, built
// exactly as NumPy 1.24's numpy/core/_methods.py and numpy/lib/nanfunctions.py build them
// from add.reduce and element-wise ufunc calls, so the results carry the same bits.
//
// Stage: called by the method/function layer in reductions.cpp; uses the engine
// (reduce_to_array) and the element-wise helpers of reduce_internal.h defined here.
//
// Invariants:
//   I1  mean = add.reduce(a, dtype) (float64 for bool/int input) / count, the division
//       done as NumPy does it: in place in the result dtype for arrays
//       (true_divide(ret, intp(count), out=ret)), as `ret.dtype.type(ret / count)` for
//       scalars — np_mean().
//   I2  var = add.reduce(|a - mean_keepdims|^2) / max(count - ddof, 0), with the mean
//       array divided in place first, a - mean allocated in the iteration (K) order of
//       the operands, and complex squares as re*re + im*im — np_var().
//   I3  The nan* forms replace NaN (0 for sums, 1 for products, ±inf for arg*) in a copy
//       and reuse the plain reductions, counting with an intp sum of ~isnan — np_nanmean(),
//       np_nanvar().
#include <cmath>
#include <cstring>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/reduce_internal.h"
#include "stdlib/numpy/scalar.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

// ------------------------------------------------------------------ element helpers
namespace {

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}
template <class T>
void store(char* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}

// NumPy's complex true_divide (Smith's method).
c128 complex_divide(c128 a, c128 b) {
  const double in1r = a.real(), in1i = a.imag(), in2r = b.real(), in2i = b.imag();
  if (std::fabs(in2r) >= std::fabs(in2i)) {
    if (in2r == 0 && in2i == 0) return c128(in1r / std::fabs(in2r), in1i / std::fabs(in2r));
    const double rat = in2i / in2r;
    const double scl = 1.0 / (in2r + in2i * rat);
    return c128((in1r + in1i * rat) * scl, (in1i - in1r * rat) * scl);
  }
  const double rat = in2r / in2i;
  const double scl = 1.0 / (in2i + in2r * rat);
  return c128((in1r * rat + in1i) * scl, (in1i * rat - in1r) * scl);
}

// Calls f(char* elem) for every element of x.
template <class F>
void for_each_elem(NDArray* x, F&& f) {
  if (x->size == 0) return;
  char* data[1] = {x->data};
  const int64_t* strides[1] = {x->strides};
  MultiIter it(shape_of(x), 1, data, strides);
  it.run([&](char** p, const int64_t* s, int64_t n) {
    char* q = p[0];
    for (int64_t i = 0; i < n; ++i, q += s[0]) f(q);
  });
}

// x / count in x's dtype as an array ufunc loop computes it (float32 divisor for
// float32 arrays; float64 division cast back for integer and bool arrays).
void divide_elem(DType d, char* q, double count, bool array_rules) {
  visit_dtype(d, [&]<class T>() {
    if constexpr (std::is_same_v<T, c128>) {
      store<c128>(q, complex_divide(load<c128>(q), c128(count, 0.0)));
    } else if constexpr (std::is_same_v<T, float>) {
      if (array_rules) store<float>(q, load<float>(q) / static_cast<float>(count));
      else store<float>(q, static_cast<float>(static_cast<double>(load<float>(q)) / count));
    } else if constexpr (std::is_same_v<T, double>) {
      store<double>(q, load<double>(q) / count);
    } else {
      store<T>(q, convert_element<T>(convert_element<double>(load<T>(q)) / count));
    }
  });
}

}  // namespace

void divide_by_count_inplace(NDArray* x, double count) {
  for_each_elem(x, [&](char* q) { divide_elem(x->dtype, q, count, true); });
}

void divide_scalar_by_count(DType d, void* p, double count) { divide_elem(d, static_cast<char*>(p), count, false); }

void divide_by_counts_inplace(NDArray* x, NDArray* counts) {
  int64_t cst[kMaxDims];
  broadcast_strides(counts, shape_of(x), cst);
  char* data[2] = {x->data, counts->data};
  const int64_t* strides[2] = {x->strides, cst};
  if (x->size == 0) return;
  MultiIter it(shape_of(x), 2, data, strides);
  CastLoop to_f64 = cast_loop(counts->dtype, DType::Float64);
  it.run([&](char** p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      double c;
      to_f64(p[1] + i * s[1], 0, reinterpret_cast<char*>(&c), 0, 1);
      char* q = p[0] + i * s[0];
      if (x->dtype == DType::Complex128) {
        c128 v = load<c128>(q);
        // complex / int64 array: the count becomes complex(c, 0) (Smith division).
        store<c128>(q, complex_divide(v, c128(c, 0.0)));
      } else if (x->dtype == DType::Float32) {
        store<float>(q, static_cast<float>(static_cast<double>(load<float>(q)) / c));
      } else {
        divide_elem(x->dtype, q, c, true);
      }
    }
  });
}

void sqrt_scalar(DType d, void* p) {
  char* q = static_cast<char*>(p);
  visit_dtype(d, [&]<class T>() {
    if constexpr (std::is_same_v<T, c128>) {
      store<c128>(q, std::sqrt(load<c128>(q)));
    } else if constexpr (std::is_same_v<T, float>) {
      store<float>(q, std::sqrt(load<float>(q)));
    } else if constexpr (std::is_same_v<T, double>) {
      store<double>(q, std::sqrt(load<double>(q)));
    } else {
      store<T>(q, convert_element<T>(std::sqrt(convert_element<double>(load<T>(q)))));
    }
  });
}

void sqrt_inplace(NDArray* x) {
  for_each_elem(x, [&](char* q) { sqrt_scalar(x->dtype, q); });
}

namespace {

enum class EwOp { Sub, Mul, Div };

template <class T>
T ew_apply(EwOp op, T x, T y) {
  if constexpr (std::is_same_v<T, bool>) {
    return op == EwOp::Mul ? (x && y) : (x != y);
  } else if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;
    if (op == EwOp::Sub) return static_cast<T>(static_cast<U>(x) - static_cast<U>(y));
    if (op == EwOp::Mul) return static_cast<T>(static_cast<U>(x) * static_cast<U>(y));
    return y == 0 ? T(0) : static_cast<T>(x / y);
  } else if constexpr (std::is_same_v<T, c128>) {
    if (op == EwOp::Sub) return T(x.real() - y.real(), x.imag() - y.imag());
    if (op == EwOp::Mul)
      return T(x.real() * y.real() - x.imag() * y.imag(), x.real() * y.imag() + x.imag() * y.real());
    return complex_divide(x, y);
  } else {
    return op == EwOp::Sub ? x - y : op == EwOp::Mul ? x * y : x / y;
  }
}

// np.subtract/multiply/divide(a, b, dtype=rt): inputs cast to rt, broadcast, output
// allocated in the operands' memory order (nditer K order).
NDArray* elementwise(VM& vm, NDArray* a, NDArray* b, DType rt, EwOp op) {
  VM::TempRoot ka(vm, a), kb(vm, b);
  NDArray* ops[2] = {a, b};
  std::vector<int64_t> shape;
  if (!broadcast_arrays_shape(vm, ops, shape)) return nullptr;
  int64_t st[2][kMaxDims];
  broadcast_strides(a, shape, st[0]);
  broadcast_strides(b, shape, st[1]);
  NDArray* r = new_array_in_iter_order(vm, rt, shape, 2, st);
  if (!r) return nullptr;
  if (r->size == 0) return r;
  VM::TempRoot kr(vm, r);
  char* data[3] = {r->data, a->data, b->data};
  const int64_t* strides[3] = {r->strides, st[0], st[1]};
  MultiIter it(shape, 3, data, strides);
  CastLoop ca = cast_loop(a->dtype, rt), cb = cast_loop(b->dtype, rt);
  const bool direct = a->dtype == rt && b->dtype == rt;
  visit_dtype(rt, [&]<class T>() {
    it.run([&](char** p, const int64_t* s, int64_t n) {
      if (direct) {
        for (int64_t i = 0; i < n; ++i)
          store<T>(p[0] + i * s[0], ew_apply<T>(op, load<T>(p[1] + i * s[1]), load<T>(p[2] + i * s[2])));
        return;
      }
      for (int64_t i = 0; i < n; ++i) {
        T x, y;
        ca(p[1] + i * s[1], 0, reinterpret_cast<char*>(&x), 0, 1);
        cb(p[2] + i * s[2], 0, reinterpret_cast<char*>(&y), 0, 1);
        store<T>(p[0] + i * s[0], ew_apply<T>(op, x, y));
      }
    });
  });
  return r;
}

}  // namespace

NDArray* subtract_arrays(VM& vm, NDArray* a, NDArray* m) {
  return elementwise(vm, a, m, promote_types(a->dtype, m->dtype), EwOp::Sub);
}

NDArray* square_inplace_or_abs2(VM& vm, NDArray* x) {
  if (x->dtype != DType::Complex128) {
    for_each_elem(x, [&](char* q) {
      visit_dtype(x->dtype, [&]<class T>() {
        const T v = load<T>(q);
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
          using U = std::make_unsigned_t<T>;
          store<T>(q, static_cast<T>(static_cast<U>(v) * static_cast<U>(v)));
        } else if constexpr (std::is_same_v<T, bool>) {
          store<T>(q, v);
        } else if constexpr (std::is_same_v<T, c128>) {
          store<T>(q, v);
        } else {
          store<T>(q, v * v);
        }
      });
    });
    return x;
  }
  // re*re + im*im into a float64 array laid out like x (x.real of NumPy's _var).
  VM::TempRoot kx(vm, x);
  int64_t st[1][kMaxDims];
  for (int d = 0; d < x->ndim; ++d) st[0][d] = x->strides[d];
  NDArray* r = new_array_in_iter_order(vm, DType::Float64, shape_of(x), 1, st);
  if (!r || x->size == 0) return r;
  char* data[2] = {r->data, x->data};
  const int64_t* strides[2] = {r->strides, x->strides};
  MultiIter it(shape_of(x), 2, data, strides);
  it.run([&](char** p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      const c128 v = load<c128>(p[1] + i * s[1]);
      const double re2 = v.real() * v.real(), im2 = v.imag() * v.imag();
      store<double>(p[0] + i * s[0], re2 + im2);
    }
  });
  return r;
}

void runtime_warning(VM& vm, const char* msg) {
  vm.write_stderr(std::string("RuntimeWarning: ") + msg + "\n");
}

// ------------------------------------------------------------------ counts
namespace {

bool has_where(Value where) { return !where.is_undef() && !(where.is_bool() && where.as_bool()); }

// NumPy's _count_reduce_items: the product of the reduced lengths, or with where= an
// intp add.reduce of the broadcast mask (an array unless it is 0-d).
struct Count {
  double n = 0;
  NDArray* arr = nullptr;
  bool any_zero = false;
  double min = 0;  // smallest count (warnings)
};

bool count_items(VM& vm, NDArray* a, const ReduceSpec& spec, bool keepdims, Count& c) {
  if (!has_where(spec.where)) {
    double n = 1;
    for (int ax = 0; ax < a->ndim; ++ax)
      if (spec.axes.size() != static_cast<size_t>(a->ndim) || spec.axes[ax]) n *= static_cast<double>(a->shape[ax]);
    c.n = c.min = n;
    c.any_zero = n == 0;
    return true;
  }
  NDArray* m = as_array(vm, spec.where, DType::Bool);
  if (!m) return false;
  VM::TempRoot km(vm, m);
  int64_t mst[kMaxDims];
  if (!broadcast_strides(m, shape_of(a), mst)) {
    vm.raise(vm.exc().ValueError, "operands could not be broadcast together with remapped shapes "
                                  "[original->remapped]: " + shape_str_compact(shape_of(a)) + " " +
                                      shape_str_compact(shape_of(m)) + " ");
    return false;
  }
  NDArray* view = new_view(vm, m, DType::Bool, m->data, shape_of(a), {mst, static_cast<size_t>(a->ndim)});
  if (!view) return false;
  VM::TempRoot kv(vm, view);
  ReduceSpec s;
  s.kind = ReduceKind::Add;
  s.name = "add";
  s.axes = spec.axes;
  s.keepdims = keepdims;
  s.dtype = DType::Int64;
  NDArray* r = reduce_to_array(vm, view, s);
  if (!r) return false;
  c.min = INFINITY;
  for_each_elem(r, [&](char* q) {
    const double v = static_cast<double>(load<int64_t>(q));
    c.min = std::min(c.min, v);
    c.any_zero = c.any_zero || v == 0;
  });
  if (r->ndim == 0) c.n = static_cast<double>(load<int64_t>(r->data));
  else c.arr = r;
  return true;
}

bool out_given(const ReduceSpec& spec) { return !spec.out.is_undef() && !spec.out.is_none(); }

// The final division of mean/var: `ret / count` by NumPy's scalar or array rules (I1).
Value finish_division(VM& vm, NDArray* r, const ReduceSpec& spec, const Count& c, double ddof, bool take_sqrt) {
  VM::TempRoot kr(vm, r);
  if (r->ndim == 0 && !out_given(spec) && !c.arr) {
    alignas(16) unsigned char v[16];
    std::memcpy(v, r->data, static_cast<size_t>(r->itemsize));
    divide_scalar_by_count(r->dtype, v, std::max(c.n - ddof, 0.0));
    if (take_sqrt) sqrt_scalar(r->dtype, v);
    return box_scalar(vm, r->dtype, v);
  }
  if (c.arr) {
    NDArray* dof = c.arr;
    if (ddof != 0) {
      dof = copy_array(vm, c.arr, DType::Float64);
      if (!dof) return Value();
      for_each_elem(dof, [&](char* q) { store<double>(q, std::max(load<double>(q) - ddof, 0.0)); });
    }
    VM::TempRoot kd(vm, dof);
    divide_by_counts_inplace(r, dof);
  } else {
    divide_by_count_inplace(r, std::max(c.n - ddof, 0.0));
  }
  if (take_sqrt) sqrt_inplace(r);
  if (r->ndim == 0 && !out_given(spec)) return box_scalar(vm, r->dtype, r->data);
  return Value::from_obj(r);
}

bool default_float_dtype(NDArray* a, ReduceSpec& spec) {
  if (!spec.dtype && (is_integer(a->dtype) || a->dtype == DType::Bool)) spec.dtype = DType::Float64;
  return true;
}

}  // namespace

// ------------------------------------------------------------------ mean, var, std
Value np_mean(VM& vm, NDArray* a, ReduceSpec spec) {
  VM::TempRoot ka(vm, a);
  spec.kind = ReduceKind::Add;
  spec.name = "add";
  spec.initial = Value();
  Count c;
  if (!count_items(vm, a, spec, spec.keepdims, c)) return Value();
  VM::TempRoot kc(vm, c.arr ? Value::from_obj(c.arr) : Value::none());
  if (c.any_zero) runtime_warning(vm, "Mean of empty slice.");
  default_float_dtype(a, spec);
  NDArray* r = reduce_to_array(vm, a, spec);
  if (!r) return Value();
  return finish_division(vm, r, spec, c, 0, false);
}

Value np_var(VM& vm, NDArray* a, ReduceSpec spec, double ddof, bool take_sqrt) {
  VM::TempRoot ka(vm, a);
  spec.kind = ReduceKind::Add;
  spec.name = "add";
  spec.initial = Value();
  Count c, ck;
  if (!count_items(vm, a, spec, spec.keepdims, c)) return Value();
  VM::TempRoot kc(vm, c.arr ? Value::from_obj(c.arr) : Value::none());
  if (!count_items(vm, a, spec, true, ck)) return Value();
  VM::TempRoot kck(vm, ck.arr ? Value::from_obj(ck.arr) : Value::none());
  if (ddof >= c.min) runtime_warning(vm, "Degrees of freedom <= 0 for slice");
  default_float_dtype(a, spec);
  // arrmean = add.reduce(arr, axis, dtype, keepdims=True, where) / rcount, in place.
  ReduceSpec ms = spec;
  ms.out = Value();
  ms.keepdims = true;
  NDArray* mean = reduce_to_array(vm, a, ms);
  if (!mean) return Value();
  VM::TempRoot km(vm, mean);
  if (ck.arr) divide_by_counts_inplace(mean, ck.arr);
  else divide_by_count_inplace(mean, ck.n);
  NDArray* x = subtract_arrays(vm, a, mean);
  if (!x) return Value();
  VM::TempRoot kx(vm, x);
  x = square_inplace_or_abs2(vm, x);
  if (!x) return Value();
  kx.set(Value::from_obj(x));
  NDArray* r = reduce_to_array(vm, x, spec);
  if (!r) return Value();
  return finish_division(vm, r, spec, c, ddof, take_sqrt);
}

// ------------------------------------------------------------------ nan functions (I3)
NDArray* replace_nan(VM& vm, NDArray* a, double value, NDArray** mask) {
  if (mask) *mask = nullptr;
  if (!is_inexact(a->dtype)) return a;
  VM::TempRoot ka(vm, a);
  int64_t st[1][kMaxDims];
  for (int d = 0; d < a->ndim; ++d) st[0][d] = a->strides[d];
  NDArray* r = new_array_in_iter_order(vm, a->dtype, shape_of(a), 1, st);
  if (!r || !copy_into(vm, r, a)) return nullptr;
  VM::TempRoot kr(vm, r);
  NDArray* m = nullptr;
  if (mask) {
    m = new_array_in_iter_order(vm, DType::Bool, shape_of(a), 1, st);
    if (!m) return nullptr;
    *mask = m;
  }
  char* data[2] = {r->data, m ? m->data : r->data};
  const int64_t* strides[2] = {r->strides, m ? m->strides : r->strides};
  if (r->size == 0) return r;
  MultiIter it(shape_of(r), 2, data, strides);
  const DType d = a->dtype;
  it.run([&](char** p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      char* q = p[0] + i * s[0];
      bool nan;
      if (d == DType::Complex128) {
        const c128 v = load<c128>(q);
        nan = v.real() != v.real() || v.imag() != v.imag();
        if (nan) store<c128>(q, c128(value, 0.0));
      } else if (d == DType::Float32) {
        nan = load<float>(q) != load<float>(q);
        if (nan) store<float>(q, static_cast<float>(value));
      } else {
        nan = load<double>(q) != load<double>(q);
        if (nan) store<double>(q, value);
      }
      if (m) p[1][i * s[1]] = nan ? 1 : 0;
    }
  });
  return r;
}

namespace {

// np.sum(~mask, axis, dtype=intp, keepdims=...)
NDArray* count_not_nan(VM& vm, NDArray* mask, const ReduceSpec& spec, bool keepdims) {
  NDArray* notm = copy_array(vm, mask, DType::Bool, 'K');
  if (!notm) return nullptr;
  VM::TempRoot k(vm, notm);
  for_each_elem(notm, [](char* q) { *q = *q ? 0 : 1; });
  ReduceSpec s;
  s.kind = ReduceKind::Add;
  s.name = "add";
  s.axes = spec.axes;
  s.keepdims = keepdims;
  s.dtype = DType::Int64;
  s.where = spec.where;
  return reduce_to_array(vm, notm, s);
}

bool check_inexact_args(VM& vm, const ReduceSpec& spec) {
  if (spec.dtype && !is_inexact(*spec.dtype)) {
    vm.raise(vm.exc().TypeError, "If a is inexact, then dtype must be inexact");
    return false;
  }
  if (out_given(spec) && is_ndarray(vm, spec.out) && !is_inexact(as_ndarray(spec.out)->dtype)) {
    vm.raise(vm.exc().TypeError, "If a is inexact, then out must be inexact");
    return false;
  }
  return true;
}

// nanfunctions' _divide_by_count(a, b): arrays divide in place (array / intp array in
// float64 for float32), scalars as a.dtype.type(a / b).
Value divide_by_count_result(VM& vm, NDArray* r, NDArray* cnt, bool out_is_given) {
  VM::TempRoot kr(vm, r), kc(vm, cnt);
  if (r->ndim == 0 && !out_is_given) {
    alignas(16) unsigned char v[16];
    std::memcpy(v, r->data, static_cast<size_t>(r->itemsize));
    double c;
    cast_loop(cnt->dtype, DType::Float64)(cnt->data, 0, reinterpret_cast<char*>(&c), 0, 1);
    divide_scalar_by_count(r->dtype, v, c);
    return box_scalar(vm, r->dtype, v);
  }
  divide_by_counts_inplace(r, cnt);
  return Value::from_obj(r);
}

}  // namespace

Value np_nanmean(VM& vm, NDArray* a, ReduceSpec spec) {
  NDArray* mask;
  NDArray* arr = replace_nan(vm, a, 0.0, &mask);
  if (!arr) return Value();
  if (!mask) return np_mean(vm, arr, spec);
  VM::TempRoot ka(vm, arr), km(vm, mask);
  if (!check_inexact_args(vm, spec)) return Value();
  NDArray* cnt = count_not_nan(vm, mask, spec, spec.keepdims);
  if (!cnt) return Value();
  VM::TempRoot kc(vm, cnt);
  spec.kind = ReduceKind::Add;
  spec.name = "add";
  spec.initial = Value();
  NDArray* tot = reduce_to_array(vm, arr, spec);
  if (!tot) return Value();
  Value avg = divide_by_count_result(vm, tot, cnt, out_given(spec));
  bool bad = false;
  for_each_elem(cnt, [&](char* q) { bad = bad || load<int64_t>(q) == 0; });
  if (bad) runtime_warning(vm, "Mean of empty slice");
  return avg;
}

Value np_nanvar(VM& vm, NDArray* a, ReduceSpec spec, double ddof, bool take_sqrt) {
  NDArray* mask;
  NDArray* arr = replace_nan(vm, a, 0.0, &mask);
  if (!arr) return Value();
  if (!mask) return np_var(vm, arr, spec, ddof, take_sqrt);
  VM::TempRoot ka(vm, arr), km(vm, mask);
  if (!check_inexact_args(vm, spec)) return Value();
  spec.kind = ReduceKind::Add;
  spec.name = "add";
  spec.initial = Value();
  NDArray* cnt = count_not_nan(vm, mask, spec, true);
  if (!cnt) return Value();
  VM::TempRoot kc(vm, cnt);
  ReduceSpec ms = spec;
  ms.out = Value();
  ms.keepdims = true;
  NDArray* avg = reduce_to_array(vm, arr, ms);
  if (!avg) return Value();
  VM::TempRoot kavg(vm, avg);
  divide_by_counts_inplace(avg, cnt);
  NDArray* x = subtract_arrays(vm, arr, avg);  // np.subtract(arr, avg, out=arr)
  if (!x) return Value();
  VM::TempRoot kx(vm, x);
  if (!copy_into(vm, arr, x)) return Value();
  char* data[2] = {arr->data, mask->data};
  const int64_t* strides[2] = {arr->strides, mask->strides};
  CastLoop zero = cast_loop(DType::Float64, arr->dtype);
  const double z = 0.0;
  MultiIter it(shape_of(arr), 2, data, strides);
  it.run([&](char** p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i)
      if (p[1][i * s[1]]) zero(reinterpret_cast<const char*>(&z), 0, p[0] + i * s[0], 0, 1);
  });
  NDArray* sqr = square_inplace_or_abs2(vm, arr);
  if (!sqr) return Value();
  kx.set(Value::from_obj(sqr));
  NDArray* var = reduce_to_array(vm, sqr, spec);
  if (!var) return Value();
  VM::TempRoot kvar(vm, var);
  // dof = cnt - ddof (cnt squeezed to var's shape); bad slices (dof <= 0) become NaN.
  NDArray* dof = count_not_nan(vm, mask, spec, spec.keepdims);
  if (!dof) return Value();
  VM::TempRoot kd(vm, dof);
  NDArray* doff = copy_array(vm, dof, DType::Float64);
  if (!doff) return Value();
  VM::TempRoot kdf(vm, doff);
  bool bad = false;
  for_each_elem(doff, [&](char* q) {
    const double v = load<double>(q) - ddof;
    bad = bad || v <= 0;
    store<double>(q, v <= 0 ? NAN : v);
  });
  if (bad) runtime_warning(vm, "Degrees of freedom <= 0 for slice.");
  Value res = divide_by_count_result(vm, var, doff, out_given(spec));
  if (failed(res) || !take_sqrt) return res;
  if (is_ndarray(vm, res)) {
    sqrt_inplace(as_ndarray(res));
    return res;
  }
  NpScalar* sc = as_np_scalar(res);
  alignas(16) unsigned char v[16];
  std::memcpy(v, sc->raw, sizeof v);
  sqrt_scalar(sc->dtype, v);
  return box_scalar(vm, sc->dtype, v);
}

Value np_nanminmax(VM& vm, NDArray* a, ReduceSpec spec, bool is_max, bool from_list) {
  VM::TempRoot ka(vm, a);
  if (!from_list) {
    spec.kind = is_max ? ReduceKind::FMax : ReduceKind::FMin;
    spec.name = is_max ? "fmax" : "fmin";
    NDArray* r = reduce_to_array(vm, a, spec);
    if (!r) return Value();
    VM::TempRoot kr(vm, r);
    bool nan = false;
    if (is_inexact(r->dtype))
      for_each_elem(r, [&](char* q) {
        if (r->dtype == DType::Complex128) nan = nan || load<c128>(q) != load<c128>(q);
        else if (r->dtype == DType::Float32) nan = nan || load<float>(q) != load<float>(q);
        else nan = nan || load<double>(q) != load<double>(q);
      });
    if (nan) runtime_warning(vm, "All-NaN slice encountered");
    return reduce_result(vm, r, out_given(spec));
  }
  // The path NumPy takes for non-ndarray input: NaN → ∓inf, amin/amax, then all-NaN
  // slices back to NaN.
  NDArray* mask;
  NDArray* arr = replace_nan(vm, a, is_max ? -INFINITY : INFINITY, &mask);
  if (!arr) return Value();
  VM::TempRoot karr(vm, arr), km(vm, mask ? Value::from_obj(mask) : Value::none());
  spec.kind = is_max ? ReduceKind::Max : ReduceKind::Min;
  spec.name = is_max ? "maximum" : "minimum";
  NDArray* r = reduce_to_array(vm, arr, spec);
  if (!r || !mask) return reduce_result(vm, r, out_given(spec));
  VM::TempRoot kr(vm, r);
  ReduceSpec as;
  as.kind = ReduceKind::LogicalAnd;
  as.name = "logical_and";
  as.axes = spec.axes;
  as.keepdims = spec.keepdims;
  as.where = spec.where;
  NDArray* all_nan = reduce_to_array(vm, mask, as);
  if (!all_nan) return Value();
  VM::TempRoot kan(vm, all_nan);
  bool any = false;
  char* data[2] = {r->data, all_nan->data};
  const int64_t* strides[2] = {r->strides, all_nan->strides};
  CastLoop put_nan = cast_loop(DType::Float64, r->dtype);
  const double qnan = NAN;
  if (r->size > 0) {
    MultiIter it(shape_of(r), 2, data, strides);
    it.run([&](char** p, const int64_t* s, int64_t n) {
      for (int64_t i = 0; i < n; ++i)
        if (p[1][i * s[1]]) {
          any = true;
          put_nan(reinterpret_cast<const char*>(&qnan), 0, p[0] + i * s[0], 0, 1);
        }
    });
  }
  if (any) runtime_warning(vm, "All-NaN axis encountered");
  return reduce_result(vm, r, out_given(spec));
}

// ------------------------------------------------------------------ np.average
namespace {

// wgt = broadcast_to(w, (1,)*(nd-1) + w.shape).swapaxes(-1, axis): w along `axis`.
NDArray* weights_along(VM& vm, NDArray* a, NDArray* w, Value axis_v) {
  if (axis_v.is_none()) {
    vm.raise(vm.exc().TypeError, "Axis must be specified when shapes of a and weights differ.");
    return nullptr;
  }
  if (w->ndim != 1) {
    vm.raise(vm.exc().TypeError, "1D weights expected when shapes of a and weights differ.");
    return nullptr;
  }
  int axis;
  if (!parse_axis(vm, axis_v, a->ndim, axis)) return nullptr;
  if (w->shape[0] != a->shape[axis]) {
    vm.raise(vm.exc().ValueError, "Length of weights not compatible with specified axis.");
    return nullptr;
  }
  std::vector<int64_t> shape(static_cast<size_t>(a->ndim), 1), strides(static_cast<size_t>(a->ndim), 0);
  shape[axis] = w->shape[0];
  strides[axis] = w->strides[0];
  return new_view(vm, w, w->dtype, w->data, shape, strides);
}

}  // namespace

Value np_average(VM& vm, NDArray* a, Value axis, Value weights, bool returned, bool keepdims) {
  VM::TempRoot ka(vm, a);
  ReduceSpec spec;
  if (!parse_axes(vm, axis, a->ndim, spec.axes)) return Value();
  spec.keepdims = keepdims;
  Value avg, scl;
  if (weights.is_undef() || weights.is_none()) {
    avg = np_mean(vm, a, spec);
    if (failed(avg)) return avg;
    if (!returned) return avg;
    vm.root(avg);
    const bool arr = is_ndarray(vm, avg);
    const DType d = arr ? as_ndarray(avg)->dtype : as_np_scalar(avg)->dtype;
    const double size = arr ? static_cast<double>(as_ndarray(avg)->size) : 1.0;
    alignas(16) unsigned char v[16];
    const double q = static_cast<double>(a->size) / size;
    cast_loop(DType::Float64, d)(reinterpret_cast<const char*>(&q), 0, reinterpret_cast<char*>(v), 0, 1);
    scl = box_scalar(vm, d, v);
  } else {
    NDArray* w = as_array(vm, weights);
    if (!w) return Value();
    VM::TempRoot kw(vm, w);
    DType rt = promote_types(a->dtype, w->dtype);
    if (is_integer(a->dtype) || a->dtype == DType::Bool) rt = promote_types(rt, DType::Float64);
    bool same = a->ndim == w->ndim;
    for (int d = 0; same && d < a->ndim; ++d) same = a->shape[d] == w->shape[d];
    NDArray* wgt = same ? w : weights_along(vm, a, w, axis);
    if (!wgt) return Value();
    VM::TempRoot kwg(vm, wgt);
    ReduceSpec ws = spec;
    ws.kind = ReduceKind::Add;
    ws.name = "add";
    ws.dtype = rt;
    NDArray* sw = reduce_to_array(vm, wgt, ws);
    if (!sw) return Value();
    VM::TempRoot ksw(vm, sw);
    bool zero = false;
    for_each_elem(sw, [&](char* q) {
      if (rt == DType::Complex128) zero = zero || load<c128>(q) == c128(0, 0);
      else if (rt == DType::Float32) zero = zero || load<float>(q) == 0;
      else zero = zero || load<double>(q) == 0;
    });
    if (zero) return vm.raise(vm.exc().ZeroDivisionError, "Weights sum to zero, can't be normalized");
    NDArray* prod = elementwise(vm, a, wgt, rt, EwOp::Mul);
    if (!prod) return Value();
    VM::TempRoot kp(vm, prod);
    ReduceSpec ps = spec;
    ps.kind = ReduceKind::Add;
    ps.name = "add";
    NDArray* tot = reduce_to_array(vm, prod, ps);
    if (!tot) return Value();
    VM::TempRoot kt(vm, tot);
    NDArray* q = elementwise(vm, tot, sw, rt, EwOp::Div);
    if (!q) return Value();
    avg = reduce_result(vm, q, false);
    if (failed(avg) || !returned) return avg;
    vm.root(avg);
    scl = reduce_result(vm, sw, false);
  }
  if (failed(scl)) return scl;
  if (is_ndarray(vm, avg) && !is_ndarray(vm, scl)) {
    // broadcast_to(scl, avg.shape).copy()
    NDArray* full = new_array_like(vm, as_ndarray(avg), as_np_scalar(scl)->dtype);
    if (!full || !fill_scalar(vm, full, scl)) return Value();
    scl = Value::from_obj(full);
  }
  return Value::from_obj(vm.tuple_of({avg, scl}));
}

}  // namespace pyjitvm::stdlib::np
