// stdlib/numpy/linalg.cpp — dot, matmul (and `@`), vdot, inner, outer, cross, trace and
// ndarray.dot; creates numpy.linalg (filled by linalg_lapack.cpp).
//
// Stage: install_linalg() during `import numpy` (numpy_internal.h); matmul() for the
// `@` operator (linalg.h). Operands are converted to the computation dtype here; the
// products themselves are linalg_blas.cpp's.
//
// Invariants:
//   I1  np.dot follows NumPy's PyArray_MatrixProduct2: the dtype is the promotion of the
//       operands' own dtypes (no value-based casting), float64/float32/complex128
//       operands of at most 2 dimensions go through cblas_matrixproduct, everything
//       else through the dtype's dot function over (all but the last axis of a) x (all
//       but the second-to-last axis of b) — `dot_impl()`.
//   I2  matmul is NumPy's gufunc (n?,k),(k,m?)->(n?,m?): 0-d operands and core
//       mismatches raise its exact messages, batch dimensions broadcast, and each core
//       product is selected like NumPy's <TYPE>_matmul — `matmul_impl()`.
//   I3  Scalar results (1-d · 1-d, 0-d · 0-d) are NumPy scalars — `scalar_or_array()`.
#include "stdlib/numpy/linalg.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/linalg_blas.h"
#include "stdlib/numpy/misc_iter.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/reduce.h"
#include "stdlib/numpy/scalar.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

NDArray* rooted(VM& vm, NDArray* a) {
  if (a) vm.root(Value::from_obj(a));
  return a;
}

Value scalar_or_array(VM& vm, NDArray* r) {
  if (!r) return Value();
  if (r->ndim == 0) return box_scalar(vm, r->dtype, r->data);
  return Value::from_obj(r);
}

// The dtype np.dot computes in: promote_types of each operand's discovered dtype.
bool object_type(VM& vm, Value a, Value b, DType& out) {
  DType da, db;
  if (!discover_dtype(vm, a, da) || !discover_dtype(vm, b, db)) return false;
  out = promote_types(da, db);
  return true;
}

// Element-wise product of one-element-or-broadcast operands in dtype d (NumPy's
// multiply loop: wrapping ints, logical and for bool, (ac - bd, ad + bc) for complex).
template <class T>
T mul(T x, T y) {
  if constexpr (std::is_same_v<T, bool>)
    return x && y;
  else if constexpr (std::is_same_v<T, c128>)
    return c128(x.real() * y.real() - x.imag() * y.imag(),
                x.real() * y.imag() + x.imag() * y.real());
  else if constexpr (std::is_integral_v<T>)
    return static_cast<T>(static_cast<std::make_unsigned_t<T>>(x) *
                          static_cast<std::make_unsigned_t<T>>(y));
  else
    return x * y;
}

template <class T>
T sub(T x, T y) {
  if constexpr (std::is_integral_v<T>)
    return static_cast<T>(static_cast<std::make_unsigned_t<T>>(x) -
                          static_cast<std::make_unsigned_t<T>>(y));
  else
    return x - y;
}

template <class T>
T neg(T x) {
  if constexpr (std::is_integral_v<T>)
    return static_cast<T>(std::make_unsigned_t<T>(0) - static_cast<std::make_unsigned_t<T>>(x));
  else
    return -x;
}

NDArray* multiply_arrays(VM& vm, DType d, NDArray* a, NDArray* b) {
  NDArray* ops[] = {a, b};
  std::vector<int64_t> shape;
  if (!broadcast_arrays_shape(vm, ops, shape)) return nullptr;
  NDArray* out = new_array(vm, d, shape);
  if (!out) return nullptr;
  visit_dtype(d, [&]<class T>() {
    T* o = out->typed<T>();
    for_each_broadcast(shape, ops, [&](int64_t i, char** p) {
      T x, y;
      std::memcpy(&x, p[0], sizeof(T));
      std::memcpy(&y, p[1], sizeof(T));
      o[i] = mul(x, y);
    });
  });
  return out;
}

// np.dot's generic path (I1).
NDArray* dot_generic(VM& vm, DType d, NDArray* a, NDArray* b) {
  if (a->ndim == 0 || b->ndim == 0) return multiply_arrays(vm, d, a, b);
  const int64_t l = a->shape[a->ndim - 1];
  const int match = b->ndim > 1 ? b->ndim - 2 : 0;
  if (b->shape[match] != l) {
    raise_not_aligned(vm, a, a->ndim - 1, b, match);
    return nullptr;
  }
  std::vector<int64_t> dims;
  for (int i = 0; i < a->ndim - 1; ++i) dims.push_back(a->shape[i]);
  for (int i = 0; i < b->ndim - 2; ++i) dims.push_back(b->shape[i]);
  if (b->ndim > 1) dims.push_back(b->shape[b->ndim - 1]);
  if (dims.size() > static_cast<size_t>(kMaxDims)) {
    vm.raise(vm.exc().ValueError, "dot: too many dimensions in result");
    return nullptr;
  }
  NDArray* out = new_zeros(vm, d, dims);
  if (!out || out->size == 0) return out;
  const int64_t is1 = a->strides[a->ndim - 1], is2 = b->strides[match];
  // Outer shapes: a without its last axis, b without its match axis.
  std::vector<int64_t> sa(a->shape, a->shape + a->ndim - 1),
      ta(a->strides, a->strides + a->ndim - 1);
  std::vector<int64_t> sb, tb;
  for (int i = 0; i < b->ndim; ++i)
    if (i != match) {
      sb.push_back(b->shape[i]);
      tb.push_back(b->strides[i]);
    }
  auto offsets = [](const std::vector<int64_t>& shape, const std::vector<int64_t>& strides) {
    std::vector<int64_t> off{0};
    for (size_t d2 = 0; d2 < shape.size(); ++d2) {
      std::vector<int64_t> next;
      for (int64_t o : off)
        for (int64_t i = 0; i < shape[d2]; ++i) next.push_back(o + i * strides[d2]);
      off.swap(next);
    }
    return off;
  };
  std::vector<int64_t> oa = offsets(sa, ta), ob = offsets(sb, tb);
  char* op = out->data;
  for (int64_t x : oa)
    for (int64_t y : ob) {
      dot_elements(d, a->data + x, is1, b->data + y, is2, op, l);
      op += out->itemsize;
    }
  return out;
}

NDArray* dot_arrays(VM& vm, Value av, Value bv) {
  DType d;
  if (!object_type(vm, av, bv, d)) return nullptr;
  NDArray* a = rooted(vm, as_array(vm, av, d));
  NDArray* b = a ? rooted(vm, as_array(vm, bv, d)) : nullptr;
  if (!b) return nullptr;
  if (a->ndim <= 2 && b->ndim <= 2 &&
      (d == DType::Float64 || d == DType::Float32 || d == DType::Complex128))
    return cblas_matrixproduct(vm, d, a, b);
  return dot_generic(vm, d, a, b);
}

// out=: NumPy requires the exact dtype, shape and C-contiguity.
Value finish_out(VM& vm, NDArray* r, Value out_v) {
  if (!r) return Value();
  if (out_v.is_undef() || out_v.is_none()) return scalar_or_array(vm, r);
  if (!is_ndarray(vm, out_v)) return vm.raise(vm.exc().TypeError, "'out' must be an array");
  NDArray* out = as_ndarray(out_v);
  if (out->dtype != r->dtype || out->ndim != r->ndim || !out->c_contiguous())
    return vm.raise(vm.exc().ValueError,
                    "output array is not acceptable (must have the right datatype, number of "
                    "dimensions, and be a C-Array)");
  if (!std::equal(r->shape, r->shape + r->ndim, out->shape))
    return vm.raise(vm.exc().ValueError, "output array has wrong dimensions");
  if (!copy_into(vm, out, r)) return Value();
  return out_v;
}

Value dot_impl(VM& vm, Value a, Value b, Value out) {
  NDArray* r = dot_arrays(vm, a, b);
  if (r) vm.root(Value::from_obj(r));
  return finish_out(vm, r, out);
}

Value f_dot(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"dot", {"a", "b", "out="}};
  Value p[3];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return dot_impl(vm, p[0], p[1], p[2]);
}

Value m_dot(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"dot", {"self", "b", "out="}};
  Value p[3];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return dot_impl(vm, p[0], p[1], p[2]);
}

Value f_vdot(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"vdot", {"a", "b"}};
  Value p[2];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  DType d;
  if (!object_type(vm, p[0], p[1], d)) return Value();
  NDArray* a = rooted(vm, as_array(vm, p[0], d));
  NDArray* b = a ? rooted(vm, as_array(vm, p[1], d)) : nullptr;
  NDArray* ac = b ? rooted(vm, as_contiguous(vm, a)) : nullptr;
  NDArray* bc = ac ? rooted(vm, as_contiguous(vm, b)) : nullptr;
  if (!bc) return Value();
  if (ac->size != bc->size) return vm.raise(vm.exc().ValueError, "vectors have different lengths");
  alignas(16) char res[16] = {};
  vdot_elements(d, ac->data, ac->itemsize, bc->data, bc->itemsize, res, ac->size);
  return box_scalar(vm, d, res);
}

// np.inner(a, b) = dot(a, b with its last two axes swapped).
Value f_inner(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"inner", {"a", "b"}};
  Value p[2];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  DType d;
  if (!object_type(vm, p[0], p[1], d)) return Value();
  NDArray* a = rooted(vm, as_array(vm, p[0], d));
  NDArray* b = a ? rooted(vm, as_array(vm, p[1], d)) : nullptr;
  if (!b) return Value();
  if (a->ndim >= 1 && b->ndim >= 2) {
    std::vector<int64_t> shape(b->shape, b->shape + b->ndim),
        strides(b->strides, b->strides + b->ndim);
    std::swap(shape[b->ndim - 1], shape[b->ndim - 2]);
    std::swap(strides[b->ndim - 1], strides[b->ndim - 2]);
    b = rooted(vm, new_view(vm, b, d, b->data, shape, strides));
    if (!b) return Value();
  }
  return dot_impl(vm, Value::from_obj(a), Value::from_obj(b), Value());
}

Value f_outer(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"outer", {"a", "b", "out="}};
  Value p[3];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  NDArray* a0 = rooted(vm, as_array(vm, p[0]));
  NDArray* b0 = a0 ? rooted(vm, as_array(vm, p[1])) : nullptr;
  if (!b0) return Value();
  DType d = promote_types(a0->dtype, b0->dtype);
  NDArray* a = rooted(vm, copy_array(vm, a0, d, 'C'));
  NDArray* b = a ? rooted(vm, copy_array(vm, b0, d, 'C')) : nullptr;
  if (!b) return Value();
  const int64_t shape[] = {a->size, b->size};
  NDArray* out = rooted(vm, new_array(vm, d, shape));
  if (!out) return Value();
  visit_dtype(d, [&]<class T>() {
    const T* x = a->typed<T>();
    const T* y = b->typed<T>();
    T* o = out->typed<T>();
    for (int64_t i = 0; i < a->size; ++i)
      for (int64_t j = 0; j < b->size; ++j) o[i * b->size + j] = mul(x[i], y[j]);
  });
  if (p[2].is_undef() || p[2].is_none()) return Value::from_obj(out);
  if (!is_ndarray(vm, p[2]))
    return vm.raise(vm.exc().TypeError, "return arrays must be of ArrayType");
  if (!copy_into(vm, as_ndarray(p[2]), out)) return Value();
  return p[2];
}

// ---- matmul (I2)
constexpr const char* kSig = "(n?,k),(k,m?)->(n?,m?)";

std::string remapped(const NDArray* a, int core, size_t nb) {
  std::string s = shape_str_compact(shape_of(a)) + "->(";
  int own = std::max(a->ndim - core, 0);
  for (size_t i = 0; i < nb; ++i) {
    if (i) s += ",";
    size_t lead = nb - static_cast<size_t>(own);
    s += i < lead ? std::string("newaxis") : std::to_string(a->shape[i - lead]);
  }
  for (int i = 0; i < 2; ++i) s += std::string(nb || i ? "," : "") + "newaxis";
  return s + ")";
}

NDArray* matmul_arrays(VM& vm, NDArray* a, NDArray* b) {
  for (int k = 0; k < 2; ++k) {
    NDArray* x = k ? b : a;
    if (x->ndim == 0) {
      vm.raise_fmt(vm.exc().ValueError,
                   "matmul: Input operand %d does not have enough dimensions (has 0, gufunc core "
                   "with signature %s requires 1)",
                   k, kSig);
      return nullptr;
    }
  }
  const bool a_vec = a->ndim == 1, b_vec = b->ndim == 1;
  const int64_t n = a->shape[a->ndim - 1];
  const int64_t kb = b_vec ? b->shape[0] : b->shape[b->ndim - 2];
  if (kb != n) {
    vm.raise_fmt(vm.exc().ValueError,
                 "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                 "signature %s (size %lld is different from %lld)",
                 kSig, static_cast<long long>(kb), static_cast<long long>(n));
    return nullptr;
  }
  const int64_t m = a_vec ? 1 : a->shape[a->ndim - 2];
  const int64_t p = b_vec ? 1 : b->shape[b->ndim - 1];
  std::span<const int64_t> ba(a->shape, a_vec ? 0 : a->ndim - 2),
      bb(b->shape, b_vec ? 0 : b->ndim - 2);
  std::span<const int64_t> bs[] = {ba, bb};
  std::vector<int64_t> batch;
  if (!broadcast_shapes(bs, batch)) {
    size_t nb = std::max(ba.size(), bb.size());
    std::string req = "(" + std::to_string(m) + "," + std::to_string(p) + ")";
    vm.raise_fmt(vm.exc().ValueError,
                 "operands could not be broadcast together with remapped shapes "
                 "[original->remapped]: %s %s  and requested shape %s",
                 remapped(a, 2, nb).c_str(), remapped(b, 2, nb).c_str(), req.c_str());
    return nullptr;
  }
  DType d = promote_types(a->dtype, b->dtype);
  if (a->dtype != d && !(a = rooted(vm, copy_array(vm, a, d, 'K')))) return nullptr;
  if (b->dtype != d && !(b = rooted(vm, copy_array(vm, b, d, 'K')))) return nullptr;
  std::vector<int64_t> oshape = batch;
  if (!a_vec) oshape.push_back(m);
  if (!b_vec) oshape.push_back(p);
  NDArray* out = rooted(vm, new_array(vm, d, oshape));
  if (!out) return nullptr;
  const int nbd = static_cast<int>(batch.size());
  const int64_t is1_m = a_vec ? 0 : a->strides[a->ndim - 2], is1_n = a->strides[a->ndim - 1];
  const int64_t is2_n = b_vec ? b->strides[0] : b->strides[b->ndim - 2];
  const int64_t is2_p = b_vec ? 0 : b->strides[b->ndim - 1];
  const int64_t os_m = a_vec ? 0 : out->strides[nbd];
  const int64_t os_p = b_vec ? 0 : out->strides[out->ndim - 1];
  // Batch strides (0 along broadcast dimensions).
  std::vector<int64_t> sa(nbd, 0), sb(nbd, 0);
  for (int i = 0; i < static_cast<int>(ba.size()); ++i) {
    int j = nbd - static_cast<int>(ba.size()) + i;
    sa[j] = ba[i] == 1 ? 0 : a->strides[i];
  }
  for (int i = 0; i < static_cast<int>(bb.size()); ++i) {
    int j = nbd - static_cast<int>(bb.size()) + i;
    sb[j] = bb[i] == 1 ? 0 : b->strides[i];
  }
  int64_t total = 1;
  for (int64_t x : batch) total *= x;
  std::vector<int64_t> idx(nbd, 0);
  for (int64_t t = 0; t < total; ++t) {
    int64_t oa = 0, ob = 0, oo = 0;
    for (int i = 0; i < nbd; ++i) {
      oa += idx[i] * sa[i];
      ob += idx[i] * sb[i];
      oo += idx[i] * out->strides[i];
    }
    matmul_core(d, a->data + oa, is1_m, is1_n, b->data + ob, is2_n, is2_p, out->data + oo, os_m,
                os_p, m, n, p);
    for (int i = nbd - 1; i >= 0; --i) {
      if (++idx[i] < batch[i]) break;
      idx[i] = 0;
    }
  }
  return out;
}

Value matmul_values(VM& vm, Value av, Value bv, Value out_v) {
  NDArray* a = rooted(vm, as_array(vm, av));
  NDArray* b = a ? rooted(vm, as_array(vm, bv)) : nullptr;
  if (!b) return Value();
  NDArray* r = matmul_arrays(vm, a, b);
  if (!r) return Value();
  if (out_v.is_undef() || out_v.is_none()) return scalar_or_array(vm, r);
  if (!is_ndarray(vm, out_v))
    return vm.raise(vm.exc().TypeError, "return arrays must be of ArrayType");
  if (!copy_into(vm, as_ndarray(out_v), r)) return Value();
  return out_v;
}

Value f_matmul(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"matmul",
                             {"x1", "x2", "/", "out=", "*", "casting=", "order=", "dtype=",
                              "subok=", "signature=", "extobj=", "axes=", "axis="}};
  Value p[12];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return matmul_values(vm, p[0], p[1], p[2]);
}

// ---- cross (last axes of length 2 or 3) and trace
// cross products of the vectors of C-contiguous `ac` (length la) and `bc` (length lb),
// their leading dimensions broadcast to `shape`, into `out` (NumPy's formulas).
void cross_fill(NDArray* ac, NDArray* bc, int64_t la, int64_t lb, const std::vector<int64_t>& shape,
                NDArray* out) {
  const bool scalar_z = la == 2 && lb == 2;
  const DType d = out->dtype;
  // Element strides of the leading dimensions (0 where broadcast).
  std::vector<int64_t> va(shape.size(), 0), vb(shape.size(), 0);
  {
    int64_t s = la;
    for (int i = ac->ndim - 2, j = static_cast<int>(shape.size()) - 1; i >= 0; --i, --j) {
      va[j] = ac->shape[i] == 1 ? 0 : s;
      s *= ac->shape[i];
    }
    s = lb;
    for (int i = bc->ndim - 2, j = static_cast<int>(shape.size()) - 1; i >= 0; --i, --j) {
      vb[j] = bc->shape[i] == 1 ? 0 : s;
      s *= bc->shape[i];
    }
  }
  int64_t total = 1;
  for (int64_t x : shape) total *= x;
  visit_dtype(d, [&]<class T>() {
    if constexpr (std::is_same_v<T, bool>) {
      return;
    } else {
      std::vector<int64_t> idx(shape.size(), 0);
      T* o = out->typed<T>();
      for (int64_t t = 0; t < total; ++t) {
        int64_t oa = 0, ob = 0;
        for (size_t i = 0; i < shape.size(); ++i) {
          oa += idx[i] * va[i];
          ob += idx[i] * vb[i];
        }
        const T* x = ac->typed<T>() + oa;
        const T* y = bc->typed<T>() + ob;
        T a0 = x[0], a1 = x[1], a2 = la == 3 ? x[2] : T(0);
        T b0 = y[0], b1 = y[1], b2 = lb == 3 ? y[2] : T(0);
        if (scalar_z) {
          o[t] = sub(mul(a0, b1), mul(a1, b0));
        } else {
          o[3 * t] = la == 2   ? mul(a1, b2)
                     : lb == 2 ? neg(mul(a2, b1))
                               : sub(mul(a1, b2), mul(a2, b1));
          if (la == 2)
            o[3 * t + 1] = neg(mul(a0, b2));
          else if (lb == 2)
            o[3 * t + 1] = mul(a2, b0);
          else
            o[3 * t + 1] = sub(mul(a2, b0), mul(a0, b2));
          o[3 * t + 2] = sub(mul(a0, b1), mul(a1, b0));
        }
        for (int i = static_cast<int>(shape.size()) - 1; i >= 0; --i) {
          if (++idx[i] < shape[i]) break;
          idx[i] = 0;
        }
      }
    }
  });
}

Value f_cross(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"cross", {"a", "b", "axisa=", "axisb=", "axisc=", "axis="}};
  Value p[6];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  for (int i = 2; i < 6; ++i)
    if (!p[i].is_undef() && !(p[i].is_int() && p[i].as_int() == -1) && !p[i].is_none())
      return vm.raise(vm.exc().NotImplementedError,
                      "np.cross with axis arguments is not supported by pyjitvm");
  NDArray* a = rooted(vm, as_array(vm, p[0]));
  NDArray* b = a ? rooted(vm, as_array(vm, p[1])) : nullptr;
  if (!b) return Value();
  const char* kMsg = "incompatible dimensions for cross product\n(dimension must be 2 or 3)";
  if (a->ndim == 0 || b->ndim == 0)
    return vm.raise(state(vm).axis_error, "axis -1 is out of bounds for array of dimension 0");
  const int64_t la = a->shape[a->ndim - 1], lb = b->shape[b->ndim - 1];
  if ((la != 2 && la != 3) || (lb != 2 && lb != 3)) return vm.raise(vm.exc().ValueError, kMsg);
  DType d = promote_types(a->dtype, b->dtype);
  NDArray* ac = rooted(vm, copy_array(vm, a, d, 'C'));
  NDArray* bc = ac ? rooted(vm, copy_array(vm, b, d, 'C')) : nullptr;
  if (!bc) return Value();
  // Broadcast the leading (vector-stacking) dimensions.
  std::span<const int64_t> lead[] = {{ac->shape, static_cast<size_t>(ac->ndim - 1)},
                                     {bc->shape, static_cast<size_t>(bc->ndim - 1)}};
  std::vector<int64_t> shape;
  if (!broadcast_shapes(lead, shape)) {
    NDArray* ops[] = {ac, bc};
    std::vector<int64_t> tmp;
    (void)broadcast_arrays_shape(vm, ops, tmp);
    if (!vm.has_pending()) vm.raise(vm.exc().ValueError, "shape mismatch in cross");
    return Value();
  }
  const bool scalar_z = la == 2 && lb == 2;
  std::vector<int64_t> oshape = shape;
  if (!scalar_z) oshape.push_back(3);
  NDArray* out = rooted(vm, new_array(vm, d, oshape));
  if (!out) return Value();
  cross_fill(ac, bc, la, lb, shape, out);
  if (d == DType::Bool)
    return vm.raise(vm.exc().TypeError,
                    "numpy boolean subtract, the `-` operator, is not supported, use the "
                    "bitwise_xor, the `^` operator, or the logical_xor function instead.");
  return Value::from_obj(out);  // a 0-d array for two 2-vectors, as NumPy returns
}

// np.trace: the diagonal (as the last axis of a view) summed by the reduction engine.
Value trace_impl(VM& vm, Value av, Value off_v, Value ax1_v, Value ax2_v, Value dtype_v,
                 Value out_v) {
  NDArray* a = rooted(vm, as_array(vm, av));
  if (!a) return Value();
  int64_t offset = 0, ax1 = 0, ax2 = 1;
  if (!off_v.is_undef() && !index_of(vm, off_v, offset)) return Value();
  if (!ax1_v.is_undef() && !index_of(vm, ax1_v, ax1)) return Value();
  if (!ax2_v.is_undef() && !index_of(vm, ax2_v, ax2)) return Value();
  if (a->ndim < 2)
    return vm.raise(vm.exc().ValueError, "diag requires an array of at least two dimensions");
  int i1, i2;
  if (!normalize_axis(vm, ax1, a->ndim, i1) || !normalize_axis(vm, ax2, a->ndim, i2))
    return Value();
  if (i1 == i2) return vm.raise(vm.exc().ValueError, "axis1 and axis2 cannot be the same");
  std::vector<int64_t> shape, strides;
  for (int d = 0; d < a->ndim; ++d)
    if (d != i1 && d != i2) {
      shape.push_back(a->shape[d]);
      strides.push_back(a->strides[d]);
    }
  int64_t n1 = a->shape[i1], n2 = a->shape[i2];
  char* base = a->data;
  int64_t len;
  if (offset >= 0) {
    len = std::max<int64_t>(std::min(n1, n2 - offset), 0);
    if (len > 0) base += offset * a->strides[i2];
  } else {
    len = std::max<int64_t>(std::min(n1 + offset, n2), 0);
    if (len > 0) base -= offset * a->strides[i1];
  }
  shape.push_back(len);
  strides.push_back(a->strides[i1] + a->strides[i2]);
  NDArray* diag = rooted(vm, new_view(vm, a, a->dtype, base, shape, strides));
  if (!diag) return Value();
  ReduceSpec spec;
  spec.kind = ReduceKind::Add;
  spec.name = "add";
  spec.axes.assign(shape.size(), false);
  spec.axes.back() = true;
  if (!dtype_v.is_undef() && !dtype_v.is_none()) {
    std::optional<DType> dt;
    if (!parse_optional_dtype(vm, dtype_v, dt)) return Value();
    spec.dtype = dt;
  }
  spec.out = out_v.is_none() ? Value() : out_v;
  return reduce(vm, diag, spec);
}

Value f_trace(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"trace", {"a", "offset=", "axis1=", "axis2=", "dtype=", "out="}};
  Value p[6];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return trace_impl(vm, p[0], p[1], p[2], p[3], p[4], p[5]);
}

Value m_trace(VM& vm, const CallArgs& args) {
  static const ArgSpec kSpec{"trace", {"self", "offset=", "axis1=", "axis2=", "dtype=", "out="}};
  Value p[6];
  if (!parse_args(vm, args, kSpec, p)) return Value();
  return trace_impl(vm, p[0], p[1], p[2], p[3], p[4], p[5]);
}

const MethodDef kFunctions[] = {
    {"dot", f_dot},       {"vdot", f_vdot},   {"inner", f_inner}, {"outer", f_outer},
    {"matmul", f_matmul}, {"cross", f_cross}, {"trace", f_trace},
};

const MethodDef kMethods[] = {
    {"dot", m_dot},
    {"trace", m_trace},
};

}  // namespace

Value matmul(VM& vm, Value a, Value b) { return matmul_values(vm, a, b, Value()); }

void install_linalg(VM& vm, NumpyState& st) {
  add_module_functions(vm, st, kFunctions);
  add_array_methods(vm, st, kMethods);
  Module* m = new_submodule(vm, st, "linalg");
  install_linalg_module(vm, m);
}

}  // namespace pyjitvm::stdlib::np
