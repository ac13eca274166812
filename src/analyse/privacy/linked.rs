//! Linked-table suppression of one breakdown: which cells of the whole plan
//! and of each unit to hide so that no hidden cell can be derived exactly.
//!
//! In: every unit's counts per category, the units' headcounts, whether the
//! categories cover a group (`closed`), the threshold. Out: a [`Pattern`].
//!
//! The published figures form a table: one row per unit and one for the whole
//! plan (its cells are the columns' sums), every row's total published (the
//! headcount; an open breakdown gets an unpublished "rest" column). What a
//! reader knows is exactly: the shown cells, the row totals, the column sums,
//! and a lower bound for each hidden cell — 1 in a group that shows its zeros
//! (a hidden cell there holds someone), 0 in a group whose cells are all hidden
//! (a small group) and in the rest column. This is a network: the values that
//! agree with everything published differ from the true ones by circulations
//! around cycles of hidden cells, and a hidden cell can take another value
//! exactly when some cycle through it can be pushed one way without taking a
//! cell below its bound ([`Table::can_change`], a search in the residual graph;
//! for integer counts on a network the continuous and the integer answers
//! agree). FTE cells are hidden with their counts: the same cycles move them.
//!
//! The search for complementary cells is the fast path: for a hidden cell that
//! cannot change yet, the cheapest rectangle (two rows, two columns) that can
//! be pushed is hidden — a unit row before the whole plan, fewest new cells,
//! then the fewest persons. A rectangle that can be pushed changes all four of
//! its cells, and hiding more only adds freedom, so every cell once protected
//! stays protected. A group where no rectangle exists (all its cells are ones)
//! is hidden whole, zeros too. `audit` re-checks every hidden cell with the
//! residual search alone; the tests run both.

use super::{group_hidden, Pattern};

pub(super) struct Table {
    rows: usize,
    cols: usize,
    /// The first `published` columns are categories; a further one is the
    /// unpublished rest of an open breakdown.
    published: usize,
    value: Vec<u64>,
    hidden: Vec<bool>,
    /// Every cell of the row hidden, zeros too (a small group, or a group
    /// with nothing to pair its cells with).
    full: Vec<bool>,
    protected: Vec<bool>,
    /// Hidden columns of each row, hidden rows of each column.
    row_adj: Vec<Vec<usize>>,
    col_adj: Vec<Vec<usize>>,
}

impl Table {
    pub(super) fn new(
        units: &[Vec<u64>],
        sizes: &[u64],
        published: usize,
        closed: bool,
        min: u32,
    ) -> Self {
        let cols = published + usize::from(!closed);
        let rows = units.len() + 1;
        let mut value = vec![0u64; rows * cols];
        let mut full = vec![false; rows];
        let sink = rows - 1;
        for (u, cells) in units.iter().enumerate() {
            let size = sizes.get(u).copied().unwrap_or(0);
            let mut sum = 0u64;
            for (c, &v) in cells.iter().take(published).enumerate() {
                value[u * cols + c] = v;
                value[sink * cols + c] += v;
                sum += v;
            }
            if !closed {
                let rest = size.saturating_sub(sum);
                value[u * cols + published] = rest;
                value[sink * cols + published] += rest;
            }
            full[u] = group_hidden(size, min);
        }
        full[sink] = group_hidden(sizes.iter().sum(), min);
        let mut t = Table {
            rows,
            cols,
            published,
            value,
            hidden: vec![false; rows * cols],
            full: vec![false; rows],
            protected: vec![false; rows * cols],
            row_adj: vec![Vec::new(); rows],
            col_adj: vec![Vec::new(); cols],
        };
        for (r, &f) in full.iter().enumerate() {
            if f {
                t.make_full(r);
            }
            for c in 0..cols {
                let v = t.at(r, c);
                // primary suppression; the rest column is never shown
                if c >= published || (v > 0 && group_hidden(v, min)) {
                    t.hide(r, c);
                }
            }
        }
        t
    }

    fn at(&self, r: usize, c: usize) -> u64 {
        self.value[r * self.cols + c]
    }

    fn is_hidden(&self, r: usize, c: usize) -> bool {
        self.hidden[r * self.cols + c]
    }

    fn sink(&self, r: usize) -> bool {
        r + 1 == self.rows
    }

    /// The bound a reader knows for a hidden cell.
    fn lower(&self, r: usize, c: usize) -> u64 {
        u64::from(c < self.published && !self.full[r])
    }

    fn slack(&self, r: usize, c: usize) -> bool {
        self.at(r, c) > self.lower(r, c)
    }

    fn hide(&mut self, r: usize, c: usize) {
        let i = r * self.cols + c;
        if !self.hidden[i] {
            self.hidden[i] = true;
            self.row_adj[r].push(c);
            self.col_adj[c].push(r);
        }
    }

    fn make_full(&mut self, r: usize) {
        self.full[r] = true;
        for c in 0..self.cols {
            self.hide(r, c);
        }
    }

    /// A hidden cell a reader must not learn: a published category, and not a
    /// zero that the whole plan's shown zero already tells.
    fn needs(&self, r: usize, c: usize) -> bool {
        let s = self.rows - 1;
        self.is_hidden(r, c)
            && c < self.published
            && !(r != s && self.at(r, c) == 0 && !self.is_hidden(s, c) && self.at(s, c) == 0)
    }

    /// Traversing the cell (r, c) from its row to its column raises it in a
    /// unit's row and lowers it in the whole plan's (whose cells enter the
    /// columns' sums with the opposite sign).
    fn raises(&self, r: usize, row_to_col: bool) -> bool {
        row_to_col != self.sink(r)
    }

    /// Whether some value of the hidden cell (r, c) other than the true one
    /// agrees with everything published: a cycle of hidden cells through it
    /// that can be pushed one way (search in the residual graph).
    pub(super) fn can_change(&self, r: usize, c: usize) -> bool {
        for row_to_col in [true, false] {
            if !self.raises(r, row_to_col) && !self.slack(r, c) {
                continue;
            }
            let (from, to) = if row_to_col {
                (r, self.rows + c)
            } else {
                (self.rows + c, r)
            };
            if self.path(to, from, (r, c)) {
                return true;
            }
        }
        false
    }

    /// A path in the residual graph from node `start` to `goal` that does not
    /// use the cell `skip` (rows are nodes 0..rows, columns follow).
    fn path(&self, start: usize, goal: usize, skip: (usize, usize)) -> bool {
        let mut seen = vec![false; self.rows + self.cols];
        let mut stack = vec![start];
        seen[start] = true;
        while let Some(node) = stack.pop() {
            if node == goal {
                return true;
            }
            let mut visit = |next: usize, r: usize, c: usize, row_to_col: bool| {
                if (r, c) != skip && !seen[next] && (self.raises(r, row_to_col) || self.slack(r, c))
                {
                    seen[next] = true;
                    stack.push(next);
                }
            };
            if node < self.rows {
                for &c in &self.row_adj[node] {
                    visit(self.rows + c, node, c, true);
                }
            } else {
                let c = node - self.rows;
                for &r in &self.col_adj[c] {
                    visit(r, r, c, false);
                }
            }
        }
        false
    }

    /// The cheapest rectangle through (r, c) that can be pushed — (uses the
    /// whole plan's row, new cells, persons in them, row, column) lowest — as
    /// (hides nothing new, its four cells).
    fn rectangle(&self, r: usize, c: usize) -> Option<(bool, Vec<(usize, usize)>)> {
        let mut best: Option<((bool, usize, u64, usize, usize), Vec<(usize, usize)>)> = None;
        for r2 in (0..self.rows).filter(|&x| x != r) {
            for c2 in (0..self.cols).filter(|&x| x != c) {
                // the cycle r → c → r2 → c2 → r, each cell with the direction
                // it is traversed in (row to column or back)
                let cycle = [(r, c, true), (r2, c, false), (r2, c2, true), (r, c2, false)];
                let mut new = Vec::new();
                let mut cost = 0u64;
                let mut ok = true;
                for &(rr, cc, _) in &cycle {
                    if !self.is_hidden(rr, cc) {
                        // zeros are shown in a group that shows its cells
                        if cc >= self.published || (self.at(rr, cc) == 0 && !self.full[rr]) {
                            ok = false;
                            break;
                        }
                        new.push((rr, cc));
                        cost += self.at(rr, cc);
                    }
                }
                if !ok {
                    continue;
                }
                let pushable = [false, true].into_iter().any(|flip| {
                    cycle
                        .iter()
                        .all(|&(rr, cc, dir)| self.raises(rr, dir != flip) || self.slack(rr, cc))
                });
                if !pushable {
                    continue;
                }
                let key = (self.sink(r2), new.len(), cost, r2, c2);
                if best.as_ref().is_none_or(|(k, _)| key < *k) {
                    best = Some((key, cycle.map(|(rr, cc, _)| (rr, cc)).to_vec()));
                }
            }
        }
        best.map(|((_, new, ..), cycle)| (new == 0, cycle))
    }

    /// Primary suppression done in `new`: add complementary cells until every
    /// hidden cell can change.
    pub(super) fn protect(mut self) -> Pattern {
        self.run();
        self.pattern()
    }

    fn run(&mut self) {
        let order: Vec<usize> = std::iter::once(self.rows - 1)
            .chain(0..self.rows - 1)
            .collect();
        'again: loop {
            for &r in &order {
                for c in 0..self.published {
                    if !self.needs(r, c) || self.protected[r * self.cols + c] {
                        continue;
                    }
                    let rect = self.rectangle(r, c);
                    let free = rect.as_ref().is_some_and(|(free, _)| *free);
                    if !free && self.can_change(r, c) {
                        self.protected[r * self.cols + c] = true;
                        continue;
                    }
                    match rect.map(|(_, cycle)| cycle) {
                        Some(cycle) => {
                            // the rectangle's four cells all move with it
                            for (rr, cc) in cycle {
                                self.hide(rr, cc);
                                self.protected[rr * self.cols + cc] = true;
                            }
                        }
                        None if !self.full[r] => {
                            // nothing to pair with: hide the group whole
                            self.make_full(r);
                            continue 'again;
                        }
                        None => {
                            for x in 0..self.rows {
                                self.make_full(x);
                            }
                            break 'again;
                        }
                    }
                }
            }
            break;
        }
    }

    fn pattern(&self) -> Pattern {
        let row =
            |r: usize| -> Vec<bool> { (0..self.published).map(|c| self.is_hidden(r, c)).collect() };
        Pattern {
            whole: row(self.rows - 1),
            units: (0..self.rows - 1).map(row).collect(),
        }
    }

    /// Protect, then check every hidden cell by the residual search alone.
    #[cfg(test)]
    pub(super) fn protected_and_audited(mut self) -> (Pattern, bool) {
        self.run();
        (self.pattern(), self.audit())
    }

    /// Every hidden cell a reader must not learn can change.
    #[cfg(test)]
    fn audit(&self) -> bool {
        (0..self.rows)
            .all(|r| (0..self.published).all(|c| !self.needs(r, c) || self.can_change(r, c)))
    }
}
