// vm/list_object.h — Python list: a growable array of Values in a separate buffer.
//
// Invariants:
//   I1  items[0 .. len) are valid Values; capacity `cap` >= len; the buffer is
//       malloc'd, counted as external heap memory (gc.h I5) and freed by finalize.
//   I2  Growth is geometric (list_reserve), so append is amortised O(1).
#pragma once

#include "vm/object.h"

namespace pyjitvm::vm {

struct List : Object {
  Value* items = nullptr;
  size_t len = 0;
  size_t cap = 0;
};

inline List* as_list(Value v) { return static_cast<List*>(v.as_obj()); }

class Heap;
// Ensures capacity for at least `n` items.
void list_reserve(Heap& heap, List* l, size_t n);
inline void list_append(Heap& heap, List* l, Value v) {
  if (l->len == l->cap) list_reserve(heap, l, l->len + 1);
  l->items[l->len++] = v;
}
void list_resize(Heap& heap, List* l, size_t n);  // new slots become None
void list_free_buffer(Heap& heap, List* l);

}  // namespace pyjitvm::vm
