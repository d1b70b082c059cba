// bench/embed_call.cpp — per-call cost of calling a tiny script function from C++,
// pyjitvm beside Lua 5.4 and embedded CPython (each when built in).
//
// Stage: bench/CMakeLists.txt builds it (PYJ_BUILD_BENCH=ON); run build/bench/embed_call
// [calls]. Prints ns/call for each system, best of 5 rounds of `calls` calls (10^6).
//
// Invariants:
//   I1  Every system calls the same function, f(x, y) = x * y + 1 with an int and a
//       float argument, and the results are summed and checked, so no call is elided.
#include <pyjitvm/pyjitvm.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>

#ifdef PYJ_BENCH_LUA
#include <lua5.4/lua.hpp>
#endif
#ifdef PYJ_BENCH_CPYTHON
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#endif

namespace {

double best_ns_per_call(long calls, const std::function<double(long)>& loop) {
  double best = 1e30;
  for (int round = 0; round < 5; ++round) {
    auto t0 = std::chrono::steady_clock::now();
    double sum = loop(calls);
    auto t1 = std::chrono::steady_clock::now();
    double expect = 0;  // I1: sum of i * 0.5 + 1 over i < calls
    expect = 0.5 * (static_cast<double>(calls) * (calls - 1) / 2) + calls;
    if (sum != expect) {
      std::fprintf(stderr, "wrong sum %.17g != %.17g\n", sum, expect);
      std::exit(1);
    }
    double ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / calls;
    if (ns < best) best = ns;
  }
  return best;
}

void bench_pyjitvm(long calls) {
  pyjitvm::VM vm;
  vm.exec("def f(x, y):\n    return x * y + 1\n");
  pyjitvm::Function f = vm.function("f");
  double ns = best_ns_per_call(calls, [&](long n) {
    double s = 0;
    for (long i = 0; i < n; ++i) s += f.call<double>(i, 0.5);
    return s;
  });
  std::printf("pyjitvm   f.call<double>(i, 0.5)      %7.1f ns/call\n", ns);
  double ns_name = best_ns_per_call(calls / 10, [&](long n) {
    double s = 0;
    for (long i = 0; i < n; ++i) s += vm.call<double>("f", i, 0.5);
    return s;
  });
  std::printf("pyjitvm   vm.call<double>(\"f\", ...)   %7.1f ns/call (name looked up each call)\n",
              ns_name);
}

#ifdef PYJ_BENCH_LUA
void bench_lua(long calls) {
  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  if (luaL_dostring(L, "function f(x, y) return x * y + 1 end") != LUA_OK) std::exit(1);
  lua_getglobal(L, "f");
  int ref = luaL_ref(L, LUA_REGISTRYINDEX);  // the function looked up once, as above
  double ns = best_ns_per_call(calls, [&](long n) {
    double s = 0;
    for (long i = 0; i < n; ++i) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
      lua_pushinteger(L, i);
      lua_pushnumber(L, 0.5);
      lua_call(L, 2, 1);
      s += lua_tonumber(L, -1);
      lua_pop(L, 1);
    }
    return s;
  });
  std::printf("Lua 5.4   lua_call (registry ref)       %7.1f ns/call\n", ns);
  lua_close(L);
}
#endif

#ifdef PYJ_BENCH_CPYTHON
void bench_cpython(long calls) {
  Py_Initialize();
  PyObject* main = PyImport_AddModule("__main__");
  PyObject* globals = PyModule_GetDict(main);
  PyRun_String("def f(x, y):\n    return x * y + 1\n", Py_file_input, globals, globals);
  PyObject* f = PyDict_GetItemString(globals, "f");
  double ns = best_ns_per_call(calls, [&](long n) {
    double s = 0;
    PyObject* half = PyFloat_FromDouble(0.5);
    for (long i = 0; i < n; ++i) {
      PyObject* x = PyLong_FromLong(i);
      PyObject* args[2] = {x, half};
      PyObject* r = PyObject_Vectorcall(f, args, 2, nullptr);
      s += PyFloat_AsDouble(r);
      Py_DECREF(r);
      Py_DECREF(x);
    }
    Py_DECREF(half);
    return s;
  });
  std::printf("CPython   PyObject_Vectorcall           %7.1f ns/call (%s)\n", ns, Py_GetVersion());
  Py_Finalize();
}
#endif

}  // namespace

int main(int argc, char** argv) {
  long calls = argc > 1 ? std::atol(argv[1]) : 1000000;
  std::printf("calling f(x, y) = x * y + 1 from C++, %ld calls, best of 5\n", calls);
  bench_pyjitvm(calls);
#ifdef PYJ_BENCH_LUA
  bench_lua(calls);
#else
  std::printf("Lua 5.4   (not built: apt-get install liblua5.4-dev)\n");
#endif
#ifdef PYJ_BENCH_CPYTHON
  bench_cpython(calls);
#else
  std::printf("CPython   (not built: needs python3-dev)\n");
#endif
  return 0;
}
