// stdlib/ctypes/ctypes_internal.h — what the files of the native `ctypes` module share:
// the per-type layout table, the CData object every ctypes instance is, and the
// conversions between C memory and Python values.
//
// Stage: ctypes_module.cpp builds the module (types, helper functions, ctypes.util);
// cdata.cpp implements instances of simple, pointer and array types; cfunc_ptr.cpp
// implements foreign functions (CDLL symbols, CFUNCTYPE types and their libffi
// closures); ndarray_ctypes.cpp the `ndarray.ctypes` helper object.
//
// Invariants:
//   I1  Every ctypes type (c_int, LP_c_int, c_int_Array_5, CFunctionType ...) has one
//       TypeInfo in the per-VM CtState (keyed by the Type*); types found there are
//       kept alive by the state's trace slot. Subclasses of a ctypes type inherit the
//       layout of the nearest base with an entry (info_of walks the mro).
//   I2  A CData's memory is `ptr`: either its own buffer (`own`, malloc'd, freed by the
//       finalizer) or memory owned by `base` (kept alive by the trace slot). CData
//       objects never move (non-moving heap), so libffi closures may point at them.
//   I3  Pointer, c_void_p, c_char_p and function pointer instances store the address
//       in their own 8-byte buffer, as CPython does: p.contents and p[i] read through it.
//   I4  User errors are Python exceptions with CPython 3.11's wording; conversions of
//       foreign-function arguments raise ctypes.ArgumentError("argument N: <Exc>: msg").
#pragma once

#include <ffi.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "vm/vm.h"

namespace pyjitvm::stdlib::ct {

enum class CKind : uint8_t { Simple, Pointer, Array, FuncPtr };

struct TypeInfo {
  CKind kind = CKind::Simple;
  char code = 'i';  // Simple: struct-module style code (d f i I l L b B h H ? P z)
  size_t size = 0;
  size_t align = 1;
  vm::Type* elem = nullptr;         // Pointer / Array: the target / element type
  int64_t length = 0;               // Array
  vm::Type* restype = nullptr;      // FuncPtr: nullptr means None (void)
  std::vector<vm::Type*> argtypes;  // FuncPtr
  bool fixed_args = false;          // FuncPtr: argtypes come from the type (CFUNCTYPE)
};

// The per-VM state (a GC object stored with vm.set_ext("ctypes.state")).
struct CtState : vm::Object {
  std::unordered_map<vm::Type*, TypeInfo>* infos = nullptr;
  vm::Dict* cache = nullptr;  // POINTER / array / CFUNCTYPE type caches (key: tuple)
  vm::Module* module = nullptr;
  vm::Type* cdata_type = nullptr;  // common base of all ctypes types' instances
  vm::Type* carg_type = nullptr;   // byref() results
  vm::Type* argument_error = nullptr;
  vm::Type *simple_meta = nullptr, *pointer_meta = nullptr, *array_meta = nullptr,
           *funcptr_meta = nullptr;
  vm::Type* cdll_type = nullptr;
  vm::Type* np_ctypes_type = nullptr;
  vm::Type *c_long = nullptr, *c_int = nullptr, *c_void_p = nullptr, *c_char_p = nullptr;
};

struct ClosureImpl;  // cfunc_ptr.cpp

// Every ctypes instance (and byref()'s CArgObject).
struct CData : vm::Object {
  char* ptr = nullptr;  // I2
  char* own = nullptr;
  size_t own_size = 0;
  vm::Value base;  // the owner of ptr's memory, or Undef
  vm::Value keep;  // pointer targets, the callable of a closure ...
  // Foreign functions only:
  vm::Value argtypes;  // as assigned (Undef: not set)
  vm::Value restype;   // as assigned (Undef: the type's, or c_int for CDLL symbols)
  vm::Value errcheck;
  vm::Str* name = nullptr;  // CDLL symbol name
  ClosureImpl* closure = nullptr;
};

CtState& state(vm::VM& vm);
// I1: the layout of t or its nearest base with one; nullptr if t is no ctypes type.
const TypeInfo* info_of(vm::VM& vm, vm::Type* t);
inline CData* as_cdata(vm::Value v) { return static_cast<CData*>(v.as_obj()); }
// True when v is an instance of a ctypes type (CArgObject excluded).
bool is_cdata(vm::VM& vm, vm::Value v);

// ---- types (ctypes_module.cpp)
vm::Type* new_ctype(vm::VM& vm, std::string_view name, vm::Type* meta, const TypeInfo& info,
                    std::string_view module);
vm::Type* pointer_type(vm::VM& vm, vm::Type* target);         // POINTER(T), cached
vm::Type* array_type(vm::VM& vm, vm::Type* elem, int64_t n);  // T * n, cached
std::string caller_module(vm::VM& vm);  // __name__ of the calling Python frame

// ---- instances (cdata.cpp)
CData* new_cdata(vm::VM& vm, vm::Type* t, const TypeInfo& info);       // zeroed, owned
CData* cdata_at(vm::VM& vm, vm::Type* t, char* addr, vm::Value base);  // a view
// The Python value of the C object of type t at addr: numbers for simple types, a
// view for arrays, a new pointer object for pointers and function pointers.
vm::Value c_get(vm::VM& vm, vm::Type* t, const char* addr, vm::Value base);
// Stores v as a C object of type t at addr (TypeError/ValueError with CPython's text).
bool c_set(vm::VM& vm, vm::Type* t, char* addr, vm::Value v, vm::Value* keep_out);
bool simple_get(vm::VM& vm, char code, const char* addr, vm::Value& out);
bool simple_set(vm::VM& vm, char code, char* addr, vm::Value v);
ffi_type* ffi_of(const TypeInfo& info);  // nullptr for arrays (passed as pointers)
void install_cdata_slots(vm::VM& vm, CtState& st);
// The address a pointer-like instance holds (pointer, c_void_p, c_char_p, funcptr);
// arrays and simple non-pointers give their own buffer address.
void* address_value(vm::VM& vm, vm::Value v);

// ---- foreign functions (cfunc_ptr.cpp)
void install_funcptr(vm::VM& vm, CtState& st);
vm::Value f_cfunctype(vm::VM& vm, const vm::CallArgs& a);
vm::Value funcptr_call(vm::VM& vm, vm::Value self, const vm::CallArgs& a);
void free_closure(ClosureImpl* c);
vm::Value funcptr_construct(vm::VM& vm, vm::Type* cls, const vm::CallArgs& a);

// ---- ndarray.ctypes (ndarray_ctypes.cpp)
void install_ndarray_ctypes(vm::VM& vm, CtState& st);

}  // namespace pyjitvm::stdlib::ct
