// vm/object_type.cpp — `object`, `type`, None, NotImplemented, Ellipsis and module.
//
// Stage: init_object_type() / init_module_type() install these types' slots.
//
// Invariants:
//   I1  object's comparison is identity and its hash is address-based; everything else
//       a user class does not override falls back here.
//   I2  Attribute access on a class (type_getattr) binds descriptors with obj=Undef:
//       functions stay plain functions, classmethods bind to the class, staticmethods
//       unwrap, properties return themselves.
//   I3  Setting an attribute on a class bumps the version of the class and all its
//       subclasses (type_modified) and refreshes its dunder slots.
#include <cinttypes>
#include <cstdio>
#include <string>

#include "vm/builtin_types.h"
#include "vm/class_object.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

namespace {

std::string qualified_name(VM& vm, Type* t) {
  std::string out;
  if (t->module_name && t->module_name->view() != "builtins") {
    out += t->module_name->view();
    out += ".";
  }
  Value q = t->dict ? dict_get_str(t->dict, vm.names().qualname) : Value();
  if (is_kind(q, Kind::Str))
    out += as_str(q)->view();
  else
    out += t->name->view();
  return out;
}

Value object_repr(VM& vm, Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(self.as_obj()));
  return vm.str("<" + qualified_name(vm, vm.type_of(self)) + buf);
}

bool object_hash(VM&, Value self, int64_t& out) {
  uintptr_t p = reinterpret_cast<uintptr_t>(self.as_obj());
  p = (p >> 4) | (p << (8 * sizeof(uintptr_t) - 4));
  out = static_cast<int64_t>(p);
  if (out == -1) out = -2;
  return true;
}

Value object_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (op == CmpOp::Eq && a.identical(b)) return Value::from_bool(true);
  if (op == CmpOp::Ne && a.identical(b)) return Value::from_bool(false);
  return vm.not_implemented();
}

Value object_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (a.argc || a.nkw()) return vm.raise(vm.exc().TypeError, "object() takes no arguments");
  Instance* o = vm.heap().make<Instance>(cls, Kind::Instance, 0);
  o->dict = nullptr;
  return Value::from_obj(o);
}

Value object_init(VM& vm, const CallArgs& a) {
  (void)a;
  return Value::none();
}
Value object_repr_m(VM& vm, const CallArgs& a) { return object_repr(vm, a[0]); }
Value object_str_m(VM& vm, const CallArgs& a) { return repr(vm, a[0]); }
Value object_eq_m(VM& vm, const CallArgs& a) {
  if (a.argc != 2) return vm.raise(vm.exc().TypeError, "expected 1 argument");
  return object_richcompare(vm, a[0], a[1], CmpOp::Eq);
}
Value object_ne_m(VM& vm, const CallArgs& a) {
  if (a.argc != 2) return vm.raise(vm.exc().TypeError, "expected 1 argument");
  Value eq = compare(vm, a[0], a[1], CmpOp::Eq);
  if (failed(eq) || eq.identical(vm.not_implemented())) return eq;
  int t = truthy(vm, eq);
  if (t < 0) return Value();
  return Value::from_bool(!t);
}
// object.__hash__(x) is the identity hash even when x's class overrides __hash__
// (a subclass's override calls it as the base implementation).
Value object_hash_m(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "object.__hash__", 0, 0)) return Value();
  int64_t h;
  if (!a[0].is_obj()) {
    if (!hash(vm, a[0], h)) return Value();
    return Value::from_int(h);
  }
  if (!object_hash(vm, a[0], h)) return Value();
  return Value::from_int(h);
}
Value object_format_m(VM& vm, const CallArgs& a) {
  if (a.argc != 2 || !is_kind(a[1], Kind::Str))
    return vm.raise(vm.exc().TypeError, "__format__() argument must be str");
  if (as_str(a[1])->nbytes)
    return vm.raise_fmt(vm.exc().TypeError, "unsupported format string passed to %s.__format__",
                        type_name(vm, a[0]));
  return to_str(vm, a[0]);
}
Value object_setattr_m(VM& vm, const CallArgs& a) {
  if (a.argc != 3 || !is_kind(a[1], Kind::Str))
    return vm.raise(vm.exc().TypeError, "__setattr__ expected 2 arguments");
  if (!generic_setattr(vm, a[0], as_str(a[1]), a[2])) return Value();
  return Value::none();
}
Value object_getattribute_m(VM& vm, const CallArgs& a) {
  if (a.argc != 2 || !is_kind(a[1], Kind::Str))
    return vm.raise(vm.exc().TypeError, "__getattribute__ expected 1 argument");
  return generic_getattr(vm, a[0], as_str(a[1]));
}
Value object_new_m(VM& vm, const CallArgs& a) {
  if (a.argc < 1 || !is_kind(a[0], Kind::Type))
    return vm.raise(vm.exc().TypeError, "object.__new__(X): X is not a type object");
  Type* cls = as_type(a[0]);
  if (cls->instance_kind == Kind::Exception) {
    Tuple* t = vm.new_tuple(a.argc - 1);
    for (uint32_t i = 1; i < a.argc; ++i) (*t)[i - 1] = a[i];
    return vm.new_exception_args(cls, t);
  }
  Instance* o = vm.heap().make<Instance>(cls, Kind::Instance, 0);
  o->dict = nullptr;
  return Value::from_obj(o);
}

// ------------------------------------------------------------------ type
Value type_repr(VM& vm, Value self) {
  return vm.str("<class '" + qualified_name(vm, as_type(self)) + "'>");
}

Value type_construct(VM& vm, Type* cls, const CallArgs& a) {
  (void)cls;
  if (a.argc == 1 && !a.nkw()) return Value::from_obj(vm.type_of(a[0]));
  if (a.argc == 3)
    return vm.raise(vm.exc().TypeError,
                    "type() with three arguments (dynamic class creation) is not supported by pyjitvm");
  return vm.raise(vm.exc().TypeError, "type() takes 1 or 3 arguments");
}

Value type_getattr(VM& vm, Value self, Str* name) {
  Type* t = as_type(self);
  std::string_view n = name->view();
  if (n.size() > 4 && n[0] == '_' && n[1] == '_') {
    if (n == "__name__") return Value::from_obj(t->name);
    if (n == "__qualname__") {
      Value q = t->dict ? dict_get_str(t->dict, name) : Value();
      return q.is_undef() ? Value::from_obj(t->name) : q;
    }
    if (n == "__module__") return t->module_name ? Value::from_obj(t->module_name) : Value::none();
    if (n == "__mro__") {
      Tuple* m = vm.new_tuple(t->mro.size());
      for (size_t i = 0; i < t->mro.size(); ++i) (*m)[i] = Value::from_obj(t->mro[i]);
      return Value::from_obj(m);
    }
    if (n == "__bases__") {
      if (!t->bases.empty()) {
        Tuple* b = vm.new_tuple(t->bases.size());
        for (size_t i = 0; i < t->bases.size(); ++i) (*b)[i] = Value::from_obj(t->bases[i]);
        return Value::from_obj(b);
      }
      return Value::from_obj(t->base ? vm.tuple_of({Value::from_obj(t->base)}) : vm.empty_tuple());
    }
    if (n == "__base__") return t->base ? Value::from_obj(t->base) : Value::none();
    if (n == "__dict__") return t->dict ? Value::from_obj(t->dict) : Value::none();
    if (n == "__class__") return Value::from_obj(vm.type_of(self));
    if (n == "__doc__") {
      Value d = t->dict ? dict_get_str(t->dict, name) : Value();
      if (!d.is_undef()) return d;
      return t->doc ? vm.str(t->doc) : Value::none();
    }
  }
  Value v = lookup_in_mro(t, name);
  if (!v.is_undef()) {
    Type* dt = vm.type_of(v);
    if (dt->slots.descr_get) return dt->slots.descr_get(vm, v, Value(), t);
    return v;
  }
  // methods of `type` itself (mro(), __subclasses__() ...)
  Value m = lookup_in_mro(vm.types().type, name);
  if (!m.is_undef()) {
    Type* dt = vm.type_of(m);
    if (dt->slots.descr_get) return dt->slots.descr_get(vm, m, self, vm.types().type);
    return m;
  }
  return attribute_error(vm, self, name);
}

bool type_setattr(VM& vm, Value self, Str* name, Value v) {
  Type* t = as_type(self);
  if (!t->is_heap()) {
    vm.raise_fmt(vm.exc().TypeError, "cannot set '%s' attribute of immutable type '%s'",
                 name->data(), t->name->data());
    return false;
  }
  if (v.is_undef()) {
    if (!t->dict || !dict_del_str(t->dict, name)) {
      attribute_error(vm, self, name);
      return false;
    }
  } else {
    if (!t->dict) t->dict = vm.new_dict();
    dict_set_str(vm.heap(), t->dict, name, v);
  }
  type_modified(t);
  std::string_view n = name->view();
  if (n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__") {
    update_dunder_slots(vm, t);
    for (Type* sub : t->subclasses) update_dunder_slots(vm, sub);
  }
  return true;
}

bool identity_hash(VM& vm, Value self, int64_t& out) { return object_hash(vm, self, out); }

Value type_mro_m(VM& vm, const CallArgs& a) {
  Type* t = as_type(a[0]);
  List* l = vm.new_list(t->mro.size());
  for (size_t i = 0; i < t->mro.size(); ++i) l->items[i] = Value::from_obj(t->mro[i]);
  return Value::from_obj(l);
}

Value type_subclasses_m(VM& vm, const CallArgs& a) {
  Type* t = as_type(a[0]);
  List* l = vm.new_list(t->subclasses.size());
  for (size_t i = 0; i < t->subclasses.size(); ++i) l->items[i] = Value::from_obj(t->subclasses[i]);
  return Value::from_obj(l);
}

// ------------------------------------------------------------------ singletons
Value none_repr(VM& vm, Value) { return Value::from_obj(vm.intern("None")); }
Value none_construct(VM& vm, Type*, const CallArgs& a) {
  if (a.argc || a.nkw()) return vm.raise(vm.exc().TypeError, "NoneType takes no arguments");
  return Value::none();
}
int none_truth(VM&, Value) { return 0; }
Value notimpl_repr(VM& vm, Value) { return Value::from_obj(vm.intern("NotImplemented")); }
Value ellipsis_repr(VM& vm, Value) { return Value::from_obj(vm.intern("Ellipsis")); }

// ------------------------------------------------------------------ module
Value module_repr(VM& vm, Value self) {
  Module* m = as_module(self);
  std::string out = "<module '";
  out += m->name->view();
  if (m->filename) {
    out += "' from '";
    out += m->filename->view();
    out += "'>";
  } else {
    out += "' (built-in)>";
  }
  return vm.str(out);
}

Value module_getattr(VM& vm, Value self, Str* name) {
  Module* m = as_module(self);
  Value v = dict_get_str(m->dict, name);
  if (!v.is_undef()) return v;
  if (name->view() == "__dict__") return Value::from_obj(m->dict);
  return generic_getattr(vm, self, name);
}

}  // namespace

void init_object_type(VM& vm) {
  const Types& T = vm.types();
  Type* o = T.object;
  o->slots.repr = object_repr;
  o->slots.hash = object_hash;
  o->slots.richcompare = object_richcompare;
  o->slots.construct = object_construct;
  static const MethodDef kObjectMethods[] = {
      {"__init__", object_init},
      {"__repr__", object_repr_m},
      {"__str__", object_str_m},
      {"__eq__", object_eq_m},
      {"__ne__", object_ne_m},
      {"__hash__", object_hash_m},
      {"__format__", object_format_m},
      {"__setattr__", object_setattr_m},
      {"__getattribute__", object_getattribute_m},
      {"__new__", object_new_m, MethodDef::kStatic},
  };
  add_methods(vm, o, kObjectMethods);

  Type* t = T.type;
  t->slots.repr = type_repr;
  t->slots.construct = type_construct;
  t->slots.getattr = type_getattr;
  t->slots.setattr = type_setattr;
  t->slots.hash = identity_hash;
  static const MethodDef kTypeMethods[] = {
      {"mro", type_mro_m},
      {"__subclasses__", type_subclasses_m},
  };
  add_methods(vm, t, kTypeMethods);

  T.none_type->slots.repr = none_repr;
  T.none_type->slots.construct = none_construct;
  T.none_type->slots.truth = none_truth;
  T.not_implemented_type->slots.repr = notimpl_repr;
  T.ellipsis_type->slots.repr = ellipsis_repr;
}

void init_module_type(VM& vm) {
  Type* m = vm.types().module;
  m->slots.repr = module_repr;
  m->slots.getattr = module_getattr;
}

}  // namespace pyjitvm::vm
