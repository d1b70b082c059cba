// stdlib/numpy/convert.h — Python objects to arrays and to the arguments numpy
// functions take (dtype=, shape, axis=).
//
// Stage: the argument layer of every numpy function.
//
// Invariants:
//   I1  Dtype discovery is NumPy 1.24's for nested lists/tuples of Python and NumPy
//       scalars and arrays: bool < int64 (uint64 for ints in [2**63, 2**64)) < float64
//       < complex128, NumPy scalars and arrays contribute their own dtype, and the
//       result is the promote_types() of all leaves.
//   I2  Ragged nesting raises ValueError with NumPy's wording ("setting an array element
//       with a sequence. The requested array has an inhomogeneous shape after N
//       dimensions. The detected shape was (..) + inhomogeneous part."); strings and
//       other objects raise TypeError/NotImplementedError naming what is unsupported
//       (pyjitvm has no object or string dtypes).
//   I3  Every function returns nullptr/false with a Python exception pending on error.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/ndarray.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// np.array(obj, dtype=dtype, copy=copy): a new array unless `copy` is false and obj is
// already an array of that dtype (then obj itself).
NDArray* as_array(vm::VM& vm, vm::Value obj, std::optional<DType> dtype = std::nullopt,
                  bool copy = false);
// The dtype np.array(obj) would pick (I1); obj may be a scalar or nested sequence.
bool discover_dtype(vm::VM& vm, vm::Value obj, DType& out);

// dtype= arguments: np.float64, np.dtype('f8'), 'float64', float, int, bool, complex.
// None is not accepted here (callers decide what None means).
bool parse_dtype(vm::VM& vm, vm::Value v, DType& out);
// The same, with None/Undef meaning "not given".
bool parse_optional_dtype(vm::VM& vm, vm::Value v, std::optional<DType>& out);

// Shapes: an int or a sequence of ints ("'float' object cannot be interpreted as an
// integer"; negative dimensions are the caller's to reject with NumPy's message).
bool parse_shape(vm::VM& vm, vm::Value v, std::vector<int64_t>& out);

// axis= for an array of `ndim` dimensions, normalised to [0, ndim): AxisError "axis 2
// is out of bounds for array of dimension 2" otherwise.
bool normalize_axis(vm::VM& vm, int64_t axis, int ndim, int& out);
bool parse_axis(vm::VM& vm, vm::Value v, int ndim, int& out);
// axis=None / int / tuple of ints → a per-dimension mask (all true for None). Repeated
// axes raise ValueError "duplicate value in 'axis'".
bool parse_axes(vm::VM& vm, vm::Value v, int ndim, std::vector<bool>& mask);

// What a Python value is to NumPy's type rules.
enum class ScalarClass : uint8_t {
  PyBool, PyInt, PyFloat, PyComplex,  // Python scalars ("weak" in value-based casting)
  NpScalar,                           // NumPy scalar
  Array,                              // ndarray
  Other,                              // sequence or anything else
};
ScalarClass classify(vm::VM& vm, vm::Value v);

// Raises numpy.AxisError with `msg`.
vm::Value raise_axis_error(vm::VM& vm, const std::string& msg);

}  // namespace pyjitvm::stdlib::np
