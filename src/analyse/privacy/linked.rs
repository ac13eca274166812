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

/// The order of rectangles: uses the whole plan's row, new cells, persons in
/// them, row, column.
type Key = (bool, usize, u64, usize, usize);

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
    /// Hidden unit rows of each column whose cell is above its bound.
    col_slack: Vec<Vec<usize>>,
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
            col_slack: vec![Vec::new(); cols],
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
            if !self.sink(r) && self.slack(r, c) {
                self.col_slack[c].push(r);
            }
        }
    }

    fn make_full(&mut self, r: usize) {
        // the bounds of the row's hidden cells fall to 0: more of them can fall
        let before: Vec<bool> = (0..self.cols)
            .map(|c| self.is_hidden(r, c) && self.slack(r, c))
            .collect();
        self.full[r] = true;
        for (c, was) in before.into_iter().enumerate() {
            if self.is_hidden(r, c) && !was && self.slack(r, c) && !self.sink(r) {
                self.col_slack[c].push(r);
            }
            self.hide(r, c);
        }
    }

    /// A hidden cell a reader must not learn: a published category of a group
    /// with someone in it, and not a zero that the whole plan's shown zero
    /// already tells.
    fn needs(&self, r: usize, c: usize) -> bool {
        let s = self.rows - 1;
        // a group of nobody: its published total 0 says every cell
        let empty = (0..self.cols).all(|x| self.at(r, x) == 0);
        !empty
            && self.is_hidden(r, c)
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
    ///
    /// Units whose cell in column `c` is already hidden are tried first, then
    /// units hidden in a column where row `r` is hidden, then all units, and
    /// the whole plan's row last: the result is the same kind of protection,
    /// and a national plan's thousands of units are not searched for every
    /// cell.
    fn rectangle(&self, r: usize, c: usize) -> Option<(bool, Vec<(usize, usize)>)> {
        let sink = self.rows - 1;
        let unit = |x: &usize| *x != r && *x != sink;
        // a unit cell at its bound can only rise: its partner in the column
        // must be able to fall
        let column = if self.sink(r) || self.slack(r, c) {
            &self.col_adj[c]
        } else {
            &self.col_slack[c]
        };
        let mut partners: Vec<usize> = column.iter().copied().filter(unit).collect();
        partners.sort_unstable();
        let all = |rows: Vec<usize>| {
            let cols = self.cols;
            rows.into_iter()
                .flat_map(move |x| (0..cols).map(move |c2| (x, c2)))
        };
        self.rectangle_among(r, c, all(partners))
            .or_else(|| {
                // one new cell: a unit hidden in a column where row r is hidden
                let mut near: Vec<(usize, usize)> = self.row_adj[r]
                    .iter()
                    .flat_map(|&c2| self.col_adj[c2].iter().map(move |&x| (x, c2)))
                    .filter(|(x, _)| unit(x) && !self.is_hidden(*x, c))
                    .collect();
                near.sort_unstable();
                near.dedup();
                self.rectangle_among(r, c, near.into_iter())
            })
            .or_else(|| {
                let rest = (0..sink)
                    .filter(|x| unit(x) && !self.is_hidden(*x, c))
                    .collect();
                self.rectangle_among(r, c, all(rest))
            })
            .or_else(|| {
                let whole = if r == sink { Vec::new() } else { vec![sink] };
                self.rectangle_among(r, c, all(whole))
            })
    }

    /// The first rectangle through (r, c) whose other three cells are hidden
    /// already and that can be pushed (in the order the cells were hidden).
    /// Only partners whose cell in column `c` can fall are tried (a unit's
    /// cell must fall when the cell (r, c) rises) and the whole plan's row:
    /// this is a fast path, [`Table::can_change`] decides the rest.
    fn free_rectangle(&self, r: usize, c: usize) -> Option<[(usize, usize); 4]> {
        let sink = self.rows - 1;
        let whole = (self.is_hidden(sink, c) && r != sink).then_some(sink);
        for &r2 in self.col_slack[c].iter().chain(whole.iter()) {
            if r2 == r {
                continue;
            }
            for &c2 in &self.row_adj[r] {
                if c2 != c && self.is_hidden(r2, c2) {
                    let cycle = [(r, c, true), (r2, c, false), (r2, c2, true), (r, c2, false)];
                    if self.pushable(&cycle) {
                        return Some(cycle.map(|(rr, cc, _)| (rr, cc)));
                    }
                }
            }
        }
        None
    }

    /// Whether a cycle (cells with the direction each is traversed in) can be
    /// pushed one way or the other without a cell falling below its bound.
    fn pushable(&self, cycle: &[(usize, usize, bool)]) -> bool {
        [false, true].into_iter().any(|flip| {
            cycle
                .iter()
                .all(|&(rr, cc, dir)| self.raises(rr, dir != flip) || self.slack(rr, cc))
        })
    }

    fn rectangle_among(
        &self,
        r: usize,
        c: usize,
        pairs: impl Iterator<Item = (usize, usize)>,
    ) -> Option<(bool, Vec<(usize, usize)>)> {
        let mut best: Option<(Key, Vec<(usize, usize)>)> = None;
        for (r2, c2) in pairs.filter(|&(_, c2)| c2 != c) {
            {
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
                if !self.pushable(&cycle) {
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
                    // fast path: a rectangle of cells hidden already
                    if let Some(cycle) = self.free_rectangle(r, c) {
                        for (rr, cc) in cycle {
                            self.protected[rr * self.cols + cc] = true;
                        }
                        continue;
                    }
                    if self.can_change(r, c) {
                        self.protected[r * self.cols + c] = true;
                        continue;
                    }
                    match self.rectangle(r, c).map(|(_, cycle)| cycle) {
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
