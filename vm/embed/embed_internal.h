// vm/embed/embed_internal.h — the state behind pyjitvm::VM (pimpl) shared by vm/embed.
//
// Stage: vm/pyjitvm.h's out-of-line functions (vm/embed/*.cpp) → VMImpl → vm::VM,
// stdlib/, jit/.
//
// Invariants:
//   I1  Handles are indices into `handles` (a Python list kept as a named GC root,
//       "embed.handles"); a free index is on `free_slots` and holds None.
//   I2  Every entry from the host (exec/eval/call) goes through an EntryGuard: it arms
//       the time budget, and on the way out disarms it and clears a pending stop, so a
//       stop meant for one run never hits the next.
//   I3  HostFunction objects live in `host_fns` for the VM's lifetime; the native
//       function's `data` is an Int holding the HostFunction's address (host.cpp I3),
//       valid for as long as any script object can reach the function.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "vm/pyjitvm.h"
#include "vm/vm.h"

namespace pyjitvm::detail {

inline vm::Value to_value(Slot s) {
  vm::Value v;
  static_assert(sizeof(Slot) == sizeof(vm::Value));
  __builtin_memcpy(static_cast<void*>(&v), &s, sizeof v);
  return v;
}
inline Slot to_slot_raw(vm::Value v) {
  Slot s;
  __builtin_memcpy(static_cast<void*>(&s), &v, sizeof s);
  return s;
}

// The watchdog thread: while a host entry runs with a time limit or an interrupt
// callback, it requests an interrupt every check_interval (limits.cpp).
class Watchdog {
 public:
  Watchdog(vm::VM& vm, std::chrono::milliseconds interval);
  ~Watchdog();
  void arm();
  void disarm();

 private:
  void run();
  vm::VM& vm_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> armed_{false};
  bool quit_ = false;
  std::thread thread_;
};

struct VMImpl {
  explicit VMImpl(Options o);
  ~VMImpl();

  Options options;
  std::unique_ptr<vm::VM> vm;
  vm::List* handles = nullptr;  // I1
  std::vector<uint32_t> free_slots;
  std::vector<std::unique_ptr<HostFunction>> host_fns;  // I3
  vm::Type* budget_exceeded = nullptr;                  // pyjitvm.BudgetExceeded
  // Limits (I2): the deadline of the running entry (steady clock ns, 0: none), a stop
  // requested by VM::interrupt(), and a stop already decided (re-raised at every poll
  // until the entry returns, so a script cannot swallow it).
  int depth = 0;
  int64_t deadline_ns = 0;
  std::atomic<bool> host_stop{false};
  bool stopping = false;
  std::string stop_reason;
  std::unique_ptr<Watchdog> watchdog;
  uint64_t allocated_at_entry = 0;  // heap bytes allocated when the last entry began
  // eval(): the value of the expression, captured by the embedding's displayhook.
  bool capturing = false;
  vm::Value captured;
  vm::Value original_displayhook;

  vm::VM& v() { return *vm; }
  uint32_t new_slot(vm::Value v);
  void free_slot(uint32_t i);
  vm::Value slot_value(uint32_t i) const { return handles->items[i]; }
  // Throws pyjitvm::Error for the pending exception (and clears it).
  [[noreturn]] void throw_pending();
  Error make_error(vm::Value exc);
  vm::Value run_source(std::string source, std::string_view filename, bool eval_mode);
};

// Arms the limits for one host entry (I2).
class EntryGuard {
 public:
  explicit EntryGuard(VMImpl& impl);
  ~EntryGuard();
  EntryGuard(const EntryGuard&) = delete;
  EntryGuard& operator=(const EntryGuard&) = delete;

 private:
  VMImpl& impl_;
};

// limits.cpp
void install_limits(VMImpl& impl);
bool interrupt_handler(vm::VM& vm, void* ctx);
// sandbox.cpp
void install_sandbox(VMImpl& impl);
// host.cpp
vm::Value new_host_function(VMImpl& impl, std::string_view name,
                            std::unique_ptr<HostFunction> fn);
void install_displayhook(VMImpl& impl);
// Raises the Python exception for a C++ exception in flight (call inside catch).
void raise_from_current_exception(VMImpl& impl, const char* fname);

}  // namespace pyjitvm::detail
