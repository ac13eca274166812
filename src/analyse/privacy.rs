//! Statistical disclosure control for staff breakdowns (personvern).
//!
//! In: the head counts of the cells of one breakdown (age bands, education
//! levels, retirements per year) and the anonymity threshold `min_group_size`.
//! Out: which cells to hide. Primary suppression hides every cell with 1 to
//! min−1 persons (0 shows nobody); secondary suppression, as SSB does, then hides
//! the smallest other non-empty cell when exactly one cell is hidden, so it cannot
//! be recovered by subtracting the shown cells from the shown total. When the
//! whole group is smaller than the threshold, every cell is hidden (an empty cell
//! would tell where its few persons are not).

/// Which cells of a breakdown to hide.
pub fn suppress(counts: &[u64], min_group_size: u32) -> Vec<bool> {
    let min = u64::from(min_group_size);
    let total: u64 = counts.iter().sum();
    if total < min {
        // Even an empty cell would tell where the few persons are not.
        return vec![true; counts.len()];
    }
    let mut hidden: Vec<bool> = counts.iter().map(|&c| c > 0 && c < min).collect();
    if hidden.iter().filter(|&&h| h).count() == 1 {
        let complement = counts
            .iter()
            .enumerate()
            .filter(|&(i, &c)| c > 0 && !hidden[i])
            .min_by_key(|&(i, &c)| (c, i))
            .map(|(i, _)| i);
        if let Some(i) = complement {
            hidden[i] = true;
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cells_and_their_complement_are_hidden() {
        // one small cell: the next-smallest non-empty cell goes too
        assert_eq!(suppress(&[1, 0, 12, 7], 5), vec![true, false, false, true]);
        // two small cells protect each other
        assert_eq!(suppress(&[1, 2, 12, 7], 5), vec![true, true, false, false]);
        // nothing small: nothing hidden; zero is not a person
        assert_eq!(suppress(&[0, 5, 12], 5), vec![false, false, false]);
        // a group below the threshold hides every cell, empty ones too
        assert_eq!(suppress(&[3, 0, 1], 5), vec![true, true, true]);
        // ties: the first smallest is chosen, deterministically
        assert_eq!(suppress(&[2, 6, 6], 5), vec![true, true, false]);
    }

    #[test]
    fn a_hidden_cell_can_never_be_derived_from_the_total() {
        // exhaustive over small breakdowns: if any cell is hidden, at least two are
        for a in 0..8u64 {
            for b in 0..8u64 {
                for c in 0..8u64 {
                    let h = suppress(&[a, b, c], 5);
                    let n = h.iter().filter(|&&x| x).count();
                    if a + b + c < 5 {
                        assert_eq!(n, 3, "{a} {b} {c} → {h:?}");
                    }
                    assert!(n != 1, "{a} {b} {c} → {h:?}");
                    for (i, &x) in [a, b, c].iter().enumerate() {
                        if x > 0 && x < 5 {
                            assert!(h[i], "{a} {b} {c}");
                        }
                    }
                }
            }
        }
    }
}
