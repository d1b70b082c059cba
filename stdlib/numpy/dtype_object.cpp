// stdlib/numpy/dtype_object.cpp — the np.dtype type: one interned dtype object per
// DType per VM, its attributes, repr and comparisons.
//
// Invariants:
//   I1  np.dtype(x) returns state.dtype_obj[d] (dtype objects are shared, so `is`
//       comparisons between equal dtypes hold as in NumPy for builtin dtypes).
//   I2  A dtype compares equal to anything parse_dtype() maps to the same DType
//       (np.float64, 'f8', float ...), and unequal (not an error) to anything else.
#include <string>

#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/numpy_internal.h"
#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

DType self_dtype(Value v) { return static_cast<DTypeObj*>(v.as_obj())->d; }

Value dtype_construct(VM& vm, Type*, const CallArgs& a) {
  static const ArgSpec kSpec{"dtype", {"dtype", "align=", "copy="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  DType d;
  if (!parse_dtype(vm, p[0], d)) return Value();
  return Value::from_obj(state(vm).dtype_obj[static_cast<int>(d)]);
}

Value dtype_repr(VM& vm, Value self) {
  return vm.str("dtype('" + std::string(dtype_name(self_dtype(self))) + "')");
}
Value dtype_str(VM& vm, Value self) { return vm.str(dtype_name(self_dtype(self))); }

bool dtype_hash(VM& vm, Value self, int64_t& out) {
  return hash(vm, vm.str(dtype_name(self_dtype(self))), out);
}

Value dtype_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (op != CmpOp::Eq && op != CmpOp::Ne) return vm.not_implemented();
  DType other;
  bool eq = false;
  if (parse_dtype(vm, b, other)) eq = other == self_dtype(a);
  else vm.clear_pending();
  return Value::from_bool(op == CmpOp::Eq ? eq : !eq);
}

Value g_name(VM& vm, const CallArgs& a) { return vm.str(dtype_name(self_dtype(a[0]))); }
Value g_itemsize(VM&, const CallArgs& a) { return Value::from_int(itemsize(self_dtype(a[0]))); }
Value g_kind(VM& vm, const CallArgs& a) { return vm.str(std::string(1, info(self_dtype(a[0])).kind)); }
Value g_char(VM& vm, const CallArgs& a) { return vm.str(std::string(1, info(self_dtype(a[0])).type_char)); }
Value g_str(VM& vm, const CallArgs& a) { return vm.str(info(self_dtype(a[0])).str); }
Value g_type(VM& vm, const CallArgs& a) {
  return Value::from_obj(state(vm).scalar_type[static_cast<int>(self_dtype(a[0]))]);
}
Value g_byteorder(VM& vm, const CallArgs& a) { return vm.str(itemsize(self_dtype(a[0])) == 1 ? "|" : "="); }
Value g_num(VM&, const CallArgs& a) {
  // NumPy's type numbers (NPY_BOOL = 0 ... NPY_CDOUBLE = 15) on LP64 Linux.
  static constexpr int kNum[kNumDTypes] = {0, 1, 3, 5, 7, 2, 4, 6, 8, 11, 12, 15};
  return Value::from_int(kNum[static_cast<int>(self_dtype(a[0]))]);
}
Value g_none(VM&, const CallArgs&) { return Value::none(); }
Value g_shape(VM& vm, const CallArgs&) { return Value::from_obj(vm.empty_tuple()); }
Value g_ndim(VM&, const CallArgs&) { return Value::from_int(0); }
Value g_isbuiltin(VM&, const CallArgs&) { return Value::from_int(1); }
Value g_base(VM&, const CallArgs& a) { return a[0]; }
Value g_alignment(VM&, const CallArgs& a) {
  DType d = self_dtype(a[0]);
  return Value::from_int(d == DType::Complex128 ? 8 : itemsize(d));
}

const GetSetDef kGetSets[] = {
    {"name", g_name},   {"itemsize", g_itemsize}, {"kind", g_kind},         {"char", g_char},
    {"str", g_str},     {"type", g_type},         {"byteorder", g_byteorder}, {"num", g_num},
    {"names", g_none},  {"fields", g_none},       {"shape", g_shape},       {"ndim", g_ndim},
    {"isbuiltin", g_isbuiltin}, {"alignment", g_alignment}, {"base", g_base},
};

}  // namespace

void install_dtype_type(VM& vm, NumpyState& st) {
  Type* t = make_builtin_type(vm, "dtype", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("numpy");
  t->slots.construct = dtype_construct;
  t->slots.repr = dtype_repr;
  t->slots.str = dtype_str;
  t->slots.hash = dtype_hash;
  t->slots.richcompare = dtype_richcompare;
  add_getsets(vm, t, kGetSets);
  st.dtype = t;
  for (int i = 0; i < kNumDTypes; ++i) {
    DTypeObj* o = vm.heap().make<DTypeObj>(t, Kind::Other, 0);
    o->d = static_cast<DType>(i);
    st.dtype_obj[i] = o;
  }
}

}  // namespace pyjitvm::stdlib::np
