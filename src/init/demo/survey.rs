//! The competence survey (kartlegging av realkompetanse) of one unit.
//!
//! In: the unit's staff and the random source. Out: survey CSV rows: about
//! 70 % of the staff answer, each for every competence area of the plan, with a
//! self-assessed level that depends on the kind of unit, the person's education
//! and the unit's own strengths. Respondent ids are fresh pseudonyms in random
//! order, so answers cannot be linked back to roster rows.

use super::catalog::{Edu, REAL};
use super::dice::Dice;
use super::roster::Person;
use super::services::Service;
use crate::load::survey;

/// Share of staff who answer the survey.
pub(super) const RESPONSE_RATE: f64 = 0.7;

/// Level lift of an education for one competence area.
fn lift(edu: Edu, area: usize) -> f64 {
    let Some(r) = REAL.get(area) else { return 0.0 };
    let base = match edu.level() {
        0 => -0.45,
        1 | 2 => 0.15,
        _ => 0.5,
    };
    let clinical = if r.clinical && edu.is_college() {
        0.3
    } else {
        0.0
    };
    let own_field = match (edu, r.id) {
        (Edu::Vernepleier, "miljoterapi" | "tvang-og-makt") => 0.5,
        (Edu::Ergoterapeut | Edu::Fysioterapeut, "hverdagsrehabilitering") => 1.0,
        (Edu::Spesialsykepleier, "palliasjon" | "kunnskapsbasert-praksis") => 0.4,
        _ => 0.0,
    };
    base + clinical + own_field
}

/// Append the survey rows of one unit; `next_id` numbers respondents across units.
pub(super) fn write_unit(
    out: &mut String,
    unit: &str,
    service: Service,
    staff: &[Person],
    dice: &mut Dice,
    next_id: &mut u64,
    id_width: usize,
) {
    // The unit's own strengths and weaknesses, per competence area.
    let offsets: Vec<f64> = REAL.iter().map(|_| dice.between(-0.4, 0.4)).collect();
    let mut respondents: Vec<Edu> = staff
        .iter()
        .filter(|_| dice.chance(RESPONSE_RATE))
        .map(|p| p.edu)
        .collect();
    dice.shuffle(&mut respondents);
    let col = service.index();
    for edu in respondents {
        *next_id += 1;
        let respondent = format!("r{:0id_width$}", *next_id);
        for (area, r) in REAL.iter().enumerate() {
            let mean = r.mean.get(col).copied().unwrap_or(2.5)
                + offsets.get(area).copied().unwrap_or(0.0)
                + lift(edu, area);
            let level = (mean + dice.bell(0.9)).round().clamp(1.0, 5.0) as i32;
            let need = dice
                .chance(0.9)
                .then(|| (6 - level + dice.int(-1, 1)).clamp(1, 5));
            survey::write_row(
                out,
                &survey::AnswerRow {
                    respondent: &respondent,
                    unit,
                    competence: r.id,
                    level: level as u8,
                    need: need.map(|n| n as u8),
                },
            );
        }
    }
}
