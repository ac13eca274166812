//! `plan init DIR`: a new plan skeleton that walks the adviser through KS's
//! seven steps in Norwegian comments (English keys, as the format requires).
//!
//! In: today's date (the plan period starts this year). Out: the skeleton's
//! files. It passes `plan check --strict`: one small example of each thing
//! (unit, capacity and quality line, measure, indicator, a four-person roster)
//! that the adviser replaces with the municipality's own.

mod texts;

use super::files::{toml_directive, yaml_modeline, OutFile};
use crate::load::{staff, survey};
use crate::model::Date;

/// Every file of the skeleton, in writing order.
pub fn files(today: Date) -> Vec<OutFile> {
    let y = i32::from(today.year());
    let vars = Vars {
        from: y,
        to: y + 4,
        mid: y + 2,
        today: today.to_string(),
    };
    let toml = |path: &str, body: &str| {
        OutFile::new(path, format!("{}{}", toml_directive(path), vars.fill(body)))
    };
    let yaml = |path: &str, body: &str| {
        OutFile::new(path, format!("{}{}", yaml_modeline(path), vars.fill(body)))
    };
    vec![
        OutFile::new("README.md", vars.fill(texts::README)),
        toml("plan.toml", texts::PLAN),
        toml("competences.toml", texts::COMPETENCES),
        toml("units.toml", texts::UNITS),
        yaml("requirements.yaml", texts::REQUIREMENTS),
        toml("goals.toml", texts::GOALS),
        toml("measures.toml", texts::MEASURES),
        toml("indicators.toml", texts::INDICATORS),
        OutFile::new("data/README.md", vars.fill(texts::DATA_README)),
        OutFile::new(
            "data/staff.csv",
            format!("{}{}", staff::header(), texts::STAFF_ROWS),
        ),
        OutFile::new(
            "data/survey.csv",
            format!("{}{}", survey::header(), texts::SURVEY_ROWS),
        ),
        OutFile::schema(),
    ]
}

/// The values filled into the templates: `{from}`, `{to}`, `{mid}`, `{today}`.
struct Vars {
    from: i32,
    to: i32,
    mid: i32,
    today: String,
}

impl Vars {
    fn fill(&self, template: &str) -> String {
        template
            .replace("{from}", &self.from.to_string())
            .replace("{to}", &self.to.to_string())
            .replace("{mid}", &self.mid.to_string())
            .replace("{today}", &self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_and_files_carry_directives() {
        let files = files(jiff::civil::date(2027, 5, 17));
        let plan = files.iter().find(|f| f.path == "plan.toml").unwrap();
        let text = String::from_utf8(plan.contents.clone()).unwrap();
        assert!(text.starts_with("#:schema ./.schemas/plan-file.schema.json\n"));
        assert!(
            text.contains("period = { from = 2027, to = 2031 }"),
            "{text}"
        );
        assert!(text.contains("last_revised = 2027-05-17"));
        for f in &files {
            let t = String::from_utf8_lossy(&f.contents);
            assert!(!t.contains("{from}") && !t.contains("{to}"), "{}", f.path);
        }
    }
}
