// stdlib/struct_seq.cpp — named tuples of the C API kind (see struct_seq.h).
//
// Stage: make_struct_seq_type() at module creation, make_struct_seq() per value.
//
// Invariants: struct_seq.h I1–I2.
#include "stdlib/struct_seq.h"

#include <string>

#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib {

using namespace pyjitvm::vm;

namespace {

Tuple* fields_of(VM& vm, Type* t) {
  for (Type* m : t->mro) {
    if (!m->dict) continue;
    Value f = dict_get_str(m->dict, vm.intern("_fields"));
    if (is_kind(f, Kind::Tuple)) return as_tuple(f);
  }
  return nullptr;
}

Value seq_getattr(VM& vm, Value self, Str* name) {
  Tuple* fields = fields_of(vm, vm.type_of(self));
  Tuple* t = as_tuple(self);
  if (fields)
    for (size_t i = 0; i < fields->len && i < t->len; ++i)
      if (str_equal(as_str((*fields)[i]), name)) return (*t)[i];
  return generic_getattr(vm, self, name);
}

Value seq_repr(VM& vm, Value self) {
  Type* type = vm.type_of(self);
  Tuple* fields = fields_of(vm, type);
  Tuple* t = as_tuple(self);
  std::string out;
  if (type->module_name && type->module_name->nbytes) {
    out += type->module_name->view();
    out += ".";
  }
  out += type->name->view();
  out += "(";
  for (size_t i = 0; i < t->len; ++i) {
    if (i) out += ", ";
    if (fields && i < fields->len) {
      out += as_str((*fields)[i])->view();
      out += "=";
    }
    if (!repr_append(vm, (*t)[i], out)) return Value();
  }
  out += ")";
  return vm.str(out);
}

}  // namespace

Type* make_struct_seq_type(VM& vm, std::string_view module, std::string_view name,
                           std::initializer_list<const char*> fields) {
  Type* t = make_builtin_type(vm, name, vm.types().tuple, Kind::Tuple, 0);
  t->module_name = vm.intern(module);
  t->slots.getattr = seq_getattr;
  t->slots.repr = seq_repr;
  Tuple* f = vm.new_tuple(fields.size());
  size_t i = 0;
  for (const char* n : fields) (*f)[i++] = Value::from_obj(vm.intern(n));
  dict_set_str(vm.heap(), t->dict, vm.intern("_fields"), Value::from_obj(f));
  dict_set_str(vm.heap(), t->dict, vm.intern("n_fields"), Value::from_int(static_cast<int64_t>(fields.size())));
  return t;
}

Value make_struct_seq(VM& vm, Type* type, std::initializer_list<Value> values) {
  Tuple* t = vm.tuple_of(values);
  t->type = type;
  return Value::from_obj(t);
}

}  // namespace pyjitvm::stdlib
