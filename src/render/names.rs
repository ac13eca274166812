//! The plan's names for the ids in the analysis, for the tables a person reads.
//!
//! In: the validated [`Plan`] (or none). Out: a unit's name, a capacity
//! line's position title, a competence's name — or the id itself when the plan
//! has no name for it (or no plan was given). The JSON and the data CSV keep
//! the ids; the human tables and `--excel` show the names.

use crate::model::Plan;

/// Names looked up in a plan.
#[derive(Debug, Clone, Copy, Default)]
pub struct Names<'a> {
    plan: Option<&'a Plan>,
    /// Asked when `plan` has no name (`plan diff`: the old revision, for what
    /// was removed).
    fallback: Option<&'a Plan>,
}

impl<'a> Names<'a> {
    pub fn of(plan: &'a Plan) -> Self {
        Names {
            plan: Some(plan),
            fallback: None,
        }
    }

    /// Names from `plan`, then from `other`.
    pub fn or(self, other: &'a Plan) -> Self {
        Names {
            fallback: Some(other),
            ..self
        }
    }

    /// No names: every id stands for itself.
    pub fn ids() -> Self {
        Names {
            plan: None,
            fallback: None,
        }
    }

    /// The plans to ask, in order.
    fn plans(&self) -> impl Iterator<Item = &'a Plan> {
        self.plan.into_iter().chain(self.fallback)
    }

    pub fn unit(&self, id: &str) -> String {
        self.plans()
            .find_map(|p| p.unit(id))
            .map_or_else(|| id.to_string(), |u| u.name.clone())
    }

    pub fn competence(&self, id: &str) -> String {
        self.plans()
            .find_map(|p| p.competence(id))
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    /// The title of the capacity line (`unit`, `position`); the plan's lines
    /// are sorted by (unit, position).
    pub fn position(&self, unit: &str, position: &str) -> String {
        self.plans()
            .find_map(|p| {
                p.capacity
                    .binary_search_by(|c| {
                        (c.unit.as_str(), c.position.as_str()).cmp(&(unit, position))
                    })
                    .ok()
                    .and_then(|i| p.capacity.get(i))
            })
            .map_or_else(|| position.to_string(), |c| c.title.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::testkit::*;

    #[test]
    fn names_from_the_plan_and_ids_otherwise() {
        let mut plan = plan_2025_2029();
        plan.capacity = vec![
            cap("a", "spl", 1.0, &["spl"], 0.0),
            cap("u", "hfa", 1.0, &["hfa"], 0.0),
            cap("u", "spl", 1.0, &["spl"], 0.0),
        ];
        plan.capacity[2].title = "Sykepleier".into();
        let n = Names::of(&plan);
        assert_eq!(n.position("u", "spl"), "Sykepleier");
        assert_eq!(n.position("u", "nope"), "nope");
        assert_eq!(n.unit("nope"), "nope");
        assert_eq!(Names::ids().position("u", "spl"), "spl");
    }
}
