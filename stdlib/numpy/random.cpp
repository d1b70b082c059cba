// stdlib/numpy/random.cpp — np.random: the RandomState type, the module-level functions
// bound to NumPy's hidden global RandomState, seeding/state and the distributions.
//
// Stage: install_random() during `import numpy` (numpy_internal.h) creates numpy.random;
// each call parses its arguments, validates them with NumPy 1.24's messages, then draws
// through stdlib/np_random_legacy (bit-exact MT19937 streams). Integer sampling
// (randint, choice, shuffle, permutation) is in random_int.cpp.
//
// Invariants:
//   I1  Results have NumPy's legacy types: size=None with scalar parameters gives a
//       Python float (int for discrete distributions), otherwise a float64 (int64)
//       ndarray; a 0-d array parameter counts as a scalar — `sample_dist()`.
//   I2  Array-valued parameters are validated whole, in parameter order, before the
//       output shape is checked and before any draw; draws then run in broadcast C
//       order, one engine draw per element — `sample_dist()`.
//   I3  Module functions are the methods of state.random_state (NumPy's global
//       RandomState), seeded from /dev/urandom at import — `install_random()`.
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/random_internal.h"
#include "stdlib/numpy/scalar.h"
#include "vm/builtin_types.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

Value raise_random(VM& vm, const RandomError& e) {
  Type* t;
  switch (e.kind) {
    case RandomErrorKind::kTypeError:
      t = vm.exc().TypeError;
      break;
    case RandomErrorKind::kIndexError:
      t = vm.exc().IndexError;
      break;
    case RandomErrorKind::kOverflowError:
      t = vm.exc().OverflowError;
      break;
    case RandomErrorKind::kZeroDivisionError:
      t = vm.exc().ZeroDivisionError;
      break;
    case RandomErrorKind::kMemoryError:
      t = vm.exc().MemoryError;
      break;
    default:
      t = vm.exc().ValueError;
      break;
  }
  return vm.raise(t, e.message);
}

bool parse_size(VM& vm, Value v, std::optional<std::vector<int64_t>>& out) {
  out.reset();
  if (v.is_undef() || v.is_none()) return true;
  if (v.is_float()) {
    Value r = repr(vm, v);
    if (failed(r)) return false;
    vm.raise_fmt(vm.exc().TypeError,
                 "expected a sequence of integers or a single integer, got '%s'",
                 std::string(as_str(r)->view()).c_str());
    return false;
  }
  std::vector<int64_t> shape;
  if (!parse_shape(vm, v, shape)) return false;
  for (int64_t d : shape) {
    if (d < 0) {
      vm.raise(vm.exc().ValueError, "negative dimensions are not allowed");
      return false;
    }
  }
  out = std::move(shape);
  return true;
}

bool broadcast_params(VM& vm, std::span<NDArray* const> arrays,
                      const std::optional<std::vector<int64_t>>& size, std::vector<int64_t>& out,
                      bool size_last) {
  // Operands as NumPy's MultiIter sees them: the output first (or last) when size= is
  // given.
  std::vector<std::vector<int64_t>> shapes;
  if (size && !size_last) shapes.push_back(*size);
  for (NDArray* a : arrays) shapes.emplace_back(a->shape, a->shape + a->ndim);
  if (size && size_last) shapes.push_back(*size);
  size_t nd = 0;
  for (auto& s : shapes) nd = std::max(nd, s.size());
  out.assign(nd, 1);
  for (size_t i = 0; i < nd; ++i) {
    int src = -1;
    for (size_t j = 0; j < shapes.size(); ++j) {
      const auto& s = shapes[j];
      if (i + s.size() < nd) continue;
      int64_t d = s[i + s.size() - nd];
      if (d == 1) continue;
      if (out[i] == 1) {
        out[i] = d;
        src = static_cast<int>(j);
      } else if (out[i] != d) {
        vm.raise_fmt(vm.exc().ValueError,
                     "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch "
                     "is between arg %d with shape %s and arg %zu with shape %s.",
                     src, shape_str(shapes[src]).c_str(), j, shape_str(s).c_str());
        return false;
      }
    }
  }
  if (size && out != *size) {
    vm.raise_fmt(vm.exc().ValueError,
                 "Output size %s is not compatible with broadcast dimensions of inputs %s.",
                 shape_str(*size).c_str(), shape_str(out).c_str());
    return false;
  }
  return true;
}

namespace {

// ---- parameter constraints (NumPy's CONS_* checks, scalar and array wording)
enum class Cons : uint8_t { None, NonNegative, Positive, Bounded01, BoundedGT01, Poisson };

constexpr double kPoissonLamMax = 9.223372006484771e+18;

bool check_cons(VM& vm, Cons c, const char* name, double v, bool array) {
  std::string n = name;
  switch (c) {
    case Cons::None:
      return true;
    case Cons::NonNegative:
      if (!std::isnan(v) && std::signbit(v))
        return !failed(vm.raise(vm.exc().ValueError, n + " < 0"));
      return true;
    case Cons::Positive:
      if (v <= 0) return !failed(vm.raise(vm.exc().ValueError, n + " <= 0"));
      return true;
    case Cons::Bounded01:
      if (!(v >= 0) || !(v <= 1))
        return !failed(vm.raise(vm.exc().ValueError, n + " < 0, " + n + " > 1 or " + n +
                                                         (array ? " contains NaNs" : " is NaN")));
      return true;
    case Cons::BoundedGT01:
      if (!(v > 0) || !(v <= 1))
        return !failed(
            vm.raise(vm.exc().ValueError, n + " <= 0, " + n + " > 1 or " + n + " contains NaNs"));
      return true;
    case Cons::Poisson:
      if (!(v >= 0))
        return !failed(vm.raise(vm.exc().ValueError,
                                n + " < 0 or " + n + (array ? " contains NaNs" : " is NaN")));
      if (v > kPoissonLamMax) return !failed(vm.raise(vm.exc().ValueError, n + " value too large"));
      return true;
  }
  return true;
}

// The whole-array form (check_array_constraint): the Poisson bound is tested on every
// element before the sign, so NaN reads as "too large" there.
bool check_cons_array(VM& vm, Cons c, const char* name, const std::vector<double>& v) {
  if (c == Cons::Poisson) {
    for (double x : v)
      if (!(x <= kPoissonLamMax))
        return !failed(vm.raise(vm.exc().ValueError, std::string(name) + " value too large"));
  }
  for (double x : v)
    if (!check_cons(vm, c, name, x, true)) return false;
  return true;
}

double elem_double(DType d, const char* p) {
  return visit_dtype(d, [&]<class T>() {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return convert_element<double>(v);
  });
}

struct ParamSpec {
  const char* name;
  Cons cons;
  DType dtype = DType::Float64;  // binomial's n is converted to int64 first
};

constexpr int kMaxParams = 3;

// One distribution call (I1, I2). draw(rs, params) returns double or int64_t.
template <class R, class Draw>
Value sample_dist(VM& vm, Value self, Value size_v, std::span<const Value> pv,
                  std::span<const ParamSpec> spec, Draw draw) {
  constexpr DType kOut = std::is_same_v<R, double> ? DType::Float64 : DType::Int64;
  LegacyRandomState& rs = rs_of(self);
  const size_t np_ = pv.size();
  NDArray* arr[kMaxParams];
  bool scalar = true;
  for (size_t k = 0; k < np_; ++k) {
    arr[k] = as_array(vm, pv[k], spec[k].dtype);
    if (!arr[k]) return Value();
    vm.root(Value::from_obj(arr[k]));
    if (arr[k]->ndim != 0) scalar = false;
  }
  double vals[kMaxParams];
  if (scalar) {
    for (size_t k = 0; k < np_; ++k) {
      vals[k] = elem_double(arr[k]->dtype, arr[k]->data);
      if (!check_cons(vm, spec[k].cons, spec[k].name, vals[k], false)) return Value();
    }
    std::optional<std::vector<int64_t>> size;
    if (!parse_size(vm, size_v, size)) return Value();
    if (!size) {
      R r = draw(rs, vals);
      if constexpr (std::is_same_v<R, double>)
        return Value::from_float(r);
      else
        return Value::from_int(r);
    }
    NDArray* out = new_array(vm, kOut, *size);
    if (!out) return Value();
    R* o = out->typed<R>();
    for (int64_t i = 0; i < out->size; ++i) o[i] = draw(rs, vals);
    return Value::from_obj(out);
  }
  for (size_t k = 0; k < np_; ++k) {
    NDArray* a = arr[k];
    std::vector<double> all;
    for_each_broadcast(shape_of(a), std::span<NDArray* const>(&a, 1),
                       [&](int64_t, char** p) { all.push_back(elem_double(a->dtype, p[0])); });
    if (!check_cons_array(vm, spec[k].cons, spec[k].name, all)) return Value();
  }
  std::optional<std::vector<int64_t>> size;
  if (!parse_size(vm, size_v, size)) return Value();
  std::vector<int64_t> shape;
  std::span<NDArray* const> ops(arr, np_);
  if (!broadcast_params(vm, ops, size, shape)) return Value();
  NDArray* out = new_array(vm, kOut, shape);
  if (!out) return Value();
  R* o = out->typed<R>();
  for_each_broadcast(shape, ops, [&](int64_t i, char** p) {
    for (size_t k = 0; k < np_; ++k) vals[k] = elem_double(arr[k]->dtype, p[k]);
    o[i] = draw(rs, vals);
  });
  return Value::from_obj(out);
}

// ---- seeding and state
Value m_seed(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"seed", {"self", "seed="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  LegacyRandomState& rs = rs_of(p[0]);
  Value s = p[1];
  RandomError err;
  if (s.is_undef() || s.is_none()) {
    if (!rs.seed_urandom() && !rs.seed(0, &err)) return raise_random(vm, err);
    return Value::none();
  }
  if (is_ndarray(vm, s) && as_ndarray(s)->size == 1) {
    NDArray* x = as_ndarray(s);
    s = element_to_python(vm, x->dtype, x->data);  // seed.squeeze()
  }
  ScalarClass c = classify(vm, s);
  bool int_like = c == ScalarClass::PyInt || c == ScalarClass::PyBool ||
                  (c == ScalarClass::NpScalar &&
                   (is_integer(as_np_scalar(s)->dtype) || as_np_scalar(s)->dtype == DType::Bool));
  if (int_like) {
    int64_t v;
    if (!index_of(vm, s, v)) {
      // Ints beyond int64 are out of range anyway.
      vm.clear_pending();
      return vm.raise(vm.exc().ValueError, "Seed must be between 0 and 2**32 - 1");
    }
    if (!rs.seed(v, &err)) return raise_random(vm, err);
    return Value::none();
  }
  NDArray* obj = as_array(vm, s);
  if (!obj) return Value();
  vm.root(Value::from_obj(obj));
  if (obj->size == 0) return vm.raise(vm.exc().ValueError, "Seed must be non-empty");
  if (!can_cast_safe(obj->dtype, DType::Int64))
    return vm.raise_fmt(
        vm.exc().TypeError,
        "Cannot cast %s from dtype('%s') to dtype('int64') according to the rule 'safe'",
        obj->ndim == 0 ? "scalar" : "array data", std::string(dtype_name(obj->dtype)).c_str());
  if (obj->ndim != 1) return vm.raise(vm.exc().ValueError, "Seed array must be 1-d");
  std::vector<int64_t> key(static_cast<size_t>(obj->size));
  NDArray* c64 = as_contiguous(vm, obj, DType::Int64);
  if (!c64) return Value();
  std::memcpy(key.data(), c64->data, key.size() * sizeof(int64_t));
  if (!rs.seed_array(key, &err)) return raise_random(vm, err);
  return Value::none();
}

Value m_get_state(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"get_state", {"self", "legacy="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  LegacyState s = rs_of(p[0]).get_state();
  const int64_t shape[] = {kMtStateWords};
  NDArray* key = new_array(vm, DType::UInt32, shape);
  if (!key) return Value();
  std::memcpy(key->data, s.mt.key.data(), sizeof(uint32_t) * kMtStateWords);
  VM::TempRoot keep(vm, key);
  return Value::from_obj(
      vm.tuple_of({vm.str("MT19937"), Value::from_obj(key), Value::from_int(s.mt.pos),
                   Value::from_int(s.has_gauss), Value::from_float(s.gauss)}));
}

Value m_set_state(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"set_state", {"self", "state"}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  const Value* items;
  size_t n;
  if (is_kind(p[1], Kind::Tuple)) {
    items = as_tuple(p[1])->items();
    n = as_tuple(p[1])->len;
  } else if (is_kind(p[1], Kind::List)) {
    items = as_list(p[1])->items;
    n = as_list(p[1])->len;
  } else {
    return vm.raise(vm.exc().TypeError, "state must be a dict or a tuple.");
  }
  if (n < 3) return vm.raise(vm.exc().IndexError, "tuple index out of range");
  if (!is_kind(items[0], Kind::Str) || as_str(items[0])->view() != "MT19937")
    return vm.raise(vm.exc().ValueError,
                    "set_state can only be used with legacy MT19937state instances.");
  NDArray* key = as_array(vm, items[1], DType::UInt32);
  if (!key) return Value();
  vm.root(Value::from_obj(key));
  if (key->ndim != 1 || key->size != kMtStateWords)
    return vm.raise(vm.exc().ValueError, "state must be 624 longs");
  NDArray* ck = as_contiguous(vm, key);
  if (!ck) return Value();
  LegacyState s;
  std::memcpy(s.mt.key.data(), ck->data, sizeof(uint32_t) * kMtStateWords);
  int64_t pos;
  if (!index_of(vm, items[2], pos)) return Value();
  s.mt.pos = static_cast<int>(pos);
  if (n > 3) {
    int64_t hg;
    if (!index_of(vm, items[3], hg) || (n > 4 && !to_double(vm, items[4], s.gauss))) return Value();
    s.has_gauss = hg != 0;
  }
  RandomError err;
  if (pos < 0 || pos > kMtStateWords || !rs_of(p[0]).set_state(s, &err))
    return vm.raise(vm.exc().ValueError, "invalid state");
  return Value::none();
}

// ---- parameterless draws
template <double (LegacyRandomState::*Draw)()>
Value fill_simple(VM& vm, Value self, Value size_v) {
  std::optional<std::vector<int64_t>> size;
  if (!parse_size(vm, size_v, size)) return Value();
  LegacyRandomState& rs = rs_of(self);
  if (!size) return Value::from_float((rs.*Draw)());
  NDArray* out = new_array(vm, DType::Float64, *size);
  if (!out) return Value();
  double* o = out->typed<double>();
  for (int64_t i = 0; i < out->size; ++i) o[i] = (rs.*Draw)();
  return Value::from_obj(out);
}

template <double (LegacyRandomState::*Draw)()>
Value m_sized(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"random_sample", {"self", "size="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  return fill_simple<Draw>(vm, p[0], p[1]);
}

// rand(d0, d1, ...) / randn(d0, d1, ...).
template <double (LegacyRandomState::*Draw)()>
Value m_dims(VM& vm, const CallArgs& a) {
  if (a.nkw()) return vm.raise(vm.exc().TypeError, "rand() takes no keyword arguments");
  if (a.argc == 1) return fill_simple<Draw>(vm, a[0], Value());
  Tuple* dims = vm.new_tuple(a.argc - 1);
  for (uint32_t i = 1; i < a.argc; ++i) (*dims)[i - 1] = a[i];
  VM::TempRoot keep(vm, dims);
  std::vector<int64_t> shape;
  if (!parse_shape(vm, Value::from_obj(dims), shape)) return Value();
  NDArray* out = new_array(vm, DType::Float64, shape);
  if (!out) return Value();
  LegacyRandomState& rs = rs_of(a[0]);
  double* o = out->typed<double>();
  for (int64_t i = 0; i < out->size; ++i) o[i] = (rs.*Draw)();
  return Value::from_obj(out);
}

Value default_or(Value v, double d) { return v.is_undef() ? Value::from_float(d) : v; }

// ---- distributions with parameters
Value m_normal(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"normal", {"self", "loc=", "scale=", "size="}};
  static const ParamSpec kP[] = {{"loc", Cons::None}, {"scale", Cons::NonNegative}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pv[] = {default_or(p[1], 0.0), default_or(p[2], 1.0)};
  return sample_dist<double>(vm, p[0], p[3], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return rs.normal(v[0], v[1]);
  });
}

// uniform: the range high - low is computed (and must be finite) before cont() runs.
Value m_uniform(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"uniform", {"self", "low=", "high=", "size="}};
  static const ParamSpec kP[] = {{"low", Cons::None}, {"range", Cons::None}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  NDArray* lo = as_array(vm, default_or(p[1], 0.0), DType::Float64);
  if (!lo) return Value();
  vm.root(Value::from_obj(lo));
  NDArray* hi = as_array(vm, default_or(p[2], 1.0), DType::Float64);
  if (!hi) return Value();
  vm.root(Value::from_obj(hi));
  NDArray* pair[] = {hi, lo};
  std::vector<int64_t> shape;
  if (!broadcast_arrays_shape(vm, pair, shape)) return Value();
  NDArray* range = new_array(vm, DType::Float64, shape);
  if (!range) return Value();
  vm.root(Value::from_obj(range));
  bool finite = true;
  double* r = range->typed<double>();
  for_each_broadcast(shape, pair, [&](int64_t i, char** q) {
    r[i] = *reinterpret_cast<double*>(q[0]) - *reinterpret_cast<double*>(q[1]);
    if (!std::isfinite(r[i])) finite = false;
  });
  if (!finite) return vm.raise(vm.exc().OverflowError, "Range exceeds valid bounds");
  Value pv[] = {Value::from_obj(lo), Value::from_obj(range)};
  return sample_dist<double>(vm, p[0], p[3], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return v[0] + v[1] * rs.random_sample();
  });
}

Value m_exponential(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"exponential", {"self", "scale=", "size="}};
  static const ParamSpec kP[] = {{"scale", Cons::NonNegative}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pv[] = {default_or(p[1], 1.0)};
  return sample_dist<double>(vm, p[0], p[2], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return rs.exponential(v[0]);
  });
}

Value m_standard_gamma(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"standard_gamma", {"self", "shape", "size="}};
  static const ParamSpec kP[] = {{"shape", Cons::NonNegative}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pv[] = {p[1]};
  return sample_dist<double>(vm, p[0], p[2], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return rs.standard_gamma(v[0]);
  });
}

Value m_gamma(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"gamma", {"self", "shape", "scale=", "size="}};
  static const ParamSpec kP[] = {{"shape", Cons::NonNegative}, {"scale", Cons::NonNegative}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pv[] = {p[1], default_or(p[2], 1.0)};
  return sample_dist<double>(vm, p[0], p[3], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return rs.gamma(v[0], v[1]);
  });
}

Value m_beta(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"beta", {"self", "a", "b", "size="}};
  static const ParamSpec kP[] = {{"a", Cons::Positive}, {"b", Cons::Positive}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pv[] = {p[1], p[2]};
  return sample_dist<double>(vm, p[0], p[3], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return rs.beta(v[0], v[1]);
  });
}

Value m_chisquare(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"chisquare", {"self", "df", "size="}};
  static const ParamSpec kP[] = {{"df", Cons::Positive}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pv[] = {p[1]};
  return sample_dist<double>(vm, p[0], p[2], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return rs.chisquare(v[0]);
  });
}

Value m_poisson(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"poisson", {"self", "lam=", "size="}};
  static const ParamSpec kP[] = {{"lam", Cons::Poisson}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pv[] = {default_or(p[1], 1.0)};
  return sample_dist<int64_t>(vm, p[0], p[2], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return rs.poisson(v[0]);
  });
}

Value m_geometric(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"geometric", {"self", "p", "size="}};
  static const ParamSpec kP[] = {{"p", Cons::BoundedGT01}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pv[] = {p[1]};
  return sample_dist<int64_t>(vm, p[0], p[2], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return rs.geometric(v[0]);
  });
}

// binomial(n, p): NumPy checks p before n.
Value m_binomial(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"binomial", {"self", "n", "p", "size="}};
  static const ParamSpec kP[] = {{"p", Cons::Bounded01}, {"n", Cons::NonNegative, DType::Int64}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pv[] = {p[2], p[1]};
  return sample_dist<int64_t>(vm, p[0], p[3], pv, kP, [](LegacyRandomState& rs, const double* v) {
    return rs.binomial(static_cast<int64_t>(v[1]), v[0]);
  });
}

const MethodDef kMethods[] = {
    {"seed", m_seed},
    {"get_state", m_get_state},
    {"set_state", m_set_state},
    {"random_sample", m_sized<&LegacyRandomState::random_sample>},
    {"random", m_sized<&LegacyRandomState::random_sample>},
    {"rand", m_dims<&LegacyRandomState::random_sample>},
    {"randn", m_dims<&LegacyRandomState::standard_normal>},
    {"standard_normal", m_sized<&LegacyRandomState::standard_normal>},
    {"standard_exponential", m_sized<&LegacyRandomState::standard_exponential>},
    {"normal", m_normal},
    {"uniform", m_uniform},
    {"exponential", m_exponential},
    {"standard_gamma", m_standard_gamma},
    {"gamma", m_gamma},
    {"beta", m_beta},
    {"chisquare", m_chisquare},
    {"poisson", m_poisson},
    {"geometric", m_geometric},
    {"binomial", m_binomial},
    {"randint", rs_randint},
    {"random_integers", rs_random_integers},
    {"choice", rs_choice},
    {"shuffle", rs_shuffle},
    {"permutation", rs_permutation},
};

void rs_finalize(Object* o, Heap&) { static_cast<RandomStateObj*>(o)->~RandomStateObj(); }

Value rs_construct(VM& vm, Type* cls, const CallArgs& a) {
  static const ArgSpec kSpec{"RandomState", {"seed="}};
  Value p[1];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  RandomStateObj* r = vm.heap().make<RandomStateObj>(cls, Kind::Other, 0);
  VM::TempRoot root(vm, r);
  Value argv[] = {Value::from_obj(r), p[0].is_undef() ? Value::none() : p[0]};
  if (failed(m_seed(vm, CallArgs{argv, 2}))) return Value();
  return Value::from_obj(r);
}

Value m_not_implemented(VM& vm, const CallArgs&) {
  return vm.raise(vm.exc().NotImplementedError,
                  "np.random.default_rng (the PCG64 Generator) is not supported by pyjitvm; "
                  "use np.random.RandomState or the legacy np.random functions");
}

}  // namespace

void install_random(VM& vm, NumpyState& st) {
  Module* m = new_submodule(vm, st, "random");
  Type* t = make_builtin_type(vm, "RandomState", vm.types().object, Kind::Other, kTypeBaseType);
  t->module_name = vm.intern("numpy.random");
  t->slots.finalize = rs_finalize;
  t->slots.construct = rs_construct;
  add_methods(vm, t, kMethods);
  set_attr_str(vm, m->dict, "RandomState", Value::from_obj(t));
  RandomStateObj* inst = vm.heap().make<RandomStateObj>(t, Kind::Other, 0);
  if (!inst->rs.seed_urandom()) {
    RandomError err;
    (void)inst->rs.seed(0, &err);
  }
  st.random_state = inst;
  auto bind = [&](const char* name, NativeFn fn) {
    NativeFunction* f = vm.new_native(name, fn);
    f->self = Value::from_obj(inst);
    set_attr_str(vm, m->dict, name, Value::from_obj(f));
  };
  for (const MethodDef& d : kMethods) bind(d.name, d.fn);
  bind("ranf", m_sized<&LegacyRandomState::random_sample>);
  bind("sample", m_sized<&LegacyRandomState::random_sample>);
  set_attr_str(vm, m->dict, "default_rng",
               Value::from_obj(vm.new_native("default_rng", m_not_implemented)));
}

}  // namespace pyjitvm::stdlib::np
