// stdlib/numpy/dtype.h — the element types of pyjitvm's ndarray and NumPy's rules for
// combining them.
//
// Stage: pure data and functions (no VM); used by every numpy file, and by jit/ and
// gpu/, which read arrays directly.
//
// Invariants:
//   I1  DType values are stable (jit/ and gpu/ switch on them) and ordered as NumPy's
//       type numbers order them within a kind.
//   I2  promote_types() is NumPy 1.24's np.promote_types restricted to these dtypes
//       (with complex64 absent, anything complex promotes to complex128).
//   I3  The C++ element type of each dtype is DTypeTraits<D>::T; its size is the
//       dtype's itemsize; bool is stored as one byte holding 0 or 1.
#pragma once

#include <complex>
#include <cstdint>
#include <string_view>

namespace pyjitvm::stdlib::np {

enum class DType : uint8_t {
  Bool,
  Int8, Int16, Int32, Int64,
  UInt8, UInt16, UInt32, UInt64,
  Float32, Float64,
  Complex128,
};
inline constexpr int kNumDTypes = 12;

// The kind categories NumPy's value-based casting compares ('b' < 'i'/'u' < 'f' < 'c').
enum class DKind : uint8_t { Bool, SignedInt, UnsignedInt, Float, Complex };

struct DTypeInfo {
  std::string_view name;  // "float64"
  std::string_view str;   // "<f8" (dtype.str); bool is "|b1"
  char kind;              // 'b' 'i' 'u' 'f' 'c'
  char type_char;         // dtype.char: '?', 'b', 'h', 'i', 'l', 'B', 'H', 'I', 'L', 'f', 'd', 'D'
  uint8_t itemsize;
  DKind dkind;
};

const DTypeInfo& info(DType d);
inline int itemsize(DType d) { return info(d).itemsize; }
inline std::string_view dtype_name(DType d) { return info(d).name; }
inline DKind dkind(DType d) { return info(d).dkind; }
inline bool is_integer(DType d) {
  return dkind(d) == DKind::SignedInt || dkind(d) == DKind::UnsignedInt;
}
inline bool is_signed_int(DType d) { return dkind(d) == DKind::SignedInt; }
inline bool is_unsigned_int(DType d) { return dkind(d) == DKind::UnsignedInt; }
inline bool is_float(DType d) { return dkind(d) == DKind::Float; }
inline bool is_complex(DType d) { return d == DType::Complex128; }
inline bool is_inexact(DType d) { return is_float(d) || is_complex(d); }

// np.promote_types(a, b) (I2).
DType promote_types(DType a, DType b);
// np.can_cast(from, to, casting='safe').
bool can_cast_safe(DType from, DType to);
// Looks a dtype up by NumPy's names and codes: "float64", "f8", "<f8", "d", "float",
// "int", "int_", "intp", "uint", "bool", "bool_", "?", "complex", "double", "single",
// "longlong", "byte", "ubyte", ... Returns false for names pyjitvm does not support.
bool dtype_from_name(std::string_view name, DType& out);
// The smallest dtype holding `v` as NumPy's np.min_scalar_type does for a Python int
// (uint8 for 0..255, int8 for -128..-1, ... int64, uint64 for >= 2**63).
DType min_scalar_type_int(int64_t v);
// For a Python int that does not fit int64 but fits uint64.
inline DType min_scalar_type_uint64() { return DType::UInt64; }
// np.min_scalar_type for a float64 value: float16 does not exist here, so float32 is
// the smallest when the value fits float32's range (or is inf/nan), else float64.
DType min_scalar_type_float(double v);
// The unsigned/signed integer of the same size.
DType signed_of(DType d);

// ---- C++ element types (I3)
using c128 = std::complex<double>;

template <DType D> struct DTypeTraits;
template <> struct DTypeTraits<DType::Bool> { using T = bool; };
template <> struct DTypeTraits<DType::Int8> { using T = int8_t; };
template <> struct DTypeTraits<DType::Int16> { using T = int16_t; };
template <> struct DTypeTraits<DType::Int32> { using T = int32_t; };
template <> struct DTypeTraits<DType::Int64> { using T = int64_t; };
template <> struct DTypeTraits<DType::UInt8> { using T = uint8_t; };
template <> struct DTypeTraits<DType::UInt16> { using T = uint16_t; };
template <> struct DTypeTraits<DType::UInt32> { using T = uint32_t; };
template <> struct DTypeTraits<DType::UInt64> { using T = uint64_t; };
template <> struct DTypeTraits<DType::Float32> { using T = float; };
template <> struct DTypeTraits<DType::Float64> { using T = double; };
template <> struct DTypeTraits<DType::Complex128> { using T = c128; };

template <class T> constexpr DType dtype_of();
template <> constexpr DType dtype_of<bool>() { return DType::Bool; }
template <> constexpr DType dtype_of<int8_t>() { return DType::Int8; }
template <> constexpr DType dtype_of<int16_t>() { return DType::Int16; }
template <> constexpr DType dtype_of<int32_t>() { return DType::Int32; }
template <> constexpr DType dtype_of<int64_t>() { return DType::Int64; }
template <> constexpr DType dtype_of<uint8_t>() { return DType::UInt8; }
template <> constexpr DType dtype_of<uint16_t>() { return DType::UInt16; }
template <> constexpr DType dtype_of<uint32_t>() { return DType::UInt32; }
template <> constexpr DType dtype_of<uint64_t>() { return DType::UInt64; }
template <> constexpr DType dtype_of<float>() { return DType::Float32; }
template <> constexpr DType dtype_of<double>() { return DType::Float64; }
template <> constexpr DType dtype_of<c128>() { return DType::Complex128; }

// Calls f.template operator()<T>() with T the element type of `d`:
//   visit_dtype(d, [&]<class T>() { ... });
template <class F>
decltype(auto) visit_dtype(DType d, F&& f) {
  switch (d) {
    case DType::Bool: return f.template operator()<bool>();
    case DType::Int8: return f.template operator()<int8_t>();
    case DType::Int16: return f.template operator()<int16_t>();
    case DType::Int32: return f.template operator()<int32_t>();
    case DType::Int64: return f.template operator()<int64_t>();
    case DType::UInt8: return f.template operator()<uint8_t>();
    case DType::UInt16: return f.template operator()<uint16_t>();
    case DType::UInt32: return f.template operator()<uint32_t>();
    case DType::UInt64: return f.template operator()<uint64_t>();
    case DType::Float32: return f.template operator()<float>();
    case DType::Float64: return f.template operator()<double>();
    case DType::Complex128: break;
  }
  return f.template operator()<c128>();
}

// ---- element conversions with NumPy's (C's, on x86-64) semantics
// float → integer conversions follow what NumPy's cast loops compile to on x86-64:
// values out of range (and NaN) give the "integer indefinite" 0x80..0 pattern of
// cvttsd2si, truncated to the target width; unsigned targets go through int64
// (uint64 uses the compiler's two-range sequence).
template <class To, class From>
inline To convert_element(From v);

}  // namespace pyjitvm::stdlib::np

#include "stdlib/numpy/dtype_convert.h"
