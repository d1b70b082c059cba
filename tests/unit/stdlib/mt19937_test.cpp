// tests/unit/stdlib/mt19937_test.cpp — MT19937 core against CPython 3.11 / NumPy 1.24 streams.
//
// Stage: seeds → stdlib/mt19937 → raw words, doubles and state, compared with literals
//        produced by /usr/bin/python3 (CPython 3.11.2, NumPy 1.24.2).
//
// Invariants:
//   I1  Expected values are literals; the test never runs Python.
//   I2  Doubles compare by bit pattern (hex-float literals), never with a tolerance.
#include "stdlib/mt19937.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <vector>

namespace pyjitvm::stdlib {
namespace {

std::vector<uint64_t> draw_words(Mt19937& mt, int n) {
  std::vector<uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(mt.genrand_uint32());
  return out;
}

TEST(Mt19937Test, DefaultSeedIsReference5489) {
  // mt19937ar with init_genrand(5489): the classic first outputs.
  Mt19937 mt;
  std::vector<uint64_t> want = {3499211612ull, 581869302,     3890346734ull, 3586334585ull,
                                545404204,     4161255391ull, 3922919429ull, 949333985};
  EXPECT_EQ(draw_words(mt, 8), want);
}

TEST(Mt19937Test, InitGenrandMatchesNumPySeed) {
  // np.random.RandomState(s).randint(0, 2**32, dtype=uint64) hands out raw words.
  Mt19937 mt;
  mt.init_genrand(0);
  std::vector<uint64_t> want0 = {2357136044ull, 2546248239ull, 3071714933ull,
                                 3626093760ull, 2588848963ull, 3684848379ull};
  EXPECT_EQ(draw_words(mt, 6), want0);
  mt.init_genrand(4294967295u);
  std::vector<uint64_t> want_max = {419326371,     479346978,     3918654476ull,
                                    2416749639ull, 3388880820ull, 2260532800ull};
  EXPECT_EQ(draw_words(mt, 6), want_max);
}

TEST(Mt19937Test, StreamCrossesRegenerationBoundaries) {
  Mt19937 mt;
  mt.init_genrand(42);
  std::vector<uint64_t> all = draw_words(mt, 2000);
  std::vector<uint64_t> ref = {1608637542, 336967606,  1077437785,    108880612,
                               791707097,  1014112781, 2655384025ull, 2238969328ull};
  std::vector<uint64_t> got = {all[0],   all[622],  all[623],  all[624],
                               all[625], all[1247], all[1248], all[1999]};
  EXPECT_EQ(got, ref);
}

TEST(Mt19937Test, InitByArrayMatchesReferenceAndNumPy) {
  // The mt19937ar test key {0x123, 0x234, 0x345, 0x456}: 1067595299 955945823 ...
  Mt19937 mt;
  const uint32_t key[4] = {0x123, 0x234, 0x345, 0x456};
  mt.init_by_array(key);
  std::vector<uint64_t> want = {1067595299, 955945823, 477289528, 4107218783ull, 4228976476ull};
  EXPECT_EQ(draw_words(mt, 5), want);
}

TEST(Mt19937Test, InitByArrayLongKeyMatchesNumPy) {
  // A key longer than the state (700 words) takes the k = key_length path.
  std::vector<uint32_t> key(700);
  for (uint32_t i = 0; i < 700; ++i) key[i] = i * 2654435761u;
  Mt19937 mt;
  mt.init_by_array(key);
  std::vector<uint64_t> want = {1179226133, 532799835, 517808143, 2867954353ull, 1375274727};
  EXPECT_EQ(draw_words(mt, 5), want);
}

TEST(Mt19937Test, InitByArrayMatchesCPythonIntSeed) {
  // random.seed(0) is init_by_array({0}); getrandbits(32) returns one raw word.
  Mt19937 mt;
  const uint32_t zero = 0;
  mt.init_by_array(std::span<const uint32_t>(&zero, 1));
  std::vector<uint64_t> want = {3626764237ull, 1654615998, 3255389356ull, 3823568514ull};
  EXPECT_EQ(draw_words(mt, 4), want);
  // An empty key behaves as {0}.
  Mt19937 empty;
  empty.init_by_array({});
  EXPECT_EQ(draw_words(empty, 4), want);
}

TEST(Mt19937Test, Res53MatchesRandomSample) {
  Mt19937 mt;
  mt.init_genrand(7);
  std::vector<double> got;
  for (int i = 0; i < 6; ++i) got.push_back(mt.genrand_res53());
  const double want[] = {0x1.388f0a7465c98p-4, 0x1.8f5184146a0a7p-1, 0x1.c0ee597d36686p-2,
                         0x1.726a071d284d9p-1, 0x1.f4bb0a93b67b2p-1, 0x1.13b5bb10e3428p-1};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(std::bit_cast<uint64_t>(got[i]), std::bit_cast<uint64_t>(want[i])) << i;
  }
}

TEST(Mt19937Test, Uint64TakesHighWordFirst) {
  Mt19937 a;
  Mt19937 b;
  a.init_genrand(5);
  b.init_genrand(5);
  uint64_t high = b.genrand_uint32();
  uint64_t low = b.genrand_uint32();
  EXPECT_EQ(a.genrand_uint64(), (high << 32) | low);
  // NumPy: RandomState(5).randint(0, 2**40, dtype=uint64) masks one 64-bit draw.
  Mt19937 c;
  c.init_genrand(5);
  EXPECT_EQ(c.genrand_uint64() & ((uint64_t{1} << 40) - 1), 425438759118ull);
}

TEST(Mt19937Test, StateMatchesNumPyGetState) {
  Mt19937 mt;
  mt.init_genrand(123);
  Mt19937State fresh = mt.get_state();
  EXPECT_EQ(fresh.pos, 624);
  EXPECT_EQ(fresh.key[0], 123u);
  EXPECT_EQ(fresh.key[623], 3987333491u);
  for (int i = 0; i < 3; ++i) mt.genrand_uint32();
  Mt19937State after = mt.get_state();
  EXPECT_EQ(after.pos, 3);
  EXPECT_EQ(after.key[0], 1122872025u);
}

TEST(Mt19937Test, SetStateRoundTripsAndRejectsBadPosition) {
  Mt19937 mt;
  mt.init_genrand(99);
  for (int i = 0; i < 700; ++i) mt.genrand_uint32();
  Mt19937State saved = mt.get_state();
  std::vector<uint64_t> first = draw_words(mt, 10);
  Mt19937 other;
  ASSERT_TRUE(other.set_state(saved));
  EXPECT_EQ(draw_words(other, 10), first);

  Mt19937State bad = saved;
  bad.pos = 625;
  EXPECT_FALSE(other.set_state(bad));
  bad.pos = -1;
  EXPECT_FALSE(other.set_state(bad));
  // A rejected state leaves the generator untouched.
  Mt19937 again;
  ASSERT_TRUE(again.set_state(saved));
  again.genrand_uint32();
  ASSERT_TRUE(again.set_state(saved));
  EXPECT_EQ(draw_words(again, 10), first);
}

TEST(Mt19937Test, SeedingResetsPosition) {
  Mt19937 mt;
  mt.init_genrand(1);
  mt.genrand_uint32();
  mt.init_genrand(1);
  EXPECT_EQ(mt.get_state().pos, 624);
  const uint32_t key[2] = {1, 2};
  mt.genrand_uint32();
  mt.init_by_array(key);
  EXPECT_EQ(mt.get_state().pos, 624);
  EXPECT_EQ(mt.get_state().key[0], 0x80000000u);
}

TEST(Mt19937Test, ReadUrandomFillsWords) {
  std::vector<uint32_t> words(64, 0);
  ASSERT_TRUE(read_urandom(words));
  int nonzero = 0;
  for (uint32_t w : words) nonzero += w != 0;
  EXPECT_GT(nonzero, 32);
}

TEST(Mt19937Test, SetRandomErrorFillsAndReturnsFalse) {
  RandomError err;
  EXPECT_FALSE(set_random_error(&err, RandomErrorKind::kIndexError, "boom"));
  EXPECT_EQ(err.kind, RandomErrorKind::kIndexError);
  EXPECT_EQ(err.message, "boom");
  EXPECT_FALSE(set_random_error(nullptr, RandomErrorKind::kValueError, "ignored"));
}

}  // namespace
}  // namespace pyjitvm::stdlib
