// stdlib/mt19937.cpp — MT19937 seeding, regeneration, tempering and urandom access.
//
// Stage: seed → 624-word state → uint32 / uint64 / 53-bit double draws (see mt19937.h).
//
// Invariants:
//   I1  pos_ stays in [0, 624] — `init_genrand()`, `init_by_array()` and `set_state()`
//       leave it at 624 or at a validated value; `genrand_uint32()` regenerates when it
//       reaches 624.
//   I2  The output equals mt19937ar's genrand_int32 word for word — checked against
//       CPython and NumPy streams in tests/unit/stdlib/mt19937_test.cpp.
#include "stdlib/mt19937.h"

#include <cstdio>
#include <utility>

// Bit-exact streams need every product rounded before it is added: no FMA contraction,
// whatever the build's -std=gnu++20 / -march / -mfma flags say.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace pyjitvm::stdlib {

namespace {

constexpr int kShiftM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperMask = 0x80000000u;
constexpr uint32_t kLowerMask = 0x7fffffffu;

// One twist step: combine the top bit of `upper` with the low bits of `lower`.
inline uint32_t twist(uint32_t upper, uint32_t lower, uint32_t far) {
  uint32_t y = (upper & kUpperMask) | (lower & kLowerMask);
  return far ^ (y >> 1) ^ ((y & 1u) != 0 ? kMatrixA : 0u);
}

}  // namespace

bool set_random_error(RandomError* err, RandomErrorKind kind, std::string message) {
  if (err != nullptr) {
    err->kind = kind;
    err->message = std::move(message);
  }
  return false;
}

Mt19937::Mt19937() { init_genrand(5489u); }

void Mt19937::init_genrand(uint32_t seed) {
  key_[0] = seed;
  for (int i = 1; i < kMtStateWords; ++i) {
    uint32_t prev = key_[i - 1];
    key_[i] = 1812433253u * (prev ^ (prev >> 30)) + static_cast<uint32_t>(i);
  }
  pos_ = kMtStateWords;
}

void Mt19937::init_by_array(std::span<const uint32_t> init_key) {
  static constexpr uint32_t kZeroKey[1] = {0};
  if (init_key.empty()) init_key = std::span<const uint32_t>(kZeroKey, 1);
  init_genrand(19650218u);
  const size_t key_len = init_key.size();
  size_t i = 1;
  size_t j = 0;
  size_t k = key_len > kMtStateWords ? key_len : kMtStateWords;
  for (; k != 0; --k) {
    uint32_t prev = key_[i - 1];
    key_[i] =
        (key_[i] ^ ((prev ^ (prev >> 30)) * 1664525u)) + init_key[j] + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kMtStateWords) {
      key_[0] = key_[kMtStateWords - 1];
      i = 1;
    }
    if (j >= key_len) j = 0;
  }
  for (k = kMtStateWords - 1; k != 0; --k) {
    uint32_t prev = key_[i - 1];
    key_[i] = (key_[i] ^ ((prev ^ (prev >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    ++i;
    if (i >= kMtStateWords) {
      key_[0] = key_[kMtStateWords - 1];
      i = 1;
    }
  }
  key_[0] = 0x80000000u;  // MSB set: the state is never all zero
  pos_ = kMtStateWords;
}

void Mt19937::regenerate() {
  constexpr int kN = kMtStateWords;
  int i = 0;
  for (; i < kN - kShiftM; ++i) key_[i] = twist(key_[i], key_[i + 1], key_[i + kShiftM]);
  for (; i < kN - 1; ++i) {
    key_[i] = twist(key_[i], key_[i + 1], key_[i + kShiftM - kN]);
  }
  key_[kN - 1] = twist(key_[kN - 1], key_[0], key_[kShiftM - 1]);
  pos_ = 0;
}

uint32_t Mt19937::genrand_uint32() {
  if (pos_ >= kMtStateWords) regenerate();
  uint32_t y = key_[pos_++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

uint64_t Mt19937::genrand_uint64() {
  uint64_t high = genrand_uint32();
  uint64_t low = genrand_uint32();
  return (high << 32) | low;
}

double Mt19937::genrand_res53() {
  uint32_t a = genrand_uint32() >> 5;
  uint32_t b = genrand_uint32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

Mt19937State Mt19937::get_state() const {
  Mt19937State state;
  state.key = key_;
  state.pos = pos_;
  return state;
}

bool Mt19937::set_state(const Mt19937State& state) {
  if (state.pos < 0 || state.pos > kMtStateWords) return false;
  key_ = state.key;
  pos_ = state.pos;
  return true;
}

bool read_urandom(std::span<uint32_t> out) {
  std::FILE* f = std::fopen("/dev/urandom", "rb");
  if (f == nullptr) return false;
  size_t got = std::fread(out.data(), sizeof(uint32_t), out.size(), f);
  std::fclose(f);
  return got == out.size();
}

}  // namespace pyjitvm::stdlib
