// vm/class_object.cpp — user classes: __build_class__, instantiation, dunder slots.
//
// Stage: `class` statements (via builtins.__build_class__) → heap Type objects whose
// slots dispatch to the dunder methods found in the class's MRO.
//
// Invariants: class_object.h I1–I2. Dunder slots look methods up on every call
// (through the MRO), so reassigning a method on a class or a base takes effect
// immediately; only the presence of a slot is computed ahead of time.
#include "vm/class_object.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "vm/builtin_types.h"
#include "vm/call.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::vm {

namespace {

// The dunder name of a binary operator: kind 0 plain, 1 reflected, 2 in-place.
Str* binop_name(VM& vm, BinOp op, int kind) {
  Str* const* first = &vm.names().add;
  return first[kind * static_cast<int>(BinOp::Count) + static_cast<int>(op)];
}

// Looks `name` up on type(obj) and calls it bound to obj. Undef + no exception when
// the type has no such method.
Value call_dunder(VM& vm, Value self, Str* name, std::initializer_list<Value> args,
                  bool* missing = nullptr) {
  Value m = lookup_in_mro(vm.type_of(self), name);
  if (m.is_undef() || m.is_none()) {
    if (missing) *missing = true;
    return Value();
  }
  if (missing) *missing = false;
  Value argv[4];
  argv[0] = self;
  uint32_t n = 1;
  for (const Value& a : args) argv[n++] = a;
  if (m.is_obj() && m.as_obj()->kind == Kind::Function)
    return call_function(vm, m, argv, n);
  // descriptors (staticmethod, classmethod, native methods ...): bind first
  Type* dt = vm.type_of(m);
  if (dt->slots.descr_get) {
    Value bound = dt->slots.descr_get(vm, m, self, vm.type_of(self));
    if (failed(bound)) return bound;
    VM::TempRoot root(vm, bound);
    return call_function(vm, bound, argv + 1, n - 1);
  }
  return call_function(vm, m, argv, n);
}

Value must_str(VM& vm, Value r, const char* what) {
  if (failed(r)) return r;
  if (!(r.is_obj() && vm.type_of(r)->is_subtype_of(vm.types().str)))
    return vm.raise_fmt(vm.exc().TypeError, "%s returned non-string (type %s)", what,
                        type_name(vm, r));
  return r;
}

Value slot_repr(VM& vm, Value self) {
  return must_str(vm, call_dunder(vm, self, vm.names().repr, {}), "__repr__");
}
Value slot_str(VM& vm, Value self) {
  return must_str(vm, call_dunder(vm, self, vm.names().str, {}), "__str__");
}
Value slot_format(VM& vm, Value self, Str* spec) {
  return must_str(vm, call_dunder(vm, self, vm.names().format, {Value::from_obj(spec)}),
                  "__format__");
}

bool slot_hash(VM& vm, Value self, int64_t& out) {
  Value m = lookup_in_mro(vm.type_of(self), vm.names().hash);
  if (m.is_none()) {
    vm.raise_fmt(vm.exc().TypeError, "unhashable type: '%s'", type_name(vm, self));
    return false;
  }
  Value r = call_dunder(vm, self, vm.names().hash, {});
  if (failed(r)) return false;
  if (r.is_int()) {
    out = r.as_int() == -1 ? -2 : r.as_int();
    return true;
  }
  if (r.is_bool()) {
    out = r.as_bool();
    return true;
  }
  vm.raise(vm.exc().TypeError, "__hash__ method should return an integer");
  return false;
}

Str* cmp_name(VM& vm, CmpOp op) {
  const Names& n = vm.names();
  Str* const names[] = {n.lt, n.le, n.eq, n.ne, n.gt, n.ge};
  return names[static_cast<int>(op)];
}

Value slot_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  bool missing = false;
  Value r = call_dunder(vm, a, cmp_name(vm, op), {b}, &missing);
  if (missing || failed(r)) {
    if (!missing) return r;
    if (op == CmpOp::Ne) {
      // object.__ne__: invert __eq__ unless it is NotImplemented
      Value eq = call_dunder(vm, a, vm.names().eq, {b}, &missing);
      if (missing) return vm.not_implemented();
      if (failed(eq) || eq.identical(vm.not_implemented())) return eq;
      int t = truthy(vm, eq);
      if (t < 0) return Value();
      return Value::from_bool(!t);
    }
    return vm.not_implemented();
  }
  return r;
}

Value slot_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool reflected) {
  bool missing = false;
  if (!reflected) {
    // CPython: when type(rhs) is a proper subclass of type(lhs) that overrides the
    // reflected method, rhs.__rop__ runs first.
    Type* tl = vm.type_of(lhs);
    Type* tr = vm.type_of(rhs);
    if (tr != tl && tr->is_subtype_of(tl)) {
      Str* rname = binop_name(vm, op, 1);
      Value mr = lookup_in_mro(tr, rname);
      Value ml = lookup_in_mro(tl, rname);
      if (!mr.is_undef() && !mr.identical(ml)) {
        Value r = call_dunder(vm, rhs, rname, {lhs}, &missing);
        if (failed(r) || !r.identical(vm.not_implemented())) return r;
      }
    }
  }
  Value r = reflected ? call_dunder(vm, rhs, binop_name(vm, op, 1), {lhs}, &missing)
                      : call_dunder(vm, lhs, binop_name(vm, op, 0), {rhs}, &missing);
  if (missing) return vm.not_implemented();
  return r;
}

Value slot_inplace(VM& vm, BinOp op, Value lhs, Value rhs) {
  bool missing = false;
  Value r = call_dunder(vm, lhs, binop_name(vm, op, 2), {rhs}, &missing);
  if (missing) return vm.not_implemented();
  return r;
}

Value slot_unop(VM& vm, UnOp op, Value self) {
  Str* const names[] = {vm.names().neg, vm.names().pos, vm.names().invert};
  bool missing = false;
  Value r = call_dunder(vm, self, names[static_cast<int>(op)], {}, &missing);
  if (missing) return vm.not_implemented();
  return r;
}

int slot_truth(VM& vm, Value self) {
  bool missing = false;
  Value r = call_dunder(vm, self, vm.names().bool_, {}, &missing);
  if (missing) {
    r = call_dunder(vm, self, vm.names().len, {}, &missing);
    if (missing) return 1;
    if (failed(r)) return -1;
    if (r.is_int()) return r.as_int() != 0;
    return truthy(vm, r);
  }
  if (failed(r)) return -1;
  if (!r.is_bool()) {
    vm.raise_fmt(vm.exc().TypeError, "__bool__ should return bool, returned %s",
                 type_name(vm, r));
    return -1;
  }
  return r.as_bool();
}

bool slot_len(VM& vm, Value self, int64_t& out) {
  Value r = call_dunder(vm, self, vm.names().len, {});
  if (failed(r)) return false;
  if (r.is_bool()) r = Value::from_int(r.as_bool());
  if (!r.is_int()) {
    vm.raise_fmt(vm.exc().TypeError, "'%s' object cannot be interpreted as an integer",
                 type_name(vm, r));
    return false;
  }
  if (r.as_int() < 0) {
    vm.raise(vm.exc().ValueError, "__len__() should return >= 0");
    return false;
  }
  out = r.as_int();
  return true;
}

Value slot_getitem(VM& vm, Value self, Value key) {
  return call_dunder(vm, self, vm.names().getitem, {key});
}

bool slot_setitem(VM& vm, Value self, Value key, Value v) {
  bool missing = false;
  Value r = v.is_undef() ? call_dunder(vm, self, vm.names().delitem, {key}, &missing)
                         : call_dunder(vm, self, vm.names().setitem, {key, v}, &missing);
  if (missing) {
    vm.raise_fmt(vm.exc().TypeError, v.is_undef() ? "'%s' object doesn't support item deletion"
                                                  : "'%s' object does not support item assignment",
                 type_name(vm, self));
    return false;
  }
  return !failed(r);
}

int slot_contains(VM& vm, Value self, Value item) {
  bool missing = false;
  Value r = call_dunder(vm, self, vm.names().contains, {item}, &missing);
  if (missing) {
    // fall back to iteration (CPython's sequence search)
    int found = 0;
    bool ok = for_each(vm, self, [&](Value x) {
      int eq = equal(vm, x, item);
      if (eq < 0) return false;
      if (eq) found = 1;
      return !eq;
    });
    if (found) return 1;
    return ok ? 0 : -1;
  }
  if (failed(r)) return -1;
  return truthy(vm, r);
}

Value slot_iter(VM& vm, Value self) {
  bool missing = false;
  Value r = call_dunder(vm, self, vm.names().iter, {}, &missing);
  if (missing) {
    if (!lookup_in_mro(vm.type_of(self), vm.names().getitem).is_undef()) {
        return make_seq_iter(vm, self);
    }
    return vm.raise_fmt(vm.exc().TypeError, "'%s' object is not iterable", type_name(vm, self));
  }
  if (failed(r)) return r;
  if (!vm.type_of(r)->slots.next)
    return vm.raise_fmt(vm.exc().TypeError, "iter() returned non-iterator of type '%s'",
                        type_name(vm, r));
  return r;
}

Value slot_next(VM& vm, Value self) {
  Value r = call_dunder(vm, self, vm.names().next, {});
  if (failed(r) && vm.pending_matches(vm.exc().StopIteration)) {
    vm.clear_pending();
    return Value();
  }
  return r;
}

Value slot_call(VM& vm, Value self, const CallArgs& a) {
  Value m = lookup_in_mro(vm.type_of(self), vm.names().call);
  if (m.is_undef())
    return vm.raise_fmt(vm.exc().TypeError, "'%s' object is not callable", type_name(vm, self));
  uint32_t nkw = a.nkw();
  std::vector<Value> buf(a.argc + nkw + 1);
  buf[0] = self;
  for (uint32_t i = 0; i < a.argc + nkw; ++i) buf[i + 1] = a.argv[i];
  return call_function(vm, m, buf.data(), a.argc + 1, a.kwnames);
}

Value slot_getattr(VM& vm, Value self, Str* name) {
  Value v = generic_getattr(vm, self, name);
  if (!failed(v) || !vm.pending_matches(vm.exc().AttributeError)) return v;
  Value ga = lookup_in_mro(vm.type_of(self), vm.names().getattr);
  if (ga.is_undef()) return v;
  vm.clear_pending();
  return call_dunder(vm, self, vm.names().getattr, {Value::from_obj(name)});
}

bool slot_setattr(VM& vm, Value self, Str* name, Value v) {
  Str* dunder = v.is_undef() ? vm.names().delattr : vm.names().setattr;
  Value m = lookup_in_mro(vm.type_of(self), dunder);
  if (m.is_undef() || !(m.is_obj() && m.as_obj()->kind == Kind::Function))
    return generic_setattr(vm, self, name, v);
  Value r = v.is_undef() ? call_dunder(vm, self, dunder, {Value::from_obj(name)})
                         : call_dunder(vm, self, dunder, {Value::from_obj(name), v});
  return !failed(r);
}

Value heap_construct(VM& vm, Type* cls, const CallArgs& a) {
  Value init;
  Value inst = new_instance_for_call(vm, cls, a.argv, a.argc, a.kwnames, &init);
  if (failed(inst) || init.is_undef()) return inst;
  VM::TempRoot root(vm, inst);
  Value r = call_init_generic(vm, cls, inst, init, a.argv, a.argc, a.kwnames);
  if (failed(r)) return r;
  return inst;
}

bool defines(const Type* cls, Str* name) { return !lookup_in_mro(cls, name).is_undef(); }

bool defines_any(VM& vm, const Type* cls, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (defines(cls, vm.intern(n))) return true;
  return false;
}

// C3 linearization of the bases' MROs (Python's method resolution order).
bool c3_linearize(VM& vm, const std::vector<Type*>& bases, std::vector<Type*>& out) {
  std::vector<std::vector<Type*>> seqs;
  for (Type* b : bases) seqs.push_back(b->mro);
  seqs.push_back(bases);
  for (;;) {
    bool any = false;
    for (auto& s : seqs)
      if (!s.empty()) any = true;
    if (!any) return true;
    Type* pick = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      Type* head = s.front();
      bool in_tail = false;
      for (auto& t : seqs)
        if (std::find(t.begin() + (t.empty() ? 0 : 1), t.end(), head) != t.end()) in_tail = true;
      if (!in_tail) {
        pick = head;
        break;
      }
    }
    if (!pick) {
      std::string names;
      std::vector<Type*> seen;
      for (auto& s : seqs) {
        if (s.empty() || std::find(seen.begin(), seen.end(), s.front()) != seen.end()) continue;
        seen.push_back(s.front());
        if (!names.empty()) names += ", ";
        names += s.front()->name->view();
      }
      vm.raise_fmt(vm.exc().TypeError,
                   "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                   names.c_str());
      return false;
    }
    out.push_back(pick);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == pick) s.erase(s.begin());
  }
}

}  // namespace

void update_dunder_slots(VM& vm, Type* cls) {
  TypeSlots& s = cls->slots;
  const TypeSlots& base = cls->base ? cls->base->slots : s;
  auto pick = [&](auto& slot, auto dunder_slot, auto base_slot, bool has) {
    slot = has ? dunder_slot : base_slot;
  };
  auto user_defines = [&](std::initializer_list<const char*> names) {
    // the first class in the MRO that defines the name is a Python class (builtin
    // types define their dunders as slot wrappers, so they stop the search)
    for (const char* n : names) {
      Str* name = vm.intern(n);
      for (Type* t : cls->mro) {
        if (t->dict && !dict_get_str(t->dict, name).is_undef()) {
          if (t->is_heap()) return true;
          break;
        }
      }
    }
    return false;
  };
  pick(s.repr, slot_repr, base.repr, user_defines({"__repr__"}));
  pick(s.str, slot_str, base.str, user_defines({"__str__"}));
  pick(s.format, slot_format, base.format, user_defines({"__format__"}));
  pick(s.hash, slot_hash, base.hash, user_defines({"__hash__", "__eq__"}));
  pick(s.richcompare, slot_richcompare, base.richcompare,
       user_defines({"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}));
  std::vector<const char*> arith;
  static const char* const kArith[] = {
      "__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__", "__mod__",
      "__pow__", "__lshift__", "__rshift__", "__and__", "__or__", "__xor__", "__radd__",
      "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rfloordiv__", "__rmod__",
      "__rpow__", "__rlshift__", "__rrshift__", "__rand__", "__ror__", "__rxor__"};
  bool has_arith = false;
  for (const char* n : kArith)
    if (user_defines({n})) has_arith = true;
  pick(s.binop, slot_binop, base.binop, has_arith);
  static const char* const kInplace[] = {"__iadd__", "__isub__", "__imul__", "__imatmul__",
                                         "__itruediv__", "__ifloordiv__", "__imod__",
                                         "__ipow__", "__ilshift__", "__irshift__", "__iand__",
                                         "__ior__", "__ixor__"};
  bool has_inplace = false;
  for (const char* n : kInplace)
    if (user_defines({n})) has_inplace = true;
  pick(s.inplace, slot_inplace, base.inplace, has_inplace);
  pick(s.unop, slot_unop, base.unop, user_defines({"__neg__", "__pos__", "__invert__"}));
  pick(s.truth, slot_truth, base.truth, user_defines({"__bool__", "__len__"}));
  pick(s.len, slot_len, base.len, user_defines({"__len__"}));
  pick(s.getitem, slot_getitem, base.getitem, user_defines({"__getitem__"}));
  pick(s.setitem, slot_setitem, base.setitem, user_defines({"__setitem__", "__delitem__"}));
  pick(s.contains, slot_contains, base.contains, user_defines({"__contains__"}));
  pick(s.iter, slot_iter, base.iter, user_defines({"__iter__"}) ||
                                         (user_defines({"__getitem__"}) && !base.iter));
  pick(s.next, slot_next, base.next, user_defines({"__next__"}));
  pick(s.call, slot_call, base.call, user_defines({"__call__"}));
  pick(s.getattr, slot_getattr, base.getattr, user_defines({"__getattr__"}));
  pick(s.setattr, slot_setattr, base.setattr, user_defines({"__setattr__", "__delattr__"}));
  s.construct = heap_construct;
  (void)defines_any;
}

Value lookup_special_method(VM& vm, Value obj, Str* name) {
  Type* t = vm.type_of(obj);
  Value m = lookup_in_mro(t, name);
  if (m.is_undef()) return m;
  Type* dt = vm.type_of(m);
  if (dt->slots.descr_get) return dt->slots.descr_get(vm, m, obj, t);
  return m;
}

Value new_instance_for_call(VM& vm, Type* cls, const Value* args, uint32_t argc,
                            Tuple* kwnames, Value* init) {
  *init = Value();
  Str* new_name = vm.names().new_;
  Value new_fn = lookup_in_mro(cls, new_name);
  bool user_new = false;
  for (Type* t : cls->mro) {
    if (!t->is_heap()) break;
    if (t->dict && !dict_get_str(t->dict, new_name).is_undef()) user_new = true;
  }
  Value inst;
  uint32_t nkw = kwnames ? static_cast<uint32_t>(kwnames->len) : 0;
  if (user_new) {
    // __new__ is an implicit staticmethod: call it with cls prepended
    Value fn = new_fn;
    if (is_kind(fn, Kind::StaticMethod)) fn = static_cast<MethodWrapper*>(fn.as_obj())->callable;
    std::vector<Value> buf(argc + nkw + 1);
    buf[0] = Value::from_obj(cls);
    for (uint32_t i = 0; i < argc + nkw; ++i) buf[i + 1] = args[i];
    inst = call_function(vm, fn, buf.data(), argc + 1, kwnames);
    if (failed(inst)) return inst;
    if (!vm.type_of(inst)->is_subtype_of(cls)) return inst;
  } else {
    switch (cls->instance_kind) {
      case Kind::Instance: {
        Instance* o = vm.heap().make<Instance>(cls, Kind::Instance, 0);
        o->dict = nullptr;
        inst = Value::from_obj(o);
        break;
      }
      case Kind::Exception: {
        Tuple* t = vm.new_tuple(argc);
        for (uint32_t i = 0; i < argc; ++i) (*t)[i] = args[i];
        inst = vm.new_exception_args(cls, t);
        break;
      }
      default: {
        // a subclass of a builtin container/number: let the builtin build it
        Type* b = cls->base;
        while (b && b->is_heap()) b = b->base;
        if (!b || !b->slots.construct)
          return vm.raise_fmt(vm.exc().TypeError, "cannot create '%s' instances",
                              cls->name->data());
        Value init_fn = lookup_in_mro(cls, vm.names().init);
        bool user_init = is_kind(init_fn, Kind::Function);
        inst = b->slots.construct(vm, cls, user_init ? CallArgs{} : CallArgs{args, argc, kwnames});
        if (failed(inst)) return inst;
        if (inst.is_obj()) inst.as_obj()->type = cls;
        if (user_init) *init = init_fn;
        return inst;
      }
    }
  }
  Value init_fn = lookup_in_mro(cls, vm.names().init);
  bool user_init = false;
  for (Type* t : cls->mro)
    if (t->dict && !dict_get_str(t->dict, vm.names().init).is_undef()) {
      user_init = t->is_heap() || t->instance_kind == Kind::Exception;
      break;
    }
  if (user_init) {
    *init = init_fn;
  } else if ((argc || nkw) && !user_new) {
    return vm.raise_fmt(vm.exc().TypeError, "%s() takes no arguments", cls->name->data());
  }
  return inst;
}

Value call_init_generic(VM& vm, Type* cls, Value inst, Value init, const Value* args,
                        uint32_t argc, Tuple* kwnames) {
  (void)cls;
  uint32_t nkw = kwnames ? static_cast<uint32_t>(kwnames->len) : 0;
  std::vector<Value> buf(argc + nkw + 1);
  buf[0] = inst;
  for (uint32_t i = 0; i < argc + nkw; ++i) buf[i + 1] = args[i];
  Value r = call_function(vm, init, buf.data(), argc + 1, kwnames);
  if (failed(r)) return r;
  if (!r.is_none())
    return vm.raise_fmt(vm.exc().TypeError, "__init__() should return None, not '%s'",
                        type_name(vm, r));
  return r;
}

Value build_class(VM& vm, const CallArgs& a) {
  if (a.argc < 2 || !is_kind(a[0], Kind::Function) || !is_kind(a[1], Kind::Str))
    return vm.raise(vm.exc().TypeError, "__build_class__: bad arguments");
  Function* body = as_function(a[0]);
  Str* name = as_str(a[1]);
  if (a.nkw()) {
    Str* kw = as_str((*a.kwnames)[0]);
    if (kw->view() == "metaclass")
      return vm.raise_fmt(vm.exc().TypeError,
                          "class '%s': metaclasses are not supported by pyjitvm", name->data());
    return vm.raise_fmt(vm.exc().TypeError,
                        "class '%s': class keyword arguments are not supported by pyjitvm ('%s')",
                        name->data(), kw->data());
  }
  std::vector<Type*> bases;
  for (uint32_t i = 2; i < a.argc; ++i) {
    if (!is_kind(a[i], Kind::Type))
      return vm.raise(vm.exc().TypeError, "bases must be types");
    Type* b = as_type(a[i]);
    if (!(b->type_flags & kTypeBaseType))
      return vm.raise_fmt(vm.exc().TypeError, "type '%s' is not an acceptable base type",
                          b->name->data());
    for (Type* prev : bases)
      if (prev == b) return vm.raise_fmt(vm.exc().TypeError, "duplicate base class %s", b->name->data());
    bases.push_back(b);
  }
  if (bases.empty()) bases.push_back(vm.types().object);
  // The layout base: the one base whose instances are not plain objects (at most one
  // distinct layout), else the first base.
  Type* base = bases[0];
  for (Type* b : bases) {
    if (b->instance_kind == Kind::Instance) continue;
    if (base->instance_kind != Kind::Instance && base->instance_kind != b->instance_kind)
      return vm.raise(vm.exc().TypeError, "multiple bases have instance lay-out conflict");
    if (base->instance_kind == Kind::Instance) base = b;
  }
  std::vector<Type*> mro;
  if (!c3_linearize(vm, bases, mro)) return Value();
  // Run the class body with a fresh namespace as its locals.
  Dict* ns = vm.new_dict();
  VM::TempRoot keep_ns(vm, Value::from_obj(ns));
  Value* frame_base = vm.stack_top();
  if (!check_stack(vm, frame_base, body->proto->nregs)) return Value();
  if (!bind_arguments(vm, body, frame_base, 0, nullptr)) return Value();
  (void)push_frame(vm, body, frame_base, FrameKind::Entry, 0);
  vm.frames().back().locals = ns;
  Value cell = vm.run_frame(vm.frames().size() - 1);
  if (failed(cell)) return cell;
  VM::TempRoot keep_cell(vm, cell);

  Type* cls = vm.heap().make<Type>(vm.types().type, Kind::Type, 0);
  cls->dict = ns;
  cls->name = name;
  cls->base = base;
  cls->instance_kind = base->instance_kind;
  uint32_t exc_flag = 0;
  for (Type* b : bases) exc_flag |= b->type_flags & kTypeException;
  cls->type_flags = kTypeHeap | kTypeBaseType | kTypeHasDict | exc_flag;
  Value mod = dict_get_str(ns, vm.names().module);
  cls->module_name = is_kind(mod, Kind::Str) ? as_str(mod) : vm.intern("__main__");
  cls->mro.push_back(cls);
  for (Type* m : mro) cls->mro.push_back(m);
  cls->bases = bases;
  for (Type* b : bases) b->subclasses.push_back(cls);
  inherit_slots(cls, base);
  // A class that defines __eq__ but not __hash__ is unhashable (CPython).
  Str* eq = vm.names().eq;
  Str* hash_name = vm.names().hash;
  if (!dict_get_str(ns, eq).is_undef() && dict_get_str(ns, hash_name).is_undef())
    dict_set_str(vm.heap(), ns, hash_name, Value::none());
  update_dunder_slots(vm, cls);
  if (is_kind(cell, Kind::Cell)) as_cell(cell)->value = Value::from_obj(cls);
  // __set_name__ on descriptors, __init_subclass__ on the base are not supported
  // beyond this point; the class is complete.
  return Value::from_obj(cls);
}

}  // namespace pyjitvm::vm
