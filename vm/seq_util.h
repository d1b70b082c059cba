// vm/seq_util.h — shared helpers for sequences: index normalisation, slices, and the
// small iterator layout used by the builtin iterators.
//
// Stage: used by str, list, tuple, range and the builtin iterator types.
//
// Invariants:
//   I1  slice_indices() has CPython's PySlice_GetIndicesEx semantics: clamps start
//       and stop for the given length and step, and reports the slice length.
//   I2  IterObj is the layout of every simple builtin iterator (Kind::Other); its
//       type decides how the fields are used; `src` is the only traced reference.
#pragma once

#include <vector>

#include "vm/vm.h"

namespace pyjitvm::vm {

// Python index normalisation; false when out of range (no exception set).
inline bool normalize_index(int64_t& i, int64_t len) {
  if (i < 0) i += len;
  return i >= 0 && i < len;
}

// Converts an index Value (int, bool, __index__) for a sequence of length `len`.
// Raises "<what> index out of range" IndexError or TypeError with CPython's wording
// ("list indices must be integers or slices, not str").
[[nodiscard]] bool seq_index(VM& vm, Value key, int64_t len, const char* what, int64_t& out);

struct SliceBounds {
  int64_t start = 0, stop = 0, step = 1, length = 0;
};
[[nodiscard]] bool slice_indices(VM& vm, Value slice, int64_t len, SliceBounds& out);

struct IterObj : Object {
  Value src;
  int64_t a = 0, b = 0, c = 0;
};
void iterobj_trace(Object* o, GcTracer& t);
IterObj* new_iter(VM& vm, Type* type, Value src, int64_t a = 0, int64_t b = 0, int64_t c = 0);

// Iterator over `seq` via __getitem__(0, 1, ...) until IndexError.
Value make_seq_iter(VM& vm, Value seq);

// Lexicographic comparison of two Value arrays (list/tuple semantics).
Value sequence_compare(VM& vm, const Value* a, size_t na, const Value* b, size_t nb, CmpOp op);
// Stable sort with Python semantics (`<` only, optional key callable, reverse).
[[nodiscard]] bool sort_values(VM& vm, std::vector<Value>& items, Value key, bool reverse);

}  // namespace pyjitvm::vm
