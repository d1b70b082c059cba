// vm/func_type.cpp — the callable types and descriptors: function, builtin function,
// bound method, cell, code, staticmethod, classmethod, property, super, traceback.
//
// Stage: init_func_types() installs their slots and methods.
//
// Invariants:
//   I1  descr_get implements binding: a function or builtin method read through an
//       instance becomes a bound method; through the class (obj Undef) it stays as is.
//   I2  property's descr_set makes it a data descriptor (it wins over the instance
//       dict); reading/writing without fget/fset raises CPython's AttributeError.
#include <cstdio>
#include <string>

#include "vm/builtin_types.h"
#include "vm/call.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

namespace {

// ------------------------------------------------------------------ function
Value function_repr(VM& vm, Value self) {
  Function* f = as_function(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(f));
  return vm.str(std::string("<function ") + (f->qualname ? f->qualname : f->name)->data() + buf);
}

Value function_descr_get(VM& vm, Value descr, Value obj, Type*) {
  if (obj.is_undef() || obj.is_none() && false) return descr;
  return vm.new_bound_method(descr, obj);
}

Value function_getattr(VM& vm, Value self, Str* name) {
  Function* f = as_function(self);
  std::string_view n = name->view();
  if (n == "__name__") return Value::from_obj(f->name);
  if (n == "__qualname__") return Value::from_obj(f->qualname ? f->qualname : f->name);
  if (n == "__doc__") return f->doc.is_undef() ? Value::none() : f->doc;
  if (n == "__module__") return f->module ? Value::from_obj(f->module) : Value::none();
  if (n == "__defaults__") return f->defaults ? Value::from_obj(f->defaults) : Value::none();
  if (n == "__kwdefaults__") return f->kwdefaults ? Value::from_obj(f->kwdefaults) : Value::none();
  if (n == "__globals__") return Value::from_obj(f->globals);
  if (n == "__closure__") return f->closure ? Value::from_obj(f->closure) : Value::none();
  if (n == "__code__") return Value::from_obj(f->proto);
  return generic_getattr(vm, self, name);
}

bool function_setattr(VM& vm, Value self, Str* name, Value v) {
  Function* f = as_function(self);
  std::string_view n = name->view();
  if (n == "__name__" && is_kind(v, Kind::Str)) {
    f->name = as_str(v);
    return true;
  }
  if (n == "__qualname__" && is_kind(v, Kind::Str)) {
    f->qualname = as_str(v);
    return true;
  }
  if (n == "__doc__") {
    f->doc = v.is_undef() ? Value::none() : v;
    return true;
  }
  return generic_setattr(vm, self, name, v);
}

// ------------------------------------------------------------------ builtin function
Value native_repr(VM& vm, Value self) {
  NativeFunction* f = as_native(self);
  if (!f->self.is_undef() && !f->self.is_none()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>",
                  f->self.is_obj() ? static_cast<void*>(f->self.as_obj()) : nullptr);
    return vm.str(std::string("<built-in method ") + f->name->data() + " of " +
                  type_name(vm, f->self) + buf);
  }
  return vm.str(std::string("<built-in function ") + f->name->data() + ">");
}

Value native_descr_get(VM& vm, Value descr, Value obj, Type*) {
  NativeFunction* f = as_native(descr);
  if (obj.is_undef() || !f->self.is_undef()) return descr;
  NativeFunction* b = vm.new_native(f->name->view(), f->fn, f->data);
  b->self = obj;
  b->owner = f->owner;
  b->doc = f->doc;
  return Value::from_obj(b);
}

Value native_getattr(VM& vm, Value self, Str* name) {
  NativeFunction* f = as_native(self);
  std::string_view n = name->view();
  if (n == "__name__" || n == "__qualname__") return Value::from_obj(f->name);
  if (n == "__self__") return f->self.is_undef() ? Value::none() : f->self;
  if (n == "__doc__") return f->doc ? vm.str(f->doc) : Value::none();
  if (n == "__module__") return Value::none();
  return generic_getattr(vm, self, name);
}

// ------------------------------------------------------------------ bound method
Value bound_repr(VM& vm, Value self) {
  BoundMethod* b = as_bound(self);
  std::string out = "<bound method ";
  Value q = getattr_or_undef(vm, b->func, vm.names().qualname);
  if (is_kind(q, Kind::Str))
    out += as_str(q)->view();
  else
    out += "?";
  out += " of ";
  if (!repr_append(vm, b->self, out)) return Value();
  out += ">";
  return vm.str(out);
}

Value bound_getattr(VM& vm, Value self, Str* name) {
  BoundMethod* b = as_bound(self);
  std::string_view n = name->view();
  if (n == "__self__") return b->self;
  if (n == "__func__") return b->func;
  return getattr(vm, b->func, name);
}

Value bound_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if ((op != CmpOp::Eq && op != CmpOp::Ne) || !is_kind(b, Kind::BoundMethod))
    return vm.not_implemented();
  bool same = as_bound(a)->func.identical(as_bound(b)->func) &&
              as_bound(a)->self.identical(as_bound(b)->self);
  return Value::from_bool(op == CmpOp::Eq ? same : !same);
}

// ------------------------------------------------------------------ staticmethod / classmethod
Value wrapper_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (a.argc != 1) return vm.raise_fmt(vm.exc().TypeError, "%s expected 1 argument, got %u",
                                       cls->name->data(), a.argc);
  Kind k = cls->instance_kind;
  MethodWrapper* w = vm.heap().make<MethodWrapper>(cls, k, 0);
  w->callable = a[0];
  return Value::from_obj(w);
}

Value static_descr_get(VM&, Value descr, Value, Type*) {
  return static_cast<MethodWrapper*>(descr.as_obj())->callable;
}

Value class_descr_get(VM& vm, Value descr, Value obj, Type* owner) {
  Value cls = obj.is_undef() ? Value::from_obj(owner) : Value::from_obj(vm.type_of(obj));
  if (obj.is_undef() && !owner) return descr;
  return vm.new_bound_method(static_cast<MethodWrapper*>(descr.as_obj())->callable, cls);
}

Value wrapper_getattr(VM& vm, Value self, Str* name) {
  if (name->view() == "__func__") return static_cast<MethodWrapper*>(self.as_obj())->callable;
  return generic_getattr(vm, self, name);
}

Value static_call(VM& vm, Value self, const CallArgs& a) {
  return vm.call(static_cast<MethodWrapper*>(self.as_obj())->callable, a);
}

// ------------------------------------------------------------------ property
Property* as_prop(Value v) { return static_cast<Property*>(v.as_obj()); }

Value property_construct(VM& vm, Type* cls, const CallArgs& a) {
  Value p[4];
  static const ArgSpec kSpec{"property", {"fget=", "fset=", "fdel=", "doc="}};
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Property* prop = vm.heap().make<Property>(cls, Kind::Property, 0);
  prop->fget = p[0].is_undef() ? Value::none() : p[0];
  prop->fset = p[1].is_undef() ? Value::none() : p[1];
  prop->fdel = p[2].is_undef() ? Value::none() : p[2];
  prop->doc = p[3].is_undef() ? Value::none() : p[3];
  return Value::from_obj(prop);
}

std::string prop_name(VM& vm, Property* p) {
  Value n = p->fget.is_none() ? Value() : getattr_or_undef(vm, p->fget, vm.names().name);
  return is_kind(n, Kind::Str) ? std::string(as_str(n)->view()) : std::string("?");
}

Value property_descr_get(VM& vm, Value descr, Value obj, Type*) {
  if (obj.is_undef()) return descr;
  Property* p = as_prop(descr);
  if (p->fget.is_none())
    return vm.raise_fmt(vm.exc().AttributeError, "property '%s' of '%s' object has no getter",
                        prop_name(vm, p).c_str(), type_name(vm, obj));
  return vm.call(p->fget, {obj});
}

bool property_descr_set(VM& vm, Value descr, Value obj, Value v) {
  Property* p = as_prop(descr);
  Value fn = v.is_undef() ? p->fdel : p->fset;
  if (fn.is_none()) {
    vm.raise_fmt(vm.exc().AttributeError, "property '%s' of '%s' object has no %s",
                 prop_name(vm, p).c_str(), type_name(vm, obj), v.is_undef() ? "deleter" : "setter");
    return false;
  }
  Value r = v.is_undef() ? vm.call(fn, {obj}) : vm.call(fn, {obj, v});
  return !failed(r);
}

Value property_copy_with(VM& vm, Value self, int which, Value fn) {
  Property* old = as_prop(self);
  Property* p = vm.heap().make<Property>(old->type, Kind::Property, 0);
  p->fget = which == 0 ? fn : old->fget;
  p->fset = which == 1 ? fn : old->fset;
  p->fdel = which == 2 ? fn : old->fdel;
  p->doc = old->doc;
  return Value::from_obj(p);
}
Value property_getter(VM& vm, const CallArgs& a) { return property_copy_with(vm, a[0], 0, a[1]); }
Value property_setter(VM& vm, const CallArgs& a) { return property_copy_with(vm, a[0], 1, a[1]); }
Value property_deleter(VM& vm, const CallArgs& a) { return property_copy_with(vm, a[0], 2, a[1]); }

Value property_getattr(VM& vm, Value self, Str* name) {
  Property* p = as_prop(self);
  std::string_view n = name->view();
  if (n == "fget") return p->fget;
  if (n == "fset") return p->fset;
  if (n == "fdel") return p->fdel;
  if (n == "__doc__") {
    if (!p->doc.is_none()) return p->doc;
    return p->fget.is_none() ? Value::none() : getattr_or_undef(vm, p->fget, vm.names().doc);
  }
  return generic_getattr(vm, self, name);
}

// ------------------------------------------------------------------ super
struct Super : Object {
  Type* start;  // the class whose base the lookup starts from
  Value obj;    // the instance (or class, for classmethods)
};

void super_trace(Object* o, GcTracer& t) {
  t.mark(static_cast<Super*>(o)->start);
  t.mark(static_cast<Super*>(o)->obj);
}

Value super_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (a.argc != 2)
    return vm.raise(vm.exc().RuntimeError, "super(): no arguments");
  if (!is_kind(a[0], Kind::Type)) return vm.raise(vm.exc().TypeError, "super() argument 1 must be a type");
  Super* s = vm.heap().make<Super>(cls, Kind::Other, 0);
  s->start = as_type(a[0]);
  s->obj = a[1];
  Type* ot = is_kind(a[1], Kind::Type) ? as_type(a[1]) : vm.type_of(a[1]);
  if (!ot->is_subtype_of(s->start))
    return vm.raise(vm.exc().TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return Value::from_obj(s);
}

Value super_getattr(VM& vm, Value self, Str* name) {
  Super* s = static_cast<Super*>(self.as_obj());
  bool obj_is_type = is_kind(s->obj, Kind::Type);
  Type* ot = obj_is_type ? as_type(s->obj) : vm.type_of(s->obj);
  bool after = false;
  for (Type* t : ot->mro) {
    if (!after) {
      after = t == s->start;
      continue;
    }
    if (!t->dict) continue;
    Value v = dict_get_str(t->dict, name);
    if (v.is_undef()) continue;
    Type* dt = vm.type_of(v);
    if (dt->slots.descr_get)
      return dt->slots.descr_get(vm, v, obj_is_type ? Value() : s->obj, ot);
    return v;
  }
  if (name->view() == "__class__") return Value::from_obj(vm.type_of(self));
  return vm.raise_fmt(vm.exc().AttributeError, "'super' object has no attribute '%s'", name->data());
}

// ------------------------------------------------------------------ cell, code, traceback
Value cell_repr(VM& vm, Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<cell at %p>", static_cast<void*>(self.as_obj()));
  return vm.str(buf);
}

Value code_repr(VM& vm, Value self) {
  Proto* p = as_proto(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p, file \"", static_cast<void*>(p));
  return vm.str(std::string("<code object ") + p->name->data() + buf +
                (p->filename ? p->filename->data() : "?") + "\", line " +
                std::to_string(p->first_line) + ">");
}

Value code_getattr(VM& vm, Value self, Str* name) {
  Proto* p = as_proto(self);
  std::string_view n = name->view();
  if (n == "co_name") return Value::from_obj(p->name);
  if (n == "co_filename") return p->filename ? Value::from_obj(p->filename) : Value::none();
  if (n == "co_firstlineno") return Value::from_int(p->first_line);
  if (n == "co_argcount") return Value::from_int(p->argcount);
  if (n == "co_varnames") {
    Tuple* t = vm.new_tuple(p->varnames.size());
    for (size_t i = 0; i < p->varnames.size(); ++i) (*t)[i] = Value::from_obj(p->varnames[i]);
    return Value::from_obj(t);
  }
  return generic_getattr(vm, self, name);
}

void traceback_trace(Object* o, GcTracer& t) {
  for (const TracebackEntry& e : static_cast<Traceback*>(o)->entries) t.mark(e.proto);
}
void traceback_finalize(Object* o, Heap&) { static_cast<Traceback*>(o)->~Traceback(); }

}  // namespace

void init_func_types(VM& vm) {
  const Types& T = vm.types();
  T.function->slots.repr = function_repr;
  T.function->slots.descr_get = function_descr_get;
  T.function->slots.getattr = function_getattr;
  T.function->slots.setattr = function_setattr;

  T.native_function->slots.repr = native_repr;
  T.native_function->slots.descr_get = native_descr_get;
  T.native_function->slots.getattr = native_getattr;

  T.bound_method->slots.repr = bound_repr;
  T.bound_method->slots.getattr = bound_getattr;
  T.bound_method->slots.richcompare = bound_richcompare;

  T.staticmethod->slots.construct = wrapper_construct;
  T.staticmethod->slots.descr_get = static_descr_get;
  T.staticmethod->slots.getattr = wrapper_getattr;
  T.staticmethod->slots.call = static_call;
  T.classmethod->slots.construct = wrapper_construct;
  T.classmethod->slots.descr_get = class_descr_get;
  T.classmethod->slots.getattr = wrapper_getattr;

  T.property->slots.construct = property_construct;
  T.property->slots.descr_get = property_descr_get;
  T.property->slots.descr_set = property_descr_set;
  T.property->slots.getattr = property_getattr;
  static const MethodDef kPropMethods[] = {
      {"getter", property_getter},
      {"setter", property_setter},
      {"deleter", property_deleter},
  };
  add_methods(vm, T.property, kPropMethods);

  T.super_->slots.construct = super_construct;
  T.super_->slots.getattr = super_getattr;
  T.super_->slots.trace = super_trace;

  T.cell->slots.repr = cell_repr;
  T.code->slots.repr = code_repr;
  T.code->slots.getattr = code_getattr;
  T.traceback->slots.trace = traceback_trace;
  T.traceback->slots.finalize = traceback_finalize;
}

}  // namespace pyjitvm::vm
