#!/usr/bin/env python3
"""The DuckDB peer of the scale benchmark: the data rules of `plan` in SQL.

What an analyst would otherwise do: load the plan's two CSV files into DuckDB
and write the rules in SQL. Usage:

    python3 benches/scale/duckdb_peer.py PLAN_DIR

Reads the plan files (units, competences, requirements, assumptions) with
Python, loads `data/staff.csv` and `data/survey.csv` into DuckDB tables (not
timed: "data already loaded"), then runs the rules below in the engine and
fetches every result into Python (timed). Prints one line:

    engine_wall_s=<s> engine_cpu_s=<s> load_wall_s=<s> rows=<n>

Exit status 3 when the `duckdb` module cannot be imported (the benchmark then
skips the peer).

The rules, as `plan check` / `plan analyse` apply them to the data files:
- staff: unit defined; education and studying formal competences; percent in
  (0, 100]; wanted percent in (0, 100]; birth year plausible; id unique;
- survey: unit defined; competence defined and not formal; level and need
  1–5; one answer per (respondent, unit, competence);
- workforce per unit and position: headcount and FTE; retirements per year of
  the period (age over the retirement age of the person's education, else the
  plan's); the same for the whole plan;
- quality per quality line: headcount H, respondents n, answers at or above
  the level k, available persons round-half-up(k·H/n), required (count or
  share of H), need;
- survey tallies per (unit, competence, required level) and per (competence,
  required level): respondents, share at the level, mean need.
"""

import csv
import os
import shutil
import sys
import tempfile
import time
import tomllib
from pathlib import Path


def plan_files(root: Path):
    """Units, competences (id → (formal, retirement age)), quality lines, assumptions."""
    import yaml

    units, comps, quality = [], {}, []
    assumptions, period = {}, (2025, 2030)
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".toml", ".yaml", ".yml") or ".schemas" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        doc = tomllib.loads(text) if path.suffix == ".toml" else (yaml.load(text, Loader=loader) or {})
        for u in doc.get("unit", []) + doc.get("units", []):
            units.append(u["id"])
        for c in doc.get("competence", []) + doc.get("competences", []):
            comps[c["id"]] = (c.get("kind") == "formal", c.get("retirement_age"))
        for q in doc.get("quality", []):
            quality.append(
                (q["unit"], q["competence"], int(q["min_level"]),
                 q.get("count"), q.get("share"))
            )
        if "assumptions" in doc:
            assumptions = doc["assumptions"]
        if "plan" in doc:
            p = doc["plan"]["period"]
            period = (int(p["from"]), int(p["to"]))
    return units, comps, quality, assumptions, period


def main() -> int:
    try:
        import duckdb
    except ImportError:
        print("duckdb is not importable", file=sys.stderr)
        return 3
    root = Path(sys.argv[1])
    units, comps, quality, assumptions, period = plan_files(root)
    retirement_age = int(assumptions.get("retirement_age", 67))

    t0 = time.perf_counter()
    con = duckdb.connect()
    con.execute(f"SET threads TO {os.cpu_count() or 1}")
    # the plan's small tables through CSV files (row-by-row inserts are slow)
    tmp = tempfile.mkdtemp()

    def table(name, columns, rows):
        path = os.path.join(tmp, name + ".csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow([c for c, _ in columns])
            w.writerows(rows)
        types = ", ".join(f"'{c}': '{t}'" for c, t in columns)
        con.execute(
            f"CREATE TABLE {name} AS SELECT * FROM read_csv(?, header = true, columns = {{{types}}})",
            [path],
        )

    table("units", [("id", "VARCHAR")], [(u,) for u in units])
    table(
        "comps",
        [("id", "VARCHAR"), ("formal", "BOOLEAN"), ("retirement_age", "INTEGER")],
        [(k, f, r) for k, (f, r) in comps.items()],
    )
    table(
        "quality",
        [("unit", "VARCHAR"), ("competence", "VARCHAR"), ("min_level", "INTEGER"),
         ("count", "INTEGER"), ("share", "DOUBLE")],
        quality,
    )
    shutil.rmtree(tmp, ignore_errors=True)
    con.execute(
        "CREATE TABLE years AS SELECT range AS y FROM range(?, ?)",
        [period[0], period[1] + 1],
    )
    con.execute(
        "CREATE TABLE staff AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
        [str(root / "data/staff.csv")],
    )
    con.execute(
        "CREATE TABLE survey AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
        [str(root / "data/survey.csv")],
    )
    load_wall = time.perf_counter() - t0

    queries = {
        # --- staff rows ---
        "staff_unknown_unit": """
            SELECT count(*) FROM staff s ANTI JOIN units u ON s.unit = u.id""",
        "staff_bad_education": """
            SELECT count(*) FROM staff s
            WHERE (coalesce(s.education, '') <> '' AND NOT EXISTS
                     (SELECT 1 FROM comps c WHERE c.id = s.education AND c.formal))
               OR (coalesce(s.studying, '') <> '' AND NOT EXISTS
                     (SELECT 1 FROM comps c WHERE c.id = s.studying AND c.formal))""",
        "staff_bad_values": """
            SELECT count(*) FROM staff
            WHERE try_cast(percent AS DOUBLE) IS NULL
               OR NOT (try_cast(percent AS DOUBLE) > 0 AND try_cast(percent AS DOUBLE) <= 100)
               OR (coalesce(wanted_percent, '') <> '' AND NOT
                   (try_cast(wanted_percent AS DOUBLE) > 0 AND try_cast(wanted_percent AS DOUBLE) <= 100))
               OR try_cast(birth_year AS INTEGER) NOT BETWEEN 1900 AND 2100""",
        "staff_duplicate_ids": """
            SELECT count(*) FROM (SELECT id FROM staff GROUP BY id HAVING count(*) > 1)""",
        # --- survey rows ---
        "survey_unknown": """
            SELECT count(*) FROM survey a
            WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = a.unit)
               OR NOT EXISTS (SELECT 1 FROM comps c WHERE c.id = a.competence AND NOT c.formal)""",
        "survey_bad_values": """
            SELECT count(*) FROM survey
            WHERE try_cast(level AS INTEGER) NOT BETWEEN 1 AND 5
               OR (coalesce(need, '') <> '' AND try_cast(need AS INTEGER) NOT BETWEEN 1 AND 5)""",
        "survey_duplicates": """
            SELECT count(*) FROM (SELECT respondent, unit, competence FROM survey
                                  GROUP BY ALL HAVING count(*) > 1)""",
        # --- workforce ---
        "workforce_unit_position": """
            SELECT unit, position, count(*) AS headcount,
                   sum(CAST(percent AS DOUBLE)) / 100 AS fte
            FROM staff GROUP BY unit, position ORDER BY unit, position""",
        "retirements_unit_year": f"""
            SELECT s.unit, y.y, count(*) FILTER (WHERE y.y - CAST(s.birth_year AS INTEGER)
                   > coalesce(c.retirement_age, {retirement_age})) AS retired
            FROM staff s LEFT JOIN comps c ON c.id = s.education CROSS JOIN years y
            GROUP BY s.unit, y.y ORDER BY s.unit, y.y""",
        "retirements_plan_year": f"""
            SELECT y.y, count(*) FILTER (WHERE y.y - CAST(s.birth_year AS INTEGER)
                   > coalesce(c.retirement_age, {retirement_age})) AS retired
            FROM staff s LEFT JOIN comps c ON c.id = s.education CROSS JOIN years y
            GROUP BY y.y ORDER BY y.y""",
        # --- quality lines ---
        "quality": """
            WITH h AS (SELECT unit, count(*) AS h FROM staff GROUP BY unit),
                 t AS (SELECT q.unit, q.competence, q.min_level, q.count, q.share,
                              count(a.level) AS n,
                              count(*) FILTER (WHERE CAST(a.level AS INTEGER) >= q.min_level) AS k
                       FROM quality q LEFT JOIN survey a
                         ON a.unit = q.unit AND a.competence = q.competence
                       GROUP BY ALL)
            SELECT t.unit, t.competence, t.min_level, coalesce(h.h, 0) AS h, t.n, t.k,
                   CASE WHEN t.n = 0 THEN 0
                        ELSE (2 * t.k * coalesce(h.h, 0) + t.n) // (2 * t.n) END AS available,
                   coalesce(t.count, ceil(t.share * coalesce(h.h, 0))) AS required
            FROM t LEFT JOIN h ON h.unit = t.unit ORDER BY 1, 2, 3""",
        # --- survey tallies ---
        "survey_units": """
            SELECT a.unit, a.competence, q.min_level, count(*) AS n,
                   avg(CASE WHEN CAST(a.level AS INTEGER) >= q.min_level THEN 1.0 ELSE 0.0 END) AS share,
                   avg(try_cast(nullif(a.need, '') AS INTEGER)) AS mean_need
            FROM survey a LEFT JOIN quality q ON q.unit = a.unit AND q.competence = a.competence
            GROUP BY ALL ORDER BY 1, 2, 3""",
        "survey_plan": """
            SELECT a.competence, q.min_level, count(*) AS n,
                   avg(CASE WHEN CAST(a.level AS INTEGER) >= q.min_level THEN 1.0 ELSE 0.0 END) AS share,
                   avg(try_cast(nullif(a.need, '') AS INTEGER)) AS mean_need,
                   min(n_unit) AS smallest_group
            FROM survey a LEFT JOIN quality q ON q.unit = a.unit AND q.competence = a.competence
            JOIN (SELECT unit, competence, count(*) AS n_unit FROM survey GROUP BY ALL) g
              ON g.unit = a.unit AND g.competence = a.competence
            GROUP BY ALL ORDER BY 1, 2""",
    }
    w0, c0 = time.perf_counter(), time.process_time()
    rows = 0
    for sql in queries.values():
        rows += len(con.execute(sql).fetchall())
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"engine_wall_s={wall:.4f} engine_cpu_s={cpu:.4f} load_wall_s={load_wall:.4f} rows={rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
