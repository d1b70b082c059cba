// stdlib/numba/nbtypes.h — Numba's type objects (numba.float64, float64[:, ::1],
// types.UniTuple(...), Signature objects) and typeof().
//
// Stage: created by the numba module (types namespace, signature strings, typeof of
// call arguments); read by the dispatcher to pick and convert overloads, by jitclass
// specs, typed containers and vectorize/guvectorize signatures.
//
// Invariants:
//   I1  Types are interned per VM by their display name (numba's str(): "float64",
//       "array(float64, 2d, C)", "UniTuple(int64 x 2)"), so equal types are the same
//       object and compare by identity.
//   I2  Display names match Numba 0.56's str()/repr() of the same type.
//   I3  typeof() gives Numba's type for the value kinds it supports (bool, int, float,
//       complex, str, None, tuples, ndarrays, NumPy scalars, typed containers,
//       jitclass instances, dispatchers); anything else is reported as unsupported
//       (false with a Python exception naming the value's type).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stdlib/ext_slots.h"
#include "stdlib/numpy/dtype.h"
#include "vm/object.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::nb {

enum class NbKind : uint8_t {
  Boolean, Integer, Float, Complex,  // scalars: `dtype` says which
  None,                              // none / void
  Unicode,                           // unicode_type
  Array,                             // array(dtype, ndim, layout)
  UniTuple,                          // UniTuple(members[0] x count)
  Tuple,                             // Tuple(members...)
  List,                              // ListType[members[0]] (typed.List) / reflected list
  Dict,                              // DictType[members[0], members[1]]
  Class,                             // a jitclass instance type (`cls` is the class)
  Function,                          // a dispatcher passed as an argument
  Opaque,                            // named types pyjitvm knows but does not model
};

struct NbType : vm::Object {
  NbKind nk;  // (Object::kind is the heap kind)
  np::DType dtype = np::DType::Float64;  // scalars: their dtype; Array: element dtype
  char layout = 'A';                     // Array: 'C', 'F' or 'A'
  bool readonly = false;                 // Array
  bool reflected = false;                // List: a Python list argument (reflected list)
  int32_t ndim = 0;                      // Array
  int32_t count = 0;                     // UniTuple
  vm::Str* name = nullptr;               // I2
  std::vector<NbType*>* members = nullptr;  // Tuple/UniTuple/List/Dict (owned)
  vm::Object* cls = nullptr;             // Class: the jitclass; Function: the dispatcher
};

// A function signature: numba.float64(numba.int64, ...) or a parsed string.
struct NbSignature : vm::Object {
  NbType* ret = nullptr;  // nullptr: not given (argument-only signature)
  std::vector<NbType*>* args = nullptr;
};

// Per-VM numba state (stdlib/ext_slots.h kExtNumba).
struct NumbaState : vm::Object {
  vm::Module* module = nullptr;
  vm::Type* type_type = nullptr;       // numba's type objects
  vm::Type* signature_type = nullptr;  // Signature objects
  vm::Type* dispatcher_type = nullptr; // CPUDispatcher
  vm::Type* typing_error = nullptr;    // numba.core.errors.TypingError
  vm::Dict* interned = nullptr;        // display name -> NbType (I1)
  vm::Dict* extra = nullptr;           // areas' cached objects (name -> object), traced
  int64_t max_threads = 1;             // numba.config.NUMBA_NUM_THREADS
  int64_t num_threads = 1;             // set_num_threads()
};

inline NumbaState& numba_state(vm::VM& vm) {
  return *static_cast<NumbaState*>(vm.ext_slot(kExtNumba));
}

// ---- constructors (interned, I1)
NbType* scalar_type(vm::VM& vm, np::DType d);
NbType* none_type(vm::VM& vm);
NbType* unicode_type(vm::VM& vm);
NbType* array_type(vm::VM& vm, np::DType d, int ndim, char layout, bool readonly = false);
NbType* unituple_type(vm::VM& vm, NbType* elem, int count);
NbType* tuple_type(vm::VM& vm, const std::vector<NbType*>& items);  // UniTuple when uniform
NbType* list_type(vm::VM& vm, NbType* item, bool reflected);
NbType* dict_type(vm::VM& vm, NbType* key, NbType* value);
NbType* class_type(vm::VM& vm, vm::Object* cls, vm::Str* name);
NbType* function_type(vm::VM& vm, vm::Object* dispatcher, vm::Str* name);
NbType* opaque_type(vm::VM& vm, std::string_view name);
NbSignature* new_signature(vm::VM& vm, NbType* ret, const std::vector<NbType*>& args);

bool is_nbtype(vm::VM& vm, vm::Value v);
bool is_signature(vm::VM& vm, vm::Value v);
inline NbType* as_nbtype(vm::Value v) { return static_cast<NbType*>(v.as_obj()); }
inline NbSignature* as_signature(vm::Value v) { return static_cast<NbSignature*>(v.as_obj()); }

// The argument types as a tuple (Signature.args; a dispatcher's `signatures` items).
vm::Value signature_args(vm::VM& vm, const NbSignature* s);
// "(float64, int64) -> float64" / "(float64, int64)" (no return type).
std::string signature_str(const NbSignature* s);

// ---- typeof (I3)
bool typeof_value(vm::VM& vm, vm::Value v, NbType*& out);

// ---- conversion between types, as Numba's overload resolution ranks it
enum class Conv : uint8_t { Exact, Promote, Safe, Unsafe, None };
Conv conversion(const NbType* from, const NbType* to);
// Converts a call argument to `to` (float → int truncation, int → float, a NumPy
// scalar of the target dtype for narrow types ...). Arrays and containers pass through.
bool convert_arg(vm::VM& vm, vm::Value v, const NbType* to, vm::Value& out);
// Boxes a result as Numba returns it to Python: NumPy scalars become Python int /
// float / bool / complex, tuples are converted item by item; with a declared return
// type the value is first converted to it.
bool box_result(vm::VM& vm, vm::Value v, const NbType* ret, vm::Value& out);

// ---- signature strings ("float64[:](float64[:], int64)", "i8(f8, b1)", "void(f4[:, ::1])")
// Parses with numba's names; on error raises TypeError/NotImplementedError naming the
// problem and returns nullptr.
NbSignature* parse_signature(vm::VM& vm, std::string_view text);
NbType* parse_type(vm::VM& vm, std::string_view text);
// A signature given as a string, a Signature object, or a bare type (argument-less).
NbSignature* signature_from_value(vm::VM& vm, vm::Value v);
// The type a name in numba.types / `from numba import float64` stands for (nullptr
// when unknown).
NbType* type_by_name(vm::VM& vm, std::string_view name);

}  // namespace pyjitvm::stdlib::nb
