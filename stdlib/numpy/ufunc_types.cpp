// stdlib/numpy/ufunc_types.cpp — NumPy 1.24's ufunc type resolution: which inner loop
// runs for given operands, with value-based casting of scalars mixed with arrays.
//
// Stage: resolve_loop() is called by the engine (ufunc_exec.cpp) before any allocation.
//
// The rules (NumPy 1.24's legacy type resolvers, restated):
//   * "use min scalar": when there are arrays (ndim > 0) and scalars (Python/NumPy
//     scalars, 0-d arrays) and the scalars' greatest kind (bool < int < float/complex)
//     is no greater than the arrays', each scalar counts as its min_scalar_type, and a
//     non-negative integer that also fits the signed type of that size counts as signed
//     when combined with a signed/float type ("small unsigned").
//   * Linear resolver: the first loop (NumPy's `types` order) all of whose inputs the
//     operands cast to under 'safe' casting (value-based for scalars as above).
//   * Uniform/Compare resolvers: every input gets result_type(inputs) (value-based), the
//     output that type (or bool).
//   * true_divide of integers/bools uses dd->d.
//   * dtype=: uniform ufuncs give every operand that dtype; the others search for a loop
//     with that output whose inputs cast safely, then under `casting`.
//
// Invariants:
//   I1  resolve_loop() returns true with a loop of ufunc_def(id).loops, or false with
//       NumPy's exception and message pending.
//   I2  float16 and complex64 do not exist: where NumPy's min_scalar_type gives float16
//       this uses float32 (same casting behaviour against every supported dtype), and
//       complex64 is complex128.
#include <cmath>
#include <string>

#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/ufunc_impl.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

// NumPy's simplified kind ordering for "use min scalar".
int kind_order(DType d) {
  switch (dkind(d)) {
    case DKind::Bool: return 0;
    case DKind::SignedInt:
    case DKind::UnsignedInt: return 1;
    default: return 2;
  }
}

// same_kind's ordering: bool < unsigned < signed < float < complex.
int same_kind_order(DType d) {
  switch (dkind(d)) {
    case DKind::Bool: return 0;
    case DKind::UnsignedInt: return 1;
    case DKind::SignedInt: return 2;
    case DKind::Float: return 3;
    case DKind::Complex: return 4;
  }
  return 4;
}

DType unsigned_min_type(uint64_t v, bool& small) {
  if (v <= 0xFFu) {
    small = v <= 0x7Fu;
    return DType::UInt8;
  }
  if (v <= 0xFFFFu) {
    small = v <= 0x7FFFu;
    return DType::UInt16;
  }
  if (v <= 0xFFFFFFFFu) {
    small = v <= 0x7FFFFFFFu;
    return DType::UInt32;
  }
  small = v <= 0x7FFFFFFFFFFFFFFFu;
  return DType::UInt64;
}

DType float_min_type(double v) {
  // NumPy: float16 within (-65000, 65000) or non-finite, float32 within (-3.4e38, 3.4e38).
  if ((v > -3.4e38 && v < 3.4e38) || !std::isfinite(v)) return DType::Float32;  // I2
  return DType::Float64;
}

// NumPy's promote_types with the "small unsigned" flags of the legacy result_type.
DType promote_small(DType t1, DType t2, bool small1, bool small2) {
  if (small1 && !(t2 == DType::Bool || is_unsigned_int(t2)))
    return promote_types(signed_of(t1), t2);
  if (small2 && !(t1 == DType::Bool || is_unsigned_int(t1)))
    return promote_types(t1, signed_of(t2));
  return promote_types(t1, t2);
}

// Whether operand `op` may be used as an input of dtype `to` (NumPy's
// PyArray_CanCastArrayTo with value-based checks for scalars when `min_scalar`).
bool can_cast_operand_to(const Operand& op, DType to, Casting casting, bool min_scalar) {
  if (op.dtype == to || can_cast(op.dtype, to, casting)) return true;
  if (!min_scalar || op.kind != OperandKind::Scalar) return false;
  bool small = false;
  DType m = min_scalar_dtype(op, small);
  if (small && !is_unsigned_int(to)) m = signed_of(m);
  return can_cast(m, to, casting);
}

std::string dtype_class_repr(DType d) {
  std::string n = d == DType::Bool ? "bool_" : std::string(dtype_name(d));
  return "<class 'numpy.dtype[" + n + "]'>";
}

Value no_loop_error(VM& vm, UfuncId id, const Operand* ops, int nin) {
  std::string msg = std::string("ufunc '") + ufunc_def(id).name +
                    "' did not contain a loop with signature matching types ";
  if (nin == 1) {
    msg += dtype_class_repr(ops[0].dtype);
  } else {
    msg += "(";
    for (int i = 0; i < nin; ++i) msg += (i ? ", " : "") + dtype_class_repr(ops[i].dtype);
    msg += ")";
  }
  return raise_ufunc_error(vm, UfuncError::NoLoop, msg + " -> None");
}

bool linear_search(VM& vm, UfuncId id, const Operand* ops, Casting casting, ResolvedLoop& out) {
  const UfuncDef& def = ufunc_def(id);
  const Casting input_casting = casting > Casting::Safe ? Casting::Safe : casting;
  const bool min_scalar = use_min_scalar(ops, def.nin);
  for (const LoopDef& l : def.loops) {
    bool ok = true;
    for (int i = 0; i < def.nin && ok; ++i)
      ok = can_cast_operand_to(ops[i], l.in[i], input_casting, min_scalar);
    if (ok) {
      out.loop = &l;
      out.in[0] = l.in[0];
      out.in[1] = l.in[1];
      out.out = l.out;
      return true;
    }
  }
  vm.raise_fmt(vm.exc().TypeError,
               "ufunc '%s' not supported for the input types, and the inputs could not be safely "
               "coerced to any supported types according to the casting rule ''%s''",
               def.name, casting_name(input_casting));
  return false;
}

// dtype= for non-uniform ufuncs: a loop producing `dtype` whose inputs cast safely,
// else under `casting`.
bool dtype_search(VM& vm, UfuncId id, const Operand* ops, DType dtype, Casting casting,
                  ResolvedLoop& out) {
  const UfuncDef& def = ufunc_def(id);
  const bool min_scalar = use_min_scalar(ops, def.nin);
  for (Casting c : {Casting::Safe, casting}) {
    for (const LoopDef& l : def.loops) {
      if (l.out != dtype) continue;
      bool ok = true;
      for (int i = 0; i < def.nin && ok; ++i)
        ok = can_cast_operand_to(ops[i], l.in[i], c, min_scalar);
      if (ok) {
        out.loop = &l;
        out.in[0] = l.in[0];
        out.in[1] = l.in[1];
        out.out = l.out;
        return true;
      }
    }
  }
  vm.raise_fmt(vm.exc().TypeError,
               "No loop matching the specified signature and casting was found for ufunc %s",
               def.name);
  return false;
}

bool uniform(VM& vm, UfuncId id, const Operand* ops, std::optional<DType> dtype, Casting casting,
             bool bool_out, ResolvedLoop& out) {
  const UfuncDef& def = ufunc_def(id);
  DType t = dtype && !bool_out ? *dtype
            : def.nin == 1     ? ops[0].dtype
                               : operands_result_type(ops, def.nin);
  if (id == UfuncId::Subtract && t == DType::Bool) {
    vm.raise(vm.exc().TypeError,
             "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the "
             "`^` operator, or the logical_xor function instead.");
    return false;
  }
  if (id == UfuncId::Negative && t == DType::Bool) {
    vm.raise(vm.exc().TypeError,
             "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator "
             "or the logical_not function instead.");
    return false;
  }
  const LoopDef* l = find_loop(id, t, t);
  if (!l) {
    if (dtype) {
      vm.raise_fmt(vm.exc().TypeError,
                   "No loop matching the specified signature and casting was found for ufunc %s",
                   def.name);
      return false;
    }
    no_loop_error(vm, id, ops, def.nin);
    return false;
  }
  // PyUFunc_ValidateCasting for the inputs.
  const bool min_scalar = use_min_scalar(ops, def.nin);
  for (int i = 0; i < def.nin; ++i) {
    if (!can_cast_operand_to(ops[i], t, casting, min_scalar)) {
      raise_ufunc_error(vm, UfuncError::InputCasting,
                        std::string("Cannot cast ufunc '") + def.name + "' input " +
                            std::to_string(i) + " from " + dtype_repr(ops[i].dtype) + " to " +
                            dtype_repr(t) + " with casting rule '" + casting_name(casting) + "'");
      return false;
    }
  }
  out.loop = l;
  out.in[0] = l->in[0];
  out.in[1] = l->in[1];
  out.out = l->out;
  return true;
}

}  // namespace

bool can_cast(DType from, DType to, Casting casting) {
  switch (casting) {
    case Casting::No:
    case Casting::Equiv: return from == to;
    case Casting::Safe: return can_cast_safe(from, to);
    case Casting::SameKind:
      return can_cast_safe(from, to) || same_kind_order(from) <= same_kind_order(to);
    case Casting::Unsafe: return true;
  }
  return false;
}

DType min_scalar_dtype(const Operand& op, bool& small_unsigned) {
  small_unsigned = false;
  const unsigned char* p = op.value;
  return visit_dtype(op.dtype, [&]<class T>() -> DType {
    T v;
    std::memcpy(&v, p, sizeof(T));
    if constexpr (std::is_same_v<T, bool>) {
      return DType::Bool;
    } else if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>) {
      return unsigned_min_type(v, small_unsigned);
    } else if constexpr (std::is_integral_v<T>) {
      if (v >= 0) return unsigned_min_type(static_cast<uint64_t>(v), small_unsigned);
      if (v >= -128) return DType::Int8;
      if (v >= -32768) return DType::Int16;
      if (v >= INT32_MIN) return DType::Int32;
      return DType::Int64;
    } else if constexpr (std::is_floating_point_v<T>) {
      return float_min_type(static_cast<double>(v));
    } else {
      return DType::Complex128;  // I2
    }
  });
}

bool use_min_scalar(const Operand* ops, int n) {
  int max_scalar = -1, max_array = -1;
  bool any_array = false;
  for (int i = 0; i < n; ++i) {
    if (!ops[i].is_numeric()) continue;
    int k = kind_order(ops[i].dtype);
    if (ops[i].kind == OperandKind::Scalar) {
      max_scalar = std::max(max_scalar, k);
    } else {
      max_array = std::max(max_array, k);
      any_array = true;
    }
  }
  return any_array && max_array >= max_scalar;
}

DType operands_result_type(const Operand* ops, int n) {
  const bool min_scalar = use_min_scalar(ops, n);
  bool have = false, ret_small = false;
  DType ret = DType::Bool;
  for (int i = 0; i < n; ++i) {
    if (!ops[i].is_numeric()) continue;
    bool small = false;
    DType t = ops[i].dtype;
    if (min_scalar && ops[i].kind == OperandKind::Scalar) t = min_scalar_dtype(ops[i], small);
    if (!have) {
      ret = t;
      ret_small = small;
      have = true;
      continue;
    }
    ret = min_scalar ? promote_small(t, ret, small, ret_small) : promote_types(t, ret);
    ret_small = small && ret_small;
  }
  return ret;
}

const LoopDef* find_loop(UfuncId id, DType in0, DType in1) {
  const UfuncDef& def = ufunc_def(id);
  for (const LoopDef& l : def.loops)
    if (l.in[0] == in0 && (def.nin == 1 || l.in[1] == in1)) return &l;
  return nullptr;
}

bool resolve_loop(VM& vm, UfuncId id, const Operand* ops, std::optional<DType> dtype,
                  Casting casting, ResolvedLoop& out) {
  const UfuncDef& def = ufunc_def(id);
  switch (def.resolver) {
    case Resolver::Uniform: return uniform(vm, id, ops, dtype, casting, false, out);
    case Resolver::Absolute:
      if (!is_complex(ops[0].dtype)) return uniform(vm, id, ops, dtype, casting, false, out);
      break;
    case Resolver::Compare:
      if (!dtype) return uniform(vm, id, ops, dtype, casting, true, out);
      break;
    case Resolver::TrueDivide:
      if (!dtype && !is_inexact(ops[0].dtype) && !is_inexact(ops[1].dtype)) {
        out.loop = find_loop(id, DType::Float64, DType::Float64);
        out.in[0] = out.in[1] = out.out = DType::Float64;
        return true;
      }
      break;
    case Resolver::Linear: break;
  }
  if (dtype) return dtype_search(vm, id, ops, *dtype, casting, out);
  return linear_search(vm, id, ops, casting, out);
}

std::string dtype_repr(DType d) { return "dtype('" + std::string(dtype_name(d)) + "')"; }

const char* casting_name(Casting c) {
  switch (c) {
    case Casting::No: return "no";
    case Casting::Equiv: return "equiv";
    case Casting::Safe: return "safe";
    case Casting::SameKind: return "same_kind";
    case Casting::Unsafe: return "unsafe";
  }
  return "same_kind";
}

}  // namespace pyjitvm::stdlib::np
