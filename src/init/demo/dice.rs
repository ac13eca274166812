//! The demo's only source of randomness: ChaCha8 from a seed.
//!
//! In: a seed. Out: uniform numbers, coin flips and weighted choices, derived
//! from the raw 64-bit output of the stream only, so the demo stays
//! byte-identical as long as ChaCha8 does (it is a fixed algorithm), whatever
//! sampling algorithms `rand` uses in later versions.

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub(super) struct Dice {
    rng: ChaCha8Rng,
}

impl Dice {
    pub(super) fn new(seed: u64) -> Self {
        Dice {
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// Uniform in [0, 1), 53 bits.
    pub(super) fn unit(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [lo, hi).
    pub(super) fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// True with probability `p`.
    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform integer in `lo..=hi`.
    pub(super) fn int(&mut self, lo: i32, hi: i32) -> i32 {
        let span = (i64::from(hi) - i64::from(lo) + 1).max(1) as u64;
        // Multiply-shift: unbiased enough for a demo, and stable.
        let r = ((u128::from(self.rng.next_u64()) * u128::from(span)) >> 64) as i64;
        (i64::from(lo) + r) as i32
    }

    /// Roughly normal with mean 0 and standard deviation `sd` (sum of three uniforms).
    pub(super) fn bell(&mut self, sd: f64) -> f64 {
        let s = self.unit() + self.unit() + self.unit() - 1.5;
        s * 2.0 * sd
    }

    /// Index of a weighted choice (weights need not sum to anything particular).
    pub(super) fn weighted<T>(&mut self, items: &[(T, u32)]) -> usize {
        let total: u32 = items.iter().map(|(_, w)| *w).sum();
        let mut r = self.int(0, total.saturating_sub(1) as i32) as u32;
        for (i, (_, w)) in items.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        items.len().saturating_sub(1)
    }

    /// The value of a weighted choice.
    pub(super) fn pick<T: Copy>(&mut self, items: &[(T, u32)], fallback: T) -> T {
        let i = self.weighted(items);
        items.get(i).map_or(fallback, |(v, _)| *v)
    }

    /// Shuffle in place (Fisher–Yates).
    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.int(0, i as i32) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers_and_ranges_hold() {
        let mut a = Dice::new(1);
        let mut b = Dice::new(1);
        for _ in 0..1000 {
            let x = a.int(3, 7);
            assert_eq!(x, b.int(3, 7));
            assert!((3..=7).contains(&x));
            let u = a.unit();
            assert_eq!(u, b.unit());
            assert!((0.0..1.0).contains(&u));
        }
        let items = [("a", 0u32), ("b", 5)];
        assert!((0..100).all(|_| a.pick(&items, "x") == "b"));
    }
}
