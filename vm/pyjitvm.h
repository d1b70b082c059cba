// vm/pyjitvm.h — the embedding API: run pyjitvm scripts inside a C++ application.
//
// Stage: installed as <pyjitvm/pyjitvm.h> (with pyjitvm_detail.h); implemented in
// vm/embed/ (the only layer that sees vm/, stdlib/ and jit/ together). No internal
// header is included here.
//
//   pyjitvm::VM vm;                                   // stdlib + JIT, like `pyjitvm`
//   vm.exec("def f(x, y):\n    return x * y + 1\n");
//   auto f = vm.function("f");                        // look the name up once
//   double r = f.call<double>(2, 3.5);                // 8.0
//   vm.def("host_add", [](int64_t a, int64_t b) { return a + b; });
//   int64_t s = vm.eval<int64_t>("host_add(1, 2)");  // 3
//   try { vm.exec("1/0"); } catch (const pyjitvm::Error& e) { e.traceback(); }
//
// Invariants:
//   I1  A script error never escapes as anything but pyjitvm::Error (type, message,
//       CPython-format traceback); a C++ exception thrown by a host function becomes a
//       Python exception in the script (Error keeps its type name, std::bad_alloc ->
//       MemoryError, std::invalid_argument -> ValueError, std::out_of_range ->
//       IndexError, anything else -> RuntimeError). Nothing aborts the host.
//   I2  A Handle (and Function) roots its object in its VM until it is destroyed; it
//       must not outlive the VM. Copies are independent roots.
//   I3  A VM is used by one thread at a time; different VMs are independent and may run
//       concurrently on different threads. VM::interrupt() alone may be called from any
//       thread.
//   I4  Host memory wrapped with wrap_array() is never copied; the release callback
//       runs once, when the array object is collected or the VM is destroyed.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyjitvm_detail.h"  // values in transit, host-function adapters

namespace pyjitvm {

class VM;
class Handle;

// ---------------------------------------------------------------- errors
// A Python exception seen from C++ (I1). Host functions may also throw it to raise a
// Python exception of a given builtin type: throw pyjitvm::Error("ValueError", "bad").
class Error : public std::exception {
 public:
  Error(std::string type, std::string message, std::string traceback = {},
        std::vector<std::string> bases = {});
  const char* what() const noexcept override { return what_.c_str(); }
  const std::string& type() const { return type_; }        // "ZeroDivisionError"
  const std::string& message() const { return message_; }  // "division by zero"
  // The whole report as CPython prints it ("Traceback (most recent call last):" ...).
  const std::string& traceback() const { return traceback_; }
  // True if the exception's class or one of its bases has this name ("OSError").
  bool is(std::string_view type_name) const;

 private:
  std::string type_, message_, traceback_, what_;
  std::vector<std::string> bases_;
};

// ---------------------------------------------------------------- options
// What a stopped script raises (time budget, interrupt(), interrupt callback).
enum class StopError {
  kBudgetExceeded,     // pyjitvm.BudgetExceeded (a BaseException: `except Exception`
                       // in the script does not swallow it)
  kTimeoutError,       // the builtin TimeoutError
  kKeyboardInterrupt,  // as Ctrl-C
};

struct Options {
  // JIT (as the pyjitvm command's --jit options).
  bool jit = true;
  int jit_threshold = -1;  // loop back-edges before compiling; -1: default
  bool jit_log = false;
  // Limits (I3). time_limit applies to each exec/eval/call from the host; 0: none.
  std::chrono::milliseconds time_limit{0};
  // Polled about every check_interval on the VM's thread while a script runs; return
  // true to stop the script.
  std::function<bool()> interrupt_callback;
  std::chrono::milliseconds check_interval{10};
  StopError stop_error = StopError::kBudgetExceeded;
  uint64_t memory_limit = 0;  // bytes of heap objects + array buffers; 0: none
  // Sandbox: no open()/input(), no file/process access, no imports of .py files or of
  // ctypes/os-like modules, no numba.cfunc (libffi), no sys.stdin; sys.exit raises
  // SystemExit (as always: it never terminates the host).
  bool sandbox = false;
  // Interpreter.
  int recursion_limit = 1000;
  bool gc_stress = false;                // collect at every safepoint (tests)
  std::vector<std::string> argv;         // sys.argv
  std::vector<std::string> module_path;  // folders searched for `import x` (x.py)
  // Script output; default: the process's stdout/stderr.
  std::function<void(std::string_view)> on_stdout, on_stderr;
};

enum class DType : uint8_t {
  kBool, kInt8, kInt16, kInt32, kInt64, kUInt8, kUInt16, kUInt32, kUInt64,
  kFloat32, kFloat64, kComplex128,
};

// An ndarray's memory seen from C++ (no copy). Valid while a Handle to the array lives.
struct ArrayView {
  void* data = nullptr;
  DType dtype = DType::kFloat64;
  size_t itemsize = 0;
  std::vector<int64_t> shape;
  std::vector<int64_t> strides;  // bytes
  bool writeable = false;
  bool c_contiguous = false;
  int64_t size() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
  }
  template <class T>
  T* as() const { return static_cast<T*>(data); }
};

// ---------------------------------------------------------------- handles
// A rooted reference to a Python object (I2).
class Handle {
 public:
  Handle() = default;
  Handle(const Handle& o);
  Handle(Handle&& o) noexcept : vm_(o.vm_), slot_(o.slot_) { o.vm_ = nullptr; }
  Handle& operator=(const Handle& o);
  Handle& operator=(Handle&& o) noexcept;
  ~Handle() { reset(); }
  void reset();

  explicit operator bool() const { return vm_ != nullptr; }
  bool is_none() const;
  std::string type_name() const;  // "list"
  std::string repr() const;
  std::string str() const;
  Handle attr(std::string_view name) const;
  void set_attr(std::string_view name, const Handle& v);
  template <class T>
  void set_attr(std::string_view name, const T& v) {
    set_attr(name, detail::make_handle(*vm_, detail::to_slot(*vm_, v)));
  }
  template <class K>
  Handle item(const K& key) const {
    return item_slot(detail::to_slot(*vm_, key));
  }
  // Converts to a C++ value (bool, integers, double, std::string, std::vector, std::map,
  // std::tuple, Handle); throws Error (TypeError) on mismatch.
  template <class T>
  T as() const;
  // The array's memory (no copy); throws Error (TypeError) if this is not an ndarray.
  ArrayView array() const;
  // Calls the object; R defaults to Handle.
  template <class R = Handle, class... A>
  R call(const A&... args) const;
  template <class... A>
  Handle operator()(const A&... args) const { return call<Handle>(args...); }

 private:
  friend struct detail::VMImpl;
  friend class Module;
  friend Handle detail::make_handle(detail::VMImpl&, detail::Slot);
  friend detail::Slot detail::handle_slot(const Handle&);
  Handle item_slot(detail::Slot key) const;
  detail::Slot get() const;
  detail::VMImpl* vm_ = nullptr;
  uint32_t slot_ = 0;
};

// A callable looked up once (the fast path: no name lookup per call).
using Function = Handle;

// ---------------------------------------------------------------- modules
// A native module built from C++ and importable by scripts (`import name`).
class Module {
 public:
  template <class F>
  Module& def(std::string_view name, F fn) {
    add_function(name, detail::Signature<F>::make(std::move(fn)));
    return *this;
  }
  template <class T>
  Module& set(std::string_view name, const T& v) {
    handle_.set_attr(name, v);
    return *this;
  }
  const Handle& handle() const { return handle_; }

 private:
  friend class VM;
  void add_function(std::string_view name, std::unique_ptr<detail::HostFunction> fn);
  Handle handle_;
};

// ---------------------------------------------------------------- the VM
class VM {
 public:
  explicit VM(Options options = {});
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  // Runs source as (part of) the __main__ module. Throws Error (SyntaxError too).
  void exec(std::string_view source, std::string_view filename = "<embed>");
  void exec_file(const std::string& path);
  // Evaluates one expression in __main__'s namespace.
  Handle eval(std::string_view expr);
  template <class T>
  T eval(std::string_view expr) { return eval(expr).as<T>(); }

  // __main__ globals. global() throws Error (NameError) when missing.
  Handle global(std::string_view name);
  template <class T>
  T global(std::string_view name) { return global(name).as<T>(); }
  template <class T>
  void set_global(std::string_view name, const T& v) {
    set_global_slot(name, detail::to_slot(*impl_, v));
  }
  bool has_global(std::string_view name);

  // Looks `name` up once; call it many times (f.call<double>(1, 2.0)).
  Function function(std::string_view name) { return global(name); }
  template <class R = Handle, class... A>
  R call(std::string_view name, const A&... args) {
    return global(name).call<R>(args...);
  }

  // Host functions: a lambda, function pointer or std::function, callable from
  // scripts as a builtin (visible in every module). Arguments convert as Handle::as;
  // a mismatch raises TypeError in the script.
  template <class F>
  void def(std::string_view name, F fn) {
    add_builtin(name, detail::Signature<F>::make(std::move(fn)));
  }
  // A member function bound to an object the host keeps alive.
  template <class C, class R, class... A>
  void def(std::string_view name, R (C::*method)(A...), C* obj) {
    def(name, std::function<R(A...)>([obj, method](A... a) { return (obj->*method)(a...); }));
  }
  // A module scripts can import; fill it with def()/set().
  Module module(std::string_view name);
  // A C function given by address and signature "d(dd)" / "i(ii)" / "v(p)": return
  // type, then argument types in parentheses (v void, b bool, i int32, l int64,
  // f float, d double, p pointer as int). Calls go through libffi.
  void def_c(std::string_view name, void* fn, std::string_view signature);

  // Arrays (I4). strides in bytes, empty: C-contiguous. release: called once when the
  // array dies (empty: a non-owning view: the host keeps the memory alive for as long
  // as the script may use it).
  Handle wrap_array(void* data, DType dtype, std::span<const int64_t> shape,
                    std::span<const int64_t> strides = {}, std::function<void()> release = {},
                    bool writeable = true);
  template <class T>
  Handle wrap_array(T* data, std::span<const int64_t> shape,
                    std::function<void()> release = {});

  // A script's @cfunc as a typed C function pointer (it stays valid while the cfunc
  // object lives: keep a Handle to it, e.g. the global).
  template <class Sig>
  Sig* cfunc(std::string_view name) {
    return reinterpret_cast<Sig*>(cfunc_address(name));
  }

  // Stops the running script at its next poll point (loop back-edge or call, also
  // inside JIT-compiled loops) with the configured StopError. Any thread (I3).
  void interrupt();
  // Runs a collection now (tests, or to release wrapped arrays early).
  void collect();
  uint64_t memory_in_use() const;

  detail::VMImpl& impl() { return *impl_; }

 private:
  void add_builtin(std::string_view name, std::unique_ptr<detail::HostFunction> fn);
  void set_global_slot(std::string_view name, detail::Slot v);
  uintptr_t cfunc_address(std::string_view name);
  std::unique_ptr<detail::VMImpl> impl_;
};

// ---------------------------------------------------------------- templates
namespace detail {

template <class T>
struct Convert<T, std::enable_if_t<std::is_same_v<T, bool>>> {
  static Slot to(VMImpl&, bool v) { return slot_bool(v); }
  static bool from(VMImpl& vm, Slot s) { return s.tag == kBool ? s.u.b : to_bool(vm, s); }
};
template <class T>
struct Convert<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static Slot to(VMImpl& vm, T v) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= 8)
      return v > static_cast<uint64_t>(INT64_MAX) ? make_uint(vm, v) : slot_int(static_cast<int64_t>(v));
    else
      return slot_int(static_cast<int64_t>(v));
  }
  static T from(VMImpl& vm, Slot s) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= 8) {
      return static_cast<T>(to_uint(vm, s));
    } else {
      int64_t i = s.tag == kInt ? s.u.i : to_int_slow(vm, s);
      if (static_cast<int64_t>(static_cast<T>(i)) != i) throw ConversionError{"int (in range)"};
      return static_cast<T>(i);
    }
  }
};
template <class T>
struct Convert<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static Slot to(VMImpl&, T v) { return slot_float(static_cast<double>(v)); }
  static T from(VMImpl& vm, Slot s) {
    if (s.tag == kFloat) return static_cast<T>(s.u.f);
    if (s.tag == kInt) return static_cast<T>(s.u.i);
    return static_cast<T>(to_float_slow(vm, s));
  }
};
template <>
struct Convert<std::string> {
  static Slot to(VMImpl& vm, const std::string& v) { return make_str(vm, v); }
  static std::string from(VMImpl& vm, Slot s) { return to_string(vm, s); }
};
template <>
struct Convert<std::string_view> {
  static Slot to(VMImpl& vm, std::string_view v) { return make_str(vm, v); }
};
template <>
struct Convert<const char*> {
  static Slot to(VMImpl& vm, const char* v) { return make_str(vm, v); }
};
template <>
struct Convert<char*> {
  static Slot to(VMImpl& vm, const char* v) { return make_str(vm, v); }
};
template <>
struct Convert<std::nullptr_t> {
  static Slot to(VMImpl&, std::nullptr_t) { return slot_none(); }
};
template <>
struct Convert<Handle> {
  static Slot to(VMImpl&, const Handle& h) { return handle_slot(h); }
  static Handle from(VMImpl& vm, Slot s) { return make_handle(vm, s); }
};
template <class T>
struct Convert<std::vector<T>> {
  static Slot to(VMImpl& vm, const std::vector<T>& v) {
    Slot l = make_list(vm, v.size());
    for (size_t i = 0; i < v.size(); ++i) list_set(vm, l, i, to_slot(vm, v[i]));
    return l;
  }
  static std::vector<T> from(VMImpl& vm, Slot s) {
    std::vector<T> out;
    for_items(vm, s, [&](Slot item) { out.push_back(from_slot<T>(vm, item)); });
    return out;
  }
};
template <class K, class V>
struct Convert<std::map<K, V>> {
  static Slot to(VMImpl& vm, const std::map<K, V>& m) {
    Slot d = make_dict(vm);
    for (const auto& [k, v] : m) dict_set(vm, d, to_slot(vm, k), to_slot(vm, v));
    return d;
  }
  static std::map<K, V> from(VMImpl& vm, Slot s) {
    std::map<K, V> out;
    for_pairs(vm, s, [&](Slot k, Slot v) { out.emplace(from_slot<K>(vm, k), from_slot<V>(vm, v)); });
    return out;
  }
};
template <class... T>
struct Convert<std::tuple<T...>> {
  static Slot to(VMImpl& vm, const std::tuple<T...>& t) {
    Slot r = make_tuple(vm, sizeof...(T));
    size_t i = 0;
    std::apply([&](const auto&... x) { (tuple_set(vm, r, i++, to_slot(vm, x)), ...); }, t);
    return r;
  }
  static std::tuple<T...> from(VMImpl& vm, Slot s) {
    if (tuple_size(vm, s) != sizeof...(T)) throw ConversionError{"tuple (of the right length)"};
    return from_impl(vm, s, std::index_sequence_for<T...>{});
  }
  template <size_t... I>
  static std::tuple<T...> from_impl(VMImpl& vm, Slot s, std::index_sequence<I...>) {
    return std::tuple<T...>{from_slot<T>(vm, tuple_get(vm, s, I))...};
  }
};
template <class A, class B>
struct Convert<std::pair<A, B>> {
  static Slot to(VMImpl& vm, const std::pair<A, B>& p) {
    return Convert<std::tuple<A, B>>::to(vm, std::tuple<A, B>(p.first, p.second));
  }
  static std::pair<A, B> from(VMImpl& vm, Slot s) {
    auto t = Convert<std::tuple<A, B>>::from(vm, s);
    return {std::get<0>(t), std::get<1>(t)};
  }
};

template <class T>
constexpr DType dtype_of() {
  if constexpr (std::is_same_v<T, double>) return DType::kFloat64;
  else if constexpr (std::is_same_v<T, float>) return DType::kFloat32;
  else if constexpr (std::is_same_v<T, bool>) return DType::kBool;
  else if constexpr (std::is_same_v<T, int8_t>) return DType::kInt8;
  else if constexpr (std::is_same_v<T, int16_t>) return DType::kInt16;
  else if constexpr (std::is_same_v<T, int32_t>) return DType::kInt32;
  else if constexpr (std::is_same_v<T, int64_t>) return DType::kInt64;
  else if constexpr (std::is_same_v<T, uint8_t>) return DType::kUInt8;
  else if constexpr (std::is_same_v<T, uint16_t>) return DType::kUInt16;
  else if constexpr (std::is_same_v<T, uint32_t>) return DType::kUInt32;
  else if constexpr (std::is_same_v<T, uint64_t>) return DType::kUInt64;
  else static_assert(sizeof(T) == 0, "no ndarray dtype for this element type");
}

Error conversion_error(VMImpl& vm, const ConversionError& e, Slot got, const char* what);

}  // namespace detail

template <class T>
T Handle::as() const {
  detail::Slot s = get();
  try {
    return detail::from_slot<T>(*vm_, s);
  } catch (const detail::ConversionError& e) {
    throw detail::conversion_error(*vm_, e, s, "conversion to C++");
  }
}

template <class R, class... A>
R Handle::call(const A&... args) const {
  detail::Slot argv[sizeof...(A) + 1] = {detail::to_slot(*vm_, args)...};
  detail::Slot r = detail::call(*vm_, get(), argv, sizeof...(A));
  if constexpr (std::is_void_v<R>) {
    return;
  } else {
    try {
      return detail::from_slot<R>(*vm_, r);
    } catch (const detail::ConversionError& e) {
      throw detail::conversion_error(*vm_, e, r, "call result");
    }
  }
}

template <class T>
Handle VM::wrap_array(T* data, std::span<const int64_t> shape, std::function<void()> release) {
  return wrap_array(const_cast<void*>(static_cast<const void*>(data)), detail::dtype_of<std::remove_const_t<T>>(), shape,
                    {}, std::move(release), !std::is_const_v<T>);
}

}  // namespace pyjitvm
