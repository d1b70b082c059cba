// vm/list_object.cpp — list buffer management (growth, resize, free).
//
// Invariants: list_object.h I1–I2; every byte of the item buffer is reported to the
// heap (note_external_alloc/free) so that lists drive collections.
#include "vm/list_object.h"

#include <cstdlib>

#include "vm/gc.h"

namespace pyjitvm::vm {

void list_reserve(Heap& heap, List* l, size_t n) {
  if (n <= l->cap) return;
  size_t cap = l->cap < 4 ? 4 : l->cap + (l->cap >> 1);
  if (cap < n) cap = n;
  auto* items = static_cast<Value*>(
      heap.realloc_buffer(l->items, l->cap * sizeof(Value), cap * sizeof(Value)));
  l->items = items;
  l->cap = cap;
}

void list_resize(Heap& heap, List* l, size_t n) {
  list_reserve(heap, l, n);
  for (size_t i = l->len; i < n; ++i) l->items[i] = Value::none();
  l->len = n;
}

void list_free_buffer(Heap& heap, List* l) {
  heap.free_buffer(l->items, l->cap * sizeof(Value));
  l->items = nullptr;
  l->len = l->cap = 0;
}

}  // namespace pyjitvm::vm
