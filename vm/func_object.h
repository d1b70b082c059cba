// vm/func_object.h — callables: Python functions, cells, native functions, bound
// methods, and the descriptor wrappers staticmethod / classmethod / property.
//
// Invariants:
//   I1  A Function's `closure` holds exactly proto->freenames.size() Cells, in order.
//   I2  `defaults` (tuple or nullptr) aligns with the last positional parameters;
//       `kwdefaults` (dict or nullptr) maps keyword-only names to defaults.
//   I3  A NativeFunction with `self` not Undef is bound: the call passes `self` as the
//       first positional argument (builtin methods fetched as attributes).
#pragma once

#include "vm/bytecode.h"
#include "vm/object.h"

namespace pyjitvm::vm {

struct Module;

struct Function : DictObject {
  Proto* proto = nullptr;
  Dict* globals = nullptr;
  Tuple* defaults = nullptr;
  Dict* kwdefaults = nullptr;
  Tuple* closure = nullptr;
  Str* name = nullptr;
  Str* qualname = nullptr;
  Value doc;            // None when absent
  Str* module = nullptr;  // __module__
};

struct Cell : Object {
  Value value;  // Undef: empty cell
};

struct NativeFunction : Object {
  NativeFn fn = nullptr;
  Str* name = nullptr;
  Value self;   // Undef unless bound (I3)
  Value data;   // free for the implementation (e.g. a ufunc's table)
  const char* doc = nullptr;
  Type* owner = nullptr;  // for methods: the type that defines it (for repr)
};

struct BoundMethod : Object {
  Value func;
  Value self;
};

// staticmethod / classmethod wrap a callable; property holds fget/fset/fdel/doc.
struct MethodWrapper : Object {
  Value callable;
};
struct Property : Object {
  Value fget, fset, fdel, doc;
};

inline Function* as_function(Value v) { return static_cast<Function*>(v.as_obj()); }
inline Cell* as_cell(Value v) { return static_cast<Cell*>(v.as_obj()); }
inline NativeFunction* as_native(Value v) { return static_cast<NativeFunction*>(v.as_obj()); }
inline BoundMethod* as_bound(Value v) { return static_cast<BoundMethod*>(v.as_obj()); }

}  // namespace pyjitvm::vm
