//! Statistical disclosure control (personvern): every small-group rule of
//! every output, in one place.
//!
//! In: head counts (staff in a group, respondents in a survey group, persons in
//! the cells of a breakdown) and the anonymity threshold `min_group_size`. Out:
//! what to hide. Three rules:
//!
//! - **Group suppression** ([`group_hidden`]): a group of fewer than
//!   `min_group_size` persons shows no figure derived from its members'
//!   answers or ages (a quality row with too few survey answers, a unit's
//!   survey tally, the means and breakdowns of a small staff group).
//! - **Cell suppression** ([`suppress`]): primary suppression hides every cell
//!   of a breakdown with 1 to min−1 persons (0 shows nobody); secondary
//!   suppression, as SSB does, then hides the smallest other non-empty cell
//!   when exactly one cell is hidden, so it cannot be recovered by subtracting
//!   the shown cells from the shown total. When the whole group is smaller than
//!   the threshold, every cell is hidden (an empty cell would tell where its few
//!   persons are not).
//! - **Aggregate suppression** ([`aggregate_shown`]): a sum over groups shows
//!   what its hidden groups hide only when none of them is hidden, or when two
//!   or more are and they hold at least `min_group_size` persons together (one
//!   hidden group could otherwise be recovered by subtracting the groups shown
//!   elsewhere).

/// Group suppression: a group of `n` persons is hidden when `n < min_group_size`
/// (an empty group too: it has nothing to show).
pub fn group_hidden(n: u64, min_group_size: u32) -> bool {
    n < u64::from(min_group_size)
}

/// Aggregate suppression: whether a sum over groups of `sizes` persons may show
/// the figures its hidden groups (see [`group_hidden`]) do not.
pub fn aggregate_shown(sizes: impl IntoIterator<Item = u64>, min_group_size: u32) -> bool {
    let (mut total, mut hidden, mut hidden_n) = (0u64, 0usize, 0u64);
    for n in sizes {
        total += n;
        if group_hidden(n, min_group_size) {
            hidden += 1;
            hidden_n += n;
        }
    }
    !group_hidden(total, min_group_size)
        && (hidden == 0 || (hidden >= 2 && !group_hidden(hidden_n, min_group_size)))
}

/// Cell suppression: which cells of a breakdown to hide.
pub fn suppress(counts: &[u64], min_group_size: u32) -> Vec<bool> {
    if group_hidden(counts.iter().sum(), min_group_size) {
        // Even an empty cell would tell where the few persons are not.
        return vec![true; counts.len()];
    }
    let mut hidden: Vec<bool> = counts
        .iter()
        .map(|&c| c > 0 && group_hidden(c, min_group_size))
        .collect();
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
    fn groups_and_aggregates() {
        assert!(group_hidden(0, 5) && group_hidden(4, 5) && !group_hidden(5, 5));
        assert!(aggregate_shown([6, 7], 5));
        // one hidden group: hidden, whatever its size
        assert!(!aggregate_shown([6, 3], 5));
        assert!(!aggregate_shown([6, 0], 5));
        // two hidden groups with enough persons together protect each other
        assert!(aggregate_shown([6, 3, 2], 5));
        assert!(!aggregate_shown([6, 2, 2], 5));
        assert!(!aggregate_shown([2, 2], 5));
        assert!(aggregate_shown([3, 2], 5));
        assert!(!aggregate_shown([], 5));
    }

    #[test]
    fn a_hidden_group_can_never_be_derived_from_an_aggregate() {
        // exhaustive over three groups: whenever the aggregate is shown, every
        // hidden group is either absent or hidden together with others holding
        // enough persons, so no single hidden group is the shown total minus
        // shown groups
        for a in 0..8u64 {
            for b in 0..8u64 {
                for c in 0..8u64 {
                    let sizes = [a, b, c];
                    if !aggregate_shown(sizes, 5) {
                        continue;
                    }
                    let hidden: Vec<u64> =
                        sizes.into_iter().filter(|&n| group_hidden(n, 5)).collect();
                    assert!(hidden.len() != 1, "{sizes:?}");
                    assert!(
                        hidden.is_empty() || hidden.iter().sum::<u64>() >= 5,
                        "{sizes:?}"
                    );
                    assert!(a + b + c >= 5, "{sizes:?}");
                }
            }
        }
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
