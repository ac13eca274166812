//! `plan completions <shell>` and `plan man`: shell completions and manual
//! pages, generated from the command-line definition so they never go stale.
//!
//! In: the shell, or a directory for the manual pages. Out: the completion
//! script on stdout (install it where the shell looks, see `--help`); the
//! manual page `plan.1` on stdout, or `plan.1` and one page per subcommand
//! (`plan-check.1`, …) written into a directory.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::CommandFactory;

use super::Cli;
use crate::write::Batch;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    plan completions bash > ~/.local/share/bash-completion/completions/plan\n  \
    plan completions zsh > \"${fpath[1]}/_plan\"\n  \
    plan completions fish > ~/.config/fish/completions/plan.fish\n  \
    plan completions powershell >> $PROFILE")]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    plan man | man -l -\n  \
    plan man --out ~/.local/share/man/man1")]
pub struct ManArgs {
    /// Write plan.1 and one page per subcommand into DIR instead of printing
    /// plan.1 to stdout.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn completions(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "plan", &mut buf);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(&buf)
        .and_then(|()| out.flush())
        .context("cannot write the completions")?;
    Ok(ExitCode::SUCCESS)
}

/// One roff page.
fn page(cmd: clap::Command) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .context("cannot render the manual page")?;
    Ok(buf)
}

pub fn man(args: ManArgs) -> anyhow::Result<ExitCode> {
    let cmd = Cli::command();
    match args.out {
        None => {
            let buf = page(cmd)?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(&buf)
                .and_then(|()| out.flush())
                .context("cannot write the manual page")?;
        }
        Some(dir) => {
            let mut batch = Batch::default();
            batch.add(&dir.join("plan.1"), page(cmd.clone())?);
            for sub in cmd.get_subcommands() {
                let name = format!("plan-{}", sub.get_name());
                let sub = sub.clone().name(name.clone());
                batch.add(&dir.join(format!("{name}.1")), page(sub)?);
            }
            batch.commit()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_know_every_subcommand() {
        let mut cmd = Cli::command();
        let mut buf = Vec::new();
        clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, "plan", &mut buf);
        let text = String::from_utf8(buf).unwrap_or_default();
        for sub in ["check", "analyse", "report", "init", "import", "schema"] {
            assert!(text.contains(sub), "{sub}");
        }
        assert!(text.contains("--format"));
    }

    #[test]
    fn the_manual_page_is_roff_with_the_commands() {
        let text = String::from_utf8(page(Cli::command()).unwrap_or_default()).unwrap_or_default();
        assert!(
            text.starts_with(".ie \\n(.g .ds Aq"),
            "{}",
            &text[..text.len().min(80)]
        );
        assert!(text.contains(".TH plan 1"), "{text}");
        assert!(text.contains("analyse"));
    }
}
