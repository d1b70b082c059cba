// vm/tuple_object.h — Python tuple: an immutable array of Values stored inline.
//
// Invariants:
//   I1  `len` never changes after construction; items are written only by the
//       creator before the tuple escapes (VM::new_tuple fills them with None).
//   I2  The empty tuple is a VM singleton (VM::empty_tuple()).
#pragma once

#include "vm/object.h"

namespace pyjitvm::vm {

struct Tuple : Object {
  size_t len = 0;
  Value* items() { return reinterpret_cast<Value*>(this + 1); }
  const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
  Value& operator[](size_t i) { return items()[i]; }
  const Value& operator[](size_t i) const { return items()[i]; }
};
static_assert(sizeof(Tuple) % alignof(Value) == 0);

inline Tuple* as_tuple(Value v) { return static_cast<Tuple*>(v.as_obj()); }

inline uint32_t CallArgs::nkw() const { return kwnames ? static_cast<uint32_t>(kwnames->len) : 0; }

}  // namespace pyjitvm::vm
