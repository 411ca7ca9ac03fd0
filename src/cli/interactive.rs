//! `duban` with no subcommand: the TUI when there is a terminal, the summary when there is not;
//! `duban --demo` the same on a fresh demo database; `duban screenshot` the README's pictures.

use std::io::IsTerminal;
use std::path::Path;

use super::{CliResult, Ctx, Failure, admin};
use crate::i18n::Msg;
use crate::tui;

/// The TUI on the configured database (which must exist), or the summary without a terminal.
pub fn tui(ctx: &Ctx) -> CliResult {
    run_tui(ctx, None)
}

/// `duban present`: the report's slides, read-only, on a terminal.
pub fn present(ctx: &Ctx, period: crate::domain::Period) -> CliResult {
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return Err(ctx.bad(Msg::ErrNeedsTerminal, &[]));
    }
    run_tui(ctx, Some(period))
}

fn run_tui(ctx: &Ctx, present: Option<crate::domain::Period>) -> CliResult {
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        outln!("{}", ctx.lang.t(Msg::NotATerminal));
        return admin::check(ctx);
    }
    let mut store = ctx.open()?;
    let keymap = tui::keymap(&ctx.config.keys).map_err(|e| Failure {
        code: 2,
        message: format!("{e:?}"),
    })?;
    let opts = tui::Options {
        lang: ctx.lang,
        today: ctx.today,
        ascii: ctx.ascii,
        color: tui::theme::Theme::from_env(ctx.ascii).color,
        keymap,
        thresholds: ctx.config.thresholds.clone(),
        db_label: ctx.db.display().to_string(),
        present,
        // The same warning went to stderr, which the TUI's screen covers.
        warning: super::location::permission_warnings(ctx.lang, &ctx.db)
            .into_iter()
            .next(),
        export_dir: ctx
            .config
            .export_dir
            .clone()
            .unwrap_or_else(|| std::path::PathBuf::from(".")),
        referral_body: ctx.config.referral_body.clone(),
    };
    tui::run(&mut store, &opts).map_err(|e| ctx.file_failure(Path::new("/dev/tty"), &e))?;
    // Say where the database is, so the user can come back to it. The terminal may be gone (a
    // dropped SSH connection): then there is no one to tell, and no error to report.
    outln!("{}", ctx.lang.fill(Msg::TuiDatabase, &[&ctx.db.display()]));
    Ok(())
}

/// `duban --demo`: a fresh demo database in a temporary directory, then the TUI on it.
pub fn demo(ctx: &mut Ctx) -> CliResult {
    admin::open_demo(ctx)?;
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        tui(ctx)?;
    }
    Ok(())
}

/// `duban screenshot --out DIR`.
pub fn screenshot(ctx: &Ctx, out: &Path) -> CliResult {
    let written =
        tui::screenshot::write_all(out, ctx.today).map_err(|e| ctx.file_failure(out, &e))?;
    outln!(
        "{}",
        ctx.lang
            .fill(Msg::ScreenshotsDone, &[&written.len(), &out.display()])
    );
    Ok(())
}
