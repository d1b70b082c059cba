// stdlib/ctypes/ndarray_ctypes.cpp — the object `ndarray.ctypes` returns (NumPy's
// numpy.core._internal._ctypes): .data, .data_as(T), .shape, .strides, .shape_as(T),
// .strides_as(T), ._as_parameter_.
//
// Stage: numpy's ndarray `ctypes` getter imports ctypes and calls the hidden module
// function ctypes._numpy_ctypes(arr) defined here (numpy does not link to ctypes).
//
// Invariants:
//   I1  The helper keeps the array alive; so does every pointer data_as() returns
//       (CData::keep), as NumPy does with _objects.
//   I2  .shape/.strides are c_long arrays (NumPy's c_intp on 64-bit Linux).
#include <cstring>

#include "stdlib/ctypes/ctypes_internal.h"
#include "stdlib/numpy/ndarray.h"
#include "vm/builtin_types.h"
#include "vm/gc.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"

namespace pyjitvm::stdlib::ct {

using namespace pyjitvm::vm;

namespace {

struct NpCtypes : Object {
  Value array;
};

void npc_trace(Object* o, GcTracer& t) { t.mark(static_cast<NpCtypes*>(o)->array); }

np::NDArray* arr_of(Value self) {
  return np::as_ndarray(static_cast<NpCtypes*>(self.as_obj())->array);
}

Value data_int(Value self) {
  return Value::from_int(static_cast<int64_t>(reinterpret_cast<uintptr_t>(arr_of(self)->data)));
}

// (T * ndim)(*values) for the shape or the strides.
Value dims_as(VM& vm, Value self, Value t, bool strides) {
  if (!is_kind(t, Kind::Type) || !info_of(vm, as_type(t)))
    return vm.raise(vm.exc().TypeError, "must be a ctypes type");
  np::NDArray* a = arr_of(self);
  Type* at = array_type(vm, as_type(t), a->ndim);
  if (!at) return Value();
  const TypeInfo& ai = *info_of(vm, at);
  CData* c = new_cdata(vm, at, ai);
  VM::TempRoot keep(vm, c);
  const size_t es = info_of(vm, as_type(t))->size;
  for (int k = 0; k < a->ndim; ++k) {
    Value v = Value::from_int(strides ? a->strides[k] : a->shape[k]);
    if (!c_set(vm, as_type(t), c->ptr + k * es, v, nullptr)) return Value();
  }
  return Value::from_obj(c);
}

Value m_data_as(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "data_as", 1, 1)) return Value();
  Value cast = getattr(vm, Value::from_obj(state(vm).module), vm.intern("cast"));
  if (failed(cast)) return cast;
  Value r = vm.call(cast, {data_int(a[0]), a[1]});
  if (!failed(r)) as_cdata(r)->keep = static_cast<NpCtypes*>(a[0].as_obj())->array;  // I1
  return r;
}

Value m_shape_as(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "shape_as", 1, 1)) return Value();
  return dims_as(vm, a[0], a[1], false);
}

Value m_strides_as(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "strides_as", 1, 1)) return Value();
  return dims_as(vm, a[0], a[1], true);
}

Value npc_getattr(VM& vm, Value self, Str* name) {
  std::string_view n = name->view();
  if (n == "data" || n == "_as_parameter_") return data_int(self);
  if (n == "shape") return dims_as(vm, self, Value::from_obj(state(vm).c_long), false);
  if (n == "strides") return dims_as(vm, self, Value::from_obj(state(vm).c_long), true);
  return generic_getattr(vm, self, name);
}

Value f_numpy_ctypes(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "_numpy_ctypes", 1, 1)) return Value();
  if (!np::is_ndarray(vm, a[0])) return vm.raise(vm.exc().TypeError, "an ndarray is required");
  NpCtypes* o = vm.heap().make<NpCtypes>(state(vm).np_ctypes_type, Kind::Other, 0);
  o->array = a[0];
  return Value::from_obj(o);
}

}  // namespace

void install_ndarray_ctypes(VM& vm, CtState& st) {
  Type* t = make_builtin_type(vm, "_ctypes", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("numpy.core._internal");
  t->slots.trace = npc_trace;
  t->slots.getattr = npc_getattr;
  static const MethodDef kMethods[] = {
      {"data_as", m_data_as}, {"shape_as", m_shape_as}, {"strides_as", m_strides_as}};
  add_methods(vm, t, kMethods);
  st.np_ctypes_type = t;
  static const MethodDef kFns[] = {{"_numpy_ctypes", f_numpy_ctypes}};
  add_functions(vm, st.module->dict, kFns);
}

}  // namespace pyjitvm::stdlib::ct
