//! Property tests of the analysis over random plans.
//!
//! In: random rosters, requirements and surveys. Out: failures when an invariant
//! breaks — the split of the need, need·surplus = 0, available + unqualified =
//! Σ f·w, agreement with a naive reading of the rules, and independence from row
//! order and from how the plan is split over files.

use proptest::prelude::*;
use proptest::strategy::Strategy;

use super::testkit::*;
use super::{analyse, Analysis};
use crate::model::{
    CapacityLine, CompetenceKind, EduLevel, Indicator, IndicatorKind, Plan, QualityAmount,
    QualityLine, Staff, Target,
};

const UNITS: [&str; 3] = ["u", "v", "w"];
const POSITIONS: [&str; 4] = ["p1", "p2", "p3", "p4"];
const FORMAL: [&str; 3] = ["spl", "hfa", "hp"];

fn staff_strategy() -> impl Strategy<Value = Staff> {
    (
        0..3usize,
        0..4usize,
        prop::sample::select(vec![20.0, 50.0, 60.0, 75.0, 80.0, 100.0]),
        prop::option::of(0..3usize),
        1950..2002i32,
        prop::option::of(prop::sample::select(vec![50.0, 80.0, 100.0])),
        prop::option::of((0..3usize, 2024..2032i32)),
    )
        .prop_map(|(u, p, pct, e, by, want, study)| {
            let mut s = person("x", UNITS[u], POSITIONS[p], pct, e.map(|i| FORMAL[i]), by);
            s.wanted_percent = want;
            if let Some((c, done)) = study {
                s = s.studying(FORMAL[c], done);
            }
            s
        })
}

fn capacity_strategy() -> impl Strategy<Value = CapacityLine> {
    (
        0..3usize,
        0..3usize,
        0..16u32,
        Just(FORMAL.to_vec()).prop_shuffle(),
        1..=3usize,
        prop::sample::select(vec![-0.1, 0.0, 0.05]),
    )
        .prop_map(|(u, p, fte, acc, n, g)| {
            cap(UNITS[u], POSITIONS[p], f64::from(fte) / 2.0, &acc[..n], g)
        })
}

fn quality_strategy() -> impl Strategy<Value = QualityLine> {
    (
        0..3usize,
        any::<bool>(),
        1..=5u8,
        prop_oneof![
            (0..=100u64).prop_map(|n| QualityAmount::Share { num: n, den: 100 }),
            (0..12u32).prop_map(QualityAmount::Count),
        ],
    )
        .prop_map(|(u, lift, lvl, amount)| {
            qual(UNITS[u], if lift { "lift" } else { "demens" }, lvl, amount)
        })
}

prop_compose! {
    fn plan_strategy()(
        staff in prop::collection::vec(staff_strategy(), 0..40),
        capacity in prop::collection::vec(capacity_strategy(), 0..8),
        quality in prop::collection::vec(quality_strategy(), 0..5),
        survey in prop::collection::vec((0..3usize, any::<bool>(), 1..=5u8), 0..40),
        turnover in prop::sample::select(vec![0.0, 0.1, 0.25]),
        base in 2025..2028i32,
    ) -> Plan {
        let mut plan = plan_2025_2029();
        plan.units.push(crate::model::Unit { id: "w".into(), name: "w".into(), service: "s".into(), description: None, loc: None });
        plan.meta.base_year = base;
        plan.assumptions.turnover_rate = turnover;
        plan.staff = staff.into_iter().enumerate().map(|(i, mut s)| { s.id = format!("s{i:03}"); s }).collect();
        let mut seen = std::collections::BTreeSet::new();
        plan.capacity = capacity.into_iter().filter(|c| seen.insert((c.unit.clone(), c.position.clone()))).collect();
        let mut seen = std::collections::BTreeSet::new();
        plan.quality = quality.into_iter().filter(|q| seen.insert((q.unit.clone(), q.competence.clone(), q.min_level))).collect();
        plan.survey = survey.into_iter().enumerate().map(|(i, (u, lift, lvl))| {
            answer(&format!("r{i:03}"), UNITS[u], if lift { "lift" } else { "demens" }, lvl)
        }).collect();
        plan.indicators = vec![
            Indicator { id: "edu".into(), title: "edu".into(), kind: IndicatorKind::EducationShare { levels: vec![EduLevel::Bachelor], among: None, observed: vec![] }, target: Some(Target { year: 2029, min: Some(0.5), max: None }), loc: None },
            Indicator { id: "full".into(), title: "full".into(), kind: IndicatorKind::PositionShare { min_percent: 100.0, observed: vec![] }, target: Some(Target { year: 2029, min: Some(0.5), max: None }), loc: None },
        ];
        plan.normalise();
        plan
    }
}

/// The rules as written in issue 3, read naively: every sum scans the roster.
fn naive_weight(plan: &Plan, s: &Staff, y: i32) -> f64 {
    let b = plan.meta.base_year;
    if y == b {
        return 1.0;
    }
    let edu = match (&s.studying, s.study_done) {
        (Some(st), Some(d)) if y >= d => Some(st.as_str()),
        _ => s.education.as_deref(),
    };
    let r = edu
        .and_then(|e| plan.competence(e))
        .and_then(|c| c.retirement_age)
        .unwrap_or(plan.assumptions.retirement_age);
    if y - s.birth_year > r as i32 {
        0.0
    } else {
        (1.0 - plan.assumptions.turnover_rate).powi(y - b)
    }
}

fn naive_edu(s: &Staff, y: i32) -> Option<&str> {
    match (&s.studying, s.study_done) {
        (Some(st), Some(d)) if y >= d => Some(st.as_str()),
        _ => s.education.as_deref(),
    }
}

fn check_capacity(plan: &Plan, a: &Analysis) -> Result<(), TestCaseError> {
    let e = plan.meta.period.to;
    for r in &a.capacity {
        let line = plan
            .capacity
            .iter()
            .find(|c| c.unit == r.unit && c.position == r.position)
            .ok_or_else(|| TestCaseError::fail("row without line"))?;
        let ok = |x: Option<&str>| x.is_some_and(|x| line.accepts.iter().any(|a| a == x));
        let (mut avail, mut unq, mut mob, mut dev, mut all) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for s in plan.staff.iter().filter(|s| s.unit == r.unit) {
            let w = naive_weight(plan, s, r.year);
            let f = s.percent / 100.0;
            let ed = naive_edu(s, r.year);
            if s.position == r.position {
                all += f * w;
                if ok(ed) {
                    avail += f * w;
                    mob += s.wanted_percent.map_or(0.0, |wp| (wp - s.percent).max(0.0)) / 100.0 * w;
                } else {
                    unq += f * w;
                }
            } else if ed == Some(line.primary()) {
                mob += f * w;
            }
            if let (Some(st), Some(d)) = (&s.studying, s.study_done) {
                if !ok(ed) && ok(Some(st)) && r.year < d && d <= e {
                    dev += f * w;
                }
            }
        }
        let close = |x: f64, y: f64| (x - y).abs() < 1e-9;
        prop_assert!(
            close(r.available, avail),
            "available {} vs {}",
            r.available,
            avail
        );
        prop_assert!(close(r.unqualified, unq));
        prop_assert!(close(r.available + r.unqualified, all));
        prop_assert!(
            close(r.mobilise, r.need.min(mob)),
            "mobilise {r:?} vs {mob}"
        );
        prop_assert!(close(r.develop, (r.need - r.mobilise).min(dev)));
        prop_assert!(close(r.mobilise + r.develop + r.acquire, r.need));
        prop_assert!(r.need * r.surplus == 0.0);
        prop_assert!([r.need, r.surplus, r.mobilise, r.develop, r.acquire]
            .iter()
            .all(|&x| x >= 0.0));
        let g = line.fte.unwrap_or(f64::NAN)
            * (1.0 + line.annual_growth).powi(r.year - plan.meta.base_year);
        prop_assert!(close(r.required, g));
    }
    prop_assert_eq!(a.capacity.len(), plan.capacity.len() * a.years().count());
    Ok(())
}

fn shuffled(plan: &Plan, seed: u64) -> Plan {
    use rand::seq::SliceRandom;
    use rand::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut p = plan.clone();
    p.staff.shuffle(&mut rng);
    p.survey.rows.shuffle(&mut rng);
    p.capacity.shuffle(&mut rng);
    p.quality.shuffle(&mut rng);
    p.indicators.shuffle(&mut rng);
    p.competences.shuffle(&mut rng);
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn capacity_invariants(plan in plan_strategy()) {
        check_capacity(&plan, &analyse(&plan, &plan.assumptions))?;
    }

    #[test]
    fn quality_invariants(plan in plan_strategy()) {
        for q in &super::quality::calculate(&plan, &super::Roster::new(&plan, &plan.assumptions), plan.assumptions.min_group_size) {
            prop_assert_eq!(q.need, q.required.saturating_sub(q.available));
            prop_assert_eq!(q.develop + q.acquire, q.need);
            prop_assert!(q.available <= q.headcount);
        }
        for r in &analyse(&plan, &plan.assumptions).quality {
            prop_assert_eq!(r.suppressed, r.available.is_none());
            prop_assert_eq!(r.suppressed, r.respondents < 5);
        }
    }

    #[test]
    fn row_order_does_not_matter(plan in plan_strategy(), seed in any::<u64>()) {
        let a = analyse(&plan, &plan.assumptions);
        let b = { let p = shuffled(&plan, seed); analyse(&p, &p.assumptions) };
        prop_assert_eq!(&a, &b);
        let ja = serde_json::to_string(&a).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let jb = serde_json::to_string(&b).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(ja, jb);
    }

    /// The report's comparison (capacity only, the basis taken from the
    /// plan's own analysis) is exactly the comparison of full analyses.
    #[test]
    fn the_reports_comparison_is_that_of_full_analyses(
        plan in plan_strategy(),
        turnover in 0.0..0.3f64,
        retirement in 60u32..72,
    ) {
        let mut plan = plan;
        let mut other = plan.assumptions;
        other.turnover_rate = turnover;
        other.retirement_age = retirement;
        plan.scenarios = vec![crate::model::Scenario {
            id: "annen".into(),
            title: "Annen".into(),
            description: None,
            alternative: None,
            assumptions: other,
            overrides: vec![("turnover_rate", turnover)],
            rates: std::collections::BTreeMap::new(),
            loc: None,
        }];
        let ids = super::compare::all_ids(&plan);
        let (full, _) = super::compare::compare(&plan, &ids, &[], None)
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let basis = analyse(&plan, &plan.assumptions);
        let light = super::compare::compare_capacity(&plan, &ids, &basis.capacity)
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(full, light);
    }
}

mod files {
    //! The same plan written to disk split over files in different ways, with
    //! CSV rows in different orders, loads to the same analysis.
    use super::*;
    use std::fmt::Write as _;

    fn toml_items(plan: &Plan) -> Vec<String> {
        let mut items = Vec::new();
        for c in &plan.competences {
            let kind = match &c.kind {
                CompetenceKind::Formal(l) => {
                    format!("kind = \"formal\"\nlevel = \"{}\"", l.as_str())
                }
                CompetenceKind::Real(_) => "kind = \"real\"\ndimension = \"skill\"".to_string(),
            };
            let mut s = format!(
                "[[competence]]\nid = \"{}\"\nname = \"{}\"\n{kind}\n",
                c.id, c.name
            );
            if let Some(r) = c.retirement_age {
                let _ = writeln!(s, "retirement_age = {r}");
            }
            if !c.trainable {
                s.push_str("trainable = false\n");
            }
            items.push(s);
        }
        for u in &plan.units {
            items.push(format!(
                "[[unit]]\nid = \"{0}\"\nname = \"{0}\"\nservice = \"s\"\n",
                u.id
            ));
        }
        for c in &plan.capacity {
            let acc: Vec<String> = c.accepts.iter().map(|a| format!("\"{a}\"")).collect();
            items.push(format!(
                "[[capacity]]\nunit = \"{}\"\nposition = \"{}\"\ntitle = \"t\"\nfte = {:?}\naccepts = [{}]\nannual_growth = {:?}\n",
                c.unit, c.position, c.fte.unwrap_or(0.0), acc.join(", "), c.annual_growth
            ));
        }
        for q in &plan.quality {
            let amount = match q.amount {
                QualityAmount::Share { num, den } => {
                    format!("share = {:?}", num as f64 / den as f64)
                }
                QualityAmount::Count(n) => format!("count = {n}"),
            };
            items.push(format!(
                "[[quality]]\nunit = \"{}\"\ncompetence = \"{}\"\nmin_level = {}\n{amount}\n",
                q.unit, q.competence, q.min_level
            ));
        }
        items.push(
            "[[indicator]]\nid = \"edu\"\ntitle = \"edu\"\nmetric = \"education_share\"\nlevels = [\"bachelor\"]\ntarget = { year = 2029, min = 0.5 }\n\n[[indicator]]\nid = \"full\"\ntitle = \"full\"\nmetric = \"position_share\"\nmin_percent = 100\ntarget = { year = 2029, min = 0.5 }\n".to_string(),
        );
        items
    }

    fn write(plan: &Plan, files: usize, seed: u64) -> tempfile::TempDir {
        use rand::seq::SliceRandom;
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let dir = tempfile::tempdir().unwrap();
        let mut texts = vec![String::new(); files];
        texts[rng.random_range(0..files)].push_str(&format!(
            "[plan]\nmunicipality = \"T\"\nmunicipality_number = \"9999\"\ntitle = \"T\"\nperiod = {{ from = 2025, to = 2029 }}\nbase_year = {}\nadopted = 2025-01-01\nlast_revised = 2025-01-01\nowner = \"o\"\nsteering_group = [\"a\"]\nworking_group = [\"b\"]\nuser_participation = [\"c\"]\n\n[assumptions]\nturnover_rate = {:?}\n\n[data]\nstaff = \"data/staff.csv\"\nsurvey = \"data/survey.csv\"\n\n",
            plan.meta.base_year, plan.assumptions.turnover_rate
        ));
        let mut items = toml_items(plan);
        items.shuffle(&mut rng);
        for it in items {
            let t = &mut texts[rng.random_range(0..files)];
            t.push_str(&it);
            t.push('\n');
        }
        for (i, t) in texts.iter().enumerate() {
            std::fs::write(dir.path().join(format!("f{i}.toml")), t).unwrap();
        }
        std::fs::create_dir(dir.path().join("data")).unwrap();
        let mut staff = plan.staff.clone();
        staff.shuffle(&mut rng);
        let mut csv = crate::load::staff::header();
        for s in &staff {
            crate::load::staff::write_row(&mut csv, &s.into());
        }
        std::fs::write(dir.path().join("data/staff.csv"), csv).unwrap();
        let mut survey = plan.survey.to_answers();
        survey.shuffle(&mut rng);
        let mut csv = crate::load::survey::header();
        for a in &survey {
            // the need is not part of what this property is about
            let row = crate::load::survey::AnswerRow {
                need: None,
                ..a.into()
            };
            crate::load::survey::write_row(&mut csv, &row);
        }
        std::fs::write(dir.path().join("data/survey.csv"), csv).unwrap();
        dir
    }

    fn load(dir: &std::path::Path) -> Plan {
        let loaded = crate::pipeline::open_dir(dir).unwrap();
        let errors: Vec<String> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .map(|d| d.message.clone())
            .collect();
        loaded
            .plan
            .unwrap_or_else(|| panic!("plan did not load: {errors:?}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn file_split_does_not_matter(
            plan in plan_strategy(),
            (n1, n2) in (1..4usize, 1..4usize),
            (s1, s2) in (any::<u64>(), any::<u64>()),
        ) {
            let d1 = write(&plan, n1, s1);
            let d2 = write(&plan, n2, s2);
            let a1 = { let p = load(d1.path()); analyse(&p, &p.assumptions) };
            let a2 = { let p = load(d2.path()); analyse(&p, &p.assumptions) };
            prop_assert_eq!(&a1, &a2);
            // and the same as the plan built in memory
            prop_assert_eq!(&a1, &analyse(&plan, &plan.assumptions));
        }
    }
}
