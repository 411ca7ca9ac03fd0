//! The scriptable command line. One file per command group; each calls the store and the domain and
//! prints a table, CSV or JSON. Exit codes: 0 success, 2 bad input (one line naming the bad value),
//! 3 not allowed (the account's role, or an account the database does not list), 1 anything else.

#[macro_use]
mod print;

mod accountability;
mod admin;
mod args;
mod backup;
mod calendar;
pub mod choice;
pub mod deploy;
mod export;
mod failure;
pub mod import;
mod interactive;
mod json;
pub mod location;
mod meetings;
mod minutes;
pub mod output;
pub mod report;
mod stress;
mod tasks;
mod units;
mod usage;
mod users;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::domain::{Role, parse_date};
use crate::i18n::{Lang, Msg};
use crate::store::{Access, Store, StoreError};

use args::{line, lines, usage_error};
use failure::date_failure;
pub use failure::{entity_name, role_name, short, store_failure};
use output::Format;

#[derive(Debug, Parser)]
#[command(
    name = "duban",
    version,
    about = "督办: supervision of special-topic meetings, minutes and tasks"
)]
pub struct Cli {
    /// The database file (else DUBAN_DB, else the platform data directory).
    #[arg(long, global = true, env = "DUBAN_DB")]
    pub db: Option<PathBuf>,
    /// The date to compute rules for, e.g. 2026-11-25 (else DUBAN_TODAY, else today in UTC+8).
    #[arg(long, global = true, env = "DUBAN_TODAY")]
    pub today: Option<String>,
    /// Interface language.
    #[arg(long, global = true, value_parser = choice::choice::<Lang>(), env = "DUBAN_LANG")]
    pub lang: Option<Lang>,
    /// Output format of tabular commands.
    #[arg(long, global = true, value_parser = choice::choice::<Format>(), default_value = "table")]
    pub format: Format,
    /// A configuration file (else DUBAN_CONFIG, else ~/.config/duban/config.toml if present); its
    /// keys override the server's /etc/duban/config.toml (else DUBAN_SYSTEM_CONFIG).
    #[arg(long, global = true, env = "DUBAN_CONFIG")]
    pub config: Option<PathBuf>,
    /// Open duban on a fresh demo database in a temporary directory.
    #[arg(long)]
    pub demo: bool,
    /// Draw borders and symbols in ASCII (for terminals that draw box characters double-wide).
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Change nothing this session, whatever the account's role (e.g. on a projector).
    #[arg(long, global = true)]
    pub read_only: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create (or migrate) the database; with --shared, a database shared by a server's staff.
    Init(deploy::InitArgs),
    /// Fill an empty database with a believable demo county.
    Demo(admin::DemoArgs),
    /// Working-day arithmetic on the PRC calendar.
    #[command(subcommand)]
    Workdays(calendar::WorkdaysCmd),
    /// The holiday calendar: list, set a day, import a year.
    #[command(subcommand)]
    Calendar(calendar::CalendarCmd),
    /// Units (乡镇 / 县直单位).
    #[command(subcommand)]
    Unit(units::UnitCmd),
    /// County leaders.
    #[command(subcommand)]
    Leader(units::LeaderCmd),
    /// Special-topic meetings and attendance.
    #[command(subcommand)]
    Meeting(meetings::MeetingCmd),
    /// Minutes and the feedback round.
    #[command(subcommand)]
    Minutes(minutes::MinutesCmd),
    /// Tasks (督办事项).
    #[command(subcommand)]
    Task(tasks::TaskCmd),
    /// Record a notified criticism of a unit (R5.6).
    Criticize(accountability::CriticizeArgs),
    /// Criticisms on record.
    Criticisms(accountability::CriticismsArgs),
    /// Referral to the body named by the configuration's referral_body (default 县纪委监委, R5.7).
    #[command(subcommand)]
    Referral(accountability::ReferralCmd),
    /// Reports for review meetings: R1–R5 over a period (default: this year).
    Report(report::ReportArgs),
    /// Presentation mode: the report as full-screen, read-only slides (← → to move, q to leave).
    Present(report::PeriodArgs),
    /// Files for others: the ledger (.xlsx/.csv), the report (.xlsx), a feedback form and a
    /// criticism notice (.docx).
    #[command(subcommand)]
    Export(export::ExportCmd),
    /// Import units, leaders or a task ledger (台账) from a .csv or .xlsx file.
    #[command(subcommand)]
    Import(import::ImportCmd),
    /// Database integrity and a summary of rule violations.
    Check,
    /// Copy the database with SQLite's online backup, while others keep working.
    Backup {
        /// The file to write the copy to.
        path: PathBuf,
    },
    /// Replace the database with a backup (checked first; asks for confirmation).
    Restore(backup::RestoreArgs),
    /// Who changed what, when.
    Audit(admin::AuditArgs),
    /// Accounts and roles: who may read, edit or administer the database.
    #[command(subcommand)]
    User(users::UserCmd),
    /// Render every TUI screen on the demo county as SVG and text (for the README).
    Screenshot {
        /// The directory to write into.
        #[arg(long, default_value = "screenshots")]
        out: PathBuf,
    },
    /// For the concurrency and fault tests: a loop of writes printing each one committed.
    #[command(hide = true)]
    StressWriter(stress::StressArgs),
}

/// A command that did not succeed: the exit code and the one-line message.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

pub type CliResult<T = ()> = Result<T, Failure>;

/// What every command needs: the language, format, `today`, configuration and database path.
pub struct Ctx {
    pub lang: Lang,
    pub format: Format,
    pub today: NaiveDate,
    pub config: Config,
    pub db: PathBuf,
    /// ASCII borders and symbols in the TUI.
    pub ascii: bool,
    /// `--read-only`: the store acts as a viewer at most.
    pub read_only: bool,
}

impl Ctx {
    pub fn bad(&self, m: Msg, args: &[&dyn std::fmt::Display]) -> Failure {
        Failure {
            code: 2,
            message: self.lang.fill(m, args),
        }
    }

    pub fn date(&self, s: &str) -> CliResult<NaiveDate> {
        parse_date(s, self.today).map_err(|e| date_failure(self.lang, &e))
    }

    pub fn opt_date(&self, s: Option<&str>) -> CliResult<Option<NaiveDate>> {
        s.map(|s| self.date(s)).transpose()
    }

    /// The date of something that happened (a report, a completion, a criticism): `--date` if
    /// given, else today; never after today.
    pub fn fact_date(&self, s: Option<&str>) -> CliResult<NaiveDate> {
        let date = self.opt_date(s)?.unwrap_or(self.today);
        crate::domain::dates::not_after_today(date, self.today)
            .map_err(|e| date_failure(self.lang, &e))
    }

    /// Opens the existing database; a missing file is bad input (a mistyped `--db` must not quietly
    /// start an empty database), one out of this account's reach names the group to join.
    pub fn open(&self) -> CliResult<Store> {
        location::must_exist(self)?;
        self.create()
    }

    /// Opens the database, creating it (and its directory) when missing: `init` and `demo`.
    /// Refuses a network filesystem before writing anything, and warns on stderr when other
    /// accounts can write the database or its directory.
    pub fn create(&self) -> CliResult<Store> {
        location::refuse_network(self, &self.db)?;
        if let Some(dir) = self.db.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| self.file_failure(dir, &e))?;
        }
        let access = Access {
            unknown: self.config.unknown_accounts,
            at_most: if self.read_only {
                Role::Viewer
            } else {
                Role::Admin
            },
        };
        let store = Store::open_with(&self.db, self.config.thresholds.clone(), access)
            .map_err(|e| self.open_failure(e))?;
        for w in location::permission_warnings(self.lang, &self.db) {
            errln!("duban: {w}");
        }
        Ok(store)
    }

    /// A failure to open the database, naming the file when the file itself is the trouble.
    fn open_failure(&self, e: StoreError) -> Failure {
        let named = e.is_about_the_file();
        let f = self.store(e);
        let message = match named {
            true => (self.lang).fill(Msg::ErrDatabaseAt, &[&self.db.display(), &f.message]),
            false => f.message,
        };
        Failure { message, ..f }
    }

    pub fn file_failure(&self, path: &Path, e: &dyn std::fmt::Display) -> Failure {
        Failure {
            code: 1,
            message: self.lang.fill(Msg::ErrFile, &[&path.display(), e]),
        }
    }

    /// The store's error in the user's language.
    pub fn store(&self, e: StoreError) -> Failure {
        store_failure(self.lang, e)
    }

    pub fn print(&self, table: &output::Table, json: &impl serde::Serialize) {
        output::print(self.format, table, json);
    }

    /// Under a table with a deadline marked `*`: what the mark means (CSV and JSON carry it as a
    /// value of their own).
    pub fn provisional_note(&self, any: bool) {
        if any && self.format == Format::Table {
            outln!("{}", self.lang.t(Msg::ProvisionalNote));
        }
    }
}

/// The default database: `DUBAN_DB` is read by clap; else the platform data directory.
fn default_db() -> PathBuf {
    directories::ProjectDirs::from("", "", "duban")
        .map(|d| d.data_dir().join("duban.db"))
        .unwrap_or_else(|| PathBuf::from("duban.db"))
}

/// Parses the command line and runs it; the process's exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            // The values a message echoes are cleaned to one line as it is filled (`i18n`); an
            // import's refusal lists its rows one per line.
            errln!("duban: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

pub fn run(cli: Cli) -> CliResult {
    let config = Config::load(cli.config.as_deref())
        .map_err(|e| deploy::config_failure(cli.lang.unwrap_or_default(), e))?;
    let lang = cli.lang.or(config.lang).unwrap_or_default();
    let real_today = crate::os::today_cst();
    let today = match cli.today.as_deref() {
        Some(s) => parse_date(s, real_today).map_err(|e| date_failure(lang, &e))?,
        None => real_today,
    };
    let db = cli
        .db
        .clone()
        .or_else(|| config.db.clone())
        .unwrap_or_else(default_db);
    let ascii = cli.ascii || config.ascii;
    let mut ctx = Ctx {
        lang,
        format: cli.format,
        today,
        config,
        db,
        ascii,
        read_only: cli.read_only,
    };
    match cli.command {
        None if cli.demo => interactive::demo(&mut ctx),
        None => interactive::tui(&ctx),
        Some(Command::Screenshot { out }) => interactive::screenshot(&ctx, &out),
        Some(Command::Init(a)) => deploy::init(&mut ctx, a),
        Some(Command::Demo(a)) => admin::demo(&ctx, a),
        Some(Command::Workdays(c)) => calendar::workdays(&ctx, c),
        Some(Command::Calendar(c)) => calendar::calendar(&ctx, c),
        Some(Command::Unit(c)) => units::unit(&ctx, c),
        Some(Command::Leader(c)) => units::leader(&ctx, c),
        Some(Command::Meeting(c)) => meetings::meeting(&ctx, c),
        Some(Command::Minutes(c)) => minutes::minutes(&ctx, c),
        Some(Command::Task(c)) => tasks::task(&ctx, c),
        Some(Command::Criticize(a)) => accountability::criticize(&ctx, a),
        Some(Command::Criticisms(a)) => accountability::criticisms(&ctx, a),
        Some(Command::Referral(c)) => accountability::referral(&ctx, c),
        Some(Command::Report(a)) => report::report(&ctx, a),
        Some(Command::Present(p)) => {
            let period = p.resolve(&ctx)?;
            interactive::present(&ctx, period)
        }
        Some(Command::Import(c)) => import::import(&ctx, c),
        Some(Command::Check) => admin::check(&ctx),
        Some(Command::Backup { path }) => backup::backup(&ctx, &path),
        Some(Command::Restore(a)) => backup::restore(&ctx, a),
        Some(Command::StressWriter(a)) => stress::stress_writer(&ctx, a),
        Some(Command::Audit(a)) => admin::audit(&ctx, a),
        Some(Command::User(c)) => users::user(&ctx, c),
        Some(Command::Export(c)) => export::export(&ctx, c),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_names;
