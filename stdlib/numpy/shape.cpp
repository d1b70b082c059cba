// stdlib/numpy/shape.cpp — shape manipulation: reshape (more to come: ravel, transpose,
// concatenate, stack ...).
//
// Stage: install_shape() during `import numpy` (numpy_internal.h).
//
// Invariants:
//   I1  reshape returns a view whenever NumPy would (C-contiguous input), else a copy.
//   I2  Errors use NumPy's wording ("cannot reshape array of size 6 into shape (4,)").
#include <vector>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

// Resolves one -1 in `shape` against `size`.
bool resolve_shape(VM& vm, int64_t size, std::vector<int64_t>& shape) {
  int unknown = -1;
  int64_t known = 1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] < 0) {
      if (shape[i] != -1) {
        vm.raise(vm.exc().ValueError, "negative dimensions not allowed");
        return false;
      }
      if (unknown >= 0) {
        vm.raise(vm.exc().ValueError, "can only specify one unknown dimension");
        return false;
      }
      unknown = static_cast<int>(i);
    } else {
      known *= shape[i];
    }
  }
  std::vector<int64_t> shown = shape;
  if (unknown >= 0) {
    if (known != 0 && size % known == 0) {
      shape[unknown] = size / known;
      return true;
    }
  } else {
    int64_t n;
    if (shape_size(shape, n) && n == size) return true;
  }
  vm.raise_fmt(vm.exc().ValueError, "cannot reshape array of size %lld into shape %s",
               static_cast<long long>(size), shape_str(shown).c_str());
  return false;
}

Value m_reshape(VM& vm, const CallArgs& a) {
  NDArray* x = as_ndarray(a[0]);
  std::vector<int64_t> shape;
  if (a.argc == 2 && !a[1].is_int()) {
    if (!parse_shape(vm, a[1], shape)) return Value();
  } else {
    for (uint32_t i = 1; i < a.argc; ++i) {
      int64_t d;
      if (!index_of(vm, a[i], d)) return Value();
      shape.push_back(d);
    }
  }
  if (!resolve_shape(vm, x->size, shape)) return Value();
  VM::TempRoot keep(vm, x);
  NDArray* src = as_contiguous(vm, x);
  if (!src) return Value();
  VM::TempRoot keep_src(vm, src);
  std::vector<int64_t> strides(shape.size());
  c_strides(shape, src->itemsize, strides.data());
  NDArray* r = new_view(vm, src, src->dtype, src->data, shape, strides);
  return r ? Value::from_obj(r) : Value();
}

const MethodDef kMethods[] = {{"reshape", m_reshape}};

}  // namespace

void install_shape(VM& vm, NumpyState& st) { add_array_methods(vm, st, kMethods); }

}  // namespace pyjitvm::stdlib::np
