// vm/dict_object.cpp — the compact, insertion-ordered hash table behind dict.
//
// Stage: storage for dict values, globals, class namespaces and instance attributes.
//
// Invariants: dict_object.h I1–I4. A lookup that runs user __eq__ re-validates the
// table afterwards (the callee may have mutated the dict) and restarts if it moved.
#include "vm/dict_object.h"

#include <cstdlib>
#include <cstring>

#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/vm.h"

namespace pyjitvm::vm {

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;
constexpr uint32_t kMinIndex = 8;

uint32_t usable(uint32_t index_size) { return (index_size * 2) / 3; }

void alloc_index(Heap& heap, Dict* d, uint32_t size) {
  d->index = static_cast<int32_t*>(heap.alloc_buffer(size * sizeof(int32_t)));
  std::memset(d->index, 0xFF, size * sizeof(int32_t));  // kEmpty
  d->index_size = size;
}

void insert_index(Dict* d, int64_t hash, int32_t entry) {
  uint32_t mask = d->index_size - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint32_t i = static_cast<uint32_t>(hash) & mask;
  while (d->index[i] != kEmpty) {
    perturb >>= 5;
    i = static_cast<uint32_t>(i * 5 + perturb + 1) & mask;
  }
  d->index[i] = entry;
}

// Rebuilds the table for at least `min_len` live entries, compacting deleted ones.
void resize(Heap& heap, Dict* d, uint32_t min_len) {
  uint32_t size = kMinIndex;
  while (usable(size) < min_len) size <<= 1;
  uint32_t cap = usable(size);
  auto* entries = static_cast<DictEntry*>(heap.alloc_buffer(cap * sizeof(DictEntry)));
  uint32_t n = 0;
  for (uint32_t i = 0; i < d->nentries; ++i)
    if (!d->entries[i].key.is_undef()) entries[n++] = d->entries[i];
  heap.free_buffer(d->entries, d->cap_entries * sizeof(DictEntry));
  heap.free_buffer(d->index, d->index_size * sizeof(int32_t));
  d->entries = entries;
  d->cap_entries = cap;
  d->nentries = n;
  alloc_index(heap, d, size);
  for (uint32_t i = 0; i < n; ++i) insert_index(d, entries[i].hash, static_cast<int32_t>(i));
  d->layout_version++;
}

// 1: equal, 0: not equal, -1: error.
int keys_equal(VM& vm, Value stored, Value probe) {
  if (stored.identical(probe)) return 1;
  if (stored.is_obj() && probe.is_obj() && stored.as_obj()->kind == Kind::Str &&
      probe.as_obj()->kind == Kind::Str)
    return str_equal(as_str(stored), as_str(probe));
  return equal(vm, stored, probe);
}

// Finds `key`: returns the index slot; *entry_out is the entry number or -1.
int lookup(VM& vm, Dict* d, Value key, int64_t hash, int32_t& entry_out, uint32_t& slot_out) {
restart:
  entry_out = -1;
  if (d->index_size == 0) return 0;
  uint32_t mask = d->index_size - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint32_t i = static_cast<uint32_t>(hash) & mask;
  int64_t first_dummy = -1;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == kEmpty) {
      slot_out = first_dummy >= 0 ? static_cast<uint32_t>(first_dummy) : i;
      return 0;
    }
    if (ix == kDummy) {
      if (first_dummy < 0) first_dummy = i;
    } else {
      DictEntry& e = d->entries[ix];
      if (e.hash == hash) {
        DictEntry* entries_before = d->entries;
        uint32_t version_before = d->layout_version;
        int eq = keys_equal(vm, e.key, key);
        if (eq < 0) return -1;
        if (d->entries != entries_before || d->layout_version != version_before) goto restart;
        if (eq) {
          entry_out = ix;
          slot_out = i;
          return 1;
        }
      }
    }
    perturb >>= 5;
    i = static_cast<uint32_t>(i * 5 + perturb + 1) & mask;
  }
}

int32_t find_str(const Dict* d, Str* key, int64_t hash) {
  if (d->index_size == 0) return -1;
  uint32_t mask = d->index_size - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint32_t i = static_cast<uint32_t>(hash) & mask;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      const DictEntry& e = d->entries[ix];
      if (e.key.is_obj() && e.key.as_obj() == key) return ix;
      if (e.hash == hash && e.key.is_obj() && e.key.as_obj()->kind == Kind::Str &&
          str_equal(as_str(e.key), key))
        return ix;
    }
    perturb >>= 5;
    i = static_cast<uint32_t>(i * 5 + perturb + 1) & mask;
  }
}

void append_entry(Heap& heap, Dict* d, Value key, int64_t hash, Value value) {
  if (d->nentries >= d->cap_entries) resize(heap, d, d->len * 3 > kMinIndex ? d->len * 3 : d->len + 1);
  int32_t ix = static_cast<int32_t>(d->nentries++);
  d->entries[ix] = DictEntry{key, value, hash};
  insert_index(d, hash, ix);
  d->len++;
  d->layout_version++;
}

}  // namespace

int dict_get_hashed(VM& vm, Dict* d, Value key, int64_t hash, Value& out) {
  int32_t ix;
  uint32_t slot;
  int r = lookup(vm, d, key, hash, ix, slot);
  if (r == 1) out = d->entries[ix].value;
  return r;
}

int dict_get(VM& vm, Dict* d, Value key, Value& out) {
  int64_t h;
  if (!hash(vm, key, h)) return -1;
  return dict_get_hashed(vm, d, key, h, out);
}

bool dict_set_hashed(VM& vm, Dict* d, Value key, int64_t hash, Value value) {
  int32_t ix;
  uint32_t slot;
  int r = lookup(vm, d, key, hash, ix, slot);
  if (r < 0) return false;
  if (r == 1) {
    d->entries[ix].value = value;
    return true;
  }
  append_entry(vm.heap(), d, key, hash, value);
  return true;
}

bool dict_set(VM& vm, Dict* d, Value key, Value value) {
  int64_t h;
  if (!hash(vm, key, h)) return false;
  return dict_set_hashed(vm, d, key, h, value);
}

int dict_del(VM& vm, Dict* d, Value key, Value* removed) {
  int64_t h;
  if (!hash(vm, key, h)) return -1;
  int32_t ix;
  uint32_t slot;
  int r = lookup(vm, d, key, h, ix, slot);
  if (r <= 0) return r;
  if (removed) *removed = d->entries[ix].value;
  d->entries[ix].key = Value();
  d->entries[ix].value = Value();
  d->index[slot] = kDummy;
  d->len--;
  d->layout_version++;
  return 1;
}

Value dict_get_str(const Dict* d, Str* key) {
  int32_t ix = find_str(d, key, str_hash(key));
  return ix < 0 ? Value() : d->entries[ix].value;
}

int32_t dict_find_str(const Dict* d, Str* key) { return find_str(d, key, str_hash(key)); }

void dict_set_str(Heap& heap, Dict* d, Str* key, Value value) {
  int64_t h = str_hash(key);
  int32_t ix = find_str(d, key, h);
  if (ix >= 0) {
    d->entries[ix].value = value;
    return;
  }
  append_entry(heap, d, Value::from_obj(key), h, value);
}

bool dict_del_str(Dict* d, Str* key) {
  int64_t h = str_hash(key);
  if (d->index_size == 0) return false;
  uint32_t mask = d->index_size - 1;
  uint64_t perturb = static_cast<uint64_t>(h);
  uint32_t i = static_cast<uint32_t>(h) & mask;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == kEmpty) return false;
    if (ix >= 0) {
      DictEntry& e = d->entries[ix];
      if (e.hash == h && e.key.is_obj() && e.key.as_obj()->kind == Kind::Str &&
          str_equal(as_str(e.key), key)) {
        e.key = Value();
        e.value = Value();
        d->index[i] = kDummy;
        d->len--;
        d->layout_version++;
        return true;
      }
    }
    perturb >>= 5;
    i = static_cast<uint32_t>(i * 5 + perturb + 1) & mask;
  }
}

void dict_clear(Heap& heap, Dict* d) {
  dict_free_buffers(heap, d);
  d->layout_version++;
}

void dict_free_buffers(Heap& heap, Dict* d) {
  heap.free_buffer(d->entries, d->cap_entries * sizeof(DictEntry));
  heap.free_buffer(d->index, d->index_size * sizeof(int32_t));
  d->entries = nullptr;
  d->index = nullptr;
  d->nentries = d->cap_entries = d->len = d->index_size = 0;
}

bool dict_next(const Dict* d, uint32_t& pos, DictEntry*& entry) {
  while (pos < d->nentries) {
    DictEntry* e = &d->entries[pos++];
    if (!e->key.is_undef()) {
      entry = e;
      return true;
    }
  }
  return false;
}

}  // namespace pyjitvm::vm
