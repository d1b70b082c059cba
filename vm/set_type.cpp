// vm/set_type.cpp — the set and frozenset types: slots and methods on top of the
// CPython-exact tables in vm/set_object.cpp.
//
// Stage: init_set_type() installs both types.
//
// Invariants: set_object.h I1–I3; every method that builds a new set goes through
// set_object.cpp's algebra so element order matches CPython.
#include <string>

#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::vm {

namespace {

bool is_anyset(const Value& v) {
  return v.is_obj() && (v.as_obj()->kind == Kind::Set || v.as_obj()->kind == Kind::FrozenSet);
}

Value set_repr(VM& vm, Value self) {
  Set* s = as_set(self);
  bool frozen = s->kind == Kind::FrozenSet;
  std::string tname = vm.type_of(self)->name->data();
  if (s->used == 0) return vm.str(tname + "()");
  if (!vm.repr_enter(s)) return vm.str(tname + "(...)");
  std::string out;
  bool named = frozen || vm.type_of(self) != vm.types().set;
  if (named) out += tname + "(";
  out += "{";
  size_t pos = 0;
  SetEntry* e;
  bool first = true;
  while (set_next(s, pos, e)) {
    if (!first) out += ", ";
    first = false;
    if (!repr_append(vm, e->key, out)) {
      vm.repr_leave(s);
      return Value();
    }
  }
  out += "}";
  if (named) out += ")";
  vm.repr_leave(s);
  return vm.str(out);
}

Value set_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, cls->name->data())) return Value();
  if (a.argc > 1)
    return vm.raise_fmt(vm.exc().TypeError, "%s expected at most 1 argument, got %u",
                        cls->name->data(), a.argc);
  Set* s = vm.new_set(cls);
  VM::TempRoot root(vm, s);
  if (a.argc == 1 && !set_update(vm, s, a[0])) return Value();
  return Value::from_obj(s);
}

bool set_len(VM&, Value self, int64_t& out) {
  out = static_cast<int64_t>(as_set(self)->used);
  return true;
}

int set_contains_slot(VM& vm, Value self, Value item) {
  int r = set_contains(vm, as_set(self), item);
  if (r < 0 && is_anyset(item) && vm.pending_matches(vm.exc().TypeError)) {
    // a set as a key is looked up as the equal frozenset
    vm.clear_pending();
    Value f = set_copy(vm, as_set(item), vm.types().frozenset);
    if (failed(f)) return -1;
    VM::TempRoot root(vm, f);
    return set_contains(vm, as_set(self), f);
  }
  return r;
}

Value set_iter(VM& vm, Value self) {
  return Value::from_obj(new_iter(vm, vm.types().set_iter, self, 0, as_set(self)->used));
}

bool is_subset(VM& vm, Set* a, Set* b, int& out) {
  if (a->used > b->used) {
    out = 0;
    return true;
  }
  size_t pos = 0;
  SetEntry* e;
  while (set_next(a, pos, e)) {
    int r = set_contains(vm, b, e->key);
    if (r < 0) return false;
    if (!r) {
      out = 0;
      return true;
    }
  }
  out = 1;
  return true;
}

Value set_richcompare(VM& vm, Value av, Value bv, CmpOp op) {
  if (!is_anyset(bv)) return vm.not_implemented();
  Set* a = as_set(av);
  Set* b = as_set(bv);
  int r = 0;
  switch (op) {
    case CmpOp::Eq:
    case CmpOp::Ne:
      if (a->used != b->used) {
        r = 0;
      } else if (!is_subset(vm, a, b, r)) {
        return Value();
      }
      return Value::from_bool(op == CmpOp::Eq ? r : !r);
    case CmpOp::Le:
      if (!is_subset(vm, a, b, r)) return Value();
      return Value::from_bool(r);
    case CmpOp::Ge:
      if (!is_subset(vm, b, a, r)) return Value();
      return Value::from_bool(r);
    case CmpOp::Lt:
      if (a->used >= b->used) return Value::from_bool(false);
      if (!is_subset(vm, a, b, r)) return Value();
      return Value::from_bool(r);
    case CmpOp::Gt:
      if (a->used <= b->used) return Value::from_bool(false);
      if (!is_subset(vm, b, a, r)) return Value();
      return Value::from_bool(r);
  }
  return vm.not_implemented();
}

bool frozenset_hash(VM&, Value self, int64_t& out) {
  Set* s = as_set(self);
  if (s->hash_ != -1) {
    out = s->hash_;
    return true;
  }
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; };
  uint64_t h = 0;
  size_t slots = s->table ? s->mask + 1 : 8;
  for (size_t i = 0; s->table && i <= s->mask; ++i) h ^= shuffle(static_cast<uint64_t>(s->table[i].hash));
  if (!s->table) h ^= 0;  // an empty table: 8 null entries (even count)
  if ((slots - s->fill) & 1) h ^= shuffle(0);
  if ((s->fill - s->used) & 1) h ^= shuffle(static_cast<uint64_t>(-1));
  h ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237UL;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069U + 907133923UL;
  if (h == static_cast<uint64_t>(-1)) h = 590923713UL;
  s->hash_ = static_cast<int64_t>(h);
  out = s->hash_;
  return true;
}

Value set_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool reflected) {
  if (!is_anyset(lhs) || !is_anyset(rhs)) return vm.not_implemented();
  (void)reflected;
  Set* a = as_set(lhs);
  switch (op) {
    case BinOp::Or: return set_union(vm, a, rhs);
    case BinOp::And: return set_intersection(vm, a, rhs);
    case BinOp::Sub: return set_difference(vm, a, rhs);
    case BinOp::Xor: return set_symmetric_difference(vm, a, rhs);
    default: return vm.not_implemented();
  }
}

// In-place operators: compute the new contents, then replace this set's table with
// the result's, keeping identity (CPython's set_ior etc. mutate in place).
bool replace_contents(VM& vm, Set* s, Value result) {
  if (failed(result)) return false;
  Set* r = as_set(result);
  set_free_table(vm.heap(), s);
  s->table = r->table;
  s->mask = r->mask;
  s->fill = r->fill;
  s->used = r->used;
  r->table = nullptr;
  r->mask = r->fill = r->used = 0;
  return true;
}

Value set_inplace(VM& vm, BinOp op, Value lhs, Value rhs) {
  if (!is_anyset(rhs) || as_set(lhs)->kind != Kind::Set) return vm.not_implemented();
  Set* s = as_set(lhs);
  if (op == BinOp::Or) return set_update(vm, s, rhs) ? lhs : Value();
  Value r = set_binop(vm, op, lhs, rhs, false);
  if (failed(r) || r.identical(vm.not_implemented())) return r;
  VM::TempRoot root(vm, r);
  return replace_contents(vm, s, r) ? lhs : Value();
}

// ------------------------------------------------------------------ methods
Set* self_set(const CallArgs& a) { return as_set(a[0]); }

Value m_add(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.add", 1, 1)) return Value();
  return set_add(vm, self_set(a), a[1]) ? Value::none() : Value();
}
Value m_discard(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.discard", 1, 1)) return Value();
  return set_discard(vm, self_set(a), a[1]) < 0 ? Value() : Value::none();
}
Value m_remove(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.remove", 1, 1)) return Value();
  int r = set_discard(vm, self_set(a), a[1]);
  if (r < 0) return Value();
  if (r == 0) return vm.raise_with_args(vm.exc().KeyError, a[1]);
  return Value::none();
}
Value m_pop(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.pop", 0, 0)) return Value();
  Set* s = self_set(a);
  if (s->used == 0) return vm.raise(vm.exc().KeyError, "pop from an empty set");
  size_t i = s->finger & s->mask;
  while (s->table[i].key.is_undef()) i = (i + 1) & s->mask;
  Value key = s->table[i].key;
  s->table[i].key = Value();
  s->table[i].hash = -1;
  s->used--;
  s->finger = i + 1;
  return key;
}
Value m_clear(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.clear", 0, 0)) return Value();
  set_clear(vm.heap(), self_set(a));
  return Value::none();
}
Value m_copy(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.copy", 0, 0)) return Value();
  return set_copy(vm, self_set(a), self_set(a)->type);
}

// Methods taking any iterables (set.union(*others) ...): fold pairwise.
template <Value (*Op)(VM&, Set*, Value)>
Value fold_method(VM& vm, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "set method")) return Value();
  Value acc = set_copy(vm, self_set(a), self_set(a)->type);
  if (failed(acc)) return acc;
  VM::TempRoot root(vm, acc);
  for (uint32_t i = 1; i < a.argc; ++i) {
    Value next = Op(vm, as_set(acc), a[i]);
    if (failed(next)) return next;
    root.set(next);
    acc = next;
  }
  return acc;
}

Value m_init(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.set", 0, 1)) return Value();
  set_clear(vm.heap(), self_set(a));
  if (a.argc == 2 && !set_update(vm, self_set(a), a[1])) return Value();
  return Value::none();
}

Value m_update(VM& vm, const CallArgs& a) {
  for (uint32_t i = 1; i < a.argc; ++i)
    if (!set_update(vm, self_set(a), a[i])) return Value();
  return Value::none();
}

template <Value (*Op)(VM&, Set*, Value)>
Value update_method(VM& vm, const CallArgs& a) {
  Set* s = self_set(a);
  for (uint32_t i = 1; i < a.argc; ++i) {
    Value r = Op(vm, s, a[i]);
    VM::TempRoot root(vm, r);
    if (!replace_contents(vm, s, r)) return Value();
  }
  return Value::none();
}

Value as_set_value(VM& vm, Value v) {
  if (is_anyset(v)) return v;
  Set* s = vm.new_set();
  VM::TempRoot root(vm, s);
  if (!set_update(vm, s, v)) return Value();
  return Value::from_obj(s);
}

Value m_issubset(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.issubset", 1, 1)) return Value();
  Value o = as_set_value(vm, a[1]);
  if (failed(o)) return o;
  VM::TempRoot root(vm, o);
  int r;
  if (!is_subset(vm, self_set(a), as_set(o), r)) return Value();
  return Value::from_bool(r);
}
Value m_issuperset(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.issuperset", 1, 1)) return Value();
  Value o = as_set_value(vm, a[1]);
  if (failed(o)) return o;
  VM::TempRoot root(vm, o);
  int r;
  if (!is_subset(vm, as_set(o), self_set(a), r)) return Value();
  return Value::from_bool(r);
}
Value m_isdisjoint(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "set.isdisjoint", 1, 1)) return Value();
  bool disjoint = true;
  bool ok = for_each(vm, a[1], [&](Value x) {
    int r = set_contains(vm, self_set(a), x);
    if (r < 0) return false;
    if (r) disjoint = false;
    return !r;
  });
  if (!ok && vm.has_pending()) return Value();
  return Value::from_bool(disjoint);
}

}  // namespace

void init_set_type(VM& vm) {
  static const MethodDef kCommon[] = {
      {"copy", m_copy},
      {"union", fold_method<set_union>},
      {"intersection", fold_method<set_intersection>},
      {"difference", fold_method<set_difference>},
      {"symmetric_difference", fold_method<set_symmetric_difference>},
      {"issubset", m_issubset},
      {"issuperset", m_issuperset},
      {"isdisjoint", m_isdisjoint},
  };
  static const MethodDef kMutating[] = {
      {"add", m_add},
      {"discard", m_discard},
      {"remove", m_remove},
      {"pop", m_pop},
      {"clear", m_clear},
      {"update", m_update},
      {"__init__", m_init},
      {"intersection_update", update_method<set_intersection>},
      {"difference_update", update_method<set_difference>},
      {"symmetric_difference_update", update_method<set_symmetric_difference>},
  };
  for (Type* t : {vm.types().set, vm.types().frozenset}) {
    t->slots.repr = set_repr;
    t->slots.construct = set_construct;
    t->slots.len = set_len;
    t->slots.contains = set_contains_slot;
    t->slots.iter = set_iter;
    t->slots.richcompare = set_richcompare;
    t->slots.binop = set_binop;
    add_methods(vm, t, kCommon);
  }
  Type* s = vm.types().set;
  s->slots.inplace = set_inplace;
  s->slots.hash = hash_unhashable;
  add_methods(vm, s, kMutating);
  dict_set_str(vm.heap(), s->dict, vm.names().hash, Value::none());
  vm.types().frozenset->slots.hash = frozenset_hash;
}

}  // namespace pyjitvm::vm
