// vm/native.cpp — argument parsing for native functions and method registration.
//
// Stage: used by every native function (vm/native.h).
//
// Invariants: native.h I1–I2.
#include "vm/native.h"

#include <cstring>
#include <string>
#include <vector>

#include "vm/func_object.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

ArgSpec::ArgSpec(const char* name, std::initializer_list<const char*> words) : fname(name) {
  bool kwonly = false;
  for (const char* p : words) {
    std::string_view w = p;
    if (w == "/") {
      for (Param& q : params) q.posonly = true;
      continue;
    }
    if (w == "*") {
      kwonly = true;
      continue;
    }
    Param q;
    if (w.substr(0, 2) == "**") {
      q.starstar = true;
      w.remove_prefix(2);
    } else if (w.substr(0, 1) == "*") {
      q.star = true;
      w.remove_prefix(1);
      kwonly = true;
    }
    if (!w.empty() && w.back() == '=') {
      q.optional = true;
      w.remove_suffix(1);
    }
    q.name = w;
    q.kwonly = kwonly && !q.star && !q.starstar;
    params.push_back(q);
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const Param& q = params[i];
    if (q.star) star_index = static_cast<int>(i);
    else if (q.starstar) starstar_index = static_cast<int>(i);
    else if (!q.kwonly) {
      ++npos;
      if (!q.optional) ++nrequired_pos;
    }
  }
}

bool parse_args(VM& vm, const CallArgs& args, const ArgSpec& spec, Value* out) {
  const std::vector<ArgSpec::Param>& params = spec.params;
  size_t n = params.size();
  for (size_t i = 0; i < n; ++i) out[i] = Value();
  size_t npos_params = spec.npos;
  int star_index = spec.star_index, starstar_index = spec.starstar_index;
  // positional
  size_t pi = 0;
  uint32_t ai = 0;
  for (; ai < args.argc; ++ai) {
    while (pi < n && (params[pi].kwonly || params[pi].star || params[pi].starstar)) {
      if (params[pi].star) break;
      ++pi;
    }
    if (pi >= n || params[pi].star) break;
    out[pi++] = args[ai];
  }
  if (ai < args.argc) {
    if (star_index < 0) {
      if (spec.nrequired_pos == npos_params)
        vm.raise_fmt(vm.exc().TypeError, "%s() takes exactly %zu argument%s (%u given)",
                     spec.fname, npos_params, npos_params == 1 ? "" : "s", args.argc);
      else
        vm.raise_fmt(vm.exc().TypeError, "%s() takes at most %zu argument%s (%u given)",
                     spec.fname, npos_params, npos_params == 1 ? "" : "s", args.argc);
      return false;
    }
    Tuple* rest = vm.new_tuple(args.argc - ai);
    for (uint32_t k = ai; k < args.argc; ++k) (*rest)[k - ai] = args[k];
    out[star_index] = vm.root(Value::from_obj(rest));
  } else if (star_index >= 0) {
    out[star_index] = Value::from_obj(vm.empty_tuple());
  }
  Dict* extra = nullptr;
  if (starstar_index >= 0) {
    extra = vm.new_dict();
    out[starstar_index] = vm.root(Value::from_obj(extra));
  }
  // keywords
  uint32_t nkw = args.nkw();
  for (uint32_t k = 0; k < nkw; ++k) {
    Str* name = as_str((*args.kwnames)[k]);
    Value v = args.argv[args.argc + k];
    size_t j = 0;
    for (; j < n; ++j)
      if (!params[j].star && !params[j].starstar && !params[j].posonly &&
          params[j].name == name->view())
        break;
    if (j == n) {
      if (extra) {
        dict_set_str(vm.heap(), extra, name, v);
        continue;
      }
      vm.raise_fmt(vm.exc().TypeError, "'%s' is an invalid keyword argument for %s()",
                   name->data(), spec.fname);
      return false;
    }
    if (!out[j].is_undef()) {
      vm.raise_fmt(vm.exc().TypeError, "argument for %s() given by name ('%s') and position",
                   spec.fname, name->data());
      return false;
    }
    out[j] = v;
  }
  for (size_t j = 0; j < n; ++j) {
    const ArgSpec::Param& p = params[j];
    if (p.star || p.starstar || p.optional || !out[j].is_undef()) continue;
    if (p.kwonly)
      vm.raise_fmt(vm.exc().TypeError, "%s() missing required keyword-only argument: '%.*s'",
                   spec.fname, static_cast<int>(p.name.size()), p.name.data());
    else
      vm.raise_fmt(vm.exc().TypeError, "%s() missing required argument '%.*s' (pos %zu)",
                   spec.fname, static_cast<int>(p.name.size()), p.name.data(), j + 1);
    return false;
  }
  return true;
}

bool check_no_kwargs(VM& vm, const CallArgs& args, const char* fname) {
  if (args.nkw() == 0) return true;
  vm.raise_fmt(vm.exc().TypeError, "%s() takes no keyword arguments", fname);
  return false;
}

namespace {

// CPython's two wordings: METH_O / METH_NOARGS functions say
// "len() takes exactly one argument (0 given)"; the others (Argument Clinic's
// _PyArg_CheckPositional) say "divmod expected 2 arguments, got 1", using the short
// name of a method ("insert expected 2 arguments, got 1").
void nargs_error(VM& vm, const char* qualname, uint32_t min, uint32_t max, uint32_t given) {
  if (min == max && min <= 1) {
    vm.raise_fmt(vm.exc().TypeError, min == 0 ? "%s() takes no arguments (%u given)"
                                              : "%s() takes exactly one argument (%u given)",
                 qualname, given);
    return;
  }
  const char* dot = std::strrchr(qualname, '.');
  const char* name = dot ? dot + 1 : qualname;
  if (min == max)
    vm.raise_fmt(vm.exc().TypeError, "%s expected %u argument%s, got %u", name, min,
                 min == 1 ? "" : "s", given);
  else if (given < min)
    vm.raise_fmt(vm.exc().TypeError, "%s expected at least %u argument%s, got %u", name, min,
                 min == 1 ? "" : "s", given);
  else
    vm.raise_fmt(vm.exc().TypeError, "%s expected at most %u argument%s, got %u", name, max,
                 max == 1 ? "" : "s", given);
}

}  // namespace

bool check_nargs(VM& vm, const CallArgs& args, const char* fname, uint32_t min, uint32_t max) {
  if (!check_no_kwargs(vm, args, fname)) return false;
  if (args.argc >= min && args.argc <= max) return true;
  nargs_error(vm, fname, min, max, args.argc);
  return false;
}

bool check_method_nargs(VM& vm, const CallArgs& args, const char* qualname, uint32_t min,
                        uint32_t max) {
  if (!check_no_kwargs(vm, args, qualname)) return false;
  uint32_t given = args.argc ? args.argc - 1 : 0;
  if (args.argc >= 1 && given >= min && given <= max) return true;
  nargs_error(vm, qualname, min, max, given);
  return false;
}

void add_methods(VM& vm, Type* type, std::span<const MethodDef> defs) {
  if (!type->dict) type->dict = vm.new_dict();
  for (const MethodDef& d : defs) {
    NativeFunction* f = vm.new_native(d.name, d.fn);
    f->owner = type;
    Value v = Value::from_obj(f);
    if (d.kind != MethodDef::kMethod) {
      Type* wt = d.kind == MethodDef::kStatic ? vm.types().staticmethod : vm.types().classmethod;
      MethodWrapper* w = vm.heap().make<MethodWrapper>(wt, wt->instance_kind, 0);
      w->callable = v;
      v = Value::from_obj(w);
    }
    dict_set_str(vm.heap(), type->dict, vm.intern(d.name), v);
  }
}

void add_getsets(VM& vm, Type* type, std::span<const GetSetDef> defs) {
  if (!type->dict) type->dict = vm.new_dict();
  for (const GetSetDef& d : defs) {
    Property* p = vm.heap().make<Property>(vm.types().property, Kind::Property, 0);
    p->fget = p->fset = p->fdel = p->doc = Value::none();
    VM::TempRoot root(vm, p);
    NativeFunction* g = vm.new_native(d.name, d.get);
    g->owner = type;
    p->fget = Value::from_obj(g);
    if (d.set) {
      NativeFunction* s = vm.new_native(d.name, d.set);
      s->owner = type;
      p->fset = Value::from_obj(s);
    }
    dict_set_str(vm.heap(), type->dict, vm.intern(d.name), Value::from_obj(p));
  }
}

void add_functions(VM& vm, Dict* ns, std::span<const MethodDef> defs) {
  for (const MethodDef& d : defs) {
    NativeFunction* f = vm.new_native(d.name, d.fn);
    dict_set_str(vm.heap(), ns, vm.intern(d.name), Value::from_obj(f));
  }
}

void set_attr_str(VM& vm, Dict* d, std::string_view name, Value v) {
  dict_set_str(vm.heap(), d, vm.intern(name), v);
}

bool arg_int(VM& vm, Value v, const char* fname, int64_t& out) {
  if (v.is_int()) {
    out = v.as_int();
    return true;
  }
  if (v.is_bool()) {
    out = v.as_bool();
    return true;
  }
  if (index_of(vm, v, out)) return true;
  if (vm.pending_matches(vm.exc().TypeError)) {
    vm.clear_pending();
    vm.raise_fmt(vm.exc().TypeError, "%s(): an integer is required (got type %s)", fname,
                 type_name(vm, v));
  }
  return false;
}

bool arg_float(VM& vm, Value v, const char* fname, double& out) {
  if (to_double(vm, v, out)) return true;
  if (vm.pending_matches(vm.exc().TypeError)) {
    vm.clear_pending();
    vm.raise_fmt(vm.exc().TypeError, "must be real number, not %s", type_name(vm, v));
  }
  (void)fname;
  return false;
}

bool arg_str(VM& vm, Value v, const char* fname, Str*& out) {
  if (v.is_obj() && vm.type_of(v)->is_subtype_of(vm.types().str)) {
    out = as_str(v);
    return true;
  }
  vm.raise_fmt(vm.exc().TypeError, "%s() argument must be str, not %s", fname, type_name(vm, v));
  return false;
}

}  // namespace pyjitvm::vm
