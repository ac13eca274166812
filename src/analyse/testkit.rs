//! Test helpers: small hand-made plans built in memory.
//!
//! In: ids and numbers. Out: model values ([`Plan`], [`Staff`], ...) for unit
//! and property tests of the analysis.

use crate::model::*;

pub fn competence(id: &str, kind: CompetenceKind, retirement: Option<u32>) -> Competence {
    Competence {
        id: id.into(),
        name: id.into(),
        kind,
        styrk: None,
        retirement_age: retirement,
        trainable: true,
        description: None,
        loc: None,
    }
}

/// A plan for 2025–2029 with competences spl (bachelor, R 65), hfa and hp
/// (upper secondary), demens (real, trainable) and lift (real, not trainable),
/// units u and v, and nothing else.
pub fn plan_2025_2029() -> Plan {
    let mut lift = competence("lift", CompetenceKind::Real(Dimension::Skill), None);
    lift.trainable = false;
    let date = jiff::civil::date(2025, 1, 1);
    let unit = |id: &str| Unit {
        id: id.into(),
        name: id.into(),
        service: "s".into(),
        description: None,
        loc: None,
    };
    let mut plan = Plan {
        meta: PlanMeta {
            municipality: "Test".into(),
            municipality_number: Some("9999".into()),
            title: "Test".into(),
            period: Period {
                from: 2025,
                to: 2029,
            },
            base_year: 2025,
            adopted: Some(date),
            last_revised: Some(date),
            owner: Some("o".into()),
            steering_group: vec![],
            working_group: vec![],
            user_participation: vec![],
            anchoring: vec![],
            loc: None,
            last_revised_loc: None,
        },
        assumptions: Assumptions::default(),
        competences: vec![
            competence("spl", CompetenceKind::Formal(EduLevel::Bachelor), Some(65)),
            competence(
                "hfa",
                CompetenceKind::Formal(EduLevel::UpperSecondary),
                None,
            ),
            competence("hp", CompetenceKind::Formal(EduLevel::UpperSecondary), None),
            competence("demens", CompetenceKind::Real(Dimension::Knowledge), None),
            lift,
        ],
        units: vec![unit("u"), unit("v")],
        capacity: vec![],
        quality: vec![],
        goals: vec![],
        measures: vec![],
        indicators: vec![],
        workloads: vec![],
        staff: vec![],
        survey: Default::default(),
        population: None,
        drivers: vec![],
        scenarios: vec![],
    };
    plan.normalise();
    plan
}

pub fn person(
    id: &str,
    unit: &str,
    position: &str,
    percent: f64,
    edu: Option<&str>,
    birth: i32,
) -> Staff {
    Staff {
        id: id.into(),
        unit: unit.into(),
        position: position.into(),
        percent,
        education: edu.map(Into::into),
        birth_year: birth,
        wanted_percent: None,
        studying: None,
        study_done: None,
        loc: None,
    }
}

pub trait StaffExt {
    fn studying(self, c: &str, done: i32) -> Staff;
    fn wants(self, p: f64) -> Staff;
}

impl StaffExt for Staff {
    fn studying(mut self, c: &str, done: i32) -> Staff {
        self.studying = Some(c.into());
        self.study_done = Some(done);
        self
    }

    fn wants(mut self, p: f64) -> Staff {
        self.wanted_percent = Some(p);
        self
    }
}

pub fn cap(unit: &str, position: &str, fte: f64, accepts: &[&str], growth: f64) -> CapacityLine {
    CapacityLine {
        unit: unit.into(),
        position: position.into(),
        title: position.into(),
        fte: Some(fte),
        accepts: accepts.iter().map(|s| (*s).into()).collect(),
        annual_growth: growth,
        driver: None,
        styrk: None,
        loc: None,
    }
}

pub fn qual(unit: &str, competence: &str, min_level: u8, amount: QualityAmount) -> QualityLine {
    QualityLine {
        unit: unit.into(),
        competence: competence.into(),
        min_level,
        amount,
        loc: None,
    }
}

pub fn answer(respondent: &str, unit: &str, competence: &str, level: u8) -> Answer {
    Answer {
        respondent: respondent.into(),
        unit: unit.into(),
        competence: competence.into(),
        level,
        need: None,
        loc: None,
    }
}

pub fn measure(
    id: &str,
    strategy: Strategy,
    competences: &[&str],
    units: Option<&[&str]>,
) -> Measure {
    Measure {
        id: id.into(),
        goal: "g".into(),
        title: id.into(),
        strategy,
        competences: competences.iter().map(|s| (*s).into()).collect(),
        units: units.map(|us| us.iter().map(|s| (*s).into()).collect()),
        responsible: vec!["hr".into()],
        arena: None,
        start: 2025,
        end: 2029,
        cost_nok: None,
        indicators: vec![],
        status: crate::model::MeasureStatus::Planned,
        declared_status: crate::model::MeasureStatus::Planned,
        followup: vec![],
        loc: None,
    }
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}
