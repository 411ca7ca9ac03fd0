//! How the command line prints: `outln!`, `out!` and `errln!` in place of `println!`, `print!`
//! and `eprintln!`, each through [`super::output::out`] or [`super::output::err`], which keep
//! control characters and bidirectional overrides off the terminal.

/// `println!` for the command line: the formatted line goes through [`super::output::out`].
/// `src/cli` prints only through these macros (tests/architecture.rs checks).
macro_rules! outln {
    () => {
        $crate::cli::output::out("\n")
    };
    ($($arg:tt)*) => {
        $crate::cli::output::out(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` through [`super::output::out`].
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::out(&format!($($arg)*))
    };
}

/// `eprintln!` through [`super::output::err`].
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::output::err(&format!("{}\n", format_args!($($arg)*)))
    };
}
