//! The `duban` binary: parse the command line and hand over to the CLI.

fn main() -> std::process::ExitCode {
    // Like other Unix tools, end quietly when the reader of our output goes away (`duban … | head`)
    // instead of failing on a broken pipe.
    // SAFETY: setting a signal's disposition to the default at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    duban::cli::main()
}
