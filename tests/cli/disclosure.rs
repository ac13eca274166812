//! Disclosure control (issue 17): an attacker with nothing but the published
//! figures of one run tries to recover a hidden staff or survey figure.
//!
//! The published figures are the JSON of `plan analyse` for the whole plan and
//! for every `--unit` (the report shows the same numbers). The attacker writes
//! every published relation as a linear equation — a breakdown's cells sum to
//! the group's headcount or FTE, the whole plan's cell is the sum of the units'
//! cells, mean × count is a sum, a share × respondents is a count, a total of
//! quality rows is the sum of the rows — with every hidden figure an unknown,
//! and then derives what it can: exact linear elimination (Gauss–Jordan: every
//! combination of equations, so "total minus visible cells", "whole plan minus
//! the other units" and chains of them), and bound propagation with zeros as
//! information (a breakdown that shows its zeros tells that each hidden cell
//! holds at least one person), alternated until nothing more follows.
//!
//! The truth is the same plan analysed with `min_group_size = 1` (nothing
//! hidden). A hidden figure the attacker pins to its true value is a leak —
//! except a zero in a category whose whole-plan figure is a published zero
//! ("nobody in the plan has a doctorate" is said about everyone).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

use kompetanseplan::analyse::analyse_unit;
use kompetanseplan::model::Plan;
use serde_json::Value;

use crate::common::{copy_plan, plan};

/// The published JSON of one run: the whole plan and every unit.
struct Run {
    whole: Value,
    units: Vec<(String, Value)>,
}

fn load(dir: &Path) -> Plan {
    let loaded = kompetanseplan::pipeline::open_dir(dir).unwrap();
    loaded.plan.expect("a valid plan")
}

fn json(plan: &Plan, min: u32, unit: Option<&str>) -> Value {
    let mut a = plan.assumptions;
    a.min_group_size = min;
    let analysis = analyse_unit(plan, &a, unit);
    let mut buf = Vec::new();
    kompetanseplan::render::json::render(&mut buf, &analysis).unwrap();
    serde_json::from_slice(&buf).unwrap()
}

fn run(plan: &Plan, min: u32) -> Run {
    Run {
        whole: json(plan, min, None),
        units: plan
            .units
            .iter()
            .map(|u| (u.id.clone(), json(plan, min, Some(&u.id))))
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// The attacker's algebra.

#[derive(Debug, Clone)]
struct Var {
    name: String,
    truth: f64,
    lo: f64,
    hi: f64,
    integer: bool,
    /// A published figure that was hidden (not a helper unknown).
    protect: bool,
    /// Its true value is 0 and the whole plan publishes 0 for it.
    public_zero: bool,
    value: Option<f64>,
}

/// A term: a known number or an unknown.
#[derive(Debug, Clone, Copy)]
enum T {
    K(f64),
    V(usize),
}

#[derive(Default)]
struct System {
    vars: Vec<Var>,
    /// Σ coef·term = 0
    eqs: Vec<Vec<(f64, T)>>,
}

const EPS: f64 = 1e-7;

impl System {
    fn var(&mut self, name: String, truth: f64, lo: f64, integer: bool, protect: bool) -> T {
        self.vars.push(Var {
            name,
            truth,
            lo,
            hi: f64::INFINITY,
            integer,
            protect,
            public_zero: false,
            value: None,
        });
        T::V(self.vars.len() - 1)
    }

    /// A published figure: known when shown, an unknown when hidden.
    fn cell(&mut self, name: String, shown: Option<f64>, truth: f64, lo: f64, int: bool) -> T {
        match shown {
            Some(v) => T::K(v),
            None => self.var(name, truth, lo, int, true),
        }
    }

    /// `total` = Σ `parts`.
    fn sum(&mut self, total: T, parts: &[T]) {
        let mut eq = vec![(-1.0, total)];
        eq.extend(parts.iter().map(|&p| (1.0, p)));
        self.eqs.push(eq);
    }

    /// The equations with determined unknowns folded in: (coefs by var, rhs).
    fn reduced(&self) -> Vec<(BTreeMap<usize, f64>, f64)> {
        self.eqs
            .iter()
            .map(|eq| {
                let mut m = BTreeMap::new();
                let mut rhs = 0.0;
                for &(c, t) in eq {
                    match t {
                        T::K(k) => rhs -= c * k,
                        T::V(i) => match self.vars[i].value {
                            Some(v) => rhs -= c * v,
                            None => *m.entry(i).or_insert(0.0) += c,
                        },
                    }
                }
                m.retain(|_, c: &mut f64| c.abs() > EPS);
                (m, rhs)
            })
            .collect()
    }

    fn fix(&mut self, i: usize, v: f64) -> bool {
        let var = &mut self.vars[i];
        if var.value.is_some() {
            return false;
        }
        let v = if var.integer { v.round() } else { v };
        var.value = Some(v);
        var.lo = v;
        var.hi = v;
        true
    }

    /// Gauss–Jordan elimination: every unknown whose value follows from some
    /// combination of the equations.
    fn linear(&mut self) -> bool {
        let eqs: Vec<_> = self
            .reduced()
            .into_iter()
            .filter(|(m, _)| !m.is_empty())
            .collect();
        let mut cols: Vec<usize> = eqs.iter().flat_map(|(m, _)| m.keys().copied()).collect();
        cols.sort_unstable();
        cols.dedup();
        let idx: BTreeMap<usize, usize> = cols.iter().enumerate().map(|(j, &v)| (v, j)).collect();
        let n = cols.len();
        let mut rows: Vec<Vec<f64>> = eqs
            .iter()
            .map(|(m, rhs)| {
                let mut r = vec![0.0; n + 1];
                for (v, c) in m {
                    r[idx[v]] = *c;
                }
                r[n] = *rhs;
                r
            })
            .collect();
        let mut pivots = Vec::new();
        let mut r0 = 0;
        for j in 0..n {
            let Some(p) = (r0..rows.len())
                .filter(|&r| rows[r][j].abs() > EPS)
                .max_by(|&a, &b| rows[a][j].abs().total_cmp(&rows[b][j].abs()))
            else {
                continue;
            };
            rows.swap(r0, p);
            let pv = rows[r0][j];
            for x in rows[r0].iter_mut() {
                *x /= pv;
            }
            let pivot = rows[r0].clone();
            for (r, row) in rows.iter_mut().enumerate() {
                if r != r0 && row[j].abs() > EPS {
                    let f = row[j];
                    for (x, p) in row.iter_mut().zip(&pivot) {
                        *x -= f * p;
                    }
                }
            }
            pivots.push((r0, j));
            r0 += 1;
        }
        let mut changed = false;
        for (r, j) in pivots {
            let alone = (0..n).all(|k| k == j || rows[r][k].abs() <= EPS);
            if alone {
                changed |= self.fix(cols[j], rows[r][n]);
            }
        }
        changed
    }

    /// Interval propagation over every equation, with the lower bounds the
    /// attacker knows; an unknown whose interval closes is determined.
    fn bounds(&mut self) -> bool {
        let mut changed = false;
        for _ in 0..50 {
            let mut moved = false;
            for (m, rhs) in self.reduced() {
                let terms: Vec<(usize, f64)> = m.into_iter().collect();
                // the range of c·x for each term
                let range = |s: &Self, (i, c): (usize, f64)| {
                    let (lo, hi) = (s.vars[i].lo, s.vars[i].hi);
                    if c > 0.0 {
                        (c * lo, c * hi)
                    } else {
                        (c * hi, c * lo)
                    }
                };
                for k in 0..terms.len() {
                    let (i, c) = terms[k];
                    let (mut lo, mut hi) = (0.0f64, 0.0f64);
                    for (l, &t) in terms.iter().enumerate() {
                        if l != k {
                            let (a, b) = range(self, t);
                            lo += a;
                            hi += b;
                        }
                    }
                    // c·x = rhs − Σ others
                    let (a, b) = (rhs - hi, rhs - lo);
                    let (mut nlo, mut nhi) = if c > 0.0 {
                        (a / c, b / c)
                    } else {
                        (b / c, a / c)
                    };
                    let v = &mut self.vars[i];
                    if v.integer {
                        nlo = (nlo - EPS).ceil();
                        nhi = (nhi + EPS).floor();
                    }
                    if nlo.is_finite() && nlo > v.lo + EPS {
                        v.lo = nlo;
                        moved = true;
                    }
                    if nhi.is_finite() && nhi < v.hi - EPS {
                        v.hi = nhi;
                        moved = true;
                    }
                }
            }
            for i in 0..self.vars.len() {
                let v = &self.vars[i];
                if v.value.is_none() && (v.hi - v.lo).abs() <= EPS {
                    let x = v.lo;
                    changed |= self.fix(i, x);
                }
            }
            if !moved {
                break;
            }
        }
        changed
    }

    fn solve(&mut self) {
        for _ in 0..20 {
            let a = self.linear();
            let b = self.bounds();
            if !a && !b {
                break;
            }
        }
    }

    /// The hidden figures recovered exactly.
    fn leaks(&self) -> Vec<String> {
        self.vars
            .iter()
            .filter(|v| v.protect && !v.public_zero)
            .filter_map(|v| {
                let x = v.value?;
                ((x - v.truth).abs() < 1e-6).then(|| format!("{} = {}", v.name, x))
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// The published relations.

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// Rows of a linked table: ("whole" or unit id, its workforce JSON).
fn rows(r: &Run) -> Vec<(&str, &Value)> {
    let mut out = vec![("whole", &r.whole["workforce"])];
    out.extend(r.units.iter().map(|(u, v)| (u.as_str(), &v["workforce"])));
    out
}

/// A breakdown (`age_bands`, `education`, `retirements`) as linked tables of
/// headcounts and FTE: each row sums to the group's total (retirements: plus
/// an unpublished "not in the period" cell), the whole plan's cells are the
/// sums of the units'.
fn breakdown(s: &mut System, published: &Run, truth: &Run, key: &str, field: &str) {
    let closed = key != "retirements";
    let int = field == "headcount";
    let label = if key == "retirements" {
        "year"
    } else {
        "group"
    };
    let pub_rows = rows(published);
    let true_rows = rows(truth);
    let whole_zero: Vec<bool> = pub_rows[0].1[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| num(&g[field]) == Some(0.0))
        .collect();
    let mut table: Vec<Vec<T>> = Vec::new();
    for ((name, w), (_, t)) in pub_rows.iter().zip(&true_rows) {
        let cells = w[key].as_array().unwrap();
        let any_shown = cells.iter().any(|g| !g[field].is_null());
        // zeros are shown: a hidden count in a group that shows its breakdown
        // holds at least one person
        let lo = if int && any_shown && w["suppressed"] == false {
            1.0
        } else {
            0.0
        };
        let mut row = Vec::new();
        for (k, (g, tg)) in cells.iter().zip(t[key].as_array().unwrap()).enumerate() {
            // with a threshold of 1 only empty groups are hidden: all zero
            let truth = num(&tg[field]).unwrap_or(0.0);
            let n = format!("{name}.{key}[{}].{field}", g[label]);
            let cell = s.cell(n, num(&g[field]), truth, lo, int);
            if let T::V(i) = cell {
                s.vars[i].public_zero = *name != "whole" && truth == 0.0 && whole_zero[k];
            }
            row.push(cell);
        }
        let total = num(&w[field]).unwrap();
        let true_total = num(&t[field]).unwrap();
        if closed {
            s.sum(T::K(total), &row);
        } else {
            let rest: f64 = row
                .iter()
                .zip(t[key].as_array().unwrap())
                .map(|(_, tg)| num(&tg[field]).unwrap_or(0.0))
                .sum();
            let other = s.var(
                format!("{name}.not-retiring"),
                true_total - rest,
                0.0,
                int,
                false,
            );
            let mut all = row.clone();
            all.push(other);
            s.sum(T::K(total), &all);
            row.push(other);
        }
        table.push(row);
    }
    let cols = table[0].len();
    for k in 0..cols {
        let parts: Vec<T> = table[1..].iter().map(|r| r[k]).collect();
        s.sum(table[0][k], &parts);
    }
}

/// Mean age × headcount (a sum of ages) and part-time share × headcount (a
/// count of part-timers; the rest work full time), linked between the whole
/// plan and the units.
fn means(s: &mut System, published: &Run, truth: &Run) {
    let pub_rows = rows(published);
    let true_rows = rows(truth);
    let mut ages = Vec::new();
    let mut parts = Vec::new();
    let mut fulls = Vec::new();
    for ((name, w), (_, t)) in pub_rows.iter().zip(&true_rows) {
        let h = num(&w["headcount"]).unwrap();
        let round = |x: Option<f64>| x.map(|x| (x * h).round());
        let true_age = round(num(&t["mean_age"])).unwrap_or(0.0);
        ages.push(s.cell(
            format!("{name}.mean_age×headcount"),
            round(num(&w["mean_age"])),
            true_age,
            0.0,
            true,
        ));
        let true_part = round(num(&t["part_time_share"])).unwrap_or(0.0);
        let shown = round(num(&w["part_time_share"]));
        let lo = if w["suppressed"] == false { 1.0 } else { 0.0 };
        let p = s.cell(format!("{name}.part_time"), shown, true_part, lo, true);
        let f = s.cell(
            format!("{name}.full_time"),
            shown.map(|p| h - p),
            h - true_part,
            lo,
            true,
        );
        s.sum(T::K(h), &[p, f]);
        parts.push(p);
        fulls.push(f);
    }
    for col in [ages, parts, fulls] {
        let (total, units) = col.split_first().unwrap();
        s.sum(*total, units);
    }
}

/// Quality rows and their totals; the survey's municipality rows and the
/// units' rows (share at level × respondents = answers at the level).
fn survey(s: &mut System, published: &Run, truth: &Run) {
    let (p, t) = (&published.whole, &truth.whole);
    for field in ["available", "need", "develop", "acquire"] {
        let mut groups: BTreeMap<(String, u64), Vec<T>> = BTreeMap::new();
        for (row, trow) in p["quality"]
            .as_array()
            .unwrap()
            .iter()
            .zip(t["quality"].as_array().unwrap())
        {
            let key = (
                row["competence"].to_string(),
                row["min_level"].as_u64().unwrap(),
            );
            let name = format!("quality {}/{key:?}.{field}", row["unit"]);
            let v = s.cell(
                name,
                num(&row[field]),
                num(&trow[field]).unwrap_or(0.0),
                0.0,
                true,
            );
            groups.entry(key).or_default().push(v);
        }
        for (tot, ttot) in p["quality_totals"]
            .as_array()
            .unwrap()
            .iter()
            .zip(t["quality_totals"].as_array().unwrap())
        {
            let key = (
                tot["competence"].to_string(),
                tot["min_level"].as_u64().unwrap(),
            );
            let name = format!("quality total {key:?}.{field}");
            let v = s.cell(
                name,
                num(&tot[field]),
                num(&ttot[field]).unwrap_or(0.0),
                0.0,
                true,
            );
            let parts = groups.get(&key).cloned().unwrap_or_default();
            s.sum(v, &parts);
        }
    }
    let at_level = |row: &Value| {
        let n = num(&row["respondents"]).unwrap();
        num(&row["share_at_level"]).map(|x| (x * n).round())
    };
    let key = |row: &Value| (row["competence"].to_string(), row["min_level"].to_string());
    let mut units: BTreeMap<(String, String), Vec<T>> = BTreeMap::new();
    // each unit's row for an area at its highest level: the parts of `areas`
    let mut highest: BTreeMap<(String, String), (u64, T)> = BTreeMap::new();
    for (row, trow) in p["survey"]["units"]
        .as_array()
        .unwrap()
        .iter()
        .zip(t["survey"]["units"].as_array().unwrap())
    {
        if row["min_level"].is_null() {
            continue;
        }
        let name = format!("survey {}/{:?}.at_level", row["unit"], key(row));
        let v = s.cell(
            name,
            at_level(row),
            at_level(trow).unwrap_or(0.0),
            0.0,
            true,
        );
        units.entry(key(row)).or_default().push(v);
        let level = row["min_level"].as_u64().unwrap();
        let slot = (row["unit"].to_string(), row["competence"].to_string());
        if highest.get(&slot).is_none_or(|(l, _)| *l < level) {
            highest.insert(slot, (level, v));
        }
    }
    // one row per area: answers at their unit's level over the units with a requirement
    let required = |row: &Value| {
        let levels = row["levels"].as_array().unwrap();
        (!levels.is_empty()).then_some(())
    };
    for (row, trow) in p["survey"]["areas"]
        .as_array()
        .unwrap()
        .iter()
        .zip(t["survey"]["areas"].as_array().unwrap())
    {
        if required(row).is_none() {
            continue;
        }
        let competence = row["competence"].to_string();
        let parts: Vec<T> = highest
            .iter()
            .filter(|((_, c), _)| *c == competence)
            .map(|(_, (_, v))| *v)
            .collect();
        // the area's share is over the answers of these units only
        let n: f64 = p["survey"]["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| {
                u["competence"] == row["competence"]
                    && highest
                        .get(&(u["unit"].to_string(), competence.clone()))
                        .is_some_and(|(l, _)| Some(*l) == u["min_level"].as_u64())
            })
            .map(|u| num(&u["respondents"]).unwrap())
            .sum();
        let count = |r: &Value| num(&r["share_at_level"]).map(|x| (x * n).round());
        let name = format!("survey area {competence}.at_level");
        let v = s.cell(name, count(row), count(trow).unwrap_or(0.0), 0.0, true);
        s.sum(v, &parts);
    }
    for (row, trow) in p["survey"]["municipality"]
        .as_array()
        .unwrap()
        .iter()
        .zip(t["survey"]["municipality"].as_array().unwrap())
    {
        if row["min_level"].is_null() {
            continue;
        }
        let name = format!("survey municipality/{:?}.at_level", key(row));
        let v = s.cell(
            name,
            at_level(row),
            at_level(trow).unwrap_or(0.0),
            0.0,
            true,
        );
        let parts = units.get(&key(row)).cloned().unwrap_or_default();
        s.sum(v, &parts);
    }
}

/// Every hidden figure of the plan in `dir` the attacker recovers.
fn attack(dir: &Path) -> Vec<String> {
    let plan = load(dir);
    let published = run(&plan, plan.assumptions.min_group_size);
    let truth = run(&plan, 1);
    let mut leaks = Vec::new();
    let mut systems: Vec<System> = Vec::new();
    for key in ["age_bands", "education", "retirements"] {
        for field in ["headcount", "fte"] {
            let mut s = System::default();
            breakdown(&mut s, &published, &truth, key, field);
            systems.push(s);
        }
    }
    let mut s = System::default();
    means(&mut s, &published, &truth);
    systems.push(s);
    let mut s = System::default();
    survey(&mut s, &published, &truth);
    systems.push(s);
    for mut s in systems {
        s.solve();
        leaks.extend(s.leaks());
    }
    leaks
}

/// The privacy fixture with its home-care unit cut to two persons.
fn two_person_unit() -> tempfile::TempDir {
    let tmp = copy_plan("tests/fixtures/privacy");
    let staff = tmp.path().join("data/staff.csv");
    let text = std::fs::read_to_string(&staff).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("QZXH03") && !l.starts_with("QZXH04"))
        .collect();
    std::fs::write(&staff, kept.join("\n") + "\n").unwrap();
    tmp
}

#[test]
fn no_hidden_figure_of_the_demo_can_be_recovered() {
    let leaks = attack(Path::new("examples/demo"));
    assert!(leaks.is_empty(), "recovered: {leaks:#?}");
}

#[test]
fn no_hidden_figure_of_a_two_person_unit_can_be_recovered() {
    let dir = two_person_unit();
    let plan = load(dir.path());
    let published = run(&plan, 5);
    let hjemme = &published
        .units
        .iter()
        .find(|(u, _)| u == "hjemme")
        .unwrap()
        .1;
    assert_eq!(hjemme["workforce"]["headcount"], 2);
    assert_eq!(hjemme["workforce"]["suppressed"], true);
    let leaks = attack(dir.path());
    assert!(leaks.is_empty(), "recovered: {leaks:#?}");
}

#[test]
fn no_hidden_figure_of_a_region_can_be_recovered() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("region");
    plan()
        .args(["init", "--demo"])
        .arg(&dir)
        .args(["--staff", "20000", "--seed", "3"])
        .assert()
        .success();
    let leaks = attack(&dir);
    assert!(leaks.is_empty(), "recovered: {leaks:#?}");
}

/// The attacker is real: on a plan where a breakdown shows every cell but one
/// it recovers that one (the rule it attacks would be broken).
#[test]
fn the_attacker_finds_what_a_naive_table_gives_away() {
    let mut s = System::default();
    // a unit of 10: cells 1, 9 with the 1 hidden, total 10
    let hidden = s.var("x".into(), 1.0, 1.0, true, true);
    s.sum(T::K(10.0), &[hidden, T::K(9.0)]);
    // two hidden cells, each at least 1, summing to 2: both pinned
    let a = s.var("a".into(), 1.0, 1.0, true, true);
    let b = s.var("b".into(), 1.0, 1.0, true, true);
    s.sum(T::K(12.0), &[a, b, T::K(10.0)]);
    // a whole plan minus the other unit
    let u = s.var("u".into(), 2.0, 0.0, true, true);
    s.sum(T::K(7.0), &[u, T::K(5.0)]);
    // mean × count of a bridge in a chain: y = 3 from z, z from the total
    let y = s.var("y".into(), 3.0, 0.0, false, true);
    let z = s.var("z".into(), 4.0, 0.0, false, true);
    s.sum(T::K(7.0), &[y, z]);
    s.sum(T::K(6.0), &[z, T::K(2.0)]);
    // protected: two hidden cells 1 and 6, each ≥ 1: not exact
    let p = s.var("p".into(), 1.0, 1.0, true, true);
    let q = s.var("q".into(), 6.0, 1.0, true, true);
    s.sum(T::K(9.0), &[p, q, T::K(2.0)]);
    s.solve();
    let mut leaks = s.leaks();
    leaks.sort();
    assert_eq!(
        leaks,
        ["a = 1", "b = 1", "u = 2", "x = 1", "y = 3", "z = 4"]
    );
}
