// vm/object.h — the heap object header, type objects and their protocol slots.
//
// Stage: used by every runtime file; types are created by VM::init (builtins), by
// vm/class_object.cpp (user classes) and by stdlib modules (numpy, numba ...).
//
// Every heap object starts with Object: its type, the GC list link and mark bit, and
// its layout kind. A Type lists the protocol slots (C++ function pointers) that the
// generic operations in vm/ops.cpp dispatch through, CPython style. User classes get
// slots that look up the matching dunder method (vm/class_object.cpp).
//
// Invariants:
//   I1  `kind` names the C++ layout of the object (which struct it is), never its
//       Python type: an instance of a user subclass of list has kind List and a user
//       Type. Interpreter fast paths therefore test `type == vm.types().list`, not
//       the kind, so that overridden dunders are honoured.
//   I2  Every Type's slots are complete for its layout: trace/finalize are inherited
//       from the base that defines the layout (Type::inherit_slots()).
//   I3  A slot returning Value returns Undef exactly when it has set a pending
//       exception, except `next`, where Undef with no pending exception means
//       "exhausted" (no StopIteration object is allocated for plain loops).
//   I4  `Type::version` changes whenever the type's dict or any base's dict changes
//       (type_modified()), so inline caches keyed on (type, version) stay correct.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "vm/value.h"

namespace pyjitvm::vm {

class VM;
class GcTracer;
class Heap;
struct Type;
struct Str;
struct Tuple;
struct Dict;

enum class Kind : uint8_t {
  Type, Str, BigInt, Complex, List, Tuple, Dict, Set, FrozenSet, Range, Slice,
  Function, NativeFunction, BoundMethod, Cell, Proto, Module, Instance, Exception,
  Generator, StaticMethod, ClassMethod, Property, Singleton,
  Other,  // defined outside vm/ core: layout described by type->slots.trace/finalize
  Free,   // an unused heap slot (vm/gc.h), never seen outside the heap
};

struct Object {
  Type* type;
  Object* gc_next;
  Kind kind;
  uint8_t gc_mark;
  uint16_t flags;  // per-kind small flags (see the kind's header)
  uint32_t aux;    // per-kind small field (see the kind's header)
};

// Objects that carry an attribute dict (instances, functions, modules, types,
// exceptions) derive from this so that `dict_of()` is one load.
struct DictObject : Object {
  Dict* dict;  // may be nullptr until the first attribute is set
};

// Arguments of a call: positional values followed by keyword values.
struct CallArgs {
  const Value* argv = nullptr;
  uint32_t argc = 0;         // positional count
  Tuple* kwnames = nullptr;  // names of the keyword values at argv[argc ..]; may be null
  Object* callee = nullptr;  // the NativeFunction being called (for its data)

  uint32_t nkw() const;  // defined in tuple_object.h (needs Tuple)
  const Value& operator[](uint32_t i) const { return argv[i]; }
};

using NativeFn = Value (*)(VM& vm, const CallArgs& args);

enum class BinOp : uint8_t {
  Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
  Count
};
enum class UnOp : uint8_t { Neg, Pos, Invert };
enum class CmpOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

struct TypeSlots {
  // --- memory (required for Kind::Other; optional otherwise)
  void (*trace)(Object* self, GcTracer& t) = nullptr;
  void (*finalize)(Object* self, Heap& heap) = nullptr;
  // --- text
  Value (*repr)(VM&, Value self) = nullptr;
  Value (*str)(VM&, Value self) = nullptr;  // nullptr: use repr
  Value (*format)(VM&, Value self, Str* spec) = nullptr;
  // --- comparison and hashing
  bool (*hash)(VM&, Value self, int64_t& out) = nullptr;  // nullptr: unhashable
  Value (*richcompare)(VM&, Value a, Value b, CmpOp op) = nullptr;  // may be NotImplemented
  // --- numbers: slot of lhs's type (reflected=false) or rhs's type (reflected=true);
  //     arguments always in source order. May return NotImplemented.
  Value (*binop)(VM&, BinOp op, Value lhs, Value rhs, bool reflected) = nullptr;
  Value (*inplace)(VM&, BinOp op, Value lhs, Value rhs) = nullptr;  // NotImplemented: fall back
  Value (*unop)(VM&, UnOp op, Value self) = nullptr;
  int (*truth)(VM&, Value self) = nullptr;  // -1 on error; nullptr: len, else true
  // --- containers
  bool (*len)(VM&, Value self, int64_t& out) = nullptr;
  Value (*getitem)(VM&, Value self, Value key) = nullptr;
  bool (*setitem)(VM&, Value self, Value key, Value v) = nullptr;  // v Undef: delete
  int (*contains)(VM&, Value self, Value item) = nullptr;          // -1 on error
  Value (*iter)(VM&, Value self) = nullptr;
  Value (*next)(VM&, Value self) = nullptr;  // see I3
  // --- attributes
  Value (*getattr)(VM&, Value self, Str* name) = nullptr;  // nullptr: generic_getattr
  bool (*setattr)(VM&, Value self, Str* name, Value v) = nullptr;  // v Undef: delete
  // --- calling
  Value (*call)(VM&, Value self, const CallArgs&) = nullptr;
  Value (*construct)(VM&, Type* cls, const CallArgs&) = nullptr;  // calling the type
  // --- descriptors (functions, properties, staticmethod, classmethod ...)
  Value (*descr_get)(VM&, Value descr, Value obj, Type* owner) = nullptr;  // obj Undef: via class
  bool (*descr_set)(VM&, Value descr, Value obj, Value v) = nullptr;  // data descriptor
};

enum TypeFlags : uint32_t {
  kTypeHeap = 1u << 0,       // defined by a class statement
  kTypeBaseType = 1u << 1,   // may be subclassed
  kTypeException = 1u << 2,  // BaseException or a subclass
  kTypeHasDict = 1u << 3,    // instances are DictObjects with a usable attribute dict
  kTypeAbstract = 1u << 4,   // cannot be instantiated directly
};

struct Type : DictObject {
  Str* name = nullptr;
  Str* module_name = nullptr;  // "__main__", "builtins", ...
  Type* base = nullptr;        // the layout base (__base__); nullptr only for `object`
  std::vector<Type*> bases;    // __bases__ of a class statement (empty: just `base`)
  std::vector<Type*> mro;      // self first, `object` last (C3 for multiple bases)
  std::vector<Type*> subclasses;
  uint32_t version = 1;
  uint32_t type_flags = 0;
  Kind instance_kind = Kind::Instance;  // layout of instances
  TypeSlots slots;
  const char* doc = nullptr;

  bool is_subtype_of(const Type* other) const {
    for (const Type* t : mro)
      if (t == other) return true;
    return false;
  }
  bool is_heap() const { return type_flags & kTypeHeap; }
};

inline Type* as_type(Value v) { return static_cast<Type*>(v.as_obj()); }

// Cheap kind checks.
inline bool is_kind(const Value& v, Kind k) { return v.is_obj() && v.as_obj()->kind == k; }

}  // namespace pyjitvm::vm
