// vm/pyjitvm_detail.h — the embedding API's plumbing: values in transit (Slot), the
// conversion hooks and host-function adapters that vm/pyjitvm.h's templates expand to.
//
// Stage: included by vm/pyjitvm.h only (installed beside it as
// <pyjitvm/pyjitvm_detail.h>); nothing here is API: names may change.
//
// Invariants:
//   I1  Slot has the layout of the VM's 16-byte tagged value (checked by
//       vm/embed/embed_internal.h); an object in a Slot is not rooted, so a Slot lives
//       only while no Python code runs.
//   I2  HostFunctionOf converts every argument before calling the callable, and reports
//       the index of the argument that failed to convert (bad_arg).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace pyjitvm {

class VM;
class Handle;
class Error;

namespace detail {

struct VMImpl;

// A Python value in transit (the VM's 16-byte tagged value; vm/embed checks the layout).
// Objects in a Slot are not rooted: a Slot lives only while no Python code runs.
struct Slot {
  union {
    int64_t i;
    double f;
    bool b;
    void* o;
  } u{0};
  uint8_t tag = 0;  // kUndef, kNone, kBool, kInt, kFloat, kObj
};
inline constexpr uint8_t kUndef = 0, kNone = 1, kBool = 2, kInt = 3, kFloat = 4, kObj = 5;

inline Slot slot_int(int64_t i) {
  Slot s;
  s.u.i = i;
  s.tag = kInt;
  return s;
}
inline Slot slot_float(double f) {
  Slot s;
  s.u.f = f;
  s.tag = kFloat;
  return s;
}
inline Slot slot_bool(bool b) {
  Slot s;
  s.u.i = 0;
  s.u.b = b;
  s.tag = kBool;
  return s;
}
inline Slot slot_none() {
  Slot s;
  s.tag = kNone;
  return s;
}

// Out-of-line pieces (vm/embed/*.cpp). Functions that can fail throw Error.
Slot make_str(VMImpl& vm, std::string_view s);
Slot make_uint(VMImpl& vm, uint64_t v);
Slot make_list(VMImpl& vm, size_t n);  // n items, None
void list_set(VMImpl& vm, Slot list, size_t i, Slot v);
Slot make_tuple(VMImpl& vm, size_t n);
void tuple_set(VMImpl& vm, Slot tuple, size_t i, Slot v);
Slot make_dict(VMImpl& vm);
void dict_set(VMImpl& vm, Slot dict, Slot key, Slot v);
Slot handle_slot(const Handle& h);  // throws if h is empty or of another VM
VMImpl& impl_of(VM& vm);

// Conversions Python -> C++ that are not inline (all throw ConversionError on mismatch).
struct ConversionError {
  const char* expected;  // "int", "float", "str" ...
};
int64_t to_int_slow(VMImpl& vm, Slot s);
uint64_t to_uint(VMImpl& vm, Slot s);
double to_float_slow(VMImpl& vm, Slot s);
bool to_bool(VMImpl& vm, Slot s);
std::string to_string(VMImpl& vm, Slot s);
// Items of a list/tuple (any iterable) and of a dict, as Slots rooted until the
// callback returns (for_items calls fn for each item).
void for_items(VMImpl& vm, Slot seq, const std::function<void(Slot)>& fn);
void for_pairs(VMImpl& vm, Slot dict, const std::function<void(Slot, Slot)>& fn);
size_t tuple_size(VMImpl& vm, Slot s);  // throws ConversionError{"tuple"} if not a tuple
Slot tuple_get(VMImpl& vm, Slot s, size_t i);
Handle make_handle(VMImpl& vm, Slot s);

template <class T, class = void>
struct Convert;  // specialised below: static Slot to(VMImpl&, const T&); static T from(VMImpl&, Slot)

template <class T>
Slot to_slot(VMImpl& vm, const T& v) { return Convert<std::decay_t<T>>::to(vm, v); }
inline Slot to_slot(VMImpl& vm, const char* s) { return make_str(vm, s); }
template <class T>
T from_slot(VMImpl& vm, Slot s) { return Convert<std::decay_t<T>>::from(vm, s); }

// Calls `fn` with argv (throws Error). The result is valid until Python code runs again.
Slot call(VMImpl& vm, Slot fn, const Slot* argv, size_t argc);

// ---- host functions
struct HostFunction {
  virtual ~HostFunction() = default;
  // Converts the arguments, calls, converts the result; throws ConversionError (with
  // the argument index in `bad_arg`), Error or anything the callable throws.
  virtual Slot invoke(VMImpl& vm, const Slot* argv, size_t argc, size_t& bad_arg) = 0;
  size_t arity = 0;
};

template <class F, class R, class... A>
struct HostFunctionOf : HostFunction {
  explicit HostFunctionOf(F f) : fn(std::move(f)) { arity = sizeof...(A); }
  F fn;
  Slot invoke(VMImpl& vm, const Slot* argv, size_t argc, size_t& bad_arg) override {
    return invoke_impl(vm, argv, bad_arg, std::index_sequence_for<A...>{});
  }
  template <size_t I>
  static auto arg(VMImpl& vm, const Slot* argv, size_t& bad_arg) {
    bad_arg = I;
    return from_slot<std::tuple_element_t<I, std::tuple<std::decay_t<A>...>>>(vm, argv[I]);
  }
  template <size_t... I>
  Slot invoke_impl(VMImpl& vm, const Slot* argv, size_t& bad_arg, std::index_sequence<I...>) {
    // Arguments convert in order (braced init), before the call.
    (void)argv;
    std::tuple<std::decay_t<A>...> args{arg<I>(vm, argv, bad_arg)...};
    bad_arg = static_cast<size_t>(-1);
    if constexpr (std::is_void_v<R>) {
      std::apply(fn, std::move(args));
      return slot_none();
    } else {
      return to_slot(vm, std::apply(fn, std::move(args)));
    }
  }
};

template <class T>
struct Signature : Signature<decltype(&T::operator())> {};
template <class R, class... A>
struct Signature<R (*)(A...)> {
  using Ret = R;
  template <class F>
  static std::unique_ptr<HostFunction> make(F f) {
    return std::make_unique<HostFunctionOf<F, R, A...>>(std::move(f));
  }
};
template <class R, class... A>
struct Signature<R(A...)> : Signature<R (*)(A...)> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...) const> : Signature<R (*)(A...)> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...)> : Signature<R (*)(A...)> {};

}  // namespace detail

}  // namespace pyjitvm
