// stdlib/ctypes/cdata.cpp — ctypes instances: simple values (c_int(3).value), pointers
// (p[i], p.contents) and arrays ((c_int * 5)(...), indexing, len, iteration), and the
// conversions between C memory and Python values that foreign calls reuse.
//
// Stage: the slots installed here on the common base type are inherited by every
// ctypes type made later (simple types, POINTER(T), T * n, CFUNCTYPE types).
//
// Invariants: ctypes_internal.h I1–I4. Integer stores wrap modulo 2**bits (CPython's
// masking conversion); reads of unsigned 64-bit values above 2**63 give Python ints.
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "stdlib/ctypes/ctypes_internal.h"
#include "vm/bigint.h"
#include "vm/builtin_types.h"
#include "vm/gc.h"
#include "vm/list_object.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/ops.h"
#include "vm/seq_util.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::ct {

using namespace pyjitvm::vm;

namespace {

void cdata_trace(Object* o, GcTracer& t) {
  CData* c = static_cast<CData*>(o);
  t.mark(c->base);
  t.mark(c->keep);
  t.mark(c->argtypes);
  t.mark(c->restype);
  t.mark(c->errcheck);
  t.mark(c->name);
}

void cdata_finalize(Object* o, Heap& heap) {
  CData* c = static_cast<CData*>(o);
  if (c->own) {
    std::free(c->own);
    heap.note_external_free(c->own_size);
    c->own = nullptr;
  }
  if (c->closure) {
    free_closure(c->closure);
    c->closure = nullptr;
  }
}

// An int (any size) as its low 64 bits, CPython's masking conversion.
bool int_bits(VM& vm, Value v, uint64_t& out) {
  if (is_kind(v, Kind::BigInt)) {
    Value mask = int_from_bigint(vm, BigInt::from_u64(~uint64_t{0}));
    VM::TempRoot keep(vm, mask);
    Value low = int_binop(vm, BinOp::And, v, mask);
    if (failed(low)) return false;
    BigInt b;
    if (!int_to_bigint(low, b)) return false;
    out = b.to_u64();
    return true;
  }
  int64_t i;
  if (!index_of(vm, v, i)) return false;
  out = static_cast<uint64_t>(i);
  return true;
}

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class T>
void store(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

const TypeInfo& info_or_die(VM& vm, Type* t) { return *info_of(vm, t); }

Value cdata_repr(VM& vm, Value self) {
  Type* t = self.as_obj()->type;
  const TypeInfo* i = info_of(vm, t);
  char addr[40];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.as_obj()));
  if (t == state(vm).carg_type) {
    std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(as_cdata(self)->ptr));
    return vm.str(std::string("<cparam 'P' (") + addr + ")>");
  }
  bool own_entry = state(vm).infos->count(t) != 0;
  if (i && i->kind == CKind::Simple && own_entry) {
    Value v;
    if (i->code == 'z') {
      void* p = load<void*>(as_cdata(self)->ptr);
      v = p ? Value::from_int(static_cast<int64_t>(reinterpret_cast<uintptr_t>(p))) : Value::none();
    } else if (!simple_get(vm, i->code, as_cdata(self)->ptr, v)) {
      return Value();
    }
    std::string out(t->name->view());
    out += "(";
    if (!repr_append(vm, v, out)) return Value();
    return vm.str(out + ")");
  }
  if (i && i->kind == CKind::FuncPtr)
    return vm.str("<" + std::string(t->name->view()) + " object at " + addr + ">");
  return vm.str("<" + std::string(t->module_name->view()) + "." + std::string(t->name->view()) +
                " object at " + addr + ">");
}

// ---- construction
Value construct_pointer(VM& vm, Type* cls, const TypeInfo& info, const CallArgs& a) {
  CData* p = new_cdata(vm, cls, info);
  if (a.argc == 0) return Value::from_obj(p);
  Value v = a[0];
  if (!is_cdata(vm, v) || !v.as_obj()->type->is_subtype_of(info.elem))
    return vm.raise_fmt(vm.exc().TypeError, "expected %s instead of %s", info.elem->name->data(),
                        type_name(vm, v));
  void* addr = as_cdata(v)->ptr;
  store(p->ptr, addr);
  p->keep = v;
  return Value::from_obj(p);
}

Value cdata_construct(VM& vm, Type* cls, const CallArgs& a) {
  const TypeInfo* info = info_of(vm, cls);
  if (!info) return vm.raise(vm.exc().TypeError, "abstract class");
  if (info->kind == CKind::FuncPtr) return funcptr_construct(vm, cls, a);
  if (a.nkw()) return vm.raise(vm.exc().TypeError, "keyword arguments are not supported");
  if (info->kind == CKind::Array) {
    if (a.argc > static_cast<uint64_t>(info->length))
      return vm.raise(vm.exc().IndexError, "invalid index");
    CData* arr = new_cdata(vm, cls, *info);
    VM::TempRoot keep(vm, arr);
    const size_t es = info_or_die(vm, info->elem).size;
    for (uint32_t k = 0; k < a.argc; ++k) {
      Value kept;
      if (!c_set(vm, info->elem, arr->ptr + k * es, a[k], &kept)) return Value();
      if (!kept.is_undef())
        arr->keep = kept;  // the last one: enough for pointer arrays of one target
    }
    return Value::from_obj(arr);
  }
  if (a.argc > 1)
    return vm.raise_fmt(vm.exc().TypeError, "__init__ expected at most 1 argument, got %u", a.argc);
  if (info->kind == CKind::Pointer) return construct_pointer(vm, cls, *info, a);
  CData* c = new_cdata(vm, cls, *info);
  if (a.argc == 1) {
    VM::TempRoot keep(vm, c);
    if (!simple_set(vm, info->code, c->ptr, a[0])) return Value();
  }
  return Value::from_obj(c);
}

// ---- attributes
Value cdata_getattr(VM& vm, Value self, Str* name) {
  const TypeInfo* i = info_of(vm, self.as_obj()->type);
  std::string_view n = name->view();
  CData* c = as_cdata(self);
  if (i && n == "value" && i->kind == CKind::Simple) {
    Value v;
    return simple_get(vm, i->code, c->ptr, v) ? v : Value();
  }
  if (i && n == "contents" && i->kind == CKind::Pointer) {
    char* addr = load<char*>(c->ptr);
    if (!addr) return vm.raise(vm.exc().ValueError, "NULL pointer access");
    return Value::from_obj(cdata_at(vm, i->elem, addr, c->keep));
  }
  if (n == "_b_needsfree_") return Value::from_int(c->own ? 1 : 0);
  return generic_getattr(vm, self, name);
}

bool cdata_setattr(VM& vm, Value self, Str* name, Value v) {
  const TypeInfo* i = info_of(vm, self.as_obj()->type);
  std::string_view n = name->view();
  CData* c = as_cdata(self);
  if (i && n == "value" && i->kind == CKind::Simple && !v.is_undef())
    return simple_set(vm, i->code, c->ptr, v);
  if (i && n == "contents" && i->kind == CKind::Pointer && !v.is_undef()) {
    if (!is_cdata(vm, v) || !v.as_obj()->type->is_subtype_of(i->elem)) {
      vm.raise_fmt(vm.exc().TypeError, "expected %s instead of %s", i->elem->name->data(),
                   type_name(vm, v));
      return false;
    }
    store(c->ptr, static_cast<void*>(as_cdata(v)->ptr));
    c->keep = v;
    return true;
  }
  vm.raise_fmt(vm.exc().AttributeError, "'%s' object has no attribute '%s'", type_name(vm, self),
               name->data());
  return false;
}

// ---- items
// The element address for index `key` of an array (bounds-checked) or pointer.
bool item_addr(VM& vm, Value self, Value key, const TypeInfo*& ei, char*& out) {
  const TypeInfo* i = info_of(vm, self.as_obj()->type);
  if (!i || (i->kind != CKind::Array && i->kind != CKind::Pointer)) {
    vm.raise_fmt(vm.exc().TypeError, "'%s' object is not subscriptable", type_name(vm, self));
    return false;
  }
  int64_t k;
  if (!index_of(vm, key, k)) return false;
  ei = info_of(vm, i->elem);
  char* base = as_cdata(self)->ptr;
  if (i->kind == CKind::Array) {
    if (!normalize_index(k, i->length)) {
      vm.raise(vm.exc().IndexError, "invalid index");
      return false;
    }
  } else {
    base = load<char*>(base);
    if (!base) {
      vm.raise(vm.exc().ValueError, "NULL pointer access");
      return false;
    }
  }
  out = base + k * static_cast<int64_t>(ei->size);
  return true;
}

Value cdata_getitem(VM& vm, Value self, Value key) {
  const TypeInfo* i = info_of(vm, self.as_obj()->type);
  if (i && i->kind == CKind::Array && is_kind(key, Kind::Slice)) {
    SliceBounds b;
    if (!slice_indices(vm, key, i->length, b)) return Value();
    List* out = vm.new_list(0);
    VM::TempRoot keep(vm, out);
    const size_t es = info_of(vm, i->elem)->size;
    for (int64_t k = 0, j = b.start; k < b.length; ++k, j += b.step) {
      Value v = c_get(vm, i->elem, as_cdata(self)->ptr + j * static_cast<int64_t>(es), self);
      if (failed(v)) return v;
      list_append(vm.heap(), out, v);
    }
    return Value::from_obj(out);
  }
  const TypeInfo* ei;
  char* addr;
  if (!item_addr(vm, self, key, ei, addr)) return Value();
  const CData* c = as_cdata(self);
  return c_get(vm, i->elem, addr, i->kind == CKind::Array ? self : c->keep);
}

bool cdata_setitem(VM& vm, Value self, Value key, Value v) {
  if (v.is_undef()) {
    vm.raise(vm.exc().TypeError, "Array does not support item deletion");
    return false;
  }
  const TypeInfo* ei;
  char* addr;
  if (!item_addr(vm, self, key, ei, addr)) return false;
  Value kept;
  if (!c_set(vm, info_of(vm, self.as_obj()->type)->elem, addr, v, &kept)) return false;
  if (!kept.is_undef()) as_cdata(self)->keep = kept;
  return true;
}

bool cdata_len(VM& vm, Value self, int64_t& out) {
  const TypeInfo* i = info_of(vm, self.as_obj()->type);
  if (!i || i->kind != CKind::Array) {
    vm.raise_fmt(vm.exc().TypeError, "object of type '%s' has no len()", type_name(vm, self));
    return false;
  }
  out = i->length;
  return true;
}

Value cdata_iter(VM& vm, Value self) {
  const TypeInfo* i = info_of(vm, self.as_obj()->type);
  if (!i || (i->kind != CKind::Array && i->kind != CKind::Pointer))
    return vm.raise_fmt(vm.exc().TypeError, "'%s' object is not iterable", type_name(vm, self));
  return make_seq_iter(vm, self);
}

int cdata_truth(VM& vm, Value self) {
  const TypeInfo* i = info_of(vm, self.as_obj()->type);
  const char* p = as_cdata(self)->ptr;
  if (!i) return 1;
  if (i->kind == CKind::Array) return i->length != 0;
  if (i->kind != CKind::Simple) return load<void*>(p) != nullptr;
  for (size_t k = 0; k < i->size; ++k)
    if (p[k]) return 1;
  return 0;
}

}  // namespace

CData* new_cdata(VM& vm, Type* t, const TypeInfo& info) {
  CData* c = vm.heap().make<CData>(t, Kind::Other, 0);
  size_t n = info.size ? info.size : 1;
  c->own = static_cast<char*>(std::calloc(1, n < 8 ? 8 : n));
  c->own_size = n;
  vm.heap().note_external_alloc(n);
  c->ptr = c->own;
  return c;
}

CData* cdata_at(VM& vm, Type* t, char* addr, Value base) {
  CData* c = vm.heap().make<CData>(t, Kind::Other, 0);
  c->ptr = addr;
  c->base = base;
  return c;
}

bool simple_get(VM& vm, char code, const char* p, Value& out) {
  switch (code) {
    case 'b':
      out = Value::from_int(load<int8_t>(p));
      return true;
    case 'B':
      out = Value::from_int(load<uint8_t>(p));
      return true;
    case 'h':
      out = Value::from_int(load<int16_t>(p));
      return true;
    case 'H':
      out = Value::from_int(load<uint16_t>(p));
      return true;
    case 'i':
      out = Value::from_int(load<int32_t>(p));
      return true;
    case 'I':
      out = Value::from_int(load<uint32_t>(p));
      return true;
    case 'l':
    case 'q':
      out = Value::from_int(load<int64_t>(p));
      return true;
    case 'L':
    case 'Q': {
      uint64_t u = load<uint64_t>(p);
      out = u <= INT64_MAX ? Value::from_int(static_cast<int64_t>(u))
                           : int_from_bigint(vm, BigInt::from_u64(u));
      return !failed(out);
    }
    case 'f':
      out = Value::from_float(load<float>(p));
      return true;
    case 'd':
      out = Value::from_float(load<double>(p));
      return true;
    case '?':
      out = Value::from_bool(load<uint8_t>(p) != 0);
      return true;
    case 'P': {
      uint64_t u = load<uint64_t>(p);
      if (!u)
        out = Value::none();
      else
        out = u <= INT64_MAX ? Value::from_int(static_cast<int64_t>(u))
                             : int_from_bigint(vm, BigInt::from_u64(u));
      return !failed(out);
    }
    case 'z':
      if (!load<void*>(p)) {
        out = Value::none();
        return true;
      }
      vm.raise(vm.exc().NotImplementedError, "c_char_p.value: pyjitvm has no bytes objects");
      return false;
    default:
      break;
  }
  vm.raise(vm.exc().TypeError, "unsupported ctypes type");
  return false;
}

bool simple_set(VM& vm, char code, char* p, Value v) {
  if (code == 'd' || code == 'f') {
    double d;
    if (!to_double(vm, v, d)) return false;
    if (code == 'd')
      store(p, d);
    else
      store(p, static_cast<float>(d));
    return true;
  }
  if (code == '?') {
    int t = truthy(vm, v);
    if (t < 0) return false;
    store(p, static_cast<uint8_t>(t));
    return true;
  }
  if ((code == 'P' || code == 'z') && v.is_none()) {
    store(p, static_cast<void*>(nullptr));
    return true;
  }
  if (code == 'z' && !v.is_int() && !is_kind(v, Kind::BigInt)) {
    vm.raise_fmt(vm.exc().TypeError, "bytes or integer address expected instead of %s instance",
                 type_name(vm, v));
    return false;
  }
  if (code == 'P' && !v.is_int() && !is_kind(v, Kind::BigInt)) {
    vm.raise_fmt(vm.exc().TypeError, "cannot be converted to pointer");
    return false;
  }
  uint64_t u;
  if (!int_bits(vm, v, u)) return false;
  switch (code) {
    case 'b':
    case 'B':
      store(p, static_cast<uint8_t>(u));
      return true;
    case 'h':
    case 'H':
      store(p, static_cast<uint16_t>(u));
      return true;
    case 'i':
    case 'I':
      store(p, static_cast<uint32_t>(u));
      return true;
    default:
      store(p, u);
      return true;
  }
}

Value c_get(VM& vm, Type* t, const char* addr, Value base) {
  const TypeInfo& i = info_or_die(vm, t);
  if (i.kind == CKind::Simple && state(vm).infos->count(t)) {
    Value v;
    return simple_get(vm, i.code, addr, v) ? v : Value();
  }
  return Value::from_obj(cdata_at(vm, t, const_cast<char*>(addr), base));
}

bool c_set(VM& vm, Type* t, char* addr, Value v, Value* keep_out) {
  const TypeInfo& i = info_or_die(vm, t);
  if (is_cdata(vm, v) && v.as_obj()->type == t) {
    std::memcpy(addr, as_cdata(v)->ptr, i.size);
    if (keep_out && i.kind != CKind::Simple) *keep_out = v;
    return true;
  }
  if (i.kind == CKind::Simple) return simple_set(vm, i.code, addr, v);
  if (i.kind == CKind::Pointer && is_cdata(vm, v)) {
    const TypeInfo* vi = info_of(vm, v.as_obj()->type);
    if (vi && vi->kind == CKind::Array && vi->elem == i.elem) {
      store(addr, static_cast<void*>(as_cdata(v)->ptr));
      if (keep_out) *keep_out = v;
      return true;
    }
  }
  vm.raise_fmt(vm.exc().TypeError, "incompatible types, %s instance instead of %s instance",
               type_name(vm, v), t->name->data());
  return false;
}

ffi_type* ffi_of(const TypeInfo& info) {
  if (info.kind != CKind::Simple) return &ffi_type_pointer;
  switch (info.code) {
    case 'b':
      return &ffi_type_sint8;
    case 'B':
    case '?':
      return &ffi_type_uint8;
    case 'h':
      return &ffi_type_sint16;
    case 'H':
      return &ffi_type_uint16;
    case 'i':
      return &ffi_type_sint32;
    case 'I':
      return &ffi_type_uint32;
    case 'l':
    case 'q':
      return &ffi_type_sint64;
    case 'L':
    case 'Q':
      return &ffi_type_uint64;
    case 'f':
      return &ffi_type_float;
    case 'd':
      return &ffi_type_double;
    default:
      return &ffi_type_pointer;
  }
}

void* address_value(VM& vm, Value v) {
  CData* c = as_cdata(v);
  if (v.as_obj()->type == state(vm).carg_type) return c->ptr;
  const TypeInfo* i = info_of(vm, v.as_obj()->type);
  if (!i || i->kind == CKind::Array) return c->ptr;
  if (i->kind == CKind::Simple && i->code != 'P' && i->code != 'z') return c->ptr;
  return load<void*>(c->ptr);
}

void install_cdata_slots(VM& vm, CtState& st) {
  Type* t = make_builtin_type(vm, "_CData", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("_ctypes");
  t->slots.trace = cdata_trace;
  t->slots.finalize = cdata_finalize;
  t->slots.repr = cdata_repr;
  t->slots.construct = cdata_construct;
  t->slots.getattr = cdata_getattr;
  t->slots.setattr = cdata_setattr;
  t->slots.getitem = cdata_getitem;
  t->slots.setitem = cdata_setitem;
  t->slots.len = cdata_len;
  t->slots.iter = cdata_iter;
  t->slots.truth = cdata_truth;
  st.cdata_type = t;
  Type* carg = make_builtin_type(vm, "CArgObject", vm.types().object, Kind::Other, 0);
  carg->slots.trace = cdata_trace;
  carg->slots.repr = cdata_repr;
  st.carg_type = carg;
}

}  // namespace pyjitvm::stdlib::ct
