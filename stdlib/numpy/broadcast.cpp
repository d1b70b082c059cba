// stdlib/numpy/broadcast.cpp — broadcast shapes and MultiIter set-up (broadcast.h).
//
// Invariants: broadcast.h I1–I3.
#include "stdlib/numpy/broadcast.h"

#include <algorithm>

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

bool broadcast_shapes(std::span<const std::span<const int64_t>> shapes, std::vector<int64_t>& out) {
  size_t nd = 0;
  for (auto s : shapes) nd = std::max(nd, s.size());
  out.assign(nd, 1);
  for (auto s : shapes) {
    size_t off = nd - s.size();
    for (size_t i = 0; i < s.size(); ++i) {
      int64_t d = s[i];
      int64_t& o = out[off + i];
      if (d == o || d == 1) continue;
      if (o == 1) {
        o = d;
        continue;
      }
      return false;
    }
  }
  return true;
}

bool broadcast_arrays_shape(VM& vm, std::span<NDArray* const> arrays, std::vector<int64_t>& out) {
  std::vector<std::span<const int64_t>> shapes;
  shapes.reserve(arrays.size());
  for (NDArray* a : arrays) shapes.push_back(shape_of(a));
  if (broadcast_shapes(shapes, out)) return true;
  std::string msg = "operands could not be broadcast together with shapes ";
  for (NDArray* a : arrays) msg += shape_str_compact(shape_of(a)) + " ";
  vm.raise(vm.exc().ValueError, msg);
  return false;
}

bool broadcast_strides(const NDArray* a, std::span<const int64_t> shape, int64_t* out) {
  if (static_cast<size_t>(a->ndim) > shape.size()) return false;
  size_t off = shape.size() - a->ndim;
  for (size_t i = 0; i < off; ++i) out[i] = 0;
  for (int i = 0; i < a->ndim; ++i) {
    int64_t d = a->shape[i];
    if (d == shape[off + i]) out[off + i] = d == 1 ? 0 : a->strides[i];
    else if (d == 1) out[off + i] = 0;
    else return false;
  }
  return true;
}

MultiIter::MultiIter(std::span<const int64_t> shape, int nop, char* const* data,
                     const int64_t* const* op_strides) {
  init(shape, nop, data, op_strides);
}

MultiIter::MultiIter(std::span<const int64_t> shape, std::span<NDArray* const> ops) {
  int64_t st[kMaxOps][kMaxDims];
  const int64_t* sp[kMaxOps];
  char* data[kMaxOps];
  int nop = static_cast<int>(ops.size());
  for (int k = 0; k < nop; ++k) {
    broadcast_strides(ops[k], shape, st[k]);
    sp[k] = st[k];
    data[k] = ops[k]->data;
  }
  init(shape, nop, data, sp);
}

void MultiIter::init(std::span<const int64_t> shape, int nop, char* const* data,
                     const int64_t* const* op_strides) {
  nop_ = nop;
  for (int k = 0; k < nop; ++k) base_[k] = data[k];
  ndim_ = 0;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 0) empty_ = true;
    if (shape[i] == 1) continue;  // I1: length-1 dimensions never move
    // Merge with the previous kept dimension when every operand is contiguous across.
    if (ndim_ > 0) {
      bool merge = true;
      for (int k = 0; k < nop; ++k)
        if (strides_[k][ndim_ - 1] != op_strides[k][i] * shape[i]) {
          merge = false;
          break;
        }
      if (merge) {
        shape_[ndim_ - 1] *= shape[i];
        for (int k = 0; k < nop; ++k) strides_[k][ndim_ - 1] = op_strides[k][i];
        continue;
      }
    }
    shape_[ndim_] = shape[i];
    for (int k = 0; k < nop; ++k) strides_[k][ndim_] = op_strides[k][i];
    ++ndim_;
  }
  for (int k = 0; k < nop; ++k) inner_strides_[k] = ndim_ ? strides_[k][ndim_ - 1] : 0;
}

}  // namespace pyjitvm::stdlib::np
