// vm/embed/api.cpp — pyjitvm::VM, Handle and Error: construction, exec/eval/call, roots.
//
// Stage: host calls (vm/pyjitvm.h) → VMImpl → vm::VM (compile, run) → results as Slots
// or Handles; a pending Python exception → pyjitvm::Error.
//
// Invariants:
//   I1  Every host entry that can run Python code holds an EntryGuard
//       (embed_internal.h I2) and leaves no exception pending: it is thrown as Error.
//   I2  detail::call() roots the callee and arguments while the callee runs (a Python
//       callee gets them copied into its frame; any other callable through a
//       RootScope).
//   I3  A Handle slot is released exactly once (Handle::reset), and only while the VM
//       lives (pyjitvm.h I2).
#include <fstream>
#include <sstream>

#include "jit/jit.h"
#include "stdlib/stdlib.h"
#include "vm/call.h"
#include "vm/compiler.h"
#include "vm/embed/embed_internal.h"
#include "vm/errors.h"
#include "vm/ops.h"
#include "vm/parser.h"

namespace pyjitvm {

using vm::Value;

// ---------------------------------------------------------------- Error
Error::Error(std::string type, std::string message, std::string traceback,
             std::vector<std::string> bases)
    : type_(std::move(type)),
      message_(std::move(message)),
      traceback_(std::move(traceback)),
      bases_(std::move(bases)) {
  what_ = message_.empty() ? type_ : type_ + ": " + message_;
  if (traceback_.empty()) traceback_ = what_ + "\n";
}

bool Error::is(std::string_view type_name) const {
  if (type_ == type_name) return true;
  for (const std::string& b : bases_)
    if (b == type_name) return true;
  return false;
}

namespace detail {

namespace {

void output_sink(void* ctx, int fd, std::string_view text) {
  auto* impl = static_cast<VMImpl*>(ctx);
  const auto& fn = fd == 1 ? impl->options.on_stdout : impl->options.on_stderr;
  try {
    if (fn) {
      fn(text);
    } else {
      FILE* f = fd == 1 ? stdout : stderr;
      std::fwrite(text.data(), 1, text.size(), f);
      std::fflush(f);
    }
  } catch (...) {
    // a throwing output callback loses the text; it must not unwind through the VM
  }
}

}  // namespace

VMImpl::VMImpl(Options o) : options(std::move(o)) {
  vm::VMOptions vo;
  vo.recursion_limit = options.recursion_limit;
  vo.gc_stress = options.gc_stress;
  vm = std::make_unique<vm::VM>(vo);
  vm::VM& V = *vm;
  if (options.on_stdout || options.on_stderr) V.set_output_sink(output_sink, this);
  handles = V.new_list(0);
  V.set_ext("embed.handles", Value::from_obj(handles));
  if (!options.sandbox) V.module_path() = options.module_path;
  if (options.sandbox) install_sandbox(*this);  // before the stdlib: it edits modules
  std::vector<std::string> argv = options.argv;
  if (argv.empty()) argv.push_back("");
  stdlib::install_stdlib(V, argv);
  if (options.sandbox) install_sandbox(*this);  // second half: builtins
  install_displayhook(*this);
  install_limits(*this);
  V.register_module(V.main_module());
  jit::Options jo;
  jo.enabled = options.jit;
  jo.threshold = options.jit_threshold;
  jo.log = options.jit_log;
  jit::attach(V, jo);
}

VMImpl::~VMImpl() {
  watchdog.reset();
  if (vm) vm->flush_stdout();
  vm.reset();
}

uint32_t VMImpl::new_slot(Value v) {
  if (!free_slots.empty()) {
    uint32_t i = free_slots.back();
    free_slots.pop_back();
    handles->items[i] = v;
    return i;
  }
  vm::list_append(vm->heap(), handles, v);
  return static_cast<uint32_t>(handles->len - 1);
}

void VMImpl::free_slot(uint32_t i) {
  handles->items[i] = Value::none();
  free_slots.push_back(i);
}

Error VMImpl::make_error(Value exc) {
  vm::VM& V = *vm;
  vm::VM::TempRoot keep(V, exc);
  vm::Type* t = V.type_of(exc);
  std::string message;
  Value s = vm::to_str(V, exc);
  if (failed(s)) {
    V.clear_pending();
    message = "<exception str() failed>";
  } else {
    message = std::string(vm::as_str(s)->view());
  }
  std::vector<std::string> bases;
  for (size_t i = 1; i < t->mro.size(); ++i) bases.emplace_back(t->mro[i]->name->view());
  std::string tb = vm::format_exception(V, exc);
  if (V.has_pending()) V.clear_pending();
  return Error(std::string(t->name->view()), std::move(message), std::move(tb), std::move(bases));
}

void VMImpl::throw_pending() {
  Value exc = vm->take_pending();
  if (exc.is_undef()) throw Error("SystemError", "error return without exception set");
  throw make_error(exc);
}

Value VMImpl::run_source(std::string source, std::string_view filename, bool eval_mode) {
  vm::VM& V = *vm;
  vm::Module* main = V.main_module();
  if (!eval_mode) {
    if (!V.exec_module(std::move(source), filename, main)) throw_pending();
    return Value::none();
  }
  vm::ParseResult parsed;
  vm::SyntaxErrorInfo err;
  if (!vm::parse_module(std::move(source), std::string(filename), parsed, err)) {
    V.set_pending(vm::make_syntax_error(V, err));
    throw_pending();
  }
  const auto& body = parsed.module->body;
  if (body.size() != 1 || body[0]->kind != vm::ast::NodeKind::ExprStmt)
    throw Error("SyntaxError", "eval() expects exactly one expression");
  vm::Proto* proto = vm::compile_module(V, std::move(parsed), err, /*interactive=*/true);
  if (!proto) {
    V.set_pending(vm::make_syntax_error(V, err));
    throw_pending();
  }
  vm::VM::TempRoot keep_proto(V, proto);
  vm::Function* fn = V.heap().make<vm::Function>(V.types().function, vm::Kind::Function, 0);
  fn->dict = nullptr;
  fn->proto = proto;
  fn->globals = main->dict;
  fn->name = proto->name;
  fn->qualname = proto->name;
  fn->doc = Value::none();
  vm::VM::TempRoot keep_fn(V, fn);
  capturing = true;
  captured = Value::none();
  Value r = vm::call_python(V, fn, nullptr, 0, nullptr);
  capturing = false;
  if (failed(r)) throw_pending();
  Value out = captured;
  captured = Value();
  return out;
}

EntryGuard::EntryGuard(VMImpl& impl) : impl_(impl) {
  if (impl.depth++ != 0) return;
  // Under a memory cap, garbage left by the previous run must not count against this
  // one (numpy refuses buffers over the cap before any poll point could collect).
  vm::Heap& heap = impl.vm->heap();
  if (heap.limit() && impl.vm->frames().empty()) {
    uint64_t allocated = heap.stats().bytes_allocated;
    bool near_cap = heap.stats().bytes_live + heap.limit() / 4 > heap.limit();
    if (heap.collect_requested() || (near_cap && allocated != impl.allocated_at_entry))
      impl.vm->collect();
    impl.allocated_at_entry = heap.stats().bytes_allocated;
  }
  impl.stopping = false;
  impl.host_stop.store(false, std::memory_order_relaxed);
  if (!impl.watchdog) return;
  if (impl.options.time_limit.count() > 0) {
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    impl.deadline_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           now + impl.options.time_limit).count();
  }
  impl.watchdog->arm();
}

EntryGuard::~EntryGuard() {
  if (--impl_.depth != 0) return;
  impl_.vm->flush_stdout();
  if (impl_.watchdog) impl_.watchdog->disarm();
  impl_.deadline_ns = 0;
  impl_.stopping = false;
  impl_.host_stop.store(false, std::memory_order_relaxed);
}

Slot call(VMImpl& impl, Slot fn, const Slot* argv, size_t argc) {
  vm::VM& V = *impl.vm;
  EntryGuard guard(impl);
  Value f = to_value(fn);
  const Value* args = reinterpret_cast<const Value*>(argv);
  Value r;
  if (f.is_obj() && f.as_obj()->kind == vm::Kind::Function) {
    r = vm::call_python(V, static_cast<vm::Function*>(f.as_obj()), args,
                        static_cast<uint32_t>(argc), nullptr);
  } else {
    vm::VM::RootScope scope(V);  // I2
    V.root(f);
    for (size_t i = 0; i < argc; ++i) V.root(args[i]);
    r = vm::call_function(V, f, args, static_cast<uint32_t>(argc), nullptr);
  }
  if (failed(r)) impl.throw_pending();
  return to_slot_raw(r);
}

Handle make_handle(VMImpl& impl, Slot s) {
  Handle h;
  h.slot_ = impl.new_slot(to_value(s));
  h.vm_ = &impl;
  return h;
}

Slot handle_slot(const Handle& h) { return h.get(); }

VMImpl& impl_of(VM& vm) { return vm.impl(); }

}  // namespace detail

// ---------------------------------------------------------------- Handle
Handle::Handle(const Handle& o) : vm_(o.vm_) {
  if (vm_) slot_ = vm_->new_slot(vm_->slot_value(o.slot_));
}

Handle& Handle::operator=(const Handle& o) {
  if (this == &o) return *this;
  Handle copy(o);
  *this = std::move(copy);
  return *this;
}

Handle& Handle::operator=(Handle&& o) noexcept {
  if (this == &o) return *this;
  reset();
  vm_ = o.vm_;
  slot_ = o.slot_;
  o.vm_ = nullptr;
  return *this;
}

void Handle::reset() {
  if (!vm_) return;
  vm_->free_slot(slot_);  // I3
  vm_ = nullptr;
}

detail::Slot Handle::get() const {
  if (!vm_) throw Error("ValueError", "empty pyjitvm::Handle");
  return detail::to_slot_raw(vm_->slot_value(slot_));
}

bool Handle::is_none() const { return get().tag == detail::kNone; }

std::string Handle::type_name() const {
  return vm::type_name(*vm_->vm, detail::to_value(get()));
}

std::string Handle::repr() const {
  detail::EntryGuard guard(*vm_);
  std::string out;
  if (!vm::repr_append(*vm_->vm, detail::to_value(get()), out)) vm_->throw_pending();
  return out;
}

std::string Handle::str() const {
  detail::EntryGuard guard(*vm_);
  std::string out;
  if (!vm::str_append(*vm_->vm, detail::to_value(get()), out)) vm_->throw_pending();
  return out;
}

Handle Handle::attr(std::string_view name) const {
  detail::EntryGuard guard(*vm_);
  vm::VM& V = *vm_->vm;
  Value r = vm::getattr(V, detail::to_value(get()), V.intern(name));
  if (failed(r)) vm_->throw_pending();
  return detail::make_handle(*vm_, detail::to_slot_raw(r));
}

void Handle::set_attr(std::string_view name, const Handle& v) {
  detail::EntryGuard guard(*vm_);
  vm::VM& V = *vm_->vm;
  Value obj = detail::to_value(get());
  if (obj.is_obj() && obj.as_obj()->kind == vm::Kind::Module) {  // modules: no __setattr__
    vm::dict_set_str(V.heap(), vm::as_module(obj)->dict, V.intern(name),
                     detail::to_value(v.get()));
    return;
  }
  if (!vm::setattr(V, obj, V.intern(name), detail::to_value(v.get()))) vm_->throw_pending();
}

Handle Handle::item_slot(detail::Slot key) const {
  detail::EntryGuard guard(*vm_);
  vm::VM& V = *vm_->vm;
  vm::VM::TempRoot keep(V, detail::to_value(key));
  Value r = vm::getitem(V, detail::to_value(get()), detail::to_value(key));
  if (failed(r)) vm_->throw_pending();
  return detail::make_handle(*vm_, detail::to_slot_raw(r));
}

// ---------------------------------------------------------------- VM
VM::VM(Options options) : impl_(std::make_unique<detail::VMImpl>(std::move(options))) {}

VM::~VM() = default;

void VM::exec(std::string_view source, std::string_view filename) {
  detail::EntryGuard guard(*impl_);
  impl_->run_source(std::string(source), filename, false);
}

void VM::exec_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("FileNotFoundError", "[Errno 2] No such file or directory: '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  vm::VM& V = *impl_->vm;
  vm::dict_set_str(V.heap(), V.main_module()->dict, V.intern("__file__"), V.str(path));
  exec(ss.str(), path);
}

Handle VM::eval(std::string_view expr) {
  detail::EntryGuard guard(*impl_);
  Value r = impl_->run_source(std::string(expr), "<eval>", true);
  return detail::make_handle(*impl_, detail::to_slot_raw(r));
}

Handle VM::global(std::string_view name) {
  vm::VM& V = *impl_->vm;
  Value v = vm::dict_get_str(V.main_module()->dict, V.intern(name));
  if (v.is_undef()) throw Error("NameError", "name '" + std::string(name) + "' is not defined");
  return detail::make_handle(*impl_, detail::to_slot_raw(v));
}

bool VM::has_global(std::string_view name) {
  vm::VM& V = *impl_->vm;
  return !vm::dict_get_str(V.main_module()->dict, V.intern(name)).is_undef();
}

void VM::set_global_slot(std::string_view name, detail::Slot v) {
  vm::VM& V = *impl_->vm;
  vm::VM::TempRoot keep(V, detail::to_value(v));
  vm::dict_set_str(V.heap(), V.main_module()->dict, V.intern(name), detail::to_value(v));
}

void VM::interrupt() {
  impl_->host_stop.store(true, std::memory_order_relaxed);
  impl_->vm->request_interrupt();
}

void VM::collect() {
  // Only between script runs: native code up the stack may hold unrooted objects.
  if (impl_->vm->frames().empty()) impl_->vm->collect();
}

uint64_t VM::memory_in_use() const { return impl_->vm->heap().bytes_in_use(); }

}  // namespace pyjitvm
