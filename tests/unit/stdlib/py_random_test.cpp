// tests/unit/stdlib/py_random_test.cpp — PyRandom against CPython 3.11.2's random module.
//
// Stage: seeds and method calls → stdlib/py_random → values compared with literals that
//        /usr/bin/python3 (CPython 3.11.2) printed for the same calls.
//
// Invariants:
//   I1  Expected values are literals; the test never runs Python.
//   I2  Doubles compare by bit pattern (hex-float literals); ints exactly; big ints as
//       Python's hex() text.
//   I3  Error cases check the exception kind, CPython's exact message, and (where CPython
//       draws before raising) that the draw was consumed.
#include "stdlib/py_random.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace pyjitvm::stdlib {
namespace {

// Bit-exact comparison of two double sequences, reporting the first bad index.
void expect_same_bits(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(std::bit_cast<uint64_t>(got[i]), std::bit_cast<uint64_t>(want[i]))
        << "index " << i << ": got " << got[i] << " want " << want[i];
  }
}

std::vector<double> repeat(int n, const std::function<double()>& draw) {
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(draw());
  return out;
}

// Python's hex() of a little-endian word vector.
std::string hex_of(const std::vector<uint32_t>& words) {
  size_t n = words.size();
  while (n > 0 && words[n - 1] == 0) --n;
  if (n == 0) return "0x0";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", words[n - 1]);
  std::string s = std::string("0x") + buf;
  for (size_t i = n - 1; i-- > 0;) {
    std::snprintf(buf, sizeof buf, "%08x", words[i]);
    s += buf;
  }
  return s;
}

std::span<const uint8_t> bytes_of(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

std::string hex_digest(const std::string& s) {
  std::string out;
  char buf[3];
  for (uint8_t b : sha512_digest(bytes_of(s))) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    out += buf;
  }
  return out;
}

// FNV-1a-style hash over the bit patterns of a long stream of doubles.
uint64_t fnv(const std::vector<double>& values) {
  uint64_t h = 1469598103934665603ull;
  for (double v : values) h = (h ^ std::bit_cast<uint64_t>(v)) * 1099511628211ull;
  return h;
}

PyRandom seeded(int64_t seed) {
  PyRandom r;
  r.seed_int(seed);
  return r;
}

// ---------------------------------------------------------------------------------------
// SHA-512 and seeding.

TEST(PyRandomTest, Sha512KnownVectors) {
  EXPECT_EQ(hex_digest(""),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318"
            "d2877eec2f63b931bd47417a81a538327af927da3e");
  EXPECT_EQ(hex_digest("abc"),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c"
            "23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  // FIPS 180-2 two-block message (896 bits).
  std::string two_block =
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
      "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
  EXPECT_EQ(hex_digest(two_block),
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99"
            "dec4b5433ac7d329eeb6dd26545e96e55b874be909");
  // Padding boundaries: 111 and 112 bytes (one vs two final blocks), 128, 1000.
  EXPECT_EQ(hex_digest(std::string(111, 'x')),
            "9a2a120825c2319867758ec277924f6faa254968bf752046dacdd948d8ad299b10359fd04bfd7d3810b5fa"
            "1b16a294236138baff981cbb85248478053ac4d3dd");
  EXPECT_EQ(hex_digest(std::string(112, 'x')),
            "a3722b515ef40c910f2419f6e0da8ca51d410114ce6272faae64045f9e9f630e7fa8dd5a3243c9860b899d"
            "148c3da4bc0f9e07454542604d030bb55531fe0d5b");
  EXPECT_EQ(hex_digest(std::string(128, 'x')),
            "e2e22f8422b54b06e35c3ea30a383d1de7a8fbc27992923074103117020d8dd7024c3ecf7d6d1a15a6de5a"
            "75ff32fb486b9e8ced4c02ffe05822bf2cb734d0e0");
  EXPECT_EQ(hex_digest(std::string(1000, 'a')),
            "67ba5535a46e3f86dbfbed8cbbaf0125c76ed549ff8b0b9e03e0c88cf90fa634fa7b12b47d77b694de488a"
            "ce8d9a65967dc96df599727d3292a8d9d447709c97");
}

TEST(PyRandomTest, SeedIntMatchesCPython) {
  PyRandom r = seeded(12345);
  expect_same_bits(repeat(5, [&] { return r.random(); }),
                   {0x1.aa9e665dc8a18p-2, 0x1.4d392d1f6f840p-7, 0x1.a68177b361de3p-1,
                    0x1.31cea56d752c4p-2, 0x1.7940e9f744b88p-2});
  PyRandom zero = seeded(0);
  expect_same_bits(repeat(3, [&] { return zero.random(); }),
                   {0x1.b0580f98a7dbep-1, 0x1.84129978f9c1ap-1, 0x1.aeaa51052e978p-2});
  // Negative seeds use the absolute value.
  PyRandom neg = seeded(-7);
  expect_same_bits(repeat(3, [&] { return neg.random(); }),
                   {0x1.4b9ad0f953a6ep-2, 0x1.34f0696513270p-3, 0x1.4d474883171ffp-1});
  PyRandom min = seeded(INT64_MIN);
  expect_same_bits(repeat(2, [&] { return min.random(); }),
                   {0x1.1b5fa2193586fp-1, 0x1.e198384d65bb9p-1});
}

TEST(PyRandomTest, SeedBigIntWords) {
  PyRandom r;
  const uint32_t big[] = {0x00000003u, 0x00000000u, 0x00000001u};  // 2**64 + 3
  r.seed_int_words(big);
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.d370999fcf7cbp-1, 0x1.d86c05c6506dfp-1, 0x1.a8c46c5de30bdp-1});
  const uint32_t huge[] = {0xffffffffu, 0xffffffffu, 0xffffffffu, 0x0000000fu};  // 2**100 - 1
  r.seed_int_words(huge);
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.a50c07703b250p-4, 0x1.db38b23940e88p-2, 0x1.75647c47b7a20p-1});
  // High zero words do not change the key: 5 == {5, 0, 0}.
  const uint32_t padded[] = {5, 0, 0};
  r.seed_int_words(padded);
  expect_same_bits(repeat(2, [&] { return r.random(); }),
                   {0x1.3eecf89059360p-1, 0x1.7bcb8116f23eep-1});
}

TEST(PyRandomTest, SeedFromHashUsesUnsignedHash) {
  // random.seed(-1.5): hash(-1.5) == -1152921504606846977, taken as size_t.
  PyRandom r;
  r.seed_hash(-1152921504606846977ll);
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.6b943c9c3f231p-1, 0x1.9ea742497c800p-11, 0x1.f1edf987f152cp-1});
  r.seed_hash(1614090106449586179ll);  // random.seed(3.7)
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.ce97746d39dd6p-2, 0x1.373012da9d924p-3, 0x1.3a682431d1b4cp-3});
}

TEST(PyRandomTest, SeedStrAndBytesVersion2) {
  PyRandom r;
  r.seed_bytes(bytes_of("hello"));  // random.seed("hello")
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.6a441bebd6e04p-2, 0x1.538ec3b087282p-1, 0x1.185fbb071334cp-1});
  r.seed_bytes({});  // random.seed(b"")
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.eba2b25d163e4p-1, 0x1.30d9d60d3da22p-1, 0x1.8d52f16ea3076p-2});
  r.seed_bytes(bytes_of("h\xc3\xa9llo"));  // random.seed("héllo"), UTF-8
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.b0a9743bbe1c0p-7, 0x1.abf791c753daap-1, 0x1.27a37680a275ap-2});
  std::vector<uint8_t> long_bytes(200);
  for (int i = 0; i < 200; ++i) long_bytes[i] = static_cast<uint8_t>(i);
  r.seed_bytes(long_bytes);  // random.seed(bytes(range(200)))
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.bf0d18bb95295p-1, 0x1.d1ee009c14eb8p-3, 0x1.345c6df8e6aa8p-3});
}

TEST(PyRandomTest, SeedVersion1) {
  PyRandom r;
  const uint32_t abc[] = {'a', 'b', 'c'};
  r.seed_v1(abc);  // random.seed("abc", version=1)
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.8ad42c2e08a50p-4, 0x1.248bfe014df53p-1, 0x1.cd559ae25df68p-1});
  const uint32_t wide[] = {233, 8364};
  r.seed_v1(wide);  // random.seed("é€", version=1)
  expect_same_bits(repeat(3, [&] { return r.random(); }),
                   {0x1.cad3eb804c088p-1, 0x1.a0d82a768d2f0p-5, 0x1.033dcbf478baep-2});
}

TEST(PyRandomTest, SeedingClearsGaussCache) {
  PyRandom r = seeded(3);
  r.gauss(0.0, 1.0);  // leaves a cached second value
  r.seed_int(3);
  expect_same_bits({r.gauss(0.0, 1.0)}, {0x1.83ec9371cbee0p-4});
}

// ---------------------------------------------------------------------------------------
// Integers.

TEST(PyRandomTest, GetrandbitsMatchesCPython) {
  PyRandom r = seeded(1);
  const int64_t ks[] = {0, 1, 31, 32, 33, 64, 100, 129, 1000};
  const char* want[] = {
      "0x0",
      "0x0",
      "0x48dbac25",
      "0xd8f16adf",
      "0x1cd613e30",
      "0x414c343c1027c4d1",
      "0x7c2ce6f447ed4d57b1e2feb89",
      "0xc9e9c616612e7696a6cecc1b78e51061",
      "0xaf619699cfe1988ad9f06c144a025b413f8a9a021ea648a7dd06839eb905b6e6e307d4bedc51431193e6c3f339"
      "1a2b8f1ff1fd42a29755d4c13a902931cd447e35b8b6d8fe442e3d437204e52db2221a58008a05a6c4647159c324"
      "c9859b810e766ec9d28663ca828dd5f4b3b2e4b06ce60741c7a87ce42c8218072e8c"};
  for (size_t i = 0; i < std::size(ks); ++i) {
    std::vector<uint32_t> words;
    RandomError err;
    ASSERT_TRUE(r.getrandbits(ks[i], &words, &err));
    EXPECT_EQ(static_cast<int64_t>(words.size()), (ks[i] + 31) / 32);
    EXPECT_EQ(hex_of(words), want[i]) << "k = " << ks[i];
  }
}

TEST(PyRandomTest, Getrandbits64AgreesWithWordForm) {
  for (int k : {0, 1, 32, 40, 63, 64}) {
    PyRandom a = seeded(77);
    PyRandom b = seeded(77);
    std::vector<uint32_t> words;
    ASSERT_TRUE(b.getrandbits(k, &words, nullptr));
    uint64_t want = 0;
    for (size_t i = words.size(); i-- > 0;) want = (want << 32) | words[i];
    EXPECT_EQ(a.getrandbits64(k), want) << "k = " << k;
  }
  PyRandom r = seeded(9);
  EXPECT_EQ(r.getrandbits64(64), 11311824479506114158ull);
}

TEST(PyRandomTest, GetrandbitsNegativeIsValueError) {
  PyRandom r = seeded(1);
  std::vector<uint32_t> words;
  RandomError err;
  EXPECT_FALSE(r.getrandbits(-1, &words, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kValueError);
  EXPECT_EQ(err.message, "number of bits must be non-negative");
}

TEST(PyRandomTest, Randbytes) {
  PyRandom r = seeded(3);
  std::vector<uint8_t> out;
  ASSERT_TRUE(r.randbytes(7, &out, nullptr));
  EXPECT_EQ(out, (std::vector<uint8_t>{0xfd, 0x3f, 0xeb, 0x3c, 0x50, 0xb7, 0x97}));
}

TEST(PyRandomTest, RandbytesTooLargeIsMemoryError) {
  PyRandom r = seeded(3);
  std::vector<uint8_t> out;
  RandomError err;
  EXPECT_FALSE(r.randbytes(INT64_MAX, &out, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kMemoryError);
  EXPECT_FALSE(r.randbytes(-1, &out, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kValueError);
  EXPECT_EQ(err.message, "number of bits must be non-negative");
}

TEST(PyRandomTest, RandbelowUint64) {
  PyRandom r = seeded(5);
  const uint64_t ns[] = {
      1, 10, 4294967296ull, 4294967297ull, 9223372036854775808ull, 18446744073709551615ull};
  std::vector<uint64_t> got;
  for (uint64_t n : ns) got.push_back(r.randbelow(n));
  std::vector<uint64_t> want = {
      0, 5, 4051686260ull, 2787324501ull, 2893396244277848635ull, 6858376947525423350ull};
  EXPECT_EQ(got, want);
}

TEST(PyRandomTest, RandbelowBigWords) {
  PyRandom r = seeded(6);
  const uint32_t n1[] = {0x00000007u, 0x00000000u, 0x00000000u, 0x00000010u};  // 2**100 + 7
  const uint32_t n2[] = {0x00000000u, 0x00000000u, 0x00000001u};               // 2**64
  const uint32_t n3[] = {0x9c79d441u, 0x3cea5978u, 0x8b18a2bcu, 0x6f32f1efu};  // 3**80
  const uint32_t n4[] = {12345, 0, 0};  // 12345 with high zero words
  std::vector<std::string> got = {hex_of(r.randbelow(n1)), hex_of(r.randbelow(n2)),
                                  hex_of(r.randbelow(n3)), hex_of(r.randbelow(n4))};
  std::vector<std::string> want = {"0x2d26b949692e5dfe8cb1855fe", "0xc320a4737c2b3abe",
                                   "0x54d73d1a254499c7001d9a88096d3737", "0x2588"};
  EXPECT_EQ(got, want);
}

TEST(PyRandomTest, RandrangeAndRandintMatchCPython) {
  PyRandom r = seeded(8);
  std::vector<int64_t> got;
  int64_t v = 0;
  ASSERT_TRUE(r.randrange(10, std::nullopt, 1, &v, nullptr));
  got.push_back(v);
  ASSERT_TRUE(r.randrange(5, 100, 1, &v, nullptr));
  got.push_back(v);
  ASSERT_TRUE(r.randrange(-50, 50, 7, &v, nullptr));
  got.push_back(v);
  ASSERT_TRUE(r.randrange(100, 0, -3, &v, nullptr));
  got.push_back(v);
  ASSERT_TRUE(r.randrange(INT64_MIN, INT64_MAX, 1, &v, nullptr));
  got.push_back(v);
  ASSERT_TRUE(r.randrange(0, int64_t{1} << 62, (int64_t{1} << 40) + 1, &v, nullptr));
  got.push_back(v);
  ASSERT_TRUE(r.randint(0, INT64_MAX, &v, nullptr));
  got.push_back(v);
  // Width 2**64 needs 65 bits: the word path.
  ASSERT_TRUE(r.randint(INT64_MIN, INT64_MAX, &v, nullptr));
  got.push_back(v);
  ASSERT_TRUE(r.randint(-3, -3, &v, nullptr));
  got.push_back(v);
  std::vector<int64_t> want = {3,
                               52,
                               -8,
                               76,
                               3778205464658974630ll,
                               403784650184825480ll,
                               2524308075868763041ll,
                               -5360667530297813581ll,
                               -3};
  EXPECT_EQ(got, want);

  PyRandom dice = seeded(2024);
  std::vector<int64_t> rolls;
  for (int i = 0; i < 12; ++i) {
    ASSERT_TRUE(dice.randint(1, 6, &v, nullptr));
    rolls.push_back(v);
  }
  EXPECT_EQ(rolls, (std::vector<int64_t>{4, 2, 6, 5, 3, 2, 6, 4, 6, 3, 5, 2}));
}

struct RangeErrorCase {
  int64_t start;
  std::optional<int64_t> stop;
  int64_t step;
  RandomErrorKind kind;
  const char* message;
};

TEST(PyRandomTest, RandrangeErrorsUseCPythonWording) {
  const RangeErrorCase cases[] = {
      {7, 3, 1, RandomErrorKind::kValueError, "empty range for randrange() (7, 3, -4)"},
      {1, 1, 1, RandomErrorKind::kValueError, "empty range for randrange() (1, 1, 0)"},
      {0, std::nullopt, 1, RandomErrorKind::kValueError, "empty range for randrange()"},
      {-5, std::nullopt, 1, RandomErrorKind::kValueError, "empty range for randrange()"},
      {5, std::nullopt, 2, RandomErrorKind::kTypeError, "Missing a non-None stop argument"},
      {0, 10, 0, RandomErrorKind::kValueError, "zero step for randrange()"},
      {10, 0, 3, RandomErrorKind::kValueError, "empty range for randrange()"},
      {0, 10, -1, RandomErrorKind::kValueError, "empty range for randrange()"},
  };
  for (const RangeErrorCase& c : cases) {
    PyRandom r = seeded(1);
    int64_t v = 0;
    RandomError err;
    EXPECT_FALSE(r.randrange(c.start, c.stop, c.step, &v, &err));
    EXPECT_EQ(err.kind, c.kind);
    EXPECT_EQ(err.message, c.message);
  }
  PyRandom r = seeded(1);
  int64_t v = 0;
  RandomError err;
  EXPECT_FALSE(r.randint(5, 3, &v, &err));
  EXPECT_EQ(err.message, "empty range for randrange() (5, 4, -1)");
  EXPECT_FALSE(r.randint(INT64_MAX, INT64_MIN, &v, &err));
  EXPECT_EQ(err.message,
            "empty range for randrange() (9223372036854775807, -9223372036854775807, "
            "-18446744073709551614)");
}

// ---------------------------------------------------------------------------------------
// Sequences.

TEST(PyRandomTest, ChoiceAndShuffle) {
  PyRandom r = seeded(11);
  std::vector<int64_t> picks;
  for (int i = 0; i < 6; ++i) {
    int64_t idx = 0;
    ASSERT_TRUE(r.choice(7, &idx, nullptr));
    picks.push_back(idx);
  }
  EXPECT_EQ(picks, (std::vector<int64_t>{3, 6, 4, 6, 6, 3}));

  PyRandom s = seeded(13);
  std::vector<int> items = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  s.shuffle(std::span<int>(items));
  EXPECT_EQ(items, (std::vector<int>{3, 0, 7, 8, 6, 1, 5, 2, 9, 4}));

  // A one-element shuffle draws nothing.
  PyRandom one = seeded(13);
  std::vector<int> single = {42};
  one.shuffle(std::span<int>(single));
  expect_same_bits({one.random()}, {0x1.093985a5378c4p-2});

  int64_t idx = 0;
  RandomError err;
  EXPECT_FALSE(r.choice(0, &idx, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kIndexError);
  EXPECT_EQ(err.message, "Cannot choose from an empty sequence");
}

TEST(PyRandomTest, SampleBothBranches) {
  PyRandom r = seeded(17);
  std::vector<int64_t> out;
  // n = 30 <= setsize 85: pool branch.
  ASSERT_TRUE(r.sample(30, 10, &out, nullptr));
  std::vector<int64_t> pool_case = out;
  // n = 100 > setsize 85: set branch.
  ASSERT_TRUE(r.sample(100, 10, &out, nullptr));
  std::vector<int64_t> set_case = out;
  ASSERT_TRUE(r.sample(1000000, 12, &out, nullptr));
  std::vector<int64_t> million = out;
  // A population far beyond memory: sample(range(2**62), 5).
  ASSERT_TRUE(r.sample(int64_t{1} << 62, 5, &out, nullptr));
  std::vector<int64_t> huge = out;
  ASSERT_TRUE(r.sample(50, 50, &out, nullptr));
  std::vector<int64_t> full = out;
  ASSERT_TRUE(r.sample(5, 0, &out, nullptr));
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(pool_case, (std::vector<int64_t>{16, 13, 25, 9, 11, 26, 5, 22, 17, 8}));
  EXPECT_EQ(set_case, (std::vector<int64_t>{14, 3, 31, 49, 95, 53, 32, 64, 40, 81}));
  EXPECT_EQ(million, (std::vector<int64_t>{887439, 717681, 991107, 759454, 421098, 144222, 577958,
                                           65213, 146676, 852082, 830078, 917835}));
  EXPECT_EQ(huge, (std::vector<int64_t>{1391949590958314835ll, 1937000437778651793ll,
                                        2851862330700312269ll, 755060784314215180ll,
                                        4372786562288973522ll}));
  EXPECT_EQ(full,
            (std::vector<int64_t>{40, 38, 9,  43, 26, 32, 21, 1,  27, 23, 36, 3,  22, 48, 30, 49, 0,
                                  25, 15, 39, 17, 6,  7,  16, 11, 42, 8,  2,  34, 28, 19, 29, 18, 4,
                                  46, 10, 45, 5,  12, 37, 44, 24, 13, 14, 33, 47, 20, 41, 31, 35}));
}

TEST(PyRandomTest, SampleSetsizeBoundary) {
  // setsize is 21 for k <= 5 and 85 for k = 10: n = 21 / 85 use the pool, n = 22 / 86
  // the set. For seed 5 the two algorithms give different answers in all four cases.
  PyRandom r = seeded(5);
  std::vector<std::vector<int64_t>> got;
  for (auto [n, k] : {std::pair<int64_t, int64_t>{21, 5}, {22, 5}, {85, 10}, {86, 10}}) {
    std::vector<int64_t> out;
    ASSERT_TRUE(r.sample(n, k, &out, nullptr));
    got.push_back(out);
  }
  const std::vector<std::vector<int64_t>> want = {{19, 8, 11, 16, 0},
                                                  {14, 7, 20, 1, 5},
                                                  {14, 47, 60, 31, 48, 69, 13, 73, 81, 1},
                                                  {27, 52, 35, 23, 49, 20, 9, 17, 79, 56}};
  EXPECT_EQ(got, want);
}

TEST(PyRandomTest, SampleWithCounts) {
  PyRandom r = seeded(19);
  std::vector<int64_t> out;
  const int64_t counts[] = {3, 0, 5, 1};
  ASSERT_TRUE(r.sample_counts(4, counts, 7, &out, nullptr));
  EXPECT_EQ(out, (std::vector<int64_t>{0, 0, 2, 2, 2, 0, 2}));
}

TEST(PyRandomTest, SampleErrors) {
  PyRandom r = seeded(1);
  std::vector<int64_t> out;
  RandomError err;
  EXPECT_FALSE(r.sample(2, 3, &out, &err));
  EXPECT_EQ(err.message, "Sample larger than population or is negative");
  EXPECT_FALSE(r.sample(2, -1, &out, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kValueError);
  const int64_t zeros[] = {0, 0};
  EXPECT_FALSE(r.sample_counts(2, zeros, 1, &out, &err));
  EXPECT_EQ(err.message, "Total of counts must be greater than zero");
  const int64_t one[] = {1};
  EXPECT_FALSE(r.sample_counts(2, one, 1, &out, &err));
  EXPECT_EQ(err.message, "The number of counts does not match the population");
  const int64_t few[] = {1, 1};
  EXPECT_FALSE(r.sample_counts(2, few, 3, &out, &err));
  EXPECT_EQ(err.message, "Sample larger than population or is negative");
}

TEST(PyRandomTest, ChoicesWithAndWithoutWeights) {
  PyRandom r = seeded(23);
  std::vector<int64_t> plain, weighted, cumulative, floats;
  ASSERT_TRUE(r.choices(5, 10, &plain, nullptr));
  const double w[] = {1, 2, 3};
  ASSERT_TRUE(r.choices_weighted(3, w, false, 8, &weighted, nullptr));
  const double cw[] = {1, 3, 6};
  ASSERT_TRUE(r.choices_weighted(3, cw, true, 8, &cumulative, nullptr));
  const double fw[] = {0.1, 0.0, 2.5, 0.7};
  ASSERT_TRUE(r.choices_weighted(4, fw, false, 9, &floats, nullptr));
  EXPECT_EQ(plain, (std::vector<int64_t>{4, 4, 4, 0, 2, 2, 2, 0, 0, 2}));
  EXPECT_EQ(weighted, (std::vector<int64_t>{1, 1, 0, 0, 2, 1, 2, 2}));
  EXPECT_EQ(cumulative, (std::vector<int64_t>{1, 0, 2, 2, 2, 2, 2, 1}));
  EXPECT_EQ(floats, (std::vector<int64_t>{2, 2, 2, 2, 2, 2, 2, 2, 2}));
}

TEST(PyRandomTest, ChoicesErrors) {
  PyRandom r = seeded(1);
  std::vector<int64_t> out;
  RandomError err;
  const double three[] = {1, 0, 0};
  EXPECT_FALSE(r.choices_weighted(2, three, false, 1, &out, &err));
  EXPECT_EQ(err.message, "The number of weights does not match the population");
  const double zero[] = {0, 0};
  EXPECT_FALSE(r.choices_weighted(2, zero, false, 1, &out, &err));
  EXPECT_EQ(err.message, "Total of weights must be greater than zero");
  const double inf[] = {1, std::numeric_limits<double>::infinity()};
  EXPECT_FALSE(r.choices_weighted(2, inf, false, 1, &out, &err));
  EXPECT_EQ(err.message, "Total of weights must be finite");
  // choices([], k=2) draws one random() and then fails to index.
  PyRandom empty = seeded(4);
  EXPECT_FALSE(empty.choices(0, 2, &out, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kIndexError);
  EXPECT_EQ(err.message, "list index out of range");
  expect_same_bits({empty.random()}, {0x1.a6916d7143578p-4});
}

// ---------------------------------------------------------------------------------------
// Real-valued distributions.

TEST(PyRandomTest, UniformTriangularNormal) {
  PyRandom r = seeded(29);
  expect_same_bits(repeat(6, [&] { return r.uniform(-3.5, 10.25); }),
                   {0x1.025842ac5f6d3p+2, 0x1.4153f8ff5a8b0p+0, 0x1.03bc06d050d01p+3,
                    0x1.df73af18a5ef8p-2, 0x1.c2350e17ff510p+1, 0x1.3a39ec54e2000p+0});
  r = seeded(29);
  expect_same_bits(repeat(6, [&] { return r.triangular(0.0, 1.0, std::nullopt); }),
                   {0x1.0ca14a0a02ab6p-1, 0x1.a9cfc1a798f06p-2, 0x1.7165936d96352p-1,
                    0x1.84fbc768c3ba3p-2, 0x1.02a983e52ab74p-1, 0x1.a8915262765b6p-2});
  r = seeded(29);
  expect_same_bits(repeat(6, [&] { return r.triangular(2.0, 10.0, 3.0); }),
                   {0x1.3e0d42b898105p+2, 0x1.f945e3926eeaep+1, 0x1.c35a8a4f7f95cp+2,
                    0x1.d817a72ea01b2p+1, 0x1.30dd94b79a987p+2, 0x1.f81449297db46p+1});
  r = seeded(29);
  expect_same_bits(repeat(6, [&] { return r.normalvariate(1.5, 2.0); }),
                   {0x1.c09bfe6f4c5c2p+0, 0x1.94e3ab0c75c94p+1, 0x1.8dd8f831036b6p+0,
                    -0x1.e59afb50c9d34p-1, 0x1.8c191499b9940p-5, 0x1.118e2832e6823p+1});
  // triangular(5, 5, 5) returns low after one draw (ZeroDivisionError caught).
  r = seeded(29);
  EXPECT_EQ(r.triangular(5.0, 5.0, 5.0), 5.0);
  expect_same_bits({r.random()}, {0x1.6221bccc9caacp-2});
}

TEST(PyRandomTest, GaussCachesSecondValue) {
  PyRandom r = seeded(31);
  expect_same_bits(
      repeat(7, [&] { return r.gauss(0.0, 1.0); }),
      {0x1.f28fdfc0b9f7ap-2, 0x1.344f7749ee438p-5, -0x1.2fb8374456f70p+0, 0x1.e48a44c0300fbp-1,
       0x1.41f83cdf0c3a6p-2, 0x1.7ebda00bfd0e6p-2, 0x1.895e2c1492e34p-3});
  r = seeded(31);
  expect_same_bits(repeat(5, [&] { return r.gauss(10.0, 0.5); }),
                   {0x1.47ca3f7f02e7ep+3, 0x1.409a27bba4f72p+3, 0x1.2d047c8bba909p+3,
                    0x1.4f24522601808p+3, 0x1.4507e0f37c30fp+3});
}

TEST(PyRandomTest, LognormExpoVonMises) {
  PyRandom r = seeded(37);
  double v = 0.0;
  expect_same_bits(repeat(6,
                          [&] {
                            EXPECT_TRUE(r.lognormvariate(0.5, 0.75, &v, nullptr));
                            return v;
                          }),
                   {0x1.111854a80aa53p+1, 0x1.1349780377375p+2, 0x1.005292c59ff77p+2,
                    0x1.13b3ca4c7a436p+1, 0x1.b77a28a09248bp+0, 0x1.7c80d2a8022f7p+1});
  r = seeded(37);
  expect_same_bits(repeat(6,
                          [&] {
                            EXPECT_TRUE(r.expovariate(2.5, &v, nullptr));
                            return v;
                          }),
                   {0x1.d54943c2b0568p-2, 0x1.3ad028a0cf3b6p-5, 0x1.89f9b458eea55p-2,
                    0x1.79c8f761dc136p-1, 0x1.7074063ba2b9ep-1, 0x1.2867762b9ea3ap-2});
  r = seeded(37);
  expect_same_bits(repeat(3,
                          [&] {
                            EXPECT_TRUE(r.expovariate(-1.0, &v, nullptr));
                            return v;
                          }),
                   {-0x1.254dca59ae361p+0, -0x1.898432c9030a3p-4, -0x1.ec78216f2a4eap-1});
  r = seeded(37);
  expect_same_bits(repeat(6,
                          [&] {
                            EXPECT_TRUE(r.vonmisesvariate(1.0, 4.0, &v, nullptr));
                            return v;
                          }),
                   {0x1.db96abead589ep+0, 0x1.f40953fa0282ap-2, 0x1.88370adb8a040p+0,
                    0x1.591d4b5584c04p-2, 0x1.041146781bf78p+1, 0x1.db3b411704b87p-1});
  r = seeded(37);
  expect_same_bits(repeat(6,
                          [&] {
                            EXPECT_TRUE(r.vonmisesvariate(-2.0, 0.5, &v, nullptr));
                            return v;
                          }),
                   {0x1.812bf15cf8929p+2, 0x1.906aa80e923a0p-2, 0x1.7593334dff027p+2,
                    0x1.2028c9a778b98p+2, 0x1.380b3b5a8f72cp+2, 0x1.5168783cd61f2p+2});
  r = seeded(37);
  expect_same_bits(repeat(3,
                          [&] {
                            EXPECT_TRUE(r.vonmisesvariate(0.0, 1e-7, &v, nullptr));
                            return v;
                          }),
                   {0x1.1240141155b41p+2, 0x1.26af4c1299b62p-1, 0x1.f0e09c99a8333p+1});
}

TEST(PyRandomTest, GammaBetaParetoWeibull) {
  double v = 0.0;
  auto gamma = [&](double a, double b) {
    PyRandom r = seeded(41);
    return repeat(6, [&] {
      EXPECT_TRUE(r.gammavariate(a, b, &v, nullptr));
      return v;
    });
  };
  expect_same_bits(gamma(0.5, 2.0),
                   {0x1.a0c29d6c0ea95p-2, 0x1.3c8f9f24371bdp-4, 0x1.b709e8ef054fbp-1,
                    0x1.140d1267b0a5bp-4, 0x1.7753a7d1fd57cp+0, 0x1.45351f8926373p-7});
  expect_same_bits(gamma(1.0, 3.0),
                   {0x1.706599a31dda9p+0, 0x1.92e43ee50c531p-1, 0x1.16e29f18ddc94p-1,
                    0x1.d6aecdaba3272p+2, 0x1.4b3d91d49de97p+1, 0x1.c1e60c38643e9p+1});
  expect_same_bits(gamma(7.5, 0.5),
                   {0x1.a59ee628ef801p+1, 0x1.37d25e191459cp+1, 0x1.050843d2bec16p+2,
                    0x1.fc1f799030b92p+1, 0x1.39c5de642ca4ep+2, 0x1.513d0777126f6p+2});
  PyRandom r = seeded(43);
  expect_same_bits(repeat(6,
                          [&] {
                            EXPECT_TRUE(r.betavariate(2.0, 5.0, &v, nullptr));
                            return v;
                          }),
                   {0x1.a06117744f7cdp-4, 0x1.910446ea9fc15p-2, 0x1.7f275ce6f7527p-5,
                    0x1.4f777a7124fcap-2, 0x1.20de50d5dd503p-1, 0x1.b870fa39ee244p-3});
  r = seeded(43);
  expect_same_bits(repeat(6,
                          [&] {
                            EXPECT_TRUE(r.betavariate(0.3, 0.4, &v, nullptr));
                            return v;
                          }),
                   {0x1.43da86e422d10p-9, 0x1.ffa37954abfe2p-1, 0x1.d9cd61c4bb19dp-3,
                    0x1.5c766e591de28p-3, 0x1.16d1a11013bb8p-1, 0x1.278bf7c46ccf4p-13});
  r = seeded(47);
  expect_same_bits(repeat(6,
                          [&] {
                            EXPECT_TRUE(r.paretovariate(3.0, &v, nullptr));
                            return v;
                          }),
                   {0x1.27cf8d5f88881p+0, 0x1.34ca13472b805p+0, 0x1.3926e8e819e57p+0,
                    0x1.268c1c01c89a3p+0, 0x1.4542cc97c4a43p+0, 0x1.2e40d80db0dcep+0});
  r = seeded(47);
  expect_same_bits(repeat(6,
                          [&] {
                            EXPECT_TRUE(r.weibullvariate(2.0, 1.5, &v, nullptr));
                            return v;
                          }),
                   {0x1.2552f7e461b5cp+0, 0x1.5cdd5d887349dp+0, 0x1.6e0eee8a59dbap+0,
                    0x1.1f81201696956p+0, 0x1.9aabdbc4ddec9p+0, 0x1.41caefd868829p+0});
}

TEST(PyRandomTest, LongStreamChecksums) {
  // Thousands of draws reach the rejection loops' rare branches.
  PyRandom r = seeded(2023);
  double v = 0.0;
  auto checked = [&](bool ok) {
    EXPECT_TRUE(ok);
    return v;
  };
  std::vector<double> g_small =
      repeat(2000, [&] { return checked(r.gammavariate(0.3, 1.0, &v, nullptr)); });
  std::vector<double> g_big =
      repeat(2000, [&] { return checked(r.gammavariate(4.5, 1.0, &v, nullptr)); });
  std::vector<double> vm =
      repeat(2000, [&] { return checked(r.vonmisesvariate(1.0, 3.0, &v, nullptr)); });
  std::vector<double> beta =
      repeat(2000, [&] { return checked(r.betavariate(0.7, 2.0, &v, nullptr)); });
  std::vector<double> nv = repeat(2000, [&] { return r.normalvariate(0.0, 1.0); });
  std::vector<double> ga = repeat(2001, [&] { return r.gauss(0.0, 1.0); });
  std::vector<int64_t> picks;
  ASSERT_TRUE(r.sample(1000, 500, &picks, nullptr));
  // Expected below: the same calls, in order, after random.seed(2023).
  EXPECT_EQ(fnv(g_small), 6005181982601658673ull);
  EXPECT_EQ(fnv(g_big), 12661003150955830364ull);
  EXPECT_EQ(fnv(vm), 7009864191761565826ull);
  EXPECT_EQ(fnv(beta), 3546039098527838026ull);
  EXPECT_EQ(fnv(nv), 11085315264415686070ull);
  EXPECT_EQ(fnv(ga), 9776627342722402792ull);
  std::vector<double> as_doubles(picks.begin(), picks.end());
  EXPECT_EQ(fnv(as_doubles), 2706748875988722803ull);
}

TEST(PyRandomTest, DistributionErrors) {
  double v = 0.0;
  RandomError err;
  // expovariate(0) draws, then divides by zero.
  PyRandom r = seeded(53);
  EXPECT_FALSE(r.expovariate(0.0, &v, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kZeroDivisionError);
  EXPECT_EQ(err.message, "float division by zero");
  expect_same_bits({r.random()}, {0x1.c7c03d8dd3d1ap-1});

  PyRandom p = seeded(0);  // random.seed(0); paretovariate(0.001) overflows
  EXPECT_FALSE(p.paretovariate(0.001, &v, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kOverflowError);
  EXPECT_EQ(err.message, "(34, 'Numerical result out of range')");

  PyRandom l = seeded(2);  // random.seed(2); lognormvariate(0, 1000) overflows exp()
  EXPECT_FALSE(l.lognormvariate(0.0, 1000.0, &v, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kOverflowError);
  EXPECT_EQ(err.message, "math range error");

  EXPECT_FALSE(r.gammavariate(0.0, 1.0, &v, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kValueError);
  EXPECT_EQ(err.message, "gammavariate: alpha and beta must be > 0.0");
  EXPECT_FALSE(r.gammavariate(1.0, -1.0, &v, &err));
  EXPECT_EQ(err.message, "gammavariate: alpha and beta must be > 0.0");
  EXPECT_FALSE(r.betavariate(1.0, 0.0, &v, &err));
  EXPECT_EQ(err.message, "gammavariate: alpha and beta must be > 0.0");
  EXPECT_FALSE(r.weibullvariate(1.0, 0.0, &v, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kZeroDivisionError);
  EXPECT_FALSE(r.paretovariate(0.0, &v, &err));
  EXPECT_EQ(err.message, "float division by zero");
  // A negative shape is allowed: (-log(u)) ** (1 / beta) with a negative exponent.
  PyRandom w = seeded(59);
  ASSERT_TRUE(w.weibullvariate(1.0, -2.0, &v, &err));
  expect_same_bits({v}, {0x1.fc1c5afecc172p+0});
}

// ---------------------------------------------------------------------------------------
// State.

TEST(PyRandomTest, GetstateSetstateRoundTrip) {
  PyRandom r = seeded(42);
  for (int i = 0; i < 3; ++i) r.random();
  r.gauss(0.0, 1.0);
  PyRandomState state = r.getstate();
  // CPython: random.seed(42); 3 x random(); gauss() -> getstate()[1][624], [2].
  EXPECT_EQ(state.mt.pos, 10);
  ASSERT_TRUE(state.gauss_next.has_value());
  expect_same_bits({*state.gauss_next}, {0x1.9c2d9e86f47ddp+0});
  EXPECT_EQ(state.mt.key[0], 2468570525u);

  std::vector<double> first = repeat(4, [&] { return r.gauss(0.0, 1.0); });
  PyRandom other = seeded(1);
  ASSERT_TRUE(other.setstate(state, nullptr));
  expect_same_bits(repeat(4, [&] { return other.gauss(0.0, 1.0); }), first);

  PyRandomState bad = state;
  bad.mt.pos = 625;
  RandomError err;
  EXPECT_FALSE(other.setstate(bad, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kValueError);
  EXPECT_EQ(err.message, "invalid state");
}

}  // namespace
}  // namespace pyjitvm::stdlib
