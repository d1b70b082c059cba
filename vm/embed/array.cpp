// vm/embed/array.cpp — zero-copy arrays between the host and scripts, and @cfunc
// pointers.
//
// Stage: VM::wrap_array → np::new_external (an ndarray over host memory, ndarray.h
// I3(c)); Handle::array → the NDArray's fields as an ArrayView; VM::cfunc → the cfunc
// object's `address`.
//
// Invariants:
//   I1  pyjitvm::DType and np::DType list the same types in the same order (checked
//       by static_asserts below), so conversion is a cast.
//   I2  The release callback is a heap-allocated std::function owned by the array: it
//       runs and is deleted exactly once, from the array's finalizer (a collection or
//       the VM's destruction); an exception it throws is swallowed.
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/state.h"
#include "vm/embed/embed_internal.h"
#include "vm/ops.h"

namespace pyjitvm {

using vm::Value;
namespace np = stdlib::np;

static_assert(static_cast<int>(DType::kBool) == static_cast<int>(np::DType::Bool));
static_assert(static_cast<int>(DType::kInt64) == static_cast<int>(np::DType::Int64));
static_assert(static_cast<int>(DType::kUInt64) == static_cast<int>(np::DType::UInt64));
static_assert(static_cast<int>(DType::kFloat64) == static_cast<int>(np::DType::Float64));
static_assert(static_cast<int>(DType::kComplex128) == static_cast<int>(np::DType::Complex128));

namespace {

void release_trampoline(void* ctx) {  // I2
  auto* fn = static_cast<std::function<void()>*>(ctx);
  try {
    (*fn)();
  } catch (...) {
  }
  delete fn;
}

}  // namespace

Handle VM::wrap_array(void* data, DType dtype, std::span<const int64_t> shape,
                      std::span<const int64_t> strides, std::function<void()> release,
                      bool writeable) {
  vm::VM& V = *impl_->vm;
  if (!np::ensure_numpy(V)) impl_->throw_pending();
  auto nd = static_cast<np::DType>(dtype);
  std::vector<int64_t> st(shape.size());
  if (strides.empty()) {
    np::c_strides(shape, np::itemsize(nd), st.data());
  } else if (strides.size() != shape.size()) {
    throw Error("ValueError", "wrap_array: strides and shape differ in length");
  } else {
    st.assign(strides.begin(), strides.end());
  }
  for (int64_t d : shape)
    if (d < 0) throw Error("ValueError", "negative dimensions are not allowed");
  auto* ctx = release ? new std::function<void()>(std::move(release)) : nullptr;
  np::NDArray* a = np::new_external(V, nd, static_cast<char*>(data), shape, st,
                                    ctx ? release_trampoline : nullptr, ctx);
  if (!a) {
    delete ctx;
    impl_->throw_pending();
  }
  if (!writeable) a->aflags &= ~np::kWriteable;
  return detail::make_handle(*impl_, detail::to_slot_raw(Value::from_obj(a)));
}

ArrayView Handle::array() const {
  vm::VM& V = *vm_->vm;
  Value v = detail::to_value(get());
  if (!np::is_ndarray(V, v))
    throw Error("TypeError", std::string("expected numpy.ndarray, got ") + vm::type_name(V, v));
  np::NDArray* a = np::as_ndarray(v);
  ArrayView out;
  out.data = a->data;
  out.dtype = static_cast<DType>(a->dtype);
  out.itemsize = a->itemsize;
  out.shape.assign(a->shape, a->shape + a->ndim);
  out.strides.assign(a->strides, a->strides + a->ndim);
  out.writeable = a->writeable();
  out.c_contiguous = a->c_contiguous();
  return out;
}

uintptr_t VM::cfunc_address(std::string_view name) {
  Handle f = global(name);
  Handle addr = f.attr("address");
  return static_cast<uintptr_t>(addr.as<uint64_t>());
}

}  // namespace pyjitvm
