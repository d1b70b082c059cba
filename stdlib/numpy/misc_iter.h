// stdlib/numpy/misc_iter.h — a small element-by-element broadcast walker for the
// non-hot paths of the lsr area (random parameters, isclose, comparisons).
//
// Stage: header-only helper of random*.cpp, misc.cpp and linalg*.cpp.
//
// Invariants:
//   I1  for_each_broadcast() visits the elements of `shape` in C order and gives each
//       operand's element pointer with 0 strides along broadcast dimensions (the caller
//       has checked that the operands broadcast to `shape`).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/ndarray.h"

namespace pyjitvm::stdlib::np {

// Calls fn(i, ptrs) for every element of `shape` in C order with ptrs[k] pointing at
// arrays[k]'s element broadcast to that position.
template <class Fn>
void for_each_broadcast(std::span<const int64_t> shape, std::span<NDArray* const> arrays, Fn&& fn) {
  const int nd = static_cast<int>(shape.size());
  const size_t na = arrays.size();
  std::vector<std::vector<int64_t>> strides(na, std::vector<int64_t>(nd, 0));
  for (size_t k = 0; k < na; ++k) broadcast_strides(arrays[k], shape, strides[k].data());
  int64_t total = 1;
  for (int64_t d : shape) total *= d;
  std::vector<int64_t> idx(nd, 0);
  std::vector<char*> ptrs(na);
  for (size_t k = 0; k < na; ++k) ptrs[k] = arrays[k]->data;
  for (int64_t i = 0; i < total; ++i) {
    fn(i, ptrs.data());
    for (int d = nd - 1; d >= 0; --d) {
      for (size_t k = 0; k < na; ++k) ptrs[k] += strides[k][d];
      if (++idx[d] < shape[d]) break;
      for (size_t k = 0; k < na; ++k) ptrs[k] -= strides[k][d] * shape[d];
      idx[d] = 0;
    }
  }
}

}  // namespace pyjitvm::stdlib::np
