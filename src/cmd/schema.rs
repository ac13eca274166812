//! `plan schema [--out DIR]`: the JSON Schemas (draft-07) of the plan files.
//!
//! In: nothing but the command line; the schemas come from [`crate::schema::all`],
//! generated from the raw types the loader reads. Out: the plan-file schema on
//! stdout, or every schema file written atomically into `DIR` (the repository
//! keeps them under `schemas/`, and a test fails when they are stale).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::i18n::Lang;
use crate::schema;
use crate::write::atomic_write;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    plan schema > plan-file.schema.json\n  \
    plan schema --out .schemas    refresh the copy `plan init` put into a plan\n\n\
    Editors find the schema through the first line of each plan file: \
    `#:schema ./.schemas/plan-file.schema.json` in TOML (taplo), \
    `# yaml-language-server: $schema=./.schemas/plan-file.schema.json` in YAML. \
    See docs/format.md.")]
pub struct Args {
    /// Write every schema file into DIR (created if needed) instead of printing
    /// the plan-file schema to stdout. Existing files are replaced atomically.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Language of the messages: nb (bokmål), nn (nynorsk), en; default from
    /// LC_ALL/LC_MESSAGES/LANG, else nb.
    #[arg(long, value_enum, default_value_t = Lang::from_env())]
    pub lang: Lang,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.out {
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(schema::plan_file_schema().as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write the schema to stdout")?;
        }
        Some(dir) => {
            let mut written = Vec::new();
            for (name, text) in schema::all() {
                let path = dir.join(name);
                atomic_write(&path, text.as_bytes())?;
                written.push(path);
            }
            let stderr = std::io::stderr();
            let mut err = stderr.lock();
            let words = args.lang.diag_words();
            for path in written {
                // A closed stderr is no reason to fail after the files are written.
                let line =
                    crate::i18n::fill(words.wrote_file, &[("file", &path.display().to_string())]);
                let _ = writeln!(err, "{line}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_writes_every_schema_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("nested/schemas");
        let code = run(Args {
            out: Some(out.clone()),
            lang: Lang::En,
        })
        .unwrap();
        assert_eq!(code, ExitCode::SUCCESS);
        for (name, text) in schema::all() {
            assert_eq!(std::fs::read_to_string(out.join(name)).unwrap(), text);
        }
        // only the schema files, no temporary files left behind
        assert_eq!(
            std::fs::read_dir(&out).unwrap().count(),
            schema::all().len()
        );
    }
}
