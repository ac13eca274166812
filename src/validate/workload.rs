//! Validation of `[[workload]]` (WISN): ranges, references, and the two rules
//! that make the computation defined (available working time above 0, support
//! fractions summing below 1).
//!
//! In: the raw workload items, the ids defined, the (unit, position) keys of
//! the raw capacity lines and the demand drivers defined. Out: the validated
//! [`Workload`]s (lists in canonical order) and a located diagnostic for every
//! problem: `out-of-range` for each value outside its range, `duplicate-id`
//! for a second workload of one (unit, position), `unknown-reference` for an
//! unknown unit or driver and for a workload without its capacity line.

use std::collections::{BTreeMap, BTreeSet};

use super::items::{elem_field, unit_ref};
use super::{define, out_of_range, unknown_ref, Ids};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::Item;
use crate::model::raw_workload::RawWorkload;
use crate::model::workload::{Absence, Activity, Individual, Support, Workload};
use crate::source::Loc;

/// The largest standard time of one activity, in minutes (about ten weeks).
pub const MAX_MINUTES: f64 = 100_000.0;
/// The largest yearly volume of one activity.
pub const MAX_PER_YEAR: f64 = 1e9;
/// The most hours of one year (a leap year), for support and individual hours.
pub const MAX_HOURS: f64 = 8784.0;
/// The least available working time (hours a year) of a workload: with it
/// every WISN figure stays finite.
pub const MIN_AWT: f64 = 1.0;
/// The most persons of one individual activity.
pub const MAX_STAFF: i64 = 100_000;

/// (unit, position) of every raw workload item, valid or not: a capacity line
/// may omit `fte` when its workload exists, even one with a bad value (whose
/// own error is reported), so one mistake gives one diagnostic.
pub fn keys(items: &[Item<RawWorkload>]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|i| (i.value.unit.clone(), i.value.position.clone()))
        .collect()
}

/// A value in `range` (inclusive at the top, exclusive at the bottom when
/// `open_below`), or an `out-of-range` at `loc`.
fn check(
    value: f64,
    key: &str,
    (lo, hi, open_below): (f64, f64, bool),
    loc: Loc,
    hint: &str,
    diags: &mut Diagnostics,
) -> bool {
    let above = if open_below { value > lo } else { value >= lo };
    if value.is_finite() && above && value <= hi {
        return true;
    }
    let bound = if open_below { "above" } else { "at least" };
    diags.push(out_of_range(
        loc,
        format!("{key} {value} is not {bound} {lo} and at most {hi}"),
        hint,
    ));
    false
}

/// Validate every workload. `capacity`: the (unit, position) keys of the raw
/// capacity lines; `drivers`: the demand drivers defined.
pub fn workloads(
    items: &[Item<RawWorkload>],
    ids: &Ids,
    capacity: &BTreeSet<(String, String)>,
    drivers: &BTreeMap<String, Loc>,
    diags: &mut Diagnostics,
) -> Vec<Workload> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, Loc> = BTreeMap::new();
    for item in items {
        if let Some(w) = workload(item, ids, capacity, drivers, &mut seen, diags) {
            out.push(w);
        }
    }
    out
}

fn workload(
    item: &Item<RawWorkload>,
    ids: &Ids,
    capacity: &BTreeSet<(String, String)>,
    drivers: &BTreeMap<String, Loc>,
    seen: &mut BTreeMap<String, Loc>,
    diags: &mut Diagnostics,
) -> Option<Workload> {
    let w = &item.value;
    let mut ok = unit_ref(ids, &w.unit, item.field("unit"), diags);
    ok &= define(
        seen,
        "workload (unit, position)",
        &format!("{}/{}", w.unit, w.position),
        item.field("position"),
        diags,
    );
    if ok && !capacity.contains(&(w.unit.clone(), w.position.clone())) {
        diags.push(
            Diagnostic::new(
                Code::UnknownReference,
                format!(
                    "the workload of `{}` / `{}` has no capacity line",
                    w.unit, w.position
                ),
            )
            .at(item.field("position"))
            .hint(format!(
                "add a capacity line with unit = \"{}\" and position = \"{}\" (its `fte` may be omitted: the workload gives it)",
                w.unit, w.position
            )),
        );
        ok = false;
    }
    let working_days = w.working_days.unwrap_or(260.0);
    ok &= check(
        working_days,
        "working_days",
        (0.0, 366.0, true),
        item.field("working_days"),
        "working days per year; 260 is five days a week",
        diags,
    );
    let hours_per_day = w.hours_per_day.unwrap_or(7.5);
    ok &= check(
        hours_per_day,
        "hours_per_day",
        (0.0, 24.0, true),
        item.field("hours_per_day"),
        "working hours per day; 7.5 is a Norwegian full-time day",
        diags,
    );
    let hours_per_week = w.hours_per_week.unwrap_or(5.0 * hours_per_day);
    ok &= check(
        hours_per_week,
        "hours_per_week",
        (0.0, 168.0, true),
        item.field("hours_per_week"),
        "working hours per week; 37.5 is a Norwegian full-time week",
        diags,
    );
    let raw_absence = w.absence_days.clone().unwrap_or_default();
    let absence_at = |key: &str| {
        let node = item.node.get("absence_days").and_then(|n| n.get(key));
        node.map_or_else(
            || item.field("absence_days"),
            |n| Loc::new(item.file, n.span.clone()),
        )
    };
    let mut day = |value: Option<f64>, key: &str, diags: &mut Diagnostics| {
        let v = value.unwrap_or(0.0);
        ok &= check(
            v,
            &format!("absence_days.{key}"),
            (0.0, 366.0, false),
            absence_at(key),
            "days away from work per year",
            diags,
        );
        v
    };
    let absence = Absence {
        holidays: day(raw_absence.holidays, "holidays", diags),
        vacation: day(raw_absence.vacation, "vacation", diags),
        sick: day(raw_absence.sick, "sick", diags),
        other: day(raw_absence.other, "other", diags),
    };
    let activities = activities(item, drivers, &mut ok, diags);
    let mut support = Vec::new();
    for (n, s) in w.support.iter().enumerate() {
        ok &= check(
            s.hours,
            "support hours",
            (0.0, MAX_HOURS, true),
            elem_field(item, "support", n, "hours"),
            "hours per day, week, month or year that every person spends on it",
            diags,
        );
        support.push(Support {
            name: s.name.clone(),
            hours: s.hours,
            per: s.per,
        });
    }
    let mut individual = Vec::new();
    for (n, i) in w.individual.iter().enumerate() {
        ok &= check(
            i.hours_per_year,
            "hours_per_year",
            (0.0, MAX_HOURS, false),
            elem_field(item, "individual", n, "hours_per_year"),
            "hours per year and person",
            diags,
        );
        let staff = i.staff.unwrap_or(1);
        if !(0..=MAX_STAFF).contains(&staff) {
            diags.push(out_of_range(
                elem_field(item, "individual", n, "staff"),
                format!("staff {staff} is outside 0–{MAX_STAFF}"),
                "the number of persons who do it",
            ));
            ok = false;
        }
        individual.push(Individual {
            name: i.name.clone(),
            hours_per_year: i.hours_per_year,
            staff: u32::try_from(staff).unwrap_or(0),
        });
    }
    if !ok {
        return None;
    }
    let mut model = Workload {
        unit: w.unit.clone(),
        position: w.position.clone(),
        working_days,
        hours_per_day,
        hours_per_week,
        absence,
        activities,
        support,
        individual,
        loc: Some(item.loc()),
    };
    model.normalise();
    let awt = model.available_hours();
    // below one hour a year, no real workload is meant, and W could overflow
    if awt < MIN_AWT || !awt.is_finite() {
        let at = if w.absence_days.is_some() {
            "absence_days"
        } else {
            "working_days"
        };
        diags.push(out_of_range(
            item.field(at),
            format!(
                "the available working time is {awt:.1} hours a year: ({working_days:.1} working days − {:.1} days of absence) × {hours_per_day:.2} hours",
                absence.total()
            ),
            "Σ absence_days must be below working_days, leaving at least one hour of working time a year",
        ));
        return None;
    }
    let share = model.support_share();
    if share >= 1.0 || !share.is_finite() {
        diags.push(out_of_range(
            item.field("support"),
            format!(
                "the support activities take {:.1} % of the working time: nothing is left for the service",
                share * 100.0
            ),
            "the support activities must take less than all working time; check their `hours` and `per`",
        ));
        return None;
    }
    Some(model)
}

fn activities(
    item: &Item<RawWorkload>,
    drivers: &BTreeMap<String, Loc>,
    ok: &mut bool,
    diags: &mut Diagnostics,
) -> Vec<Activity> {
    let mut out = Vec::new();
    for (n, a) in item.value.activities.iter().enumerate() {
        *ok &= check(
            a.minutes,
            "minutes",
            (0.0, MAX_MINUTES, true),
            elem_field(item, "activities", n, "minutes"),
            "the standard time of one occurrence in minutes, e.g. 15",
            diags,
        );
        *ok &= check(
            a.per_year,
            "per_year",
            (0.0, MAX_PER_YEAR, false),
            elem_field(item, "activities", n, "per_year"),
            "occurrences per year in the base year, e.g. 12000",
            diags,
        );
        if let Some(d) = &a.driver {
            if !drivers.contains_key(d) {
                unknown_ref(
                    "driver",
                    d,
                    elem_field(item, "activities", n, "driver"),
                    drivers.keys(),
                    diags,
                );
                *ok = false;
            }
        }
        out.push(Activity {
            name: a.name.clone(),
            minutes: a.minutes,
            per_year: a.per_year,
            driver: a.driver.clone(),
        });
    }
    out
}
