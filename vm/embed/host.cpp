// vm/embed/host.cpp — host functions and modules: C++ callables and C functions
// (through libffi) exposed to scripts.
//
// Stage: VM::def / Module::def / VM::def_c → a NativeFunction whose fn is
// host_trampoline() and whose data is the HostFunction → invoke() converts arguments
// (pyjitvm.h Convert<T>) → the callable → the result converted back.
//
// Invariants:
//   I1  No C++ exception leaves host_trampoline(): ConversionError becomes TypeError
//       ("f() argument 2 must be float, not str"), pyjitvm::Error a Python exception of
//       the same builtin type (RuntimeError when the name is not a builtin exception),
//       std::bad_alloc MemoryError, std::invalid_argument ValueError, std::out_of_range
//       IndexError, anything else RuntimeError (pyjitvm.h I1).
//   I2  The arity is checked before any conversion (CPython's builtin wording:
//       "f() takes exactly 2 arguments (1 given)"); keywords are refused.
//   I3  `data` of a host NativeFunction is an Int holding the HostFunction's address;
//       HostFunctions are owned by VMImpl::host_fns and outlive every script object.
#include <ffi.h>

#include <stdexcept>

#include "vm/embed/embed_internal.h"
#include "vm/func_object.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::detail {

using vm::Value;

namespace {

struct HostEntry {
  HostFunction* fn;
  VMImpl* impl;
};

// Owned by VMImpl::host_fns through this wrapper, so one unique_ptr type holds both.
struct OwnedEntry : HostFunction {
  std::unique_ptr<HostFunction> inner;
  VMImpl* impl = nullptr;
  Slot invoke(VMImpl& vm, const Slot* argv, size_t argc, size_t& bad_arg) override {
    return inner->invoke(vm, argv, argc, bad_arg);
  }
};

Value host_trampoline(vm::VM& V, const vm::CallArgs& a) {
  auto* nf = static_cast<vm::NativeFunction*>(a.callee);
  auto* entry = reinterpret_cast<OwnedEntry*>(static_cast<intptr_t>(nf->data.as_int()));  // I3
  const char* name = nf->name->data();
  if (a.nkw()) return V.raise_fmt(V.exc().TypeError, "%s() takes no keyword arguments", name);
  if (a.argc != entry->arity) {  // I2
    return V.raise_fmt(V.exc().TypeError, "%s() takes exactly %zu argument%s (%u given)", name,
                       entry->arity, entry->arity == 1 ? "" : "s", a.argc);
  }
  size_t bad = static_cast<size_t>(-1);
  try {
    Slot r = entry->invoke(*entry->impl, reinterpret_cast<const Slot*>(a.argv), a.argc, bad);
    return to_value(r);
  } catch (const ConversionError& e) {
    if (bad < a.argc) {
      return V.raise_fmt(V.exc().TypeError, "%s() argument %zu must be %s, not %s", name,
                         bad + 1, e.expected, vm::type_name(V, a.argv[bad]));
    }
    return V.raise_fmt(V.exc().TypeError, "%s() returned a value that cannot be converted (%s)",
                       name, e.expected);
  } catch (...) {
    raise_from_current_exception(*entry->impl, name);
    return Value();
  }
}

vm::Type* builtin_exception(vm::VM& V, const std::string& name) {
  Value t = vm::dict_get_str(V.builtins()->dict, V.intern(name));
  if (t.is_obj() && t.as_obj()->kind == vm::Kind::Type &&
      (vm::as_type(t)->type_flags & vm::kTypeException))
    return vm::as_type(t);
  return nullptr;
}

}  // namespace

void raise_from_current_exception(VMImpl& impl, const char* fname) {
  vm::VM& V = *impl.vm;
  if (V.has_pending()) return;  // already raised by a nested call into the VM
  try {
    throw;
  } catch (const Error& e) {
    vm::Type* t = builtin_exception(V, e.type());
    if (!t) t = V.exc().RuntimeError;
    V.raise(t, t == V.exc().RuntimeError && e.type() != "RuntimeError" ? e.what() : e.message());
  } catch (const std::bad_alloc&) {
    V.raise(V.exc().MemoryError, "");
  } catch (const std::invalid_argument& e) {
    V.raise(V.exc().ValueError, e.what());
  } catch (const std::out_of_range& e) {
    V.raise(V.exc().IndexError, e.what());
  } catch (const std::exception& e) {
    V.raise(V.exc().RuntimeError, e.what());
  } catch (...) {
    V.raise_fmt(V.exc().RuntimeError, "unknown C++ exception in %s()", fname);
  }
}

Value new_host_function(VMImpl& impl, std::string_view name, std::unique_ptr<HostFunction> fn) {
  auto owned = std::make_unique<OwnedEntry>();
  owned->arity = fn->arity;
  owned->inner = std::move(fn);
  owned->impl = &impl;
  Value data = Value::from_int(static_cast<int64_t>(reinterpret_cast<intptr_t>(owned.get())));
  impl.host_fns.push_back(std::move(owned));
  return Value::from_obj(impl.vm->new_native(name, host_trampoline, data));
}

// ---------------------------------------------------------------- eval() capture
namespace {

Value displayhook(vm::VM& V, const vm::CallArgs& a) {
  auto* impl = reinterpret_cast<VMImpl*>(
      static_cast<intptr_t>(static_cast<vm::NativeFunction*>(a.callee)->data.as_int()));
  if (impl->capturing && a.argc == 1 && !a.nkw()) {
    impl->captured = a[0];
    impl->capturing = false;  // one expression
    return Value::none();
  }
  return vm::call_function(V, impl->original_displayhook, a.argv, a.argc, a.kwnames);
}

}  // namespace

void install_displayhook(VMImpl& impl) {
  vm::VM& V = *impl.vm;
  vm::Dict* b = V.builtins()->dict;
  impl.original_displayhook = vm::dict_get_str(b, V.intern("__displayhook__"));
  V.set_ext("embed.displayhook", impl.original_displayhook);
  Value data = Value::from_int(static_cast<int64_t>(reinterpret_cast<intptr_t>(&impl)));
  vm::dict_set_str(V.heap(), b, V.intern("__displayhook__"),
                   Value::from_obj(V.new_native("__displayhook__", displayhook, data)));
}

// ---------------------------------------------------------------- C functions (libffi)
namespace {

ffi_type* ffi_type_of(char c) {
  switch (c) {
    case 'v': return &ffi_type_void;
    case 'b': return &ffi_type_uint8;
    case 'i': return &ffi_type_sint32;
    case 'l': return &ffi_type_sint64;
    case 'f': return &ffi_type_float;
    case 'd': return &ffi_type_double;
    case 'p': return &ffi_type_pointer;
    default: return nullptr;
  }
}

union FfiArg {
  uint8_t b;
  int32_t i;
  int64_t l;
  float f;
  double d;
  void* p;
};

struct CFunction : HostFunction {
  void* fn = nullptr;
  char ret = 'v';
  std::string args;
  ffi_cif cif{};
  std::vector<ffi_type*> types;

  Slot invoke(VMImpl& vm, const Slot* argv, size_t argc, size_t& bad_arg) override {
    std::vector<FfiArg> values(argc);
    std::vector<void*> ptrs(argc);
    for (size_t i = 0; i < argc; ++i) {
      bad_arg = i;
      FfiArg& v = values[i];
      switch (args[i]) {
        case 'b': v.b = from_slot<bool>(vm, argv[i]); break;
        case 'i': v.i = from_slot<int32_t>(vm, argv[i]); break;
        case 'l': v.l = from_slot<int64_t>(vm, argv[i]); break;
        case 'f': v.f = from_slot<float>(vm, argv[i]); break;
        case 'd': v.d = from_slot<double>(vm, argv[i]); break;
        default: v.p = reinterpret_cast<void*>(from_slot<uint64_t>(vm, argv[i])); break;
      }
      ptrs[i] = &v;
    }
    bad_arg = static_cast<size_t>(-1);
    FfiArg r{};
    ffi_arg wide = 0;  // integer results narrower than a register come back widened
    void* rp = (ret == 'b' || ret == 'i') ? static_cast<void*>(&wide) : static_cast<void*>(&r);
    ffi_call(&cif, FFI_FN(fn), rp, ptrs.data());
    switch (ret) {
      case 'v': return slot_none();
      case 'b': return slot_bool(static_cast<uint8_t>(wide) != 0);
      case 'i': return slot_int(static_cast<int32_t>(wide));
      case 'l': return slot_int(r.l);
      case 'f': return slot_float(r.f);
      case 'd': return slot_float(r.d);
      default: return to_slot(vm, reinterpret_cast<uint64_t>(r.p));
    }
  }
};

}  // namespace

}  // namespace pyjitvm::detail

namespace pyjitvm {

using vm::Value;

void VM::add_builtin(std::string_view name, std::unique_ptr<detail::HostFunction> fn) {
  vm::VM& V = *impl_->vm;
  Value f = detail::new_host_function(*impl_, name, std::move(fn));
  vm::dict_set_str(V.heap(), V.builtins()->dict, V.intern(name), f);
}

Module VM::module(std::string_view name) {
  vm::VM& V = *impl_->vm;
  Value existing = vm::dict_get_str(V.modules(), V.intern(name));
  Module m;
  if (existing.is_obj() && existing.as_obj()->kind == vm::Kind::Module) {
    m.handle_ = detail::make_handle(*impl_, detail::to_slot_raw(existing));
    return m;
  }
  vm::Module* mod = V.new_module(name);
  V.register_module(mod);  // importable: import finds it in sys.modules
  m.handle_ = detail::make_handle(*impl_, detail::to_slot_raw(Value::from_obj(mod)));
  return m;
}

void Module::add_function(std::string_view name, std::unique_ptr<detail::HostFunction> fn) {
  detail::VMImpl& impl = *handle_.vm_;
  Value f = detail::new_host_function(impl, name, std::move(fn));
  vm::VM& V = *impl.vm;
  vm::Module* mod = vm::as_module(detail::to_value(handle_.get()));
  vm::dict_set_str(V.heap(), mod->dict, V.intern(name), f);
}

void VM::def_c(std::string_view name, void* fn, std::string_view signature) {
  auto cf = std::make_unique<detail::CFunction>();
  size_t open = signature.find('(');
  bool ok = open == 1 && signature.size() >= 3 && signature.back() == ')' &&
            detail::ffi_type_of(signature[0]);
  if (ok) {
    cf->ret = signature[0];
    cf->args = std::string(signature.substr(2, signature.size() - 3));
    for (char c : cf->args) {
      ffi_type* t = detail::ffi_type_of(c);
      if (!t || c == 'v') ok = false;
      cf->types.push_back(t);
    }
  }
  if (!ok) throw Error("ValueError", "bad C signature '" + std::string(signature) + "'");
  cf->fn = fn;
  cf->arity = cf->args.size();
  if (ffi_prep_cif(&cf->cif, FFI_DEFAULT_ABI, static_cast<unsigned>(cf->types.size()),
                   detail::ffi_type_of(cf->ret), cf->types.data()) != FFI_OK)
    throw Error("ValueError", "libffi cannot call signature '" + std::string(signature) + "'");
  add_builtin(name, std::move(cf));
}

}  // namespace pyjitvm
