// stdlib/ctypes/ctypes_module.cpp — builds the native `ctypes` module: the per-VM
// state, the simple types (c_int, c_double ...), POINTER()/array type creation, the
// helper functions (sizeof, byref, pointer, cast, addressof) and ctypes.util.
//
// Stage: `import ctypes` runs init_ctypes_module() once per VM; the other files add
// their parts through the install_* hooks of ctypes_internal.h.
//
// Invariants: ctypes_internal.h I1–I4. Type caches (POINTER(T), T * n, CFUNCTYPE)
// live in CtState::cache, so `POINTER(c_int) is POINTER(c_int)` as in CPython.
#include <dirent.h>

#include <algorithm>
#include <string>

#include "stdlib/ctypes/ctypes.h"
#include "stdlib/ctypes/ctypes_internal.h"
#include "vm/builtin_types.h"
#include "vm/dict_object.h"
#include "vm/gc.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::ct {

using namespace pyjitvm::vm;

namespace {

void state_trace(Object* o, GcTracer& t) {
  CtState* s = static_cast<CtState*>(o);
  t.mark(s->cache);
  t.mark(s->module);
  for (Type* x : {s->cdata_type, s->carg_type, s->argument_error, s->simple_meta, s->pointer_meta,
                  s->array_meta, s->funcptr_meta, s->cdll_type, s->np_ctypes_type})
    t.mark(x);
  if (!s->infos) return;
  for (auto& [type, info] : *s->infos) {
    t.mark(type);
    t.mark(info.elem);
    t.mark(info.restype);
    for (Type* a : info.argtypes) t.mark(a);
  }
}

void state_finalize(Object* o, Heap&) {
  CtState* s = static_cast<CtState*>(o);
  delete s->infos;
  s->infos = nullptr;
}

// T * n and n * T on ctypes types (their metaclass's binop slot).
Value meta_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool) {
  if (op != BinOp::Mul) return vm.not_implemented();
  Value t = is_kind(lhs, Kind::Type) ? lhs : rhs;
  Value n = is_kind(lhs, Kind::Type) ? rhs : lhs;
  if (!n.is_int() || !is_kind(t, Kind::Type) || !info_of(vm, as_type(t)))
    return vm.not_implemented();
  if (n.as_int() < 0)
    return vm.raise_fmt(vm.exc().ValueError, "Array length must be >= 0, not %lld",
                        static_cast<long long>(n.as_int()));
  Type* a = array_type(vm, as_type(t), n.as_int());
  return a ? Value::from_obj(a) : Value();
}

Type* new_meta(VM& vm, const char* name) {
  Type* m = make_builtin_type(vm, name, vm.types().type, Kind::Type, 0);
  m->module_name = vm.intern("_ctypes");
  m->slots.binop = meta_binop;
  return m;
}

Value cache_get(VM& vm, Value key) {
  Value out;
  int r = dict_get(vm, state(vm).cache, key, out);
  return r > 0 ? out : Value();
}

// ---- module functions

const TypeInfo* info_of_value(VM& vm, Value v) {
  if (is_kind(v, Kind::Type)) return info_of(vm, as_type(v));
  if (is_cdata(vm, v)) return info_of(vm, v.as_obj()->type);
  return nullptr;
}

Value f_sizeof(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "sizeof", 1, 1)) return Value();
  const TypeInfo* i = info_of_value(vm, a[0]);
  if (!i) return vm.raise(vm.exc().TypeError, "this type has no size");
  return Value::from_int(static_cast<int64_t>(i->size));
}

Value f_alignment(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "alignment", 1, 1)) return Value();
  const TypeInfo* i = info_of_value(vm, a[0]);
  if (!i) return vm.raise(vm.exc().TypeError, "no alignment info");
  return Value::from_int(static_cast<int64_t>(i->align));
}

Value f_byref(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "byref", 1, 2)) return Value();
  if (!is_cdata(vm, a[0]))
    return vm.raise_fmt(vm.exc().TypeError, "byref() argument must be a ctypes instance, not '%s'",
                        type_name(vm, a[0]));
  int64_t off = 0;
  if (a.argc > 1 && !index_of(vm, a[1], off)) return Value();
  CData* r = vm.heap().make<CData>(state(vm).carg_type, Kind::Other, 0);
  r->ptr = as_cdata(a[0])->ptr + off;
  r->keep = a[0];
  return Value::from_obj(r);
}

Value f_POINTER(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "POINTER", 1, 1)) return Value();
  if (!is_kind(a[0], Kind::Type) || !info_of(vm, as_type(a[0])))
    return vm.raise(vm.exc().TypeError, "_type_ must have storage info");
  Type* t = pointer_type(vm, as_type(a[0]));
  return t ? Value::from_obj(t) : Value();
}

Value f_pointer(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "pointer", 1, 1)) return Value();
  if (!is_cdata(vm, a[0])) return vm.raise(vm.exc().TypeError, "_type_ must have storage info");
  Type* pt = pointer_type(vm, a[0].as_obj()->type);
  if (!pt) return Value();
  CData* p = new_cdata(vm, pt, *info_of(vm, pt));
  void* addr = as_cdata(a[0])->ptr;
  std::memcpy(p->ptr, &addr, sizeof addr);
  p->keep = a[0];
  return Value::from_obj(p);
}

bool pointer_like(const TypeInfo* i) {
  return i && (i->kind == CKind::Pointer || i->kind == CKind::FuncPtr ||
               (i->kind == CKind::Simple && (i->code == 'P' || i->code == 'z')));
}

Value f_cast(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "cast", 2, 2)) return Value();
  const TypeInfo* ti = is_kind(a[1], Kind::Type) ? info_of(vm, as_type(a[1])) : nullptr;
  if (!pointer_like(ti)) {
    Value r = repr(vm, a[1]);
    if (failed(r)) return r;
    std::string n = is_kind(a[1], Kind::Type) ? std::string(as_type(a[1])->name->view())
                                              : std::string(as_str(r)->view());
    return vm.raise_fmt(vm.exc().TypeError, "cast() argument 2 must be a pointer type, not %s",
                        n.c_str());
  }
  void* addr = nullptr;
  if (a[0].is_int()) {
    addr = reinterpret_cast<void*>(static_cast<uintptr_t>(a[0].as_int()));
  } else if (is_cdata(vm, a[0]) || (a[0].is_obj() && a[0].as_obj()->type == state(vm).carg_type)) {
    addr = address_value(vm, a[0]);
  } else if (!a[0].is_none()) {
    return vm.raise(state(vm).argument_error, "argument 1: TypeError: wrong type");
  }
  CData* r = new_cdata(vm, as_type(a[1]), *ti);
  std::memcpy(r->ptr, &addr, sizeof addr);
  if (a[0].is_obj()) r->keep = a[0];
  return Value::from_obj(r);
}

Value f_addressof(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "addressof", 1, 1)) return Value();
  if (!is_cdata(vm, a[0])) return vm.raise(vm.exc().TypeError, "invalid type");
  return Value::from_int(static_cast<int64_t>(reinterpret_cast<uintptr_t>(as_cdata(a[0])->ptr)));
}

// ctypes.util.find_library: the soname of lib<name> found in the usual library folders
// ("libm.so.6"), None if there is none.
Value f_find_library(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "find_library", 1, 1)) return Value();
  Str* name;
  if (!arg_str(vm, a[0], "find_library", name)) return Value();
  const std::string prefix = "lib" + std::string(name->view()) + ".so.";
  static const char* const kDirs[] = {"/lib/x86_64-linux-gnu",
                                      "/usr/lib/x86_64-linux-gnu",
                                      "/lib/aarch64-linux-gnu",
                                      "/usr/lib/aarch64-linux-gnu",
                                      "/lib64",
                                      "/usr/lib64",
                                      "/lib",
                                      "/usr/lib",
                                      "/usr/local/lib"};
  for (const char* d : kDirs) {
    DIR* dir = opendir(d);
    if (!dir) continue;
    std::vector<std::string> found;
    while (dirent* e = readdir(dir)) {
      std::string f = e->d_name;
      if (f.size() > prefix.size() && f.compare(0, prefix.size(), prefix) == 0 &&
          std::all_of(f.begin() + static_cast<long>(prefix.size()), f.end(),
                      [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
        found.push_back(f);
    }
    closedir(dir);
    if (found.empty()) continue;
    // the soname: the shortest versioned name (libm.so.6 rather than libm.so.6.0.1)
    std::sort(found.begin(), found.end(), [](const std::string& x, const std::string& y) {
      return x.size() != y.size() ? x.size() < y.size() : x < y;
    });
    return vm.str(found.front());
  }
  return Value::none();
}

struct SimpleDef {
  const char* name;
  char code;
  size_t size;
};

bool install_simple_types(VM& vm, CtState& st) {
  static const SimpleDef kTypes[] = {
      {"c_bool", '?', 1},   {"c_byte", 'b', 1},  {"c_ubyte", 'B', 1},  {"c_short", 'h', 2},
      {"c_ushort", 'H', 2}, {"c_int", 'i', 4},   {"c_uint", 'I', 4},   {"c_long", 'l', 8},
      {"c_ulong", 'L', 8},  {"c_float", 'f', 4}, {"c_double", 'd', 8}, {"c_void_p", 'P', 8},
      {"c_char_p", 'z', 8},
  };
  Dict* d = st.module->dict;
  for (const SimpleDef& s : kTypes) {
    TypeInfo info;
    info.kind = CKind::Simple;
    info.code = s.code;
    info.size = info.align = s.size;
    Type* t = new_ctype(vm, s.name, st.simple_meta, info, "ctypes");
    set_attr_str(vm, t->dict, "_type_", vm.str(std::string(1, s.code)));
    set_attr_str(vm, d, s.name, Value::from_obj(t));
  }
  static const char* const kAliases[][2] = {
      {"c_int8", "c_byte"},      {"c_uint8", "c_ubyte"},  {"c_int16", "c_short"},
      {"c_uint16", "c_ushort"},  {"c_int32", "c_int"},    {"c_uint32", "c_uint"},
      {"c_int64", "c_long"},     {"c_uint64", "c_ulong"}, {"c_size_t", "c_ulong"},
      {"c_ssize_t", "c_long"},   {"c_voidp", "c_void_p"}, {"c_longlong", "c_long"},
      {"c_ulonglong", "c_ulong"}};
  for (const auto& al : kAliases) set_attr_str(vm, d, al[0], dict_get_str(d, vm.intern(al[1])));
  st.c_long = as_type(dict_get_str(d, vm.intern("c_long")));
  st.c_int = as_type(dict_get_str(d, vm.intern("c_int")));
  st.c_void_p = as_type(dict_get_str(d, vm.intern("c_void_p")));
  st.c_char_p = as_type(dict_get_str(d, vm.intern("c_char_p")));
  return !vm.has_pending();
}

Module* init_ctypes_module(VM& vm) {
  Module* m = vm.new_module("ctypes");
  VM::TempRoot keep(vm, m);
  Type* state_type = make_builtin_type(vm, "_ctypes_state", vm.types().object, Kind::Other, 0);
  state_type->slots.trace = state_trace;
  state_type->slots.finalize = state_finalize;
  CtState* st = vm.heap().make<CtState>(state_type, Kind::Other, 0);
  st->infos = new std::unordered_map<Type*, TypeInfo>();
  st->module = m;
  vm.set_ext("ctypes.state", Value::from_obj(st));
  st->cache = vm.new_dict();
  st->simple_meta = new_meta(vm, "PyCSimpleType");
  st->pointer_meta = new_meta(vm, "PyCPointerType");
  st->array_meta = new_meta(vm, "PyCArrayType");
  st->funcptr_meta = new_meta(vm, "PyCFuncPtrType");
  install_cdata_slots(vm, *st);
  if (!vm.exec_module("class ArgumentError(Exception):\n    pass\n", "<ctypes>", m)) return nullptr;
  st->argument_error = as_type(dict_get_str(m->dict, vm.intern("ArgumentError")));
  if (!install_simple_types(vm, *st)) return nullptr;
  static const MethodDef kFns[] = {
      {"sizeof", f_sizeof},       {"alignment", f_alignment}, {"byref", f_byref},
      {"POINTER", f_POINTER},     {"pointer", f_pointer},     {"cast", f_cast},
      {"addressof", f_addressof}, {"CFUNCTYPE", f_cfunctype},
  };
  add_functions(vm, m->dict, kFns);
  install_funcptr(vm, *st);
  install_ndarray_ctypes(vm, *st);
  Module* util = vm.new_module("ctypes.util");
  VM::TempRoot keep_util(vm, util);
  static const MethodDef kUtil[] = {{"find_library", f_find_library}};
  add_functions(vm, util->dict, kUtil);
  vm.register_module(util);
  set_attr_str(vm, m->dict, "util", Value::from_obj(util));
  if (vm.has_pending()) return nullptr;
  return m;
}

}  // namespace

CtState& state(VM& vm) { return *static_cast<CtState*>(vm.get_ext("ctypes.state").as_obj()); }

const TypeInfo* info_of(VM& vm, Type* t) {
  Value s = vm.get_ext("ctypes.state");
  if (s.is_undef()) return nullptr;
  auto& infos = *static_cast<CtState*>(s.as_obj())->infos;
  for (Type* x : t->mro) {
    auto it = infos.find(x);
    if (it != infos.end()) return &it->second;
  }
  return nullptr;
}

bool is_cdata(VM& vm, Value v) {
  if (!v.is_obj() || v.as_obj()->kind != Kind::Other) return false;
  Value s = vm.get_ext("ctypes.state");
  if (s.is_undef()) return false;
  return v.as_obj()->type->is_subtype_of(static_cast<CtState*>(s.as_obj())->cdata_type);
}

std::string caller_module(VM& vm) {
  if (vm.frames().empty() || !vm.frames().back().globals) return "__main__";
  Value n = dict_get_str(vm.frames().back().globals, vm.intern("__name__"));
  return is_kind(n, Kind::Str) ? std::string(as_str(n)->view()) : "__main__";
}

Type* new_ctype(VM& vm, std::string_view name, Type* meta, const TypeInfo& info,
                std::string_view module) {
  CtState& st = state(vm);
  Type* t = make_builtin_type(vm, name, st.cdata_type, Kind::Other, kTypeBaseType);
  t->type = meta;
  t->module_name = vm.intern(module);
  (*st.infos)[t] = info;
  return t;
}

Type* pointer_type(VM& vm, Type* target) {
  Tuple* key = vm.tuple_of({vm.str("P"), Value::from_obj(target)});
  VM::TempRoot keep(vm, key);
  Value hit = cache_get(vm, Value::from_obj(key));
  if (!hit.is_undef()) return as_type(hit);
  if (vm.has_pending()) return nullptr;
  TypeInfo info;
  info.kind = CKind::Pointer;
  info.size = info.align = sizeof(void*);
  info.elem = target;
  Type* t = new_ctype(vm, "LP_" + std::string(target->name->view()), state(vm).pointer_meta, info,
                      caller_module(vm));
  set_attr_str(vm, t->dict, "_type_", Value::from_obj(target));
  if (!dict_set(vm, state(vm).cache, Value::from_obj(key), Value::from_obj(t))) return nullptr;
  return t;
}

Type* array_type(VM& vm, Type* elem, int64_t n) {
  Tuple* key = vm.tuple_of({vm.str("A"), Value::from_obj(elem), Value::from_int(n)});
  VM::TempRoot keep(vm, key);
  Value hit = cache_get(vm, Value::from_obj(key));
  if (!hit.is_undef()) return as_type(hit);
  if (vm.has_pending()) return nullptr;
  const TypeInfo* ei = info_of(vm, elem);
  TypeInfo info;
  info.kind = CKind::Array;
  info.size = ei->size * static_cast<size_t>(n);
  info.align = ei->align;
  info.elem = elem;
  info.length = n;
  Type* t = new_ctype(vm, std::string(elem->name->view()) + "_Array_" + std::to_string(n),
                      state(vm).array_meta, info, caller_module(vm));
  set_attr_str(vm, t->dict, "_type_", Value::from_obj(elem));
  set_attr_str(vm, t->dict, "_length_", Value::from_int(n));
  if (!dict_set(vm, state(vm).cache, Value::from_obj(key), Value::from_obj(t))) return nullptr;
  return t;
}

void register_ctypes(VM& vm) { vm.register_native_module("ctypes", init_ctypes_module); }

}  // namespace pyjitvm::stdlib::ct
