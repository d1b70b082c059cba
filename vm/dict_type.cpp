// vm/dict_type.cpp — the dict type: construction, item access, views and methods.
//
// Stage: init_dict_type() installs everything on vm.types().dict.
//
// Invariants:
//   I1  Missing keys raise KeyError(key) (the key itself is the argument, so str(e)
//       is repr(key)); subclasses defining __missing__ get it called instead.
//   I2  dict(x) accepts a mapping (anything with keys()) or an iterable of pairs,
//       with CPython's errors for bad elements.
#include <string>

#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::vm {

namespace {

bool is_dict(VM& vm, Value v) { return v.is_obj() && vm.type_of(v)->is_subtype_of(vm.types().dict); }

Value dict_repr(VM& vm, Value self) {
  Dict* d = as_dict(self);
  if (d->len == 0) return vm.str("{}");
  if (!vm.repr_enter(d)) return vm.str("{...}");
  std::string out = "{";
  uint32_t pos = 0;
  DictEntry* e;
  bool first = true;
  while (dict_next(d, pos, e)) {
    if (!first) out += ", ";
    first = false;
    if (!repr_append(vm, e->key, out)) goto fail;
    out += ": ";
    if (!repr_append(vm, e->value, out)) goto fail;
  }
  out += "}";
  vm.repr_leave(d);
  return vm.str(out);
fail:
  vm.repr_leave(d);
  return Value();
}

}  // namespace

// Merges `other` into `d` (dict.update semantics). Shared with the interpreter.
bool dict_merge_from(VM& vm, Dict* d, Value other) {
  if (is_dict(vm, other)) {
    Dict* o = as_dict(other);
    uint32_t pos = 0;
    DictEntry* e;
    while (dict_next(o, pos, e))
      if (!dict_set_hashed(vm, d, e->key, e->hash, e->value)) return false;
    return true;
  }
  Value keys = getattr_or_undef(vm, other, vm.names().keys);
  if (vm.has_pending()) return false;
  if (!keys.is_undef()) {
    VM::TempRoot r(vm, keys);
    Value ks = vm.call(keys, {});
    if (failed(ks)) return false;
    VM::TempRoot r2(vm, ks);
    return for_each(vm, ks, [&](Value k) {
      Value v = getitem(vm, other, k);
      if (failed(v)) return false;
      return dict_set(vm, d, k, v);
    });
  }
  int64_t index = 0;
  return for_each(vm, other, [&](Value item) {
    Value kv[2];
    int64_t n = -1;
    if (is_kind(item, Kind::Tuple) || is_kind(item, Kind::List)) {
      n = is_kind(item, Kind::Tuple) ? static_cast<int64_t>(as_tuple(item)->len)
                                     : static_cast<int64_t>(as_list(item)->len);
      if (n == 2) {
        kv[0] = is_kind(item, Kind::Tuple) ? (*as_tuple(item))[0] : as_list(item)->items[0];
        kv[1] = is_kind(item, Kind::Tuple) ? (*as_tuple(item))[1] : as_list(item)->items[1];
      }
    } else {
      VM::RootedValues rooted(vm);
      std::vector<Value>& parts = rooted.v;
      if (!for_each(vm, item, [&](Value x) {
            parts.push_back(x);
            return true;
          })) {
        if (vm.pending_matches(vm.exc().TypeError)) {
          vm.clear_pending();
          vm.raise_fmt(vm.exc().TypeError,
                       "cannot convert dictionary update sequence element #%lld to a sequence",
                       static_cast<long long>(index));
        }
        return false;
      }
      n = static_cast<int64_t>(parts.size());
      if (n == 2) {
        kv[0] = parts[0];
        kv[1] = parts[1];
      }
    }
    if (n != 2) {
      vm.raise_fmt(vm.exc().ValueError,
                   "dictionary update sequence element #%lld has length %lld; 2 is required",
                   static_cast<long long>(index), static_cast<long long>(n));
      return false;
    }
    ++index;
    return dict_set(vm, d, kv[0], kv[1]);
  });
}

namespace {

bool merge_kwargs(VM& vm, Dict* d, const CallArgs& a, uint32_t first_kw) {
  for (uint32_t k = first_kw; k < a.nkw(); ++k)
    dict_set_str(vm.heap(), d, as_str((*a.kwnames)[k]), a.argv[a.argc + k]);
  return true;
}

Value dict_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (a.argc > 1) return vm.raise_fmt(vm.exc().TypeError, "dict expected at most 1 argument, got %u", a.argc);
  Dict* d = vm.new_dict();
  d->type = cls;
  VM::TempRoot root(vm, d);
  if (a.argc == 1 && !dict_merge_from(vm, d, a[0])) return Value();
  merge_kwargs(vm, d, a, 0);
  return Value::from_obj(d);
}

bool dict_len(VM&, Value self, int64_t& out) {
  out = as_dict(self)->len;
  return true;
}

Value key_error(VM& vm, Value key) { return vm.raise_with_args(vm.exc().KeyError, key); }

Value dict_getitem(VM& vm, Value self, Value key) {
  Value v;
  int r = dict_get(vm, as_dict(self), key, v);
  if (r < 0) return Value();
  if (r == 1) return v;
  if (vm.type_of(self) != vm.types().dict) {
    Value missing = lookup_in_mro(vm.type_of(self), vm.names().missing);
    if (!missing.is_undef()) return vm.call(missing, {self, key});
  }
  return key_error(vm, key);
}

bool dict_setitem(VM& vm, Value self, Value key, Value v) {
  Dict* d = as_dict(self);
  if (v.is_undef()) {
    int r = dict_del(vm, d, key);
    if (r == 0) key_error(vm, key);
    return r == 1;
  }
  return dict_set(vm, d, key, v);
}

int dict_contains(VM& vm, Value self, Value key) {
  Value v;
  return dict_get(vm, as_dict(self), key, v);
}

Value dict_iter(VM& vm, Value self) {
  Dict* d = as_dict(self);
  return Value::from_obj(new_iter(vm, vm.types().dict_iter, self, 0, d->len, 0));
}

Value dict_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if ((op != CmpOp::Eq && op != CmpOp::Ne) || !is_dict(vm, b)) return vm.not_implemented();
  Dict* x = as_dict(a);
  Dict* y = as_dict(b);
  bool eq = x->len == y->len;
  if (eq) {
    uint32_t pos = 0;
    DictEntry* e;
    while (dict_next(x, pos, e)) {
      Value v;
      int r = dict_get_hashed(vm, y, e->key, e->hash, v);
      if (r < 0) return Value();
      if (r == 0) {
        eq = false;
        break;
      }
      int q = equal(vm, e->value, v);
      if (q < 0) return Value();
      if (!q) {
        eq = false;
        break;
      }
    }
  }
  return Value::from_bool(op == CmpOp::Eq ? eq : !eq);
}

Value dict_copy_of(VM& vm, Dict* d) {
  Dict* r = vm.new_dict();
  uint32_t pos = 0;
  DictEntry* e;
  while (dict_next(d, pos, e)) (void)dict_set_hashed(vm, r, e->key, e->hash, e->value);
  return Value::from_obj(r);
}

Value dict_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool reflected) {
  if (op != BinOp::Or || !is_dict(vm, lhs) || !is_dict(vm, rhs)) return vm.not_implemented();
  (void)reflected;
  Value r = dict_copy_of(vm, as_dict(lhs));
  VM::TempRoot root(vm, r);
  if (!dict_merge_from(vm, as_dict(r), rhs)) return Value();
  return r;
}

Value dict_inplace(VM& vm, BinOp op, Value lhs, Value rhs) {
  if (op != BinOp::Or) return vm.not_implemented();
  if (!dict_merge_from(vm, as_dict(lhs), rhs)) return Value();
  return lhs;
}

// ------------------------------------------------------------------ methods
Value view(VM& vm, Value self, int kind) {
  Type* t = kind == 0 ? vm.types().dict_keys : kind == 1 ? vm.types().dict_values : vm.types().dict_items;
  return Value::from_obj(new_iter(vm, t, self, 0, 0, kind));
}
Value m_keys(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.keys", 0, 0)) return Value();
  return view(vm, a[0], 0);
}
Value m_values(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.values", 0, 0)) return Value();
  return view(vm, a[0], 1);
}
Value m_items(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.items", 0, 0)) return Value();
  return view(vm, a[0], 2);
}

Value m_get(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.get", 1, 2)) return Value();
  Value v;
  int r = dict_get(vm, as_dict(a[0]), a[1], v);
  if (r < 0) return Value();
  if (r == 1) return v;
  return a.argc == 3 ? a[2] : Value::none();
}

Value m_pop(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.pop", 1, 2)) return Value();
  Value v;
  int r = dict_del(vm, as_dict(a[0]), a[1], &v);
  if (r < 0) return Value();
  if (r == 1) return v;
  if (a.argc == 3) return a[2];
  return key_error(vm, a[1]);
}

Value m_popitem(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.popitem", 0, 0)) return Value();
  Dict* d = as_dict(a[0]);
  for (uint32_t i = d->nentries; i > 0; --i) {
    DictEntry& e = d->entries[i - 1];
    if (e.key.is_undef()) continue;
    Value k = e.key, v = e.value;
    Value pair = Value::from_obj(vm.tuple_of({k, v}));
    VM::TempRoot root(vm, pair);
    if (dict_del(vm, d, k) < 0) return Value();
    return pair;
  }
  return vm.raise(vm.exc().KeyError, "popitem(): dictionary is empty");
}

Value m_setdefault(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.setdefault", 1, 2)) return Value();
  Value v;
  int r = dict_get(vm, as_dict(a[0]), a[1], v);
  if (r < 0) return Value();
  if (r == 1) return v;
  Value dflt = a.argc == 3 ? a[2] : Value::none();
  if (!dict_set(vm, as_dict(a[0]), a[1], dflt)) return Value();
  return dflt;
}

Value m_update(VM& vm, const CallArgs& a) {
  if (a.argc < 1 || a.argc > 2)
    return vm.raise_fmt(vm.exc().TypeError, "update expected at most 1 argument, got %u", a.argc - 1);
  Dict* d = as_dict(a[0]);
  if (a.argc == 2 && !dict_merge_from(vm, d, a[1])) return Value();
  merge_kwargs(vm, d, a, 0);
  return Value::none();
}

Value m_init(VM& vm, const CallArgs& a) {
  if (a.argc < 1 || a.argc > 2)
    return vm.raise_fmt(vm.exc().TypeError, "dict expected at most 1 argument, got %u", a.argc - 1);
  Dict* d = as_dict(a[0]);
  if (a.argc == 2 && !dict_merge_from(vm, d, a[1])) return Value();
  merge_kwargs(vm, d, a, 0);
  return Value::none();
}

}  // namespace

// reversed(d) / reversed(d.keys()): iterate the entries backwards.
Value reversed_dict(VM& vm, Value dict, int kind) {
  List* l = vm.new_list(0);
  VM::TempRoot root(vm, l);
  Dict* d = as_dict(dict);
  for (uint32_t i = d->nentries; i > 0; --i) {
    DictEntry& e = d->entries[i - 1];
    if (e.key.is_undef()) continue;
    Value v = kind == 0 ? e.key : kind == 1 ? e.value : Value::from_obj(vm.tuple_of({e.key, e.value}));
    list_append(vm.heap(), l, v);
  }
  return get_iter(vm, Value::from_obj(l));
}

namespace {

Value m_reversed(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.__reversed__", 0, 0)) return Value();
  return reversed_dict(vm, a[0], 0);
}

Value m_clear(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.clear", 0, 0)) return Value();
  dict_clear(vm.heap(), as_dict(a[0]));
  return Value::none();
}

Value m_copy(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.copy", 0, 0)) return Value();
  return dict_copy_of(vm, as_dict(a[0]));
}

Value m_fromkeys(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "dict.fromkeys", 1, 2)) return Value();
  Value cls = a[0];
  Value d = vm.call(cls, {});
  if (failed(d)) return d;
  VM::TempRoot root(vm, d);
  Value v = a.argc == 3 ? a[2] : Value::none();
  bool ok = for_each(vm, a[1], [&](Value k) { return setitem(vm, d, k, v); });
  return ok ? d : Value();
}

}  // namespace

void init_dict_type(VM& vm) {
  Type* t = vm.types().dict;
  t->slots.repr = dict_repr;
  t->slots.construct = dict_construct;
  t->slots.len = dict_len;
  t->slots.getitem = dict_getitem;
  t->slots.setitem = dict_setitem;
  t->slots.contains = dict_contains;
  t->slots.iter = dict_iter;
  t->slots.richcompare = dict_richcompare;
  t->slots.binop = dict_binop;
  t->slots.inplace = dict_inplace;
  t->slots.hash = hash_unhashable;
  static const MethodDef kMethods[] = {
      {"keys", m_keys},       {"values", m_values},   {"items", m_items},
      {"get", m_get},         {"pop", m_pop},         {"popitem", m_popitem},
      {"setdefault", m_setdefault}, {"update", m_update}, {"clear", m_clear},
      {"copy", m_copy},       {"fromkeys", m_fromkeys, MethodDef::kClass},
      {"__init__", m_init},   {"__reversed__", m_reversed},
  };
  add_methods(vm, t, kMethods);
  dict_set_str(vm.heap(), t->dict, vm.names().hash, Value::none());
}

}  // namespace pyjitvm::vm
