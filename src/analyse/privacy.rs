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

mod linked;

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

/// Whether each figure of a linked table may be shown: the whole plan's row and
/// each unit's row, cell by cell. `true` = hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub whole: Vec<bool>,
    pub units: Vec<Vec<bool>>,
}

/// Linked-table suppression (see [`linked`]) of one breakdown: `units[u]` the
/// counts of unit `u` per category, `sizes[u]` its headcount. `closed` when
/// the categories of a group sum to its headcount (age bands, education,
/// part-time/full-time); otherwise (retirements in the period) the rest of a
/// group is an unpublished category.
/// `categories` cells per row. An empty unit has nothing to show: all its
/// cells are hidden, and it takes no part in the table.
pub fn protect(
    units: &[Vec<u64>],
    sizes: &[u64],
    categories: usize,
    closed: bool,
    min_group_size: u32,
) -> Pattern {
    let kept: Vec<usize> = (0..units.len())
        .filter(|&u| sizes.get(u).is_some_and(|&n| n > 0))
        .collect();
    let rows: Vec<Vec<u64>> = kept.iter().map(|&u| units[u].clone()).collect();
    let kept_sizes: Vec<u64> = kept.iter().map(|&u| sizes[u]).collect();
    let p = linked::Table::new(&rows, &kept_sizes, categories, closed, min_group_size).protect();
    let mut all = vec![vec![true; categories]; units.len()];
    for (u, row) in kept.into_iter().zip(p.units) {
        all[u] = row;
    }
    Pattern {
        whole: p.whole,
        units: all,
    }
}

/// Sums over groups linked by the whole plan's sum (mean age × headcount):
/// `sizes[u]` the headcount of unit `u`. Returns (whole hidden, each unit
/// hidden). A unit is hidden when it is small (group suppression); when any is,
/// the smallest shown units are hidden with it until two or more are hidden
/// and they hold at least `min_group_size` persons together, so the whole
/// plan's sum minus the shown units gives only the hidden units' sum (the
/// aggregate rule, across the linked figures). The whole plan is hidden when it
/// is small itself, or when no set of units can satisfy the rule.
pub fn protect_sums(sizes: &[u64], min_group_size: u32) -> (bool, Vec<bool>) {
    let total: u64 = sizes.iter().sum();
    if group_hidden(total, min_group_size) {
        return (true, vec![true; sizes.len()]);
    }
    // an empty unit has no sum to show, and hides nothing
    let mut hidden: Vec<bool> = sizes
        .iter()
        .map(|&n| n > 0 && group_hidden(n, min_group_size))
        .collect();
    let empty = |hidden: Vec<bool>| -> Vec<bool> {
        hidden
            .into_iter()
            .zip(sizes)
            .map(|(h, &n)| h || n == 0)
            .collect()
    };
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&u| (sizes[u], u));
    loop {
        let chosen: Vec<u64> = (0..sizes.len())
            .filter(|&u| hidden[u])
            .map(|u| sizes[u])
            .collect();
        if chosen.is_empty()
            || (chosen.len() >= 2 && !group_hidden(chosen.iter().sum(), min_group_size))
        {
            return (false, empty(hidden));
        }
        match order.iter().find(|&&u| !hidden[u] && sizes[u] > 0) {
            Some(&u) => hidden[u] = true,
            // the hidden units are all there is: the whole plan is their sum
            None => return (true, vec![true; sizes.len()]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(cells: &[u64]) -> Vec<bool> {
        let p = protect(
            &[cells.to_vec()],
            &[cells.iter().sum()],
            cells.len(),
            true,
            5,
        );
        assert_eq!(p.whole, p.units[0], "one unit: the whole plan is the unit");
        p.whole
    }

    #[test]
    fn small_cells_and_their_complements_are_hidden() {
        // one small cell: the next-smallest non-empty cell goes too
        assert_eq!(one(&[1, 0, 12, 7]), vec![true, false, false, true]);
        // two ones alone would be pinned (2 = 1 + 1, each at least 1): a
        // larger cell joins them
        assert_eq!(one(&[1, 1, 12, 7]), vec![true, true, false, true]);
        // two small cells with room between them protect each other
        assert_eq!(one(&[1, 2, 12, 7]), vec![true, true, false, false]);
        // nothing small: nothing hidden; zero is not a person
        assert_eq!(one(&[0, 5, 12]), vec![false, false, false]);
        // a group below the threshold hides every cell, empty ones too
        assert_eq!(one(&[3, 0, 1]), vec![true, true, true]);
    }

    #[test]
    fn a_unit_cannot_be_recovered_from_the_whole_plan_and_the_other_units() {
        // unit a: 30–39 = 15 and 67+ = 1; unit b: 30–39 = 20, 67+ = 6
        let units = [vec![15, 1, 20], vec![20, 6, 10]];
        let p = protect(&units, &[36, 36], 3, true, 5);
        // a's small cell and one partner in its row; the same two columns of
        // b (the rectangle holding the fewest persons), so the whole plan's
        // column minus b is no answer
        assert_eq!(p.units[0], vec![false, true, true]);
        assert_eq!(p.units[1], vec![false, true, true]);
        assert_eq!(p.whole, vec![false, false, false]);
        // a two-person unit: every cell; the other unit pairs with it
        let units = [vec![7, 0, 5], vec![1, 1, 0]];
        let p = protect(&units, &[12, 2], 3, true, 5);
        assert_eq!(p.units[1], vec![true, true, true]);
        assert!(p.units[0].iter().filter(|&&h| h).count() >= 2, "{p:?}");
    }

    #[test]
    fn sums_of_small_units_are_hidden_in_pairs() {
        assert_eq!(protect_sums(&[10, 12], 5), (false, vec![false, false]));
        // (12·42.75 − 10·39.5)/2 would give the two-person unit's mean age
        assert_eq!(protect_sums(&[10, 2], 5), (false, vec![true, true]));
        assert_eq!(
            protect_sums(&[10, 2, 30, 7], 5),
            (false, vec![false, true, false, true])
        );
        // two small units together large enough protect each other
        assert_eq!(
            protect_sums(&[10, 3, 2], 5),
            (false, vec![false, true, true])
        );
        assert_eq!(protect_sums(&[3, 1], 5), (true, vec![true, true]));
        assert_eq!(protect_sums(&[0, 9], 5), (false, vec![true, false]));
    }

    /// Every table of two units and three categories with 0..=3 persons per
    /// cell, threshold 3: for every hidden cell a reader must not learn, some
    /// other table agrees with everything shown (row totals, shown cells, the
    /// whole plan's shown cells, and the lower bounds a reader knows).
    #[test]
    fn no_hidden_cell_of_a_small_linked_table_is_exact() {
        let min = 3;
        let rows = |t: &[u64; 6]| [vec![t[0], t[1], t[2]], vec![t[3], t[4], t[5]]];
        for code in 0..4u32.pow(6) {
            let mut t = [0u64; 6];
            for (i, x) in t.iter_mut().enumerate() {
                *x = u64::from(code / 4u32.pow(i as u32) % 4);
            }
            let units = rows(&t);
            let sizes: Vec<u64> = units.iter().map(|r| r.iter().sum()).collect();
            let p = protect(&units, &sizes, 3, true, min);
            let whole: Vec<u64> = (0..3).map(|c| t[c] + t[3 + c]).collect();
            // a reader's bound: 1 in a group that shows a cell and is not small
            let lb: Vec<u64> = (0..2)
                .map(|u| u64::from(!group_hidden(sizes[u], min) && p.units[u].iter().any(|&h| !h)))
                .collect();
            let agrees = |a: &[u64; 6]| {
                (0..2).all(|u| {
                    (0..3).map(|c| a[3 * u + c]).sum::<u64>() == sizes[u]
                        && (0..3).all(|c| {
                            let (x, y) = (a[3 * u + c], t[3 * u + c]);
                            if p.units[u][c] {
                                x >= lb[u]
                            } else {
                                x == y
                            }
                        })
                }) && (0..3).all(|c| p.whole[c] || a[c] + a[3 + c] == whole[c])
            };
            // every other table with the same row totals
            let comps = |n: u64| -> Vec<[u64; 3]> {
                (0..=n)
                    .flat_map(|x| (0..=n - x).map(move |y| [x, y, n - x - y]))
                    .collect()
            };
            let alts: Vec<[u64; 6]> = comps(sizes[0])
                .into_iter()
                .flat_map(|a| {
                    comps(sizes[1])
                        .into_iter()
                        .map(move |b| [a[0], a[1], a[2], b[0], b[1], b[2]])
                })
                .filter(|a| agrees(a))
                .collect();
            for u in 0..2 {
                for c in 0..3 {
                    // an empty group, or a category the whole plan shows empty
                    let public = sizes[u] == 0 || (!p.whole[c] && whole[c] == 0);
                    if !p.units[u][c] || (t[3 * u + c] == 0 && public) {
                        continue;
                    }
                    assert!(
                        alts.iter().any(|a| a[3 * u + c] != t[3 * u + c]),
                        "{t:?}: unit {u} cell {c} is exact ({p:?})"
                    );
                }
            }
            for c in 0..3 {
                if p.whole[c] && sizes.iter().sum::<u64>() > 0 {
                    assert!(
                        alts.iter().any(|a| a[c] + a[3 + c] != whole[c]),
                        "{t:?}: whole cell {c} is exact ({p:?})"
                    );
                }
            }
            // primary suppression
            for u in 0..2 {
                for c in 0..3 {
                    let v = t[3 * u + c];
                    if group_hidden(sizes[u], min) || (v > 0 && v < u64::from(min)) {
                        assert!(p.units[u][c], "{t:?}");
                    }
                }
            }
        }
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

    proptest::proptest! {
        /// Larger linked tables, closed and open: after protection the
        /// residual search finds every hidden cell movable, every small cell
        /// is hidden, and no zero of a group that shows its cells is hidden.
        #[test]
        fn every_protected_table_passes_the_audit(
            units in proptest::collection::vec(proptest::collection::vec(0u64..12, 4), 1..9),
            closed in proptest::bool::ANY,
            extra in proptest::collection::vec(0u64..4, 9),
        ) {
            let sizes: Vec<u64> = units
                .iter()
                .zip(&extra)
                .map(|(r, &x)| r.iter().sum::<u64>() + if closed { 0 } else { x })
                .collect();
            let (p, ok) = linked::Table::new(&units, &sizes, 4, closed, 5).protected_and_audited();
            proptest::prop_assert!(ok, "{units:?} {sizes:?} → {p:?}");
            for (u, row) in units.iter().enumerate() {
                for (c, &v) in row.iter().enumerate() {
                    if v > 0 && v < 5 {
                        proptest::prop_assert!(p.units[u][c]);
                    }
                    if v == 0 && p.units[u][c] {
                        // only in a group hidden whole
                        proptest::prop_assert!(p.units[u].iter().all(|&h| h));
                    }
                }
            }
        }
    }
}
