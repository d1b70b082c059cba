// stdlib/mt19937.h — the MT19937 Mersenne Twister core shared by `random` and `np.random`.
//
// Stage: a seed (one uint32, or a key array of uint32) → 624-word state → stream of
//        uint32 words, from which stdlib/py_random (CPython's random.Random) and
//        stdlib/np_random_legacy (NumPy's legacy RandomState) build everything else.
//
// This is the reference generator of Matsumoto and Nishimura (mt19937ar), which both
// CPython 3.11 (`_randommodule.c`) and NumPy 1.24 (`mt19937.c`) use unchanged:
//   * init_genrand(s): key[0] = s, key[i] = 1812433253 * (key[i-1] ^ key[i-1] >> 30) + i;
//   * init_by_array(k): init_genrand(19650218) then the two mixing passes over k;
//   * each block of 624 outputs regenerates the whole state, then tempering.
// Both projects agree on the 53-bit double (two draws: a >> 5, b >> 6,
// (a * 2^26 + b) / 2^53). NumPy's 64-bit draw takes the HIGH word first.
//
// Also here, because both engines share them: `RandomError` (the Python exception a
// call would raise, returned instead of thrown), `try_assign()` and `read_urandom()`.
//
// Invariants:
//   I1  0 <= pos_ <= 624 at all times; pos_ == 624 means "regenerate before the next
//       draw" — the constructor, the seeding functions and `set_state()` keep it
//       (`set_state()` rejects any other position).
//   I2  One call of `genrand_uint32()` consumes exactly one state word; every other
//       draw is defined in terms of it, so streams stay in step with CPython/NumPy —
//       `genrand_uint64()`, `genrand_res53()`.
//   I3  No global or static mutable state: every generator is a value.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <new>
#include <span>
#include <stdexcept>
#include <string>

namespace pyjitvm::stdlib {

inline constexpr int kMtStateWords = 624;

// Kind of Python exception an engine call would raise. kNone means success.
enum class RandomErrorKind {
  kNone,
  kValueError,
  kTypeError,
  kIndexError,
  kOverflowError,
  kZeroDivisionError,
  kMemoryError,
};

// The exception (type + CPython's exact message) a failing call reports.
struct RandomError {
  RandomErrorKind kind = RandomErrorKind::kNone;
  std::string message;
};

// Fills *err (if non-null) and returns false, so callers can write
// `return set_random_error(err, kind, "msg");`.
bool set_random_error(RandomError* err, RandomErrorKind kind, std::string message);

// v->assign(n, {}), reporting MemoryError instead of letting std::bad_alloc escape
// (getrandbits(10**12) and friends raise MemoryError in CPython and NumPy too).
template <class Vector>
[[nodiscard]] bool try_assign(Vector* v, size_t n, RandomError* err) {
  try {
    v->assign(n, typename Vector::value_type{});
  } catch (const std::bad_alloc&) {
    return set_random_error(err, RandomErrorKind::kMemoryError, "");
  } catch (const std::length_error&) {
    return set_random_error(err, RandomErrorKind::kMemoryError, "");
  }
  return true;
}

// The raw generator state: 624 words and the index of the next word to use.
struct Mt19937State {
  std::array<uint32_t, kMtStateWords> key{};
  int pos = kMtStateWords;
};

class Mt19937 {
 public:
  // Seeded with init_genrand(5489), the reference default.
  Mt19937();

  void init_genrand(uint32_t seed);
  // An empty key behaves as the one-word key {0}.
  void init_by_array(std::span<const uint32_t> init_key);

  uint32_t genrand_uint32();
  // NumPy's next_uint64: (first draw << 32) | second draw.
  uint64_t genrand_uint64();
  // 53-bit double in [0, 1): CPython's random() and NumPy's next_double.
  double genrand_res53();

  Mt19937State get_state() const;
  // False (state unchanged) when pos is outside [0, 624].
  [[nodiscard]] bool set_state(const Mt19937State& state);

 private:
  void regenerate();

  std::array<uint32_t, kMtStateWords> key_{};
  int pos_ = kMtStateWords;
};

// Reads out.size() words from /dev/urandom. False when that fails.
[[nodiscard]] bool read_urandom(std::span<uint32_t> out);

}  // namespace pyjitvm::stdlib
