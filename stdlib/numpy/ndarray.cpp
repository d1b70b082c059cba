// stdlib/numpy/ndarray.cpp — allocation, views and flags of NDArray (ndarray.h).
//
// Invariants: ndarray.h I1–I5. Data buffers are 64-byte aligned, rounded up to a
// multiple of 64 bytes (at least 64) — 2 MiB for buffers of 4 MiB and more, which are
// advised to use huge pages — and counted as external heap memory.
#include "stdlib/numpy/ndarray.h"

#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <string>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "stdlib/numpy/state.h"
#include "vm/gc.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

constexpr size_t kAlign = 64;
// Buffers of 4 MiB and more are 2 MiB-aligned and advised to use transparent huge pages,
// as NumPy does on Linux: first-touch page faults become 512x rarer, which halves the
// time of a fresh 80 MB result (np.concatenate, a.copy(), a + b on 10^7 elements).
constexpr size_t kHugePageMin = size_t{1} << 22;
constexpr size_t kHugeAlign = size_t{1} << 21;

size_t buffer_align(size_t n) { return n >= kHugePageMin ? kHugeAlign : kAlign; }

size_t buffer_bytes(int64_t nbytes) {
  size_t n = nbytes <= 0 ? kAlign : static_cast<size_t>(nbytes);
  size_t align = buffer_align(n);
  return (n + align - 1) / align * align;
}

void array_finalize(Object* o, Heap& heap) {
  NDArray* a = static_cast<NDArray*>(o);
  if (a->aflags & kOwnData) {
    const size_t bytes = buffer_bytes(a->nbytes());
    heap.note_external_free(bytes);
    if (!heap.keep_buffer(a->data, bytes)) std::free(a->data);
  } else if (a->release) {
    a->release(a->release_ctx);
  }
  a->data = nullptr;
}

void array_trace(Object* o, GcTracer& t) { t.mark(static_cast<NDArray*>(o)->base); }

NDArray* alloc_header(VM& vm, int ndim) {
  NumpyState& st = state(vm);
  NDArray* a = vm.heap().make<NDArray>(st.ndarray, Kind::Other, 2 * sizeof(int64_t) * ndim);
  a->data = nullptr;
  int64_t* dims = reinterpret_cast<int64_t*>(a + 1);
  a->shape = dims;
  a->strides = dims + ndim;
  a->size = 0;
  a->ndim = ndim;
  a->dtype = DType::Float64;
  a->itemsize = 8;
  a->aflags = 0;
  a->base = nullptr;
  a->release = nullptr;
  a->release_ctx = nullptr;
  return a;
}

std::string format_bytes(double bytes) {
  // NumPy's _ArrayMemoryError formatting: 3 significant digits with binary units.
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int u = 0;
  while (bytes >= 1024 && u < 6) {
    bytes /= 1024;
    ++u;
  }
  char buf[64];
  if (u == 0) std::snprintf(buf, sizeof buf, "%.0f %s", bytes, units[u]);
  else std::snprintf(buf, sizeof buf, "%.3g %s", bytes, units[u]);
  return buf;
}

}  // namespace

// Registered by numpy_module.cpp on the ndarray type.
void ndarray_set_memory_slots(Type* t) {
  t->slots.trace = array_trace;
  t->slots.finalize = array_finalize;
}

bool is_ndarray(VM& vm, Value v) {
  if (!v.is_obj()) return false;
  Object* s = vm.ext_slot(kExtNumpy);
  return s && v.as_obj()->type == static_cast<NumpyState*>(s)->ndarray;
}

void c_strides(std::span<const int64_t> shape, int64_t itemsize, int64_t* out) {
  int64_t s = itemsize;
  for (size_t i = shape.size(); i > 0; --i) {
    out[i - 1] = s;
    s *= shape[i - 1] > 0 ? shape[i - 1] : 1;
  }
}

void f_strides(std::span<const int64_t> shape, int64_t itemsize, int64_t* out) {
  int64_t s = itemsize;
  for (size_t i = 0; i < shape.size(); ++i) {
    out[i] = s;
    s *= shape[i] > 0 ? shape[i] : 1;
  }
}

bool shape_size(std::span<const int64_t> shape, int64_t& out) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0) return false;
    if (d != 0 && n > INT64_MAX / d) {
      // keep scanning for a zero dimension, which makes the product 0
      for (int64_t e : shape)
        if (e == 0) {
          out = 0;
          return true;
        }
      return false;
    }
    n *= d;
  }
  out = n;
  return true;
}

void update_flags(NDArray* a) {
  uint32_t f = a->aflags & ~(kCContiguous | kFContiguous);
  if (a->size == 0) {
    a->aflags = f | kCContiguous | kFContiguous;
    return;
  }
  bool c = true;
  int64_t s = a->itemsize;
  for (int i = a->ndim - 1; i >= 0; --i) {
    if (a->shape[i] == 1) continue;
    if (a->strides[i] != s) {
      c = false;
      break;
    }
    s *= a->shape[i];
  }
  bool fc = true;
  s = a->itemsize;
  for (int i = 0; i < a->ndim; ++i) {
    if (a->shape[i] == 1) continue;
    if (a->strides[i] != s) {
      fc = false;
      break;
    }
    s *= a->shape[i];
  }
  a->aflags = f | (c ? uint32_t{kCContiguous} : 0u) | (fc ? uint32_t{kFContiguous} : 0u);
}

NDArray* new_array(VM& vm, DType dtype, std::span<const int64_t> shape, char order) {
  if (shape.size() > static_cast<size_t>(kMaxDims)) {
    vm.raise_fmt(vm.exc().ValueError, "maximum supported dimension for an ndarray is %d, found %zu",
                 kMaxDims, shape.size());
    return nullptr;
  }
  for (int64_t d : shape) {
    if (d < 0) {
      vm.raise(vm.exc().ValueError, "negative dimensions are not allowed");
      return nullptr;
    }
  }
  int64_t size;
  int isz = itemsize(dtype);
  if (!shape_size(shape, size) || size > INT64_MAX / isz) {
    vm.raise(vm.exc().ValueError, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    return nullptr;
  }
  int64_t nbytes = size * isz;
  size_t bytes = buffer_bytes(nbytes);
  // Over the VM's memory cap (embedding API, gc.h I6) it fails like a failed malloc.
  const bool allowed = nbytes <= (int64_t{1} << 46) && !vm.heap().would_exceed(bytes);
  void* mem = allowed ? vm.heap().take_cached_buffer(bytes) : nullptr;
  const bool fresh = !mem;
  if (fresh && allowed) mem = std::aligned_alloc(buffer_align(bytes), bytes);
  if (!mem) {
    vm.raise_fmt(vm.exc().MemoryError, "Unable to allocate %s for an array with shape %s and data type %s",
                 format_bytes(static_cast<double>(nbytes)).c_str(), shape_str(shape).c_str(),
                 std::string(dtype_name(dtype)).c_str());
    return nullptr;
  }
  if (fresh && bytes >= kHugePageMin) madvise(mem, bytes, MADV_HUGEPAGE);  // as NumPy does on Linux
  vm.heap().note_external_alloc(bytes);
  NDArray* a = alloc_header(vm, static_cast<int>(shape.size()));
  a->data = static_cast<char*>(mem);
  a->dtype = dtype;
  a->itemsize = static_cast<uint16_t>(isz);
  a->size = size;
  for (size_t i = 0; i < shape.size(); ++i) a->shape[i] = shape[i];
  if (size == 0) {
    // NumPy gives freshly allocated empty arrays all-zero strides (np.zeros((0, 2))
    // has strides (0, 0)); views of them keep the strides they are given.
    for (size_t i = 0; i < shape.size(); ++i) a->strides[i] = 0;
  } else if (order == 'F') {
    f_strides(shape, isz, a->strides);
  } else {
    c_strides(shape, isz, a->strides);
  }
  a->aflags = kOwnData | kWriteable;
  update_flags(a);
  return a;
}

NDArray* new_zeros(VM& vm, DType dtype, std::span<const int64_t> shape, char order) {
  NDArray* a = new_array(vm, dtype, shape, order);
  if (a) std::memset(a->data, 0, static_cast<size_t>(a->nbytes()));
  return a;
}

NDArray* new_array_like(VM& vm, const NDArray* proto, DType dtype) {
  return new_array(vm, dtype, shape_of(proto));
}

NDArray* new_view(VM& vm, NDArray* owner, DType dtype, char* data, std::span<const int64_t> shape,
                  std::span<const int64_t> strides) {
  if (shape.size() > static_cast<size_t>(kMaxDims)) {
    vm.raise_fmt(vm.exc().ValueError, "maximum supported dimension for an ndarray is %d, found %zu",
                 kMaxDims, shape.size());
    return nullptr;
  }
  Object* mem_owner = owner;
  if (!(owner->aflags & kOwnData) && owner->base) mem_owner = owner->base;
  VM::TempRoot keep(vm, owner);
  NDArray* a = alloc_header(vm, static_cast<int>(shape.size()));
  a->data = data;
  a->dtype = dtype;
  a->itemsize = static_cast<uint16_t>(itemsize(dtype));
  int64_t size = 1;
  for (size_t i = 0; i < shape.size(); ++i) {
    a->shape[i] = shape[i];
    a->strides[i] = strides[i];
    size *= shape[i];
  }
  a->size = size;
  a->base = mem_owner;
  a->aflags = owner->aflags & kWriteable;
  update_flags(a);
  return a;
}

NDArray* new_external(VM& vm, DType dtype, char* data, std::span<const int64_t> shape,
                      std::span<const int64_t> strides, void (*release)(void*), void* ctx) {
  if (shape.size() > static_cast<size_t>(kMaxDims)) {
    vm.raise(vm.exc().ValueError, "too many dimensions");
    return nullptr;
  }
  NDArray* a = alloc_header(vm, static_cast<int>(shape.size()));
  a->data = data;
  a->dtype = dtype;
  a->itemsize = static_cast<uint16_t>(itemsize(dtype));
  int64_t size = 1;
  for (size_t i = 0; i < shape.size(); ++i) {
    a->shape[i] = shape[i];
    a->strides[i] = strides[i];
    size *= shape[i];
  }
  a->size = size;
  a->release = release;
  a->release_ctx = ctx;
  a->aflags = kWriteable;
  update_flags(a);
  return a;
}

std::string shape_str(std::span<const int64_t> shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  if (shape.size() == 1) s += ",";
  return s + ")";
}

std::string shape_str_compact(std::span<const int64_t> shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ",";
    s += std::to_string(shape[i]);
  }
  if (shape.size() == 1) s += ",";
  return s + ")";
}

namespace {
void extent(const NDArray* a, const char*& lo, const char*& hi) {
  lo = hi = a->data;
  if (a->size == 0) return;
  for (int i = 0; i < a->ndim; ++i) {
    int64_t span = (a->shape[i] - 1) * a->strides[i];
    if (span < 0) lo += span;
    else hi += span;
  }
  hi += a->itemsize;
}
}  // namespace

bool may_share_memory(const NDArray* a, const NDArray* b) {
  if (a->size == 0 || b->size == 0) return false;
  const char *alo, *ahi, *blo, *bhi;
  extent(a, alo, ahi);
  extent(b, blo, bhi);
  return alo < bhi && blo < ahi;
}

bool check_writeable(VM& vm, const NDArray* a) {
  if (a->writeable()) return true;
  vm.raise(vm.exc().ValueError, "assignment destination is read-only");
  return false;
}

}  // namespace pyjitvm::stdlib::np
