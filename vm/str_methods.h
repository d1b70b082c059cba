// vm/str_methods.h — the methods of str, str % args and str.format.
//
// Stage: vm/str_type.cpp calls add_str_methods() at VM start; the `%` slot calls
// str_percent_format().
//
// Invariants:
//   I1  Every method matches CPython 3.11's results and error messages for str.
//   I2  Formatting of numbers goes through vm/numfmt (CPython-exact text).
#pragma once

#include "vm/vm.h"

namespace pyjitvm::vm {

void add_str_methods(VM& vm, Type* str_type);
Value str_percent_format(VM& vm, Str* format, Value args);  // format % args

}  // namespace pyjitvm::vm
