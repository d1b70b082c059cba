// stdlib/numpy/cast.h — dtype conversion loops and array copies (astype, copy,
// assignment between arrays).
//
// Stage: used by creation, shape functions, indexing assignment, ufunc output casting.
//
// Invariants:
//   I1  Element conversion is convert_element() (dtype_convert.h): NumPy's unsafe
//       casting results on x86-64.
//   I2  copy_into() gives the result of copying `src` first when the two arrays'
//       memory overlaps (a[1:] = a[:-1] works as in NumPy).
//   I3  Copies never change the destination's shape: the source must broadcast to it
//       ("could not broadcast input array from shape (3,) into shape (2,)").
#pragma once

#include <cstdint>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/ndarray.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// Converts n elements from `src` (stride in bytes) to `dst`.
using CastLoop = void (*)(const char* src, int64_t sstride, char* dst, int64_t dstride, int64_t n);
CastLoop cast_loop(DType from, DType to);

// dst[...] = src (broadcast, converted; I2, I3). Checks that dst is writeable.
bool copy_into(vm::VM& vm, NDArray* dst, NDArray* src);
// A new array with a's values converted to `dtype`, laid out in `order` ('C', 'F', or
// 'K'/'A' = keep a's F layout when a is F- but not C-contiguous).
NDArray* copy_array(vm::VM& vm, NDArray* a, DType dtype, char order = 'C');
// `a` itself when it is C-contiguous with `dtype`, else a C-contiguous converted copy.
NDArray* as_contiguous(vm::VM& vm, NDArray* a, DType dtype);
inline NDArray* as_contiguous(vm::VM& vm, NDArray* a) { return as_contiguous(vm, a, a->dtype); }
// Sets every element of `dst` to the Python/NumPy scalar `v` (store_value semantics).
bool fill_scalar(vm::VM& vm, NDArray* dst, vm::Value v);

}  // namespace pyjitvm::stdlib::np
