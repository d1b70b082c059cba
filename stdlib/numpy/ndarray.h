// stdlib/numpy/ndarray.h — the ndarray object: layout, allocation, views and flags.
//
// Stage: every numpy file; jit/ and gpu/ read NDArray fields directly (the layout is
// fixed by ../shared/ARCHITECTURE.md: data pointer, dtype, ndim, shape[], strides[] in
// bytes, flags, base).
//
//   NDArray (GC object, Kind::Other, type np.ndarray)
//   ┌──────────┬──────────────────────────────────────────────────────────────┐
//   │ Object   │ data │ shape* │ strides* │ size │ ndim │ dtype │ itemsize │  │
//   │ header   │ aflags │ base │ release │ release_ctx │ shape[ndim] strides[ndim]│
//   └──────────┴──────────────────────────────────────────────────────────────┘
//
// Invariants:
//   I1  `shape` and `strides` point at the object's own trailing storage (ndim entries
//       each); the header never moves (the GC is non-moving), so the pointers stay
//       valid for the object's life.
//   I2  size == product(shape); an array with size 0 may have data == a valid 64-byte
//       block that is never read.
//   I3  Memory ownership: exactly one of (a) kOwnData: `data` came from alloc_data()
//       (64-byte aligned, counted as external memory) and is freed by the finalizer;
//       (b) base != nullptr: a view, `base` is the array (or owner object) that owns the
//       memory — views of views point at the ultimate owner, as NumPy does; (c) release
//       != nullptr: an external buffer (embedding API) released by release(release_ctx)
//       when the array dies.
//   I4  aflags' contiguity bits are exact for the current shape/strides (update_flags()
//       after any change), with NumPy's rules: dimensions of length 1 never break
//       contiguity; an empty array is both C and F contiguous.
//   I5  Arrays are only created through new_array()/new_view(), which raise Python
//       exceptions (MemoryError, ValueError) and return nullptr rather than crash.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "stdlib/numpy/dtype.h"
#include "vm/object.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

inline constexpr int kMaxDims = 32;  // NumPy's NPY_MAXDIMS

enum ArrayFlags : uint32_t {
  kCContiguous = 1u << 0,
  kFContiguous = 1u << 1,
  kOwnData = 1u << 2,
  kWriteable = 1u << 3,
};

struct NDArray : vm::Object {
  char* data;
  int64_t* shape;    // ndim entries (I1)
  int64_t* strides;  // ndim entries, in bytes (I1)
  int64_t size;      // number of elements (I2)
  int32_t ndim;
  DType dtype;
  uint8_t reserved_ = 0;
  uint16_t itemsize;
  uint32_t aflags;
  vm::Object* base;                       // I3 (b)
  void (*release)(void* ctx);             // I3 (c)
  void* release_ctx;

  bool c_contiguous() const { return aflags & kCContiguous; }
  bool f_contiguous() const { return aflags & kFContiguous; }
  bool writeable() const { return aflags & kWriteable; }
  int64_t nbytes() const { return size * itemsize; }
  // Pointer to the element at a full index (no bounds checks).
  char* at(const int64_t* index) const {
    char* p = data;
    for (int i = 0; i < ndim; ++i) p += index[i] * strides[i];
    return p;
  }
  template <class T>
  T* typed() const { return reinterpret_cast<T*>(data); }
};

// ---- identification
bool is_ndarray(vm::VM& vm, vm::Value v);
inline NDArray* as_ndarray(vm::Value v) { return static_cast<NDArray*>(v.as_obj()); }

// ---- creation (I5). `order` 'C' or 'F'. Element memory is uninitialised except
// where said.
NDArray* new_array(vm::VM& vm, DType dtype, std::span<const int64_t> shape, char order = 'C');
NDArray* new_zeros(vm::VM& vm, DType dtype, std::span<const int64_t> shape, char order = 'C');
NDArray* new_array_like(vm::VM& vm, const NDArray* proto, DType dtype);  // same shape, C order
// A view of `owner`'s memory (owner: an ndarray, its base is followed to the owner of
// the memory). Writeable if owner is.
NDArray* new_view(vm::VM& vm, NDArray* owner, DType dtype, char* data,
                  std::span<const int64_t> shape, std::span<const int64_t> strides);
// Wraps an external buffer (embedding API, zero-copy); release(ctx) runs when the array
// is collected.
NDArray* new_external(vm::VM& vm, DType dtype, char* data, std::span<const int64_t> shape,
                      std::span<const int64_t> strides, void (*release)(void*), void* ctx);

// Recomputes the contiguity bits (I4).
void update_flags(NDArray* a);
// C-order strides for `shape` with elements of `itemsize` bytes.
void c_strides(std::span<const int64_t> shape, int64_t itemsize, int64_t* out);
void f_strides(std::span<const int64_t> shape, int64_t itemsize, int64_t* out);

// ---- small helpers
inline std::span<const int64_t> shape_of(const NDArray* a) { return {a->shape, static_cast<size_t>(a->ndim)}; }
inline std::span<const int64_t> strides_of(const NDArray* a) { return {a->strides, static_cast<size_t>(a->ndim)}; }
// "(2, 3)" / "(3,)" / "()" as NumPy prints shapes in messages and reprs.
std::string shape_str(std::span<const int64_t> shape);
// Same with no spaces, "(2,3)", as in broadcast error messages.
std::string shape_str_compact(std::span<const int64_t> shape);
// Product of a shape; false on int64 overflow.
bool shape_size(std::span<const int64_t> shape, int64_t& out);
// True when the memory ranges the two arrays can touch overlap.
bool may_share_memory(const NDArray* a, const NDArray* b);
// Raises ValueError "assignment destination is read-only" when not writeable.
bool check_writeable(vm::VM& vm, const NDArray* a);

}  // namespace pyjitvm::stdlib::np
