// stdlib/np_random_legacy.h — NumPy 1.24's legacy RandomState (np.random.*), bit for bit.
//
// Stage: seed (uint32 or uint32 array, validated as NumPy does) → Mt19937 + the gauss
//        cache → values and filled buffers of np.random's legacy functions; the ndarray
//        glue (shapes, dtypes, broadcasting of array parameters) is the caller's job.
//
// Conventions:
//   * A call with size=None fills a span of one element; a call with a shape fills a
//     span of prod(shape) elements in C order. A span fill is ONE NumPy call: the 8/16-bit
//     and bool randint buffers live for one fill only, exactly as in NumPy.
//   * Each checked distribution has three forms: `check_<name>()` (parameter validation
//     with NumPy's exact message), `<name>(params)` (one draw, parameters assumed
//     valid) and `<name>(params, span, err)` (check, then fill). With array-valued
//     parameters NumPy validates every element first and then draws element by element
//     in broadcast C order: call check_* on all, then the one-draw form per element.
//   * Python ints for randint bounds travel as __int128; callers clamp larger ints to
//     ±2**100 (the error messages come out the same).
//   * choice(), permutation() and shuffle() work on indices / swaps; the caller moves
//     elements (rows for the first-axis shuffle of an n-d array).
//
// Invariants:
//   I1  Every method consumes the MT19937 words NumPy 1.24's RandomState consumes for the
//       same call, in the same order, and validates before drawing — each method.
//   I2  The legacy gauss cache (has_gauss, gauss) is part of the state: seeding clears
//       it, get_state()/set_state() carry it — `seed()`, `seed_array()`, `set_state()`.
//   I3  Integer draws follow NumPy's masked rejection: 32-bit draws whenever the range
//       fits in 32 bits, 64-bit draws (high word first) otherwise, 8/16-bit values and
//       bools cut from buffered 32-bit words — `randint()`.
//   I4  Floating-point expressions keep NumPy's C operation order and types (int64
//       arithmetic where NumPy uses RAND_INT_TYPE); np_random_legacy.cpp turns FMA
//       contraction off with a pragma, whatever the build flags.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <utility>

#include "stdlib/mt19937.h"

namespace pyjitvm::stdlib {

// RandomState.get_state(): ('MT19937', key, pos, has_gauss, cached_gaussian).
struct LegacyState {
  Mt19937State mt;
  bool has_gauss = false;
  double gauss = 0.0;
};

// sqrt(np.finfo(np.float64).eps): choice()'s tolerance on sum(p) for float64 p.
inline constexpr double kChoiceDefaultAtol = 1.4901161193847656e-08;

class LegacyRandomState {
 public:
  // Equivalent to RandomState(0). np.random's global instance starts from
  // seed_urandom().
  LegacyRandomState();

  // seed(int): "Seed must be between 0 and 2**32 - 1" outside [0, 2**32 - 1].
  [[nodiscard]] bool seed(int64_t seed, RandomError* err);
  // seed(1-d int array): non-empty, every element in [0, 2**32 - 1].
  [[nodiscard]] bool seed_array(std::span<const int64_t> seed, RandomError* err);
  // seed(None): fresh state from /dev/urandom. False when urandom is unavailable.
  [[nodiscard]] bool seed_urandom();

  LegacyState get_state() const;
  // ValueError "invalid state" when pos is outside [0, 624].
  [[nodiscard]] bool set_state(const LegacyState& state, RandomError* err);

  // random_sample / random / rand / sample / ranf.
  double random_sample();
  void random_sample(std::span<double> out);
  // standard_normal / randn (legacy polar Box-Muller).
  double standard_normal();
  void standard_normal(std::span<double> out);
  // standard_exponential: -log(1 - U).
  double standard_exponential();
  void standard_exponential(std::span<double> out);

  static bool check_normal(double loc, double scale, RandomError* err);
  double normal(double loc, double scale);
  [[nodiscard]] bool normal(double loc, double scale, std::span<double> out, RandomError* err);

  // OverflowError "Range exceeds valid bounds" when high - low is not finite.
  static bool check_uniform(double low, double high, RandomError* err);
  double uniform(double low, double high);
  [[nodiscard]] bool uniform(double low, double high, std::span<double> out, RandomError* err);

  static bool check_exponential(double scale, RandomError* err);
  double exponential(double scale);
  [[nodiscard]] bool exponential(double scale, std::span<double> out, RandomError* err);

  static bool check_poisson(double lam, RandomError* err);
  int64_t poisson(double lam);
  [[nodiscard]] bool poisson(double lam, std::span<int64_t> out, RandomError* err);

  static bool check_binomial(int64_t n, double p, RandomError* err);
  int64_t binomial(int64_t n, double p);
  [[nodiscard]] bool binomial(int64_t n, double p, std::span<int64_t> out, RandomError* err);

  static bool check_standard_gamma(double shape, RandomError* err);
  double standard_gamma(double shape);
  [[nodiscard]] bool standard_gamma(double shape, std::span<double> out, RandomError* err);

  static bool check_gamma(double shape, double scale, RandomError* err);
  double gamma(double shape, double scale);
  [[nodiscard]] bool gamma(double shape, double scale, std::span<double> out, RandomError* err);

  static bool check_beta(double a, double b, RandomError* err);
  double beta(double a, double b);
  [[nodiscard]] bool beta(double a, double b, std::span<double> out, RandomError* err);

  static bool check_chisquare(double df, RandomError* err);
  double chisquare(double df);
  [[nodiscard]] bool chisquare(double df, std::span<double> out, RandomError* err);

  static bool check_geometric(double p, RandomError* err);
  int64_t geometric(double p);
  [[nodiscard]] bool geometric(double p, std::span<int64_t> out, RandomError* err);

  // randint(low, high, size, dtype=T) for T in bool, int8..int64, uint8..uint64: values
  // in [low, high). Scalar calls fill a span of one. (high=None: the caller passes
  // (0, low).) Instantiated in the .cpp for those nine types.
  template <class T>
  [[nodiscard]] bool randint(__int128 low, __int128 high, std::span<T> out, RandomError* err);
  // randint with array bounds (NumPy's _rand_<type>_broadcast): element i draws from
  // [low[i], high[i]) (bounds already validated and broadcast by the caller); the 8/16-bit
  // and bool word buffers live across the whole call, as in NumPy.
  template <class T>
  void randint_each(std::span<const __int128> low, std::span<const __int128> high,
                    std::span<T> out);
  // random_integers(low, high): randint(low, high + 1) as int64 (deprecated in NumPy).
  [[nodiscard]] bool random_integers(__int128 low, __int128 high, std::span<int64_t> out,
                                     RandomError* err);

  // choice(a, size, replace, p): indices into `a` (or the values, for an int `a`).
  // pop_size is a (int a) or len(a); a_is_int picks the error wording; out.size() is
  // prod(size) (1 for size=None). p_atol is kChoiceDefaultAtol, or
  // max(that, sqrt(finfo(p.dtype).eps)) for a floating p ndarray of another dtype.
  [[nodiscard]] bool choice(int64_t pop_size, bool a_is_int, bool replace,
                            std::optional<std::span<const double>> p, double p_atol,
                            std::span<int64_t> out, RandomError* err);

  // random_interval(max): uniform in [0, max] by masked rejection (shuffle's draw).
  uint64_t random_interval(uint64_t max);
  // shuffle(x) with len(x) == n: calls swap(i, j) for i = n-1 .. 1 in that order,
  // j = random_interval(i). NumPy's n-d path skips i == j; swapping is then a no-op.
  template <class SwapFn>
  void shuffle_swaps(int64_t n, SwapFn&& swap) {
    for (int64_t i = n - 1; i > 0; --i) {
      swap(i, static_cast<int64_t>(random_interval(static_cast<uint64_t>(i))));
    }
  }
  template <class T>
  void shuffle(std::span<T> items) {
    shuffle_swaps(static_cast<int64_t>(items.size()),
                  [&](int64_t i, int64_t j) { std::swap(items[i], items[j]); });
  }
  // permutation(n): arange(n) shuffled; out.size() == n.
  void permutation(std::span<int64_t> out);

 private:
  double legacy_gauss();
  [[nodiscard]] bool choice_without_replacement(std::span<const double> p, std::span<int64_t> out);

  Mt19937 mt_;
  bool has_gauss_ = false;
  double gauss_ = 0.0;
};

}  // namespace pyjitvm::stdlib
