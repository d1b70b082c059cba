// stdlib/numpy/numpy_module.cpp — `import numpy`: creates the per-VM NumpyState, the
// ndarray/dtype/scalar types, the constants and type aliases, and runs every area's
// install function (numpy_internal.h).
//
// Invariants:
//   I1  state.h I1–I3: the state object is stored in the VM's kExtNumpy slot before any
//       area installs, so state(vm) works inside install functions.
//   I2  numpy.linalg and numpy.random exist as soon as numpy is imported (attributes of
//       the module and entries of sys.modules), as in NumPy.
#include <cmath>
#include <limits>

#include "stdlib/numpy/numpy.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "vm/builtin_types.h"
#include "vm/dict_object.h"
#include "vm/gc.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

void state_trace(Object* o, GcTracer& t) {
  NumpyState* s = static_cast<NumpyState*>(o);
  t.mark(s->module);
  for (Type* x : {s->ndarray, s->dtype, s->ufunc, s->flags, s->array_iter, s->axis_error, s->generic,
                  s->number, s->integer, s->signedinteger, s->unsignedinteger, s->inexact,
                  s->floating, s->complexfloating})
    t.mark(x);
  for (int i = 0; i < kNumDTypes; ++i) {
    t.mark(s->scalar_type[i]);
    t.mark(s->dtype_obj[i]);
  }
  t.mark(s->random_state);
  t.mark(s->extra);
}

void state_finalize(Object* o, Heap&) { static_cast<NumpyState*>(o)->~NumpyState(); }

// class AxisError(ValueError, IndexError), defined by a class statement run in the
// numpy module so that it is an ordinary multiple-inheritance exception class.
Type* make_axis_error(VM& vm, Module* m) {
  if (!vm.exec_module("class AxisError(ValueError, IndexError):\n    pass\n", "<numpy>", m)) return nullptr;
  Value t = dict_get_str(m->dict, vm.intern("AxisError"));
  return t.is_undef() ? nullptr : as_type(t);
}

void set(VM& vm, NumpyState& st, const char* name, Value v) { set_attr_str(vm, st.module->dict, name, v); }

void install_constants_and_aliases(VM& vm, NumpyState& st) {
  set(vm, st, "pi", Value::from_float(M_PI));
  set(vm, st, "e", Value::from_float(M_E));
  set(vm, st, "euler_gamma", Value::from_float(0.5772156649015329));
  set(vm, st, "inf", Value::from_float(std::numeric_limits<double>::infinity()));
  set(vm, st, "Inf", Value::from_float(std::numeric_limits<double>::infinity()));
  set(vm, st, "infty", Value::from_float(std::numeric_limits<double>::infinity()));
  set(vm, st, "PINF", Value::from_float(std::numeric_limits<double>::infinity()));
  set(vm, st, "NINF", Value::from_float(-std::numeric_limits<double>::infinity()));
  set(vm, st, "nan", Value::from_float(std::numeric_limits<double>::quiet_NaN()));
  set(vm, st, "NaN", Value::from_float(std::numeric_limits<double>::quiet_NaN()));
  set(vm, st, "NAN", Value::from_float(std::numeric_limits<double>::quiet_NaN()));
  set(vm, st, "newaxis", Value::none());
  set(vm, st, "__version__", vm.str("1.24.2"));
  set(vm, st, "ndarray", Value::from_obj(st.ndarray));
  set(vm, st, "dtype", Value::from_obj(st.dtype));
  set(vm, st, "AxisError", Value::from_obj(st.axis_error));
  struct Abstract {
    const char* name;
    Type* t;
  } abstract[] = {{"generic", st.generic},       {"number", st.number},
                  {"integer", st.integer},       {"signedinteger", st.signedinteger},
                  {"unsignedinteger", st.unsignedinteger}, {"inexact", st.inexact},
                  {"floating", st.floating},     {"complexfloating", st.complexfloating}};
  for (const Abstract& a : abstract) set(vm, st, a.name, Value::from_obj(a.t));
  for (int i = 0; i < kNumDTypes; ++i) {
    Type* t = st.scalar_type[i];
    set(vm, st, t->name->data(), Value::from_obj(t));
  }
  struct Alias {
    const char* name;
    DType d;
  } aliases[] = {
      {"bool8", DType::Bool},       {"byte", DType::Int8},        {"short", DType::Int16},
      {"intc", DType::Int32},       {"int_", DType::Int64},       {"intp", DType::Int64},
      {"int0", DType::Int64},       {"longlong", DType::Int64},   {"ubyte", DType::UInt8},
      {"ushort", DType::UInt16},    {"uintc", DType::UInt32},     {"uint", DType::UInt64},
      {"uintp", DType::UInt64},     {"uint0", DType::UInt64},     {"ulonglong", DType::UInt64},
      {"single", DType::Float32},   {"double", DType::Float64},   {"float_", DType::Float64},
      {"cdouble", DType::Complex128}, {"complex_", DType::Complex128}, {"cfloat", DType::Complex128},
  };
  for (const Alias& a : aliases) set(vm, st, a.name, Value::from_obj(st.scalar_type[static_cast<int>(a.d)]));
  const bool t = true, f = false;
  set(vm, st, "True_", box_scalar(vm, DType::Bool, &t));
  set(vm, st, "False_", box_scalar(vm, DType::Bool, &f));
}

Module* init_numpy_module(VM& vm) {
  Module* m = vm.new_module("numpy");
  VM::TempRoot keep(vm, m);
  // A private type whose slots let the GC trace and finalise the state.
  Type* state_type = make_builtin_type(vm, "_numpy_state", vm.types().object, Kind::Other, 0);
  state_type->slots.trace = state_trace;
  state_type->slots.finalize = state_finalize;
  NumpyState* st = vm.heap().make<NumpyState>(state_type, Kind::Other, 0);
  st->module = m;
  vm.set_ext_slot(kExtNumpy, st);

  Type* nd = make_builtin_type(vm, "ndarray", vm.types().object, Kind::Other, 0);
  nd->module_name = vm.intern("numpy");
  ndarray_set_memory_slots(nd);
  st->ndarray = nd;
  st->axis_error = make_axis_error(vm, m);
  if (!st->axis_error) {
    vm.set_ext_slot(kExtNumpy, nullptr);
    return nullptr;
  }
  install_scalar_types(vm, *st);
  install_dtype_type(vm, *st);
  install_ndarray_type(vm, *st);
  install_constants_and_aliases(vm, *st);
  install_printing(vm, *st);
  install_ufuncs(vm, *st);
  install_reductions(vm, *st);
  install_creation(vm, *st);
  install_shape(vm, *st);
  install_indexing(vm, *st);
  install_sorting(vm, *st);
  install_misc(vm, *st);
  install_linalg(vm, *st);
  install_random(vm, *st);
  // Explicit dunder calls (a.__repr__(), np.float64(1).__str__()) reach the slots the
  // areas installed.
  add_slot_wrappers(vm, st->ndarray);
  add_slot_wrappers(vm, st->generic);
  for (Type* t : st->scalar_type) add_slot_wrappers(vm, t);
  if (vm.has_pending()) {
    vm.set_ext_slot(kExtNumpy, nullptr);
    return nullptr;
  }
  return m;
}

}  // namespace

Module* new_submodule(VM& vm, NumpyState& st, const char* name) {
  std::string full = std::string("numpy.") + name;
  Module* sub = vm.new_module(full);
  sub->name = vm.intern(full);
  vm.register_module(sub);
  set_attr_str(vm, st.module->dict, name, Value::from_obj(sub));
  return sub;
}

void add_array_methods(VM& vm, NumpyState& st, std::span<const MethodDef> defs) {
  add_methods(vm, st.ndarray, defs);
}

void add_module_functions(VM& vm, NumpyState& st, std::span<const MethodDef> defs) {
  add_functions(vm, st.module->dict, defs);
}

NumpyState* ensure_numpy(VM& vm) {
  if (vm.ext_slot(kExtNumpy)) return &state(vm);
  Value m = vm.import_module(vm.intern("numpy"));
  if (failed(m)) return nullptr;
  return &state(vm);
}

void register_numpy(VM& vm) { vm.register_native_module("numpy", init_numpy_module); }

}  // namespace pyjitvm::stdlib::np
