//! Checks that need more than the files: the calendar (revision due) and the
//! analysis (needs no measure covers, strategies that cannot work, targets the
//! plan's own projection misses).

mod logic;
pub use logic::logic;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Date, Plan};

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

/// Today's date (UTC), unless the user fixed it with `--today`.
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}
