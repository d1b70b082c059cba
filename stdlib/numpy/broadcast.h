// stdlib/numpy/broadcast.h — broadcasting and the strided multi-operand iterator that
// every element-wise kernel runs on.
//
// Stage: ufuncs, casts/copies, indexing assignment, reductions.
//
// MultiIter walks a broadcast shape in C order over up to kMaxOps operands and calls
// the kernel once per innermost run with NumPy's inner-loop signature:
//
//   iter.run([&](char** ptrs, const int64_t* strides, int64_t n) { ... });
//
// Invariants:
//   I1  Operand strides are 0 along broadcast dimensions; dimensions of length 1 are
//       dropped and adjacent dimensions are merged when every operand's strides allow
//       it, so contiguous operands give one call with n == size.
//   I2  A shape with a 0 dimension makes run() call nothing.
//   I3  Broadcast failures raise NumPy's ValueError text, e.g. "operands could not be
//       broadcast together with shapes (2,3) (4,) " (with NumPy's trailing space).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "stdlib/numpy/ndarray.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// The broadcast shape of `shapes`; false when they do not broadcast (no exception).
bool broadcast_shapes(std::span<const std::span<const int64_t>> shapes, std::vector<int64_t>& out);
// Same for arrays, raising I3's message on failure.
bool broadcast_arrays_shape(vm::VM& vm, std::span<NDArray* const> arrays, std::vector<int64_t>& out);
// Strides that make `a` look like it has `shape` (right-aligned; 0 where broadcast);
// false when it cannot.
bool broadcast_strides(const NDArray* a, std::span<const int64_t> shape, int64_t* out);

class MultiIter {
 public:
  static constexpr int kMaxOps = 8;

  // op_strides[k] has shape.size() entries: operand k's strides over `shape`.
  MultiIter(std::span<const int64_t> shape, int nop, char* const* data,
            const int64_t* const* op_strides);
  // Convenience: arrays broadcast to `shape` (the caller checked broadcastability).
  MultiIter(std::span<const int64_t> shape, std::span<NDArray* const> ops);

  template <class F>
  void run(F&& kernel) {
    if (empty_) return;
    char* ptrs[kMaxOps];
    if (ndim_ <= 1) {
      for (int k = 0; k < nop_; ++k) ptrs[k] = base_[k];
      kernel(ptrs, inner_strides_, ndim_ == 0 ? 1 : shape_[0]);
      return;
    }
    int64_t counter[kMaxDims] = {};
    const int outer = ndim_ - 1;
    const int64_t n = shape_[outer];
    for (int k = 0; k < nop_; ++k) ptrs[k] = base_[k];
    for (;;) {
      char* run_ptrs[kMaxOps];
      for (int k = 0; k < nop_; ++k) run_ptrs[k] = ptrs[k];
      kernel(run_ptrs, inner_strides_, n);
      int d = outer - 1;
      for (; d >= 0; --d) {
        if (++counter[d] < shape_[d]) {
          for (int k = 0; k < nop_; ++k) ptrs[k] += strides_[k][d];
          break;
        }
        counter[d] = 0;
        for (int k = 0; k < nop_; ++k) ptrs[k] -= strides_[k][d] * (shape_[d] - 1);
      }
      if (d < 0) return;
    }
  }

  int ndim() const { return ndim_; }            // after coalescing
  int64_t inner_size() const { return ndim_ == 0 ? 1 : shape_[ndim_ - 1]; }

 private:
  void init(std::span<const int64_t> shape, int nop, char* const* data,
            const int64_t* const* op_strides);

  int nop_ = 0;
  int ndim_ = 0;
  bool empty_ = false;
  int64_t shape_[kMaxDims];
  int64_t strides_[kMaxOps][kMaxDims];
  int64_t inner_strides_[kMaxOps];
  char* base_[kMaxOps];
};

}  // namespace pyjitvm::stdlib::np
