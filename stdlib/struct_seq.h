// stdlib/struct_seq.h — named tuples of the C API kind (sys.version_info,
// sys.float_info, time.struct_time): tuples whose items also have field names.
//
// Stage: stdlib modules create the type once per VM and instances as needed.
//
// Invariants:
//   I1  An instance is a tuple (isinstance(x, tuple), indexing, unpacking, comparison)
//       whose type maps the names in `_fields` to indices.
//   I2  repr is CPython's: "sys.version_info(major=3, minor=11, ...)".
#pragma once

#include <initializer_list>
#include <string_view>

#include "vm/vm.h"

namespace pyjitvm::stdlib {

vm::Type* make_struct_seq_type(vm::VM& vm, std::string_view module, std::string_view name,
                               std::initializer_list<const char*> fields);
vm::Value make_struct_seq(vm::VM& vm, vm::Type* type, std::initializer_list<vm::Value> values);

}  // namespace pyjitvm::stdlib
