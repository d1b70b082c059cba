// vm/set_object.cpp — set/frozenset tables with CPython 3.11's exact algorithm.
//
// Stage: storage and algebra for set and frozenset (vm/set_type.cpp adds methods).
//
// Why exact: a set prints in table order, so matching CPython's output means
// matching its probe sequence, resize points and the order in which each set
// operation inserts elements. Each function below names the CPython behaviour it
// reproduces; see set_object.h for the rules.
//
// Invariants: set_object.h I1–I3. A lookup that runs user __eq__ restarts when the
// table changed under it.
#include "vm/set_object.h"

#include <cstdlib>
#include <cstring>

#include "vm/ops.h"
#include "vm/vm.h"

namespace pyjitvm::vm {

namespace {

constexpr size_t kMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

bool is_empty(const SetEntry& e) { return e.key.is_undef() && e.hash == 0; }
bool is_dummy(const SetEntry& e) { return e.key.is_undef() && e.hash == -1; }
bool is_active(const SetEntry& e) { return !e.key.is_undef(); }

SetEntry* alloc_table(Heap& heap, size_t n) {
  auto* t = static_cast<SetEntry*>(heap.alloc_buffer(n * sizeof(SetEntry)));
  std::memset(static_cast<void*>(t), 0, n * sizeof(SetEntry));  // key Undef, hash 0: empty
  return t;
}

void ensure_table(Heap& heap, Set* s) {
  if (!s->table) {
    s->table = alloc_table(heap, kMinSize);
    s->mask = kMinSize - 1;
  }
}

int keys_equal(VM& vm, Value stored, Value probe) {
  if (stored.identical(probe)) return 1;
  if (stored.is_obj() && probe.is_obj() && stored.as_obj()->kind == Kind::Str &&
      probe.as_obj()->kind == Kind::Str)
    return str_equal(as_str(stored), as_str(probe));
  return equal(vm, stored, probe);
}

// CPython set_insert_clean(): no comparisons, table known to have room.
void insert_clean(SetEntry* table, size_t mask, Value key, int64_t hash) {
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key.is_undef()) {
      entry->key = key;
      entry->hash = hash;
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (size_t j = 0; j < kLinearProbes; ++j) {
        ++entry;
        if (entry->key.is_undef()) {
          entry->key = key;
          entry->hash = hash;
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// CPython set_table_resize(): smallest power of two > minused, re-insert in order.
void table_resize(Heap& heap, Set* s, size_t minused) {
  size_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetEntry* old = s->table;
  size_t oldmask = s->mask;
  SetEntry* table = alloc_table(heap, newsize);
  s->table = table;
  s->mask = newsize - 1;
  s->fill = s->used;
  if (old) {
    for (size_t i = 0; i <= oldmask; ++i)
      if (is_active(old[i])) insert_clean(table, s->mask, old[i].key, old[i].hash);
    heap.free_buffer(old, (oldmask + 1) * sizeof(SetEntry));
  }
}

// CPython set_lookkey(): returns the entry holding key, or nullptr; -1 on error.
int lookkey(VM& vm, Set* s, Value key, int64_t hash, SetEntry*& found) {
restart:
  found = nullptr;
  if (!s->table) return 0;
  size_t mask = s->mask;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    SetEntry* entry = &s->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (;;) {
      if (is_empty(*entry)) return 0;
      if (entry->hash == hash && is_active(*entry)) {
        SetEntry* table = s->table;
        Value start = entry->key;
        int cmp = keys_equal(vm, start, key);
        if (cmp < 0) return -1;
        if (table != s->table || !entry->key.identical(start)) goto restart;
        if (cmp > 0) {
          found = entry;
          return 1;
        }
        mask = s->mask;
      }
      ++entry;
      if (probes-- == 0) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// CPython set_add_entry().
bool add_entry(VM& vm, Set* s, Value key, int64_t hash) {
  Heap& heap = vm.heap();
  ensure_table(heap, s);
restart:
  size_t mask = s->mask;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  SetEntry* freeslot = nullptr;
  for (;;) {
    SetEntry* entry = &s->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (;;) {
      if (is_empty(*entry)) {
        if (freeslot) {
          s->used++;
          freeslot->key = key;
          freeslot->hash = hash;
          return true;
        }
        s->fill++;
        s->used++;
        entry->key = key;
        entry->hash = hash;
        if (s->fill * 5 < mask * 3) return true;
        table_resize(heap, s, s->used > 50000 ? s->used * 2 : s->used * 4);
        return true;
      }
      if (entry->hash == hash && is_active(*entry)) {
        SetEntry* table = s->table;
        Value start = entry->key;
        int cmp = keys_equal(vm, start, key);
        if (cmp > 0) return true;
        if (cmp < 0) return false;
        if (table != s->table || !entry->key.identical(start)) goto restart;
        mask = s->mask;
      } else if (is_dummy(*entry) && !freeslot) {
        freeslot = entry;
      }
      ++entry;
      if (probes-- == 0) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// 1: removed, 0: not found, -1: error (CPython set_discard_entry()).
int discard_entry(VM& vm, Set* s, Value key, int64_t hash) {
  SetEntry* entry;
  int r = lookkey(vm, s, key, hash, entry);
  if (r <= 0) return r;
  entry->key = Value();
  entry->hash = -1;
  s->used--;
  return 1;
}

// CPython set_merge(): bulk insert of another set's entries.
bool merge(VM& vm, Set* s, Set* other) {
  Heap& heap = vm.heap();
  ensure_table(heap, s);
  if (other == s || other->used == 0) return true;
  if ((s->fill + other->used) * 5 >= s->mask * 3) table_resize(heap, s, (s->used + other->used) * 2);
  if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
    for (size_t i = 0; i <= other->mask; ++i)
      if (is_active(other->table[i])) s->table[i] = other->table[i];
    s->fill = other->fill;
    s->used = other->used;
    return true;
  }
  if (s->fill == 0) {
    s->fill = other->used;
    s->used = other->used;
    for (size_t i = 0; i <= other->mask; ++i)
      if (is_active(other->table[i]))
        insert_clean(s->table, s->mask, other->table[i].key, other->table[i].hash);
    return true;
  }
  for (size_t i = 0; i <= other->mask; ++i) {
    SetEntry e = other->table[i];
    if (is_active(e) && !add_entry(vm, s, e.key, e.hash)) return false;
  }
  return true;
}

bool is_anyset(const Value& v) {
  return v.is_obj() && (v.as_obj()->kind == Kind::Set || v.as_obj()->kind == Kind::FrozenSet);
}
bool is_exact_dict(VM& vm, const Value& v) {
  return v.is_obj() && v.as_obj()->type == vm.types().dict;
}

Set* make_new(VM& vm, Type* type) {
  Set* s = vm.new_set(type);
  ensure_table(vm.heap(), s);
  return s;
}

// CPython set_difference_update_internal().
bool difference_update(VM& vm, Set* s, Value other) {
  if (other.is_obj() && other.as_obj() == s) {
    set_clear(vm.heap(), s);
    return true;
  }
  if (is_anyset(other)) {
    Set* o = as_set(other);
    Value keep = other;
    if ((o->used >> 3) > s->used) {
      keep = set_intersection(vm, s, other);
      if (failed(keep)) return false;
      o = as_set(keep);
    }
    VM::TempRoot root(vm, keep);
    for (size_t i = 0; o->table && i <= o->mask; ++i)
      if (is_active(o->table[i]) && discard_entry(vm, s, o->table[i].key, o->table[i].hash) < 0)
        return false;
  } else {
    bool ok = for_each(vm, other, [&](Value key) { return set_discard(vm, s, key) >= 0; });
    if (!ok) return false;
  }
  if (s->fill - s->used <= s->mask / 4) return true;
  table_resize(vm.heap(), s, s->used > 50000 ? s->used * 2 : s->used * 4);
  return true;
}

}  // namespace

int set_contains(VM& vm, Set* s, Value key) {
  int64_t h;
  if (!hash(vm, key, h)) return -1;
  SetEntry* e;
  return lookkey(vm, s, key, h, e);
}

bool set_add(VM& vm, Set* s, Value key) {
  int64_t h;
  if (!hash(vm, key, h)) return false;
  return add_entry(vm, s, key, h);
}

int set_discard(VM& vm, Set* s, Value key) {
  int64_t h;
  if (!hash(vm, key, h)) return -1;
  return discard_entry(vm, s, key, h);
}

// CPython set_update_internal().
bool set_update(VM& vm, Set* s, Value iterable) {
  ensure_table(vm.heap(), s);
  if (is_anyset(iterable)) return merge(vm, s, as_set(iterable));
  if (is_exact_dict(vm, iterable)) {
    Dict* d = as_dict(iterable);
    if ((s->fill + d->len) * 5 >= s->mask * 3) table_resize(vm.heap(), s, (s->used + d->len) * 2);
    uint32_t pos = 0;
    DictEntry* e;
    while (dict_next(d, pos, e))
      if (!add_entry(vm, s, e->key, e->hash)) return false;
    return true;
  }
  return for_each(vm, iterable, [&](Value key) { return set_add(vm, s, key); });
}

void set_clear(Heap& heap, Set* s) {
  set_free_table(heap, s);
  s->table = alloc_table(heap, kMinSize);
  s->mask = kMinSize - 1;
  s->fill = s->used = 0;
}

void set_free_table(Heap& heap, Set* s) {
  if (s->table) heap.free_buffer(s->table, (s->mask + 1) * sizeof(SetEntry));
  s->table = nullptr;
  s->mask = s->fill = s->used = 0;
}

bool set_next(const Set* s, size_t& pos, SetEntry*& entry) {
  if (!s->table) return false;
  while (pos <= s->mask) {
    SetEntry* e = &s->table[pos++];
    if (is_active(*e)) {
      entry = e;
      return true;
    }
  }
  return false;
}

Value set_copy(VM& vm, Set* a, Type* result_type) {
  Set* r = make_new(vm, result_type ? result_type : a->type);
  VM::TempRoot root(vm, r);
  if (!merge(vm, r, a)) return Value();
  return Value::from_obj(r);
}

Value set_union(VM& vm, Set* a, Value other) {
  Value r = set_copy(vm, a, a->type);
  if (failed(r)) return r;
  VM::TempRoot root(vm, r);
  if (other.is_obj() && other.as_obj() == a) return r;
  if (!set_update(vm, as_set(r), other)) return Value();
  return r;
}

Value set_intersection(VM& vm, Set* a, Value other) {
  if (other.is_obj() && other.as_obj() == a) return set_copy(vm, a, a->type);
  Set* r = make_new(vm, a->type);
  VM::TempRoot root(vm, r);
  if (is_anyset(other)) {
    Set* so = a;
    Set* o = as_set(other);
    if (o->used > so->used) std::swap(so, o);
    size_t pos = 0;
    SetEntry* e;
    while (set_next(o, pos, e)) {
      Value key = e->key;
      int64_t h = e->hash;
      SetEntry* found;
      int rv = lookkey(vm, so, key, h, found);
      if (rv < 0) return Value();
      if (rv && !add_entry(vm, r, key, h)) return Value();
    }
    return Value::from_obj(r);
  }
  bool ok = for_each(vm, other, [&](Value key) {
    int64_t h;
    if (!hash(vm, key, h)) return false;
    SetEntry* found;
    int rv = lookkey(vm, a, key, h, found);
    if (rv < 0) return false;
    return rv == 0 || add_entry(vm, r, key, h);
  });
  return ok ? Value::from_obj(r) : Value();
}

Value set_difference(VM& vm, Set* a, Value other) {
  size_t other_size;
  bool dict_other = is_exact_dict(vm, other);
  if (is_anyset(other)) {
    other_size = as_set(other)->used;
  } else if (dict_other) {
    other_size = as_dict(other)->len;
  } else {
    other_size = SIZE_MAX;
  }
  if (other_size == SIZE_MAX || (a->used >> 2) > other_size) {
    Value r = set_copy(vm, a, a->type);
    if (failed(r)) return r;
    VM::TempRoot root(vm, r);
    if (!difference_update(vm, as_set(r), other)) return Value();
    return r;
  }
  Set* r = make_new(vm, a->type);
  VM::TempRoot root(vm, r);
  size_t pos = 0;
  SetEntry* e;
  while (set_next(a, pos, e)) {
    Value key = e->key;
    int64_t h = e->hash;
    int rv;
    if (dict_other) {
      Value dummy;
      rv = dict_get_hashed(vm, as_dict(other), key, h, dummy);
    } else {
      SetEntry* found;
      rv = lookkey(vm, as_set(other), key, h, found);
    }
    if (rv < 0) return Value();
    if (!rv && !add_entry(vm, r, key, h)) return Value();
  }
  return Value::from_obj(r);
}

Value set_symmetric_difference(VM& vm, Set* a, Value other) {
  // CPython: otherset = new set from `other`; otherset ^= a.
  Set* r = make_new(vm, a->type);
  VM::TempRoot root(vm, r);
  if (!set_update(vm, r, other)) return Value();
  if (other.is_obj() && other.as_obj() == a) {
    set_clear(vm.heap(), r);
    return Value::from_obj(r);
  }
  size_t pos = 0;
  SetEntry* e;
  while (set_next(a, pos, e)) {
    int rv = discard_entry(vm, r, e->key, e->hash);
    if (rv < 0) return Value();
    if (rv == 0 && !add_entry(vm, r, e->key, e->hash)) return Value();
  }
  return Value::from_obj(r);
}

}  // namespace pyjitvm::vm
