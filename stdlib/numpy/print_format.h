// stdlib/numpy/print_format.h — the printing area's internal interface: NumPy's
// array2string (per-dtype element formatters and the line layout of _formatArray) and
// the print options as Python sees them.
//
// Stage: print_array.cpp (numpy functions and ndarray slots), print_scalar.cpp (scalar
// slots) → print_format.cpp (layout, element columns) → print_float.cpp (digits).
//
// Invariants:
//   I1  Element widths are computed over the elements that are shown (the edgeitems
//       corners when the array is summarised), as NumPy's formatters see only those —
//       ElementFormatter::init().
//   I2  Line breaking, bracket placement, blank lines between blocks and the '...'
//       rows are NumPy 1.24's _formatArray, including the legacy='1.13' variants —
//       format_array().
//   I3  Custom formatters (formatter= dicts) are called with NumPy scalars and must
//       return str; everything else is pure C++ and cannot fail except for NumPy's
//       own errors (precision < 0).
#pragma once

#include <string>
#include <string_view>

#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/state.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

inline constexpr int kLegacyNone = INT32_MAX;  // PrintOptions::legacy when legacy=False

// One array2string() call: the global options with the call's overrides applied.
struct Array2StringArgs {
  PrintOptions opts;
  std::string separator = " ";
  std::string prefix;
  std::string suffix;
  vm::Value formatter;  // a dict of callables, or Undef/None
};

// np.array2string's text (without the prefix itself; its length indents continuation
// lines). False with a Python exception pending on failure.
bool array2string(vm::VM& vm, NDArray* a, const Array2StringArgs& args, std::string& out);

// repr()/str() text with explicit overrides (np.array_repr / np.array_str keywords);
// max_line_width < 0 means the option's linewidth.
bool array_repr_text(vm::VM& vm, NDArray* a, const Array2StringArgs& args, std::string& out);
bool array_str_text(vm::VM& vm, NDArray* a, const Array2StringArgs& args, std::string& out);

// Text of a NumPy scalar element at `p` as str()/repr() print it on its own (NumPy
// 1.24 and its legacy='1.13' mode) — print_scalar.cpp.
std::string scalar_text(const PrintOptions& o, DType d, const void* p, bool is_repr);
// repr() of the element as a Python value (what legacy 1.13 prints for 0-d arrays).
std::string python_item_repr(DType d, const void* p);

// Sets the repr/str slots of the scalar types (print_scalar.cpp).
void install_scalar_printing(vm::VM& vm, NumpyState& st);

// The default Array2StringArgs for the VM: current options and formatter.
Array2StringArgs current_args(vm::VM& vm);

// Number of characters (code points) of UTF-8 text, as Python's len().
size_t text_len(std::string_view s);

}  // namespace pyjitvm::stdlib::np
