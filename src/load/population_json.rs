//! JSON-stat2 population files, as SSB's API returns them.
//!
//! In: the file's text. Out: the same [`Table`] as the CSV forms of
//! [`super::population`], or `population-format` findings. The dimensions are
//! recognised by `role` (`time`, `geo`, `metric`) and by their ids or labels;
//! `category.index` may be an object or a list, `value` a list or a sparse
//! object; the last dimension varies fastest; `null` is a missing figure.

use super::population::{
    alternative_in_statistic, dimension_role, line_span, year, Acc, Cell, Role, Table, FORMS,
};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::source::{FileId, Loc};

/// The cells of one JSON-stat2 dimension: codes in index order, and labels.
struct Dim {
    role: Option<Role>,
    id: String,
    codes: Vec<String>,
    /// The categories' labels (the code where none is given).
    labels: Vec<String>,
}

pub(super) fn json_stat(text: &str, file: FileId, diags: &mut Diagnostics) -> Option<Table> {
    let fail = |msg: String, at: usize, diags: &mut Diagnostics| {
        diags.push(
            Diagnostic::new(Code::PopulationFormat, msg)
                .at(Loc::new(file, line_span(text, at)))
                .hint(FORMS),
        );
    };
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let at = text
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum();
            fail(format!("not valid JSON: {e}"), at, diags);
            return None;
        }
    };
    let (Some(ids), Some(sizes), Some(dims)) = (
        v.get("id").and_then(|x| x.as_array()),
        v.get("size").and_then(|x| x.as_array()),
        v.get("dimension").and_then(|x| x.as_object()),
    ) else {
        fail(
            "JSON, but not a JSON-stat2 dataset (it needs `id`, `size`, `dimension` and `value`)"
                .into(),
            0,
            diags,
        );
        return None;
    };
    let roles_of = |key: &str| -> Vec<String> {
        v.get("role")
            .and_then(|r| r.get(key))
            .and_then(|r| r.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (time, geo, metric) = (roles_of("time"), roles_of("geo"), roles_of("metric"));
    let mut list = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let id = id.as_str().unwrap_or("");
        let size = sizes.get(i).and_then(|s| s.as_u64()).unwrap_or(0) as usize;
        let Some(dim) = dims.get(id) else {
            fail(
                format!("dimension `{id}` is listed in `id` but not described in `dimension`"),
                0,
                diags,
            );
            return None;
        };
        let index = dim.get("category").and_then(|c| c.get("index"));
        let mut codes = vec![String::new(); size];
        match index {
            Some(serde_json::Value::Object(m)) => {
                for (code, pos) in m {
                    match pos.as_u64().and_then(|p| codes.get_mut(p as usize)) {
                        Some(slot) => *slot = code.clone(),
                        None => {
                            fail(format!("dimension `{id}`: category `{code}` has an index outside its size {size}"), 0, diags);
                            return None;
                        }
                    }
                }
            }
            Some(serde_json::Value::Array(a)) if a.len() == size => {
                for (slot, c) in codes.iter_mut().zip(a) {
                    *slot = c.as_str().unwrap_or("").to_string();
                }
            }
            None if size == 1 => {
                // a single category may be given by its label alone
                if let Some(serde_json::Value::Object(l)) =
                    dim.get("category").and_then(|c| c.get("label"))
                {
                    if let (Some(slot), Some(k)) = (codes.first_mut(), l.keys().next()) {
                        *slot = k.clone();
                    }
                }
            }
            _ => {
                fail(
                    format!("dimension `{id}` has no category index of {size} categories"),
                    0,
                    diags,
                );
                return None;
            }
        }
        let cat_labels = dim
            .get("category")
            .and_then(|c| c.get("label"))
            .and_then(|l| l.as_object());
        let labels: Vec<String> = codes
            .iter()
            .map(|c| {
                cat_labels
                    .and_then(|l| l.get(c))
                    .and_then(|l| l.as_str())
                    .unwrap_or(c)
                    .to_string()
            })
            .collect();
        let label = dim.get("label").and_then(|l| l.as_str()).unwrap_or("");
        let role = if time.iter().any(|t| t == id) {
            Some(Role::Year)
        } else if geo.iter().any(|t| t == id) {
            Some(Role::Region)
        } else if metric.iter().any(|t| t == id) {
            Some(Role::Statistic)
        } else {
            dimension_role(id).or_else(|| dimension_role(label))
        };
        if role.is_none() && size > 1 {
            fail(format!("dimension `{id}` ({label}) is not one of region, kjønn, alder, år, statistikkvariabel or alternativ, and has {size} categories"), 0, diags);
            return None;
        }
        list.push(Dim {
            role,
            id: id.to_string(),
            codes,
            labels,
        });
    }
    let find = |r: Role| list.iter().position(|d| d.role == Some(r));
    let (Some(age_d), Some(year_d)) = (find(Role::Age), find(Role::Year)) else {
        fail(
            "the JSON-stat2 dataset has no age (`Alder`) or no year (`Tid`) dimension".into(),
            0,
            diags,
        );
        return None;
    };
    // the statistic may be the projection alternative (SSB's 14288 and
    // successors); otherwise only one statistic (persons) can be summed
    let stat_is_alt = find(Role::Alternative).is_none()
        && find(Role::Statistic)
            .and_then(|s| list.get(s))
            .is_some_and(|d| {
                d.labels.iter().zip(&d.codes).all(|(l, c)| {
                    alternative_in_statistic(l)
                        .or_else(|| alternative_in_statistic(c))
                        .is_some()
                })
            });
    if let Some(s) = find(Role::Statistic).filter(|_| !stat_is_alt) {
        if list.get(s).map_or(0, |d| d.codes.len()) > 1 {
            let id = list.get(s).map_or("", |d| d.id.as_str());
            fail(format!("dimension `{id}` holds more than one statistic; download only persons (Personer)"), 0, diags);
            return None;
        }
    }
    let total = list
        .iter()
        .try_fold(1usize, |n, d| n.checked_mul(d.codes.len()));
    let value = v.get("value");
    let total = match (total, value) {
        (Some(t), Some(serde_json::Value::Array(a))) if a.len() == t => t,
        (Some(t), Some(serde_json::Value::Object(_))) => t,
        _ => {
            fail(
                "`value` does not hold one value per combination of the dimensions' categories (the product of `size`)".into(),
                0,
                diags,
            );
            return None;
        }
    };
    let (region_d, sex_d, alt_d) = (find(Role::Region), find(Role::Sex), find(Role::Alternative));
    let mut acc = Acc::default();
    let mut idx = vec![0usize; list.len()];
    for flat in 0..total {
        // the last dimension varies fastest
        let mut rest = flat;
        for (slot, d) in idx.iter_mut().zip(&list).rev() {
            let n = d.codes.len().max(1);
            *slot = rest % n;
            rest /= n;
        }
        let cell_value = match value {
            Some(serde_json::Value::Array(a)) => a.get(flat),
            Some(serde_json::Value::Object(m)) => m.get(&flat.to_string()),
            _ => None,
        };
        let value_text = match cell_value {
            None | Some(serde_json::Value::Null) => continue,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(other) => other.to_string(),
        };
        let code_at =
            |d: Option<usize>| d.and_then(|d| Some(list.get(d)?.codes.get(*idx.get(d)?)?.as_str()));
        let Some(y) = code_at(Some(year_d)).and_then(year) else {
            fail(
                format!(
                    "`{}` in dimension `{}` is not a year",
                    code_at(Some(year_d)).unwrap_or(""),
                    list.get(year_d).map_or("", |d| d.id.as_str())
                ),
                0,
                diags,
            );
            return None;
        };
        // a statistic that names an alternative, by its label or its code
        let stat_label = find(Role::Statistic).filter(|_| stat_is_alt).and_then(|d| {
            let dim = list.get(d)?;
            let i = *idx.get(d)?;
            let (l, c) = (dim.labels.get(i)?, dim.codes.get(i)?);
            Some(if alternative_in_statistic(l).is_some() {
                l.as_str()
            } else {
                c.as_str()
            })
        });
        let cell = Cell {
            region: code_at(region_d),
            sex: code_at(sex_d),
            age: code_at(Some(age_d)).unwrap_or(""),
            year: y,
            alternative: code_at(alt_d),
            statistic: stat_label,
            value: &value_text,
        };
        if let Err(m) = acc.add(&cell) {
            fail(m, 0, diags);
            return None;
        }
    }
    Some(acc.table)
}
