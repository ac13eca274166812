//! Checks that need more than the files: the calendar (revision due, measures
//! overdue, indicators not followed up) and the analysis (needs no measure covers, strategies that cannot work, targets the
//! plan's own projection misses).

mod logic;
mod workload;
pub use logic::logic;
pub use workload::workload;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Date, IndicatorKind, Plan};

/// `revision-due`: `last_revised` (or `adopted`) more than 12 months before
/// `today`. A draft, not yet adopted, is not due.
pub fn revision(plan: &Plan, today: Date, diags: &mut Diagnostics) {
    let Some(last) = plan.meta.revised() else {
        return;
    };
    let due = last
        .checked_add(jiff::Span::new().months(12))
        .unwrap_or(last);
    if today > due {
        diags.push(
            Diagnostic::new(
                Code::RevisionDue,
                format!("the plan was last revised {last}, more than 12 months before {today}"),
            )
            .at_opt(plan.meta.last_revised_loc.clone())
            .hint(format!(
                "revise the plan (rullering) and set `last_revised`; the revision was due {due}"
            )),
        );
    }
}

/// The follow-up checks of KS step 7, judged against `today`:
/// `measure-overdue` (a measure whose `end` year is before today's year and
/// whose status is neither done nor cancelled) and `indicator-not-followed-up`
/// (a manual indicator whose latest value — baseline or observation — is from
/// before last year, or which has none).
pub fn followup(plan: &Plan, today: Date, diags: &mut Diagnostics) {
    let year = i32::from(today.year());
    for m in &plan.measures {
        if m.end < year && !m.status.is_closed() {
            diags.push(
                Diagnostic::new(
                    Code::MeasureOverdue,
                    format!(
                        "measure `{}` ended in {} but its status is `{}`",
                        m.id,
                        m.end,
                        m.status.as_str()
                    ),
                )
                .at_opt(m.loc.clone())
                .hint("record how it went: set `status = \"done\"` or `\"cancelled\"`, add a `[[measure.followup]]` entry, or extend `end`"),
            );
        }
    }
    for i in &plan.indicators {
        let IndicatorKind::Manual {
            baseline, observed, ..
        } = &i.kind
        else {
            continue;
        };
        let latest = baseline.iter().chain(observed).map(|o| o.year).max();
        let message = match latest {
            Some(y) if y >= year - 1 => continue,
            Some(y) => format!(
                "indicator `{}` was last measured in {y}, before {}",
                i.id,
                year - 1
            ),
            None => format!("indicator `{}` has never been measured", i.id),
        };
        diags.push(
            Diagnostic::new(Code::IndicatorNotFollowedUp, message)
                .at_opt(i.loc.clone())
                .hint(format!(
                    "add this year's value to `observed`, e.g. `{{ year = {}, value = ... }}`",
                    year - 1
                )),
        );
    }
}

/// Today's date (UTC), unless the user fixed it with `--today`.
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}
