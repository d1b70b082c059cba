// stdlib/py_random.cpp — CPython 3.11 random.Random methods on top of stdlib/mt19937.
//
// Stage: Mt19937 words → random(), getrandbits(), _randbelow() → integer, sequence and
//        real-valued methods, each following the algorithm of random.py 3.11 (and
//        _randommodule.c) with the same floating-point operation order.
//
// Python float semantics that matter for bit-exactness and for errors live in small
// helpers here: `py_div` (ZeroDivisionError), `py_log`/`py_exp`/`py_acos` (math-module
// domain and range errors), `py_pow` (float.__pow__ special cases and its ERANGE
// OverflowError), `py_mod` (float % taking the divisor's sign).
//
// Invariants:
//   I1  Each method draws in CPython's order: arguments evaluate left to right, and a
//       draw made before an operation that raises is still consumed — every method.
//   I2  getrandbits(k) fills words least significant first and shifts only the most
//       significant (partial) word — `getrandbits()`, `getrandbits64()`.
//   I3  Messages are CPython 3.11's, character for character — checked in
//       tests/unit/stdlib/py_random_test.cpp.
//   I4  Results depend on IEEE double arithmetic without FMA contraction; the pragma
//       below turns contraction off for this file whatever the build flags (a GNU-mode
//       -march=native build otherwise fuses a*b+c and the streams drift).
#include "stdlib/py_random.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_set>

// Bit-exact streams need every product rounded before it is added: no FMA contraction,
// whatever the build's -std=gnu++20 / -march / -mfma flags say.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace pyjitvm::stdlib {

// ---------------------------------------------------------------------------------------
// SHA-512 (FIPS 180-4).

namespace {

// First 64 bits of the fractional parts of the cube roots of the first 80 primes.
constexpr uint64_t kSha512K[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

// First 64 bits of the fractional parts of the square roots of the first 8 primes.
constexpr uint64_t kSha512Init[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};

void sha512_block(uint64_t* h, const uint8_t* block) {
  uint64_t w[80];
  for (int t = 0; t < 16; ++t) {
    uint64_t v = 0;
    for (int b = 0; b < 8; ++b) v = (v << 8) | block[t * 8 + b];
    w[t] = v;
  }
  for (int t = 16; t < 80; ++t) {
    uint64_t s0 = std::rotr(w[t - 15], 1) ^ std::rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
    uint64_t s1 = std::rotr(w[t - 2], 19) ^ std::rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3];
  uint64_t e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int t = 0; t < 80; ++t) {
    uint64_t sum1 = std::rotr(e, 14) ^ std::rotr(e, 18) ^ std::rotr(e, 41);
    uint64_t choose = (e & f) ^ (~e & g);
    uint64_t t1 = hh + sum1 + choose + kSha512K[t] + w[t];
    uint64_t sum0 = std::rotr(a, 28) ^ std::rotr(a, 34) ^ std::rotr(a, 39);
    uint64_t majority = (a & b) ^ (a & c) ^ (b & c);
    uint64_t t2 = sum0 + majority;
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

}  // namespace

std::array<uint8_t, 64> sha512_digest(std::span<const uint8_t> data) {
  uint64_t h[8];
  std::copy(std::begin(kSha512Init), std::end(kSha512Init), h);
  size_t full = data.size() / 128;
  for (size_t i = 0; i < full; ++i) sha512_block(h, data.data() + i * 128);
  // Padding: 0x80, zeros, then the 128-bit big-endian bit length.
  uint8_t tail[256] = {};
  size_t rest = data.size() - full * 128;
  std::copy(data.begin() + static_cast<std::ptrdiff_t>(full * 128), data.end(), tail);
  tail[rest] = 0x80;
  size_t tail_len = rest + 1 + 16 <= 128 ? 128 : 256;
  uint64_t bit_len_low = static_cast<uint64_t>(data.size()) << 3;
  uint64_t bit_len_high = static_cast<uint64_t>(data.size()) >> 61;
  for (int b = 0; b < 8; ++b) {
    tail[tail_len - 1 - b] = static_cast<uint8_t>(bit_len_low >> (8 * b));
    tail[tail_len - 9 - b] = static_cast<uint8_t>(bit_len_high >> (8 * b));
  }
  for (size_t off = 0; off < tail_len; off += 128) sha512_block(h, tail + off);
  std::array<uint8_t, 64> digest{};
  for (int i = 0; i < 8; ++i) {
    for (int b = 0; b < 8; ++b) digest[i * 8 + b] = static_cast<uint8_t>(h[i] >> (56 - 8 * b));
  }
  return digest;
}

// ---------------------------------------------------------------------------------------
// Python float and math-module semantics.

namespace {

constexpr double kTwoPi = 6.283185307179586;  // math.tau
constexpr double kPi = 3.141592653589793;     // math.pi
constexpr double kE = 2.718281828459045;      // math.e

bool math_domain_error(RandomError* err) {
  return set_random_error(err, RandomErrorKind::kValueError, "math domain error");
}

bool py_div(double a, double b, double* out, RandomError* err) {
  if (b == 0.0) {
    return set_random_error(err, RandomErrorKind::kZeroDivisionError, "float division by zero");
  }
  *out = a / b;
  return true;
}

// math.log(x) for a float x.
bool py_log(double x, double* out, RandomError* err) {
  if (std::isnan(x) || x > 0.0) {
    *out = std::log(x);
    return true;
  }
  return math_domain_error(err);
}

// math.exp(x): OverflowError when a finite x overflows.
bool py_exp(double x, double* out, RandomError* err) {
  double r = std::exp(x);
  if (std::isinf(r) && std::isfinite(x)) {
    return set_random_error(err, RandomErrorKind::kOverflowError, "math range error");
  }
  *out = r;
  return true;
}

bool py_acos(double x, double* out, RandomError* err) {
  if (!std::isnan(x) && (x < -1.0 || x > 1.0)) return math_domain_error(err);
  *out = std::acos(x);
  return true;
}

bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

// float.__pow__(iv, iw), following CPython's special cases in order.
bool py_pow(double iv, double iw, double* out, RandomError* err) {
  if (iw == 0.0) {
    *out = 1.0;
  } else if (std::isnan(iv)) {
    *out = iv;
  } else if (std::isnan(iw)) {
    *out = iv == 1.0 ? 1.0 : iw;
  } else if (std::isinf(iw)) {
    double a = std::fabs(iv);
    if (a == 1.0) {
      *out = 1.0;
    } else {
      *out = (iw > 0.0) == (a > 1.0) ? std::fabs(iw) : 0.0;
    }
  } else if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) {
      *out = odd ? iv : std::fabs(iv);
    } else {
      *out = odd ? std::copysign(0.0, iv) : 0.0;
    }
  } else if (iv == 0.0) {
    if (iw < 0.0) {
      return set_random_error(err, RandomErrorKind::kZeroDivisionError,
                              "0.0 cannot be raised to a negative power");
    }
    *out = is_odd_integer(iw) ? iv : 0.0;
  } else {
    bool negate = false;
    if (iv < 0.0) {
      // CPython returns a complex here; no method of this engine reaches it.
      if (iw != std::floor(iw)) return math_domain_error(err);
      iv = -iv;
      negate = is_odd_integer(iw);
    }
    double r = iv == 1.0 ? 1.0 : std::pow(iv, iw);
    if (std::isinf(r)) {
      return set_random_error(err, RandomErrorKind::kOverflowError,
                              "(34, 'Numerical result out of range')");
    }
    *out = negate ? -r : r;
  }
  return true;
}

// float % float for a non-zero divisor.
double py_mod(double x, double y) {
  double mod = std::fmod(x, y);
  if (mod != 0.0) {  // true for NaN too, as in C
    if ((y < 0.0) != (mod < 0.0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

std::string int128_to_string(__int128 v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  unsigned __int128 mag =
      negative ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string digits;
  while (mag != 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(mag % 10)));
    mag /= 10;
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

// Python's floor division for a non-zero divisor.
__int128 floor_div(__int128 a, __int128 b) {
  __int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// bisect.bisect_right(a, x, lo, hi), probing exactly as CPython does (this matters
// when `a` is not sorted, e.g. negative weights).
template <class T, class X>
int64_t bisect_right(std::span<const T> a, X x, int64_t lo, int64_t hi) {
  while (lo < hi) {
    auto mid = static_cast<int64_t>((static_cast<uint64_t>(lo) + static_cast<uint64_t>(hi)) / 2);
    if (x < a[mid]) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

// Little-endian word vector of an unsigned 64-bit magnitude, trimmed.
std::vector<uint32_t> words_of(uint64_t v) {
  std::vector<uint32_t> words{static_cast<uint32_t>(v), static_cast<uint32_t>(v >> 32)};
  if (words[1] == 0) words.pop_back();
  return words;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Seeding and state.

PyRandom::PyRandom() { seed_int(0); }

void PyRandom::seed_int_words(std::span<const uint32_t> magnitude) {
  size_t used = magnitude.size();
  while (used > 1 && magnitude[used - 1] == 0) --used;
  if (used == 0) {
    uint32_t zero = 0;
    mt_.init_by_array(std::span<const uint32_t>(&zero, 1));
  } else {
    mt_.init_by_array(magnitude.first(used));
  }
  gauss_next_.reset();
}

void PyRandom::seed_int(int64_t a) {
  uint64_t mag = a < 0 ? uint64_t{0} - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
  seed_int_words(words_of(mag));
}

void PyRandom::seed_hash(int64_t hash) { seed_int_words(words_of(static_cast<uint64_t>(hash))); }

void PyRandom::seed_bytes(std::span<const uint8_t> bytes) {
  // int.from_bytes(bytes + sha512(bytes).digest(), 'big').
  std::array<uint8_t, 64> digest = sha512_digest(bytes);
  size_t total = bytes.size() + digest.size();
  std::vector<uint32_t> words((total + 3) / 4, 0);
  for (size_t from_end = 0; from_end < total; ++from_end) {
    size_t index = total - 1 - from_end;
    uint8_t byte = index < bytes.size() ? bytes[index] : digest[index - bytes.size()];
    words[from_end / 4] |= static_cast<uint32_t>(byte) << (8 * (from_end % 4));
  }
  seed_int_words(words);
}

void PyRandom::seed_v1(std::span<const uint32_t> code_points) {
  uint64_t x = code_points.empty() ? 0 : static_cast<uint64_t>(code_points[0]) << 7;
  for (uint32_t c : code_points) x = (1000003u * x) ^ c;
  x ^= static_cast<uint64_t>(code_points.size());
  seed_int_words(words_of(x));
}

bool PyRandom::seed_urandom() {
  std::array<uint32_t, kMtStateWords> key{};
  if (!read_urandom(key)) return false;
  mt_.init_by_array(key);
  gauss_next_.reset();
  return true;
}

PyRandomState PyRandom::getstate() const { return PyRandomState{mt_.get_state(), gauss_next_}; }

bool PyRandom::setstate(const PyRandomState& state, RandomError* err) {
  if (!mt_.set_state(state.mt)) {
    return set_random_error(err, RandomErrorKind::kValueError, "invalid state");
  }
  gauss_next_ = state.gauss_next;
  return true;
}

// ---------------------------------------------------------------------------------------
// Core draws.

double PyRandom::random() { return mt_.genrand_res53(); }

bool PyRandom::getrandbits(int64_t k, std::vector<uint32_t>* words, RandomError* err) {
  if (k < 0) {
    return set_random_error(err, RandomErrorKind::kValueError,
                            "number of bits must be non-negative");
  }
  words->clear();
  if (k == 0) return true;
  if (k <= 32) {
    words->push_back(mt_.genrand_uint32() >> (32 - k));
    return true;
  }
  auto count = static_cast<size_t>((k - 1) / 32 + 1);
  if (!try_assign(words, count, err)) return false;
  int64_t left = k;
  for (size_t i = 0; i < count; ++i, left -= 32) {
    uint32_t r = mt_.genrand_uint32();
    if (left < 32) r >>= (32 - left);
    (*words)[i] = r;
  }
  return true;
}

uint64_t PyRandom::getrandbits64(int k) {
  if (k <= 0) return 0;
  if (k <= 32) return mt_.genrand_uint32() >> (32 - k);
  uint64_t low = mt_.genrand_uint32();
  uint64_t high = mt_.genrand_uint32() >> (64 - k);
  return low | (high << 32);
}

bool PyRandom::randbytes(int64_t n, std::vector<uint8_t>* out, RandomError* err) {
  if (n > INT64_MAX / 8) return set_random_error(err, RandomErrorKind::kMemoryError, "");
  std::vector<uint32_t> words;
  int64_t bits = n < 0 ? -1 : n * 8;
  if (!getrandbits(bits, &words, err)) return false;
  if (!try_assign(out, static_cast<size_t>(n), err)) return false;
  for (int64_t i = 0; i < n; ++i) {
    (*out)[static_cast<size_t>(i)] = static_cast<uint8_t>(words[i / 4] >> (8 * (i % 4)));
  }
  return true;
}

uint64_t PyRandom::randbelow(uint64_t n) {
  if (n == 0) return 0;  // CPython never calls _randbelow(0)
  int k = std::bit_width(n);
  uint64_t r = getrandbits64(k);
  while (r >= n) r = getrandbits64(k);
  return r;
}

std::vector<uint32_t> PyRandom::randbelow(std::span<const uint32_t> n_words) {
  size_t used = n_words.size();
  while (used > 0 && n_words[used - 1] == 0) --used;
  if (used == 0) return {};
  std::span<const uint32_t> n = n_words.first(used);
  int64_t k = static_cast<int64_t>(used - 1) * 32 + std::bit_width(n[used - 1]);
  auto less_than_n = [&](const std::vector<uint32_t>& r) {
    for (size_t i = used; i-- > 0;) {
      if (r[i] != n[i]) return r[i] < n[i];
    }
    return false;
  };
  std::vector<uint32_t> r;
  do {
    bool ok = getrandbits(k, &r, nullptr);
    (void)ok;  // k > 0 cannot fail
  } while (!less_than_n(r));
  return r;
}

// ---------------------------------------------------------------------------------------
// Integer methods.

bool PyRandom::randrange(int64_t start, std::optional<int64_t> stop, int64_t step, int64_t* out,
                         RandomError* err) {
  std::optional<__int128> wide_stop;
  if (stop) wide_stop = *stop;
  return randrange_wide(start, wide_stop, step, out, err);
}

bool PyRandom::randint(int64_t a, int64_t b, int64_t* out, RandomError* err) {
  return randrange_wide(a, static_cast<__int128>(b) + 1, 1, out, err);
}

bool PyRandom::randrange_wide(__int128 start, std::optional<__int128> stop, __int128 step,
                              int64_t* out, RandomError* err) {
  // The result always fits in int64: it lies in [start, stop) or (stop, start].
  auto below = [this](unsigned __int128 n) -> __int128 {
    if (n <= UINT64_MAX) return static_cast<__int128>(randbelow(static_cast<uint64_t>(n)));
    const uint32_t n_words[3] = {static_cast<uint32_t>(n), static_cast<uint32_t>(n >> 32),
                                 static_cast<uint32_t>(n >> 64)};
    std::vector<uint32_t> r = randbelow(std::span<const uint32_t>(n_words, 3));
    unsigned __int128 v = 0;
    for (size_t i = r.size(); i-- > 0;) v = (v << 32) | r[i];
    return static_cast<__int128>(v);
  };
  if (!stop) {
    if (step != 1) {
      return set_random_error(err, RandomErrorKind::kTypeError, "Missing a non-None stop argument");
    }
    if (start > 0) {
      *out = static_cast<int64_t>(below(static_cast<unsigned __int128>(start)));
      return true;
    }
    return set_random_error(err, RandomErrorKind::kValueError, "empty range for randrange()");
  }
  __int128 width = *stop - start;
  if (step == 1) {
    if (width > 0) {
      *out = static_cast<int64_t>(start + below(static_cast<unsigned __int128>(width)));
      return true;
    }
    return set_random_error(err, RandomErrorKind::kValueError,
                            "empty range for randrange() (" + int128_to_string(start) + ", " +
                                int128_to_string(*stop) + ", " + int128_to_string(width) + ")");
  }
  __int128 n = 0;
  if (step > 0) {
    n = floor_div(width + step - 1, step);
  } else if (step < 0) {
    n = floor_div(width + step + 1, step);
  } else {
    return set_random_error(err, RandomErrorKind::kValueError, "zero step for randrange()");
  }
  if (n <= 0) {
    return set_random_error(err, RandomErrorKind::kValueError, "empty range for randrange()");
  }
  *out = static_cast<int64_t>(start + step * below(static_cast<unsigned __int128>(n)));
  return true;
}

// ---------------------------------------------------------------------------------------
// Sequence methods.

bool PyRandom::choice(int64_t n, int64_t* index, RandomError* err) {
  if (n <= 0) {
    return set_random_error(err, RandomErrorKind::kIndexError,
                            "Cannot choose from an empty sequence");
  }
  *index = static_cast<int64_t>(randbelow(static_cast<uint64_t>(n)));
  return true;
}

bool PyRandom::sample(int64_t n, int64_t k, std::vector<int64_t>* out, RandomError* err) {
  return sample_into(n, k, out, err);
}

bool PyRandom::sample_into(int64_t n, int64_t k, std::vector<int64_t>* out, RandomError* err) {
  if (!(0 <= k && k <= n)) {
    return set_random_error(err, RandomErrorKind::kValueError,
                            "Sample larger than population or is negative");
  }
  if (!try_assign(out, static_cast<size_t>(k), err)) return false;
  // setsize = 21 + 4 ** ceil(log(k * 3, 4)) for k > 5 (math.log works on doubles).
  int64_t setsize = 21;
  if (k > 5) {
    double triple = static_cast<double>(static_cast<__int128>(k) * 3);
    double exponent = std::ceil(std::log(triple) / std::log(4.0));
    setsize =
        exponent >= 32.0 ? INT64_MAX : setsize + (int64_t{1} << (2 * static_cast<int>(exponent)));
  }
  if (n <= setsize) {
    std::vector<int64_t> pool;
    if (!try_assign(&pool, static_cast<size_t>(n), err)) return false;
    std::iota(pool.begin(), pool.end(), int64_t{0});
    for (int64_t i = 0; i < k; ++i) {
      auto j = static_cast<size_t>(randbelow(static_cast<uint64_t>(n - i)));
      (*out)[static_cast<size_t>(i)] = pool[j];
      pool[j] = pool[static_cast<size_t>(n - i - 1)];
    }
  } else {
    std::unordered_set<int64_t> selected;
    for (int64_t i = 0; i < k; ++i) {
      auto j = static_cast<int64_t>(randbelow(static_cast<uint64_t>(n)));
      while (selected.count(j) != 0) {
        j = static_cast<int64_t>(randbelow(static_cast<uint64_t>(n)));
      }
      selected.insert(j);
      (*out)[static_cast<size_t>(i)] = j;
    }
  }
  return true;
}

bool PyRandom::sample_counts(int64_t n, std::span<const int64_t> counts, int64_t k,
                             std::vector<int64_t>* out, RandomError* err) {
  if (static_cast<int64_t>(counts.size()) != n) {
    return set_random_error(err, RandomErrorKind::kValueError,
                            "The number of counts does not match the population");
  }
  if (counts.empty()) {
    return set_random_error(err, RandomErrorKind::kIndexError, "pop from empty list");
  }
  std::vector<__int128> cum(counts.size());
  __int128 running = 0;
  for (size_t i = 0; i < counts.size(); ++i) cum[i] = running += counts[i];
  __int128 total = cum.back();
  cum.pop_back();
  if (total <= 0) {
    return set_random_error(err, RandomErrorKind::kValueError,
                            "Total of counts must be greater than zero");
  }
  if (total > INT64_MAX) {
    return set_random_error(err, RandomErrorKind::kOverflowError,
                            "Python int too large to convert to C ssize_t");
  }
  std::vector<int64_t> selections;
  if (!sample_into(static_cast<int64_t>(total), k, &selections, err)) return false;
  std::span<const __int128> cum_view(cum);
  out->resize(selections.size());
  for (size_t i = 0; i < selections.size(); ++i) {
    (*out)[i] = bisect_right(cum_view, static_cast<__int128>(selections[i]), 0,
                             static_cast<int64_t>(cum.size()));
  }
  return true;
}

bool PyRandom::choices(int64_t n, int64_t k, std::vector<int64_t>* out, RandomError* err) {
  if (!try_assign(out, static_cast<size_t>(std::max<int64_t>(k, 0)), err)) return false;
  double dn = static_cast<double>(n);
  for (int64_t i = 0; i < k; ++i) {
    double picked = std::floor(random() * dn);
    if (!(picked < dn)) {
      return set_random_error(err, RandomErrorKind::kIndexError, "list index out of range");
    }
    (*out)[static_cast<size_t>(i)] = static_cast<int64_t>(picked);
  }
  return true;
}

bool PyRandom::choices_weighted(int64_t n, std::span<const double> weights, bool cumulative,
                                int64_t k, std::vector<int64_t>* out, RandomError* err) {
  out->clear();
  std::vector<double> cum(weights.begin(), weights.end());
  if (!cumulative) {
    for (size_t i = 1; i < cum.size(); ++i) cum[i] = cum[i - 1] + cum[i];
  }
  if (static_cast<int64_t>(cum.size()) != n) {
    return set_random_error(err, RandomErrorKind::kValueError,
                            "The number of weights does not match the population");
  }
  if (cum.empty()) {
    return set_random_error(err, RandomErrorKind::kIndexError, "list index out of range");
  }
  double total = cum.back() + 0.0;
  if (total <= 0.0) {
    return set_random_error(err, RandomErrorKind::kValueError,
                            "Total of weights must be greater than zero");
  }
  if (!std::isfinite(total)) {
    return set_random_error(err, RandomErrorKind::kValueError, "Total of weights must be finite");
  }
  if (!try_assign(out, static_cast<size_t>(std::max<int64_t>(k, 0)), err)) return false;
  std::span<const double> cum_view(cum);
  for (int64_t i = 0; i < k; ++i) {
    (*out)[static_cast<size_t>(i)] = bisect_right(cum_view, random() * total, 0, n - 1);
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Real-valued distributions.

double PyRandom::uniform(double a, double b) { return a + (b - a) * random(); }

double PyRandom::uniform_width(double a, double width) { return a + width * random(); }

double PyRandom::triangular(double low, double high, std::optional<double> mode) {
  double u = random();
  double c = 0.5;
  if (mode) {
    double span = high - low;
    if (span == 0.0) return low;  // ZeroDivisionError caught by random.py
    c = (*mode - low) / span;
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  return low + (high - low) * std::sqrt(u * c);
}

double PyRandom::normalvariate(double mu, double sigma) {
  const double nv_magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
  double z = 0.0;
  for (;;) {
    double u1 = random();
    double u2 = 1.0 - random();
    z = nv_magic * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) break;
  }
  return mu + z * sigma;
}

double PyRandom::gauss(double mu, double sigma) {
  std::optional<double> z = gauss_next_;
  gauss_next_.reset();
  if (!z) {
    double x2pi = random() * kTwoPi;
    double g2rad = std::sqrt(-2.0 * std::log(1.0 - random()));
    z = std::cos(x2pi) * g2rad;
    gauss_next_ = std::sin(x2pi) * g2rad;
  }
  return mu + *z * sigma;
}

bool PyRandom::lognormvariate(double mu, double sigma, double* out, RandomError* err) {
  return py_exp(normalvariate(mu, sigma), out, err);
}

bool PyRandom::expovariate(double lambd, double* out, RandomError* err) {
  double neg_log = -std::log(1.0 - random());
  return py_div(neg_log, lambd, out, err);
}

bool PyRandom::vonmisesvariate(double mu, double kappa, double* out, RandomError* err) {
  if (kappa <= 1e-6) {
    *out = kTwoPi * random();
    return true;
  }
  double s = 0.5 / kappa;
  double r = s + std::sqrt(1.0 + s * s);
  double z = 0.0;
  for (;;) {
    double u1 = random();
    z = std::cos(kPi * u1);
    double d = 0.0;
    if (!py_div(z, r + z, &d, err)) return false;
    double u2 = random();
    if (u2 < 1.0 - d * d) break;
    double e = 0.0;
    if (!py_exp(d, &e, err)) return false;
    if (u2 <= (1.0 - d) * e) break;
  }
  double q = 1.0 / r;
  double f = 0.0;
  if (!py_div(q + z, 1.0 + q * z, &f, err)) return false;
  double u3 = random();
  double angle = 0.0;
  if (!py_acos(f, &angle, err)) return false;
  *out = u3 > 0.5 ? py_mod(mu + angle, kTwoPi) : py_mod(mu - angle, kTwoPi);
  return true;
}

bool PyRandom::gammavariate(double alpha, double beta, double* out, RandomError* err) {
  if (alpha <= 0.0 || beta <= 0.0) {
    return set_random_error(err, RandomErrorKind::kValueError,
                            "gammavariate: alpha and beta must be > 0.0");
  }
  if (alpha > 1.0) {
    // R.C.H. Cheng (1977), as random.py.
    const double log4 = std::log(4.0);
    const double sg_magic = 1.0 + std::log(4.5);
    double ainv = std::sqrt(2.0 * alpha - 1.0);
    double bbb = alpha - log4;
    double ccc = alpha + ainv;
    for (;;) {
      double u1 = random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      double u2 = 1.0 - random();
      double v = std::log(u1 / (1.0 - u1)) / ainv;
      double x = alpha * std::exp(v);
      double z = u1 * u1 * u2;
      double r = bbb + ccc * v - x;
      if (r + sg_magic - 4.5 * z >= 0.0 || r >= std::log(z)) {
        *out = x * beta;
        return true;
      }
    }
  }
  if (alpha == 1.0) {
    *out = -std::log(1.0 - random()) * beta;
    return true;
  }
  // 0 < alpha < 1: ALGORITHM GS of Kennedy & Gentle.
  double x = 0.0;
  for (;;) {
    double u = random();
    double b = (kE + alpha) / kE;
    double p = b * u;
    if (p <= 1.0) {
      if (!py_pow(p, 1.0 / alpha, &x, err)) return false;
    } else {
      double lg = 0.0;
      if (!py_log((b - p) / alpha, &lg, err)) return false;
      x = -lg;
    }
    double u1 = random();
    if (p > 1.0) {
      double bound = 0.0;
      if (!py_pow(x, alpha - 1.0, &bound, err)) return false;
      if (u1 <= bound) break;
    } else if (u1 <= std::exp(-x)) {
      break;
    }
  }
  *out = x * beta;
  return true;
}

bool PyRandom::betavariate(double alpha, double beta, double* out, RandomError* err) {
  double y = 0.0;
  if (!gammavariate(alpha, 1.0, &y, err)) return false;
  if (y == 0.0) {
    *out = 0.0;
    return true;
  }
  double other = 0.0;
  if (!gammavariate(beta, 1.0, &other, err)) return false;
  return py_div(y, y + other, out, err);
}

bool PyRandom::paretovariate(double alpha, double* out, RandomError* err) {
  double u = 1.0 - random();
  double exponent = 0.0;
  if (!py_div(-1.0, alpha, &exponent, err)) return false;
  return py_pow(u, exponent, out, err);
}

bool PyRandom::weibullvariate(double alpha, double beta, double* out, RandomError* err) {
  double u = 1.0 - random();
  double base = -std::log(u);
  double exponent = 0.0;
  if (!py_div(1.0, beta, &exponent, err)) return false;
  double powered = 0.0;
  if (!py_pow(base, exponent, &powered, err)) return false;
  *out = alpha * powered;
  return true;
}

}  // namespace pyjitvm::stdlib
