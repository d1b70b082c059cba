// stdlib/numpy/print_scalar.cpp — str()/repr() of NumPy scalars (np.float64(0.1) →
// '0.1', np.float32(0.1) → '0.1', np.complex128(1-2j) → '(1-2j)', np.bool_ → 'True').
//
// Stage: install_scalar_printing() (called by install_printing(), print_array.cpp)
// sets the repr/str slots of every scalar type; scalar_text() is also what str() of a
// 0-d array prints.
//
// Invariants:
//   I1  Non-legacy text is NumPy 1.24's: str() == repr(); floats use their own type's
//       shortest digits (float_scalar_repr), complex128 prints as Python's complex.
//   I2  legacy='1.13' reproduces that version's '%.17g'/'%.12g' (float64 repr/str)
//       and '%.8g'/'%.6g' (float32) texts — legacy_float().
//   I3  The slots are set on each concrete scalar type, since slots are copied to
//       subtypes when a type is created (vm/builtin_types.cpp inherit_slots).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/print_float.h"
#include "stdlib/numpy/print_format.h"
#include "stdlib/numpy/scalar.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

template <class T>
T load(const void* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

std::string int_text(DType d, const void* p) {
  char buf[32];
  char* end = visit_dtype(d, [&]<class T>() -> char* {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
      return std::to_chars(buf, buf + 32, load<T>(p)).ptr;
    else
      return buf;
  });
  return std::string(buf, end);
}

// NumPy 1.13's '%.<prec>g' scalar text; floats get '.0' when they look like integers.
std::string legacy_float(double v, int prec, bool add_point) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", prec, v);
  std::string s = buf;
  if (add_point && s.find_first_not_of("-0123456789") == std::string::npos) s += ".0";
  return s;
}

std::string legacy_complex(double re, double im, int prec) {
  auto imag = [&](bool sign) {
    if (std::isnan(im)) return std::string(sign ? "+nan*" : "nan*");
    if (std::isinf(im)) return std::string(im < 0 ? "-inf*" : sign ? "+inf*" : "inf*");
    char buf[64];
    std::snprintf(buf, sizeof buf, sign ? "%+.*g" : "%.*g", prec, im);
    return std::string(buf);
  };
  if (re == 0) return imag(false) + "j";
  return "(" + legacy_float(re, prec, false) + imag(true) + "j)";
}

Value scalar_repr_slot(VM& vm, Value self) {
  NpScalar* s = as_np_scalar(self);
  return vm.str(scalar_text(state(vm).print, s->dtype, s->ptr(), true));
}

Value scalar_str_slot(VM& vm, Value self) {
  NpScalar* s = as_np_scalar(self);
  return vm.str(scalar_text(state(vm).print, s->dtype, s->ptr(), false));
}

}  // namespace

std::string scalar_text(const PrintOptions& o, DType d, const void* p, bool is_repr) {
  const bool legacy = o.legacy <= 113;
  switch (d) {
    case DType::Bool:
      return *static_cast<const unsigned char*>(p) ? "True" : "False";
    case DType::Float32: {
      double v = static_cast<double>(load<float>(p));
      return legacy ? legacy_float(v, is_repr ? 8 : 6, true) : float_scalar_repr(v, true);
    }
    case DType::Float64: {
      double v = load<double>(p);
      return legacy ? legacy_float(v, is_repr ? 17 : 12, true) : float_scalar_repr(v, false);
    }
    case DType::Complex128: {
      c128 c = load<c128>(p);
      return legacy ? legacy_complex(c.real(), c.imag(), is_repr ? 17 : 12)
                    : complex_scalar_repr(c.real(), c.imag());
    }
    default:
      return int_text(d, p);
  }
}

std::string python_item_repr(DType d, const void* p) {
  switch (d) {
    case DType::Bool:
      return *static_cast<const unsigned char*>(p) ? "True" : "False";
    case DType::Float32:
      return float_scalar_repr(static_cast<double>(load<float>(p)), false);
    case DType::Float64:
      return float_scalar_repr(load<double>(p), false);
    case DType::Complex128: {
      c128 c = load<c128>(p);
      return complex_scalar_repr(c.real(), c.imag());
    }
    default:
      return int_text(d, p);
  }
}

void install_scalar_printing(VM&, NumpyState& st) {
  for (Type* t : st.scalar_type) {
    t->slots.repr = scalar_repr_slot;
    t->slots.str = scalar_str_slot;
  }
}

}  // namespace pyjitvm::stdlib::np
