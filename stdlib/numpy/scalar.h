// stdlib/numpy/scalar.h — NumPy scalars (np.float64(1.5), np.int32(7), np.bool_(True)):
// what indexing an array with a full index and reductions return.
//
// Stage: created by box_scalar() (indexing, reductions, scalar-type constructors); the
// arithmetic on them lives with the ufuncs (stdlib/numpy/ufunc_operators.cpp), their
// printing in stdlib/numpy/print_scalar.cpp.
//
// Invariants:
//   I1  An NpScalar's type is state.scalar_type[dtype]; its value is stored in `raw` in
//       the dtype's C++ representation (DTypeTraits), like a 0-d array's element.
//   I2  NumPy scalars are immutable and hashable with the hash of the equal Python
//       value (hash(np.float64(1.5)) == hash(1.5)).
//   I3  Conversions to Python values (item(), __float__, __int__, __index__) are
//       exact; __index__ exists only for integer and bool scalars.
#pragma once

#include <cstring>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/state.h"
#include "vm/value.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

struct NpScalar : vm::Object {
  DType dtype;
  alignas(16) unsigned char raw[16];

  template <class T>
  T get() const {
    T v;
    std::memcpy(&v, raw, sizeof(T));
    return v;
  }
  const char* ptr() const { return reinterpret_cast<const char*>(raw); }
};

// True for instances of the NumPy scalar types.
bool is_np_scalar(vm::VM& vm, vm::Value v);
inline NpScalar* as_np_scalar(vm::Value v) { return static_cast<NpScalar*>(v.as_obj()); }

// A NumPy scalar of `dtype` holding the element at `p` (I1).
vm::Value box_scalar(vm::VM& vm, DType dtype, const void* p);
template <class T>
vm::Value box_scalar_of(vm::VM& vm, T v) {
  return box_scalar(vm, dtype_of<T>(), &v);
}

// The element at `p` as a Python value: bool, int (big ints for large uint64), float,
// complex — what ndarray.item() and tolist() return.
vm::Value element_to_python(vm::VM& vm, DType dtype, const void* p);

// Stores a Python or NumPy scalar into an element slot of `dtype` with NumPy's
// __setitem__ semantics (measured on NumPy 1.24):
//   * Python int: wraps into the target's width (NumPy warns); outside int64/uint64 →
//     OverflowError "Python int too large to convert to C long";
//   * Python float into an integer dtype: NaN → ValueError "cannot convert float NaN
//     to integer", inf → OverflowError, else truncated and stored as an int;
//   * complex into a real dtype → TypeError as int()/float() word it;
//   * None into a float dtype → nan; anything into bool → its truth value;
//   * NumPy scalars convert with the cast rules (convert_element).
// Returns false with an exception pending on failure.
bool store_value(vm::VM& vm, DType dtype, void* p, vm::Value v);

}  // namespace pyjitvm::stdlib::np
