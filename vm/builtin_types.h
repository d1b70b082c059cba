// vm/builtin_types.h — initialisers for the builtin types, one per type file.
//
// Stage: VM::init_types() (vm/builtin_types.cpp) creates every Type object, then
// calls these to install each type's slots and methods.
//
// Invariants:
//   I1  make_builtin_type() gives a type its name, base, mro and inherited slots;
//       an init_* function only overrides slots and adds methods.
#pragma once

#include <string_view>

#include "vm/vm.h"

namespace pyjitvm::vm {

Type* make_builtin_type(VM& vm, std::string_view name, Type* base, Kind instance_kind,
                        uint32_t flags);
void inherit_slots(Type* t, const Type* base);
void type_modified(Type* t);  // bumps t's version and its subclasses' (object.h I4)
// dunder methods (dict.__setitem__, int.__add__ ...) for the slots `t` defines itself
void add_slot_wrappers(VM& vm, Type* t);

void init_object_type(VM& vm);     // object, type, NoneType, NotImplemented, ellipsis
void init_int_type(VM& vm);        // int, bool
void init_float_type(VM& vm);
void init_complex_type(VM& vm);
void init_str_type(VM& vm);
void init_list_type(VM& vm);
void init_tuple_type(VM& vm);
void init_dict_type(VM& vm);
void init_set_type(VM& vm);        // set, frozenset
void init_range_type(VM& vm);      // range, slice
void init_func_types(VM& vm);      // function, builtin_function, method, cell, code,
                                   // staticmethod, classmethod, property, super
void init_generator_type(VM& vm);
void init_module_type(VM& vm);
void init_iterator_types(VM& vm);  // list/tuple/str/range/dict/set/seq iterators

}  // namespace pyjitvm::vm
