// stdlib/numpy/sort_kernels.h — NumPy 1.24's sort orders and algorithms: the NaN-last
// comparison and the introsort / heapsort that decide where equal keys end up.
//
// Stage: used by sorting.cpp (sort, argsort, unique, searchsorted, lexsort) on
// contiguous lanes of typed elements or of int64 indices.
//
// Invariants:
//   I1  sort_less<T> is NumPy's Tag::less: floats put NaN after everything, complex
//       numbers order lexicographically with NaNs last, bool False < True.
//   I2  introsort() follows NumPy's quicksort step for step (median of three, the
//       pivot parked at pr - 1, partitions of more than 16 elements pushed largest first, insertion
//       sort below, heapsort past 2*floor(log2 n) levels), so argsort's default kind
//       orders ties exactly as NumPy's does.
//   I3  heapsort() is NumPy's heapsort (1-based sift-down), for kind='heapsort'.
#pragma once

#include <complex>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace pyjitvm::stdlib::np {

template <class T>
inline bool sort_less(const T& a, const T& b) {
  if constexpr (std::is_floating_point_v<T>) {
    return a < b || (b != b && a == a);
  } else if constexpr (std::is_same_v<T, std::complex<double>>) {
    const double ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
    if (ar < br) return ai == ai || bi != bi;
    if (ar > br) return bi != bi && ai == ai;
    if (ar == br || (ar != ar && br != br)) return ai < bi || (bi != bi && ai == ai);
    return br != br;
  } else {
    return a < b;
  }
}

inline int msb_of(int64_t n) {
  int d = 0;
  while (n > 1) {
    n >>= 1;
    ++d;
  }
  return d;
}

// Sorts items[0, n) by less(a, b) as NumPy's heapsort does (I3).
template <class Item, class Less>
void heapsort(Item* items, int64_t n, Less less) {
  Item* a = items - 1;  // 1-based
  int64_t i, j, l;
  for (l = n >> 1; l > 0; --l) {
    Item tmp = a[l];
    for (i = l, j = l << 1; j <= n;) {
      if (j < n && less(a[j], a[j + 1])) j += 1;
      if (less(tmp, a[j])) {
        a[i] = a[j];
        i = j;
        j += j;
      } else {
        break;
      }
    }
    a[i] = tmp;
  }
  for (; n > 1;) {
    Item tmp = a[n];
    a[n] = a[1];
    n -= 1;
    for (i = 1, j = 2; j <= n;) {
      if (j < n && less(a[j], a[j + 1])) j++;
      if (less(tmp, a[j])) {
        a[i] = a[j];
        i = j;
        j += j;
      } else {
        break;
      }
    }
    a[i] = tmp;
  }
}

// NumPy's quicksort (I2).
template <class Item, class Less>
void introsort(Item* start, int64_t num, Less less) {
  constexpr int64_t kSmall = 15;  // NumPy's SMALL_QUICKSORT
  constexpr int kStack = 128;
  if (num <= 1) return;
  Item* pl = start;
  Item* pr = start + num - 1;
  Item* stack[kStack];
  Item** sptr = stack;
  int depth[kStack];
  int* psdepth = depth;
  int cdepth = msb_of(num) * 2;
  for (;;) {
    if (cdepth < 0) {
      heapsort(pl, pr - pl + 1, less);
    } else {
      while ((pr - pl) > kSmall) {
        Item* pm = pl + ((pr - pl) >> 1);
        if (less(*pm, *pl)) std::swap(*pm, *pl);
        if (less(*pr, *pm)) std::swap(*pr, *pm);
        if (less(*pm, *pl)) std::swap(*pm, *pl);
        Item vp = *pm;
        Item* pi = pl;
        Item* pj = pr - 1;
        std::swap(*pm, *pj);
        for (;;) {
          do ++pi;
          while (less(*pi, vp));
          do --pj;
          while (less(vp, *pj));
          if (pi >= pj) break;
          std::swap(*pi, *pj);
        }
        Item* pk = pr - 1;
        std::swap(*pi, *pk);
        if (pi - pl < pr - pi) {
          *sptr++ = pi + 1;
          *sptr++ = pr;
          pr = pi - 1;
        } else {
          *sptr++ = pl;
          *sptr++ = pi - 1;
          pl = pi + 1;
        }
        *psdepth++ = --cdepth;
      }
      for (Item* pi = pl + 1; pi <= pr; ++pi) {
        Item vp = *pi;
        Item* pj = pi;
        Item* pk = pi - 1;
        while (pj > pl && less(vp, *pk)) *pj-- = *pk--;
        *pj = vp;
      }
    }
    if (sptr == stack) break;
    pr = *(--sptr);
    pl = *(--sptr);
    cdepth = *(--psdepth);
  }
}

}  // namespace pyjitvm::stdlib::np
