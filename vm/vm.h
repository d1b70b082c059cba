// vm/vm.h — the VM instance: heap, builtin types, modules, stack, frames, exceptions.
//
// Stage: owns everything a running program needs. vm/interp executes frames on it;
// stdlib/ registers modules on it; tools/ and the embedding API drive it.
//
// Invariants:
//   I1  No global mutable state: everything lives in a VM, so several VMs can run in
//       one process (one thread per VM at a time).
//   I2  The register stack is one fixed reservation (mmap, pages committed on use),
//       so Value* pointers into it stay valid for the VM's lifetime; frames are
//       bounded by recursion_limit and by the reservation (RecursionError). Frames
//       live in a deque: pushing a frame never moves the others, so a nested
//       interpreter entry cannot invalidate an outer one's Frame pointer.
//   I3  At most one exception is pending (`pending_`); a function that returns a
//       failure status has set it, and whoever handles it takes it.
//   I4  GC roots: stack [stack_base, top of the innermost frame), frames' functions
//       and namespaces, modules, interned strings, builtin types and singletons, the
//       pending exception, the handled-exception stack and temp roots (trace_roots()).
#pragma once

#include <atomic>
#include <deque>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vm/bytecode.h"
#include "vm/dict_object.h"
#include "vm/func_object.h"
#include "vm/gc.h"
#include "vm/jit_hooks.h"
#include "vm/list_object.h"
#include "vm/misc_objects.h"
#include "vm/object.h"
#include "vm/set_object.h"
#include "vm/str_object.h"
#include "vm/syntax_error.h"
#include "vm/tuple_object.h"
#include "vm/value.h"

namespace pyjitvm::vm {

// Builtin types (filled by VM::init_types, vm/builtin_types.cpp).
struct Types {
  Type *object, *type, *none_type, *bool_, *int_, *float_, *complex, *str, *bytes;
  Type *list, *tuple, *dict, *set, *frozenset, *range, *slice;
  Type *function, *native_function, *bound_method, *cell, *code, *module;
  Type *generator, *staticmethod, *classmethod, *property, *super_;
  Type *not_implemented_type, *ellipsis_type, *traceback;
  // iterator and view types are created by their own files and kept here:
  Type *list_iter, *tuple_iter, *str_iter, *range_iter, *dict_keys, *dict_values,
      *dict_items, *dict_iter, *set_iter, *seq_iter, *callable_iter;
};

// The builtin exception hierarchy (CPython's names and parents).
struct ExcTypes {
  Type *BaseException, *Exception, *SystemExit, *KeyboardInterrupt, *GeneratorExit;
  Type *ArithmeticError, *ZeroDivisionError, *OverflowError, *FloatingPointError;
  Type *LookupError, *IndexError, *KeyError;
  Type *ValueError, *UnicodeError, *UnicodeDecodeError, *UnicodeEncodeError;
  Type *TypeError, *NameError, *UnboundLocalError, *AttributeError;
  Type *RuntimeError, *RecursionError, *NotImplementedError;
  Type *StopIteration, *StopAsyncIteration, *AssertionError;
  Type *ImportError, *ModuleNotFoundError, *EOFError, *MemoryError, *BufferError;
  Type *OSError, *FileNotFoundError, *FileExistsError, *PermissionError,
      *IsADirectoryError, *NotADirectoryError, *TimeoutError;
  Type *SyntaxError, *IndentationError, *TabError, *SystemError, *ReferenceError;
  Type *Warning, *UserWarning, *DeprecationWarning, *RuntimeWarning;
};

// Pre-interned identifiers (vm/names.def).
struct Names {
#define NAME(field, text) Str* field;
#include "vm/names.def"
#undef NAME
};

enum class FrameKind : uint8_t {
  Normal,  // result goes to the caller's register ret_reg
  Entry,   // run() returns the result to its C++ caller
  Init,    // __init__ called by a class call: result must be None; caller gets `self`
};

struct Frame {
  Function* func = nullptr;
  Proto* proto = nullptr;
  const Instr* pc = nullptr;  // next instruction (valid when this frame is not running)
  Value* base = nullptr;
  Dict* globals = nullptr;
  Dict* locals = nullptr;     // class bodies: the namespace dict
  Generator* gen = nullptr;   // running generator, if any
  uint64_t serial = 0;        // unique per activation (traceback de-duplication)
  uint32_t ret_reg = 0;       // caller register for the result (Normal/Init)
  uint32_t exc_base = 0;      // handled-exception stack depth at entry
  FrameKind kind = FrameKind::Normal;
  // When a generator frame was entered from FORITER: where the caller continues once
  // the generator is exhausted (nullptr otherwise).
  const Instr* exhausted_pc = nullptr;
  Value init_self;            // FrameKind::Init: the instance being initialised
};

struct VMOptions {
  int recursion_limit = 1000;
  size_t stack_values = 1u << 21;  // register stack reservation (32 MiB of Values)
  bool gc_stress = false;          // collect at every safepoint (PYJ_GC_STRESS=1)
};

class VM {
 public:
  explicit VM(const VMOptions& options = {});
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  Heap& heap() { return heap_; }
  const Types& types() const { return types_; }
  Types& types_for_init() { return types_; }  // only for type initialisation
  const ExcTypes& exc() const { return exc_; }
  const Names& names() const { return names_; }
  Type* type_of(const Value& v) const {
    switch (v.tag) {
      case Tag::Obj: return v.u.o->type;
      case Tag::Int: return types_.int_;
      case Tag::Float: return types_.float_;
      case Tag::Bool: return types_.bool_;
      default: return types_.none_type;
    }
  }

  // ---- singletons and constructors
  Value not_implemented() const { return not_implemented_; }
  Value ellipsis() const { return ellipsis_; }
  Tuple* empty_tuple() const { return empty_tuple_; }
  Str* intern(std::string_view s);
  Str* new_str(std::string_view s);          // not interned (1-char ASCII: cached)
  Value str(std::string_view s) { return Value::from_obj(new_str(s)); }
  Tuple* new_tuple(size_t n);                // items None
  Tuple* tuple_of(std::initializer_list<Value> items);
  List* new_list(size_t n = 0);              // n items, None
  Dict* new_dict();
  Set* new_set(Type* type = nullptr);        // set (or frozenset type)
  Cell* new_cell(Value v);
  Value new_float(double d) { return Value::from_float(d); }
  Value new_complex(double re, double im);
  Value new_range(int64_t start, int64_t stop, int64_t step);
  Value new_slice(Value start, Value stop, Value step);
  NativeFunction* new_native(std::string_view name, NativeFn fn, Value data = Value());
  Value new_bound_method(Value func, Value self);
  Module* new_module(std::string_view name);
  Type* new_type(std::string_view name, Type* base, Kind instance_kind, uint32_t flags);

  // ---- exceptions (I3). raise* return Undef so callers can `return vm.raise(...)`.
  Value raise(Type* type, std::string_view msg);
  Value raise_fmt(Type* type, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
  Value raise_value(Value exc);              // exc: an instance or a class
  Value raise_with_args(Type* type, Value arg);  // e.g. KeyError(key), StopIteration(v)
  bool has_pending() const { return !pending_.is_undef(); }
  // True while the innermost Python frame runs code compiled with `flag` set in its
  // proto_flags (e.g. kProtoNumba: stdlib code called from njit functions follows
  // Numba's semantics and error wording).
  bool in_frame_flagged(uint32_t flag) const;
  Value pending() const { return pending_; }
  Value take_pending() {
    Value v = pending_;
    pending_ = Value();
    return v;
  }
  void clear_pending() { pending_ = Value(); }
  void set_pending(Value exc) { pending_ = exc; }
  bool pending_matches(Type* type) const;
  Value new_exception(Type* type, std::string_view msg);
  Value new_exception_args(Type* type, Tuple* args);
  std::vector<Value>& handled_exceptions() { return handled_; }

  // ---- calling (may run Python code; see gc.h about rooting)
  Value call(Value callable, const CallArgs& args);
  Value call(Value callable, std::initializer_list<Value> args);
  Value call_method(Value obj, Str* name, std::initializer_list<Value> args);

  // ---- execution
  // Compiles and runs `source` as module `module_name` (its globals are returned in
  // `module`). Returns false with the exception pending on failure.
  bool exec_module(std::string source, std::string_view filename, Module* module);
  // The same for REPL input: the value of every expression statement is echoed
  // (repr, unless None) and bound to builtins._.
  bool exec_interactive(std::string source, std::string_view filename, Module* module);
  Value run_frame(size_t entry_depth);  // interpreter entry (vm/interp.cpp)
  // The next run_frame() starts by raising the pending exception in its top frame
  // (generator.throw()).
  void set_resume_with_exception() { resume_with_exception_ = true; }
  Module* main_module() const { return main_module_; }
  Module* builtins() const { return builtins_; }
  Dict* modules() const { return modules_; }
  void register_module(Module* m);
  // Native module initialisers, looked up by import (stdlib/ registers them).
  using ModuleInit = Module* (*)(VM& vm);
  void register_native_module(std::string_view name, ModuleInit init);
  Value import_module(Str* name);  // vm/import.cpp
  std::vector<std::string>& module_path() { return path_; }
  std::vector<std::string>& argv() { return argv_; }

  // ---- frames and stack
  std::deque<Frame>& frames() { return frames_; }
  Value* stack_top() const;
  Value* stack_limit() const { return stack_limit_; }
  int recursion_limit() const { return options_.recursion_limit; }
  void set_recursion_limit(int n) { options_.recursion_limit = n; }
  uint64_t next_frame_serial() { return ++frame_serial_; }
  // Native code calling back into Python nests on the C stack; before each nested
  // interpreter entry this checks that enough C stack is left (RecursionError
  // otherwise, never a crash).
  bool c_stack_ok();

  // ---- GC
  void maybe_collect() {
    if (heap_.collect_requested()) collect();
  }
  void collect();
  // Roots `v` until the innermost native call in progress returns (every native
  // function runs inside a RootScope set up by call_function); returns v.
  Value root(Value v) {
    temp_roots_.push_back(v);
    return v;
  }
  class RootScope {
   public:
    explicit RootScope(VM& vm) : vm_(vm), mark_(vm.temp_roots_.size()) {}
    ~RootScope() { vm_.temp_roots_.resize(mark_); }
    RootScope(const RootScope&) = delete;
    RootScope& operator=(const RootScope&) = delete;

   private:
    VM& vm_;
    size_t mark_;
  };
  // A std::vector<Value> that the GC scans while it exists (strictly scoped: LIFO).
  // Use it to accumulate values from an iteration that may run Python code.
  class RootedValues {
   public:
    explicit RootedValues(VM& vm) : vm_(vm), prev_(vm.rooted_values_) { vm.rooted_values_ = this; }
    ~RootedValues() { vm_.rooted_values_ = prev_; }
    RootedValues(const RootedValues&) = delete;
    RootedValues& operator=(const RootedValues&) = delete;
    std::vector<Value> v;

   private:
    friend class VM;
    VM& vm_;
    RootedValues* prev_;
  };
  // Roots a value for the lifetime of the guard (LIFO).
  class TempRoot {
   public:
    TempRoot(VM& vm, Value v) : vm_(vm), index_(vm.temp_roots_.size()) {
      vm_.temp_roots_.push_back(v);
    }
    TempRoot(VM& vm, Object* o) : TempRoot(vm, Value::from_obj(o)) {}
    ~TempRoot() { vm_.temp_roots_.resize(index_); }
    TempRoot(const TempRoot&) = delete;
    TempRoot& operator=(const TempRoot&) = delete;
    void set(Value v) { vm_.temp_roots_[index_] = v; }

   private:
    VM& vm_;
    size_t index_;
  };

  // ---- interrupts (Ctrl-C, embedder budgets, the memory cap); polled at back-edges
  // and calls. request_interrupt() may be called from any thread.
  void request_interrupt() {
    user_interrupt_.store(true, std::memory_order_relaxed);
    interrupt_.store(true, std::memory_order_relaxed);
  }
  bool interrupt_requested() const { return interrupt_.load(std::memory_order_relaxed); }
  // At a poll point with the flag set: clears it; a heap over its memory cap is
  // collected and MemoryError raised if still over (gc.h I6); a requested interrupt
  // goes to the interrupt handler, or raises KeyboardInterrupt when there is none.
  // Returns true to go on running, false with an exception pending.
  bool handle_interrupt();
  // Embedders (vm/embed): decides what a requested interrupt means (a time budget, a
  // host callback ...). Runs on the VM's thread; same return convention.
  using InterruptHandler = bool (*)(VM& vm, void* ctx);
  void set_interrupt_handler(InterruptHandler h, void* ctx) {
    interrupt_handler_ = h;
    interrupt_ctx_ = ctx;
  }
  // Memory cap for heap objects and the buffers they own (0: none; gc.h I6).
  void set_memory_limit(uint64_t bytes) { heap_.set_limit(bytes, &interrupt_); }

  // ---- import policy (embedding sandbox)
  // `import name` (and name.*) raises ImportError "import of 'name' is disabled".
  void deny_import(std::string_view top_level_name, std::string_view why);
  // Called after each native module initialiser ran (the sandbox edits modules);
  // returns false with an exception pending to fail the import.
  using ModuleHook = bool (*)(VM& vm, Module* m, void* ctx);
  void set_module_hook(ModuleHook h, void* ctx) {
    module_hook_ = h;
    module_hook_ctx_ = ctx;
  }

  // ---- JIT (vm/jit_hooks.h): attached by jit::attach(); null runs interpreter only
  void set_jit(std::unique_ptr<JitHooks> jit);
  JitHooks* jit() const { return jit_.get(); }
  // Interpreter side of hot-loop detection: counts one back-edge of the loop at
  // loop_pc (hashed per-VM counters, as LuaJIT); true when the loop just got hot.
  bool count_hot(const Instr* loop_pc, const Proto* p) {
    uint16_t& c = hot_counts_[(reinterpret_cast<uintptr_t>(loop_pc) >> 3) & (kHotSlots - 1)];
    if (c > 1) {
      --c;
      return false;
    }
    c = (p->proto_flags & kProtoNumba) ? jit_->threshold_numba : jit_->threshold_plain;
    return true;
  }
  // Sets the back-edge count until loop_pc is hot again (the JIT's backoff after an
  // aborted recording; it breaks phase locks with the loop's trip count).
  void set_hot_count(const Instr* loop_pc, uint16_t n) {
    hot_counts_[(reinterpret_cast<uintptr_t>(loop_pc) >> 3) & (kHotSlots - 1)] = n;
  }
  // The address of the interrupt flag, for compiled code that polls it.
  const std::atomic<bool>* interrupt_flag() const { return &interrupt_; }

  // ---- output: sys.stdout / sys.stderr writes (buffered stdout)
  void write_stdout(std::string_view s);
  void write_stderr(std::string_view s);
  void flush_stdout();
  // Line-buffer stdout (a terminal, the REPL); otherwise it is flushed in 8 KiB blocks,
  // at exit, and before anything is written to stderr or read from stdin.
  void set_interactive_stdout(bool on) { interactive_stdout_ = on; }
  // Embedders: stdout/stderr text goes to sink(ctx, fd, text) instead of fds 1 and 2.
  using OutputSink = void (*)(void* ctx, int fd, std::string_view text);
  void set_output_sink(OutputSink sink, void* ctx) {
    output_sink_ = sink;
    output_ctx_ = ctx;
  }

  // ---- per-VM state of stdlib modules (their types, default instances ...): named
  // GC roots, so that stdlib keeps no global state.
  Value get_ext(std::string_view key) const {
    auto it = ext_.find(std::string(key));
    return it == ext_.end() ? Value() : it->second;
  }
  void set_ext(std::string_view key, Value v) { ext_[std::string(key)] = v; }
  // The same for state read on hot paths (numpy's types, the numba registry): numbered
  // slots, one load each. stdlib/ext_slots.h assigns the numbers.
  static constexpr size_t kExtSlots = 8;
  Object* ext_slot(size_t i) const { return ext_slots_[i]; }
  void set_ext_slot(size_t i, Object* o) { ext_slots_[i] = o; }

  // ---- misc state used by builtins
  int64_t next_id(Object* o);  // id(): stable per object (address based)
  // Recursive repr guard (CPython's Py_ReprEnter): false when `o` is already being
  // printed further up, in which case the caller prints "[...]"/"{...}".
  bool repr_enter(Object* o) {
    for (Object* x : repr_stack_)
      if (x == o) return false;
    repr_stack_.push_back(o);
    return true;
  }
  void repr_leave(Object* o) {
    if (!repr_stack_.empty() && repr_stack_.back() == o) repr_stack_.pop_back();
  }

 private:
  friend class TempRoot;
  bool exec_source(std::string source, std::string_view filename, Module* module,
                   bool interactive);
  void init_types();        // vm/builtin_types.cpp
  void init_exceptions();   // vm/exceptions.cpp
  void init_slot_wrappers();  // vm/builtin_types.cpp
  void trace_roots(GcTracer& t);

  VMOptions options_;
  Heap heap_;
  Types types_{};
  ExcTypes exc_{};
  Names names_{};
  std::unordered_map<std::string_view, Str*> interned_;
  Str* small_strs_[128] = {};
  Value not_implemented_, ellipsis_, none_obj_;
  Tuple* empty_tuple_ = nullptr;
  Module* builtins_ = nullptr;
  Module* main_module_ = nullptr;
  Dict* modules_ = nullptr;  // sys.modules
  std::unordered_map<std::string, ModuleInit> native_modules_;
  std::vector<std::string> path_;
  std::vector<std::string> argv_;

  Value* stack_base_ = nullptr;
  Value* stack_limit_ = nullptr;
  size_t stack_bytes_ = 0;
  std::deque<Frame> frames_;
  uint64_t frame_serial_ = 0;
  uintptr_t c_stack_limit_ = 0;     // lowest safe stack address for c_stack_thread_
  unsigned long c_stack_thread_ = 0;

  Value pending_;
  std::vector<Value> handled_;     // handled-exception stack (sys.exc_info())
  std::vector<Value> temp_roots_;
  RootedValues* rooted_values_ = nullptr;
  std::atomic<bool> interrupt_{false};
  std::atomic<bool> user_interrupt_{false};  // request_interrupt() (not the memory cap)
  InterruptHandler interrupt_handler_ = nullptr;
  void* interrupt_ctx_ = nullptr;
  ModuleHook module_hook_ = nullptr;
  void* module_hook_ctx_ = nullptr;
  std::unordered_map<std::string, std::string> denied_imports_;  // name -> reason
  OutputSink output_sink_ = nullptr;
  void* output_ctx_ = nullptr;
  std::string stdout_buf_;
  bool interactive_stdout_ = false;
  std::vector<Object*> repr_stack_;
  std::unordered_map<std::string, Value> ext_;
  Object* ext_slots_[kExtSlots] = {};
  bool resume_with_exception_ = false;
  static constexpr size_t kHotSlots = 64;
  uint16_t hot_counts_[kHotSlots] = {};
  std::unique_ptr<JitHooks> jit_;  // last member: destroyed first (it may refer to the VM)
};

}  // namespace pyjitvm::vm
