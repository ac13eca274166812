//! The `plan` binary: parse the command line, run, turn the result into an exit code.

#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the model of a national plan is millions of small strings; this
/// allocator makes loading it markedly faster than the system one (docs/benchmarks.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = kompetanseplan::cmd::Cli::parse();
    match kompetanseplan::cmd::run(cli) {
        Ok(code) => code,
        Err(err) if kompetanseplan::cmd::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {err:#}");
            }
            ExitCode::from(2)
        }
    }
}
