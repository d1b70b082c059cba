// stdlib/numpy/scalar.cpp — NumPy scalar objects: boxing, conversion to and from
// Python values, and the scalar types' constructors and non-arithmetic methods
// (scalar.h).
//
// Invariants: scalar.h I1–I3. Arithmetic, comparison and printing slots are installed
// by stdlib/numpy/ufunc_operators.cpp and stdlib/numpy/print_scalar.cpp.
#include "stdlib/numpy/scalar.h"

#include <cmath>
#include <cstring>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "vm/bigint.h"
#include "vm/builtin_types.h"
#include "vm/misc_objects.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

bool is_np_scalar(VM& vm, Value v) {
  if (!v.is_obj()) return false;
  Object* s = vm.ext_slot(kExtNumpy);
  if (!s) return false;
  return v.as_obj()->kind == Kind::Other && v.as_obj()->type->is_subtype_of(static_cast<NumpyState*>(s)->generic);
}

Value box_scalar(VM& vm, DType dtype, const void* p) {
  NumpyState& st = state(vm);
  NpScalar* s = vm.heap().make<NpScalar>(st.scalar_type[static_cast<int>(dtype)], Kind::Other, 0);
  s->dtype = dtype;
  std::memset(s->raw, 0, sizeof s->raw);
  std::memcpy(s->raw, p, static_cast<size_t>(itemsize(dtype)));
  if (dtype == DType::Bool) s->raw[0] = s->raw[0] ? 1 : 0;
  return Value::from_obj(s);
}

Value element_to_python(VM& vm, DType dtype, const void* p) {
  return visit_dtype(dtype, [&]<class T>() -> Value {
    T v;
    std::memcpy(&v, p, sizeof(T));
    if constexpr (std::is_same_v<T, bool>) {
      return Value::from_bool(*static_cast<const unsigned char*>(p) != 0);
    } else if constexpr (std::is_same_v<T, uint64_t>) {
      if (v <= static_cast<uint64_t>(INT64_MAX)) return Value::from_int(static_cast<int64_t>(v));
      return int_from_bigint(vm, BigInt::from_u64(v));
    } else if constexpr (std::is_integral_v<T>) {
      return Value::from_int(static_cast<int64_t>(v));
    } else if constexpr (std::is_floating_point_v<T>) {
      return Value::from_float(static_cast<double>(v));
    } else {
      return vm.new_complex(v.real(), v.imag());
    }
  });
}

namespace {

template <class T>
void put(void* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}

// Stores an integer known to fit int64 (or uint64 when `is_u64`) into an element.
void store_int(DType d, void* p, int64_t i, bool is_u64 = false) {
  uint64_t u = static_cast<uint64_t>(i);
  visit_dtype(d, [&]<class T>() {
    if constexpr (std::is_same_v<T, bool>) put<bool>(p, i != 0);
    else if constexpr (std::is_integral_v<T>) put<T>(p, static_cast<T>(u));
    else if constexpr (std::is_floating_point_v<T>)
      put<T>(p, is_u64 ? static_cast<T>(u) : static_cast<T>(i));
    else put<T>(p, T(is_u64 ? static_cast<double>(u) : static_cast<double>(i), 0.0));
  });
}

Value too_large(VM& vm) { return vm.raise(vm.exc().OverflowError, "Python int too large to convert to C long"); }

bool store_bigint(VM& vm, DType d, void* p, Value v) {
  BigInt b;
  int_to_bigint(v, b);
  if (is_integer(d)) {
    if (d == DType::UInt64 && b.fits_u64()) {
      put<uint64_t>(p, b.to_u64());
      return true;
    }
    if (!b.fits_i64()) return !failed(too_large(vm)) && false;
    store_int(d, p, b.to_i64());
    return true;
  }
  if (d == DType::Bool) {
    put<bool>(p, !b.is_zero());
    return true;
  }
  double x;
  NumStatus st = b.to_double(x);
  if (!st.ok()) {
    raise_status(vm, st);
    return false;
  }
  visit_dtype(d, [&]<class T>() {
    if constexpr (std::is_floating_point_v<T>) put<T>(p, static_cast<T>(x));
    else if constexpr (std::is_same_v<T, c128>) put<T>(p, T(x, 0.0));
  });
  return true;
}

bool store_float(VM& vm, DType d, void* p, double x) {
  if (is_integer(d)) {
    if (std::isnan(x)) {
      vm.raise(vm.exc().ValueError, "cannot convert float NaN to integer");
      return false;
    }
    if (std::isinf(x)) {
      vm.raise(vm.exc().OverflowError, "cannot convert float infinity to integer");
      return false;
    }
    double t = std::trunc(x);
    if (d == DType::UInt64 && t >= 9223372036854775808.0 && t < 18446744073709551616.0) {
      put<uint64_t>(p, static_cast<uint64_t>(t));
      return true;
    }
    if (!(t >= -9223372036854775808.0 && t < 9223372036854775808.0)) {
      too_large(vm);
      return false;
    }
    store_int(d, p, static_cast<int64_t>(t));
    return true;
  }
  visit_dtype(d, [&]<class T>() {
    if constexpr (std::is_same_v<T, bool>) put<bool>(p, x != 0);
    else if constexpr (std::is_floating_point_v<T>) put<T>(p, static_cast<T>(x));
    else if constexpr (std::is_same_v<T, c128>) put<T>(p, T(x, 0.0));
  });
  return true;
}

// Converts `v` with Python's int()/float()/complex() (for strings and objects with
// __int__/__float__/__index__), then stores the result.
bool store_via_constructor(VM& vm, DType d, void* p, Value v) {
  Type* ctor = is_integer(d) ? vm.types().int_ : is_complex(d) ? vm.types().complex : vm.types().float_;
  Value r = vm.call(Value::from_obj(ctor), {v});
  if (failed(r)) return false;
  return store_value(vm, d, p, r);
}

}  // namespace

bool store_value(VM& vm, DType d, void* p, Value v) {
  switch (v.tag) {
    case Tag::Bool: store_int(d, p, v.as_bool() ? 1 : 0); return true;
    case Tag::Int: store_int(d, p, v.as_int()); return true;
    case Tag::Float: return store_float(vm, d, p, v.as_float());
    case Tag::None:
      if (d == DType::Bool) {
        put<bool>(p, false);
        return true;
      }
      if (is_float(d)) return store_float(vm, d, p, std::nan(""));
      if (is_complex(d)) {
        put<c128>(p, c128(std::nan(""), 0.0));
        return true;
      }
      return store_via_constructor(vm, d, p, v);
    default: break;
  }
  if (v.is_undef()) return false;
  Object* o = v.as_obj();
  if (o->kind == Kind::BigInt) return store_bigint(vm, d, p, v);
  if (o->kind == Kind::Complex) {
    ComplexObj* c = as_complex(v);
    if (d == DType::Bool) {
      put<bool>(p, c->re != 0 || c->im != 0);
      return true;
    }
    if (is_complex(d)) {
      put<c128>(p, c128(c->re, c->im));
      return true;
    }
    return store_via_constructor(vm, d, p, v);  // raises int()/float()'s TypeError
  }
  if (is_np_scalar(vm, v)) {
    NpScalar* s = as_np_scalar(v);
    // NumPy stores a float scalar into an integer element through int(), so NaN, inf and
    // out-of-range values raise as they do for a Python float.
    if (is_float(s->dtype) && is_integer(d))
      return store_float(vm, d, p, s->dtype == DType::Float32 ? s->get<float>() : s->get<double>());
    cast_loop(s->dtype, d)(s->ptr(), 0, static_cast<char*>(p), 0, 1);
    return true;
  }
  if (is_ndarray(vm, v)) {
    NDArray* a = as_ndarray(v);
    if (a->size != 1) {
      vm.raise(vm.exc().ValueError, "setting an array element with a sequence.");
      return false;
    }
    int64_t zero[kMaxDims] = {};
    cast_loop(a->dtype, d)(a->at(zero), 0, static_cast<char*>(p), 0, 1);
    return true;
  }
  if (o->kind == Kind::List || o->kind == Kind::Tuple) {
    vm.raise(vm.exc().ValueError, "setting an array element with a sequence.");
    return false;
  }
  if (d == DType::Bool) {
    int t = truthy(vm, v);
    if (t < 0) return false;
    put<bool>(p, t != 0);
    return true;
  }
  return store_via_constructor(vm, d, p, v);
}

// ------------------------------------------------------------------ scalar types
namespace {

NpScalar* self_scalar(const CallArgs& a) { return as_np_scalar(a[0]); }

Value scalar_construct(VM& vm, Type* cls, const CallArgs& a) {
  NumpyState& st = state(vm);
  int di = -1;
  for (int i = 0; i < kNumDTypes; ++i)
    if (cls->is_subtype_of(st.scalar_type[i])) di = i;
  if (di < 0) return vm.raise_fmt(vm.exc().TypeError, "cannot create '%s' instances", cls->name->data());
  DType d = static_cast<DType>(di);
  if (!check_nargs(vm, a, cls->name->data(), 0, 1)) return Value();
  alignas(16) unsigned char buf[16] = {};
  if (a.argc == 0) return box_scalar(vm, d, buf);
  Value v = a[0];
  if (is_ndarray(vm, v) || is_kind(v, Kind::List) || is_kind(v, Kind::Tuple)) {
    NDArray* arr = as_array(vm, v, d);
    if (!arr) return Value();
    if (arr->ndim == 0) return box_scalar(vm, d, arr->data);
    return Value::from_obj(arr);
  }
  if (!store_value(vm, d, buf, v)) return Value();
  return box_scalar(vm, d, buf);
}

int scalar_truth(VM&, Value self) {
  NpScalar* s = as_np_scalar(self);
  bool r = false;
  cast_loop(s->dtype, DType::Bool)(s->ptr(), 0, reinterpret_cast<char*>(&r), 0, 1);
  return r ? 1 : 0;
}

bool scalar_hash(VM& vm, Value self, int64_t& out) {
  NpScalar* s = as_np_scalar(self);
  return hash(vm, element_to_python(vm, s->dtype, s->ptr()), out);
}

// NumPy's generic.__format__ formats the Python item even for an empty spec, so
// f"{np.float32(1/3)}" is '0.3333333432674408' while str() is '0.33333334'.
Value scalar_format(VM& vm, Value self, Str* spec) {
  NpScalar* s = as_np_scalar(self);
  Value py = element_to_python(vm, s->dtype, s->ptr());
  VM::TempRoot keep(vm, py);
  return format(vm, py, spec);
}

Value m_item(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "item", 0, 1)) return Value();
  if (a.argc == 2) {
    int64_t i;
    if (!index_of(vm, a[1], i)) return Value();
    if (i != 0 && i != -1) return vm.raise(vm.exc().IndexError, "index " + std::to_string(i) + " is out of bounds for size 1");
  }
  NpScalar* s = self_scalar(a);
  return element_to_python(vm, s->dtype, s->ptr());
}

Value m_float(VM& vm, const CallArgs& a) {
  NpScalar* s = self_scalar(a);
  if (is_complex(s->dtype)) {
    // NumPy warns (ComplexWarning) and drops the imaginary part.
    return Value::from_float(s->get<c128>().real());
  }
  double d;
  cast_loop(s->dtype, DType::Float64)(s->ptr(), 0, reinterpret_cast<char*>(&d), 0, 1);
  return Value::from_float(d);
}

Value m_int(VM& vm, const CallArgs& a) {
  NpScalar* s = self_scalar(a);
  if (is_integer(s->dtype) || s->dtype == DType::Bool) return element_to_python(vm, s->dtype, s->ptr());
  double d = is_complex(s->dtype) ? s->get<c128>().real() : 0;
  if (!is_complex(s->dtype)) cast_loop(s->dtype, DType::Float64)(s->ptr(), 0, reinterpret_cast<char*>(&d), 0, 1);
  return vm.call(Value::from_obj(vm.types().int_), {Value::from_float(d)});
}

Value m_index(VM& vm, const CallArgs& a) {
  NpScalar* s = self_scalar(a);
  if (is_integer(s->dtype) || s->dtype == DType::Bool) {
    if (s->dtype == DType::Bool)
      return vm.raise(vm.exc().TypeError, "'numpy.bool_' object cannot be interpreted as an integer");
    return element_to_python(vm, s->dtype, s->ptr());
  }
  return vm.raise_fmt(vm.exc().TypeError, "'numpy.%s' object cannot be interpreted as an integer",
                      std::string(dtype_name(s->dtype)).c_str());
}

Value m_complex(VM& vm, const CallArgs& a) {
  NpScalar* s = self_scalar(a);
  c128 c;
  cast_loop(s->dtype, DType::Complex128)(s->ptr(), 0, reinterpret_cast<char*>(&c), 0, 1);
  return vm.new_complex(c.real(), c.imag());
}

// round(x[, ndigits]) as NumPy's scalars do it: np.round's multiply / rint / divide.
Value m_round(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "__round__", 0, 1)) return Value();
  NpScalar* s = self_scalar(a);
  bool has_nd = a.argc == 2 && !a[1].is_none();
  int64_t nd = 0;
  if (has_nd && !index_of(vm, a[1], nd)) return Value();
  if (is_integer(s->dtype) || s->dtype == DType::Bool) {
    if (!has_nd) return element_to_python(vm, s->dtype, s->ptr());
    if (nd >= 0) return a[0];
  }
  double x;
  cast_loop(s->dtype, DType::Float64)(s->ptr(), 0, reinterpret_cast<char*>(&x), 0, 1);
  if (!has_nd) {
    double r = std::nearbyint(x);
    if (std::isnan(r)) return vm.raise(vm.exc().ValueError, "cannot convert float NaN to integer");
    if (std::isinf(r)) return vm.raise(vm.exc().OverflowError, "cannot convert float infinity to integer");
    BigInt b;
    BigInt::from_double(r, b);
    return int_from_bigint(vm, b);
  }
  double r;
  if (nd >= 0) {
    double f = std::pow(10.0, static_cast<double>(nd));
    r = std::nearbyint(x * f) / f;
  } else {
    double f = std::pow(10.0, static_cast<double>(-nd));
    r = std::nearbyint(x / f) * f;
  }
  alignas(16) unsigned char buf[16] = {};
  cast_loop(DType::Float64, s->dtype)(reinterpret_cast<const char*>(&r), 0, reinterpret_cast<char*>(buf), 0, 1);
  return box_scalar(vm, s->dtype, buf);
}

Value g_dtype(VM& vm, const CallArgs& a) {
  return Value::from_obj(state(vm).dtype_obj[static_cast<int>(self_scalar(a)->dtype)]);
}
Value g_shape(VM& vm, const CallArgs&) { return Value::from_obj(vm.empty_tuple()); }
Value g_ndim(VM&, const CallArgs&) { return Value::from_int(0); }
Value g_size(VM&, const CallArgs&) { return Value::from_int(1); }
Value g_itemsize(VM&, const CallArgs& a) { return Value::from_int(itemsize(self_scalar(a)->dtype)); }
Value g_real(VM& vm, const CallArgs& a) {
  NpScalar* s = self_scalar(a);
  if (!is_complex(s->dtype)) return a[0];
  double r = s->get<c128>().real();
  return box_scalar(vm, DType::Float64, &r);
}
Value g_imag(VM& vm, const CallArgs& a) {
  NpScalar* s = self_scalar(a);
  if (is_complex(s->dtype)) {
    double r = s->get<c128>().imag();
    return box_scalar(vm, DType::Float64, &r);
  }
  alignas(16) unsigned char zero[16] = {};
  return box_scalar(vm, s->dtype, zero);
}

Value m_conjugate(VM& vm, const CallArgs& a) {
  NpScalar* s = self_scalar(a);
  if (!is_complex(s->dtype)) return a[0];
  c128 c = std::conj(s->get<c128>());
  return box_scalar(vm, DType::Complex128, &c);
}

Value m_astype(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "astype", 1, 1)) return Value();
  DType d;
  if (!parse_dtype(vm, a[1], d)) return Value();
  NpScalar* s = self_scalar(a);
  alignas(16) unsigned char buf[16] = {};
  cast_loop(s->dtype, d)(s->ptr(), 0, reinterpret_cast<char*>(buf), 0, 1);
  return box_scalar(vm, d, buf);
}

Value m_is_integer(VM&, const CallArgs& a) {
  NpScalar* s = self_scalar(a);
  if (is_integer(s->dtype)) return Value::from_bool(true);
  double x = 0;
  cast_loop(s->dtype, DType::Float64)(s->ptr(), 0, reinterpret_cast<char*>(&x), 0, 1);
  return Value::from_bool(std::isfinite(x) && x == std::trunc(x));
}

const MethodDef kScalarMethods[] = {
    {"item", m_item},          {"__float__", m_float},  {"__int__", m_int},
    {"__complex__", m_complex}, {"__round__", m_round}, {"conjugate", m_conjugate},
    {"conj", m_conjugate},     {"astype", m_astype},    {"tolist", m_item},
};
const MethodDef kIndexMethod[] = {{"__index__", m_index}};
const MethodDef kFloatMethods[] = {{"is_integer", m_is_integer}};
const GetSetDef kScalarGetSets[] = {
    {"dtype", g_dtype}, {"shape", g_shape}, {"ndim", g_ndim}, {"size", g_size},
    {"itemsize", g_itemsize}, {"real", g_real}, {"imag", g_imag},
};

Type* abstract_type(VM& vm, const char* name, Type* base) {
  Type* t = make_builtin_type(vm, name, base, Kind::Other, kTypeBaseType | kTypeAbstract);
  t->module_name = vm.intern("numpy");
  return t;
}

}  // namespace

void install_scalar_types(VM& vm, NumpyState& st) {
  Type* obj = vm.types().object;
  st.generic = abstract_type(vm, "generic", obj);
  st.generic->slots.truth = scalar_truth;
  st.generic->slots.hash = scalar_hash;
  st.generic->slots.format = scalar_format;
  st.generic->slots.construct = scalar_construct;
  add_methods(vm, st.generic, kScalarMethods);
  add_getsets(vm, st.generic, kScalarGetSets);
  st.number = abstract_type(vm, "number", st.generic);
  st.integer = abstract_type(vm, "integer", st.number);
  st.signedinteger = abstract_type(vm, "signedinteger", st.integer);
  st.unsignedinteger = abstract_type(vm, "unsignedinteger", st.integer);
  st.inexact = abstract_type(vm, "inexact", st.number);
  st.floating = abstract_type(vm, "floating", st.inexact);
  st.complexfloating = abstract_type(vm, "complexfloating", st.inexact);
  add_methods(vm, st.integer, kIndexMethod);
  add_methods(vm, st.floating, kFloatMethods);
  for (int i = 0; i < kNumDTypes; ++i) {
    DType d = static_cast<DType>(i);
    Type* base = st.generic;
    switch (dkind(d)) {
      case DKind::Bool: base = st.generic; break;
      case DKind::SignedInt: base = st.signedinteger; break;
      case DKind::UnsignedInt: base = st.unsignedinteger; break;
      case DKind::Float: base = st.floating; break;
      case DKind::Complex: base = st.complexfloating; break;
    }
    std::string name = d == DType::Bool ? "bool_" : std::string(dtype_name(d));
    Type* t = make_builtin_type(vm, name, base, Kind::Other, kTypeBaseType);
    t->module_name = vm.intern("numpy");
    t->type_flags &= ~kTypeAbstract;
    st.scalar_type[i] = t;
  }
}

}  // namespace pyjitvm::stdlib::np
