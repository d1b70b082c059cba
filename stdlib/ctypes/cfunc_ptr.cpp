// stdlib/ctypes/cfunc_ptr.cpp — foreign functions: CDLL (dlopen/dlsym) and its
// _FuncPtr symbols, CFUNCTYPE(restype, *argtypes) types, calls through libffi with
// CPython's argument conversions, and Python callables behind libffi closures.
//
// Stage: `lib.cos(1.0)` → funcptr_call(): convert each argument (argtypes, else the
// default rules), ffi_call, convert the result (restype, default c_int for CDLL
// symbols). `CFUNCTYPE(...)(pyfunc)` → a closure whose entry converts the C arguments
// to Python values, runs pyfunc in the owning VM and stores the converted result.
//
// Invariants: ctypes_internal.h I1–I4, and
//   I5  An exception raised by a callback cannot cross the C frame: as CPython does it
//       is printed to stderr ("Exception ignored on calling ctypes callback function:
//       <repr>" and the traceback) and the C result is zero.
//   I6  A closure is owned by its CFunctionType instance (CData::closure) and freed by
//       that object's finalizer; the callable is kept in CData::keep.
#include <dlfcn.h>
#include <ffi.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/ctypes/ctypes_internal.h"
#include "vm/builtin_types.h"
#include "vm/dict_object.h"
#include "vm/errors.h"
#include "vm/gc.h"
#include "vm/list_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::ct {

using namespace pyjitvm::vm;

struct ClosureImpl {
  ffi_cif cif{};
  std::vector<ffi_type*> args;
  ffi_closure* closure = nullptr;
  void* code = nullptr;
  VM* vm = nullptr;
  CData* owner = nullptr;
};

void free_closure(ClosureImpl* c) {
  if (c->closure) ffi_closure_free(c->closure);
  delete c;
}

namespace {

struct CDll : Object {
  void* handle = nullptr;
  Value name;
  Dict* cache = nullptr;
};

void cdll_trace(Object* o, GcTracer& t) {
  CDll* d = static_cast<CDll*>(o);
  t.mark(d->name);
  t.mark(d->cache);
}

void* fn_address(const CData* f) {
  void* p;
  std::memcpy(&p, f->ptr, sizeof p);
  return p;
}

// ---- argument conversion (I4)
struct ArgSlot {
  alignas(16) unsigned char buf[16] = {};
  ffi_type* type = nullptr;
};

bool wrong_type(VM& vm, uint32_t k) {
  vm.raise_fmt(state(vm).argument_error, "argument %u: TypeError: wrong type", k + 1);
  return false;
}

// Re-raises the pending exception as ArgumentError("argument N: Exc: msg").
bool wrap_error(VM& vm, uint32_t k) {
  Value exc = vm.take_pending();
  VM::TempRoot keep(vm, exc);
  Value s = to_str(vm, exc);
  if (failed(s)) return false;
  vm.raise_fmt(state(vm).argument_error, "argument %u: %s: %s", k + 1,
               exc.as_obj()->type->name->data(), as_str(s)->data());
  return false;
}

void put_ptr(ArgSlot& s, void* p) {
  std::memcpy(s.buf, &p, sizeof p);
  s.type = &ffi_type_pointer;
}

bool is_carg(VM& vm, Value v) { return v.is_obj() && v.as_obj()->type == state(vm).carg_type; }

// With an argtype (CPython's T.from_param rules).
bool convert_typed(VM& vm, Type* t, Value v, uint32_t k, ArgSlot& s) {
  const TypeInfo& ti = *info_of(vm, t);
  s.type = ffi_of(ti);
  if (is_cdata(vm, v) && v.as_obj()->type == t) {
    if (ti.kind == CKind::Array)
      put_ptr(s, as_cdata(v)->ptr);
    else
      std::memcpy(s.buf, as_cdata(v)->ptr, ti.size);
    return true;
  }
  if (ti.kind == CKind::Simple && ti.code != 'P' && ti.code != 'z') {
    bool number = v.is_int() || v.is_bool() || is_kind(v, Kind::BigInt) ||
                  ((ti.code == 'd' || ti.code == 'f') && v.is_float());
    if (!number) return wrong_type(vm, k);
    return simple_set(vm, ti.code, reinterpret_cast<char*>(s.buf), v) || wrap_error(vm, k);
  }
  if (v.is_none()) {
    put_ptr(s, nullptr);
    return true;
  }
  if (ti.kind == CKind::Simple && ti.code == 'P' && (v.is_int() || is_kind(v, Kind::BigInt)))
    return simple_set(vm, 'P', reinterpret_cast<char*>(s.buf), v) || wrap_error(vm, k);
  const TypeInfo* vi = is_cdata(vm, v) ? info_of(vm, v.as_obj()->type) : nullptr;
  if (ti.kind == CKind::Simple && ti.code == 'P' && (vi || is_carg(vm, v))) {
    bool simple_num = vi && vi->kind == CKind::Simple && vi->code != 'P' && vi->code != 'z';
    if (simple_num) return wrong_type(vm, k);
    put_ptr(s, address_value(vm, v));
    return true;
  }
  if (ti.kind == CKind::Simple && ti.code == 'z' && vi && vi->kind == CKind::Simple &&
      vi->code == 'z') {
    put_ptr(s, address_value(vm, v));
    return true;
  }
  if (ti.kind == CKind::Pointer) {
    if (vi && vi->kind == CKind::Array && vi->elem == ti.elem)
      return put_ptr(s, as_cdata(v)->ptr), true;
    if (vi && v.as_obj()->type->is_subtype_of(ti.elem)) return put_ptr(s, as_cdata(v)->ptr), true;
    if (vi && vi->kind == CKind::Pointer && vi->elem == ti.elem)
      return put_ptr(s, address_value(vm, v)), true;
    if (is_carg(vm, v) && is_cdata(vm, as_cdata(v)->keep) &&
        as_cdata(v)->keep.as_obj()->type->is_subtype_of(ti.elem))
      return put_ptr(s, as_cdata(v)->ptr), true;
  }
  return wrong_type(vm, k);
}

// Without argtypes (CPython's default conversions).
bool convert_default(VM& vm, Value v, uint32_t k, ArgSlot& s) {
  if (v.is_none()) {
    put_ptr(s, nullptr);
    return true;
  }
  if (v.is_int() || v.is_bool() || is_kind(v, Kind::BigInt)) {
    int64_t i;
    if (is_kind(v, Kind::BigInt) || !index_of(vm, v, i) || i < INT32_MIN || i > UINT32_MAX) {
      vm.clear_pending();
      vm.raise_fmt(state(vm).argument_error, "argument %u: OverflowError: int too long to convert",
                   k + 1);
      return false;
    }
    int32_t w = static_cast<int32_t>(i);
    std::memcpy(s.buf, &w, sizeof w);
    s.type = &ffi_type_sint32;
    return true;
  }
  if (is_carg(vm, v)) {
    put_ptr(s, as_cdata(v)->ptr);
    return true;
  }
  if (is_cdata(vm, v)) {
    const TypeInfo& vi = *info_of(vm, v.as_obj()->type);
    if (vi.kind == CKind::Simple) {
      std::memcpy(s.buf, as_cdata(v)->ptr, vi.size);
      s.type = ffi_of(vi);
    } else {
      put_ptr(s, address_value(vm, v));
    }
    return true;
  }
  vm.raise_fmt(state(vm).argument_error,
               "argument %u: TypeError: Don't know how to convert parameter %u", k + 1, k + 1);
  return false;
}

// The effective argtypes of a function object; false when none are set.
bool get_argtypes(VM& vm, CData* f, std::vector<Type*>& out) {
  if (!f->argtypes.is_undef() && !f->argtypes.is_none()) {
    return for_each(vm, f->argtypes, [&](Value t) {
      out.push_back(as_type(t));
      return true;
    });
  }
  const TypeInfo& ti = *info_of(vm, f->type);
  if (!ti.fixed_args || !f->argtypes.is_undef()) return false;
  out = ti.argtypes;
  return true;
}

// restype as a Value: a ctypes type or None.
Value get_restype(VM& vm, CData* f) {
  if (!f->restype.is_undef()) return f->restype;
  const TypeInfo& ti = *info_of(vm, f->type);
  return ti.restype ? Value::from_obj(ti.restype) : Value::none();
}

// The Python value of a C result of type `rt` in `ret` (widened integers: low bytes).
Value result_value(VM& vm, Value rt, const unsigned char* ret) {
  if (rt.is_none()) return Value::none();
  Type* t = as_type(rt);
  const TypeInfo& ti = *info_of(vm, t);
  if (ti.kind == CKind::Simple && state(vm).infos->count(t)) {
    Value v;
    return simple_get(vm, ti.code, reinterpret_cast<const char*>(ret), v) ? v : Value();
  }
  CData* c = new_cdata(vm, t, ti);
  std::memcpy(c->ptr, ret, ti.size < 8 ? ti.size : 8);
  return Value::from_obj(c);
}

}  // namespace

Value funcptr_call(VM& vm, Value self, const CallArgs& a) {
  CData* f = as_cdata(self);
  if (a.nkw()) return vm.raise(vm.exc().TypeError, "this function takes no keyword arguments");
  std::vector<Type*> at;
  bool typed = get_argtypes(vm, f, at);
  if (vm.has_pending()) return Value();
  if (typed && a.argc < at.size())
    return vm.raise_fmt(vm.exc().TypeError,
                        "this function takes at least %zu argument%s (%u given)", at.size(),
                        at.size() == 1 ? "" : "s", a.argc);
  void* fn = fn_address(f);
  if (!fn) return vm.raise(vm.exc().ValueError, "NULL function pointer");
  std::vector<ArgSlot> slots(a.argc);
  std::vector<ffi_type*> types(a.argc);
  std::vector<void*> ptrs(a.argc);
  for (uint32_t k = 0; k < a.argc; ++k) {
    bool ok = k < at.size() ? convert_typed(vm, at[k], a[k], k, slots[k])
                            : convert_default(vm, a[k], k, slots[k]);
    if (!ok) return Value();
    types[k] = slots[k].type;
    ptrs[k] = slots[k].buf;
  }
  Value rt = get_restype(vm, f);
  ffi_type* rtype = rt.is_none() ? &ffi_type_void : ffi_of(*info_of(vm, as_type(rt)));
  ffi_cif cif;
  if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, a.argc, rtype, types.data()) != FFI_OK)
    return vm.raise(vm.exc().RuntimeError, "ffi_prep_cif failed");
  alignas(16) unsigned char ret[16] = {};
  ffi_call(&cif, FFI_FN(fn), ret, ptrs.data());
  Value r = result_value(vm, rt, ret);
  if (failed(r) || f->errcheck.is_undef() || f->errcheck.is_none()) return r;
  VM::TempRoot keep(vm, r);
  Tuple* args = vm.new_tuple(a.argc);
  for (uint32_t k = 0; k < a.argc; ++k) (*args)[k] = a[k];
  VM::TempRoot keep_args(vm, args);
  return vm.call(f->errcheck, {r, self, Value::from_obj(args)});
}

namespace {

// ---- callbacks (I5, I6)
void closure_entry(ffi_cif*, void* ret, void** args, void* user) {
  ClosureImpl* impl = static_cast<ClosureImpl*>(user);
  VM& vm = *impl->vm;
  CData* owner = impl->owner;
  const TypeInfo& ti = *info_of(vm, owner->type);
  std::memset(ret, 0, sizeof(ffi_arg));
  VM::RootedValues argv(vm);
  bool ok = true;
  for (size_t k = 0; k < ti.argtypes.size() && ok; ++k) {
    Type* t = ti.argtypes[k];
    const TypeInfo& ai = *info_of(vm, t);
    Value v;
    if (ai.kind == CKind::Simple && state(vm).infos->count(t)) {
      ok = simple_get(vm, ai.code, static_cast<const char*>(args[k]), v);
    } else {
      CData* c = new_cdata(vm, t, ai);
      std::memcpy(c->ptr, args[k], ai.size < 8 ? ai.size : 8);
      v = Value::from_obj(c);
    }
    argv.v.push_back(v);
  }
  if (ok) {
    CallArgs ca;
    ca.argv = argv.v.data();
    ca.argc = static_cast<uint32_t>(argv.v.size());
    Value r = vm.call(owner->keep, ca);
    if (!failed(r) && ti.restype) {
      VM::TempRoot keep(vm, r);
      alignas(16) char tmp[16] = {};
      ok = c_set(vm, ti.restype, tmp, r, nullptr);
      const TypeInfo& ri = *info_of(vm, ti.restype);
      if (ok && ri.kind == CKind::Simple && ri.size < sizeof(ffi_arg)) {
        Value v;  // widen to ffi_arg (signed or unsigned per the code)
        int64_t i = 0;
        ok = simple_get(vm, ri.code, tmp, v) &&
             (v.is_bool() ? (i = v.as_bool(), true) : index_of(vm, v, i));
        if (ok) std::memcpy(ret, &i, sizeof(ffi_arg));
      } else if (ok) {
        std::memcpy(ret, tmp, ri.size < 8 ? ri.size : 8);
      }
    }
    ok = ok && !failed(r);
  }
  if (ok) return;
  Value exc = vm.take_pending();
  VM::TempRoot keep_exc(vm, exc);
  std::memset(ret, 0, sizeof(ffi_arg));
  Value rep = repr(vm, owner->keep);
  std::string who = failed(rep) ? "?" : std::string(as_str(rep)->view());
  vm.clear_pending();
  vm.flush_stdout();
  vm.write_stderr("Exception ignored on calling ctypes callback function: " + who + "\n" +
                  format_exception(vm, exc));
}

bool make_closure(VM& vm, CData* f, Value callable) {
  const TypeInfo& ti = *info_of(vm, f->type);
  ClosureImpl* im = new ClosureImpl;
  f->closure = im;
  f->keep = callable;
  im->vm = &vm;
  im->owner = f;
  for (Type* t : ti.argtypes) im->args.push_back(ffi_of(*info_of(vm, t)));
  ffi_type* rt = ti.restype ? ffi_of(*info_of(vm, ti.restype)) : &ffi_type_void;
  im->closure = static_cast<ffi_closure*>(ffi_closure_alloc(sizeof(ffi_closure), &im->code));
  if (!im->closure ||
      ffi_prep_cif(&im->cif, FFI_DEFAULT_ABI, static_cast<unsigned>(im->args.size()), rt,
                   im->args.data()) != FFI_OK ||
      ffi_prep_closure_loc(im->closure, &im->cif, closure_entry, im, im->code) != FFI_OK) {
    vm.raise(vm.exc().MemoryError, "cannot create a C callback (libffi closure)");
    return false;
  }
  std::memcpy(f->ptr, &im->code, sizeof(void*));
  return true;
}

// ---- attributes of function objects
Value funcptr_getattr(VM& vm, Value self, Str* name) {
  CData* f = as_cdata(self);
  std::string_view n = name->view();
  if (n == "restype") return get_restype(vm, f);
  if (n == "errcheck") return f->errcheck.is_undef() ? Value::none() : f->errcheck;
  if (n == "argtypes") {
    if (!f->argtypes.is_undef()) return f->argtypes;
    const TypeInfo& ti = *info_of(vm, f->type);
    if (!ti.fixed_args) return Value::none();
    Tuple* t = vm.new_tuple(ti.argtypes.size());
    for (size_t k = 0; k < ti.argtypes.size(); ++k) (*t)[k] = Value::from_obj(ti.argtypes[k]);
    return Value::from_obj(t);
  }
  if (n == "__name__" && f->name) return Value::from_obj(f->name);
  return generic_getattr(vm, self, name);
}

bool is_ctype(VM& vm, Value t) { return is_kind(t, Kind::Type) && info_of(vm, as_type(t)); }

bool funcptr_setattr(VM& vm, Value self, Str* name, Value v) {
  CData* f = as_cdata(self);
  std::string_view n = name->view();
  if (v.is_undef()) {
    vm.raise(vm.exc().TypeError, "attribute cannot be deleted");
    return false;
  }
  if (n == "restype") {
    if (!v.is_none() && !is_ctype(vm, v)) {
      vm.raise(vm.exc().TypeError, "restype must be a type, a callable, or None");
      return false;
    }
    f->restype = v;
    return true;
  }
  if (n == "errcheck") {
    if (!v.is_none() && !is_callable(vm, v)) {
      vm.raise(vm.exc().TypeError, "the errcheck attribute must be callable");
      return false;
    }
    f->errcheck = v;
    return true;
  }
  if (n == "argtypes") {
    if (!v.is_none()) {
      if (!is_kind(v, Kind::List) && !is_kind(v, Kind::Tuple)) {
        vm.raise(vm.exc().TypeError, "_argtypes_ must be a sequence of types");
        return false;
      }
      uint32_t k = 0;
      bool ok = for_each(vm, v, [&](Value t) {
        ++k;
        if (is_ctype(vm, t)) return true;
        vm.raise_fmt(vm.exc().TypeError, "item %u in _argtypes_ has no from_param method", k);
        return false;
      });
      if (!ok) return false;
    }
    f->argtypes = v;
    return true;
  }
  vm.raise_fmt(vm.exc().AttributeError, "'%s' object has no attribute '%s'", type_name(vm, self),
               name->data());
  return false;
}

void set_funcptr_slots(Type* t) {
  t->slots.call = funcptr_call;
  t->slots.getattr = funcptr_getattr;
  t->slots.setattr = funcptr_setattr;
}

// ---- CDLL
Value new_symbol(VM& vm, CDll* d, Str* name) {
  dlerror();
  void* sym = dlsym(d->handle, name->data());
  if (!sym) {
    const char* e = dlerror();
    return vm.raise(vm.exc().AttributeError, e ? e : name->data());
  }
  Type* t = as_type(dict_get_str(state(vm).module->dict, vm.intern("_FuncPtr_cdll")));
  CData* f = new_cdata(vm, t, *info_of(vm, t));
  std::memcpy(f->ptr, &sym, sizeof sym);
  f->name = name;
  return Value::from_obj(f);
}

Value cdll_getattr(VM& vm, Value self, Str* name) {
  CDll* d = static_cast<CDll*>(self.as_obj());
  std::string_view n = name->view();
  if (n == "_name") return d->name;
  if (n == "_handle")
    return Value::from_int(static_cast<int64_t>(reinterpret_cast<uintptr_t>(d->handle)));
  if (n.size() >= 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__") {
    Value r = generic_getattr(vm, self, name);
    if (!failed(r)) return r;
    vm.clear_pending();
    return vm.raise(vm.exc().AttributeError, n);
  }
  Value hit = dict_get_str(d->cache, name);
  if (!hit.is_undef()) return hit;
  Value f = new_symbol(vm, d, name);
  if (failed(f)) return f;
  dict_set_str(vm.heap(), d->cache, name, f);
  return f;
}

Value cdll_getitem(VM& vm, Value self, Value key) {
  Str* name;
  if (!arg_str(vm, key, "__getitem__", name)) return Value();
  return new_symbol(vm, static_cast<CDll*>(self.as_obj()), name);
}

Value cdll_repr(VM& vm, Value self) {
  CDll* d = static_cast<CDll*>(self.as_obj());
  char buf[96];
  std::snprintf(buf, sizeof buf, ", handle %lx at %p>",
                static_cast<unsigned long>(reinterpret_cast<uintptr_t>(d->handle)),
                static_cast<void*>(d));
  std::string out = "<CDLL ";
  if (!repr_append(vm, d->name, out)) return Value();
  return vm.str(out + buf);
}

Value cdll_construct(VM& vm, Type* cls, const CallArgs& a) {
  static const ArgSpec kSpec{
      "CDLL", {"name", "mode=", "handle=", "use_errno=", "use_last_error=", "winmode="}};
  Value p[6];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  if (!p[0].is_none() && !is_kind(p[0], Kind::Str))
    return vm.raise_fmt(vm.exc().TypeError, "expected str, bytes or os.PathLike object, not %s",
                        type_name(vm, p[0]));
  int mode = RTLD_NOW | RTLD_LOCAL;
  int64_t m;
  if (!p[1].is_undef() && !index_of(vm, p[1], m)) return Value();
  if (!p[1].is_undef()) mode = static_cast<int>(m) | RTLD_NOW;
  const char* path = p[0].is_none() ? nullptr : as_str(p[0])->data();
  void* h = dlopen(path, mode);
  if (!h) {
    const char* e = dlerror();
    return vm.raise(vm.exc().OSError, e ? e : "cannot load library");
  }
  CDll* d = vm.heap().make<CDll>(cls, Kind::Other, 0);
  d->handle = h;
  d->name = p[0];
  VM::TempRoot keep(vm, d);
  d->cache = vm.new_dict();
  return Value::from_obj(d);
}

// ctypes.cdll: LoadLibrary(name), and cdll.<name> / cdll[name] as CDLL(name).
Value loader_load(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "LoadLibrary", 1, 1)) return Value();
  return vm.call(Value::from_obj(state(vm).cdll_type), {a[0]});
}

Value loader_getattr(VM& vm, Value self, Str* name) {
  if (name->view() == "LoadLibrary")
    return Value::from_obj(vm.new_native("LoadLibrary", loader_load));
  if (!name->view().empty() && name->view()[0] == '_') return generic_getattr(vm, self, name);
  return vm.call(Value::from_obj(state(vm).cdll_type), {Value::from_obj(name)});
}

Type* new_funcptr_type(VM& vm, std::string_view name, std::string_view module,
                       const TypeInfo& info) {
  Type* t = new_ctype(vm, name, state(vm).funcptr_meta, info, module);
  set_funcptr_slots(t);
  return t;
}

}  // namespace

Value funcptr_construct(VM& vm, Type* cls, const CallArgs& a) {
  const TypeInfo& ti = *info_of(vm, cls);
  if (a.nkw() || a.argc > 1)
    return vm.raise(vm.exc().TypeError, "argument must be callable or integer function address");
  CData* f = new_cdata(vm, cls, ti);
  if (a.argc == 0) return Value::from_obj(f);
  VM::TempRoot keep(vm, f);
  Value v = a[0];
  if (v.is_int()) {
    void* p = reinterpret_cast<void*>(static_cast<uintptr_t>(v.as_int()));
    std::memcpy(f->ptr, &p, sizeof p);
    return Value::from_obj(f);
  }
  if (!is_callable(vm, v))
    return vm.raise(vm.exc().TypeError, "argument must be callable or integer function address");
  if (!ti.fixed_args)
    return vm.raise(vm.exc().TypeError, "cannot construct instance of this class: no argtypes");
  if (!make_closure(vm, f, v)) return Value();
  return Value::from_obj(f);
}

Value f_cfunctype(VM& vm, const CallArgs& a) {
  if (a.argc < 1)
    return vm.raise(vm.exc().TypeError,
                    "CFUNCTYPE() missing 1 required positional argument: 'restype'");
  TypeInfo info;
  info.kind = CKind::FuncPtr;
  info.size = info.align = sizeof(void*);
  info.fixed_args = true;
  Tuple* key = vm.new_tuple(a.argc + 1);
  VM::TempRoot keep(vm, key);
  (*key)[0] = vm.str("F");
  for (uint32_t k = 0; k < a.argc; ++k) {
    if (!(k == 0 && a[k].is_none()) && !is_ctype(vm, a[k]))
      return vm.raise(vm.exc().TypeError, k == 0 ? "restype must be a type, a callable, or None"
                                                 : "_argtypes_ must be a sequence of types");
    (*key)[k + 1] = a[k];
    if (k == 0)
      info.restype = a[k].is_none() ? nullptr : as_type(a[k]);
    else
      info.argtypes.push_back(as_type(a[k]));
  }
  Value hit;
  int r = dict_get(vm, state(vm).cache, Value::from_obj(key), hit);
  if (r < 0) return Value();
  if (r > 0) return hit;
  Type* t = new_funcptr_type(vm, "CFunctionType", "ctypes.CFUNCTYPE.<locals>", info);
  set_attr_str(vm, t->dict, "_restype_", a[0]);
  if (!dict_set(vm, state(vm).cache, Value::from_obj(key), Value::from_obj(t))) return Value();
  return Value::from_obj(t);
}

void install_funcptr(VM& vm, CtState& st) {
  TypeInfo info;
  info.kind = CKind::FuncPtr;
  info.size = info.align = sizeof(void*);
  info.restype = st.c_int;
  Type* fp = new_funcptr_type(vm, "_FuncPtr", "ctypes", info);
  set_attr_str(vm, st.module->dict, "_FuncPtr_cdll", Value::from_obj(fp));
  Type* cdll = make_builtin_type(vm, "CDLL", vm.types().object, Kind::Other, kTypeBaseType);
  cdll->module_name = vm.intern("ctypes");
  cdll->slots.trace = cdll_trace;
  cdll->slots.repr = cdll_repr;
  cdll->slots.getattr = cdll_getattr;
  cdll->slots.getitem = cdll_getitem;
  cdll->slots.construct = cdll_construct;
  st.cdll_type = cdll;
  set_attr_str(vm, st.module->dict, "CDLL", Value::from_obj(cdll));
  Type* loader = make_builtin_type(vm, "LibraryLoader", vm.types().object, Kind::Other, 0);
  loader->module_name = vm.intern("ctypes");
  loader->slots.getattr = loader_getattr;
  loader->slots.trace = [](Object*, GcTracer&) {};
  Object* cdll_loader = vm.heap().make<Object>(loader, Kind::Other, 0);
  set_attr_str(vm, st.module->dict, "cdll", Value::from_obj(cdll_loader));
  set_attr_str(vm, st.module->dict, "RTLD_LOCAL", Value::from_int(RTLD_LOCAL));
  set_attr_str(vm, st.module->dict, "RTLD_GLOBAL", Value::from_int(RTLD_GLOBAL));
}

}  // namespace pyjitvm::stdlib::ct
