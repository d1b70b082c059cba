// stdlib/numpy/shape_internal.h — helpers shared by the creation and shape files
// (creation*.cpp, shape*.cpp): order arguments, reshape, ravel, axis permutations.
//
// Stage: numpy functions of the struct area; not used outside it (numpy_internal.h I1).
//
// Invariants:
//   I1  reshape_array() returns a view whenever NumPy's reshape would (contiguous in
//       the requested order, or the no-copy stride check succeeds), else a view of a
//       copy — the same memory sharing and strides as NumPy 1.24.
//   I2  Every function returns nullptr/false with a Python exception pending on error,
//       with NumPy's wording.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/state.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

inline vm::Value wrap(NDArray* a) { return a ? vm::Value::from_obj(a) : vm::Value(); }

// order= arguments: None/missing → `def`; one of C F A K in either case; TypeError
// "order must be str, not int" / ValueError "order must be one of 'C', 'F', 'A', or
// 'K' (got 'X')" otherwise.
bool parse_order(vm::VM& vm, vm::Value v, char def, char& out);
// 'A' resolved against an array: 'F' when it is F- but not C-contiguous, else 'C'.
inline char resolve_any_order(const NDArray* a) {
  return a->f_contiguous() && !a->c_contiguous() ? 'F' : 'C';
}

// Shape arguments as NumPy's PyArray_IntpConverter reads them: an integer (or 0-d
// integer array), a sequence of integers, or None (= ()). A non-integer scalar raises
// TypeError "expected a sequence of integers or a single integer, got '2.5'".
bool parse_intp_shape(vm::VM& vm, vm::Value v, std::vector<int64_t>& out);
// Resolves one negative (unknown) entry of a new shape against `size` (NumPy's
// "cannot reshape array of size 6 into shape (4,newaxis)" on failure).
bool resolve_newshape(vm::VM& vm, int64_t size, std::vector<int64_t>& shape);
// a.reshape(shape, order) with a resolved shape; order 'C', 'F' or 'A' (I1).
NDArray* reshape_array(vm::VM& vm, NDArray* a, std::span<const int64_t> shape, char order);
// a.ravel(order): a 1-d view when the memory allows it, else a copy.
NDArray* ravel_array(vm::VM& vm, NDArray* a, char order);
// A new 1-d array with a's elements in `order` (flatten).
NDArray* flatten_array(vm::VM& vm, NDArray* a, char order);
// The view of `a` with axes permuted: result dim i is a's dim perm[i].
NDArray* permute_view(vm::VM& vm, NDArray* a, const int* perm);
// A view with `shape`/`strides` on a's memory, writeable as a is.
NDArray* view_of(vm::VM& vm, NDArray* a, char* data, std::span<const int64_t> shape,
                 std::span<const int64_t> strides);
// Normalises an axis for `ndim` dims; AxisError "<prefix>axis 3 is out of bounds for
// array of dimension 3" otherwise.
bool check_axis(vm::VM& vm, int64_t axis, int ndim, const char* prefix, int& out);
// An argument converted with np.asarray (arrays pass through); rooted by the caller.
NDArray* arg_array(vm::VM& vm, vm::Value v);
// Joining, splitting, repeating (shape_join.cpp), called by install_shape().
void install_shape_join(vm::VM& vm, NumpyState& st);
// Ranges and grids (creation_grid.cpp), called by install_creation().
void install_creation_grid(vm::VM& vm, NumpyState& st);
// A Python list of arrays.
vm::Value array_list(vm::VM& vm, std::span<NDArray* const> arrays);

}  // namespace pyjitvm::stdlib::np
