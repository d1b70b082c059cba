// vm/dict_object.h — Python dict: an insertion-ordered hash table (compact layout).
//
// Stage: used for dict values, module globals, class namespaces, instance attributes
// and **kwargs.
//
// Layout: `entries` holds (key, value, hash) in insertion order; deleted entries keep
// their slot with key Undef until the next rebuild. `index` is an open-addressing
// table of int32 entry numbers (kEmpty / kDummy markers), probed with CPython's
// perturbation sequence.
//
// Invariants:
//   I1  `len` == number of entries whose key is not Undef.
//   I2  `layout_version` changes whenever an entry's position can change or a key is
//       added or removed (never on a plain value update), so an inline cache holding
//       (dict, layout_version, entry index) may read entries[index].value directly.
//   I3  index_size is a power of two and > 3/2 * nentries (load factor ≤ 2/3).
//   I4  Functions that may call Python code (__hash__/__eq__) return a status:
//       int 1 found / 0 absent / -1 exception pending, bool false = exception pending.
//       The *_str variants take interned-or-not Str keys and never fail.
#pragma once

#include <cstdint>

#include "vm/object.h"

namespace pyjitvm::vm {

struct Str;

struct DictEntry {
  Value key;  // Undef: deleted
  Value value;
  int64_t hash;
};

struct Dict : Object {
  DictEntry* entries = nullptr;
  uint32_t nentries = 0;   // used entry slots (live + deleted)
  uint32_t cap_entries = 0;
  uint32_t len = 0;
  uint32_t index_size = 0;  // power of two, 0 when no table yet
  int32_t* index = nullptr;
  uint32_t layout_version = 0;
};

inline Dict* as_dict(Value v) { return static_cast<Dict*>(v.as_obj()); }

class Heap;

// Generic keys (may call __hash__ / __eq__).
int dict_get(VM& vm, Dict* d, Value key, Value& out);
int dict_get_hashed(VM& vm, Dict* d, Value key, int64_t hash, Value& out);
[[nodiscard]] bool dict_set(VM& vm, Dict* d, Value key, Value value);
[[nodiscard]] bool dict_set_hashed(VM& vm, Dict* d, Value key, int64_t hash, Value value);
int dict_del(VM& vm, Dict* d, Value key, Value* removed = nullptr);

// Str keys: never fail.
Value dict_get_str(const Dict* d, Str* key);  // Undef when absent
int32_t dict_find_str(const Dict* d, Str* key);  // entry index or -1
void dict_set_str(Heap& heap, Dict* d, Str* key, Value value);
bool dict_del_str(Dict* d, Str* key);

void dict_clear(Heap& heap, Dict* d);
void dict_free_buffers(Heap& heap, Dict* d);
// Next live entry at or after position `pos`; returns false at the end.
bool dict_next(const Dict* d, uint32_t& pos, DictEntry*& entry);
// dict.update(other): a dict, a mapping with keys(), or an iterable of pairs
// (vm/dict_type.cpp).
[[nodiscard]] bool dict_merge_from(VM& vm, Dict* d, Value other);
// reversed() over a dict's keys (kind 0), values (1) or items (2).
Value reversed_dict(VM& vm, Value dict, int kind);

}  // namespace pyjitvm::vm
