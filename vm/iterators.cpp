// vm/iterators.cpp — the builtin iterator types and dict views.
//
// Stage: init_iterator_types() creates list/tuple/str/range/dict/set/sequence/callable
// iterators and the dict_keys/dict_values/dict_items views.
//
// Invariants: seq_util.h I2. Dict and set iterators raise RuntimeError when the
// container's size changes during iteration, as CPython does.
#include <string>

#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::vm {

void iterobj_trace(Object* o, GcTracer& t) { t.mark(static_cast<IterObj*>(o)->src); }

IterObj* new_iter(VM& vm, Type* type, Value src, int64_t a, int64_t b, int64_t c) {
  IterObj* it = vm.heap().make<IterObj>(type, Kind::Other, 0);
  it->src = src;
  it->a = a;
  it->b = b;
  it->c = c;
  return it;
}

Value make_seq_iter(VM& vm, Value seq) {
  return Value::from_obj(new_iter(vm, vm.types().seq_iter, seq));
}

namespace {

IterObj* it_of(Value v) { return static_cast<IterObj*>(v.as_obj()); }

Value iter_self(VM&, Value self) { return self; }

Value list_iter_next(VM&, Value self) {
  IterObj* it = it_of(self);
  if (it->src.is_undef()) return Value();
  List* l = as_list(it->src);
  if (static_cast<size_t>(it->a) < l->len) return l->items[it->a++];
  it->src = Value();
  return Value();
}

Value tuple_iter_next(VM&, Value self) {
  IterObj* it = it_of(self);
  if (it->src.is_undef()) return Value();
  Tuple* t = as_tuple(it->src);
  if (static_cast<size_t>(it->a) < t->len) return (*t)[it->a++];
  it->src = Value();
  return Value();
}

Value str_iter_next(VM& vm, Value self) {
  IterObj* it = it_of(self);
  if (it->src.is_undef()) return Value();
  Str* s = as_str(it->src);
  size_t pos = static_cast<size_t>(it->a);
  if (pos >= s->nbytes) {
    it->src = Value();
    return Value();
  }
  size_t start = pos;
  utf8_decode(s->view(), pos);
  it->a = static_cast<int64_t>(pos);
  return vm.str(s->view().substr(start, pos - start));
}

Value range_iter_next(VM&, Value self) {
  IterObj* it = it_of(self);  // a = next value, b = step, c = remaining
  if (it->c <= 0) return Value();
  int64_t v = it->a;
  it->a += it->b;
  it->c--;
  return Value::from_int(v);
}

// dict iteration: a = entry position, b = length at start, c = 0 keys, 1 values, 2 items
Value dict_iter_next(VM& vm, Value self) {
  IterObj* it = it_of(self);
  if (it->src.is_undef()) return Value();
  Dict* d = as_dict(it->src);
  if (static_cast<int64_t>(d->len) != it->b) {
    it->b = -1;
    return vm.raise(vm.exc().RuntimeError, "dictionary changed size during iteration");
  }
  uint32_t pos = static_cast<uint32_t>(it->a);
  DictEntry* e;
  if (!dict_next(d, pos, e)) {
    it->src = Value();
    return Value();
  }
  it->a = pos;
  if (it->c == 0) return e->key;
  if (it->c == 1) return e->value;
  return Value::from_obj(vm.tuple_of({e->key, e->value}));
}

Value set_iter_next(VM& vm, Value self) {
  IterObj* it = it_of(self);
  if (it->src.is_undef()) return Value();
  Set* s = as_set(it->src);
  if (static_cast<int64_t>(s->used) != it->b) {
    it->b = -1;
    return vm.raise(vm.exc().RuntimeError, "Set changed size during iteration");
  }
  size_t pos = static_cast<size_t>(it->a);
  SetEntry* e;
  if (!set_next(s, pos, e)) {
    it->src = Value();
    return Value();
  }
  it->a = static_cast<int64_t>(pos);
  return e->key;
}

Value seq_iter_next(VM& vm, Value self) {
  IterObj* it = it_of(self);
  if (it->src.is_undef()) return Value();
  Value v = getitem(vm, it->src, Value::from_int(it->a));
  if (failed(v)) {
    if (vm.pending_matches(vm.exc().IndexError) || vm.pending_matches(vm.exc().StopIteration)) {
      vm.clear_pending();
      it->src = Value();
    }
    return Value();
  }
  it->a++;
  return v;
}

// callable iterator: src = (callable, sentinel) tuple
Value callable_iter_next(VM& vm, Value self) {
  IterObj* it = it_of(self);
  if (it->src.is_undef()) return Value();
  Tuple* t = as_tuple(it->src);
  Value v = vm.call((*t)[0], {});
  if (failed(v)) {
    if (vm.pending_matches(vm.exc().StopIteration)) {
      vm.clear_pending();
      it->src = Value();
    }
    return Value();
  }
  int eq = equal(vm, v, (*t)[1]);
  if (eq < 0) return Value();
  if (eq) {
    it->src = Value();
    return Value();
  }
  return v;
}

// Iterators report their remaining length (used by list() to pre-size).
bool list_iter_len(VM&, Value self, int64_t& out) {
  IterObj* it = it_of(self);
  out = it->src.is_undef() ? 0 : static_cast<int64_t>(as_list(it->src)->len) - it->a;
  if (out < 0) out = 0;
  return true;
}

// ------------------------------------------------------------------ dict views
// View objects reuse IterObj: src = the dict, c = 0 keys, 1 values, 2 items.
bool view_len(VM&, Value self, int64_t& out) {
  out = as_dict(it_of(self)->src)->len;
  return true;
}

Value view_iter(VM& vm, Value self) {
  IterObj* v = it_of(self);
  Dict* d = as_dict(v->src);
  return Value::from_obj(new_iter(vm, vm.types().dict_iter, v->src, 0, d->len, v->c));
}

Value view_repr(VM& vm, Value self) {
  IterObj* v = it_of(self);
  static const char* const kNames[] = {"dict_keys", "dict_values", "dict_items"};
  std::string out = kNames[v->c];
  out += "([";
  Dict* d = as_dict(v->src);
  uint32_t pos = 0;
  DictEntry* e;
  bool first = true;
  while (dict_next(d, pos, e)) {
    if (!first) out += ", ";
    first = false;
    if (v->c == 0) {
      if (!repr_append(vm, e->key, out)) return Value();
    } else if (v->c == 1) {
      if (!repr_append(vm, e->value, out)) return Value();
    } else {
      out += "(";
      if (!repr_append(vm, e->key, out)) return Value();
      out += ", ";
      if (!repr_append(vm, e->value, out)) return Value();
      out += ")";
    }
  }
  out += "])";
  return vm.str(out);
}

int view_contains(VM& vm, Value self, Value item) {
  IterObj* v = it_of(self);
  Dict* d = as_dict(v->src);
  if (v->c == 0) {
    Value out;
    return dict_get(vm, d, item, out);
  }
  if (v->c == 2) {
    if (!is_kind(item, Kind::Tuple) || as_tuple(item)->len != 2) return 0;
    Value out;
    int r = dict_get(vm, d, (*as_tuple(item))[0], out);
    if (r <= 0) return r;
    return equal(vm, out, (*as_tuple(item))[1]);
  }
  uint32_t pos = 0;
  DictEntry* e;
  while (dict_next(d, pos, e)) {
    int eq = equal(vm, e->value, item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value view_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  // keys/items views compare like sets
  IterObj* v = it_of(a);
  if (v->c == 1) return vm.not_implemented();
  Type* tb = vm.type_of(b);
  bool set_like = tb == vm.types().set || tb == vm.types().frozenset || tb == vm.types().dict_keys ||
                  tb == vm.types().dict_items;
  if (!set_like) return vm.not_implemented();
  Set* sa = vm.new_set();
  VM::TempRoot ra(vm, Value::from_obj(sa));
  if (!set_update(vm, sa, a)) return Value();
  Set* sb = vm.new_set();
  VM::TempRoot rb(vm, Value::from_obj(sb));
  if (!set_update(vm, sb, b)) return Value();
  return compare(vm, Value::from_obj(sa), Value::from_obj(sb), op);
}

// keys() and items() views support the set operators; the result is a set.
Value view_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool) {
  if (op != BinOp::And && op != BinOp::Or && op != BinOp::Sub && op != BinOp::Xor)
    return vm.not_implemented();
  Set* a = vm.new_set();
  VM::TempRoot ra(vm, Value::from_obj(a));
  if (!set_update(vm, a, lhs)) return Value();
  switch (op) {
    case BinOp::And: return set_intersection(vm, a, rhs);
    case BinOp::Or: return set_union(vm, a, rhs);
    case BinOp::Sub: return set_difference(vm, a, rhs);
    default: return set_symmetric_difference(vm, a, rhs);
  }
}

Value view_reversed(VM& vm, const CallArgs& a) {
  IterObj* v = it_of(a[0]);
  return reversed_dict(vm, v->src, static_cast<int>(v->c));
}

Value view_isdisjoint(VM& vm, const CallArgs& a) {
  if (a.argc != 2) return vm.raise(vm.exc().TypeError, "isdisjoint() takes exactly one argument");
  bool disjoint = true;
  bool ok = for_each(vm, a[1], [&](Value x) {
    int r = view_contains(vm, a[0], x);
    if (r < 0) return false;
    if (r) disjoint = false;
    return !r;
  });
  if (!ok && vm.has_pending()) return Value();
  return Value::from_bool(disjoint);
}

Type* iter_type(VM& vm, const char* name, Value (*next)(VM&, Value)) {
  Type* t = make_builtin_type(vm, name, vm.types().object, Kind::Other, 0);
  t->slots.trace = iterobj_trace;
  t->slots.iter = iter_self;
  t->slots.next = next;
  return t;
}

}  // namespace

void init_iterator_types(VM& vm) {
  Types& T = vm.types_for_init();
  T.list_iter = iter_type(vm, "list_iterator", list_iter_next);
  T.list_iter->slots.len = list_iter_len;
  T.tuple_iter = iter_type(vm, "tuple_iterator", tuple_iter_next);
  T.str_iter = iter_type(vm, "str_ascii_iterator", str_iter_next);
  T.range_iter = iter_type(vm, "range_iterator", range_iter_next);
  T.dict_iter = iter_type(vm, "dict_keyiterator", dict_iter_next);
  T.set_iter = iter_type(vm, "set_iterator", set_iter_next);
  T.seq_iter = iter_type(vm, "iterator", seq_iter_next);
  T.callable_iter = iter_type(vm, "callable_iterator", callable_iter_next);
  const char* view_names[] = {"dict_keys", "dict_values", "dict_items"};
  Type** views[] = {&T.dict_keys, &T.dict_values, &T.dict_items};
  for (int i = 0; i < 3; ++i) {
    Type* t = make_builtin_type(vm, view_names[i], T.object, Kind::Other, 0);
    t->slots.trace = iterobj_trace;
    t->slots.len = view_len;
    t->slots.iter = view_iter;
    t->slots.repr = view_repr;
    t->slots.contains = view_contains;
    t->slots.richcompare = view_richcompare;
    if (i != 1) t->slots.binop = view_binop;
    static const MethodDef kViewMethods[] = {{"__reversed__", view_reversed},
                                             {"isdisjoint", view_isdisjoint}};
    add_methods(vm, t, kViewMethods);
    *views[i] = t;
  }
}

}  // namespace pyjitvm::vm
