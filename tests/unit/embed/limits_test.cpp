// tests/unit/embed/limits_test.cpp — stopping scripts (time budget inside JIT-compiled
// loops, host interrupt from another thread, interrupt callback), the memory cap, and
// the sandbox's escape routes.
//
// Stage: GoogleTest over <pyjitvm/pyjitvm.h>.
//
// Invariants:
//   I1  Every stop is a pyjitvm::Error the host catches; the VM stays usable after it.
#include <gtest/gtest.h>

#include <pyjitvm/pyjitvm.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace {

using namespace std::chrono_literals;

std::string error_type(pyjitvm::VM& vm, const std::string& src) {
  try {
    vm.exec(src);
  } catch (const pyjitvm::Error& e) {
    return e.type() + ": " + e.message();
  }
  return "";
}

const char* kHotLoop =
    "def spin():\n"
    "    s = 0\n"
    "    for i in range(10**15):\n"
    "        s += i & 7\n"
    "    return s\n";

TEST(EmbedLimits, TimeBudgetStopsHotJitLoop) {
  pyjitvm::Options o;
  o.time_limit = 200ms;
  pyjitvm::VM vm(o);
  vm.exec(kHotLoop);
  auto t0 = std::chrono::steady_clock::now();
  try {
    vm.call("spin");
    FAIL() << "not stopped";
  } catch (const pyjitvm::Error& e) {
    EXPECT_EQ(e.type(), "BudgetExceeded");
    EXPECT_TRUE(e.is("BaseException"));
    EXPECT_NE(e.message().find("time limit"), std::string::npos);
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - t0).count();
  EXPECT_GE(ms, 190);
  EXPECT_LT(ms, 2000);
  // a new entry gets a new budget
  EXPECT_EQ(vm.eval<int>("1 + 2"), 3);
  // a script cannot swallow the stop
  std::string r = error_type(vm,
                             "while True:\n"
                             "    try:\n"
                             "        spin()\n"
                             "    except BaseException:\n"
                             "        pass\n");
  EXPECT_EQ(r.rfind("BudgetExceeded", 0), 0u) << r;
}

TEST(EmbedLimits, TimeBudgetStopsInterpretedLoopAsTimeoutError) {
  pyjitvm::Options o;
  o.time_limit = 100ms;
  o.jit = false;
  o.stop_error = pyjitvm::StopError::kTimeoutError;
  pyjitvm::VM vm(o);
  std::string r = error_type(vm, "x = 0\nwhile True:\n    x += 1\n");
  EXPECT_EQ(r.rfind("TimeoutError", 0), 0u) << r;
}

TEST(EmbedLimits, HostInterruptFromAnotherThread) {
  pyjitvm::VM vm;
  vm.exec(kHotLoop);
  std::thread stopper([&vm] {
    std::this_thread::sleep_for(100ms);
    vm.interrupt();
  });
  std::string r = error_type(vm, "spin()");
  stopper.join();
  EXPECT_EQ(r, "BudgetExceeded: interrupted by the host");
  EXPECT_EQ(vm.eval<int>("2 * 21"), 42);
}

TEST(EmbedLimits, InterruptCallback) {
  std::atomic<int> polls{0};
  pyjitvm::Options o;
  o.check_interval = 5ms;
  o.interrupt_callback = [&polls] { return ++polls >= 10; };
  o.stop_error = pyjitvm::StopError::kKeyboardInterrupt;
  pyjitvm::VM vm(o);
  vm.exec(kHotLoop);
  std::string r = error_type(vm, "spin()");
  EXPECT_EQ(r, "KeyboardInterrupt: stopped by the interrupt callback");
  EXPECT_GE(polls.load(), 10);
}

TEST(EmbedLimits, MemoryCap) {
  pyjitvm::Options o;
  o.memory_limit = 64u << 20;
  pyjitvm::VM vm(o);
  // one big array: fails at allocation, as NumPy's MemoryError
  std::string r = error_type(vm, "import numpy as np\na = np.zeros(10**8)\n");
  EXPECT_EQ(r.rfind("MemoryError: Unable to allocate", 0), 0u) << r;
  // many small objects: stopped at a poll point once a collection cannot help
  r = error_type(vm, "keep = []\nwhile True:\n    keep.append([0] * 1000)\n");
  EXPECT_EQ(r, "MemoryError: memory limit exceeded");
  // garbage alone never trips the cap
  // (memory a script drops is reclaimed at the next poll point or host entry)
  vm.exec("keep = None\n");
  vm.exec("for i in range(2000):\n    t = np.ones(100000)\n");
  vm.exec("def churn():\n    for i in range(2000):\n        t = np.ones(100000)\nchurn()\n");
  EXPECT_LT(vm.memory_in_use(), 64u << 20);
  EXPECT_EQ(vm.eval<int>("len([1, 2])"), 2);
}

// ---------------------------------------------------------------- sandbox
pyjitvm::Options sandboxed(const std::string& dir) {
  pyjitvm::Options o;
  o.sandbox = true;
  o.module_path = {dir};
  return o;
}

TEST(EmbedSandbox, EscapesAreClosed) {
  std::string dir = ::testing::TempDir();
  FILE* f = std::fopen((dir + "/sandbox_mod.py").c_str(), "w");
  ASSERT_TRUE(f);
  std::fputs("X = 1\n", f);
  std::fclose(f);
  // without the sandbox the module imports
  pyjitvm::Options plain;
  plain.module_path = {dir};
  pyjitvm::VM normal(plain);
  normal.exec("import sandbox_mod\n");
  EXPECT_EQ(normal.eval<int>("sandbox_mod.X"), 1);

  pyjitvm::VM vm(sandboxed(dir));
  EXPECT_EQ(error_type(vm, "open('/etc/passwd')"),
            "PermissionError: open() is disabled in the sandbox");
  EXPECT_EQ(error_type(vm, "f = open\nf('/tmp/x', 'w')"),
            "PermissionError: open() is disabled in the sandbox");
  EXPECT_EQ(error_type(vm, "__builtins__"), "NameError: name '__builtins__' is not defined");
  EXPECT_EQ(error_type(vm, "input()"), "PermissionError: input() is disabled in the sandbox");
  EXPECT_EQ(error_type(vm, "import os"), "ImportError: import of 'os' is disabled in the sandbox");
  EXPECT_EQ(error_type(vm, "import ctypes"),
            "ImportError: import of 'ctypes' is disabled in the sandbox");
  EXPECT_EQ(error_type(vm, "import ctypes.util"),
            "ImportError: import of 'ctypes.util' is disabled in the sandbox");
  EXPECT_EQ(error_type(vm, "from subprocess import run"),
            "ImportError: import of 'subprocess' is disabled in the sandbox");
  EXPECT_EQ(error_type(vm, "import io"), "ImportError: import of 'io' is disabled in the sandbox");
  EXPECT_EQ(error_type(vm, "import sandbox_mod"),
            "ModuleNotFoundError: No module named 'sandbox_mod'");
  EXPECT_EQ(error_type(vm, "from numba import cfunc\n@cfunc('float64(float64)')\n"
                           "def f(x):\n    return x\n"),
            "PermissionError: cfunc() is disabled in the sandbox");
  EXPECT_EQ(error_type(vm, "import sys\nsys.stdin.read()"),
            "AttributeError: 'NoneType' object has no attribute 'read'");
  EXPECT_EQ(error_type(vm, "import sys\ntype(sys.stdout)('/etc/passwd')").rfind("TypeError", 0), 0u);
  // sys.exit never terminates the host: it is a catchable SystemExit
  EXPECT_EQ(error_type(vm, "import sys\nsys.exit(3)"), "SystemExit: 3");
  EXPECT_EQ(error_type(vm, "exit()"), "SystemExit: ");
  vm.exec("import sys\ntry:\n    sys.exit(1)\nexcept SystemExit:\n    caught = True\n");
  EXPECT_TRUE(vm.global<bool>("caught"));
  // what the sandbox keeps: the numeric stdlib
  vm.exec("import math, numpy as np\nfrom numba import njit\n"
          "@njit\ndef g(a):\n    return a.sum()\nr = g(np.arange(4.0)) + math.sqrt(4)\n");
  EXPECT_DOUBLE_EQ(vm.global<double>("r"), 8.0);
}

}  // namespace
