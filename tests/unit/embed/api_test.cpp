// tests/unit/embed/api_test.cpp — the embedding API's basic calls: exec, eval, call,
// globals, conversions, handles, errors, host functions and modules.
//
// Stage: GoogleTest over <pyjitvm/pyjitvm.h> only (what a host sees).
//
// Invariants:
//   I1  Every test builds its own VM (no shared state between tests).
//   I2  Script output is captured with Options::on_stdout, never the process's stdout.
#include <gtest/gtest.h>

#include <pyjitvm/pyjitvm.h>

#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace {

pyjitvm::Options quiet(std::string* out) {
  pyjitvm::Options o;
  o.on_stdout = [out](std::string_view s) { out->append(s); };
  o.on_stderr = [out](std::string_view s) { out->append(s); };
  return o;
}

TEST(EmbedApi, ExecEvalCallGlobal) {
  std::string out;
  pyjitvm::VM vm(quiet(&out));
  vm.exec("def f(x, y):\n    return x * y + 1\nprint('hi', f(2, 3))\n");
  EXPECT_EQ(out, "hi 7\n");
  EXPECT_EQ(vm.eval<int64_t>("f(3, 4)"), 13);
  EXPECT_DOUBLE_EQ(vm.call<double>("f", 2, 3.5), 8.0);
  auto f = vm.function("f");
  EXPECT_EQ(f.call<int64_t>(10, 10), 101);
  vm.set_global("n", 41);
  EXPECT_EQ(vm.eval<int>("n + 1"), 42);
  EXPECT_EQ(vm.global<int>("n"), 41);
  EXPECT_TRUE(vm.has_global("f"));
  EXPECT_FALSE(vm.has_global("nope"));
  EXPECT_THROW(vm.global("nope"), pyjitvm::Error);
  EXPECT_TRUE(vm.eval("None").is_none());
  EXPECT_EQ(vm.eval("[1, 'a']").repr(), "[1, 'a']");
  EXPECT_EQ(vm.eval("'x'").str(), "x");
  EXPECT_EQ(vm.eval("3.5").type_name(), "float");
}

TEST(EmbedApi, ConversionsBothWays) {
  pyjitvm::VM vm;
  vm.exec("def echo(x):\n    return x\n");
  auto echo = vm.function("echo");
  EXPECT_EQ(echo.call<bool>(true), true);
  EXPECT_EQ(echo.call<int64_t>(int64_t{-5}), -5);
  EXPECT_EQ(echo.call<uint64_t>(uint64_t{18446744073709551615u}), 18446744073709551615u);
  EXPECT_EQ(vm.eval("2**64 - 1").as<uint64_t>(), 18446744073709551615u);
  EXPECT_EQ(echo.call<std::string>(std::string("héllo")), "héllo");
  EXPECT_EQ(echo.call<std::string>("lit"), "lit");
  std::vector<double> v{1.5, 2.5};
  EXPECT_EQ(echo.call<std::vector<double>>(v), v);
  std::map<std::string, int> m{{"a", 1}, {"b", 2}};
  EXPECT_EQ((echo.call<std::map<std::string, int>>(m)), m);
  auto t = std::make_tuple(1, std::string("two"), 3.0);
  EXPECT_EQ((echo.call<std::tuple<int, std::string, double>>(t)), t);
  EXPECT_EQ((vm.eval<std::pair<int, int>>("(4, 5)")), std::make_pair(4, 5));
  EXPECT_EQ(vm.eval<std::vector<int>>("range(3)"), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(vm.eval<std::vector<std::vector<int>>>("[[1], [2, 3]]"),
            (std::vector<std::vector<int>>{{1}, {2, 3}}));
  EXPECT_EQ(vm.eval<double>("7"), 7.0);  // int -> double as Python's float(7)
  EXPECT_EQ(vm.eval<int64_t>("True"), 1);
  EXPECT_EQ(vm.eval("'s'").repr(), "'s'");
  // mismatches are TypeErrors
  try {
    vm.eval<int64_t>("'s'");
    FAIL();
  } catch (const pyjitvm::Error& e) {
    EXPECT_EQ(e.type(), "TypeError");
    EXPECT_NE(e.message().find("expected int, got str"), std::string::npos);
  }
  EXPECT_THROW(vm.eval<int64_t>("1.5"), pyjitvm::Error);
  EXPECT_THROW(vm.eval<int8_t>("300"), pyjitvm::Error);
  EXPECT_THROW(vm.eval<int64_t>("2**70"), pyjitvm::Error);
  EXPECT_THROW(vm.eval<std::string>("1"), pyjitvm::Error);
  EXPECT_THROW((vm.eval<std::tuple<int, int>>("(1, 2, 3)")), pyjitvm::Error);
}

TEST(EmbedApi, HandlesAttributesItems) {
  pyjitvm::VM vm;
  vm.exec("class P:\n    def __init__(self):\n        self.x = 1\n"
          "    def bump(self, k):\n        self.x += k\n        return self.x\n"
          "p = P()\nd = {'k': [10, 20]}\n");
  pyjitvm::Handle p = vm.global("p");
  EXPECT_EQ(p.attr("x").as<int>(), 1);
  EXPECT_EQ(p.attr("bump").call<int>(5), 6);
  p.set_attr("x", 100);
  EXPECT_EQ(vm.eval<int>("p.x"), 100);
  pyjitvm::Handle d = vm.global("d");
  EXPECT_EQ(d.item("k").item(1).as<int>(), 20);
  pyjitvm::Handle copy = p;
  pyjitvm::Handle moved = std::move(copy);
  EXPECT_FALSE(copy);
  EXPECT_EQ(moved.attr("x").as<int>(), 100);
  vm.set_global("q", moved);  // a Handle converts back to its object
  EXPECT_TRUE(vm.eval<bool>("q is p"));
  EXPECT_THROW(p.attr("missing"), pyjitvm::Error);
}

TEST(EmbedApi, ScriptErrorsBecomeErrorWithTraceback) {
  std::string out;
  pyjitvm::VM vm(quiet(&out));
  try {
    vm.exec("def g(a):\n    return a / 0\n\ng(1)\n", "script.py");
    FAIL();
  } catch (const pyjitvm::Error& e) {
    EXPECT_EQ(e.type(), "ZeroDivisionError");
    EXPECT_EQ(e.message(), "division by zero");
    EXPECT_STREQ(e.what(), "ZeroDivisionError: division by zero");
    EXPECT_TRUE(e.is("ArithmeticError"));
    EXPECT_TRUE(e.is("Exception"));
    EXPECT_EQ(e.traceback(),
              "Traceback (most recent call last):\n"
              "  File \"script.py\", line 4, in <module>\n"
              "    g(1)\n"
              "  File \"script.py\", line 2, in g\n"
              "    return a / 0\n"
              "           ~~^~~\n"
              "ZeroDivisionError: division by zero\n");
  }
  try {
    vm.exec("x = (1,\n", "bad.py");
    FAIL();
  } catch (const pyjitvm::Error& e) {
    EXPECT_EQ(e.type(), "SyntaxError");
    EXPECT_EQ(e.message().rfind("'(' was never closed", 0), 0u);
  }
  EXPECT_THROW(vm.eval("x = 1"), pyjitvm::Error);
  try {
    vm.exec("raise SystemExit(3)");
    FAIL();
  } catch (const pyjitvm::Error& e) {
    EXPECT_EQ(e.type(), "SystemExit");
    EXPECT_EQ(e.message(), "3");
  }
  // the VM is still usable after errors
  EXPECT_EQ(vm.eval<int>("1 + 1"), 2);
  EXPECT_TRUE(out.empty());
}

int64_t add_fn(int64_t a, int64_t b) { return a + b; }

struct Counter {
  int n = 0;
  int add(int k) { return n += k; }
};

TEST(EmbedApi, HostFunctions) {
  std::string out;
  pyjitvm::VM vm(quiet(&out));
  vm.def("add", add_fn);
  vm.def("scale", [](std::vector<double> v, double k) {
    for (double& x : v) x *= k;
    return v;
  });
  vm.def("greet", [](std::string who) { return "hello " + who; });
  Counter c;
  vm.def("count", &Counter::add, &c);
  vm.def("nothing", []() {});
  EXPECT_EQ(vm.eval<int64_t>("add(2, 3)"), 5);
  EXPECT_EQ(vm.eval<std::vector<double>>("scale([1.0, 2.0], 3)"), (std::vector<double>{3, 6}));
  EXPECT_EQ(vm.eval<std::string>("greet('bob')"), "hello bob");
  vm.exec("for i in range(100):\n    count(1)\n");  // from a loop (JIT-hot)
  EXPECT_EQ(c.n, 100);
  EXPECT_TRUE(vm.eval("nothing()").is_none());
  // Python-style TypeErrors on mismatch, catchable by the script
  vm.exec("try:\n    add(1, 'x')\nexcept TypeError as e:\n    print(e)\n"
          "try:\n    add(1)\nexcept TypeError as e:\n    print(e)\n"
          "try:\n    add(1, b=2)\nexcept TypeError as e:\n    print(e)\n");
  EXPECT_EQ(out,
            "add() argument 2 must be int, not str\n"
            "add() takes exactly 2 arguments (1 given)\n"
            "add() takes no keyword arguments\n");
}

TEST(EmbedApi, HostExceptionsBecomePythonExceptions) {
  std::string out;
  pyjitvm::VM vm(quiet(&out));
  vm.def("boom", [](int kind) -> int {
    if (kind == 0) throw std::runtime_error("it broke");
    if (kind == 1) throw std::invalid_argument("bad value");
    if (kind == 2) throw std::out_of_range("too far");
    if (kind == 3) throw pyjitvm::Error("KeyError", "k");
    throw 42;
  });
  vm.exec("for k in range(5):\n"
          "    try:\n        boom(k)\n"
          "    except Exception as e:\n        print(type(e).__name__, e)\n");
  EXPECT_EQ(out,
            "RuntimeError it broke\n"
            "ValueError bad value\n"
            "IndexError too far\n"
            "KeyError 'k'\n"
            "RuntimeError unknown C++ exception in boom()\n");
  try {
    vm.eval("boom(0)");
    FAIL();
  } catch (const pyjitvm::Error& e) {
    EXPECT_EQ(e.type(), "RuntimeError");
    EXPECT_EQ(e.message(), "it broke");
  }
  // a host function calling back into the script, which fails: the error crosses both
  vm.exec("def bad():\n    return 1 / 0\n");
  vm.def("call_bad", [&vm]() { return vm.call<int>("bad"); });
  try {
    vm.eval("call_bad()");
    FAIL();
  } catch (const pyjitvm::Error& e) {
    EXPECT_EQ(e.type(), "ZeroDivisionError");
  }
}

TEST(EmbedApi, HostFunctionTakingObjects) {
  pyjitvm::VM vm;
  // a Handle parameter takes any object; an ndarray's memory is read without a copy
  vm.def("total", [](pyjitvm::Handle a) {
    pyjitvm::ArrayView v = a.array();
    double s = 0;
    for (int64_t i = 0; i < v.size(); ++i) s += v.as<double>()[i];
    return s;
  });
  vm.def("kind", [](pyjitvm::Handle h) { return h.type_name(); });
  vm.exec("import numpy as np\n");
  EXPECT_DOUBLE_EQ(vm.eval<double>("total(np.arange(5.0))"), 10.0);
  EXPECT_EQ(vm.eval<std::string>("kind({})"), "dict");
  vm.exec("try:\n    total([1.0])\nexcept TypeError as e:\n    msg = str(e)\n");
  EXPECT_EQ(vm.global<std::string>("msg"), "expected numpy.ndarray, got list");
}

TEST(EmbedApi, HostModule) {
  pyjitvm::VM vm;
  vm.module("hostmath").def("twice", [](double x) { return 2 * x; }).set("version", 3);
  vm.exec("import hostmath\nfrom hostmath import twice\nr = twice(hostmath.version)\n");
  EXPECT_DOUBLE_EQ(vm.global<double>("r"), 6.0);
}

extern "C" double c_hypot2(double a, double b) { return a * a + b * b; }
extern "C" int c_neg(int a) { return -a; }

TEST(EmbedApi, CFunctionsThroughLibffi) {
  pyjitvm::VM vm;
  vm.def_c("hypot2", reinterpret_cast<void*>(&c_hypot2), "d(dd)");
  vm.def_c("neg", reinterpret_cast<void*>(&c_neg), "i(i)");
  EXPECT_DOUBLE_EQ(vm.eval<double>("hypot2(3.0, 4)"), 25.0);
  EXPECT_EQ(vm.eval<int>("neg(7)"), -7);
  EXPECT_THROW(vm.def_c("x", reinterpret_cast<void*>(&c_neg), "q(i)"), pyjitvm::Error);
}

TEST(EmbedApi, ExecFile) {
  std::string path = ::testing::TempDir() + "embed_exec_file.py";
  FILE* f = std::fopen(path.c_str(), "w");
  ASSERT_TRUE(f);
  std::fputs("value = 6 * 7\n", f);
  std::fclose(f);
  pyjitvm::VM vm;
  vm.exec_file(path);
  EXPECT_EQ(vm.global<int>("value"), 42);
  EXPECT_EQ(vm.global<std::string>("__file__"), path);
  EXPECT_THROW(vm.exec_file(path + ".missing"), pyjitvm::Error);
}

}  // namespace
