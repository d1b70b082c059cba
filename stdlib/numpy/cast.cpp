// stdlib/numpy/cast.cpp — cast loops, array copies and fills (cast.h).
//
// Invariants: cast.h I1–I3. Same-dtype contiguous copies are memcpy; every other loop
// is a template instance per (from, to) pair, written so the compiler vectorises the
// contiguous case.
#include "stdlib/numpy/cast.h"

#include <cstring>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/scalar.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

template <class From, class To>
void cast_impl(const char* src, int64_t ss, char* dst, int64_t ds, int64_t n) {
  if (ss == sizeof(From) && ds == sizeof(To)) {
    const From* s = reinterpret_cast<const From*>(src);
    To* d = reinterpret_cast<To*>(dst);
    if constexpr (std::is_same_v<From, To>) {
      std::memmove(d, s, static_cast<size_t>(n) * sizeof(To));
    } else {
      for (int64_t i = 0; i < n; ++i) d[i] = convert_element<To>(s[i]);
    }
    return;
  }
  for (int64_t i = 0; i < n; ++i, src += ss, dst += ds) {
    From v;
    std::memcpy(&v, src, sizeof(From));
    To r = convert_element<To>(v);
    std::memcpy(dst, &r, sizeof(To));
  }
}

// bool elements must read as 0/1 even if a byte holds another value (from a view of
// a uint8 array reinterpreted, which pyjitvm does not create, but be safe).
struct CastTable {
  CastLoop loops[kNumDTypes][kNumDTypes];
  CastTable() {
    for (int f = 0; f < kNumDTypes; ++f)
      for (int t = 0; t < kNumDTypes; ++t)
        loops[f][t] = visit_dtype(static_cast<DType>(f), [&]<class From>() {
          return visit_dtype(static_cast<DType>(t), [&]<class To>() -> CastLoop {
            return &cast_impl<From, To>;
          });
        });
  }
};

const CastTable kCasts;  // immutable after static initialisation

}  // namespace

CastLoop cast_loop(DType from, DType to) {
  return kCasts.loops[static_cast<int>(from)][static_cast<int>(to)];
}

bool copy_into(VM& vm, NDArray* dst, NDArray* src) {
  if (!check_writeable(vm, dst)) return false;
  int64_t sst[kMaxDims];
  if (!broadcast_strides(src, shape_of(dst), sst)) {
    vm.raise_fmt(vm.exc().ValueError, "could not broadcast input array from shape %s into shape %s",
                 shape_str_compact(shape_of(src)).c_str(), shape_str_compact(shape_of(dst)).c_str());
    return false;
  }
  if (dst->size == 0) return true;
  VM::TempRoot keep_src(vm, src);
  NDArray* from = src;
  if (src != dst && may_share_memory(dst, src)) {
    bool same = src->data == dst->data && src->ndim == dst->ndim && src->dtype == dst->dtype;
    for (int i = 0; same && i < dst->ndim; ++i)
      same = src->strides[i] == dst->strides[i] && src->shape[i] == dst->shape[i];
    if (same) return true;  // an array copied onto itself (a[:] = a)
    from = copy_array(vm, src, src->dtype);  // I2: read everything before writing
    if (!from) return false;
    keep_src.set(Value::from_obj(from));
    broadcast_strides(from, shape_of(dst), sst);
  }
  CastLoop loop = cast_loop(from->dtype, dst->dtype);
  char* data[2] = {from->data, dst->data};
  const int64_t* strides[2] = {sst, dst->strides};
  MultiIter it(shape_of(dst), 2, data, strides);
  it.run([&](char** p, const int64_t* s, int64_t n) { loop(p[0], s[0], p[1], s[1], n); });
  return true;
}

NDArray* copy_array(VM& vm, NDArray* a, DType dtype, char order) {
  char o = order;
  if (o == 'K' || o == 'A') o = (a->f_contiguous() && !a->c_contiguous()) ? 'F' : 'C';
  VM::TempRoot keep(vm, a);
  NDArray* r = new_array(vm, dtype, shape_of(a), o);
  if (!r) return nullptr;
  if (a->size == 0) return r;
  CastLoop loop = cast_loop(a->dtype, dtype);
  char* data[2] = {a->data, r->data};
  const int64_t* strides[2] = {a->strides, r->strides};
  MultiIter it(shape_of(a), 2, data, strides);
  it.run([&](char** p, const int64_t* s, int64_t n) { loop(p[0], s[0], p[1], s[1], n); });
  return r;
}

NDArray* as_contiguous(VM& vm, NDArray* a, DType dtype) {
  if (a->dtype == dtype && a->c_contiguous()) return a;
  return copy_array(vm, a, dtype, 'C');
}

namespace {

struct Elem16 {
  uint64_t lo, hi;
};

// One run of a fill: element-sized stores (a plain loop the compiler vectorises when
// contiguous), never a per-element memcpy call.
template <class W>
void fill_run(char* q, int64_t stride, int64_t n, const unsigned char* elem) {
  W w;
  std::memcpy(&w, elem, sizeof(W));
  if (stride == static_cast<int64_t>(sizeof(W))) {
    W* d = reinterpret_cast<W*>(q);
    for (int64_t i = 0; i < n; ++i) d[i] = w;
    return;
  }
  for (int64_t i = 0; i < n; ++i, q += stride) std::memcpy(q, &w, sizeof(W));
}

}  // namespace

bool fill_scalar(VM& vm, NDArray* dst, Value v) {
  if (!check_writeable(vm, dst)) return false;
  alignas(16) unsigned char elem[16];
  if (!store_value(vm, dst->dtype, elem, v)) return false;
  if (dst->size == 0) return true;
  const int isz = dst->itemsize;
  char* data[1] = {dst->data};
  const int64_t* strides[1] = {dst->strides};
  MultiIter it(shape_of(dst), 1, data, strides);
  it.run([&](char** p, const int64_t* s, int64_t n) {
    switch (isz) {
      case 1: fill_run<uint8_t>(p[0], s[0], n, elem); break;
      case 2: fill_run<uint16_t>(p[0], s[0], n, elem); break;
      case 4: fill_run<uint32_t>(p[0], s[0], n, elem); break;
      case 8: fill_run<uint64_t>(p[0], s[0], n, elem); break;
      default: fill_run<Elem16>(p[0], s[0], n, elem); break;
    }
  });
  return true;
}

}  // namespace pyjitvm::stdlib::np
