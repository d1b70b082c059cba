// stdlib/py_random.h — CPython 3.11's random.Random, bit for bit, on the shared MT19937.
//
// Stage: seed (int magnitude words, hash, str/bytes, urandom) → Mt19937 → the values
//        random.Random's methods return; the Python module glue (argument parsing,
//        conversion of Python ints, building lists) is the caller's job.
//
// What the caller converts:
//   * Python ints that may exceed 64 bits travel as little-endian vectors of 32-bit
//     words holding the magnitude (getrandbits(k), seeding, _randbelow(n) for any n).
//     randrange() here takes int64 arguments; for bigger ones the caller computes the
//     CPython count n (width // step rules) with its bigint code and calls
//     `randbelow(std::span<const uint32_t>)`, then start + step * r.
//   * Sequence methods work on indices: choice() returns an index, sample()/choices()
//     return index lists into the population, shuffle() reports swaps.
//   * seed(float/other hashable) passes hash(x); seed(str) passes the UTF-8 bytes.
//   * getstate()/setstate(): CPython's tuple (3, (624 words..., pos), gauss_next)
//     maps to PyRandomState; the caller checks the tuple shape and element types
//     ("state vector is the wrong size", version 2 → x % 2**32) itself.
//   * uniform(a, b) with two ints: CPython computes b - a exactly before converting;
//     pass that difference to `uniform_width()` when it matters.
//   * choices() weights/cum_weights are taken as doubles (exact for float weights and
//     for int weights whose running sums stay below 2**53).
//
// Invariants:
//   I1  Every method consumes exactly the MT words CPython 3.11 consumes for the same
//       call, including on the error paths that raise after drawing (choices with an
//       empty population, triangular with high == low) — each method keeps its own.
//   I2  gauss() caches the second value in gauss_next_; every seed_* call and
//       setstate() reset or restore it — `seed_*()`, `setstate()`.
//   I3  Failing calls return false and fill RandomError with CPython's exception
//       type and exact message; nothing throws.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "stdlib/mt19937.h"

namespace pyjitvm::stdlib {

// SHA-512 of `data` (FIPS 180-4), used by seed(str/bytes) version 2.
std::array<uint8_t, 64> sha512_digest(std::span<const uint8_t> data);

// What getstate() returns (minus the version number 3).
struct PyRandomState {
  Mt19937State mt;
  std::optional<double> gauss_next;
};

class PyRandom {
 public:
  // Seeded as random.Random(0); use seed_urandom() for Random()/Random(None).
  PyRandom();

  // seed(a) for an int a: pass |a| as little-endian 32-bit words (empty means 0).
  void seed_int_words(std::span<const uint32_t> magnitude);
  void seed_int(int64_t a);
  // seed(x) for a float (or other hashable): pass hash(x); CPython uses (size_t)hash.
  void seed_hash(int64_t hash);
  // seed(s) with version 2 for str (pass its UTF-8), bytes or bytearray.
  void seed_bytes(std::span<const uint8_t> bytes);
  // seed(s, version=1) for str/bytes: pass the code points (bytes decode as latin-1).
  void seed_v1(std::span<const uint32_t> code_points);
  // seed(None): 624 words from /dev/urandom. False when urandom is unavailable.
  [[nodiscard]] bool seed_urandom();

  // random(): 53-bit double in [0, 1).
  double random();
  // getrandbits(k): ceil(k / 32) little-endian words (empty for k == 0).
  [[nodiscard]] bool getrandbits(int64_t k, std::vector<uint32_t>* words, RandomError* err);
  // getrandbits(k) for 0 <= k <= 64.
  uint64_t getrandbits64(int k);
  // randbytes(n): getrandbits(8 * n) as little-endian bytes.
  [[nodiscard]] bool randbytes(int64_t n, std::vector<uint8_t>* out, RandomError* err);

  // _randbelow(n) for n > 0 (getrandbits(n.bit_length()) with rejection).
  uint64_t randbelow(uint64_t n);
  // _randbelow(n) for n > 0 given as little-endian words; result has ceil(k/32) words.
  std::vector<uint32_t> randbelow(std::span<const uint32_t> n_words);

  // randrange(start), randrange(start, stop[, step]) with CPython's checks.
  [[nodiscard]] bool randrange(int64_t start, std::optional<int64_t> stop, int64_t step,
                               int64_t* out, RandomError* err);
  // randint(a, b) == randrange(a, b + 1).
  [[nodiscard]] bool randint(int64_t a, int64_t b, int64_t* out, RandomError* err);

  // choice(seq) with len(seq) == n: the chosen index.
  [[nodiscard]] bool choice(int64_t n, int64_t* index, RandomError* err);
  // shuffle(x) with len(x) == n: calls swap(i, j) for i = n-1 .. 1, j = _randbelow(i+1)
  // (j may equal i), the exact sequence random.shuffle performs.
  template <class SwapFn>
  void shuffle_swaps(int64_t n, SwapFn&& swap) {
    for (int64_t i = n - 1; i > 0; --i) {
      swap(i, static_cast<int64_t>(randbelow(static_cast<uint64_t>(i) + 1)));
    }
  }
  template <class T>
  void shuffle(std::span<T> items) {
    shuffle_swaps(static_cast<int64_t>(items.size()),
                  [&](int64_t i, int64_t j) { std::swap(items[i], items[j]); });
  }
  // sample(population, k) with len(population) == n: indices into the population.
  [[nodiscard]] bool sample(int64_t n, int64_t k, std::vector<int64_t>* out, RandomError* err);
  // sample(population, k, counts=counts) with len(population) == n.
  [[nodiscard]] bool sample_counts(int64_t n, std::span<const int64_t> counts, int64_t k,
                                   std::vector<int64_t>* out, RandomError* err);
  // choices(population, k=k) with len(population) == n.
  [[nodiscard]] bool choices(int64_t n, int64_t k, std::vector<int64_t>* out, RandomError* err);
  // choices(population, weights or cum_weights (when `cumulative`), k=k).
  [[nodiscard]] bool choices_weighted(int64_t n, std::span<const double> weights, bool cumulative,
                                      int64_t k, std::vector<int64_t>* out, RandomError* err);

  double uniform(double a, double b);
  // a + width * random(), for callers that computed b - a exactly.
  double uniform_width(double a, double width);
  // triangular(low, high, mode); with a mode and high - low == 0 CPython returns `low`
  // itself (after one draw), which is what this returns too.
  double triangular(double low, double high, std::optional<double> mode);
  double normalvariate(double mu, double sigma);
  double gauss(double mu, double sigma);
  [[nodiscard]] bool lognormvariate(double mu, double sigma, double* out, RandomError* err);
  [[nodiscard]] bool expovariate(double lambd, double* out, RandomError* err);
  [[nodiscard]] bool vonmisesvariate(double mu, double kappa, double* out, RandomError* err);
  [[nodiscard]] bool gammavariate(double alpha, double beta, double* out, RandomError* err);
  [[nodiscard]] bool betavariate(double alpha, double beta, double* out, RandomError* err);
  [[nodiscard]] bool paretovariate(double alpha, double* out, RandomError* err);
  [[nodiscard]] bool weibullvariate(double alpha, double beta, double* out, RandomError* err);

  PyRandomState getstate() const;
  // ValueError "invalid state" when pos is outside [0, 624].
  [[nodiscard]] bool setstate(const PyRandomState& state, RandomError* err);

 private:
  [[nodiscard]] bool randrange_wide(__int128 start, std::optional<__int128> stop, __int128 step,
                                    int64_t* out, RandomError* err);
  [[nodiscard]] bool sample_into(int64_t n, int64_t k, std::vector<int64_t>* out, RandomError* err);

  Mt19937 mt_;
  std::optional<double> gauss_next_;
};

}  // namespace pyjitvm::stdlib
