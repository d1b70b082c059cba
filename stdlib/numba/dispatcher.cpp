// stdlib/numba/dispatcher.cpp — numba.jit / numba.njit and the CPUDispatcher objects
// they return.
//
// Stage: @njit(...) → Dispatcher{py_func, jit_fn = numba_variant(py_func)} → a call
// types its arguments (typeof.cpp), picks the declared signature with the cheapest
// conversions or records a new lazy one, converts the arguments, runs jit_fn in the
// interpreter and boxes the result.
//
// Invariants:
//   I1  `signatures` lists the argument-type tuples in compilation order: the declared
//       ones at decoration time (eager), else one per distinct argument typing seen
//       (lazy). A lazy signature's return type is the type of its first result.
//   I2  With declared signatures a call whose arguments convert to none of them raises
//       TypeError("No matching definition for argument type(s) t1, t2") — Numba's
//       wording; among those that do, the one with the fewest unsafe, then safe, then
//       promoting conversions is used, and its return type converts the result.
//   I3  Results leave as Python values (typeof.cpp box_result): np.float64 results of
//       njit code print as Python floats, as Numba's boxing does.
#include <string>
#include <vector>

#include "stdlib/numba/numba_internal.h"
#include "vm/builtin_types.h"
#include "vm/compiler.h"
#include "vm/dict_object.h"
#include "vm/gc.h"
#include "vm/list_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;

namespace {

struct Dispatcher : Object {
  Function* py_func = nullptr;
  Function* jit_fn = nullptr;
  Dict* options = nullptr;   // targetoptions
  List* declared = nullptr;  // Signature objects given at decoration (I2)
  List* compiled = nullptr;  // Signature objects with return types, in order (I1)
};

Dispatcher* as_dispatcher(Value v) { return static_cast<Dispatcher*>(v.as_obj()); }

void dispatcher_trace(Object* o, GcTracer& t) {
  Dispatcher* d = static_cast<Dispatcher*>(o);
  t.mark(d->py_func);
  t.mark(d->jit_fn);
  t.mark(d->options);
  t.mark(d->declared);
  t.mark(d->compiled);
}

std::string type_list_str(const std::vector<NbType*>& types) {
  std::string s;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i) s += ", ";
    s += types[i]->name->view();
  }
  return s;
}

// The declared signature the arguments convert to most cheaply (I2); -1 if none.
int choose_overload(const Dispatcher* d, const std::vector<NbType*>& types) {
  int best = -1;
  int best_score[3] = {0, 0, 0};
  for (uint32_t i = 0; i < d->declared->len; ++i) {
    NbSignature* s = as_signature(d->declared->items[i]);
    if (s->args->size() != types.size()) continue;
    int score[3] = {0, 0, 0};  // unsafe, safe, promote
    bool ok = true;
    for (size_t k = 0; k < types.size() && ok; ++k) {
      switch (conversion(types[k], (*s->args)[k])) {
        case Conv::Exact: break;
        case Conv::Promote: ++score[2]; break;
        case Conv::Safe: ++score[1]; break;
        case Conv::Unsafe: ++score[0]; break;
        case Conv::None: ok = false; break;
      }
    }
    if (!ok) continue;
    if (best < 0 || std::lexicographical_compare(score, score + 3, best_score, best_score + 3)) {
      best = static_cast<int>(i);
      std::copy(score, score + 3, best_score);
    }
  }
  return best;
}

bool same_args(const NbSignature* s, const std::vector<NbType*>& types) { return *s->args == types; }

Value dispatcher_call(VM& vm, Value self, const CallArgs& a) {
  Dispatcher* d = as_dispatcher(self);
  const uint32_t n = a.argc + a.nkw();
  std::vector<NbType*> types;
  types.reserve(a.argc);
  for (uint32_t i = 0; i < a.argc; ++i) {
    NbType* t;
    if (!typeof_value(vm, a[i], t)) return Value();
    types.push_back(t);
  }
  std::vector<Value> argv(a.argv, a.argv + n);
  const NbType* ret = nullptr;
  bool record = false;
  if (d->declared->len) {
    int k = choose_overload(d, types);
    if (k < 0)
      return vm.raise_fmt(vm.exc().TypeError, "No matching definition for argument type(s) %s",
                          type_list_str(types).c_str());
    NbSignature* s = as_signature(d->declared->items[k]);
    for (size_t i = 0; i < types.size(); ++i)
      if (!convert_arg(vm, argv[i], (*s->args)[i], argv[i])) return Value();
    ret = s->ret;
  } else {
    record = true;
    for (uint32_t i = 0; i < d->compiled->len && record; ++i)
      if (same_args(as_signature(d->compiled->items[i]), types)) {
        record = false;
        ret = as_signature(d->compiled->items[i])->ret;
      }
  }
  CallArgs ca;
  ca.argv = argv.data();
  ca.argc = a.argc;
  ca.kwnames = a.kwnames;
  Value r = vm.call(Value::from_obj(d->jit_fn), ca);
  if (failed(r)) return r;
  VM::TempRoot keep(vm, r);
  Value out;
  if (!box_result(vm, r, ret, out)) return Value();
  if (record) {
    NbType* rt;
    if (!typeof_value(vm, out, rt)) {
      vm.clear_pending();
      rt = opaque_type(vm, "pyobject");
    }
    VM::TempRoot keep_out(vm, out);
    list_append(vm.heap(), d->compiled, Value::from_obj(new_signature(vm, rt, types)));
  }
  return out;
}

Value dispatcher_repr(VM& vm, Value self) {
  Dispatcher* d = as_dispatcher(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(d));
  return vm.str("CPUDispatcher(<function " + std::string(d->py_func->qualname->view()) + " at " + buf + ">)");
}

Value dispatcher_getattr(VM& vm, Value self, Str* name) {
  Dispatcher* d = as_dispatcher(self);
  std::string_view n = name->view();
  if (n == "py_func") return Value::from_obj(d->py_func);
  if (n == "__name__") return Value::from_obj(d->py_func->name);
  if (n == "__qualname__") return Value::from_obj(d->py_func->qualname);
  if (n == "__doc__") return d->py_func->doc;
  if (n == "__module__") return d->py_func->module ? Value::from_obj(d->py_func->module) : Value::none();
  if (n == "__wrapped__") return Value::from_obj(d->py_func);
  if (n == "targetoptions") return Value::from_obj(d->options);
  if (n == "signatures" || n == "nopython_signatures") {
    List* src = d->declared->len ? d->declared : d->compiled;
    List* out = vm.new_list(0);
    VM::TempRoot keep(vm, out);
    for (uint32_t i = 0; i < src->len; ++i) {
      NbSignature* s = as_signature(src->items[i]);
      Value item = n == "signatures" ? signature_args(vm, s) : Value::from_obj(s);
      list_append(vm.heap(), out, item);
    }
    return Value::from_obj(out);
  }
  return generic_getattr(vm, self, name);
}

Value m_recompile(VM&, const CallArgs&) { return Value::none(); }

// inspect_types(): the function's source with each line, and the argument types of
// every compiled signature (types as the interpreter observed them).
Value m_inspect_types(VM& vm, const CallArgs& a) {
  Dispatcher* d = as_dispatcher(a.argv[0]);
  List* src = d->declared->len ? d->declared : d->compiled;
  std::string out;
  for (uint32_t i = 0; i < src->len; ++i) {
    NbSignature* s = as_signature(src->items[i]);
    out += std::string(d->py_func->qualname->view()) + " " + signature_str(s) + "\n";
    out += std::string(80, '-') + "\n";
    out += "# argument types: " + type_list_str(*s->args) + "\n";
    out += std::string(80, '=') + "\n";
  }
  vm.write_stdout(out);
  return vm.has_pending() ? Value() : Value::none();
}

// parallel_diagnostics(signature=None, level=1): Numba's report per compiled signature
// (parallel_diag.cpp); a function compiled without parallel=True raises Numba's
// RuntimeError.
Value m_parallel_diagnostics(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"parallel_diagnostics", {"self", "signature=", "level="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Dispatcher* d = as_dispatcher(p[0]);
  int64_t level = 1;
  if (!p[2].is_undef() && !index_of(vm, p[2], level)) return Value();
  List* src = d->declared->len ? d->declared : d->compiled;
  std::string out;
  for (uint32_t i = 0; i < src->len; ++i) {
    if (!(d->jit_fn->proto->proto_flags & kProtoNumbaParallel))
      return vm.raise(vm.exc().RuntimeError, "self.setup has not been called");
    if (level < 1 || level > 4)
      return vm.raise(vm.exc().ValueError, "Report level unknown, should be one of 1, 2, 3, 4");
    Value key = Value::from_int(static_cast<int64_t>(reinterpret_cast<uintptr_t>(d)) * 64 + i);
    if (!parallel_diagnostics_report(vm, d->py_func, key, static_cast<int>(level), out))
      return Value();
  }
  return print_report(vm, out) ? Value::none() : Value();
}

Type* dispatcher_type(VM& vm, NumbaState& st) {
  if (st.dispatcher_type) return st.dispatcher_type;
  Type* t = make_builtin_type(vm, "CPUDispatcher", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("numba.core.registry");
  t->slots.trace = dispatcher_trace;
  t->slots.call = dispatcher_call;
  t->slots.repr = dispatcher_repr;
  t->slots.getattr = dispatcher_getattr;
  static const MethodDef kMethods[] = {
      {"recompile", m_recompile},
      {"inspect_types", m_inspect_types},
      {"parallel_diagnostics", m_parallel_diagnostics},
  };
  add_methods(vm, t, kMethods);
  st.dispatcher_type = t;
  return t;
}

Value make_dispatcher(VM& vm, Value fn, List* sigs, Dict* kwargs, bool njit) {
  NumbaState& st = numba_state(vm);
  if (!is_kind(fn, Kind::Function))
    return vm.raise_fmt(vm.exc().TypeError, "The decorated object is not a function (got type %s).",
                        type_name(vm, fn));
  JitOptions opts;
  opts.nopython = njit;
  if (!parse_jit_options(vm, kwargs, opts)) return Value();
  Function* jf = numba_variant(vm, fn, opts);
  if (!jf) return Value();
  VM::TempRoot keep_jf(vm, jf);
  Dispatcher* d = vm.heap().make<Dispatcher>(dispatcher_type(vm, st), Kind::Other, 0);
  d->py_func = static_cast<Function*>(fn.as_obj());
  d->jit_fn = jf;
  VM::TempRoot keep(vm, d);
  d->options = vm.new_dict();
  d->declared = vm.new_list(0);
  d->compiled = vm.new_list(0);
  if (kwargs) {
    Value items = Value::from_obj(kwargs);
    Value r = vm.call_method(Value::from_obj(d->options), vm.intern("update"), {items});
    if (failed(r)) return r;
  }
  if (njit) set_attr_str(vm, d->options, "nopython", Value::from_bool(true));
  if (sigs)
    for (uint32_t i = 0; i < sigs->len; ++i) list_append(vm.heap(), d->declared, sigs->items[i]);
  return Value::from_obj(d);
}

// The signature argument of jit() — a string, a Signature, or a list of them — parsed
// into Signature objects (at decoration time, as Numba does); nullptr on error.
List* parse_signatures(VM& vm, Value v) {
  List* out = vm.new_list(0);
  VM::TempRoot keep(vm, out);
  const bool many = is_kind(v, Kind::List);
  const uint32_t n = many ? as_list(v)->len : 1;
  for (uint32_t i = 0; i < n; ++i) {
    NbSignature* s = signature_from_value(vm, many ? as_list(v)->items[i] : v);
    if (!s) return nullptr;
    list_append(vm.heap(), out, Value::from_obj(s));
  }
  return out;
}

// jit/njit with options (and possibly signatures) but no function yet: the decorator
// keeps them in its data tuple (signatures list or None, kwargs dict or None, njit).
Value decorator_apply(VM& vm, const CallArgs& a) {
  Tuple* data = as_tuple(static_cast<NativeFunction*>(a.callee)->data);
  if (a.argc != 1 || a.nkw())
    return vm.raise(vm.exc().TypeError, "a jit decorator takes exactly one function");
  List* sigs = (*data)[0].is_none() ? nullptr : as_list((*data)[0]);
  Dict* kw = (*data)[1].is_none() ? nullptr : static_cast<Dict*>((*data)[1].as_obj());
  return make_dispatcher(vm, a[0], sigs, kw, (*data)[2].as_bool());
}

Value jit_entry(VM& vm, const CallArgs& a, bool njit) {
  const uint32_t nkw = a.nkw();
  Dict* kw = nkw ? vm.new_dict() : nullptr;
  Value sig_kw;
  VM::TempRoot keep_kw(vm, kw ? Value::from_obj(kw) : Value::none());
  for (uint32_t i = 0; i < nkw; ++i) {
    Str* name = as_str((*a.kwnames)[i]);
    if (name->view() == "signature_or_function" || name->view() == "signature") {
      sig_kw = a.argv[a.argc + i];
      continue;
    }
    dict_set_str(vm.heap(), kw, name, a.argv[a.argc + i]);
  }
  if (a.argc > 1) return vm.raise(vm.exc().TypeError, "jit() takes at most one positional argument");
  Value first = a.argc ? a[0] : sig_kw;
  if (!first.is_undef() && is_kind(first, Kind::Function)) return make_dispatcher(vm, first, nullptr, kw, njit);
  List* sigs = nullptr;
  if (!first.is_undef() && !first.is_none() && !(sigs = parse_signatures(vm, first))) return Value();
  VM::TempRoot keep_sigs(vm, sigs ? Value::from_obj(sigs) : Value::none());
  JitOptions probe;  // options are checked at decoration time, as Numba does
  if (!parse_jit_options(vm, kw, probe)) return Value();
  Tuple* data = vm.new_tuple(3);
  (*data)[0] = sigs ? Value::from_obj(sigs) : Value::none();
  (*data)[1] = kw ? Value::from_obj(kw) : Value::none();
  (*data)[2] = Value::from_bool(njit);
  VM::TempRoot keep_data(vm, data);
  return Value::from_obj(vm.new_native(njit ? "njit_decorator" : "jit_decorator", decorator_apply, Value::from_obj(data)));
}

Value f_jit(VM& vm, const CallArgs& a) { return jit_entry(vm, a, false); }
Value f_njit(VM& vm, const CallArgs& a) { return jit_entry(vm, a, true); }

Value f_generated_jit(VM& vm, const CallArgs&) {
  return vm.raise(vm.exc().NotImplementedError,
                  "numba.generated_jit is not supported by pyjitvm (it needs Numba's type-level "
                  "compilation); write the specialisations as plain branches in an @njit function");
}

Value f_overload(VM& vm, const CallArgs&) {
  return vm.raise(vm.exc().NotImplementedError,
                  "numba.extending.overload is not supported by pyjitvm: the interpreter already "
                  "runs the Python implementation of the function");
}

}  // namespace

bool parse_jit_options(VM& vm, Dict* kwargs, JitOptions& opts) {
  if (!kwargs) return true;
  static const char* const kKnown[] = {"nopython", "nogil",  "cache",      "parallel", "fastmath",
                                       "boundscheck", "error_model", "inline", "locals", "forceobj",
                                       "looplift", "debug", "target", "_nrt", "no_rewrites",
                                       "no_cpython_wrapper", "no_cfunc_wrapper", "pipeline_class"};
  uint32_t pos = 0;
  DictEntry* e;
  while (dict_next(kwargs, pos, e)) {
    Value k = e->key;
    std::string_view name = as_str(k)->view();
    bool known = false;
    for (const char* c : kKnown) known = known || name == c;
    if (!known) {
      vm.raise_fmt(vm.exc().KeyError, "Unrecognized options: {'%s'}", std::string(name).c_str());
      return false;
    }
    Value v = e->value;
    auto flag = [&](bool& f) {
      int t = truthy(vm, v);
      if (t < 0) return false;
      f = t;
      return true;
    };
    if (name == "nopython" && !flag(opts.nopython)) return false;
    if (name == "parallel" && !flag(opts.parallel)) return false;
    if (name == "fastmath" && !flag(opts.fastmath)) return false;
    if (name == "nogil" && !flag(opts.nogil)) return false;
    if (name == "cache" && !flag(opts.cache)) return false;
    if (name == "boundscheck" && !flag(opts.boundscheck)) return false;
    if (name == "forceobj") {
      bool f;
      if (!flag(f)) return false;
      if (f) opts.nopython = false;
    }
    if (name == "error_model") {
      if (!is_kind(v, Kind::Str) || (as_str(v)->view() != "python" && as_str(v)->view() != "numpy")) {
        vm.raise(vm.exc().ValueError, "error_model must be 'python' or 'numpy'");
        return false;
      }
      opts.error_model_numpy = as_str(v)->view() == "numpy";
    }
  }
  return true;
}

Function* numba_variant(VM& vm, Value fn, const JitOptions& opts) {
  if (!is_kind(fn, Kind::Function)) {
    vm.raise_fmt(vm.exc().TypeError, "cannot compile a %s with numba (a Python function is needed)",
                 type_name(vm, fn));
    return nullptr;
  }
  Function* f = static_cast<Function*>(fn.as_obj());
  uint32_t flags = kProtoNumba;
  if (opts.parallel) flags |= kProtoNumbaParallel;
  if (opts.fastmath) flags |= kProtoNumbaFastmath;
  if (opts.error_model_numpy) flags |= kProtoNumbaNumpyErrors;
  SyntaxErrorInfo err;
  Proto* p = compile_variant(vm, f->proto, flags, err);
  if (!p) {
    vm.raise_fmt(vm.exc().TypeError, "cannot compile %s with numba: %s", f->qualname->data(), err.msg.c_str());
    return nullptr;
  }
  return function_with_proto(vm, f, p);
}

Function* function_with_proto(VM& vm, Function* f, Proto* p) {
  VM::TempRoot keep(vm, p);
  Function* g = vm.heap().make<Function>(vm.types().function, Kind::Function, 0);
  g->dict = nullptr;
  g->proto = p;
  g->globals = f->globals;
  g->defaults = f->defaults;
  g->kwdefaults = f->kwdefaults;
  g->closure = f->closure;
  g->name = f->name;
  g->qualname = f->qualname;
  g->doc = f->doc;
  g->module = f->module;
  return g;
}

bool install_dispatcher(VM& vm, NumbaState& st) {
  dispatcher_type(vm, st);
  static const MethodDef kFunctions[] = {
      {"jit", f_jit},
      {"njit", f_njit},
      {"generated_jit", f_generated_jit},
  };
  add_functions(vm, st.module->dict, kFunctions);
  Module* ext = new_submodule(vm, st, "extending");
  static const MethodDef kExt[] = {{"overload", f_overload}, {"overload_method", f_overload}};
  add_functions(vm, ext->dict, kExt);
  set_module_attr(vm, ext, "register_jitable", dict_get_str(st.module->dict, vm.intern("njit")));
  return !vm.has_pending();
}

}  // namespace pyjitvm::stdlib::nb
