// stdlib/numba/typeof.cpp — numba.typeof(), the conversion ranking used to pick an
// overload, and the argument / result conversions at the dispatcher boundary.
//
// Stage: dispatcher calls: typeof(args) → overload choice (conversion) → convert_arg →
// run → box_result.
//
// Invariants:
//   I1  nbtypes.h I3 (typeof); objects may describe themselves with a `_numba_type_`
//       attribute (typed containers, jitclass instances), as in Numba.
//   I2  Conversion ranks follow Numba's typeconv: same type Exact; wider of the same
//       kind Promote; int→float/complex, bool→number, C/F array→A array Safe; narrowing
//       and float→int Unsafe; anything else (str→number, array dtype/ndim change) None.
//   I3  Values inside njit code are Python int/float/bool/complex for int64, float64,
//       bool and complex128, and NumPy scalars for other widths (so int32 arithmetic
//       wraps at 32 bits as in Numba); results leave as Python values.
#include <cmath>
#include <string>
#include <vector>

#include "stdlib/numba/nbtypes.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/scalar.h"
#include "vm/bigint.h"
#include "vm/list_object.h"
#include "vm/misc_objects.h"
#include "vm/number_ops.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;
using np::DType;

bool typeof_value(VM& vm, Value v, NbType*& out) {
  switch (v.tag) {
    case Tag::Bool: out = scalar_type(vm, DType::Bool); return true;
    case Tag::Int: out = scalar_type(vm, DType::Int64); return true;
    case Tag::Float: out = scalar_type(vm, DType::Float64); return true;
    case Tag::None: out = none_type(vm); return true;
    default: break;
  }
  if (!v.is_obj()) {
    vm.raise(vm.exc().TypeError, "cannot determine Numba type of an undefined value");
    return false;
  }
  Object* o = v.as_obj();
  switch (o->kind) {
    case Kind::BigInt: {
      BigInt b;
      int_to_bigint(v, b);
      if (b.sign() > 0 && b.fits_u64()) {
        out = scalar_type(vm, DType::UInt64);
        return true;
      }
      vm.raise(vm.exc().ValueError, "Int value is too large: " + int_to_string(v));
      return false;
    }
    case Kind::Complex: out = scalar_type(vm, DType::Complex128); return true;
    case Kind::Str: out = unicode_type(vm); return true;
    case Kind::Tuple: {
      Tuple* t = as_tuple(v);
      std::vector<NbType*> items;
      for (size_t i = 0; i < t->len; ++i) {
        NbType* it;
        if (!typeof_value(vm, (*t)[i], it)) return false;
        items.push_back(it);
      }
      out = tuple_type(vm, items);
      return true;
    }
    case Kind::List: {
      List* l = as_list(v);
      if (l->len == 0) {
        vm.raise(vm.exc().TypeError, "Numba cannot type an empty list argument (use numba.typed.List)");
        return false;
      }
      NbType* it;
      if (!typeof_value(vm, l->items[0], it)) return false;
      out = list_type(vm, it, true);
      return true;
    }
    default: break;
  }
  if (np::is_ndarray(vm, v)) {
    np::NDArray* a = np::as_ndarray(v);
    char layout = a->c_contiguous() ? 'C' : a->f_contiguous() ? 'F' : 'A';
    out = array_type(vm, a->dtype, a->ndim, layout, !a->writeable());
    return true;
  }
  if (np::is_np_scalar(vm, v)) {
    out = scalar_type(vm, np::as_np_scalar(v)->dtype);
    return true;
  }
  Value hook = getattr_or_undef(vm, v, vm.intern("_numba_type_"));
  if (failed(hook) && vm.has_pending()) return false;
  if (!hook.is_undef() && is_nbtype(vm, hook)) {
    out = as_nbtype(hook);
    return true;
  }
  if (is_nbtype(vm, v) || is_kind(v, Kind::Type)) {
    out = opaque_type(vm, "typeref");
    return true;
  }
  vm.raise_fmt(numba_state(vm).typing_error,
               "Failed in nopython mode pipeline (step: nopython frontend)\n"
               "non-precise type pyobject (pyjitvm cannot pass a '%s' to an njit function)",
               type_name(vm, v));
  return false;
}

// ------------------------------------------------------------------ conversion
namespace {

Conv worst(Conv a, Conv b) { return static_cast<int>(a) > static_cast<int>(b) ? a : b; }

bool is_number_kind(NbKind k) {
  return k == NbKind::Boolean || k == NbKind::Integer || k == NbKind::Float || k == NbKind::Complex;
}

Conv scalar_conversion(DType from, DType to) {
  if (from == to) return Conv::Exact;
  bool same_kind = np::dkind(from) == np::dkind(to) ||
                   (np::is_integer(from) && np::is_integer(to));
  if (np::can_cast_safe(from, to)) {
    if (same_kind && np::dkind(from) == np::dkind(to)) return Conv::Promote;
    return Conv::Safe;
  }
  if (np::is_complex(from) && !np::is_complex(to)) return Conv::None;
  if (to == DType::Bool) return Conv::Unsafe;
  return Conv::Unsafe;
}

}  // namespace

Conv conversion(const NbType* from, const NbType* to) {
  if (from == to) return Conv::Exact;
  if (is_number_kind(from->nk) && is_number_kind(to->nk)) return scalar_conversion(from->dtype, to->dtype);
  if (from->nk == NbKind::Array && to->nk == NbKind::Array) {
    if (from->dtype != to->dtype || from->ndim != to->ndim) return Conv::None;
    if (from->readonly && !to->readonly) return Conv::None;
    if (from->layout == to->layout) return from->readonly == to->readonly ? Conv::Exact : Conv::Safe;
    if (to->layout == 'A') return Conv::Safe;
    return Conv::None;
  }
  bool tuples = (from->nk == NbKind::Tuple || from->nk == NbKind::UniTuple) &&
                (to->nk == NbKind::Tuple || to->nk == NbKind::UniTuple);
  if (tuples && from->count == to->count) {
    Conv c = Conv::Exact;
    for (int i = 0; i < from->count; ++i) {
      const NbType* f = from->nk == NbKind::UniTuple ? (*from->members)[0] : (*from->members)[i];
      const NbType* t = to->nk == NbKind::UniTuple ? (*to->members)[0] : (*to->members)[i];
      c = worst(c, conversion(f, t));
    }
    return c;
  }
  if (from->nk == NbKind::List && to->nk == NbKind::List)
    return conversion((*from->members)[0], (*to->members)[0]) == Conv::Exact ? Conv::Exact : Conv::None;
  return Conv::None;
}

namespace {

// The value of `v` as `d`, in the representation njit code uses (I3).
bool convert_scalar(VM& vm, Value v, DType d, Value& out) {
  alignas(16) unsigned char buf[16] = {};
  if (np::is_np_scalar(vm, v)) {
    np::NpScalar* s = np::as_np_scalar(v);
    np::cast_loop(s->dtype, d)(s->ptr(), 0, reinterpret_cast<char*>(buf), 0, 1);
  } else if (v.is_float() && np::is_integer(d)) {
    double x = v.as_float();  // Numba's unsafe float → int: C truncation
    np::cast_loop(DType::Float64, d)(reinterpret_cast<const char*>(&x), 0, reinterpret_cast<char*>(buf), 0, 1);
  } else if (!np::store_value(vm, d, buf, v)) {
    return false;
  }
  switch (d) {
    case DType::Bool:
    case DType::Int64:
    case DType::Float64:
    case DType::Complex128: out = np::element_to_python(vm, d, buf); return true;
    default: out = np::box_scalar(vm, d, buf); return true;
  }
}

}  // namespace

bool convert_arg(VM& vm, Value v, const NbType* to, Value& out) {
  switch (to->nk) {
    case NbKind::Boolean:
    case NbKind::Integer:
    case NbKind::Float:
    case NbKind::Complex: return convert_scalar(vm, v, to->dtype, out);
    case NbKind::UniTuple:
    case NbKind::Tuple: {
      if (!is_kind(v, Kind::Tuple)) break;
      Tuple* t = as_tuple(v);
      Tuple* r = vm.new_tuple(t->len);
      VM::TempRoot keep(vm, r);
      for (size_t i = 0; i < t->len; ++i) {
        const NbType* m = to->nk == NbKind::UniTuple ? (*to->members)[0] : (*to->members)[i];
        Value x;
        if (!convert_arg(vm, (*t)[i], m, x)) return false;
        (*r)[i] = x;
      }
      out = Value::from_obj(r);
      return true;
    }
    default: break;
  }
  out = v;
  return true;
}

bool box_result(VM& vm, Value v, const NbType* ret, Value& out) {
  if (ret) {
    if (ret->nk == NbKind::None) {
      out = Value::none();
      return true;
    }
    if (!convert_arg(vm, v, ret, v)) return false;
  }
  if (np::is_np_scalar(vm, v)) {
    np::NpScalar* s = np::as_np_scalar(v);
    out = np::element_to_python(vm, s->dtype, s->ptr());
    if (s->dtype == DType::Float32) out = Value::from_float(static_cast<double>(s->get<float>()));
    return true;
  }
  if (is_kind(v, Kind::Tuple)) {
    Tuple* t = as_tuple(v);
    Tuple* r = vm.new_tuple(t->len);
    VM::TempRoot keep(vm, r);
    for (size_t i = 0; i < t->len; ++i) {
      Value x;
      if (!box_result(vm, (*t)[i], nullptr, x)) return false;
      (*r)[i] = x;
    }
    out = Value::from_obj(r);
    return true;
  }
  out = v;
  return true;
}

}  // namespace pyjitvm::stdlib::nb
