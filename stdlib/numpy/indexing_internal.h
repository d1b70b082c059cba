// stdlib/numpy/indexing_internal.h — the parsed form of an ndarray index, shared by
// indexing.cpp (parsing, basic indexing, slots) and indexing_fancy.cpp (integer-array
// and boolean indexing).
//
// Stage: ndarray __getitem__/__setitem__ (state.ndarray->slots.getitem/setitem).
//
//   a[1, ::2, None, ..., [0, 2], mask]
//       │   │    │     │     │       └ BoolArray (consumes mask.ndim dims)
//       │   │    │     │     └ IntArray (one dim)
//       │   │    │     └ Ellipsis (the dims no other item consumes)
//       │   │    └ NewAxis (a new dim of length 1)
//       │   └ Slice (one dim, a strided view)
//       └ Int (one dim, removed)
//
// Invariants:
//   I1  parse_index() leaves a ParsedIndex whose arrays are rooted (vm.root) for the
//       rest of the calling slot (which opens a VM::RootScope), whose `consumed` is at
//       most the array's ndim, and whose boolean arrays match the dims they index —
//       the checks NumPy 1.24 makes before any bounds check, with its wording.
//   I2  Bool0d and BoolArray/IntArray items make the index "fancy" (results are
//       copies); Int items count as fancy for the placement of broadcast dims
//       (fancy_adjacent) when the index is fancy, as in NumPy.
#pragma once

#include <cstdint>

#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/state.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

enum class IdxKind : uint8_t { Int, Slice, NewAxis, Ellipsis, Bool0d, BoolArray, IntArray };

struct IndexItem {
  IdxKind kind;
  bool flag;        // Bool0d: the value
  int64_t value;    // Int: the index (not yet bounds-checked)
  vm::Value slice;  // Slice: the slice object
  NDArray* arr;     // BoolArray (bool dtype) / IntArray (any integer dtype)
};

inline constexpr int kMaxIndexItems = 2 * kMaxDims;  // NumPy's limit on index tuples

struct ParsedIndex {
  IndexItem items[kMaxIndexItems];
  int n = 0;
  int consumed = 0;       // array dims used by the items (the ellipsis takes the rest)
  int ellipsis_dims = 0;  // dims the ellipsis stands for (0 when there is none)
  bool has_ellipsis = false;
  bool has_newaxis = false;
  bool fancy = false;          // I2
  bool fancy_adjacent = true;  // fancy items (ints included) are consecutive
};

// Parses `key` for an array of `ndim` dims with `shape` (I1). False with an
// IndexError/TypeError/ValueError pending on failure.
bool parse_index(vm::VM& vm, NDArray* a, vm::Value key, ParsedIndex& out);

// Raises NumPy's out-of-bounds IndexError.
void raise_out_of_bounds(vm::VM& vm, int64_t index, int axis, int64_t size);

// Fancy indexing (indexing_fancy.cpp): a[idx] as a new array, and a[idx] = value.
vm::Value fancy_getitem(vm::VM& vm, NDArray* a, ParsedIndex& idx);
bool fancy_setitem(vm::VM& vm, NDArray* a, ParsedIndex& idx, vm::Value value);

// The value of an assignment as an array of `dtype` (Python scalars and sequences go
// through np.array's conversion with that dtype; arrays are cast). nullptr on error.
NDArray* value_as_array(vm::VM& vm, vm::Value value, DType dtype);

// ndarray.flat and np.flatiter (indexing_flat.cpp), installed by install_indexing().
void install_flat(vm::VM& vm, NumpyState& st);

// step * stride with two's-complement wrap-around, as NumPy's C arithmetic gives for huge
// slice steps (a[::2**70] has one element and stride -8).
inline int64_t wrapping_mul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}

// Copies `n`-byte elements (n = itemsize).
inline void copy_elem(char* dst, const char* src, int n) {
  switch (n) {
    case 1:
      *dst = *src;
      return;
    case 2:
      __builtin_memcpy(dst, src, 2);
      return;
    case 4:
      __builtin_memcpy(dst, src, 4);
      return;
    case 8:
      __builtin_memcpy(dst, src, 8);
      return;
    default:
      __builtin_memcpy(dst, src, 16);
      return;
  }
}

}  // namespace pyjitvm::stdlib::np
