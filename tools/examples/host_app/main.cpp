// tools/examples/host_app/main.cpp — a host program embedding pyjitvm: a script
// processes the host's float64 array in place (no copy, JIT-compiled loop), calls a host
// function, and a script error is caught as pyjitvm::Error.
//
// Stage: built against the installed package (find_package(pyjitvm)); run by the
// embed_install test, which checks its output and exit status.
//
// Invariants:
//   I1  Exit status 0 only if every check below held; each check prints one line.
#include <pyjitvm/pyjitvm.h>

#include <cstdio>
#include <vector>

static const char* kScript = R"PY(
from numba import njit

@njit
def smooth(a, k):
    # runs on the host's memory: the JIT-compiled loop writes it in place
    n = a.shape[0]
    for i in range(n):
        a[i] = a[i] * k
    return n

def process(a):
    n = smooth(a, gain())
    log(f"processed {n} samples")
    return a.sum()
)PY";

int main() {
  std::vector<double> samples(1000);
  for (size_t i = 0; i < samples.size(); ++i) samples[i] = static_cast<double>(i);
  bool ok = true;

  pyjitvm::Options options;
  options.sandbox = true;  // user scripts get no file, process or ctypes access
  options.time_limit = std::chrono::milliseconds(2000);
  pyjitvm::VM vm(options);
  vm.def("gain", [] { return 0.5; });
  vm.def("log", [](std::string msg) { std::printf("script: %s\n", msg.c_str()); });
  vm.exec(kScript, "process.py");

  int64_t n = static_cast<int64_t>(samples.size());
  pyjitvm::Handle array = vm.wrap_array(samples.data(), std::span<const int64_t>(&n, 1));
  double sum = vm.call<double>("process", array);
  bool in_place = samples[10] == 5.0 && array.array().data == samples.data();
  std::printf("sum = %.1f, samples[10] = %.1f (%s)\n", sum, samples[10],
              in_place ? "in place" : "COPIED");
  ok = ok && in_place && sum == 0.5 * 999 * 1000 / 2;

  try {
    vm.exec("open('/etc/passwd')", "evil.py");
    ok = false;
  } catch (const pyjitvm::Error& e) {
    std::printf("caught %s\n", e.what());
  }
  try {
    vm.exec("def bad(x):\n    return x[5]\nbad([1, 2])\n", "bad.py");
    ok = false;
  } catch (const pyjitvm::Error& e) {
    std::printf("caught %s; traceback:\n%s", e.type().c_str(), e.traceback().c_str());
    ok = ok && e.type() == "IndexError";
  }
  std::printf("%s\n", ok ? "host_app: OK" : "host_app: FAILED");
  return ok ? 0 : 1;
}
