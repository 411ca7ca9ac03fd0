//! Deployment on a shared server: `duban init --shared DIR [--group NAME]`, and the configuration's
//! errors as the user reads them.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliResult, Ctx, Failure, admin, location};
use crate::config::ConfigError;
use crate::i18n::{Dep, Lang, Msg};
use crate::os::perms;

/// The group of the staff who share a database, unless `--group` names another.
pub const DEFAULT_GROUP: &str = "duban";

/// The database's file name in a shared directory.
pub const SHARED_DB: &str = "duban.db";

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Prepare a database shared by the staff of this server in DIR: DIR in the group with mode
    /// 2770 (setgid), DIR/duban.db with mode 0660. Safe to run again.
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// The staff's group (with --shared; default duban). Created when missing and run as root.
    #[arg(long, value_name = "NAME", requires = "shared")]
    pub group: Option<String>,
}

/// `duban init`, or `duban init --shared DIR`.
pub fn init(ctx: &mut Ctx, a: InitArgs) -> CliResult {
    match a.shared {
        None => admin::init(ctx),
        Some(dir) => init_shared(ctx, &dir, a.group.as_deref().unwrap_or(DEFAULT_GROUP)),
    }
}

fn dep_failure(ctx: &Ctx, code: u8, m: Dep, args: &[&dyn std::fmt::Display]) -> Failure {
    Failure {
        code,
        message: ctx.lang.dep_fill(m, args),
    }
}

/// The group's id, creating the group when it is missing and we are root. Nothing is changed when
/// it fails.
fn ensure_group(ctx: &Ctx, group: &str) -> CliResult<u32> {
    let lookup = |ctx: &Ctx| {
        perms::group_id(group).map_err(|e| dep_failure(ctx, 1, Dep::GroupLookup, &[&group, &e]))
    };
    if let Some(gid) = lookup(ctx)? {
        return Ok(gid);
    }
    if !perms::is_root() {
        return Err(dep_failure(ctx, 1, Dep::GroupMissing, &[&group]));
    }
    perms::add_system_group(group)
        .map_err(|e| dep_failure(ctx, 1, Dep::GroupAdd, &[&group, &e]))?;
    outln!("{}", ctx.lang.dep_fill(Dep::GroupCreated, &[&group]));
    lookup(ctx)?.ok_or_else(|| dep_failure(ctx, 1, Dep::GroupAdd, &[&group, &"groupadd"]))
}

/// Creates (or brings back into shape) the shared directory and its database, then says what the
/// administrator does next. Never removes or rewrites data: on an existing database it only sets
/// the group and modes again and runs any pending migration, as every open does.
fn init_shared(ctx: &mut Ctx, dir: &Path, group: &str) -> CliResult {
    if !perms::valid_group_name(group) {
        return Err(dep_failure(ctx, 2, Dep::GroupName, &[&group]));
    }
    location::refuse_network(ctx, &dir.join(SHARED_DB))?;
    let gid = ensure_group(ctx, group)?;
    std::fs::create_dir_all(dir).map_err(|e| ctx.file_failure(dir, &e))?;
    let dir = dir.canonicalize().map_err(|e| ctx.file_failure(dir, &e))?;
    perms::share_with_group(&dir, gid, 0o2770).map_err(|e| ctx.file_failure(&dir, &e))?;
    ctx.db = dir.join(SHARED_DB);
    let store = ctx.create()?;
    // While the store is open its -wal and -shm exist; SQLite gives the ones created later (by
    // whoever opens it next) the main file's mode, and the setgid directory gives them its group.
    for suffix in ["", "-wal", "-shm"] {
        let mut name = ctx.db.clone().into_os_string();
        name.push(suffix);
        let path = PathBuf::from(name);
        if path.exists() {
            perms::share_with_group(&path, gid, 0o660).map_err(|e| ctx.file_failure(&path, &e))?;
        }
    }
    drop(store);
    out!("{}", next_steps(ctx.lang, &dir, &ctx.db, group));
    Ok(())
}

/// What the administrator does next, in `lang`: the group, the server's configuration, the roles.
pub fn next_steps(lang: Lang, dir: &Path, db: &Path, group: &str) -> String {
    let account = lang.dep(Dep::Account);
    let db_line = format!(
        "db = {}",
        toml::Value::String(db.to_string_lossy().into_owned())
    );
    let system = crate::config::system_path();
    [
        lang.dep_fill(Dep::SharedReady, &[&db.display(), &dir.display(), &group]),
        String::new(),
        lang.dep(Dep::SharedNext).to_string(),
        lang.dep_fill(Dep::SharedStepGroup, &[&group]),
        format!("     usermod -aG {group} {account}"),
        lang.dep_fill(Dep::SharedStepConfig, &[&system.display()]),
        format!("     {db_line}"),
        lang.dep(Dep::SharedStepRoles).to_string(),
        format!("     duban user add {account} --role editor"),
    ]
    .iter()
    .map(|l| format!("{l}\n"))
    .collect()
}

/// A configuration that could not be loaded, as a one-line message: exit code 2 for a mistake in
/// a file, 1 for a file that cannot be read.
pub fn config_failure(lang: Lang, e: ConfigError) -> Failure {
    match e {
        ConfigError::Unreadable { path, error } => Failure {
            code: 1,
            message: lang.dep_fill(Dep::ConfigUnreadable, &[&path.display(), &error]),
        },
        ConfigError::Invalid { path, error } => Failure {
            code: 2,
            message: lang.fill(Msg::ErrConfig, &[&path.display(), &error]),
        },
        ConfigError::PersonalThresholds { path, key, server } => Failure {
            code: 2,
            message: lang.dep_fill(
                Dep::ConfigThresholds,
                &[&path.display(), &key, &server.display()],
            ),
        },
    }
}
