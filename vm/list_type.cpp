// vm/list_type.cpp — the list type: slots (indexing, slicing, comparison, +, *) and
// its methods (append, extend, insert, pop, remove, index, count, sort, reverse, ...).
//
// Stage: init_list_type() installs everything on vm.types().list.
//
// Invariants:
//   I1  list.sort is stable and uses only `<` (CPython's rule); if a comparison
//       raises, the sort stops, the list keeps a permutation of its items, and the
//       exception propagates.
//   I2  Slice assignment with step 1 may change the length; extended slices require
//       equal lengths ("attempt to assign sequence of size 3 to extended slice of size 2").
#include <algorithm>
#include <string>
#include <vector>

#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::vm {

namespace {

bool is_list(VM& vm, Value v) { return v.is_obj() && vm.type_of(v)->is_subtype_of(vm.types().list); }

// Collects any iterable into a vector (fast paths for list and tuple).
bool collect(VM& vm, Value iterable, std::vector<Value>& out) {
  if (is_kind(iterable, Kind::List)) {
    List* l = as_list(iterable);
    out.assign(l->items, l->items + l->len);
    return true;
  }
  if (is_kind(iterable, Kind::Tuple)) {
    Tuple* t = as_tuple(iterable);
    out.assign(t->items(), t->items() + t->len);
    return true;
  }
  return for_each(vm, iterable, [&](Value v) {
    out.push_back(v);
    return true;
  });
}

Value list_repr(VM& vm, Value self) {
  List* l = as_list(self);
  if (l->len == 0) return vm.str("[]");
  if (!vm.repr_enter(l)) return vm.str("[...]");
  std::string out = "[";
  for (size_t i = 0; i < l->len; ++i) {
    if (i) out += ", ";
    if (!repr_append(vm, l->items[i], out)) {
      vm.repr_leave(l);
      return Value();
    }
  }
  out += "]";
  vm.repr_leave(l);
  return vm.str(out);
}

Value list_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "list")) return Value();
  if (a.argc > 1) return vm.raise_fmt(vm.exc().TypeError, "list expected at most 1 argument, got %u", a.argc);
  List* l = vm.new_list();
  l->type = cls;
  if (a.argc == 0) return Value::from_obj(l);
  VM::TempRoot root(vm, l);
  VM::RootedValues items(vm);
  if (!collect(vm, a[0], items.v)) return Value();
  list_reserve(vm.heap(), l, items.v.size());
  for (const Value& v : items.v) l->items[l->len++] = v;
  return Value::from_obj(l);
}

bool list_len(VM&, Value self, int64_t& out) {
  out = static_cast<int64_t>(as_list(self)->len);
  return true;
}

Value list_getitem(VM& vm, Value self, Value key) {
  List* l = as_list(self);
  if (is_kind(key, Kind::Slice)) {
    SliceBounds b;
    if (!slice_indices(vm, key, static_cast<int64_t>(l->len), b)) return Value();
    List* r = vm.new_list(b.length);
    for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) r->items[i] = l->items[j];
    return Value::from_obj(r);
  }
  int64_t i;
  if (!seq_index(vm, key, static_cast<int64_t>(l->len), "list", i)) return Value();
  return l->items[i];
}

bool list_set_slice(VM& vm, List* l, Value key, Value v) {
  SliceBounds b;
  if (!slice_indices(vm, key, static_cast<int64_t>(l->len), b)) return false;
  if (v.is_undef()) {  // del l[slice]
    if (b.step < 0) {
      b.start = b.start + (b.length - 1) * b.step;
      b.step = -b.step;
    }
    std::vector<bool> drop(l->len, false);
    for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) drop[j] = true;
    size_t w = 0;
    for (size_t r = 0; r < l->len; ++r)
      if (!drop[r]) l->items[w++] = l->items[r];
    l->len = w;
    return true;
  }
  VM::RootedValues rooted(vm);
  std::vector<Value>& items = rooted.v;
  if (v.is_obj() && v.as_obj() == l) {
    items.assign(l->items, l->items + l->len);
  } else if (!is_kind(v, Kind::List) && !is_kind(v, Kind::Tuple) &&
             !vm.type_of(v)->slots.iter && !vm.type_of(v)->slots.getitem) {
    vm.raise(vm.exc().TypeError, "can only assign an iterable");
    return false;
  } else if (!collect(vm, v, items)) {
    return false;
  }
  if (b.step == 1) {
    int64_t start = b.start;
    int64_t stop = b.stop < start ? start : b.stop;
    size_t old_n = static_cast<size_t>(stop - start);
    size_t new_len = l->len - old_n + items.size();
    std::vector<Value> tail(l->items + stop, l->items + l->len);
    list_reserve(vm.heap(), l, new_len);
    for (size_t i = 0; i < items.size(); ++i) l->items[start + i] = items[i];
    for (size_t i = 0; i < tail.size(); ++i) l->items[start + items.size() + i] = tail[i];
    l->len = new_len;
    return true;
  }
  if (static_cast<int64_t>(items.size()) != b.length) {
    vm.raise_fmt(vm.exc().ValueError,
                 "attempt to assign sequence of size %zu to extended slice of size %lld",
                 items.size(), static_cast<long long>(b.length));
    return false;
  }
  for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) l->items[j] = items[i];
  return true;
}

bool list_setitem(VM& vm, Value self, Value key, Value v) {
  List* l = as_list(self);
  if (is_kind(key, Kind::Slice)) return list_set_slice(vm, l, key, v);
  int64_t i;
  if (!seq_index(vm, key, static_cast<int64_t>(l->len), "list", i)) {
    if (vm.pending_matches(vm.exc().IndexError)) {
      vm.clear_pending();
      vm.raise(vm.exc().IndexError, v.is_undef() ? "list assignment index out of range"
                                                 : "list assignment index out of range");
    }
    return false;
  }
  if (v.is_undef()) {
    for (size_t k = static_cast<size_t>(i); k + 1 < l->len; ++k) l->items[k] = l->items[k + 1];
    l->len--;
    return true;
  }
  l->items[i] = v;
  return true;
}

int list_contains(VM& vm, Value self, Value item) {
  List* l = as_list(self);
  for (size_t i = 0; i < l->len; ++i) {
    int eq = equal(vm, l->items[i], item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value list_iter(VM& vm, Value self) {
  return Value::from_obj(new_iter(vm, vm.types().list_iter, self));
}

Value seq_compare(VM& vm, const Value* a, size_t na, const Value* b, size_t nb, CmpOp op) {
  size_t i = 0;
  for (; i < na && i < nb; ++i) {
    int eq = equal(vm, a[i], b[i]);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  if (i >= na || i >= nb) {
    bool r;
    switch (op) {
      case CmpOp::Lt: r = na < nb; break;
      case CmpOp::Le: r = na <= nb; break;
      case CmpOp::Eq: r = na == nb; break;
      case CmpOp::Ne: r = na != nb; break;
      case CmpOp::Gt: r = na > nb; break;
      default: r = na >= nb; break;
    }
    return Value::from_bool(r);
  }
  if (op == CmpOp::Eq) return Value::from_bool(false);
  if (op == CmpOp::Ne) return Value::from_bool(true);
  return compare(vm, a[i], b[i], op);
}

Value list_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (!is_list(vm, b)) return vm.not_implemented();
  List* x = as_list(a);
  List* y = as_list(b);
  if ((op == CmpOp::Eq || op == CmpOp::Ne) && x->len != y->len)
    return Value::from_bool(op == CmpOp::Ne);
  return seq_compare(vm, x->items, x->len, y->items, y->len, op);
}

Value list_repeat(VM& vm, List* l, Value n) {
  int64_t k;
  if (!index_of(vm, n, k)) return Value();
  if (k < 0) k = 0;
  if (l->len && static_cast<uint64_t>(k) > (uint64_t(1) << 40) / l->len)
    return vm.raise(vm.exc().MemoryError, "");
  List* r = vm.new_list(l->len * k);
  for (int64_t i = 0; i < k; ++i)
    for (size_t j = 0; j < l->len; ++j) r->items[i * l->len + j] = l->items[j];
  return Value::from_obj(r);
}

bool is_index_like(VM& vm, Value v) {
  return v.is_int() || v.is_bool() || is_kind(v, Kind::BigInt) ||
         (v.is_obj() && !lookup_in_mro(vm.type_of(v), vm.names().index).is_undef());
}

Value list_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool reflected) {
  if (op == BinOp::Add && !reflected) {
    // CPython tries the right operand's number slot before sequence concatenation.
    if (!is_list(vm, rhs) && vm.type_of(rhs)->slots.binop) return vm.not_implemented();
    if (!is_list(vm, rhs))
      return vm.raise_fmt(vm.exc().TypeError, "can only concatenate list (not \"%s\") to list",
                          type_name(vm, rhs));
    List* a = as_list(lhs);
    List* b = as_list(rhs);
    List* r = vm.new_list(a->len + b->len);
    for (size_t i = 0; i < a->len; ++i) r->items[i] = a->items[i];
    for (size_t i = 0; i < b->len; ++i) r->items[a->len + i] = b->items[i];
    return Value::from_obj(r);
  }
  if (op == BinOp::Mul) {
    Value self = reflected ? rhs : lhs;
    Value n = reflected ? lhs : rhs;
    if (!is_index_like(vm, n)) return vm.not_implemented();
    return list_repeat(vm, as_list(self), n);
  }
  return vm.not_implemented();
}

Value list_inplace(VM& vm, BinOp op, Value lhs, Value rhs) {
  List* l = as_list(lhs);
  if (op == BinOp::Add) {
    VM::RootedValues rooted(vm);
    std::vector<Value>& items = rooted.v;
    if (!collect(vm, rhs, items)) return Value();
    list_reserve(vm.heap(), l, l->len + items.size());
    for (const Value& v : items) l->items[l->len++] = v;
    return lhs;
  }
  if (op == BinOp::Mul) {
    if (!is_index_like(vm, rhs)) return vm.not_implemented();
    Value r = list_repeat(vm, l, rhs);
    if (failed(r)) return r;
    List* src = as_list(r);
    list_reserve(vm.heap(), l, src->len);
    for (size_t i = 0; i < src->len; ++i) l->items[i] = src->items[i];
    l->len = src->len;
    return lhs;
  }
  return vm.not_implemented();
}

// ------------------------------------------------------------------ methods
Value m_append(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.append", 1, 1)) return Value();
  list_append(vm.heap(), as_list(a[0]), a[1]);
  return Value::none();
}

Value m_extend(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.extend", 1, 1)) return Value();
  Value r = list_inplace(vm, BinOp::Add, a[0], a[1]);
  return failed(r) ? r : Value::none();
}

Value m_insert(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.insert", 2, 2)) return Value();
  List* l = as_list(a[0]);
  int64_t i;
  if (!index_of(vm, a[1], i)) return Value();
  int64_t n = static_cast<int64_t>(l->len);
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  list_reserve(vm.heap(), l, l->len + 1);
  for (int64_t k = n; k > i; --k) l->items[k] = l->items[k - 1];
  l->items[i] = a[2];
  l->len++;
  return Value::none();
}

Value m_pop(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.pop", 0, 1)) return Value();
  List* l = as_list(a[0]);
  if (l->len == 0) return vm.raise(vm.exc().IndexError, "pop from empty list");
  int64_t i = static_cast<int64_t>(l->len) - 1;
  if (a.argc == 2) {
    if (!index_of(vm, a[1], i)) return Value();
    if (!normalize_index(i, static_cast<int64_t>(l->len)))
      return vm.raise(vm.exc().IndexError, "pop index out of range");
  }
  Value v = l->items[i];
  for (size_t k = static_cast<size_t>(i); k + 1 < l->len; ++k) l->items[k] = l->items[k + 1];
  l->len--;
  return v;
}

Value m_remove(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.remove", 1, 1)) return Value();
  List* l = as_list(a[0]);
  for (size_t i = 0; i < l->len; ++i) {
    int eq = equal(vm, l->items[i], a[1]);
    if (eq < 0) return Value();
    if (eq) {
      for (size_t k = i; k + 1 < l->len; ++k) l->items[k] = l->items[k + 1];
      l->len--;
      return Value::none();
    }
  }
  return vm.raise(vm.exc().ValueError, "list.remove(x): x not in list");
}

Value m_index(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.index", 1, 3)) return Value();
  List* l = as_list(a[0]);
  int64_t n = static_cast<int64_t>(l->len), start = 0, stop = n;
  if (a.argc > 2 && !index_of(vm, a[2], start)) return Value();
  if (a.argc > 3 && !index_of(vm, a[3], stop)) return Value();
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (stop < 0) stop = std::max<int64_t>(0, stop + n);
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(l->len); ++i) {
    int eq = equal(vm, l->items[i], a[1]);
    if (eq < 0) return Value();
    if (eq) return Value::from_int(i);
  }
  std::string s;
  if (!repr_append(vm, a[1], s)) return Value();
  return vm.raise_fmt(vm.exc().ValueError, "%s is not in list", s.c_str());
}

Value m_count(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.count", 1, 1)) return Value();
  List* l = as_list(a[0]);
  int64_t c = 0;
  for (size_t i = 0; i < l->len; ++i) {
    int eq = equal(vm, l->items[i], a[1]);
    if (eq < 0) return Value();
    c += eq;
  }
  return Value::from_int(c);
}

Value m_reverse(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.reverse", 0, 0)) return Value();
  List* l = as_list(a[0]);
  std::reverse(l->items, l->items + l->len);
  return Value::none();
}

Value m_copy(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.copy", 0, 0)) return Value();
  List* l = as_list(a[0]);
  List* r = vm.new_list(l->len);
  for (size_t i = 0; i < l->len; ++i) r->items[i] = l->items[i];
  return Value::from_obj(r);
}

Value m_init(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.list", 0, 1)) return Value();
  List* l = as_list(a[0]);
  l->len = 0;
  if (a.argc == 2) {
    Value r = list_inplace(vm, BinOp::Add, a[0], a[1]);
    if (failed(r)) return r;
  }
  return Value::none();
}

Value m_clear(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "list.clear", 0, 0)) return Value();
  as_list(a[0])->len = 0;
  return Value::none();
}

}  // namespace

// Sorts `items` in place with Python semantics (stable, `<` only, optional key,
// reverse keeps stability as CPython does). Returns false with an exception pending.
bool sort_values(VM& vm, std::vector<Value>& items, Value key, bool reverse) {
  size_t n = items.size();
  std::vector<Value> keys;
  if (!key.is_undef() && !key.is_none()) {
    keys.resize(n);
    List* holder = vm.new_list(0);  // roots computed keys across key() calls
    VM::TempRoot root(vm, holder);
    for (size_t i = 0; i < n; ++i) {
      Value k = vm.call(key, {items[i]});
      if (failed(k)) return false;
      keys[i] = k;
      list_append(vm.heap(), holder, k);
    }
  } else {
    keys = items;
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  // reverse=True: CPython reverses, sorts stably, reverses again.
  if (reverse) std::reverse(order.begin(), order.end());
  bool all_int = true, all_float = true, all_str = true;
  for (const Value& k : keys) {
    if (!k.is_int()) all_int = false;
    if (!k.is_float()) all_float = false;
    if (!(k.is_obj() && k.as_obj()->type == vm.types().str)) all_str = false;
  }
  bool error = false;
  auto less = [&](size_t x, size_t y) {
    const Value& a = keys[x];
    const Value& b = keys[y];
    if (all_int) return a.as_int() < b.as_int();
    if (all_float) return a.as_float() < b.as_float();
    if (all_str) return as_str(a)->view() < as_str(b)->view();
    if (error) return false;
    int r = compare_bool(vm, a, b, CmpOp::Lt);
    if (r < 0) {
      error = true;
      return false;
    }
    return r == 1;
  };
  std::stable_sort(order.begin(), order.end(), less);
  if (error) return false;
  if (reverse) std::reverse(order.begin(), order.end());
  std::vector<Value> sorted(n);
  for (size_t i = 0; i < n; ++i) sorted[i] = items[order[i]];
  items.swap(sorted);
  return true;
}

namespace {

Value m_sort(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"sort", {"self", "/", "*", "key=", "reverse="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  List* l = as_list(p[0]);
  std::vector<Value> items(l->items, l->items + l->len);
  bool reverse = false;
  if (!p[2].is_undef()) {
    int t = truthy(vm, p[2]);
    if (t < 0) return Value();
    reverse = t;
  }
  if (!sort_values(vm, items, p[1], reverse)) return Value();
  if (items.size() != l->len) return vm.raise(vm.exc().ValueError, "list modified during sort");
  for (size_t i = 0; i < items.size(); ++i) l->items[i] = items[i];
  return Value::none();
}

}  // namespace

void init_list_type(VM& vm) {
  Type* t = vm.types().list;
  t->slots.repr = list_repr;
  t->slots.construct = list_construct;
  t->slots.len = list_len;
  t->slots.getitem = list_getitem;
  t->slots.setitem = list_setitem;
  t->slots.contains = list_contains;
  t->slots.iter = list_iter;
  t->slots.richcompare = list_richcompare;
  t->slots.binop = list_binop;
  t->slots.inplace = list_inplace;
  static const MethodDef kMethods[] = {
      {"append", m_append}, {"extend", m_extend}, {"insert", m_insert},
      {"pop", m_pop},       {"remove", m_remove}, {"index", m_index},
      {"count", m_count},   {"reverse", m_reverse}, {"copy", m_copy},
      {"clear", m_clear},   {"sort", m_sort},       {"__init__", m_init},
  };
  add_methods(vm, t, kMethods);
  t->slots.hash = hash_unhashable;
  dict_set_str(vm.heap(), t->dict, vm.names().hash, Value::none());
}

// Shared with tuple_type.cpp.
Value sequence_compare(VM& vm, const Value* a, size_t na, const Value* b, size_t nb, CmpOp op) {
  return seq_compare(vm, a, na, b, nb, op);
}

}  // namespace pyjitvm::vm
