//! The command line's arguments as duban reads them: free text cleaned as typed text is, and
//! clap's refusals printed without echoing a control character.

use std::process::ExitCode;

use super::{Cli, output};
use clap::Parser;

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
/// are printed by clap, in colour on a terminal; an error echoes what was typed (`invalid value
/// '…' for '--kind'`), so it is printed plain through [`output::err`], cleaned.
pub(super) fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
        _ => {
            // The same command line with each argument cleaned to one line gives the same error,
            // echoing what was typed without the line breaks that would split the message.
            let one_line = std::env::args_os().map(|a| match a.to_str() {
                Some(s) => std::ffi::OsString::from(output::clean(s)),
                None => a,
            });
            let shown = Cli::try_parse_from(one_line)
                .err()
                .filter(|again| again.kind() == e.kind())
                .unwrap_or(e);
            output::err(&shown.render().to_string());
            ExitCode::from(u8::try_from(shown.exit_code()).unwrap_or(2))
        }
    }
}
