// vm/set_object.h — Python set/frozenset with CPython's exact table algorithm.
//
// The iteration order of a set is visible when it is printed (`{3, 1, 2}` prints as
// `{1, 2, 3}`, `{8, 1}` as `{8, 1}`), so the table reproduces CPython 3.11's
// setobject.c behaviour: minimum size 8, linear probing of 9 slots then perturbation
// (i = i*5 + 1 + perturb), resize when fill*5 >= mask*3 to used*4 (used*2 above
// 50000), dummy entries on delete, and the same merge/copy strategies for the set
// operations, so that element order matches CPython for equal hashes.
//
// Invariants:
//   I1  An entry is empty (key Undef, hash 0), dummy (key Undef, hash -1) or active.
//   I2  `used` counts active entries, `fill` active + dummy; mask + 1 is a power of
//       two >= 8.
//   I3  Status convention as dict_object.h I4.
#pragma once

#include <cstdint>

#include "vm/object.h"

namespace pyjitvm::vm {

struct SetEntry {
  Value key;
  int64_t hash;
};

struct Set : Object {  // also frozenset (kind FrozenSet)
  SetEntry* table = nullptr;
  size_t mask = 0;
  size_t fill = 0;
  size_t used = 0;
  size_t finger = 0;     // pop() position, as CPython
  int64_t hash_ = -1;    // frozenset hash cache
};

inline Set* as_set(Value v) { return static_cast<Set*>(v.as_obj()); }

class Heap;

int set_contains(VM& vm, Set* s, Value key);
[[nodiscard]] bool set_add(VM& vm, Set* s, Value key);
int set_discard(VM& vm, Set* s, Value key);
// Adds every element of `iterable` (a set/frozenset/dict fast path, else iteration).
[[nodiscard]] bool set_update(VM& vm, Set* s, Value iterable);
void set_clear(Heap& heap, Set* s);
void set_free_table(Heap& heap, Set* s);
bool set_next(const Set* s, size_t& pos, SetEntry*& entry);

// Set algebra returning a new set of `result_type` (set or frozenset type):
Value set_union(VM& vm, Set* a, Value other);
Value set_intersection(VM& vm, Set* a, Value other);
Value set_difference(VM& vm, Set* a, Value other);
Value set_symmetric_difference(VM& vm, Set* a, Value other);
Value set_copy(VM& vm, Set* a, Type* result_type);

}  // namespace pyjitvm::vm
