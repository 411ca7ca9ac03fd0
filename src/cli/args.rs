//! The command line's arguments as duban reads them: free text cleaned as typed text is, and
//! clap's refusals printed without echoing a control character.

use std::process::ExitCode;

use super::output;

/// A text argument of one line (a name, a topic, a filter), cleaned as text typed in the TUI is
/// ([`crate::text::sanitise`]): what is stored is what the user saw. Every free-text argument
/// takes this or [`lines`] as its `value_parser`.
pub(super) fn line(s: &str) -> Result<String, std::convert::Infallible> {
    Ok(crate::text::sanitise(s))
}

/// A text argument that may hold several lines (a task's text, a progress report, a reason):
/// line breaks kept, each line as [`line`] cleans it ([`crate::text::sanitise_lines`]).
pub(super) fn lines(s: &str) -> Result<String, std::convert::Infallible> {
    Ok(crate::text::sanitise_lines(s))
}

/// A command line clap refused (or `--help`, `--version`). Help and version hold nothing typed and
/// are printed by clap, in colour on a terminal, as is the help shown for a command given without
/// its subcommand; a refusal is one line in the user's language naming the value
/// ([`super::usage::message`], which cleans what it echoes), exit code 2.
pub(super) fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
        _ => {
            let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
            let lang = super::usage::lang_of(&args);
            output::err(&format!("duban: {}\n", super::usage::message(lang, &e)));
            ExitCode::from(2)
        }
    }
}
