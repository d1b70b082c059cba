// stdlib/numpy/dtype.cpp — dtype tables, promotion and name lookup (dtype.h).
//
// Invariants: dtype.h I1–I2; the name table lists exactly NumPy 1.24's spellings that
// map to the supported dtypes.
#include "stdlib/numpy/dtype.h"

#include <cmath>
#include <cstdlib>

namespace pyjitvm::stdlib::np {

namespace {

const DTypeInfo kInfo[kNumDTypes] = {
    {"bool", "|b1", 'b', '?', 1, DKind::Bool},
    {"int8", "|i1", 'i', 'b', 1, DKind::SignedInt},
    {"int16", "<i2", 'i', 'h', 2, DKind::SignedInt},
    {"int32", "<i4", 'i', 'i', 4, DKind::SignedInt},
    {"int64", "<i8", 'i', 'l', 8, DKind::SignedInt},
    {"uint8", "|u1", 'u', 'B', 1, DKind::UnsignedInt},
    {"uint16", "<u2", 'u', 'H', 2, DKind::UnsignedInt},
    {"uint32", "<u4", 'u', 'I', 4, DKind::UnsignedInt},
    {"uint64", "<u8", 'u', 'L', 8, DKind::UnsignedInt},
    {"float32", "<f4", 'f', 'f', 4, DKind::Float},
    {"float64", "<f8", 'f', 'd', 8, DKind::Float},
    {"complex128", "<c16", 'c', 'D', 16, DKind::Complex},
};

struct NameEntry {
  std::string_view name;
  DType d;
};

const NameEntry kNames[] = {
    {"bool", DType::Bool}, {"bool_", DType::Bool}, {"bool8", DType::Bool}, {"?", DType::Bool},
    {"b1", DType::Bool}, {"|b1", DType::Bool},
    {"int8", DType::Int8}, {"byte", DType::Int8}, {"i1", DType::Int8}, {"|i1", DType::Int8},
    {"b", DType::Int8},
    {"int16", DType::Int16}, {"short", DType::Int16}, {"i2", DType::Int16},
    {"<i2", DType::Int16}, {"h", DType::Int16},
    {"int32", DType::Int32}, {"intc", DType::Int32}, {"i4", DType::Int32},
    {"<i4", DType::Int32}, {"i", DType::Int32},
    {"int64", DType::Int64}, {"int", DType::Int64}, {"int_", DType::Int64},
    {"intp", DType::Int64}, {"int0", DType::Int64}, {"long", DType::Int64},
    {"longlong", DType::Int64}, {"i8", DType::Int64}, {"<i8", DType::Int64},
    {"l", DType::Int64}, {"q", DType::Int64}, {"p", DType::Int64},
    {"uint8", DType::UInt8}, {"ubyte", DType::UInt8}, {"u1", DType::UInt8},
    {"|u1", DType::UInt8}, {"B", DType::UInt8},
    {"uint16", DType::UInt16}, {"ushort", DType::UInt16}, {"u2", DType::UInt16},
    {"<u2", DType::UInt16}, {"H", DType::UInt16},
    {"uint32", DType::UInt32}, {"uintc", DType::UInt32}, {"u4", DType::UInt32},
    {"<u4", DType::UInt32}, {"I", DType::UInt32},
    {"uint64", DType::UInt64}, {"uint", DType::UInt64}, {"uintp", DType::UInt64},
    {"uint0", DType::UInt64}, {"ulong", DType::UInt64}, {"ulonglong", DType::UInt64},
    {"u8", DType::UInt64}, {"<u8", DType::UInt64}, {"L", DType::UInt64},
    {"Q", DType::UInt64}, {"P", DType::UInt64},
    {"float32", DType::Float32}, {"single", DType::Float32}, {"f4", DType::Float32},
    {"<f4", DType::Float32}, {"f", DType::Float32},
    {"float64", DType::Float64}, {"float", DType::Float64}, {"float_", DType::Float64},
    {"double", DType::Float64}, {"f8", DType::Float64}, {"<f8", DType::Float64},
    {"d", DType::Float64},
    {"complex128", DType::Complex128}, {"complex", DType::Complex128},
    {"complex_", DType::Complex128}, {"cdouble", DType::Complex128},
    {"cfloat", DType::Complex128}, {"c16", DType::Complex128}, {"<c16", DType::Complex128},
    {"D", DType::Complex128},
};

DType int_of_size(bool is_signed, int size) {
  switch (size) {
    case 1: return is_signed ? DType::Int8 : DType::UInt8;
    case 2: return is_signed ? DType::Int16 : DType::UInt16;
    case 4: return is_signed ? DType::Int32 : DType::UInt32;
    default: return is_signed ? DType::Int64 : DType::UInt64;
  }
}

}  // namespace

const DTypeInfo& info(DType d) { return kInfo[static_cast<int>(d)]; }

DType promote_types(DType a, DType b) {
  if (a == b) return a;
  DKind ka = dkind(a), kb = dkind(b);
  if (ka == DKind::Bool) return b;
  if (kb == DKind::Bool) return a;
  if (ka == DKind::Complex || kb == DKind::Complex) return DType::Complex128;
  if (ka == DKind::Float && kb == DKind::Float) return DType::Float64;  // f4 + f8
  if (ka == DKind::Float || kb == DKind::Float) {
    DType f = ka == DKind::Float ? a : b;
    DType i = ka == DKind::Float ? b : a;
    if (f == DType::Float64) return DType::Float64;
    return itemsize(i) <= 2 ? DType::Float32 : DType::Float64;
  }
  // both integers
  if (ka == kb) return itemsize(a) >= itemsize(b) ? a : b;
  DType s = ka == DKind::SignedInt ? a : b;
  DType u = ka == DKind::SignedInt ? b : a;
  if (itemsize(s) > itemsize(u)) return s;
  if (itemsize(u) < 8) return int_of_size(true, 2 * itemsize(u));
  return DType::Float64;  // uint64 with any signed integer
}

bool can_cast_safe(DType from, DType to) { return promote_types(from, to) == to; }

bool dtype_from_name(std::string_view name, DType& out) {
  for (const NameEntry& e : kNames) {
    if (e.name == name) {
      out = e.d;
      return true;
    }
  }
  return false;
}

DType min_scalar_type_int(int64_t v) {
  if (v >= 0) {
    if (v <= 0xFF) return DType::UInt8;
    if (v <= 0xFFFF) return DType::UInt16;
    if (v <= 0xFFFFFFFFLL) return DType::UInt32;
    return DType::UInt64;
  }
  if (v >= -128) return DType::Int8;
  if (v >= -32768) return DType::Int16;
  if (v >= INT32_MIN) return DType::Int32;
  return DType::Int64;
}

DType min_scalar_type_float(double v) {
  if (!std::isfinite(v) || std::fabs(v) <= 3.4028234663852886e38) return DType::Float32;
  return DType::Float64;
}

DType signed_of(DType d) {
  if (!is_integer(d)) return d;
  return int_of_size(true, itemsize(d));
}

}  // namespace pyjitvm::stdlib::np
