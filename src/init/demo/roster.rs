//! One synthetic employee at a time: education, age, position, position size,
//! wish for a larger position, and studies under way; and their CSV row.
//!
//! In: the kind of unit and the random source. Out: a [`Person`] whose
//! distributions follow Norwegian municipal care (domain.md): mean age about
//! 44 with some over 60, about 40 % of heads part-time (helsefagarbeidere and
//! unskilled staff more often than nurses), 25–30 % without health education.

use super::catalog::Edu;
use super::dice::Dice;
use super::services::Service;
use super::BASE_YEAR;
use crate::load::staff;

/// One employee of the demo roster.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub edu: Edu,
    pub position: &'static str,
    pub percent: u32,
    pub wanted: Option<u32>,
    pub birth_year: i32,
    /// Education under way and the year it counts.
    pub studying: Option<(Edu, i32)>,
}

impl Person {
    /// The education that counts in `year` (the analysis' edu(y)).
    pub(super) fn edu_in(&self, year: i32) -> Edu {
        match self.studying {
            Some((e, done)) if year >= done => e,
            _ => self.edu,
        }
    }
}

type Band = ((i32, i32), u32);

const AGES: [Band; 7] = [
    ((21, 24), 4),
    ((25, 29), 10),
    ((30, 39), 23),
    ((40, 49), 25),
    ((50, 59), 26),
    ((60, 64), 11),
    ((65, 66), 1),
];
const AGES_SPECIALIST: [Band; 4] = [
    ((28, 39), 25),
    ((40, 49), 35),
    ((50, 59), 30),
    ((60, 64), 10),
];
/// Hjelpepleier and omsorgsarbeider: educations that ended around 2006.
const AGES_OLD_EDUCATION: [Band; 4] = [
    ((40, 49), 15),
    ((50, 59), 45),
    ((60, 64), 30),
    ((65, 66), 10),
];
/// Unskilled staff: many students and young people, and some late career changers.
const AGES_UNSKILLED: [Band; 7] = [
    ((18, 22), 22),
    ((23, 29), 20),
    ((30, 39), 15),
    ((40, 49), 15),
    ((50, 59), 17),
    ((60, 66), 9),
    ((67, 69), 2),
];

/// Position sizes of part-timers (percent, weight).
const PART_SKILLED: [(u32, u32); 11] = [
    (20, 3),
    (30, 3),
    (40, 5),
    (50, 12),
    (60, 10),
    (65, 4),
    (70, 8),
    (75, 14),
    (80, 18),
    (85, 6),
    (90, 10),
];
const PART_UNSKILLED: [(u32, u32); 12] = [
    (15, 6),
    (20, 10),
    (25, 8),
    (30, 8),
    (35, 5),
    (40, 8),
    (50, 12),
    (60, 10),
    (70, 8),
    (75, 8),
    (80, 8),
    (90, 5),
];

/// Share of heads in full-time positions (SSB: nurses ~64 %, helsefagarbeidere
/// ~38 %, vernepleiere ~76 %; the demo municipality works on heltidskultur).
fn full_time(edu: Edu) -> f64 {
    match edu {
        Edu::Sykepleier => 0.72,
        Edu::Spesialsykepleier | Edu::Ergoterapeut | Edu::Fysioterapeut => 0.85,
        Edu::Vernepleier => 0.78,
        Edu::Helsefagarbeider => 0.56,
        Edu::Hjelpepleier | Edu::Omsorgsarbeider => 0.6,
        Edu::None => 0.42,
    }
}

/// Draw one employee of a unit of kind `service`.
pub(super) fn person(service: Service, dice: &mut Dice) -> Person {
    let edu = dice.pick(service.education_mix(), Edu::None);
    let bands: &[Band] = match edu {
        Edu::Spesialsykepleier => &AGES_SPECIALIST,
        Edu::Hjelpepleier | Edu::Omsorgsarbeider => &AGES_OLD_EDUCATION,
        Edu::None => &AGES_UNSKILLED,
        _ => &AGES,
    };
    let (lo, hi) = dice.pick(bands, (30, 50));
    let age = dice.int(lo, hi);
    let position = service.position_for(edu, dice.unit());
    let percent = if dice.chance(full_time(edu)) {
        100
    } else if edu == Edu::None {
        dice.pick(&PART_UNSKILLED, 50)
    } else {
        dice.pick(&PART_SKILLED, 75)
    };
    let wants_more = percent < 100 && dice.chance(if edu == Edu::None { 0.35 } else { 0.3 });
    let wanted = wants_more.then(|| {
        if dice.chance(0.5) {
            100
        } else {
            (percent + dice.pick(&[(10, 1), (20, 2), (25, 1)], 20)).min(100)
        }
    });
    let college = match service {
        Service::Tilrettelagt => Edu::Vernepleier,
        _ => Edu::Sykepleier,
    };
    let studying = match edu {
        Edu::Helsefagarbeider if age < 50 && dice.chance(0.06) => {
            Some((college, BASE_YEAR + dice.int(1, 4)))
        }
        Edu::None if age < 30 && dice.chance(0.2) => Some((college, BASE_YEAR + dice.int(1, 3))),
        Edu::None if (30..55).contains(&age) && dice.chance(0.12) => {
            Some((Edu::Helsefagarbeider, BASE_YEAR + dice.int(1, 3)))
        }
        Edu::Sykepleier if age < 55 && dice.chance(0.04) => {
            Some((Edu::Spesialsykepleier, BASE_YEAR + dice.int(1, 2)))
        }
        _ => None,
    };
    Person {
        edu,
        position,
        percent,
        wanted,
        birth_year: BASE_YEAR - age,
        studying,
    }
}

/// Append the person's row to the staff CSV (the roster's one layout).
pub(super) fn write_row(out: &mut String, id: &str, unit: &str, p: &Person) {
    let edu = p.edu.id();
    staff::write_row(
        out,
        &staff::StaffFields {
            id,
            unit,
            position: p.position,
            percent: f64::from(p.percent),
            education: (!edu.is_empty()).then_some(edu),
            birth_year: p.birth_year,
            wanted_percent: p.wanted.map(f64::from),
            studying: p.studying.map(|(e, _)| e.id()),
            study_done: p.studying.map(|(_, done)| done),
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_have_nine_fields_and_the_mix_looks_like_municipal_care() {
        let mut dice = Dice::new(3);
        let people: Vec<Person> = (0..5000)
            .map(|i| person(super::super::services::CYCLE[i % 5], &mut dice))
            .collect();
        let n = people.len() as f64;
        let mean_age = people
            .iter()
            .map(|p| f64::from(BASE_YEAR - p.birth_year))
            .sum::<f64>()
            / n;
        let part_time = people.iter().filter(|p| p.percent < 100).count() as f64 / n;
        let unskilled = people.iter().filter(|p| p.edu == Edu::None).count() as f64 / n;
        assert!((42.0..46.0).contains(&mean_age), "{mean_age}");
        assert!((0.35..0.45).contains(&part_time), "{part_time}");
        assert!((0.25..0.30).contains(&unskilled), "{unskilled}");
        let mut row = String::new();
        write_row(&mut row, "p1", "u", &people[0]);
        assert_eq!(row.matches(',').count(), 8, "{row}");
        assert!(row.ends_with('\n'));
    }
}
