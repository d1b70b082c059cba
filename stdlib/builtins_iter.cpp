// stdlib/builtins_iter.cpp — the lazy iterator types of builtins: enumerate, zip, map,
// filter and reversed.
//
// Stage: install_builtin_iterators() creates the types and binds them in builtins.
//
// Invariants:
//   I1  Each is a class (type(zip()).__name__ == 'zip') whose instances use the
//       IterObj layout (vm/seq_util.h): `src` holds the iterator(s) and callables,
//       the int fields hold counters.
//   I2  They are lazy: they consume their inputs one item per next(), as CPython.
#include <string>

#include "stdlib/stdlib.h"
#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::stdlib {

using namespace pyjitvm::vm;

namespace {

IterObj* it_of(Value v) { return static_cast<IterObj*>(v.as_obj()); }

Value self_iter(VM&, Value self) { return self; }

// ---- enumerate: src = iterator, a = next index
Value enumerate_construct(VM& vm, Type* cls, const CallArgs& a) {
  static const ArgSpec kSpec{"enumerate", {"iterable", "start="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  int64_t start = 0;
  if (!p[1].is_undef() && !index_of(vm, p[1], start)) return Value();
  Value it = get_iter(vm, p[0]);
  if (failed(it)) return it;
  return Value::from_obj(new_iter(vm, cls, it, start));
}

Value enumerate_next(VM& vm, Value self) {
  IterObj* e = it_of(self);
  Value v = iter_next(vm, e->src);
  if (failed(v)) return v;
  VM::TempRoot root(vm, v);
  return Value::from_obj(vm.tuple_of({Value::from_int(e->a++), v}));
}

// ---- zip: src = tuple of iterators, a = strict flag
Value zip_construct(VM& vm, Type* cls, const CallArgs& a) {
  static const ArgSpec kSpec{"zip", {"*iterables", "strict="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Tuple* in = as_tuple(p[0]);
  Tuple* its = vm.new_tuple(in->len);
  VM::TempRoot root(vm, its);
  for (size_t i = 0; i < in->len; ++i) {
    Value it = get_iter(vm, (*in)[i]);
    if (failed(it)) return it;
    (*its)[i] = it;
  }
  int strict = p[1].is_undef() ? 0 : truthy(vm, p[1]);
  if (strict < 0) return Value();
  return Value::from_obj(new_iter(vm, cls, Value::from_obj(its), strict));
}

Value zip_next(VM& vm, Value self) {
  IterObj* z = it_of(self);
  if (z->src.is_undef()) return Value();
  Tuple* its = as_tuple(z->src);
  if (its->len == 0) return Value();
  Tuple* out = vm.new_tuple(its->len);
  VM::TempRoot root(vm, out);
  for (size_t i = 0; i < its->len; ++i) {
    Value v = iter_next(vm, (*its)[i]);
    if (failed(v)) {
      if (vm.has_pending()) return v;
      if (z->a) {
        if (i > 0)
          return vm.raise_fmt(vm.exc().ValueError, "zip() argument %zu is shorter than argument%s%zu",
                              i + 1, i == 1 ? " " : "s 1-", i);
        for (size_t j = 1; j < its->len; ++j) {
          Value w = iter_next(vm, (*its)[j]);
          if (!failed(w))
            return vm.raise_fmt(vm.exc().ValueError, "zip() argument %zu is longer than argument%s%zu",
                                j + 1, j == 1 ? " " : "s 1-", j);
          if (vm.has_pending()) return w;
        }
      }
      z->src = Value();
      return Value();
    }
    (*out)[i] = v;
  }
  return Value::from_obj(out);
}

// ---- map: src = tuple(func, iterators...)
Value map_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (!check_no_kwargs(vm, a, "map")) return Value();
  if (a.argc < 2) return vm.raise(vm.exc().TypeError, "map() must have at least two arguments.");
  Tuple* t = vm.new_tuple(a.argc);
  VM::TempRoot root(vm, t);
  (*t)[0] = a[0];
  for (uint32_t i = 1; i < a.argc; ++i) {
    Value it = get_iter(vm, a[i]);
    if (failed(it)) return it;
    (*t)[i] = it;
  }
  return Value::from_obj(new_iter(vm, cls, Value::from_obj(t)));
}

Value map_next(VM& vm, Value self) {
  IterObj* m = it_of(self);
  if (m->src.is_undef()) return Value();
  Tuple* t = as_tuple(m->src);
  size_t n = t->len - 1;
  Tuple* args = vm.new_tuple(n);
  VM::TempRoot root(vm, args);
  for (size_t i = 0; i < n; ++i) {
    Value v = iter_next(vm, (*t)[i + 1]);
    if (failed(v)) {
      if (!vm.has_pending()) m->src = Value();
      return v;
    }
    (*args)[i] = v;
  }
  return call_function(vm, (*t)[0], args->items(), static_cast<uint32_t>(n));
}

// ---- filter: src = tuple(func or None, iterator)
Value filter_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (!check_nargs(vm, a, "filter", 2, 2)) return Value();
  Value it = get_iter(vm, a[1]);
  if (failed(it)) return it;
  VM::TempRoot root(vm, it);
  Tuple* t = vm.tuple_of({a[0], it});
  return Value::from_obj(new_iter(vm, cls, Value::from_obj(t)));
}

Value filter_next(VM& vm, Value self) {
  IterObj* f = it_of(self);
  if (f->src.is_undef()) return Value();
  Tuple* t = as_tuple(f->src);
  for (;;) {
    Value v = iter_next(vm, (*t)[1]);
    if (failed(v)) {
      if (!vm.has_pending()) f->src = Value();
      return v;
    }
    VM::TempRoot root(vm, v);
    int keep;
    if ((*t)[0].is_none()) {
      keep = truthy(vm, v);
    } else {
      Value r = vm.call((*t)[0], {v});
      if (failed(r)) return r;
      keep = truthy(vm, r);
    }
    if (keep < 0) return Value();
    if (keep) return v;
  }
}

// ---- reversed: src = sequence, a = next index (counting down)
Value reversed_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (!check_nargs(vm, a, "reversed", 1, 1)) return Value();
  Value seq = a[0];
  Value m = seq.is_obj() ? lookup_in_mro(vm.type_of(seq), vm.names().reversed) : Value();
  if (!m.is_undef() && !m.is_none()) return vm.call(m, {seq});
  if (is_kind(seq, Kind::Range)) {
    Range* r = as_range(seq);
    int64_t last = r->start + (r->length - 1) * r->step;
    return Value::from_obj(new_iter(vm, vm.types().range_iter, Value(), last, -r->step, r->length));
  }
  Type* t = vm.type_of(seq);
  if (!t->slots.getitem || !t->slots.len || is_kind(seq, Kind::Dict))
    return vm.raise_fmt(vm.exc().TypeError, "'%s' object is not reversible", t->name->data());
  int64_t n;
  if (!length(vm, seq, n)) return Value();
  return Value::from_obj(new_iter(vm, cls, seq, n - 1));
}

Value reversed_next(VM& vm, Value self) {
  IterObj* r = it_of(self);
  if (r->src.is_undef() || r->a < 0) {
    r->src = Value();
    return Value();
  }
  Value v = getitem(vm, r->src, Value::from_int(r->a));
  if (failed(v)) {
    if (vm.pending_matches(vm.exc().IndexError) || vm.pending_matches(vm.exc().StopIteration)) {
      vm.clear_pending();
      r->src = Value();
    }
    return Value();
  }
  r->a--;
  return v;
}

Type* iter_class(VM& vm, const char* name, Value (*construct)(VM&, Type*, const CallArgs&),
                 Value (*next)(VM&, Value)) {
  Type* t = make_builtin_type(vm, name, vm.types().object, Kind::Other, 0);
  t->slots.trace = iterobj_trace;
  t->slots.iter = self_iter;
  t->slots.next = next;
  t->slots.construct = construct;
  set_attr_str(vm, vm.builtins()->dict, name, Value::from_obj(t));
  return t;
}

}  // namespace

void install_builtin_iterators(VM& vm) {
  iter_class(vm, "enumerate", enumerate_construct, enumerate_next);
  iter_class(vm, "zip", zip_construct, zip_next);
  iter_class(vm, "map", map_construct, map_next);
  iter_class(vm, "filter", filter_construct, filter_next);
  iter_class(vm, "reversed", reversed_construct, reversed_next);
}

}  // namespace pyjitvm::stdlib
