// vm/class_object.h — user-defined classes: creation, instances, dunder dispatch.
//
// Stage: the compiler turns `class C(B): body` into a call of the builtin
// __build_class__ (build_class() here); instances are created by calling the class
// (the interpreter's stackless path uses new_instance_for_call()).
//
// Invariants:
//   I1  A heap type's slots are the dunder-dispatch slots for every dunder defined in
//       its MRO (update_dunder_slots() runs at creation and whenever a dunder
//       attribute is set on the class), inherited slots otherwise.
//   I2  Multiple inheritance uses C3 (CPython's MRO, same errors); at most one base
//       may have a non-plain instance layout (list, dict, Exception ...).
//       metaclass= and other class keywords raise a TypeError naming the
//       unsupported feature.
#pragma once

#include "vm/vm.h"

namespace pyjitvm::vm {

Value build_class(VM& vm, const CallArgs& args);  // builtins.__build_class__

// Allocates an instance of heap type `cls` for a call with the given arguments
// (running a user __new__ if there is one). *init receives the __init__ to run
// (Undef when none must run).
Value new_instance_for_call(VM& vm, Type* cls, const Value* args, uint32_t argc,
                            Tuple* kwnames, Value* init);
Value call_init_generic(VM& vm, Type* cls, Value inst, Value init, const Value* args,
                        uint32_t argc, Tuple* kwnames);
void update_dunder_slots(VM& vm, Type* cls);

// type(obj).__dict__ lookup + descriptor binding for special methods (with-statement,
// abs(), iter() on instances ...). Undef with no exception when missing.
Value lookup_special_method(VM& vm, Value obj, Str* name);

}  // namespace pyjitvm::vm
