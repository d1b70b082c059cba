// vm/vm.cpp — VM construction, allocation helpers, exceptions, GC roots, output.
//
// Stage: the VM object itself (vm/vm.h). Types are created in vm/builtin_types.cpp
// and vm/exceptions.cpp; the interpreter lives in vm/interp.cpp.
//
// Invariants: vm.h I1–I4. trace_roots() is the single list of GC roots.
#include "vm/vm.h"

#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "vm/ops.h"

namespace pyjitvm::vm {

VM::VM(const VMOptions& options) : options_(options) {
  if (const char* s = std::getenv("PYJ_GC_STRESS"); s && *s == '1') options_.gc_stress = true;
  stack_bytes_ = options_.stack_values * sizeof(Value);
  void* mem = mmap(nullptr, stack_bytes_, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) std::abort();
  stack_base_ = static_cast<Value*>(mem);
  stack_limit_ = stack_base_ + options_.stack_values;
  init_types();
  init_exceptions();
  init_slot_wrappers();
  modules_ = new_dict();
  builtins_ = new_module("builtins");
  register_module(builtins_);
  main_module_ = new_module("__main__");
  heap_.set_stress(options_.gc_stress);
}

VM::~VM() {
  flush_stdout();
  munmap(stack_base_, stack_bytes_);
}

// ------------------------------------------------------------------ strings
Str* VM::intern(std::string_view s) {
  auto it = interned_.find(s);
  if (it != interned_.end()) return it->second;
  Str* str = heap_.make<Str>(types_.str, Kind::Str, s.size() + 1);
  std::memcpy(str->data(), s.data(), s.size());
  str->data()[s.size()] = '\0';
  str->nbytes = s.size();
  str->nchars = utf8_length(s);
  str->flags |= kStrInterned;
  interned_.emplace(str->view(), str);
  return str;
}

Str* VM::new_str(std::string_view s) {
  if (s.size() == 1 && static_cast<unsigned char>(s[0]) < 128) {
    Str*& cached = small_strs_[static_cast<unsigned char>(s[0])];
    if (!cached) cached = intern(s);
    return cached;
  }
  if (s.empty()) return intern(s);
  Str* str = heap_.make<Str>(types_.str, Kind::Str, s.size() + 1);
  std::memcpy(str->data(), s.data(), s.size());
  str->data()[s.size()] = '\0';
  str->nbytes = s.size();
  str->nchars = utf8_length(s);
  return str;
}

// ------------------------------------------------------------------ constructors
Tuple* VM::new_tuple(size_t n) {
  if (n == 0 && empty_tuple_) return empty_tuple_;
  Tuple* t = heap_.make<Tuple>(types_.tuple, Kind::Tuple, n * sizeof(Value));
  t->len = n;
  for (size_t i = 0; i < n; ++i) t->items()[i] = Value::none();
  return t;
}

Tuple* VM::tuple_of(std::initializer_list<Value> items) {
  Tuple* t = new_tuple(items.size());
  size_t i = 0;
  for (const Value& v : items) t->items()[i++] = v;
  return t;
}

List* VM::new_list(size_t n) {
  List* l = heap_.make<List>(types_.list, Kind::List, 0);
  if (n) list_resize(heap_, l, n);
  return l;
}

Dict* VM::new_dict() { return heap_.make<Dict>(types_.dict, Kind::Dict, 0); }

Set* VM::new_set(Type* type) {
  if (!type) type = types_.set;
  Kind k = type->instance_kind == Kind::FrozenSet ? Kind::FrozenSet : Kind::Set;
  return heap_.make<Set>(type, k, 0);
}

Cell* VM::new_cell(Value v) {
  Cell* c = heap_.make<Cell>(types_.cell, Kind::Cell, 0);
  c->value = v;
  return c;
}

Value VM::new_complex(double re, double im) {
  ComplexObj* c = heap_.make<ComplexObj>(types_.complex, Kind::Complex, 0);
  c->re = re;
  c->im = im;
  return Value::from_obj(c);
}

Value VM::new_range(int64_t start, int64_t stop, int64_t step) {
  Range* r = heap_.make<Range>(types_.range, Kind::Range, 0);
  r->start = start;
  r->stop = stop;
  r->step = step;
  if (step > 0)
    r->length = start < stop ? (int64_t)(((__int128)stop - start - 1) / step + 1) : 0;
  else
    r->length = start > stop ? (int64_t)(((__int128)start - stop - 1) / (-(__int128)step) + 1) : 0;
  return Value::from_obj(r);
}

Value VM::new_slice(Value start, Value stop, Value step) {
  Slice* s = heap_.make<Slice>(types_.slice, Kind::Slice, 0);
  s->start = start;
  s->stop = stop;
  s->step = step;
  return Value::from_obj(s);
}

NativeFunction* VM::new_native(std::string_view name, NativeFn fn, Value data) {
  NativeFunction* f = heap_.make<NativeFunction>(types_.native_function, Kind::NativeFunction, 0);
  f->fn = fn;
  f->name = intern(name);
  f->data = data;
  return f;
}

Value VM::new_bound_method(Value func, Value self) {
  BoundMethod* b = heap_.make<BoundMethod>(types_.bound_method, Kind::BoundMethod, 0);
  b->func = func;
  b->self = self;
  return Value::from_obj(b);
}

Module* VM::new_module(std::string_view name) {
  Module* m = heap_.make<Module>(types_.module, Kind::Module, 0);
  m->name = intern(name);
  m->dict = new_dict();
  dict_set_str(heap_, m->dict, intern("__name__"), Value::from_obj(m->name));
  return m;
}

void VM::register_module(Module* m) {
  dict_set_str(heap_, modules_, m->name, Value::from_obj(m));
}

void VM::register_native_module(std::string_view name, ModuleInit init) {
  native_modules_[std::string(name)] = init;
}

// ------------------------------------------------------------------ exceptions
Value VM::new_exception_args(Type* type, Tuple* args) {
  ExceptionObj* e = heap_.make<ExceptionObj>(type, Kind::Exception, 0);
  e->dict = nullptr;
  e->args = Value::from_obj(args);
  e->cause = Value::none();
  e->context = Value::none();
  e->traceback = Value::none();
  return Value::from_obj(e);
}

Value VM::new_exception(Type* type, std::string_view msg) {
  Value s = str(msg);
  return new_exception_args(type, tuple_of({s}));
}

Value VM::raise(Type* type, std::string_view msg) {
  pending_ = new_exception(type, msg);
  return Value();
}

Value VM::raise_fmt(Type* type, const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return raise(type, buf);
}

Value VM::raise_with_args(Type* type, Value arg) {
  pending_ = new_exception_args(type, tuple_of({arg}));
  return Value();
}

Value VM::raise_value(Value exc) {
  if (exc.is_obj() && exc.as_obj()->kind == Kind::Type &&
      (as_type(exc)->type_flags & kTypeException)) {
    Value inst = call(exc, {});
    if (failed(inst)) return inst;
    exc = inst;
  }
  if (!(exc.is_obj() && exc.as_obj()->kind == Kind::Exception))
    return raise(exc_.TypeError, "exceptions must derive from BaseException");
  pending_ = exc;
  return Value();
}

bool VM::pending_matches(Type* type) const {
  if (pending_.is_undef()) return false;
  return pending_.as_obj()->type->is_subtype_of(type);
}

void VM::set_jit(std::unique_ptr<JitHooks> jit) {
  jit_ = std::move(jit);
  if (jit_)
    for (uint16_t& c : hot_counts_) c = std::min(jit_->threshold_plain, jit_->threshold_numba);
}

bool VM::handle_interrupt() {
  interrupt_.store(false, std::memory_order_relaxed);
  if (heap_.take_limit_signal()) {  // gc.h I6
    collect();
    if (heap_.over_limit()) {
      raise(exc_.MemoryError, "memory limit exceeded");
      return false;
    }
  }
  if (!user_interrupt_.exchange(false, std::memory_order_relaxed)) return true;
  if (interrupt_handler_) return interrupt_handler_(*this, interrupt_ctx_);
  raise(exc_.KeyboardInterrupt, "");
  as_exception(pending_)->args = Value::from_obj(empty_tuple_);
  return false;
}

void VM::deny_import(std::string_view top_level_name, std::string_view why) {
  denied_imports_[std::string(top_level_name)] = std::string(why);
}

// ------------------------------------------------------------------ calling
bool VM::in_frame_flagged(uint32_t flag) const {
  return !frames_.empty() && frames_.back().proto && (frames_.back().proto->proto_flags & flag);
}

Value VM::call(Value callable, const CallArgs& args) {
  return call_function(*this, callable, args.argv, args.argc, args.kwnames);
}

Value VM::call(Value callable, std::initializer_list<Value> args) {
  return call_function(*this, callable, args.begin(), static_cast<uint32_t>(args.size()));
}

Value VM::call_method(Value obj, Str* name, std::initializer_list<Value> args) {
  Value m = getattr(*this, obj, name);
  if (failed(m)) return m;
  TempRoot root(*this, m);
  return call(m, args);
}

bool VM::c_stack_ok() {
  char probe;
  uintptr_t sp = reinterpret_cast<uintptr_t>(&probe);
  unsigned long self = static_cast<unsigned long>(pthread_self());
  if (self != c_stack_thread_ || c_stack_limit_ == 0) {
    pthread_attr_t attr;
    void* addr = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      pthread_attr_getstack(&attr, &addr, &size);
      pthread_attr_destroy(&attr);
    }
    uintptr_t low = reinterpret_cast<uintptr_t>(addr);
    // keep a margin for native code running between checks (formatting, libc ...)
    size_t margin = size / 8 > (256u << 10) ? size / 8 : (256u << 10);
    c_stack_limit_ = low ? low + margin : sp - (1u << 20);
    c_stack_thread_ = self;
  }
  if (sp >= c_stack_limit_) return true;
  raise(exc_.RecursionError, "maximum recursion depth exceeded");
  return false;
}

Value* VM::stack_top() const {
  if (frames_.empty()) return stack_base_;
  const Frame& f = frames_.back();
  return f.base + f.proto->nregs;
}

// ------------------------------------------------------------------ GC
void VM::trace_roots(GcTracer& t) {
  t.mark_range(stack_base_, stack_top());
  for (const Frame& f : frames_) {
    t.mark(f.func);
    t.mark(f.proto);
    t.mark(f.globals);
    t.mark(f.locals);
    t.mark(f.gen);
    t.mark(f.init_self);
  }
  for (auto& [name, s] : interned_) t.mark(s);
  t.mark(not_implemented_);
  t.mark(ellipsis_);
  t.mark(none_obj_);
  t.mark(empty_tuple_);
  t.mark(builtins_);
  t.mark(main_module_);
  t.mark(modules_);
  t.mark(pending_);
  for (const Value& v : handled_) t.mark(v);
  for (const Value& v : temp_roots_) t.mark(v);
  for (RootedValues* r = rooted_values_; r; r = r->prev_)
    for (const Value& v : r->v) t.mark(v);
  for (const auto& [k, v] : ext_) t.mark(v);
  for (Object* o : ext_slots_) t.mark(o);
  Type* const* types = reinterpret_cast<Type* const*>(&types_);
  for (size_t i = 0; i < sizeof(Types) / sizeof(Type*); ++i) t.mark(types[i]);
  Str* const* names = reinterpret_cast<Str* const*>(&names_);
  for (size_t i = 0; i < sizeof(Names) / sizeof(Str*); ++i) t.mark(names[i]);
  Type* const* excs = reinterpret_cast<Type* const*>(&exc_);
  for (size_t i = 0; i < sizeof(ExcTypes) / sizeof(Type*); ++i) t.mark(excs[i]);
}

void VM::collect() {
  heap_.collect([this](GcTracer& t) { trace_roots(t); });
}

int64_t VM::next_id(Object* o) { return static_cast<int64_t>(reinterpret_cast<uintptr_t>(o)); }

// ------------------------------------------------------------------ output
void VM::write_stdout(std::string_view s) {
  stdout_buf_.append(s);
  if (stdout_buf_.size() >= 8192 || (interactive_stdout_ && s.find('\n') != std::string_view::npos))
    flush_stdout();
}

void VM::flush_stdout() {
  if (output_sink_) {
    if (!stdout_buf_.empty()) output_sink_(output_ctx_, 1, stdout_buf_);
    stdout_buf_.clear();
    return;
  }
  size_t off = 0;
  while (off < stdout_buf_.size()) {
    ssize_t n = ::write(1, stdout_buf_.data() + off, stdout_buf_.size() - off);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
  stdout_buf_.clear();
}

void VM::write_stderr(std::string_view s) {
  flush_stdout();
  if (output_sink_) {
    output_sink_(output_ctx_, 2, s);
    return;
  }
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::write(2, s.data() + off, s.size() - off);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
}

}  // namespace pyjitvm::vm
