// vm/embed/sandbox.cpp — Options::sandbox: what a sandboxed script cannot reach.
//
// Stage: VMImpl construction → install_sandbox() twice: before install_stdlib() (import
// policy, module hook) and after it (builtins).
//
// The escape routes, and how each is closed:
//   open(), input()             builtins replaced by functions raising PermissionError
//   sys.stdin / sys.__stdin__   None (the module hook edits sys when it is created)
//   sys.exit(), exit(), quit()  raise SystemExit as always: the VM never exits the
//                               process; the host sees pyjitvm::Error("SystemExit")
//   import of .py files         the module path is empty: only native modules import
//   ctypes, os, io, subprocess, socket, ... (and submodules)
//                               refused by name in the import machinery (ImportError
//                               "import of 'ctypes' is disabled in the sandbox")
//   numba.cfunc (libffi)        replaced by a function raising PermissionError
//   eval/exec/compile           already unsupported in scripts
//
// Invariants:
//   I1  The sandbox is fixed at VM construction; nothing a script does can turn it off
//       (the patched objects are replaced before any script code runs).
#include "vm/embed/embed_internal.h"
#include "vm/native.h"

namespace pyjitvm::detail {

using vm::Value;

namespace {

constexpr const char* kDeniedModules[] = {
    "ctypes", "_ctypes", "os", "posix", "nt", "io", "_io", "subprocess", "socket",
    "shutil", "pathlib", "glob", "tempfile", "signal", "threading", "_thread",
    "multiprocessing", "importlib", "mmap", "fcntl", "pty", "resource", "gc",
    "inspect", "pickle", "marshal",
};

Value denied(vm::VM& V, const vm::CallArgs& a) {
  auto* nf = static_cast<vm::NativeFunction*>(a.callee);
  return V.raise_fmt(V.exc().PermissionError, "%s() is disabled in the sandbox", nf->name->data());
}

void deny_function(vm::VM& V, vm::Dict* d, std::string_view name) {
  vm::dict_set_str(V.heap(), d, V.intern(name), Value::from_obj(V.new_native(name, denied)));
}

bool sandbox_module_hook(vm::VM& V, vm::Module* m, void*) {
  std::string_view name = m->name->view();
  if (name == "sys") {
    for (const char* attr : {"stdin", "__stdin__"})
      vm::dict_set_str(V.heap(), m->dict, V.intern(attr), Value::none());
  } else if (name == "numba") {
    deny_function(V, m->dict, "cfunc");
  }
  return true;
}

}  // namespace

void install_sandbox(VMImpl& impl) {
  vm::VM& V = *impl.vm;
  vm::Dict* b = V.builtins()->dict;
  if (vm::dict_get_str(b, V.intern("print")).is_undef()) {  // before the stdlib
    V.module_path().clear();
    for (const char* m : kDeniedModules) V.deny_import(m, " in the sandbox");
    V.set_module_hook(sandbox_module_hook, &impl);
    return;
  }
  for (const char* f : {"open", "input"}) deny_function(V, b, f);
}

}  // namespace pyjitvm::detail
