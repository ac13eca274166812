//! The demo municipality's units: how many, of which kind, what they are
//! called and how many staff each has.
//!
//! In: the total staff count and the random source. Out: the units in file
//! order, with ids, names and sizes that add up to the staff count exactly.

use super::dice::Dice;
use super::services::{Service, CYCLE};

/// Staff per unit on average; 250 000 staff gives 2 000 units.
const STAFF_PER_UNIT: u32 = 125;

const HOS_PLACES: [&str; 16] = [
    "Solbakken",
    "Fjordheim",
    "Furulund",
    "Bjørkely",
    "Strandheim",
    "Åsheim",
    "Granly",
    "Solhaug",
    "Havblikk",
    "Eikely",
    "Lyngheim",
    "Rosenlund",
    "Heggeli",
    "Nordstrand",
    "Vestre Lia",
    "Kvernhaugen",
];
const ZONES: [&str; 8] = [
    "nord",
    "sør",
    "øst",
    "vest",
    "sentrum",
    "Fjordsiden",
    "indre",
    "ytre",
];
const TT_PLACES: [&str; 8] = [
    "Lindely",
    "Tunet",
    "Sjøgata",
    "Bakketun",
    "Kløverveien",
    "Løkka",
    "Moen",
    "Skogly",
];

/// One unit of the demo plan.
#[derive(Debug, Clone)]
pub(super) struct DemoUnit {
    pub id: String,
    pub name: String,
    pub service: Service,
    pub staff: u32,
}

/// The number of units for a staff count: about one per 125 staff, at least three
/// (so every kind of unit is present).
pub(super) fn unit_count(staff: u32) -> u32 {
    ((staff + STAFF_PER_UNIT / 2) / STAFF_PER_UNIT).max(3)
}

/// ASCII id from a Norwegian name: lower case, æ/ø/å spelled out, spaces to dashes.
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push('a'),
            ' ' => out.push('-'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The `k`-th name from `list`, numbered once the list is used up ("Tunet 2").
fn nth(list: &[&str], k: usize) -> String {
    let base = list.get(k % list.len()).copied().unwrap_or("Enhet");
    match k / list.len() {
        0 => base.to_string(),
        round => format!("{base} {}", round + 1),
    }
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// The units for `staff` employees, with sizes drawn around the average.
pub(super) fn units(staff: u32, dice: &mut Dice) -> Vec<DemoUnit> {
    let n = unit_count(staff) as usize;
    let mut counters = [0usize; 3];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let service = CYCLE.get(i % CYCLE.len()).copied().unwrap_or(Service::Hos);
        let slot = counters.get_mut(service.index());
        let k = slot.map_or(0, |c| {
            *c += 1;
            *c - 1
        });
        let (id, name) = match service {
            Service::Hos => {
                let place = nth(&HOS_PLACES, k);
                (slug(&place), format!("{place} helse- og omsorgssenter"))
            }
            Service::Hjemme => {
                let zone = nth(&ZONES, k);
                (
                    format!("hjemme-{}", slug(&zone)),
                    format!("Hjemmetjenesten {zone}"),
                )
            }
            Service::Tilrettelagt => {
                let place = nth(&TT_PLACES, k);
                (
                    format!("bofellesskap-{}", slug(&place)),
                    format!("{} bofellesskap", capitalise(&place)),
                )
            }
        };
        out.push(DemoUnit {
            id,
            name,
            service,
            staff: 0,
        });
    }
    // Sizes: weights between 0.7 and 1.3, scaled to the staff count; the
    // remainder goes to the first units so the sum is exact.
    let weights: Vec<f64> = out.iter().map(|_| 0.7 + 0.6 * dice.unit()).collect();
    let total: f64 = weights.iter().sum();
    let mut assigned = 0u32;
    for (u, w) in out.iter_mut().zip(&weights) {
        u.staff = (f64::from(staff) * w / total).floor() as u32;
        assigned += u.staff;
    }
    let len = out.len();
    for i in 0..staff.saturating_sub(assigned) as usize {
        if let Some(u) = out.get_mut(i % len) {
            u.staff += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn sizes_add_up_and_ids_are_unique_at_scale() {
        let mut dice = Dice::new(7);
        let us = units(250_000, &mut dice);
        assert_eq!(us.len(), 2000);
        assert_eq!(us.iter().map(|u| u.staff).sum::<u32>(), 250_000);
        let ids: BTreeSet<&str> = us.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids.len(), us.len());
        assert_eq!(unit_count(600), 5);
        assert_eq!(slug("Vestre Lia 2"), "vestre-lia-2");
        assert_eq!(slug("Åsheim"), "asheim");
    }
}
