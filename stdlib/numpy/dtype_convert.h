// stdlib/numpy/dtype_convert.h — element-to-element conversion with the results
// NumPy's cast loops give on x86-64 (included by dtype.h; do not include directly).
//
// Invariants (measured against NumPy 1.24 on this machine's astype()):
//   I1  float → int8/int16/uint8/uint16/int32: truncate through a 32-bit cvttsd2si
//       (out of range and NaN give INT32_MIN), then keep the low bits.
//   I2  float → int64: cvttsd2si (out of range and NaN give INT64_MIN).
//   I3  float → uint32/uint64: the compiler's two-range sequence
//       (x >= 2^(n-1) ? cvtt(x - 2^(n-1)) ^ 2^(n-1) : cvtt(x)) at width n.
//   I4  integer → narrower integer keeps the low bits (two's complement); anything →
//       bool is `!= 0`; complex → real drops the imaginary part.
#pragma once

#include <cmath>
#include <complex>
#include <cstdint>
#include <type_traits>

namespace pyjitvm::stdlib::np {

namespace detail {

inline int32_t cvtt32(double x) {
  if (!(x > -2147483649.0 && x < 2147483648.0)) return INT32_MIN;  // NaN too
  return static_cast<int32_t>(x);
}
inline int64_t cvtt64(double x) {
  if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<int64_t>(x);
}

template <class To>
inline To float_to_int(double x) {
  if constexpr (std::is_same_v<To, int64_t>) {
    return cvtt64(x);
  } else if constexpr (std::is_same_v<To, uint64_t>) {
    constexpr double k = 9223372036854775808.0;
    if (x >= k) return static_cast<uint64_t>(cvtt64(x - k)) ^ (uint64_t{1} << 63);
    return static_cast<uint64_t>(cvtt64(x));
  } else if constexpr (std::is_same_v<To, uint32_t>) {
    constexpr double k = 2147483648.0;
    if (x >= k) return static_cast<uint32_t>(cvtt32(x - k)) ^ (uint32_t{1} << 31);
    return static_cast<uint32_t>(cvtt32(x));
  } else {
    return static_cast<To>(static_cast<uint32_t>(cvtt32(x)));
  }
}

template <class T> struct is_complex_t : std::false_type {};
template <class T> struct is_complex_t<std::complex<T>> : std::true_type {};

}  // namespace detail

template <class To, class From>
inline To convert_element(From v) {
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (std::is_same_v<To, bool>) {
    if constexpr (detail::is_complex_t<From>::value) return v.real() != 0 || v.imag() != 0;
    else return v != From(0);
  } else if constexpr (detail::is_complex_t<From>::value) {
    return convert_element<To>(v.real());
  } else if constexpr (detail::is_complex_t<To>::value) {
    return To(static_cast<double>(v), 0.0);
  } else if constexpr (std::is_floating_point_v<To>) {
    return static_cast<To>(v);
  } else if constexpr (std::is_floating_point_v<From>) {
    return detail::float_to_int<To>(static_cast<double>(v));
  } else {
    return static_cast<To>(v);  // integer → integer: low bits (C++20 modular)
  }
}

}  // namespace pyjitvm::stdlib::np
