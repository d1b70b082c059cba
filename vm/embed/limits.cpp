// vm/embed/limits.cpp — stopping runaway scripts: time budget, host interrupt, interrupt
// callback, memory cap.
//
// Stage: Options → install_limits() → (watchdog thread | VM::interrupt()) sets the VM's
// interrupt flag → the interpreter's poll points and JIT traces' back-edges see it →
// VM::handle_interrupt() → interrupt_handler() decides and raises the StopError.
//
// Invariants:
//   I1  The watchdog never touches VM state except the interrupt flag (atomic): every
//       decision runs on the VM's thread in interrupt_handler().
//   I2  Once a stop is decided it is raised again at every later poll point until the
//       host entry returns (embed_internal.h I2), so `except BaseException: pass` in a
//       loop cannot keep a stopped script running.
//   I3  The memory cap is vm::Heap's (gc.h I6): MemoryError at the next poll point once
//       a collection cannot bring the heap under the cap; numpy buffers over the cap
//       fail at allocation.
#include "vm/builtin_types.h"
#include "vm/embed/embed_internal.h"

namespace pyjitvm::detail {

using vm::Value;

// ---------------------------------------------------------------- Watchdog
Watchdog::Watchdog(vm::VM& vm, std::chrono::milliseconds interval)
    : vm_(vm), interval_(interval) {
  thread_ = std::thread([this] { run(); });
}

Watchdog::~Watchdog() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    quit_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Watchdog::arm() { armed_.store(true, std::memory_order_relaxed); }

void Watchdog::disarm() { armed_.store(false, std::memory_order_relaxed); }

void Watchdog::run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!quit_) {
    cv_.wait_for(lock, interval_);
    if (!quit_ && armed_.load(std::memory_order_relaxed)) vm_.request_interrupt();  // I1
  }
}

// ---------------------------------------------------------------- the decision
namespace {

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

bool interrupt_handler(vm::VM& V, void* ctx) {
  VMImpl& impl = *static_cast<VMImpl*>(ctx);
  if (!impl.stopping) {
    if (impl.host_stop.load(std::memory_order_relaxed)) {
      impl.stop_reason = "interrupted by the host";
    } else if (impl.deadline_ns && now_ns() >= impl.deadline_ns) {
      impl.stop_reason = "time limit of " + std::to_string(impl.options.time_limit.count()) +
                         " ms exceeded";
    } else if (impl.options.interrupt_callback && impl.depth > 0) {
      bool stop;
      try {
        stop = impl.options.interrupt_callback();
      } catch (...) {
        stop = true;
      }
      if (!stop) return true;
      impl.stop_reason = "stopped by the interrupt callback";
    } else {
      return true;  // a watchdog tick with nothing to do
    }
    impl.stopping = true;
  }
  V.request_interrupt();  // I2: raise again at the next poll point
  switch (impl.options.stop_error) {
    case StopError::kTimeoutError:
      V.raise(V.exc().TimeoutError, impl.stop_reason);
      break;
    case StopError::kKeyboardInterrupt:
      V.raise(V.exc().KeyboardInterrupt, impl.stop_reason);
      break;
    default:
      V.raise(impl.budget_exceeded, impl.stop_reason);
      break;
  }
  return false;
}

void install_limits(VMImpl& impl) {
  vm::VM& V = *impl.vm;
  // pyjitvm.BudgetExceeded(BaseException), also importable as `pyjitvm` by scripts.
  vm::Type* t = vm::make_builtin_type(V, "BudgetExceeded", V.exc().BaseException,
                                      vm::Kind::Exception,
                                      vm::kTypeBaseType | vm::kTypeException | vm::kTypeHasDict);
  t->module_name = V.intern("pyjitvm");
  impl.budget_exceeded = t;
  V.set_ext("embed.BudgetExceeded", Value::from_obj(t));
  vm::Module* m = V.new_module("pyjitvm");
  vm::dict_set_str(V.heap(), m->dict, V.intern("BudgetExceeded"), Value::from_obj(t));
  V.register_module(m);

  V.set_interrupt_handler(interrupt_handler, &impl);
  if (impl.options.memory_limit) V.set_memory_limit(impl.options.memory_limit);  // I3
  if (impl.options.time_limit.count() > 0 || impl.options.interrupt_callback) {
    auto interval = impl.options.check_interval;
    if (impl.options.time_limit.count() > 0 && impl.options.time_limit < interval)
      interval = impl.options.time_limit;
    if (interval.count() <= 0) interval = std::chrono::milliseconds(1);
    impl.watchdog = std::make_unique<Watchdog>(V, interval);
  }
}

}  // namespace pyjitvm::detail
