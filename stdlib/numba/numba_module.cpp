// stdlib/numba/numba_module.cpp — builds the `numba` module: its per-VM state, the
// type names (numba.float64, numba.types.*), prange and the threading functions,
// numba.config and numba.core.errors, then each area's install hook.
//
// Invariants: numba_internal.h I1. The state lives in VM extension slot kExtNumba
// (stdlib/ext_slots.h) and is traced through a private type; numpy is imported first
// (every area uses it). NUMBA_NUM_THREADS from the environment sets
// numba.config.NUMBA_NUM_THREADS (default: the hardware threads), which bounds
// set_num_threads() as in Numba.
#include <cstdlib>
#include <string>
#include <thread>

#include "stdlib/numba/numba.h"
#include "stdlib/numba/numba_internal.h"
#include "stdlib/numpy/numpy_internal.h"
#include "vm/builtin_types.h"
#include "vm/dict_object.h"
#include "vm/gc.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;
using np::DType;

void install_type_objects(VM& vm, NumbaState& st);  // nbtypes.cpp

namespace {

void state_trace(Object* o, GcTracer& t) {
  NumbaState* s = static_cast<NumbaState*>(o);
  t.mark(s->module);
  t.mark(s->type_type);
  t.mark(s->signature_type);
  t.mark(s->dispatcher_type);
  t.mark(s->typing_error);
  t.mark(s->interned);
  t.mark(s->extra);
}

// ---- types
struct NamedType {
  const char* name;
  DType d;
};

bool install_types(VM& vm, NumbaState& st) {
  install_type_objects(vm, st);
  Module* types = new_submodule(vm, st, "types");
  static const NamedType kScalars[] = {
      {"float64", DType::Float64}, {"float32", DType::Float32}, {"double", DType::Float64},
      {"int64", DType::Int64},     {"int32", DType::Int32},     {"int16", DType::Int16},
      {"int8", DType::Int8},       {"uint64", DType::UInt64},   {"uint32", DType::UInt32},
      {"uint16", DType::UInt16},   {"uint8", DType::UInt8},     {"boolean", DType::Bool},
      {"bool_", DType::Bool},      {"b1", DType::Bool},         {"complex128", DType::Complex128},
      {"c16", DType::Complex128},  {"f8", DType::Float64},      {"f4", DType::Float32},
      {"i8", DType::Int64},        {"i4", DType::Int32},        {"i2", DType::Int16},
      {"i1", DType::Int8},         {"u8", DType::UInt64},       {"u4", DType::UInt32},
      {"u2", DType::UInt16},       {"u1", DType::UInt8},        {"intp", DType::Int64},
      {"uintp", DType::UInt64},    {"intc", DType::Int32},      {"uintc", DType::UInt32},
      {"int_", DType::Int64},      {"float_", DType::Float32},  {"byte", DType::UInt8},
  };
  for (const NamedType& n : kScalars) {
    Value t = Value::from_obj(scalar_type(vm, n.d));
    set_module_attr(vm, st.module, n.name, t);
    set_module_attr(vm, types, n.name, t);
  }
  for (Module* m : {st.module, types}) {
    set_module_attr(vm, m, "void", Value::from_obj(none_type(vm)));
    set_module_attr(vm, m, "none", Value::from_obj(none_type(vm)));
    set_module_attr(vm, m, "unicode_type", Value::from_obj(unicode_type(vm)));
    set_module_attr(vm, m, "complex64", Value::from_obj(opaque_type(vm, "complex64")));
  }
  set_module_attr(vm, types, "string", Value::from_obj(unicode_type(vm)));
  // UniTuple(t, n), Tuple((a, b)) / Tuple([a, b]) and Array(dtype, ndim, layout).
  static const MethodDef kCtors[] = {
      {"UniTuple",
       [](VM& vm, const CallArgs& a) -> Value {
         if (a.argc != 2 || !is_nbtype(vm, a[0]) || !a[1].is_int())
           return vm.raise(vm.exc().TypeError, "UniTuple(dtype, count) takes a numba type and an int");
         return Value::from_obj(unituple_type(vm, as_nbtype(a[0]), static_cast<int>(a[1].as_int())));
       }},
      {"Tuple",
       [](VM& vm, const CallArgs& a) -> Value {
         if (a.argc != 1) return vm.raise(vm.exc().TypeError, "Tuple(types) takes one sequence of types");
         Value seq = a[0];
         std::vector<NbType*> items;
         Value it = get_iter(vm, seq);
         if (failed(it)) return it;
         for (;;) {
           Value x = iter_next(vm, it);
           if (x.is_undef()) break;
           if (!is_nbtype(vm, x))
             return vm.raise_fmt(vm.exc().TypeError, "Tuple() items must be numba types, not %s",
                                 type_name(vm, x));
           items.push_back(as_nbtype(x));
         }
         if (vm.has_pending()) return Value();
         return Value::from_obj(tuple_type(vm, items));
       }},
      {"Array",
       [](VM& vm, const CallArgs& a) -> Value {
         static const ArgSpec kSpec{"Array", {"dtype", "ndim", "layout", "readonly="}};
         Value p[4];
         if (!parse_args(vm, a, kSpec, p)) return Value();
         if (!is_nbtype(vm, p[0]) || !p[1].is_int() || !is_kind(p[2], Kind::Str))
           return vm.raise(vm.exc().TypeError, "Array(dtype, ndim, layout) takes a numba type, an int and 'C'/'F'/'A'");
         std::string_view l = as_str(p[2])->view();
         if (l != "C" && l != "F" && l != "A") return vm.raise(vm.exc().ValueError, "layout must be 'C', 'F' or 'A'");
         bool ro = !p[3].is_undef() && p[3].is_bool() && p[3].as_bool();
         return Value::from_obj(array_type(vm, as_nbtype(p[0])->dtype, static_cast<int>(p[1].as_int()), l[0], ro));
       }},
      {"ListType",
       [](VM& vm, const CallArgs& a) -> Value {
         if (a.argc != 1 || !is_nbtype(vm, a[0])) return vm.raise(vm.exc().TypeError, "ListType(item_type)");
         return Value::from_obj(list_type(vm, as_nbtype(a[0]), false));
       }},
      {"DictType",
       [](VM& vm, const CallArgs& a) -> Value {
         if (a.argc != 2 || !is_nbtype(vm, a[0]) || !is_nbtype(vm, a[1]))
           return vm.raise(vm.exc().TypeError, "DictType(key_type, value_type)");
         return Value::from_obj(dict_type(vm, as_nbtype(a[0]), as_nbtype(a[1])));
       }},
  };
  add_functions(vm, types->dict, kCtors);
  // numba.typeof(value)
  static const MethodDef kTop[] = {
      {"typeof",
       [](VM& vm, const CallArgs& a) -> Value {
         if (a.argc != 1) return vm.raise(vm.exc().TypeError, "typeof() takes exactly one argument");
         NbType* t;
         if (!typeof_value(vm, a[0], t)) return Value();
         return Value::from_obj(t);
       }},
  };
  add_functions(vm, st.module->dict, kTop);
  return !vm.has_pending();
}

// ---- prange and threads
Value f_prange(VM& vm, const CallArgs& a) {
  CallArgs b = a;
  b.callee = nullptr;
  return vm.call(Value::from_obj(vm.types().range), b);
}

Value f_set_num_threads(VM& vm, const CallArgs& a) {
  NumbaState& st = numba_state(vm);
  if (a.argc != 1 || a.nkw()) return vm.raise(vm.exc().TypeError, "set_num_threads() takes exactly one argument");
  if (!a[0].is_int()) return vm.raise(vm.exc().TypeError, "The number of threads specified must be an integer");
  int64_t n = a[0].as_int();
  if (n < 1 || n > st.max_threads)
    return vm.raise_fmt(vm.exc().ValueError, "The number of threads must be between 1 and %lld",
                        static_cast<long long>(st.max_threads));
  st.num_threads = n;
  return Value::none();
}

Value f_get_num_threads(VM& vm, const CallArgs&) { return Value::from_int(numba_state(vm).num_threads); }
Value f_get_thread_id(VM&, const CallArgs&) { return Value::from_int(0); }
Value f_threading_layer(VM& vm, const CallArgs&) { return vm.str("tbb"); }

bool install_parallel(VM& vm, NumbaState& st) {
  int64_t hw = std::max<int64_t>(1, std::thread::hardware_concurrency());
  int64_t n = hw;
  if (const char* env = std::getenv("NUMBA_NUM_THREADS")) {
    char* end = nullptr;
    long long v = std::strtoll(env, &end, 10);
    if (end != env && *end == '\0' && v >= 1) n = v;
  }
  st.max_threads = n;
  st.num_threads = n;
  static const MethodDef kFns[] = {
      {"prange", f_prange},
      {"set_num_threads", f_set_num_threads},
      {"get_num_threads", f_get_num_threads},
      {"get_thread_id", f_get_thread_id},
      {"_get_thread_id", f_get_thread_id},
      {"threading_layer", f_threading_layer},
  };
  add_functions(vm, st.module->dict, kFns);
  Module* config = new_submodule(vm, st, "config");
  set_module_attr(vm, config, "NUMBA_NUM_THREADS", Value::from_int(n));
  set_module_attr(vm, config, "NUMBA_DEFAULT_NUM_THREADS", Value::from_int(hw));
  set_module_attr(vm, config, "DISABLE_JIT", Value::from_bool(false));
  set_module_attr(vm, config, "THREADING_LAYER", vm.str("default"));
  set_module_attr(vm, config, "BOUNDSCHECK", Value::none());
  return !vm.has_pending();
}

bool install_errors(VM& vm, NumbaState& st) {
  Module* core = new_submodule(vm, st, "core");
  Module* errors = vm.new_module("numba.core.errors");
  errors->name = vm.intern("numba.core.errors");
  vm.register_module(errors);
  set_module_attr(vm, core, "errors", Value::from_obj(errors));
  if (!vm.exec_module("class NumbaError(Exception):\n    pass\n"
                      "class TypingError(NumbaError):\n    pass\n"
                      "class UnsupportedError(NumbaError):\n    pass\n"
                      "class NumbaWarning(Warning):\n    pass\n"
                      "class NumbaPerformanceWarning(NumbaWarning):\n    pass\n"
                      "class NumbaDeprecationWarning(NumbaWarning):\n    pass\n",
                      "<numba>", errors))
    return false;
  Value te = dict_get_str(errors->dict, vm.intern("TypingError"));
  st.typing_error = as_type(te);
  set_module_attr(vm, st.module, "errors", Value::from_obj(errors));
  for (const char* n : {"NumbaError", "TypingError", "NumbaWarning", "NumbaPerformanceWarning"})
    set_module_attr(vm, st.module, n, dict_get_str(errors->dict, vm.intern(n)));
  return true;
}

Module* init_numba_module(VM& vm) {
  if (!np::ensure_numpy(vm)) return nullptr;
  Module* m = vm.new_module("numba");
  VM::TempRoot keep(vm, m);
  Type* state_type = make_builtin_type(vm, "_numba_state", vm.types().object, Kind::Other, 0);
  state_type->slots.trace = state_trace;
  NumbaState* st = vm.heap().make<NumbaState>(state_type, Kind::Other, 0);
  st->module = m;
  VM::TempRoot keep_st(vm, st);
  st->interned = vm.new_dict();
  st->extra = vm.new_dict();
  vm.set_ext_slot(kExtNumba, st);
  set_module_attr(vm, m, "__version__", vm.str("0.56.4"));
  bool ok = install_errors(vm, *st) && install_types(vm, *st) && install_parallel(vm, *st) &&
            install_dispatcher(vm, *st) && install_vectorize(vm, *st) && install_stencil(vm, *st) &&
            install_jitclass(vm, *st) && install_typed(vm, *st) && install_cfunc(vm, *st) &&
            install_cuda(vm, *st);
  if (!ok || vm.has_pending()) {
    if (!vm.has_pending()) vm.raise(vm.exc().ImportError, "numba failed to initialise");
    vm.set_ext_slot(kExtNumba, nullptr);
    return nullptr;
  }
  return m;
}

}  // namespace

Module* new_submodule(VM& vm, NumbaState& st, std::string_view name) {
  std::string full = "numba." + std::string(name);
  Value existing = dict_get_str(st.module->dict, vm.intern(name));
  if (!existing.is_undef() && is_kind(existing, Kind::Module)) return static_cast<Module*>(existing.as_obj());
  Module* sub = vm.new_module(full);
  sub->name = vm.intern(full);
  vm.register_module(sub);
  set_attr_str(vm, st.module->dict, name, Value::from_obj(sub));
  return sub;
}

void set_module_attr(VM& vm, Module* m, std::string_view name, Value v) { set_attr_str(vm, m->dict, name, v); }

void register_numba(VM& vm) { vm.register_native_module("numba", init_numba_module); }

}  // namespace pyjitvm::stdlib::nb
