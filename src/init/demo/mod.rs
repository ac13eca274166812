//! `plan init --demo`: a complete, realistic synthetic plan for the fictional
//! municipality Fjordvik (kommunenummer 9998).
//!
//! In: a staff count and a seed. Out: the plan's files, byte-identical for the
//! same arguments (one ChaCha8 stream, no clock, no hash-map order). The work
//! is O(staff): units are drawn one at a time, each unit's staff, requirements
//! and survey answers written straight into the CSV/YAML text; at 250 000
//! staff that is about 2 000 units and 2.6 million survey rows.

mod catalog;
mod dice;
mod indicators;
mod measures;
mod plan_files;
mod population;
mod projection;
mod requirements;
mod roster;
mod services;
mod survey;
mod units;
mod workload;

use super::files::OutFile;
use dice::Dice;
use projection::Projection;

/// Default size: a mid-sized municipality's health and care staff.
pub const DEFAULT_STAFF: u32 = 600;
/// Default seed of `examples/demo`.
pub const DEFAULT_SEED: u64 = 2025;

/// First year of the plan period and base year of the roster.
const BASE_YEAR: i32 = 2025;
/// Last year of the plan period.
const END_YEAR: i32 = 2030;
/// General retirement age (særaldersgrense 65 is set per competence).
const RETIREMENT_AGE: u32 = 67;
/// Share of staff leaving the municipality per year.
const TURNOVER: f64 = 0.08;

/// Size and seed of a demo plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    pub staff: u32,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            staff: DEFAULT_STAFF,
            seed: DEFAULT_SEED,
        }
    }
}

fn digits(n: u64) -> usize {
    n.max(1).ilog10() as usize + 1
}

/// Every file of the demo plan.
pub fn files(opts: &DemoOptions) -> Vec<OutFile> {
    let mut dice = Dice::new(opts.seed);
    let units = units::units(opts.staff, &mut dice);
    let staff_width = digits(u64::from(opts.staff)).max(4);
    let respondent_width = staff_width;

    let n = opts.staff as usize;
    let mut staff_csv = String::with_capacity(64 + n * 60);
    staff_csv.push_str(&crate::load::staff::header());
    let mut survey_csv = String::with_capacity(64 + n * 15 * 30);
    survey_csv.push_str(&crate::load::survey::header());

    let mut projection = Projection::default();
    let mut requirement_files = Vec::with_capacity(units.len());
    let mut next_staff = 0u64;
    let mut next_respondent = 0u64;
    let mut people = Vec::new();
    for unit in &units {
        people.clear();
        people.extend((0..unit.staff).map(|_| roster::person(unit.service, &mut dice)));
        for p in &people {
            next_staff += 1;
            let id = format!("p{next_staff:0staff_width$}");
            roster::write_row(&mut staff_csv, &id, &unit.id, p);
            projection.add(p);
        }
        requirement_files.push(OutFile::new(
            requirements::path(&unit.id),
            requirements::file(unit, &people, &mut dice),
        ));
        survey::write_unit(
            &mut survey_csv,
            &unit.id,
            unit.service,
            &people,
            &mut dice,
            &mut next_respondent,
            respondent_width,
        );
    }
    let survey_rows = survey_csv.lines().count().saturating_sub(1);

    let mut out = vec![
        OutFile::new("README.md", plan_files::readme(opts, &units, survey_rows)),
        OutFile::new("plan.toml", plan_files::plan_toml(opts)),
        OutFile::new("competences.toml", plan_files::competences_toml()),
        OutFile::new("units.toml", plan_files::units_toml(&units)),
        OutFile::new("goals.toml", measures::goals_toml()),
        OutFile::new("measures.toml", measures::measures_toml(&units)),
        OutFile::new(
            "indicators.toml",
            indicators::indicators_toml(&projection, &units, projection.studying),
        ),
    ];
    out.push(OutFile::new("demand.toml", population::demand_toml()));
    out.extend(requirement_files);
    out.push(OutFile::new(
        "data/befolkning.csv",
        population::csv(opts.staff),
    ));
    out.push(OutFile::new("data/staff.csv", staff_csv));
    out.push(OutFile::new("data/survey.csv", survey_csv));
    out.push(OutFile::schema());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes_other_seed_other_roster() {
        let small = |seed| files(&DemoOptions { staff: 200, seed });
        let a = small(1);
        assert_eq!(a, small(1));
        let staff = |fs: &[OutFile]| {
            fs.iter()
                .find(|f| f.path == "data/staff.csv")
                .map(|f| f.contents.clone())
        };
        assert_ne!(staff(&a), staff(&small(2)));
        let rows = staff(&a).map(|c| c.iter().filter(|b| **b == b'\n').count());
        assert_eq!(rows, Some(201));
    }
}
