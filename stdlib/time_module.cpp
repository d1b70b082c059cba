// stdlib/time_module.cpp — the time module: time, time_ns, perf_counter(_ns),
// monotonic(_ns), process_time, sleep.
//
// Stage: init_time_module() on first `import time`.
//
// Invariants:
//   I1  perf_counter/monotonic use CLOCK_MONOTONIC, time uses CLOCK_REALTIME, as
//       CPython on Linux; sleep() is interruptible by the VM's interrupt flag.
#include <time.h>

#include <cmath>

#include "stdlib/stdlib.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib {

using namespace pyjitvm::vm;

namespace {

double now(clockid_t c) {
  timespec ts;
  clock_gettime(c, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

int64_t now_ns(clockid_t c) {
  timespec ts;
  clock_gettime(c, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Value t_time(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "time", 0, 0)) return Value();
  return Value::from_float(now(CLOCK_REALTIME));
}
Value t_time_ns(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "time_ns", 0, 0)) return Value();
  return Value::from_int(now_ns(CLOCK_REALTIME));
}
Value t_perf(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "perf_counter", 0, 0)) return Value();
  return Value::from_float(now(CLOCK_MONOTONIC));
}
Value t_perf_ns(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "perf_counter_ns", 0, 0)) return Value();
  return Value::from_int(now_ns(CLOCK_MONOTONIC));
}
Value t_process(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "process_time", 0, 0)) return Value();
  return Value::from_float(now(CLOCK_PROCESS_CPUTIME_ID));
}

Value t_sleep(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "sleep", 1, 1)) return Value();
  double s;
  if (!to_double(vm, a[0], s)) return Value();
  if (s < 0) return vm.raise(vm.exc().ValueError, "sleep length must be non-negative");
  if (std::isnan(s)) return vm.raise(vm.exc().ValueError, "Invalid value NaN (not a number)");
  vm.flush_stdout();
  double end = now(CLOCK_MONOTONIC) + s;
  for (;;) {
    if (vm.interrupt_requested() && !vm.handle_interrupt()) return Value();
    double left = end - now(CLOCK_MONOTONIC);
    if (left <= 0) break;
    double step = left > 0.05 ? 0.05 : left;
    timespec ts{static_cast<time_t>(step), static_cast<long>((step - std::floor(step)) * 1e9)};
    nanosleep(&ts, nullptr);
  }
  return Value::none();
}

}  // namespace

Module* init_time_module(VM& vm) {
  Module* m = vm.new_module("time");
  static const MethodDef kFuncs[] = {
      {"time", t_time},         {"time_ns", t_time_ns},       {"perf_counter", t_perf},
      {"perf_counter_ns", t_perf_ns}, {"monotonic", t_perf},  {"monotonic_ns", t_perf_ns},
      {"process_time", t_process}, {"sleep", t_sleep},
  };
  add_functions(vm, m->dict, kFuncs);
  return m;
}

}  // namespace pyjitvm::stdlib
