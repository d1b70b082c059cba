// stdlib/numba/nbtypes.cpp — numba type and signature objects: interning, names, the
// Python-level protocol (float64(int64) makes a signature, float64[:] an array type).
//
// Invariants: nbtypes.h I1–I2. Members vectors are owned by their type object and
// freed by its finalizer; the GC traces every member.
#include "stdlib/numba/nbtypes.h"

#include <string>

#include "stdlib/numpy/state.h"
#include "vm/builtin_types.h"
#include "vm/dict_object.h"
#include "vm/gc.h"
#include "vm/misc_objects.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;

namespace {

std::string scalar_name(np::DType d) {
  return d == np::DType::Bool ? "bool" : std::string(np::dtype_name(d));
}

NbKind scalar_kind(np::DType d) {
  switch (np::dkind(d)) {
    case np::DKind::Bool: return NbKind::Boolean;
    case np::DKind::Float: return NbKind::Float;
    case np::DKind::Complex: return NbKind::Complex;
    default: return NbKind::Integer;
  }
}

// Returns the interned type called `name`, or makes one with `init` and interns it.
template <class Init>
NbType* intern_type(VM& vm, const std::string& name, Init&& init) {
  NumbaState& st = numba_state(vm);
  Str* key = vm.intern(name);
  Value found = dict_get_str(st.interned, key);
  if (!found.is_undef()) return as_nbtype(found);
  NbType* t = vm.heap().make<NbType>(st.type_type, Kind::Other, 0);
  t->name = key;
  init(t);
  dict_set_str(vm.heap(), st.interned, key, Value::from_obj(t));
  return t;
}

}  // namespace

NbType* scalar_type(VM& vm, np::DType d) {
  return intern_type(vm, scalar_name(d), [&](NbType* t) {
    t->nk = scalar_kind(d);
    t->dtype = d;
  });
}

NbType* none_type(VM& vm) {
  return intern_type(vm, "none", [](NbType* t) { t->nk = NbKind::None; });
}

NbType* unicode_type(VM& vm) {
  return intern_type(vm, "unicode_type", [](NbType* t) { t->nk = NbKind::Unicode; });
}

NbType* array_type(VM& vm, np::DType d, int ndim, char layout, bool readonly) {
  std::string name = std::string(readonly ? "readonly " : "") + "array(" + scalar_name(d) + ", " +
                     std::to_string(ndim) + "d, " + layout + ")";
  return intern_type(vm, name, [&](NbType* t) {
    t->nk = NbKind::Array;
    t->dtype = d;
    t->ndim = ndim;
    t->layout = layout;
    t->readonly = readonly;
  });
}

NbType* unituple_type(VM& vm, NbType* elem, int count) {
  std::string name = "UniTuple(" + std::string(elem->name->view()) + " x " + std::to_string(count) + ")";
  return intern_type(vm, name, [&](NbType* t) {
    t->nk = NbKind::UniTuple;
    t->count = count;
    t->members = new std::vector<NbType*>{elem};
  });
}

NbType* tuple_type(VM& vm, const std::vector<NbType*>& items) {
  if (!items.empty()) {
    bool uniform = true;
    for (NbType* x : items) uniform = uniform && x == items[0];
    if (uniform) return unituple_type(vm, items[0], static_cast<int>(items.size()));
  }
  std::string name = "Tuple(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) name += ", ";
    name += items[i]->name->view();
  }
  name += ")";
  return intern_type(vm, name, [&](NbType* t) {
    t->nk = NbKind::Tuple;
    t->count = static_cast<int32_t>(items.size());
    t->members = new std::vector<NbType*>(items);
  });
}

NbType* list_type(VM& vm, NbType* item, bool reflected) {
  std::string name = reflected ? "reflected list(" + std::string(item->name->view()) + ")"
                               : "ListType[" + std::string(item->name->view()) + "]";
  return intern_type(vm, name, [&](NbType* t) {
    t->nk = NbKind::List;
    t->reflected = reflected;
    t->members = new std::vector<NbType*>{item};
  });
}

NbType* dict_type(VM& vm, NbType* key, NbType* value) {
  std::string name = "DictType[" + std::string(key->name->view()) + "," + std::string(value->name->view()) +
                     "]<iv=None>";
  return intern_type(vm, name, [&](NbType* t) {
    t->nk = NbKind::Dict;
    t->members = new std::vector<NbType*>{key, value};
  });
}

NbType* class_type(VM& vm, Object* cls, Str* name) {
  return intern_type(vm, std::string(name->view()), [&](NbType* t) {
    t->nk = NbKind::Class;
    t->cls = cls;
  });
}

NbType* function_type(VM& vm, Object* dispatcher, Str* name) {
  return intern_type(vm, std::string(name->view()), [&](NbType* t) {
    t->nk = NbKind::Function;
    t->cls = dispatcher;
  });
}

NbType* opaque_type(VM& vm, std::string_view name) {
  return intern_type(vm, std::string(name), [](NbType* t) { t->nk = NbKind::Opaque; });
}

NbSignature* new_signature(VM& vm, NbType* ret, const std::vector<NbType*>& args) {
  NbSignature* s = vm.heap().make<NbSignature>(numba_state(vm).signature_type, Kind::Other, 0);
  s->ret = ret;
  s->args = new std::vector<NbType*>(args);
  return s;
}

bool is_nbtype(VM& vm, Value v) {
  Object* s = vm.ext_slot(kExtNumba);
  return s && v.is_obj() && v.as_obj()->type == static_cast<NumbaState*>(s)->type_type;
}

bool is_signature(VM& vm, Value v) {
  Object* s = vm.ext_slot(kExtNumba);
  return s && v.is_obj() && v.as_obj()->type == static_cast<NumbaState*>(s)->signature_type;
}

Value signature_args(VM& vm, const NbSignature* s) {
  Tuple* t = vm.new_tuple(s->args->size());
  for (size_t i = 0; i < s->args->size(); ++i) (*t)[i] = Value::from_obj((*s->args)[i]);
  return Value::from_obj(t);
}

std::string signature_str(const NbSignature* s) {
  std::string r = "(";
  for (size_t i = 0; i < s->args->size(); ++i) {
    if (i) r += ", ";
    r += (*s->args)[i]->name->view();
  }
  r += s->args->size() == 1 ? ",)" : ")";
  if (s->ret) r += " -> " + std::string(s->ret->name->view());
  return r;
}

// ------------------------------------------------------------------ Python protocol
namespace {

void type_trace(Object* o, GcTracer& tr) {
  NbType* t = static_cast<NbType*>(o);
  tr.mark(t->name);
  tr.mark(t->cls);
  if (t->members)
    for (NbType* m : *t->members) tr.mark(m);
}
void type_finalize(Object* o, Heap&) {
  NbType* t = static_cast<NbType*>(o);
  delete t->members;
  t->members = nullptr;
}
void sig_trace(Object* o, GcTracer& tr) {
  NbSignature* s = static_cast<NbSignature*>(o);
  tr.mark(s->ret);
  if (s->args)
    for (NbType* a : *s->args) tr.mark(a);
}
void sig_finalize(Object* o, Heap&) {
  NbSignature* s = static_cast<NbSignature*>(o);
  delete s->args;
  s->args = nullptr;
}

Value type_repr(VM&, Value self) { return Value::from_obj(as_nbtype(self)->name); }

bool type_hash(VM& vm, Value self, int64_t& out) { return hash(vm, Value::from_obj(as_nbtype(self)->name), out); }

Value type_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (op != CmpOp::Eq && op != CmpOp::Ne) return vm.not_implemented();
  bool eq = a.is_obj() && b.is_obj() && a.as_obj() == b.as_obj();
  return Value::from_bool(op == CmpOp::Eq ? eq : !eq);
}

// float64(int64, float64) → Signature; float64() → Signature with no arguments.
Value type_call(VM& vm, Value self, const CallArgs& a) {
  if (a.nkw()) return vm.raise(vm.exc().TypeError, "a signature takes no keyword arguments");
  std::vector<NbType*> args;
  for (uint32_t i = 0; i < a.argc; ++i) {
    if (!is_nbtype(vm, a[i]))
      return vm.raise_fmt(vm.exc().TypeError, "signature arguments must be numba types, not %s",
                          type_name(vm, a[i]));
    args.push_back(as_nbtype(a[i]));
  }
  NbType* ret = as_nbtype(self);
  return Value::from_obj(new_signature(vm, ret, args));
}

// One subscript item of float64[...]: ':' (any layout) or '::1' (contiguous).
bool slice_item(VM& vm, Value v, bool& contiguous) {
  if (!is_kind(v, Kind::Slice)) {
    vm.raise(vm.exc().TypeError, "array types are written with slices: float64[:], float64[:, ::1]");
    return false;
  }
  Slice* s = static_cast<Slice*>(v.as_obj());
  if (!s->start.is_none() || !s->stop.is_none()) {
    vm.raise(vm.exc().TypeError, "array type slices take no start or stop: use ':' or '::1'");
    return false;
  }
  contiguous = s->step.is_int() && s->step.as_int() == 1;
  if (!s->step.is_none() && !contiguous) {
    vm.raise(vm.exc().TypeError, "array type slices may only have step 1 ('::1')");
    return false;
  }
  return true;
}

Value type_getitem(VM& vm, Value self, Value key) {
  NbType* t = as_nbtype(self);
  if (t->nk != NbKind::Boolean && t->nk != NbKind::Integer && t->nk != NbKind::Float &&
      t->nk != NbKind::Complex)
    return vm.raise_fmt(vm.exc().TypeError, "cannot make an array of %s", t->name->data());
  std::vector<Value> items;
  if (is_kind(key, Kind::Tuple)) {
    Tuple* tu = as_tuple(key);
    items.assign(tu->items(), tu->items() + tu->len);
  } else {
    items.push_back(key);
  }
  int n = static_cast<int>(items.size());
  int contiguous_at = -1;
  for (int i = 0; i < n; ++i) {
    bool c;
    if (!slice_item(vm, items[i], c)) return Value();
    if (c) {
      if (contiguous_at >= 0) return vm.raise(vm.exc().TypeError, "only one '::1' is allowed in an array type");
      contiguous_at = i;
    }
  }
  char layout = 'A';
  if (contiguous_at == n - 1) layout = 'C';
  else if (contiguous_at == 0) layout = 'F';
  else if (contiguous_at > 0) return vm.raise(vm.exc().TypeError, "'::1' must be the first or last dimension");
  return Value::from_obj(array_type(vm, t->dtype, n, layout));
}

Value type_getattr(VM& vm, Value self, Str* name) {
  NbType* t = as_nbtype(self);
  std::string_view n = name->view();
  if (t->nk == NbKind::Array) {
    if (n == "ndim") return Value::from_int(t->ndim);
    if (n == "layout") return vm.str(std::string(1, t->layout));
    if (n == "dtype") return Value::from_obj(scalar_type(vm, t->dtype));
  }
  if ((t->nk == NbKind::UniTuple || t->nk == NbKind::Tuple) && n == "count")
    return Value::from_int(t->count);
  if (n == "name") return Value::from_obj(t->name);
  if (n == "bitwidth" && t->nk != NbKind::Array && t->nk != NbKind::None)
    return Value::from_int(np::itemsize(t->dtype) * 8);
  return generic_getattr(vm, self, name);
}

Value sig_repr(VM& vm, Value self) { return vm.str(signature_str(as_signature(self))); }

Value sig_getattr(VM& vm, Value self, Str* name) {
  NbSignature* s = as_signature(self);
  std::string_view n = name->view();
  if (n == "args") return signature_args(vm, s);
  if (n == "return_type") return s->ret ? Value::from_obj(s->ret) : Value::none();
  return generic_getattr(vm, self, name);
}

Value sig_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (op != CmpOp::Eq && op != CmpOp::Ne) return vm.not_implemented();
  bool eq = false;
  if (is_signature(vm, b)) {
    NbSignature *x = as_signature(a), *y = as_signature(b);
    eq = x->ret == y->ret && *x->args == *y->args;
  }
  return Value::from_bool(op == CmpOp::Eq ? eq : !eq);
}

}  // namespace

void install_type_objects(VM& vm, NumbaState& st) {
  Type* t = make_builtin_type(vm, "Type", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("numba.core.types");
  t->slots.trace = type_trace;
  t->slots.finalize = type_finalize;
  t->slots.repr = type_repr;
  t->slots.hash = type_hash;
  t->slots.richcompare = type_richcompare;
  t->slots.call = type_call;
  t->slots.getitem = type_getitem;
  t->slots.getattr = type_getattr;
  st.type_type = t;

  Type* s = make_builtin_type(vm, "Signature", vm.types().object, Kind::Other, 0);
  s->module_name = vm.intern("numba.core.typing.templates");
  s->slots.trace = sig_trace;
  s->slots.finalize = sig_finalize;
  s->slots.repr = sig_repr;
  s->slots.getattr = sig_getattr;
  s->slots.richcompare = sig_richcompare;
  s->slots.hash = hash_unhashable;
  st.signature_type = s;
}

}  // namespace pyjitvm::stdlib::nb
