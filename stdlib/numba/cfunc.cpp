// stdlib/numba/cfunc.cpp — numba.cfunc: a Python function behind a real C function
// pointer (a libffi closure), with `.address`, `.ctypes`, `.native_name`.
//
// Stage: @cfunc(sig) → CFunc{jit_fn = numba_variant(fn), closure}. C code calling
// `address` enters closure_entry(), which converts the C arguments to Values, runs
// jit_fn in the owning VM and converts the result back. `.ctypes(...)` calls the
// pointer through ffi_call, so every call really crosses the C boundary.
//
// Invariants:
//   I1  Only scalar signatures are accepted (float64/32, (u)int8..64, boolean, void
//       return); anything else raises TypeError naming the type at decoration time.
//   I2  A Python exception raised inside the function cannot cross the C boundary: as
//       with Numba's cfuncs it is printed to stderr ("Exception ignored in: ..." and
//       the traceback) and the C result is zero.
//   I3  The closure and its cif live in a CFuncImpl owned by the CFunc object and freed
//       by its finalizer; CFunc objects never move (mark-sweep heap), so the closure's
//       user data may point at them.
#include <ffi.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numba/numba_internal.h"
#include "vm/builtin_types.h"
#include "vm/errors.h"
#include "vm/gc.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/ops.h"
#include "vm/str_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;
using np::DType;

namespace {

struct CFunc;

struct CFuncImpl {
  ffi_cif cif{};
  std::vector<ffi_type*> arg_types;
  ffi_type* ret_type = nullptr;
  ffi_closure* closure = nullptr;
  void* code = nullptr;  // the C function pointer
  VM* vm = nullptr;
  CFunc* owner = nullptr;
};

struct CFunc : Object {
  Function* jit_fn = nullptr;
  NbSignature* sig = nullptr;
  Str* native_name = nullptr;
  CFuncImpl* impl = nullptr;
};

void cfunc_trace(Object* o, GcTracer& t) {
  CFunc* c = static_cast<CFunc*>(o);
  t.mark(c->jit_fn);
  t.mark(c->sig);
  t.mark(c->native_name);
}

void cfunc_finalize(Object* o, Heap&) {
  CFunc* c = static_cast<CFunc*>(o);
  if (c->impl) {
    if (c->impl->closure) ffi_closure_free(c->impl->closure);
    delete c->impl;
    c->impl = nullptr;
  }
}

// I1
ffi_type* ffi_type_of(const NbType* t, bool is_return) {
  if (t->nk == NbKind::None) return is_return ? &ffi_type_void : nullptr;
  switch (t->nk) {
    case NbKind::Boolean: return &ffi_type_uint8;
    case NbKind::Integer:
    case NbKind::Float: break;
    default: return nullptr;
  }
  switch (t->dtype) {
    case DType::Float64: return &ffi_type_double;
    case DType::Float32: return &ffi_type_float;
    case DType::Int64: return &ffi_type_sint64;
    case DType::Int32: return &ffi_type_sint32;
    case DType::Int16: return &ffi_type_sint16;
    case DType::Int8: return &ffi_type_sint8;
    case DType::UInt64: return &ffi_type_uint64;
    case DType::UInt32: return &ffi_type_uint32;
    case DType::UInt16: return &ffi_type_uint16;
    case DType::UInt8: return &ffi_type_uint8;
    default: return nullptr;
  }
}

// The C value at `p` (of numba type t) as a Python value.
Value c_to_value(const NbType* t, const void* p) {
  if (t->nk == NbKind::Boolean) return Value::from_bool(*static_cast<const uint8_t*>(p) != 0);
  switch (t->dtype) {
    case DType::Float64: return Value::from_float(*static_cast<const double*>(p));
    case DType::Float32: return Value::from_float(*static_cast<const float*>(p));
    case DType::Int64: return Value::from_int(*static_cast<const int64_t*>(p));
    case DType::Int32: return Value::from_int(*static_cast<const int32_t*>(p));
    case DType::Int16: return Value::from_int(*static_cast<const int16_t*>(p));
    case DType::Int8: return Value::from_int(*static_cast<const int8_t*>(p));
    case DType::UInt64: return Value::from_int(static_cast<int64_t>(*static_cast<const uint64_t*>(p)));
    case DType::UInt32: return Value::from_int(*static_cast<const uint32_t*>(p));
    case DType::UInt16: return Value::from_int(*static_cast<const uint16_t*>(p));
    default: return Value::from_int(*static_cast<const uint8_t*>(p));
  }
}

// Stores `v` (already converted to t by convert_arg) as C data; `p` holds >= 8 bytes
// (libffi widens small integer returns to ffi_arg).
bool value_to_c(VM& vm, const NbType* t, Value v, void* p, bool is_return) {
  double d = 0;
  int64_t i = 0;
  if (t->nk == NbKind::Float) {
    if (!to_double(vm, v, d)) return false;
  } else {
    int tr = t->nk == NbKind::Boolean ? truthy(vm, v) : 0;
    if (tr < 0) return false;
    if (t->nk == NbKind::Boolean) i = tr;
    else if (!index_of(vm, v, i)) return false;
  }
  switch (t->dtype) {
    case DType::Float64: *static_cast<double*>(p) = d; return true;
    case DType::Float32: *static_cast<float*>(p) = static_cast<float>(d); return true;
    default: break;
  }
  if (is_return) {  // integers come back widened to ffi_arg / ffi_sarg
    if (t->nk == NbKind::Boolean || !np::is_signed_int(t->dtype)) *static_cast<ffi_arg*>(p) = static_cast<ffi_arg>(i);
    else *static_cast<ffi_sarg*>(p) = static_cast<ffi_sarg>(i);
    return true;
  }
  std::memcpy(p, &i, static_cast<size_t>(np::itemsize(t->nk == NbKind::Boolean ? DType::Bool : t->dtype)));
  return true;
}

void closure_entry(ffi_cif*, void* ret, void** args, void* user) {
  CFuncImpl* impl = static_cast<CFuncImpl*>(user);
  VM& vm = *impl->vm;
  CFunc* c = impl->owner;
  const std::vector<NbType*>& types = *c->sig->args;
  std::vector<Value> argv(types.size());
  for (size_t k = 0; k < types.size(); ++k) argv[k] = c_to_value(types[k], args[k]);
  std::memset(ret, 0, sizeof(uint64_t));
  CallArgs ca;
  ca.argv = argv.data();
  ca.argc = static_cast<uint32_t>(argv.size());
  Value r = vm.call(Value::from_obj(c->jit_fn), ca);
  const NbType* rt = c->sig->ret;
  Value conv;
  if (!failed(r) && (rt->nk == NbKind::None ||
                     (convert_arg(vm, r, rt, conv) && value_to_c(vm, rt, conv, ret, true))))
    return;
  Value exc = vm.take_pending();  // I2
  std::memset(ret, 0, sizeof(uint64_t));
  vm.flush_stdout();
  vm.write_stderr("Exception ignored in: '<numba.core.cpu.CPUContext object>'\n" + format_exception(vm, exc));
}

Value cfunc_getattr(VM& vm, Value self, Str* name);

Type* cfunc_type(VM& vm, NumbaState& st) {
  Value t = dict_get_str(st.extra, vm.intern("CFunc"));
  if (!t.is_undef()) return as_type(t);
  Type* ty = make_builtin_type(vm, "CFunc", vm.types().object, Kind::Other, 0);
  ty->module_name = vm.intern("numba.core.ccallback");
  ty->slots.trace = cfunc_trace;
  ty->slots.finalize = cfunc_finalize;
  ty->slots.getattr = cfunc_getattr;
  dict_set_str(vm.heap(), st.extra, vm.intern("CFunc"), Value::from_obj(ty));
  return ty;
}

// cfunc.ctypes(...): a call through the C pointer (ffi_call).
Value ctypes_call(VM& vm, const CallArgs& a) {
  CFunc* c = static_cast<CFunc*>(static_cast<NativeFunction*>(a.callee)->data.as_obj());
  const std::vector<NbType*>& types = *c->sig->args;
  if (a.nkw()) return vm.raise(vm.exc().TypeError, "a ctypes function takes no keyword arguments");
  if (a.argc != types.size())
    return vm.raise_fmt(vm.exc().TypeError, "this function takes %d argument%s (%d given)",
                        static_cast<int>(types.size()), types.size() == 1 ? "" : "s", static_cast<int>(a.argc));
  std::vector<uint64_t> storage(types.size());
  std::vector<void*> ptrs(types.size());
  for (size_t k = 0; k < types.size(); ++k) {
    Value conv;
    if (!convert_arg(vm, a[k], types[k], conv)) return Value();
    if (!value_to_c(vm, types[k], conv, &storage[k], false)) return Value();
    ptrs[k] = &storage[k];
  }
  uint64_t ret = 0;
  ffi_call(&c->impl->cif, FFI_FN(c->impl->code), &ret, ptrs.data());
  const NbType* rt = c->sig->ret;
  if (rt->nk == NbKind::None) return Value::none();
  return c_to_value(rt, &ret);  // narrow integers come back widened: the low bytes (x86-64)
}

Value cfunc_getattr(VM& vm, Value self, Str* name) {
  CFunc* c = static_cast<CFunc*>(self.as_obj());
  std::string_view n = name->view();
  if (n == "address") return Value::from_int(static_cast<int64_t>(reinterpret_cast<uintptr_t>(c->impl->code)));
  if (n == "native_name") return Value::from_obj(c->native_name);
  if (n == "ctypes") return Value::from_obj(vm.new_native("ctypes_wrapper", ctypes_call, self));
  if (n == "__name__") return Value::from_obj(c->jit_fn->name);
  return generic_getattr(vm, self, name);
}

Value make_cfunc(VM& vm, Value fn, NbSignature* sig) {
  NumbaState& st = numba_state(vm);
  if (!sig->ret)
    return vm.raise(vm.exc().TypeError, "@cfunc needs a signature with a return type, e.g. float64(float64)");
  std::vector<ffi_type*> args;
  for (NbType* t : *sig->args) {
    ffi_type* ft = ffi_type_of(t, false);
    if (!ft)
      return vm.raise_fmt(vm.exc().TypeError, "@cfunc argument type %s is not supported by pyjitvm (scalars only)",
                          t->name->data());
    args.push_back(ft);
  }
  ffi_type* rt = ffi_type_of(sig->ret, true);
  if (!rt)
    return vm.raise_fmt(vm.exc().TypeError, "@cfunc return type %s is not supported by pyjitvm (scalars only)",
                        sig->ret->name->data());
  Function* jf = numba_variant(vm, fn, JitOptions{});
  if (!jf) return Value();
  VM::TempRoot keep_jf(vm, jf);
  CFunc* c = vm.heap().make<CFunc>(cfunc_type(vm, st), Kind::Other, 0);
  c->jit_fn = jf;
  c->sig = sig;
  VM::TempRoot keep(vm, c);
  c->native_name = vm.intern("cfunc." + std::string(jf->qualname->view()));
  c->impl = new CFuncImpl;
  CFuncImpl& im = *c->impl;
  im.arg_types = std::move(args);
  im.ret_type = rt;
  im.vm = &vm;
  im.owner = c;
  im.closure = static_cast<ffi_closure*>(ffi_closure_alloc(sizeof(ffi_closure), &im.code));
  if (!im.closure ||
      ffi_prep_cif(&im.cif, FFI_DEFAULT_ABI, static_cast<unsigned>(im.arg_types.size()), rt,
                   im.arg_types.data()) != FFI_OK ||
      ffi_prep_closure_loc(im.closure, &im.cif, closure_entry, &im, im.code) != FFI_OK)
    return vm.raise(vm.exc().MemoryError, "cannot create a C callback (libffi closure)");
  return Value::from_obj(c);
}

Value cfunc_apply(VM& vm, const CallArgs& a) {
  Value sig = static_cast<NativeFunction*>(a.callee)->data;
  if (a.argc != 1 || a.nkw()) return vm.raise(vm.exc().TypeError, "a cfunc decorator takes one function");
  return make_cfunc(vm, a[0], as_signature(sig));
}

Value f_cfunc(VM& vm, const CallArgs& a) {
  if (a.argc < 1)
    return vm.raise(vm.exc().TypeError, "cfunc() missing required argument: 'sig'");
  NbSignature* sig = signature_from_value(vm, a[0]);
  if (!sig) return Value();
  VM::TempRoot keep(vm, sig);
  return Value::from_obj(vm.new_native("cfunc_decorator", cfunc_apply, Value::from_obj(sig)));
}

}  // namespace

bool install_cfunc(VM& vm, NumbaState& st) {
  static const MethodDef kFns[] = {{"cfunc", f_cfunc}};
  add_functions(vm, st.module->dict, kFns);
  return true;
}

}  // namespace pyjitvm::stdlib::nb
