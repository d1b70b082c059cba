// tests/unit/stdlib/np_random_legacy_test.cpp — LegacyRandomState against NumPy 1.24.2.
//
// Stage: seeds and calls → stdlib/np_random_legacy → values compared with literals that
//        /usr/bin/python3 with NumPy 1.24.2 printed for np.random.RandomState(seed).
//
// Invariants:
//   I1  Expected values are literals; the test never runs Python.
//   I2  Doubles compare by bit pattern (hex-float literals); integers exactly.
//   I3  A span fill stands for one NumPy call with size=len(span); the literals come
//       from the same sequence of calls on one RandomState.
#include "stdlib/np_random_legacy.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace pyjitvm::stdlib {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

void expect_same_bits(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(std::bit_cast<uint64_t>(got[i]), std::bit_cast<uint64_t>(want[i]))
        << "index " << i << ": got " << got[i] << " want " << want[i];
  }
}

// FNV-1a-style hash over 64-bit patterns (doubles by bits, ints by value), for long
// streams whose literals would be too bulky.
uint64_t fnv(const std::vector<double>& values) {
  uint64_t h = 1469598103934665603ull;
  for (double v : values) h = (h ^ std::bit_cast<uint64_t>(v)) * 1099511628211ull;
  return h;
}

uint64_t fnv(const std::vector<int64_t>& values) {
  uint64_t h = 1469598103934665603ull;
  for (int64_t v : values) h = (h ^ static_cast<uint64_t>(v)) * 1099511628211ull;
  return h;
}

LegacyRandomState seeded(int64_t seed) {
  LegacyRandomState rs;
  EXPECT_TRUE(rs.seed(seed, nullptr));
  return rs;
}

// One randint call with size=n and dtype T, returned as int64 for comparison.
template <class T>
std::vector<int64_t> randint_n(LegacyRandomState& rs, __int128 low, __int128 high, size_t n) {
  std::unique_ptr<T[]> buf(new T[n]);
  RandomError err;
  EXPECT_TRUE(rs.randint<T>(low, high, std::span<T>(buf.get(), n), &err)) << err.message;
  std::vector<int64_t> out;
  for (size_t i = 0; i < n; ++i) out.push_back(static_cast<int64_t>(buf[i]));
  return out;
}

template <class T>
std::string randint_error(__int128 low, __int128 high) {
  LegacyRandomState rs;
  T value{};
  RandomError err;
  EXPECT_FALSE(rs.randint<T>(low, high, std::span<T>(&value, 1), &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kValueError);
  return err.message;
}

// ---------------------------------------------------------------------------------------
// Seeding, uniform doubles, state.

TEST(NpRandomLegacyTest, SeedsAndRandomSample) {
  LegacyRandomState rs = seeded(0);
  std::vector<double> got(5);
  rs.random_sample(got);
  expect_same_bits(got, {0x1.18fe1565f12a8p-1, 0x1.6e2d4cf608733p-1, 0x1.349d66b6e894bp-1,
                         0x1.16faedb6395f5p-1, 0x1.b1d2904fd0ef6p-2});
  rs = seeded(4294967295);
  expect_same_bits({rs.random_sample(), rs.random_sample()},
                   {0x1.8fe69a3924820p-4, 0x1.d323d824032b1p-1});
  LegacyRandomState arr;
  const int64_t key[] = {1, 2, 3};
  ASSERT_TRUE(arr.seed_array(key, nullptr));
  got.resize(3);
  arr.random_sample(got);
  expect_same_bits(got, {0x1.383fbc97230c2p-1, 0x1.c5fd27a5da181p-1, 0x1.e7c4d155e5af8p-2});
  // The default-constructed state is RandomState(0).
  LegacyRandomState fresh;
  expect_same_bits({fresh.random_sample()}, {0x1.18fe1565f12a8p-1});
}

TEST(NpRandomLegacyTest, SeedErrors) {
  LegacyRandomState rs;
  RandomError err;
  EXPECT_FALSE(rs.seed(-1, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kValueError);
  EXPECT_EQ(err.message, "Seed must be between 0 and 2**32 - 1");
  EXPECT_FALSE(rs.seed(int64_t{1} << 32, &err));
  EXPECT_EQ(err.message, "Seed must be between 0 and 2**32 - 1");
  EXPECT_FALSE(rs.seed_array({}, &err));
  EXPECT_EQ(err.message, "Seed must be non-empty");
  const int64_t bad[] = {1, -1};
  EXPECT_FALSE(rs.seed_array(bad, &err));
  EXPECT_EQ(err.message, "Seed must be between 0 and 2**32 - 1");
}

TEST(NpRandomLegacyTest, StandardNormalAndGaussCacheInState) {
  LegacyRandomState rs = seeded(1);
  std::vector<double> got(5);
  rs.standard_normal(got);  // odd count: one value stays cached
  expect_same_bits(got, {0x1.9fd5190657c50p+0, -0x1.393822fb7d9adp-1, -0x1.0e6c872548fd2p-1,
                         -0x1.12ae1255cb80cp+0, 0x1.bb16b5735117dp-1});
  LegacyState state = rs.get_state();
  // NumPy: get_state() -> ('MT19937', key, pos, has_gauss, cached_gaussian).
  EXPECT_TRUE(state.has_gauss);
  expect_same_bits({state.gauss}, {-0x1.2698d1ecca259p+1});
  EXPECT_EQ(state.mt.pos, 20);
  std::vector<double> next(3);
  rs.standard_normal(next);
  expect_same_bits(next, {-0x1.2698d1ecca259p+1, 0x1.beabfbd8fc605p+0, -0x1.85bce931aaff6p-1});

  // set_state restores the cache too; seeding clears it.
  LegacyRandomState other = seeded(99);
  ASSERT_TRUE(other.set_state(state, nullptr));
  std::vector<double> again(3);
  other.standard_normal(again);
  expect_same_bits(again, next);
  ASSERT_TRUE(other.seed(1, nullptr));
  EXPECT_FALSE(other.get_state().has_gauss);
  EXPECT_EQ(other.get_state().gauss, 0.0);
  LegacyState bad = state;
  bad.mt.pos = 700;
  RandomError err;
  EXPECT_FALSE(other.set_state(bad, &err));
  EXPECT_EQ(err.message, "invalid state");
}

TEST(NpRandomLegacyTest, NormalUniformExponential) {
  LegacyRandomState rs = seeded(2);
  std::vector<double> normal(4), uniform(4), stdexp(4), exp(4);
  ASSERT_TRUE(rs.normal(10.0, 2.5, normal, nullptr));
  ASSERT_TRUE(rs.uniform(-3.0, 7.5, uniform, nullptr));
  rs.standard_exponential(stdexp);
  ASSERT_TRUE(rs.exponential(4.0, exp, nullptr));
  expect_same_bits(normal, {0x1.1ea8cc9df35f2p+3, 0x1.3b7fa7c6e10f0p+3, 0x1.2a35686d89c6cp+2,
                            0x1.c338bf0416a20p+3});
  expect_same_bits(uniform, {0x1.69f2dadbb3430p+0, 0x1.dfc28f0f8ca80p-2, -0x1.b3cf16ea5d410p-1,
                             0x1.c04cd88426d52p+1});
  expect_same_bits(stdexp, {0x1.6cbae819c408cp-2, 0x1.3dd2ac201ae8ep-2, 0x1.f0eed8cca7374p-1,
                            0x1.81a349d6777dbp-1});
  expect_same_bits(exp, {0x1.2804bbaa1a7c7p-1, 0x1.70fcd5704ffddp+1, 0x1.a18be68b3f971p-1,
                         0x1.89e6c15171f9fp+2});
  // A NaN scale passes NumPy's non-negative check.
  std::vector<double> nan_out(1);
  ASSERT_TRUE(rs.normal(0.0, kNaN, nan_out, nullptr));
  EXPECT_TRUE(std::isnan(nan_out[0]));
}

TEST(NpRandomLegacyTest, ContinuousParameterErrors) {
  LegacyRandomState rs;
  std::vector<double> out(1);
  RandomError err;
  EXPECT_FALSE(rs.normal(0.0, -1.0, out, &err));
  EXPECT_EQ(err.message, "scale < 0");
  EXPECT_FALSE(rs.normal(0.0, -0.0, out, &err));  // signbit(-0.0)
  EXPECT_EQ(err.message, "scale < 0");
  EXPECT_FALSE(rs.uniform(0.0, kInf, out, &err));
  EXPECT_EQ(err.kind, RandomErrorKind::kOverflowError);
  EXPECT_EQ(err.message, "Range exceeds valid bounds");
  EXPECT_FALSE(rs.uniform(-1e308, 1e308, out, &err));
  EXPECT_EQ(err.message, "Range exceeds valid bounds");
  EXPECT_FALSE(rs.exponential(-1.0, out, &err));
  EXPECT_EQ(err.message, "scale < 0");
  EXPECT_FALSE(rs.standard_gamma(-1.0, out, &err));
  EXPECT_EQ(err.message, "shape < 0");
  EXPECT_FALSE(rs.gamma(1.0, -1.0, out, &err));
  EXPECT_EQ(err.message, "scale < 0");
  EXPECT_FALSE(rs.beta(0.0, 1.0, out, &err));
  EXPECT_EQ(err.message, "a <= 0");
  EXPECT_FALSE(rs.beta(1.0, 0.0, out, &err));
  EXPECT_EQ(err.message, "b <= 0");
  EXPECT_FALSE(rs.chisquare(0.0, out, &err));
  EXPECT_EQ(err.message, "df <= 0");
  // Failed checks draw nothing.
  expect_same_bits({rs.random_sample()}, {0x1.18fe1565f12a8p-1});
}

// ---------------------------------------------------------------------------------------
// Poisson and binomial.

TEST(NpRandomLegacyTest, PoissonSmallAndLargeLambda) {
  // lam < 10: multiplication method; lam >= 10: PTRS. Six draws per lam, one state.
  LegacyRandomState rs = seeded(3);
  const double lams[] = {0.0, 0.5, 5.0, 9.99, 10.0, 50.0, 1e6, 1e12};
  const std::vector<std::vector<int64_t>> want = {
      {0, 0, 0, 0, 0, 0},
      {0, 1, 0, 2, 0, 0},
      {2, 4, 5, 4, 7, 5},
      {9, 12, 10, 4, 18, 13},
      {11, 9, 7, 11, 8, 17},
      {37, 51, 42, 54, 47, 59},
      {1000727, 1000574, 1000679, 1000678, 999454, 1001340},
      {1000001360120ll, 999999072609ll, 1000000585922ll, 999999368029ll, 1000001307444ll,
       999999116091ll}};
  for (size_t i = 0; i < std::size(lams); ++i) {
    std::vector<int64_t> out(6);
    ASSERT_TRUE(rs.poisson(lams[i], out, nullptr));
    EXPECT_EQ(out, want[i]) << "lam = " << lams[i];
  }
}

TEST(NpRandomLegacyTest, PoissonErrors) {
  LegacyRandomState rs;
  std::vector<int64_t> out(1);
  RandomError err;
  EXPECT_FALSE(rs.poisson(-1.0, out, &err));
  EXPECT_EQ(err.message, "lam < 0 or lam is NaN");
  EXPECT_FALSE(rs.poisson(kNaN, out, &err));
  EXPECT_EQ(err.message, "lam < 0 or lam is NaN");
  EXPECT_FALSE(rs.poisson(1e19, out, &err));
  EXPECT_EQ(err.message, "lam value too large");
  EXPECT_TRUE(rs.poisson(9.2e18, out, &err));
}

struct BinomialCase {
  int64_t n;
  double p;
};

TEST(NpRandomLegacyTest, BinomialInversionAndBtpe) {
  // Inversion (n*p <= 30), BTPE (n*p > 30), and both mirrored for p > 0.5.
  const BinomialCase cases[] = {{10, 0.3},          {1000, 0.02}, {100, 0.5}, {100, 0.9},
                                {1000000, 0.7},     {5, 1.0},     {40, 0.99}, {2000, 0.25},
                                {1LL << 40, 0.001}, {63, 0.5}};
  LegacyRandomState rs = seeded(4);
  std::vector<int64_t> got;
  for (const BinomialCase& c : cases) {
    std::vector<int64_t> out(8);
    ASSERT_TRUE(rs.binomial(c.n, c.p, out, nullptr));
    got.insert(got.end(), out.begin(), out.end());
  }
  std::vector<int64_t> want = {
      6,          3,          6,          4,          4,          2,          6,
      0,          17,         19,         23,         16,         25,         30,
      16,         21,         47,         43,         50,         53,         48,
      53,         44,         48,         90,         89,         91,         89,
      91,         89,         88,         93,         700005,     699343,     699890,
      699613,     699346,     699522,     700260,     699522,     5,          5,
      5,          5,          5,          5,          5,          5,          39,
      39,         40,         40,         40,         40,         40,         40,
      490,        498,        518,        499,        496,        492,        532,
      486,        1099531604, 1099528561, 1099539449, 1099506745, 1099486329, 1099591501,
      1099466316, 1099516887, 37,         29,         29,         28,         27,
      39,         31,         32};
  EXPECT_EQ(got, want);
}

TEST(NpRandomLegacyTest, BinomialZeroStillDraws) {
  // The legacy path has no shortcut: binomial(0, p) and binomial(n, 0) consume a double.
  LegacyRandomState rs = seeded(1);
  EXPECT_EQ(rs.binomial(0, 0.5), 0);
  EXPECT_EQ(rs.binomial(10, 0.0), 0);
  expect_same_bits({rs.random_sample()}, {0x1.dfb906661c000p-14});
}

TEST(NpRandomLegacyTest, BinomialErrors) {
  LegacyRandomState rs;
  std::vector<int64_t> out(1);
  RandomError err;
  EXPECT_FALSE(rs.binomial(-1, 2.0, out, &err));  // p is checked first
  EXPECT_EQ(err.message, "p < 0, p > 1 or p is NaN");
  EXPECT_FALSE(rs.binomial(-1, 0.5, out, &err));
  EXPECT_EQ(err.message, "n < 0");
  EXPECT_FALSE(rs.binomial(10, kNaN, out, &err));
  EXPECT_EQ(err.message, "p < 0, p > 1 or p is NaN");
}

// ---------------------------------------------------------------------------------------
// Gamma family and geometric.

TEST(NpRandomLegacyTest, GammaBetaChisquareGeometric) {
  LegacyRandomState rs = seeded(5);
  std::vector<double> sg_small(5), sg_one(3), sg_big(5), g(4), b_johnk(5), b_gamma(5), chi(4);
  std::vector<int64_t> geo_search(6), geo_inv(6);
  ASSERT_TRUE(rs.standard_gamma(0.4, sg_small, nullptr));
  ASSERT_TRUE(rs.standard_gamma(1.0, sg_one, nullptr));
  ASSERT_TRUE(rs.standard_gamma(3.5, sg_big, nullptr));
  ASSERT_TRUE(rs.gamma(2.0, 1.5, g, nullptr));
  ASSERT_TRUE(rs.beta(0.5, 0.7, b_johnk, nullptr));
  ASSERT_TRUE(rs.beta(2.0, 5.0, b_gamma, nullptr));
  ASSERT_TRUE(rs.chisquare(3.0, chi, nullptr));
  ASSERT_TRUE(rs.geometric(0.5, geo_search, nullptr));
  ASSERT_TRUE(rs.geometric(0.05, geo_inv, nullptr));
  // Expected below: the same calls, in order, on np.random.RandomState(5).
  expect_same_bits(sg_small, {0x1.7c6cc8a27fef2p-6, 0x1.3e53630b221e0p-6, 0x1.556c870168badp-3,
                              0x1.325bf39043365p-1, 0x1.8924d559a217bp-5});
  expect_same_bits(sg_one, {0x1.58d529121b6ddp-4, 0x1.5751da0cdd5c5p+0, 0x1.2a10c2f48bd8fp-1});
  expect_same_bits(sg_big, {0x1.1a806ae90443bp+1, 0x1.17a831fdc2564p+0, 0x1.e98c87d52b2a0p+2,
                            0x1.a2201f753349dp+2, 0x1.ec5a2f09b998ep+0});
  expect_same_bits(
      g, {0x1.b3f20fa1712a0p-1, 0x1.fe158e54d249cp+1, 0x1.0f8836deff1e1p+0, 0x1.816e9a16de418p+1});
  expect_same_bits(b_johnk, {0x1.ffe72f5556cd2p-1, 0x1.6888510aad013p-3, 0x1.3575f45fb22bap-2,
                             0x1.f2723006ab2fdp-1, 0x1.2c978cd3319e8p-3});
  expect_same_bits(b_gamma, {0x1.89cd9810746d3p-2, 0x1.2ea07e4650cc0p-2, 0x1.313372f32db3dp-2,
                             0x1.45d91857ec78ap-1, 0x1.6d1d94b8b7ca8p-3});
  expect_same_bits(chi, {0x1.0cbb3cc44467ep+1, 0x1.a847713eac32ep+1, 0x1.1b8eef223e230p+1,
                         0x1.8be8a24f71986p-1});
  EXPECT_EQ(geo_search, (std::vector<int64_t>{1, 3, 1, 2, 1, 7}));
  EXPECT_EQ(geo_inv, (std::vector<int64_t>{32, 2, 5, 12, 24, 8}));
  std::vector<int64_t> out(1);
  RandomError err;
  EXPECT_FALSE(rs.geometric(0.0, out, &err));
  EXPECT_EQ(err.message, "p <= 0, p > 1 or p contains NaNs");
}

TEST(NpRandomLegacyTest, LongStreamChecksums) {
  // Thousands of draws reach the rare branches (BTPE's far-tail test, PTRS rejections,
  // gamma's second acceptance test); each hash covers one NumPy call.
  LegacyRandomState rs = seeded(2023);
  std::vector<int64_t> bin_far(5000), bin_mid(5000), poi_big(5000), poi_small(5000), geo(3000);
  std::vector<double> g_small(3000), g_big(3000), b_johnk(3000), b_gamma(3000), norm(5001);
  ASSERT_TRUE(rs.binomial(1000000, 0.3, bin_far, nullptr));
  ASSERT_TRUE(rs.binomial(200, 0.4, bin_mid, nullptr));
  ASSERT_TRUE(rs.poisson(25.0, poi_big, nullptr));
  ASSERT_TRUE(rs.poisson(3.0, poi_small, nullptr));
  ASSERT_TRUE(rs.standard_gamma(0.3, g_small, nullptr));
  ASSERT_TRUE(rs.standard_gamma(5.0, g_big, nullptr));
  ASSERT_TRUE(rs.beta(0.5, 0.5, b_johnk, nullptr));
  ASSERT_TRUE(rs.beta(3.0, 4.0, b_gamma, nullptr));
  ASSERT_TRUE(rs.geometric(0.01, geo, nullptr));
  rs.standard_normal(norm);
  std::vector<int64_t> u8 = randint_n<uint8_t>(rs, 0, 100, 5000);
  // Expected below: the same calls, in order, on np.random.RandomState(2023).
  EXPECT_EQ(fnv(bin_far), 13593465165996231117ull);
  EXPECT_EQ(fnv(bin_mid), 811868461490543517ull);
  EXPECT_EQ(fnv(poi_big), 3267329011817922336ull);
  EXPECT_EQ(fnv(poi_small), 10024677253489049557ull);
  EXPECT_EQ(fnv(g_small), 18057039525862518652ull);
  EXPECT_EQ(fnv(g_big), 3285763419115085678ull);
  EXPECT_EQ(fnv(b_johnk), 11008651835817046659ull);
  EXPECT_EQ(fnv(b_gamma), 4628601954077689908ull);
  EXPECT_EQ(fnv(geo), 6949095950822520257ull);
  EXPECT_EQ(fnv(norm), 10789252288322009847ull);
  EXPECT_EQ(fnv(u8), 569003924657582406ull);
}

// ---------------------------------------------------------------------------------------
// randint.

TEST(NpRandomLegacyTest, RandintInt64Paths) {
  LegacyRandomState rs = seeded(6);
  const __int128 two32 = __int128{1} << 32;
  const __int128 two63 = __int128{1} << 63;
  std::vector<int64_t> small = randint_n<int64_t>(rs, 0, 10, 8);        // masked 32-bit
  std::vector<int64_t> raw32 = randint_n<int64_t>(rs, 0, two32, 4);     // rng = 2**32 - 1
  std::vector<int64_t> wide = randint_n<int64_t>(rs, 0, two32 + 1, 4);  // 64-bit draws
  std::vector<int64_t> neg = randint_n<int64_t>(rs, -5, 5, 6);
  std::vector<int64_t> full = randint_n<int64_t>(rs, -two63, two63, 3);  // raw 64-bit
  std::vector<int64_t> cross = randint_n<int64_t>(rs, -(two32 + 7), two32 * 3, 5);
  std::vector<int64_t> constant = randint_n<int64_t>(rs, 7, 8, 3);  // rng 0: no draws
  // Expected below: the same calls, in order, on np.random.RandomState(6).
  EXPECT_EQ(small, (std::vector<int64_t>{9, 3, 4, 0, 9, 1, 9, 1}));
  EXPECT_EQ(raw32, (std::vector<int64_t>{2673700588ll, 3544246894ll, 1881803076, 3242756001ll}));
  EXPECT_EQ(wide, (std::vector<int64_t>{1674932354, 1029992404, 3110968197ll, 2914152050ll}));
  EXPECT_EQ(neg, (std::vector<int64_t>{0, 0, -4, -1, 0, -5}));
  EXPECT_EQ(full, (std::vector<int64_t>{5574062992698022015ll, 4360932782224009535ll,
                                        3857799907033767509ll}));
  EXPECT_EQ(cross, (std::vector<int64_t>{8954325042ll, 5230798663ll, 6638698195ll, 11767612750ll,
                                         11682730106ll}));
  EXPECT_EQ(constant, (std::vector<int64_t>{7, 7, 7}));
  expect_same_bits({rs.random_sample()}, {0x1.6f4628b30f95ep-1});
}

TEST(NpRandomLegacyTest, RandintUint64AndUint32) {
  LegacyRandomState rs = seeded(7);
  const __int128 two64 = __int128{1} << 64;
  std::vector<uint64_t> full(3);
  ASSERT_TRUE(rs.randint<uint64_t>(0, two64, std::span<uint64_t>(full), nullptr));
  std::vector<uint64_t> high(3);
  ASSERT_TRUE(rs.randint<uint64_t>(two64 - 1000, two64, std::span<uint64_t>(high), nullptr));
  std::vector<uint32_t> u32(4);
  ASSERT_TRUE(rs.randint<uint32_t>(0, __int128{1} << 32, std::span<uint32_t>(u32), nullptr));
  std::vector<uint32_t> u32m(4);
  ASSERT_TRUE(rs.randint<uint32_t>(100, 3000000000LL, std::span<uint32_t>(u32m), nullptr));
  std::vector<int32_t> i32(4);
  ASSERT_TRUE(rs.randint<int32_t>(INT32_MIN, 5, std::span<int32_t>(i32), nullptr));
  // Expected below: the same calls, in order, on np.random.RandomState(7).
  EXPECT_EQ(full, (std::vector<uint64_t>{1407639518939636932ull, 14386962423634995702ull,
                                         8087222774582268115ull}));
  EXPECT_EQ(high, (std::vector<uint64_t>{18446744073709551535ull, 18446744073709551231ull,
                                         18446744073709550964ull}));
  EXPECT_EQ(u32, (std::vector<uint32_t>{1322904761, 2312822158ull, 1133316631, 2152296008ull}));
  EXPECT_EQ(u32m, (std::vector<uint32_t>{372560317, 309457362, 1801190030, 1152936766}));
  EXPECT_EQ(i32, (std::vector<int32_t>{-2079149176, -504665, -726539897, -511353940}));
}

TEST(NpRandomLegacyTest, RandintBufferedNarrowTypes) {
  // 8/16-bit values and bools are cut from buffered 32-bit words, one buffer per call.
  LegacyRandomState rs = seeded(8);
  std::vector<int64_t> u8_full = randint_n<uint8_t>(rs, 0, 256, 9);
  std::vector<int64_t> u8 = randint_n<uint8_t>(rs, 0, 200, 9);
  std::vector<int64_t> i8 = randint_n<int8_t>(rs, -100, 100, 7);
  std::vector<int64_t> u16 = randint_n<uint16_t>(rs, 0, 1000, 5);
  std::vector<int64_t> i16 = randint_n<int16_t>(rs, -32768, 32768, 5);
  std::vector<int64_t> one_u8 = randint_n<uint8_t>(rs, 3, 9, 1);
  std::vector<int64_t> bits = randint_n<bool>(rs, 0, 2, 40);
  std::vector<int64_t> ones = randint_n<bool>(rs, 1, 2, 4);
  // Expected below: the same calls, in order, on np.random.RandomState(8).
  EXPECT_EQ(u8_full, (std::vector<int64_t>{195, 17, 153, 223, 84, 101, 216, 2, 241}));
  EXPECT_EQ(u8, (std::vector<int64_t>{105, 75, 61, 133, 136, 131, 164, 96, 136}));
  EXPECT_EQ(i8, (std::vector<int64_t>{-17, 55, -97, 4, -79, 48, -41}));
  EXPECT_EQ(u16, (std::vector<int64_t>{703, 31, 48, 747, 877}));
  EXPECT_EQ(i16, (std::vector<int64_t>{-19371, -4557, 13116, 17436, -79}));
  EXPECT_EQ(one_u8, (std::vector<int64_t>{6}));
  EXPECT_EQ(bits,
            (std::vector<int64_t>{0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1,
                                  0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1}));
  EXPECT_EQ(ones, (std::vector<int64_t>{1, 1, 1, 1}));
  expect_same_bits({rs.random_sample()}, {0x1.e9df89f695888p-2});
}

TEST(NpRandomLegacyTest, RandintScalarCallsDoNotShareBuffers) {
  // Two size=None uint8 calls take one 32-bit word each.
  LegacyRandomState rs = seeded(9);
  std::vector<int64_t> a = randint_n<uint8_t>(rs, 0, 256, 1);
  std::vector<int64_t> b = randint_n<uint8_t>(rs, 0, 256, 1);
  EXPECT_EQ(a[0], 126);
  EXPECT_EQ(b[0], 92);
}

TEST(NpRandomLegacyTest, RandintErrors) {
  EXPECT_EQ(randint_error<int64_t>(5, 5), "low >= high");
  EXPECT_EQ(randint_error<int64_t>(0, 0), "high <= 0");
  EXPECT_EQ(randint_error<int64_t>(0, -1), "high <= 0");
  EXPECT_EQ(randint_error<uint8_t>(-1, 5), "low is out of bounds for uint8");
  EXPECT_EQ(randint_error<uint8_t>(0, 257), "high is out of bounds for uint8");
  EXPECT_EQ(randint_error<bool>(0, 3), "high is out of bounds for bool");
  EXPECT_EQ(randint_error<int8_t>(-129, 0), "low is out of bounds for int8");
  EXPECT_EQ(randint_error<int64_t>(0, (__int128{1} << 63) + 1), "high is out of bounds for int64");
  EXPECT_EQ(randint_error<uint64_t>(0, (__int128{1} << 64) + 1),
            "high is out of bounds for uint64");
  // An empty output is returned before any check, as NumPy does for size=0.
  LegacyRandomState rs;
  EXPECT_TRUE(rs.randint<int64_t>(5, 3, std::span<int64_t>(), nullptr));
  std::vector<int64_t> one(1);
  EXPECT_TRUE(rs.random_integers(1, 6, one, nullptr));
  EXPECT_EQ(one[0], 5);
}

// ---------------------------------------------------------------------------------------
// choice, shuffle, permutation.

TEST(NpRandomLegacyTest, ChoiceVariants) {
  LegacyRandomState rs = seeded(10);
  std::vector<int64_t> with_replace(6), with_p(8), no_replace(4), no_replace_p(3), scalar(1);
  const double p[] = {0.1, 0.0, 0.3, 0.6};
  ASSERT_TRUE(rs.choice(5, true, true, std::nullopt, kChoiceDefaultAtol, with_replace, nullptr));
  ASSERT_TRUE(
      rs.choice(4, false, true, std::span<const double>(p), kChoiceDefaultAtol, with_p, nullptr));
  ASSERT_TRUE(rs.choice(10, true, false, std::nullopt, kChoiceDefaultAtol, no_replace, nullptr));
  ASSERT_TRUE(rs.choice(4, true, false, std::span<const double>(p), kChoiceDefaultAtol,
                        no_replace_p, nullptr));
  ASSERT_TRUE(rs.choice(3, true, true, std::nullopt, kChoiceDefaultAtol, scalar, nullptr));
  // Expected below: the same calls, in order, on np.random.RandomState(10).
  EXPECT_EQ(with_replace, (std::vector<int64_t>{1, 4, 0, 1, 3, 4}));
  EXPECT_EQ(with_p, (std::vector<int64_t>{3, 2, 2, 3, 2, 0, 3, 3}));
  EXPECT_EQ(no_replace, (std::vector<int64_t>{7, 5, 9, 4}));
  EXPECT_EQ(no_replace_p, (std::vector<int64_t>{3, 0, 2}));
  EXPECT_EQ(scalar, (std::vector<int64_t>{2}));
  expect_same_bits({rs.random_sample()}, {0x1.760778711bfa8p-3});
}

TEST(NpRandomLegacyTest, ChoiceWithoutReplacementRetriesDuplicates) {
  // Heavily skewed p forces several rounds of the unique-index loop.
  LegacyRandomState rs = seeded(11);
  const double p[] = {0.9, 0.05, 0.03, 0.01, 0.005, 0.005};
  std::vector<int64_t> out(5);
  ASSERT_TRUE(
      rs.choice(6, true, false, std::span<const double>(p), kChoiceDefaultAtol, out, nullptr));
  EXPECT_EQ(out, (std::vector<int64_t>{0, 1, 4, 3, 2}));
  expect_same_bits({rs.random_sample()}, {0x1.c9adceb243cf0p-1});
}

TEST(NpRandomLegacyTest, ChoiceErrors) {
  LegacyRandomState rs;
  std::vector<int64_t> out(1);
  RandomError err;
  auto fails = [&](int64_t pop, bool is_int, bool replace, std::optional<std::span<const double>> p,
                   size_t count) {
    out.assign(count, 0);
    EXPECT_FALSE(rs.choice(pop, is_int, replace, p, kChoiceDefaultAtol, out, &err));
    EXPECT_EQ(err.kind, RandomErrorKind::kValueError);
    return err.message;
  };
  EXPECT_EQ(fails(0, true, true, std::nullopt, 1),
            "a must be greater than 0 unless no samples are taken");
  EXPECT_EQ(fails(0, false, true, std::nullopt, 1),
            "'a' cannot be empty unless no samples are taken");
  const double half[] = {0.5, 0.5};
  EXPECT_EQ(fails(5, true, true, half, 1), "'a' and 'p' must have same size");
  const double with_nan[] = {0.5, kNaN};
  EXPECT_EQ(fails(2, true, true, with_nan, 1), "probabilities contain NaN");
  const double negative[] = {1.5, -0.5};
  EXPECT_EQ(fails(2, true, true, negative, 1), "probabilities are not non-negative");
  const double short_sum[] = {0.5, 0.4};
  EXPECT_EQ(fails(2, true, true, short_sum, 1), "probabilities do not sum to 1");
  EXPECT_EQ(fails(3, true, false, std::nullopt, 5),
            "Cannot take a larger sample than population when 'replace=False'");
  const double sparse[] = {0.5, 0.5, 0.0};
  EXPECT_EQ(fails(3, true, false, sparse, 3), "Fewer non-zero entries in p than size");
  // A sum within the float32 tolerance passes when the caller widens p_atol.
  const double loose[] = {0.5, 0.4999};
  std::vector<int64_t> one(1);
  EXPECT_TRUE(
      rs.choice(2, true, true, std::span<const double>(loose), 3.4526698e-04, one, nullptr));
  // No samples from an empty population is fine.
  EXPECT_TRUE(rs.choice(0, true, true, std::nullopt, kChoiceDefaultAtol, {}, nullptr));
}

TEST(NpRandomLegacyTest, ShufflePermutationAndInterval) {
  LegacyRandomState rs = seeded(12);
  std::vector<int> items = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  rs.shuffle(std::span<int>(items));
  std::vector<int64_t> perm(12);
  rs.permutation(perm);
  // First-axis shuffle of a 2-d array: the same swap sequence applied to rows.
  std::vector<std::vector<int>> rows = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}};
  rs.shuffle_swaps(5, [&](int64_t i, int64_t j) { std::swap(rows[i], rows[j]); });
  std::vector<int> row_order;
  for (const auto& row : rows) row_order.push_back(row[0]);
  // Expected below: the same calls, in order, on np.random.RandomState(12).
  EXPECT_EQ(items, (std::vector<int>{5, 8, 7, 0, 4, 9, 3, 2, 1, 6}));
  EXPECT_EQ(perm, (std::vector<int64_t>{7, 10, 11, 1, 0, 8, 6, 3, 2, 9, 5, 4}));
  EXPECT_EQ(row_order, (std::vector<int>{3, 0, 4, 1, 2}));
  expect_same_bits({rs.random_sample()}, {0x1.0ade234978676p-1});

  // random_interval with a 64-bit bound uses masked 64-bit draws.
  LegacyRandomState big = seeded(13);
  uint64_t v = big.random_interval((uint64_t{1} << 40) + 5);
  uint64_t mask = (uint64_t{1} << 41) - 1;
  LegacyRandomState ref = seeded(13);
  Mt19937State st = ref.get_state().mt;
  Mt19937 mt;
  ASSERT_TRUE(mt.set_state(st));
  uint64_t want = mt.genrand_uint64() & mask;
  while (want > (uint64_t{1} << 40) + 5) want = mt.genrand_uint64() & mask;
  EXPECT_EQ(v, want);
  EXPECT_EQ(big.random_interval(0), 0u);
}

}  // namespace
}  // namespace pyjitvm::stdlib
