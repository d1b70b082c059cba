// vm/import.cpp — module execution and the import system.
//
// Stage: IMPORT/IMPORT_FROM/IMPORT_STAR opcodes and VM::exec_module() → native module
// initialisers registered by stdlib/, or `.py` files found on the module path (the
// main script's folder first).
//
// Invariants:
//   I1  A module is in sys.modules before its code runs (circular imports see the
//       partially initialised module) and is removed again if its code fails.
//   I2  Each module is executed at most once per VM; later imports return the same
//       object.
#include <fstream>
#include <sstream>
#include <string>

#include "vm/call.h"
#include "vm/compiler.h"
#include "vm/errors.h"
#include "vm/interp_internal.h"
#include "vm/ops.h"
#include "vm/parser.h"

namespace pyjitvm::vm {

bool VM::exec_module(std::string source, std::string_view filename, Module* module) {
  return exec_source(std::move(source), filename, module, false);
}

bool VM::exec_interactive(std::string source, std::string_view filename, Module* module) {
  return exec_source(std::move(source), filename, module, true);
}

bool VM::exec_source(std::string source, std::string_view filename, Module* module,
                     bool interactive) {
  ParseResult parsed;
  SyntaxErrorInfo err;
  if (!parse_module(std::move(source), std::string(filename), parsed, err)) {
    set_pending(make_syntax_error(*this, err));
    return false;
  }
  Proto* proto = compile_module(*this, std::move(parsed), err, interactive);
  if (!proto) {
    set_pending(make_syntax_error(*this, err));
    return false;
  }
  TempRoot keep_proto(*this, proto);
  Function* fn = heap_.make<Function>(types_.function, Kind::Function, 0);
  fn->dict = nullptr;
  fn->proto = proto;
  fn->globals = module->dict;
  fn->name = proto->name;
  fn->qualname = proto->name;
  fn->doc = Value::none();
  TempRoot keep_fn(*this, fn);
  Value r = call_python(*this, fn, nullptr, 0, nullptr);
  return !failed(r);
}

namespace {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

Value VM::import_module(Str* name) {
  Value m = dict_get_str(modules_, name);
  if (!m.is_undef()) return m;
  if (!denied_imports_.empty()) {  // embedding sandbox (vm.h deny_import)
    std::string_view top = name->view().substr(0, name->view().find('.'));
    auto denied = denied_imports_.find(std::string(top));
    if (denied != denied_imports_.end())
      return raise_fmt(exc_.ImportError, "import of '%s' is disabled%s", name->data(),
                       denied->second.c_str());
  }
  // Import parent packages first (a.b.c → a, a.b, a.b.c).
  std::string_view full = name->view();
  size_t dot = full.rfind('.');
  Value parent;
  if (dot != std::string_view::npos) {
    parent = import_module(intern(full.substr(0, dot)));
    if (failed(parent)) return parent;
    m = dict_get_str(modules_, name);
    if (!m.is_undef()) return m;
  }
  TempRoot keep_parent(*this, parent);
  auto it = native_modules_.find(std::string(full));
  if (it != native_modules_.end()) {
    Module* mod = it->second(*this);
    if (!mod) return Value();
    mod->name = name;
    if (module_hook_) {
      TempRoot keep_mod(*this, mod);
      if (!module_hook_(*this, mod, module_hook_ctx_)) return Value();
    }
    register_module(mod);
    if (!parent.is_undef())
      dict_set_str(heap_, as_module(parent)->dict, intern(full.substr(dot + 1)), Value::from_obj(mod));
    return Value::from_obj(mod);
  }
  std::string rel(full);
  for (char& c : rel)
    if (c == '.') c = '/';
  for (const std::string& dir : path_) {
    std::string base = dir.empty() ? rel : dir + "/" + rel;
    std::string file = base + ".py";
    std::string source;
    if (!read_file(file, source)) {
      file = base + "/__init__.py";
      if (!read_file(file, source)) continue;
    }
    Module* mod = new_module(full);
    mod->filename = intern(file);
    dict_set_str(heap_, mod->dict, intern("__file__"), Value::from_obj(mod->filename));
    register_module(mod);
    TempRoot keep(*this, mod);
    if (!exec_module(std::move(source), file, mod)) {
      dict_del_str(modules_, name);
      return Value();
    }
    if (!parent.is_undef())
      dict_set_str(heap_, as_module(parent)->dict, intern(full.substr(dot + 1)), Value::from_obj(mod));
    return Value::from_obj(mod);
  }
  Value exc = new_exception(exc_.ModuleNotFoundError, "No module named '" + std::string(full) + "'");
  TempRoot keep(*this, exc);
  as_exception(exc)->dict = new_dict();
  dict_set_str(heap_, as_exception(exc)->dict, intern("name"), Value::from_obj(name));
  set_pending(exc);
  return Value();
}

Value import_name(VM& vm, const Frame& f, Str* name, Value fromlist, int level) {
  (void)f;
  if (level & 0x7F)
    return vm.raise(vm.exc().ImportError, "attempted relative import with no known parent package");
  Value m = vm.import_module(name);
  if (failed(m)) return m;
  bool want_leaf = (level & 0x80) || (!fromlist.is_none() && !fromlist.is_undef());
  if (want_leaf) return m;
  std::string_view full = name->view();
  size_t dot = full.find('.');
  if (dot == std::string_view::npos) return m;
  return dict_get_str(vm.modules(), vm.intern(full.substr(0, dot)));
}

Value import_from(VM& vm, Value module, Str* name) {
  Value v = getattr(vm, module, name);
  if (!failed(v)) return v;
  if (!vm.pending_matches(vm.exc().AttributeError) || !is_kind(module, Kind::Module)) return v;
  vm.clear_pending();
  Module* m = as_module(module);
  std::string sub = std::string(m->name->view()) + "." + std::string(name->view());
  Value subm = vm.import_module(vm.intern(sub));
  if (!failed(subm)) return subm;
  if (!vm.pending_matches(vm.exc().ModuleNotFoundError)) return subm;
  vm.clear_pending();
  std::string where = m->filename ? std::string(m->filename->view()) : "unknown location";
  return vm.raise_fmt(vm.exc().ImportError, "cannot import name '%s' from '%s' (%s)", name->data(),
                      m->name->data(), where.c_str());
}

bool import_star(VM& vm, Frame& f, Value module) {
  if (!is_kind(module, Kind::Module)) {
    vm.raise(vm.exc().TypeError, "import * requires a module");
    return false;
  }
  Dict* src = as_module(module)->dict;
  Dict* dst = f.locals ? f.locals : f.globals;
  Value all = dict_get_str(src, vm.names().all);
  if (!all.is_undef()) {
    return for_each(vm, all, [&](Value n) {
      if (!is_kind(n, Kind::Str)) return true;
      Value v = getattr(vm, module, as_str(n));
      if (failed(v)) return false;
      dict_set_str(vm.heap(), dst, as_str(n), v);
      return true;
    });
  }
  uint32_t pos = 0;
  DictEntry* e;
  while (dict_next(src, pos, e)) {
    if (!is_kind(e->key, Kind::Str)) continue;
    Str* k = as_str(e->key);
    if (k->nbytes && k->data()[0] == '_') continue;
    dict_set_str(vm.heap(), dst, k, e->value);
  }
  return true;
}

}  // namespace pyjitvm::vm
