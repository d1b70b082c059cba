// stdlib/np_random_legacy.cpp — NumPy 1.24 legacy RandomState algorithms on stdlib/mt19937.
//
// Stage: Mt19937 words → legacy doubles/gaussians → the distributions, bounded integers,
//        choice and shuffle of np.random's RandomState (see np_random_legacy.h).
//
// Sources of each algorithm (NumPy 1.24 behaviour, re-derived and checked against it):
//   * doubles: 53 bits from two words; gauss: Marsaglia's polar method, second value
//     cached; exponential: -log(1 - U);
//   * poisson: multiplication method for lam < 10, Hörmann's PTRS for lam >= 10, with
//     the Stirling-series log-gamma below;
//   * binomial: inversion when min(p, 1-p) * n <= 30, else Kachitvichyanukul &
//     Schmeiser's BTPE; for p > 0.5 both run on 1 - p and return n - X. The legacy path
//     has no n == 0 / p == 0 shortcut: those draw one double too;
//   * gamma: Marsaglia-Tsang for shape > 1, for shape < 1 a rejection step against an
//     exponential draw (two branches split at U <= 1 - shape);
//     beta: Johnk for a, b <= 1, else a gamma ratio; geometric: search for p >= 1/3,
//     else ceil(log(1 - U) / log(1 - p));
//   * randint: masked rejection, see I3 in the header; shuffle: random_interval.
//
// Invariants:
//   I1  Every double→int64 conversion of an unbounded value goes through `to_int64()`,
//       which gives x86's cvttsd2si answer (INT64_MIN when out of range) — what NumPy's
//       builds produce — instead of C++ undefined behaviour.
//   I2  Validation precedes every draw — the span forms call check_* first.
#include "stdlib/np_random_legacy.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// Bit-exact streams need every product rounded before it is added: no FMA contraction,
// whatever the build's -std=gnu++20 / -march / -mfma flags say.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace pyjitvm::stdlib {

namespace {

bool value_error(RandomError* err, std::string message) {
  return set_random_error(err, RandomErrorKind::kValueError, std::move(message));
}

// NumPy's CONS_NON_NEGATIVE: NaN passes, -0.0 fails.
bool check_non_negative(double v, const char* name, RandomError* err) {
  if (!std::isnan(v) && std::signbit(v)) return value_error(err, std::string(name) + " < 0");
  return true;
}

// CONS_POSITIVE: NaN passes.
bool check_positive(double v, const char* name, RandomError* err) {
  if (v <= 0) return value_error(err, std::string(name) + " <= 0");
  return true;
}

int64_t to_int64(double x) {
  if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<int64_t>(x);
}

uint64_t gen_mask(uint64_t max) {
  uint64_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  return mask;
}

// Hands out `kBits`-bit pieces of 32-bit words, least significant first; a fresh word
// every 32 / kBits pieces. Lives for one fill, as NumPy's buf/bcnt pair.
template <int kBits>
class BufferedDraw {
 public:
  explicit BufferedDraw(Mt19937& mt) : mt_(mt) {}
  uint32_t next() {
    if constexpr (kBits == 32) {
      return mt_.genrand_uint32();
    } else {
      if (left_ == 0) {
        buf_ = mt_.genrand_uint32();
        left_ = 32 / kBits - 1;
      } else {
        buf_ >>= kBits;
        --left_;
      }
      return buf_ & ((1u << kBits) - 1);
    }
  }

 private:
  Mt19937& mt_;
  uint32_t buf_ = 0;
  int left_ = 0;
};

// Fills `count` values of off + X, X uniform in [0, rng], for ranges that fit in 32 bits
// (kBits = 32, 16 or 8), calling emit(i, value).
template <int kBits, class Emit>
void fill_bounded_narrow(Mt19937& mt, uint64_t off, uint32_t rng, size_t count, Emit emit) {
  constexpr uint32_t kFull = kBits == 32 ? 0xffffffffu : (1u << kBits) - 1;
  BufferedDraw<kBits> draw(mt);
  if (rng == 0) {
    for (size_t i = 0; i < count; ++i) emit(i, off);
  } else if (rng == kFull) {
    for (size_t i = 0; i < count; ++i) emit(i, off + draw.next());
  } else {
    auto mask = static_cast<uint32_t>(gen_mask(rng));
    for (size_t i = 0; i < count; ++i) {
      uint32_t val = draw.next() & mask;
      while (val > rng) val = draw.next() & mask;
      emit(i, off + val);
    }
  }
}

// Same for 64-bit dtypes: 32-bit draws when rng fits, else 64-bit ones.
template <class Emit>
void fill_bounded_wide(Mt19937& mt, uint64_t off, uint64_t rng, size_t count, Emit emit) {
  if (rng <= 0xffffffffull) {
    fill_bounded_narrow<32>(mt, off, static_cast<uint32_t>(rng), count, emit);
  } else if (rng == UINT64_MAX) {
    for (size_t i = 0; i < count; ++i) emit(i, off + mt.genrand_uint64());
  } else {
    uint64_t mask = gen_mask(rng);
    for (size_t i = 0; i < count; ++i) {
      uint64_t val = mt.genrand_uint64() & mask;
      while (val > rng) val = mt.genrand_uint64() & mask;
      emit(i, off + val);
    }
  }
}

// NumPy's name for the dtype of T, used in the bounds messages.
template <class T>
constexpr const char* dtype_name() {
  if constexpr (std::is_same_v<T, bool>) return "bool";
  if constexpr (std::is_same_v<T, int8_t>) return "int8";
  if constexpr (std::is_same_v<T, int16_t>) return "int16";
  if constexpr (std::is_same_v<T, int32_t>) return "int32";
  if constexpr (std::is_same_v<T, int64_t>) return "int64";
  if constexpr (std::is_same_v<T, uint8_t>) return "uint8";
  if constexpr (std::is_same_v<T, uint16_t>) return "uint16";
  if constexpr (std::is_same_v<T, uint32_t>) return "uint32";
  if constexpr (std::is_same_v<T, uint64_t>) return "uint64";
}

// Log-gamma by the Stirling series (shifted up to x >= 7), as NumPy's random_loggam.
double loggam(double x) {
  static constexpr double kCoef[10] = {
      8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
      8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
      1.796443723688307e-01, -1.39243221690590e+00};
  if (x == 1.0 || x == 2.0) return 0.0;
  int64_t shift = x < 7.0 ? to_int64(7 - x) : 0;
  double x0 = x + static_cast<double>(shift);
  double x2 = (1.0 / x0) * (1.0 / x0);
  const double lg2pi = 1.8378770664093453e+00;  // log(2 pi)
  double gl0 = kCoef[9];
  for (int k = 8; k >= 0; --k) {
    gl0 *= x2;
    gl0 += kCoef[k];
  }
  double gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * std::log(x0) - x0;
  if (x < 7.0) {
    for (int64_t k = 1; k <= shift; ++k) {
      gl -= std::log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

int64_t poisson_mult(Mt19937& mt, double lam) {
  double enlam = std::exp(-lam);
  int64_t x = 0;
  double prod = 1.0;
  for (;;) {
    prod *= mt.genrand_res53();
    if (prod > enlam) {
      x += 1;
    } else {
      return x;
    }
  }
}

// Hörmann's PTRS (transformed rejection with squeeze).
int64_t poisson_ptrs(Mt19937& mt, double lam) {
  double slam = std::sqrt(lam);
  double loglam = std::log(lam);
  double b = 0.931 + 2.53 * slam;
  double a = -0.059 + 0.02483 * b;
  double invalpha = 1.1239 + 1.1328 / (b - 3.4);
  double vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    double u = mt.genrand_res53() - 0.5;
    double v = mt.genrand_res53();
    double us = 0.5 - std::fabs(u);
    int64_t k = to_int64(std::floor((2 * a / us + b) * u + lam + 0.43));
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if ((std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b)) <=
        (-lam + static_cast<double>(k) * loglam - loggam(static_cast<double>(k + 1)))) {
      return k;
    }
  }
}

int64_t binomial_inversion(Mt19937& mt, int64_t n, double p) {
  double q = 1.0 - p;
  double qn = std::exp(static_cast<double>(n) * std::log(q));
  double np = static_cast<double>(n) * p;
  double cap = np + 10.0 * std::sqrt(np * q + 1);
  int64_t bound = to_int64(static_cast<double>(n) < cap ? static_cast<double>(n) : cap);
  int64_t x = 0;
  double px = qn;
  double u = mt.genrand_res53();
  while (u > px) {
    ++x;
    if (x > bound) {
      x = 0;
      px = qn;
      u = mt.genrand_res53();
    } else {
      u -= px;
      px = (static_cast<double>(n - x + 1) * p * px) / (static_cast<double>(x) * q);
    }
  }
  return x;
}

// Setup of BTPE for (n, p), p <= 0.5 (NumPy caches these per (n, p); recomputing them
// gives the same doubles).
struct BtpeSetup {
  double r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4;
  int64_t m;
};

BtpeSetup btpe_setup(int64_t n, double p) {
  BtpeSetup s{};
  auto dn = static_cast<double>(n);
  s.r = std::min(p, 1.0 - p);
  s.q = 1.0 - s.r;
  s.fm = dn * s.r + s.r;
  s.m = to_int64(std::floor(s.fm));
  s.p1 = std::floor(2.195 * std::sqrt(dn * s.r * s.q) - 4.6 * s.q) + 0.5;
  s.xm = static_cast<double>(s.m) + 0.5;
  s.xl = s.xm - s.p1;
  s.xr = s.xm + s.p1;
  s.c = 0.134 + 20.5 / (15.3 + static_cast<double>(s.m));
  double a = (s.fm - s.xl) / (s.fm - s.xl * s.r);
  s.laml = a * (1.0 + a / 2.0);
  a = (s.xr - s.fm) / (s.xr * s.q);
  s.lamr = a * (1.0 + a / 2.0);
  s.p2 = s.p1 * (1.0 + 2.0 * s.c);
  s.p3 = s.p2 + s.c / s.laml;
  s.p4 = s.p3 + s.c / s.lamr;
  return s;
}

// The Stirling-correction term of BTPE's final acceptance test.
double btpe_stirling(double v) {
  double v2 = v * v;
  return (13680. - (462. - (132. - (99. - 140. / v2) / v2) / v2) / v2) / v / 166320.;
}

// Final acceptance test of BTPE for a candidate y far from the mode (|y - m| = k > 20):
// the squeeze on log(v), then the Stirling-corrected bound. True accepts y.
bool btpe_accept_far(const BtpeSetup& s, int64_t n, int64_t y, int64_t k, double v) {
  double nrq = static_cast<double>(n) * s.r * s.q;
  auto dk = static_cast<double>(k);
  double rho = (dk / nrq) * ((dk * (dk / 3.0 + 0.625) + 0.1666666666666) / nrq + 0.5);
  double t = static_cast<double>(-k * k) / (2 * nrq);
  double big_a = std::log(v);
  if (big_a < (t - rho)) return true;
  if (big_a > (t + rho)) return false;
  auto x1 = static_cast<double>(y + 1);
  auto f1 = static_cast<double>(s.m + 1);
  auto z = static_cast<double>(n + 1 - s.m);
  auto w = static_cast<double>(n - y + 1);
  double bound = s.xm * std::log(f1 / x1) + (static_cast<double>(n - s.m) + 0.5) * std::log(z / w) +
                 static_cast<double>(y - s.m) * std::log(w * s.r / (x1 * s.q)) + btpe_stirling(f1) +
                 btpe_stirling(z) + btpe_stirling(x1) + btpe_stirling(w);
  return !(big_a > bound);
}

// BTPE for p <= 0.5 and n * p > 30.
int64_t binomial_btpe(Mt19937& mt, int64_t n, double p) {
  const BtpeSetup s = btpe_setup(n, p);
  const double nrq = static_cast<double>(n) * s.r * s.q;
  for (;;) {
    double u = mt.genrand_res53() * s.p4;
    double v = mt.genrand_res53();
    int64_t y = 0;
    if (u <= s.p1) {  // triangular region: always accepted
      return to_int64(std::floor(s.xm - s.p1 * v + u));
    }
    if (u <= s.p2) {  // parallelograms
      double x = s.xl + (u - s.p1) / s.c;
      v = v * s.c + 1.0 - std::fabs(static_cast<double>(s.m) - x + 0.5) / s.p1;
      if (v > 1.0) continue;
      y = to_int64(std::floor(x));
    } else if (u <= s.p3) {  // left exponential tail
      y = to_int64(std::floor(s.xl + std::log(v) / s.laml));
      if (y < 0 || v == 0.0) continue;
      v = v * (u - s.p2) * s.laml;
    } else {  // right exponential tail
      y = to_int64(std::floor(s.xr - std::log(v) / s.lamr));
      if (y > n || v == 0.0) continue;
      v = v * (u - s.p3) * s.lamr;
    }
    int64_t k = y > s.m ? y - s.m : s.m - y;
    if (k > 20 && static_cast<double>(k) < nrq / 2.0 - 1) {
      if (btpe_accept_far(s, n, y, k, v)) return y;
      continue;
    }
    // Explicit evaluation of f(y) / f(m).
    double ratio = s.r / s.q;
    double a = ratio * static_cast<double>(n + 1);
    double f = 1.0;
    if (s.m < y) {
      for (int64_t i = s.m + 1; i <= y; ++i) f *= (a / static_cast<double>(i) - ratio);
    } else if (s.m > y) {
      for (int64_t i = y + 1; i <= s.m; ++i) f /= (a / static_cast<double>(i) - ratio);
    }
    if (v > f) continue;
    return y;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Seeding and state.

LegacyRandomState::LegacyRandomState() { mt_.init_genrand(0); }

bool LegacyRandomState::seed(int64_t seed, RandomError* err) {
  if (seed < 0 || seed > 0xffffffffLL) {
    return value_error(err, "Seed must be between 0 and 2**32 - 1");
  }
  mt_.init_genrand(static_cast<uint32_t>(seed));
  has_gauss_ = false;
  gauss_ = 0.0;
  return true;
}

bool LegacyRandomState::seed_array(std::span<const int64_t> seed, RandomError* err) {
  if (seed.empty()) return value_error(err, "Seed must be non-empty");
  std::vector<uint32_t> key(seed.size());
  for (size_t i = 0; i < seed.size(); ++i) {
    if (seed[i] < 0 || seed[i] > 0xffffffffLL) {
      return value_error(err, "Seed must be between 0 and 2**32 - 1");
    }
    key[i] = static_cast<uint32_t>(seed[i]);
  }
  mt_.init_by_array(key);
  has_gauss_ = false;
  gauss_ = 0.0;
  return true;
}

bool LegacyRandomState::seed_urandom() {
  Mt19937State state;
  if (!read_urandom(state.key)) return false;
  state.key[0] = 0x80000000u;  // never the all-zero state
  state.pos = kMtStateWords;
  bool ok = mt_.set_state(state);
  has_gauss_ = false;
  gauss_ = 0.0;
  return ok;
}

LegacyState LegacyRandomState::get_state() const {
  return LegacyState{mt_.get_state(), has_gauss_, gauss_};
}

bool LegacyRandomState::set_state(const LegacyState& state, RandomError* err) {
  if (!mt_.set_state(state.mt)) return value_error(err, "invalid state");
  has_gauss_ = state.has_gauss;
  gauss_ = state.gauss;
  return true;
}

// ---------------------------------------------------------------------------------------
// Unchecked core distributions.

double LegacyRandomState::random_sample() { return mt_.genrand_res53(); }

void LegacyRandomState::random_sample(std::span<double> out) {
  for (double& v : out) v = mt_.genrand_res53();
}

double LegacyRandomState::legacy_gauss() {
  if (has_gauss_) {
    has_gauss_ = false;
    double cached = gauss_;
    gauss_ = 0.0;
    return cached;
  }
  double x1 = 0.0, x2 = 0.0, r2 = 0.0;
  do {
    x1 = 2.0 * mt_.genrand_res53() - 1.0;
    x2 = 2.0 * mt_.genrand_res53() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  double f = std::sqrt(-2.0 * std::log(r2) / r2);
  gauss_ = f * x1;
  has_gauss_ = true;
  return f * x2;
}

double LegacyRandomState::standard_normal() { return legacy_gauss(); }

void LegacyRandomState::standard_normal(std::span<double> out) {
  for (double& v : out) v = legacy_gauss();
}

double LegacyRandomState::standard_exponential() { return -std::log(1.0 - mt_.genrand_res53()); }

void LegacyRandomState::standard_exponential(std::span<double> out) {
  for (double& v : out) v = standard_exponential();
}

// ---------------------------------------------------------------------------------------
// Checked distributions: check_*, one draw, fill.

bool LegacyRandomState::check_normal(double /*loc*/, double scale, RandomError* err) {
  return check_non_negative(scale, "scale", err);
}

double LegacyRandomState::normal(double loc, double scale) { return loc + scale * legacy_gauss(); }

bool LegacyRandomState::normal(double loc, double scale, std::span<double> out, RandomError* err) {
  if (!check_normal(loc, scale, err)) return false;
  for (double& v : out) v = normal(loc, scale);
  return true;
}

bool LegacyRandomState::check_uniform(double low, double high, RandomError* err) {
  if (!std::isfinite(high - low)) {
    return set_random_error(err, RandomErrorKind::kOverflowError, "Range exceeds valid bounds");
  }
  return true;
}

double LegacyRandomState::uniform(double low, double high) {
  return low + (high - low) * mt_.genrand_res53();
}

bool LegacyRandomState::uniform(double low, double high, std::span<double> out, RandomError* err) {
  if (!check_uniform(low, high, err)) return false;
  for (double& v : out) v = uniform(low, high);
  return true;
}

bool LegacyRandomState::check_exponential(double scale, RandomError* err) {
  return check_non_negative(scale, "scale", err);
}

double LegacyRandomState::exponential(double scale) { return scale * standard_exponential(); }

bool LegacyRandomState::exponential(double scale, std::span<double> out, RandomError* err) {
  if (!check_exponential(scale, err)) return false;
  for (double& v : out) v = exponential(scale);
  return true;
}

bool LegacyRandomState::check_poisson(double lam, RandomError* err) {
  // POISSON_LAM_MAX = int64 max - sqrt(int64 max) * 10, as a double.
  constexpr double kPoissonLamMax = 9.223372006484771e+18;
  if (!(lam >= 0)) return value_error(err, "lam < 0 or lam is NaN");
  if (!(lam <= kPoissonLamMax)) return value_error(err, "lam value too large");
  return true;
}

int64_t LegacyRandomState::poisson(double lam) {
  if (lam >= 10) return poisson_ptrs(mt_, lam);
  if (lam == 0) return 0;
  return poisson_mult(mt_, lam);
}

bool LegacyRandomState::poisson(double lam, std::span<int64_t> out, RandomError* err) {
  if (!check_poisson(lam, err)) return false;
  for (int64_t& v : out) v = poisson(lam);
  return true;
}

bool LegacyRandomState::check_binomial(int64_t n, double p, RandomError* err) {
  if (!(p >= 0) || !(p <= 1)) return value_error(err, "p < 0, p > 1 or p is NaN");
  return check_non_negative(static_cast<double>(n), "n", err);
}

int64_t LegacyRandomState::binomial(int64_t n, double p) {
  if (p <= 0.5) {
    if (p * static_cast<double>(n) <= 30.0) return binomial_inversion(mt_, n, p);
    return binomial_btpe(mt_, n, p);
  }
  double q = 1.0 - p;
  if (q * static_cast<double>(n) <= 30.0) return n - binomial_inversion(mt_, n, q);
  return n - binomial_btpe(mt_, n, q);
}

bool LegacyRandomState::binomial(int64_t n, double p, std::span<int64_t> out, RandomError* err) {
  if (!check_binomial(n, p, err)) return false;
  for (int64_t& v : out) v = binomial(n, p);
  return true;
}

bool LegacyRandomState::check_standard_gamma(double shape, RandomError* err) {
  return check_non_negative(shape, "shape", err);
}

double LegacyRandomState::standard_gamma(double shape) {
  if (shape == 1.0) return standard_exponential();
  if (shape == 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      double u = mt_.genrand_res53();
      double v = standard_exponential();
      if (u <= 1.0 - shape) {
        double x = std::pow(u, 1. / shape);
        if (x <= v) return x;
      } else {
        double y = -std::log((1 - u) / shape);
        double x = std::pow(1.0 - shape + shape * y, 1. / shape);
        if (x <= (v + y)) return x;
      }
    }
  }
  // Marsaglia and Tsang.
  double b = shape - 1. / 3.;
  double c = 1. / std::sqrt(9 * b);
  for (;;) {
    double x = 0.0, v = 0.0;
    do {
      x = legacy_gauss();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    double u = mt_.genrand_res53();
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
    if (std::log(u) < 0.5 * x * x + b * (1. - v + std::log(v))) return b * v;
  }
}

bool LegacyRandomState::standard_gamma(double shape, std::span<double> out, RandomError* err) {
  if (!check_standard_gamma(shape, err)) return false;
  for (double& v : out) v = standard_gamma(shape);
  return true;
}

bool LegacyRandomState::check_gamma(double shape, double scale, RandomError* err) {
  return check_non_negative(shape, "shape", err) && check_non_negative(scale, "scale", err);
}

double LegacyRandomState::gamma(double shape, double scale) {
  return scale * standard_gamma(shape);
}

bool LegacyRandomState::gamma(double shape, double scale, std::span<double> out, RandomError* err) {
  if (!check_gamma(shape, scale, err)) return false;
  for (double& v : out) v = gamma(shape, scale);
  return true;
}

bool LegacyRandomState::check_beta(double a, double b, RandomError* err) {
  return check_positive(a, "a", err) && check_positive(b, "b", err);
}

double LegacyRandomState::beta(double a, double b) {
  if (a <= 1.0 && b <= 1.0) {
    for (;;) {  // Johnk
      double u = mt_.genrand_res53();
      double v = mt_.genrand_res53();
      double x = std::pow(u, 1.0 / a);
      double y = std::pow(v, 1.0 / b);
      if ((x + y) <= 1.0) {
        if (x + y > 0) return x / (x + y);
        double log_x = std::log(u) / a;
        double log_y = std::log(v) / b;
        double log_m = log_x > log_y ? log_x : log_y;
        log_x -= log_m;
        log_y -= log_m;
        return std::exp(log_x - std::log(std::exp(log_x) + std::exp(log_y)));
      }
    }
  }
  double ga = standard_gamma(a);
  double gb = standard_gamma(b);
  return ga / (ga + gb);
}

bool LegacyRandomState::beta(double a, double b, std::span<double> out, RandomError* err) {
  if (!check_beta(a, b, err)) return false;
  for (double& v : out) v = beta(a, b);
  return true;
}

bool LegacyRandomState::check_chisquare(double df, RandomError* err) {
  return check_positive(df, "df", err);
}

double LegacyRandomState::chisquare(double df) { return 2.0 * standard_gamma(df / 2.0); }

bool LegacyRandomState::chisquare(double df, std::span<double> out, RandomError* err) {
  if (!check_chisquare(df, err)) return false;
  for (double& v : out) v = chisquare(df);
  return true;
}

bool LegacyRandomState::check_geometric(double p, RandomError* err) {
  if (!(p > 0) || !(p <= 1)) return value_error(err, "p <= 0, p > 1 or p contains NaNs");
  return true;
}

int64_t LegacyRandomState::geometric(double p) {
  if (p >= 0.333333333333333333333333) {
    int64_t x = 1;
    double sum = p, prod = p;
    double q = 1.0 - p;
    double u = mt_.genrand_res53();
    while (u > sum) {
      prod *= q;
      sum += prod;
      ++x;
    }
    return x;
  }
  return to_int64(std::ceil(std::log(1.0 - mt_.genrand_res53()) / std::log(1.0 - p)));
}

bool LegacyRandomState::geometric(double p, std::span<int64_t> out, RandomError* err) {
  if (!check_geometric(p, err)) return false;
  for (int64_t& v : out) v = geometric(p);
  return true;
}

// ---------------------------------------------------------------------------------------
// Bounded integers.

template <class T>
bool LegacyRandomState::randint(__int128 low, __int128 high, std::span<T> out, RandomError* err) {
  constexpr __int128 kLowest = std::numeric_limits<T>::min();  // bool: 0 and 1
  constexpr __int128 kHighest = std::numeric_limits<T>::max();
  high -= 1;                     // NumPy generates on the closed interval [low, high - 1]
  if (out.empty()) return true;  // NumPy returns an empty array before any check
  if (low < kLowest) {
    return value_error(err, std::string("low is out of bounds for ") + dtype_name<T>());
  }
  if (high > kHighest) {
    return value_error(err, std::string("high is out of bounds for ") + dtype_name<T>());
  }
  if (low > high) return value_error(err, low == 0 ? "high <= 0" : "low >= high");
  // rng = (utype)(high - low), off = (utype)(nptype)low; arithmetic wraps in utype.
  auto rng = static_cast<uint64_t>(high - low);
  auto off = static_cast<uint64_t>(static_cast<int64_t>(low));
  auto emit = [&](size_t i, uint64_t value) {
    if constexpr (std::is_same_v<T, bool>) {
      out[i] = value != 0;
    } else {
      out[i] = static_cast<T>(static_cast<std::make_unsigned_t<T>>(value));
    }
  };
  if constexpr (std::is_same_v<T, bool>) {
    BufferedDraw<1> draw(mt_);
    for (size_t i = 0; i < out.size(); ++i) emit(i, rng == 0 ? off : draw.next());
  } else if constexpr (sizeof(T) == 1) {
    fill_bounded_narrow<8>(mt_, off, static_cast<uint32_t>(rng & 0xff), out.size(), emit);
  } else if constexpr (sizeof(T) == 2) {
    fill_bounded_narrow<16>(mt_, off, static_cast<uint32_t>(rng & 0xffff), out.size(), emit);
  } else if constexpr (sizeof(T) == 4) {
    fill_bounded_narrow<32>(mt_, off, static_cast<uint32_t>(rng), out.size(), emit);
  } else {
    fill_bounded_wide(mt_, off, rng, out.size(), emit);
  }
  return true;
}

template bool LegacyRandomState::randint<bool>(__int128, __int128, std::span<bool>, RandomError*);
template bool LegacyRandomState::randint<int8_t>(__int128, __int128, std::span<int8_t>,
                                                 RandomError*);
template bool LegacyRandomState::randint<int16_t>(__int128, __int128, std::span<int16_t>,
                                                  RandomError*);
template bool LegacyRandomState::randint<int32_t>(__int128, __int128, std::span<int32_t>,
                                                  RandomError*);
template bool LegacyRandomState::randint<int64_t>(__int128, __int128, std::span<int64_t>,
                                                  RandomError*);
template bool LegacyRandomState::randint<uint8_t>(__int128, __int128, std::span<uint8_t>,
                                                  RandomError*);
template bool LegacyRandomState::randint<uint16_t>(__int128, __int128, std::span<uint16_t>,
                                                   RandomError*);
template bool LegacyRandomState::randint<uint32_t>(__int128, __int128, std::span<uint32_t>,
                                                   RandomError*);
template bool LegacyRandomState::randint<uint64_t>(__int128, __int128, std::span<uint64_t>,
                                                   RandomError*);

template <class T>
void LegacyRandomState::randint_each(std::span<const __int128> low,
                                     std::span<const __int128> high, std::span<T> out) {
  constexpr int kBits = std::is_same_v<T, bool> ? 1 : static_cast<int>(sizeof(T) * 8);
  auto store = [&](size_t i, uint64_t value) {
    if constexpr (std::is_same_v<T, bool>) {
      out[i] = value != 0;
    } else {
      out[i] = static_cast<T>(static_cast<std::make_unsigned_t<T>>(value));
    }
  };
  if constexpr (kBits == 64) {
    for (size_t i = 0; i < out.size(); ++i) {
      auto rng = static_cast<uint64_t>(high[i] - 1 - low[i]);
      auto off = static_cast<uint64_t>(static_cast<int64_t>(low[i]));
      fill_bounded_wide(mt_, off, rng, 1, [&](size_t, uint64_t v) { store(i, v); });
    }
  } else {
    BufferedDraw<kBits> draw(mt_);
    constexpr uint64_t kFull = kBits == 32 ? 0xffffffffull : (uint64_t{1} << kBits) - 1;
    for (size_t i = 0; i < out.size(); ++i) {
      uint64_t rng = static_cast<uint64_t>(high[i] - 1 - low[i]) & kFull;
      uint64_t off = static_cast<uint64_t>(static_cast<int64_t>(low[i]));
      if (rng == 0) {
        store(i, off);
      } else if (rng == kFull) {
        store(i, off + draw.next());
      } else {
        uint64_t mask = gen_mask(rng);
        uint64_t val = draw.next() & mask;
        while (val > rng) val = draw.next() & mask;
        store(i, off + val);
      }
    }
  }
}

#define PYJ_RANDINT_EACH(T)                                                              \
  template void LegacyRandomState::randint_each<T>(std::span<const __int128>,            \
                                                   std::span<const __int128>, std::span<T>);
PYJ_RANDINT_EACH(bool)
PYJ_RANDINT_EACH(int8_t)
PYJ_RANDINT_EACH(int16_t)
PYJ_RANDINT_EACH(int32_t)
PYJ_RANDINT_EACH(int64_t)
PYJ_RANDINT_EACH(uint8_t)
PYJ_RANDINT_EACH(uint16_t)
PYJ_RANDINT_EACH(uint32_t)
PYJ_RANDINT_EACH(uint64_t)
#undef PYJ_RANDINT_EACH

bool LegacyRandomState::random_integers(__int128 low, __int128 high, std::span<int64_t> out,
                                        RandomError* err) {
  return randint<int64_t>(low, high + 1, out, err);
}

// ---------------------------------------------------------------------------------------
// choice, shuffle, permutation.

uint64_t LegacyRandomState::random_interval(uint64_t max) {
  if (max == 0) return 0;
  uint64_t mask = gen_mask(max);
  uint64_t value = 0;
  if (max <= 0xffffffffull) {
    while ((value = (mt_.genrand_uint32() & mask)) > max) {
    }
  } else {
    while ((value = (mt_.genrand_uint64() & mask)) > max) {
    }
  }
  return value;
}

void LegacyRandomState::permutation(std::span<int64_t> out) {
  std::iota(out.begin(), out.end(), int64_t{0});
  shuffle(out);
}

namespace {

// cdf = cumsum(p); cdf /= cdf[-1] (sequential sums, as np.cumsum).
std::vector<double> normalized_cdf(std::span<const double> p) {
  std::vector<double> cdf(p.begin(), p.end());
  for (size_t i = 1; i < cdf.size(); ++i) cdf[i] = cdf[i - 1] + cdf[i];
  double last = cdf.back();
  for (double& c : cdf) c /= last;
  return cdf;
}

// searchsorted(cdf, x, side='right').
int64_t search_right(const std::vector<double>& cdf, double x) {
  return std::upper_bound(cdf.begin(), cdf.end(), x) - cdf.begin();
}

// The float64 sum NumPy's choice() checks against 1 (Kahan summation).
double kahan_sum(std::span<const double> v) {
  double sum = v[0];
  double c = 0.0;
  for (size_t i = 1; i < v.size(); ++i) {
    double y = v[i] - c;
    double t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

}  // namespace

bool LegacyRandomState::choice(int64_t pop_size, bool a_is_int, bool replace,
                               std::optional<std::span<const double>> p, double p_atol,
                               std::span<int64_t> out, RandomError* err) {
  const auto size = static_cast<int64_t>(out.size());
  if (pop_size <= 0 && size != 0) {
    return value_error(err, a_is_int ? "a must be greater than 0 unless no samples are taken"
                                     : "'a' cannot be empty unless no samples are taken");
  }
  if (p) {
    if (static_cast<int64_t>(p->size()) != pop_size) {
      return value_error(err, "'a' and 'p' must have same size");
    }
    double p_sum = p->empty() ? 0.0 : kahan_sum(*p);
    if (std::isnan(p_sum)) return value_error(err, "probabilities contain NaN");
    if (std::any_of(p->begin(), p->end(), [](double v) { return v < 0; })) {
      return value_error(err, "probabilities are not non-negative");
    }
    if (std::fabs(p_sum - 1.) > p_atol) {
      return value_error(err, "probabilities do not sum to 1");
    }
  }
  if (replace) {
    if (p) {
      std::vector<double> cdf = normalized_cdf(*p);
      std::vector<double> uniforms(out.size());
      random_sample(uniforms);
      for (size_t i = 0; i < out.size(); ++i) out[i] = search_right(cdf, uniforms[i]);
      return true;
    }
    return randint<int64_t>(0, pop_size, out, err);
  }
  if (size > pop_size) {
    return value_error(err, "Cannot take a larger sample than population when 'replace=False'");
  }
  if (p) {
    auto nonzero = std::count_if(p->begin(), p->end(), [](double v) { return v > 0; });
    if (nonzero < size) return value_error(err, "Fewer non-zero entries in p than size");
    return choice_without_replacement(*p, out);
  }
  std::vector<int64_t> perm;
  if (!try_assign(&perm, static_cast<size_t>(pop_size), err)) return false;
  permutation(perm);
  std::copy(perm.begin(), perm.begin() + size, out.begin());
  return true;
}

bool LegacyRandomState::choice_without_replacement(std::span<const double> p_in,
                                                   std::span<int64_t> out) {
  // Draw size - n_uniq uniforms at a time, keep first occurrences of new indices in
  // draw order, zero the probabilities already taken, repeat.
  std::vector<double> p(p_in.begin(), p_in.end());
  const size_t size = out.size();
  size_t n_uniq = 0;
  std::vector<double> uniforms;
  std::vector<bool> seen;
  while (n_uniq < size) {
    uniforms.resize(size - n_uniq);
    random_sample(uniforms);
    for (size_t i = 0; i < n_uniq; ++i) p[static_cast<size_t>(out[i])] = 0;
    std::vector<double> cdf = normalized_cdf(p);
    seen.assign(p.size(), false);
    size_t batch_end = n_uniq;
    for (double u : uniforms) {
      int64_t idx = search_right(cdf, u);
      if (seen[static_cast<size_t>(idx)]) continue;
      seen[static_cast<size_t>(idx)] = true;
      out[batch_end++] = idx;
    }
    n_uniq = batch_end;
  }
  return true;
}

}  // namespace pyjitvm::stdlib
