//! `duban user …`: who may use the database and with what role. Listing is for everyone; adding,
//! changing and removing accounts is for admins, which the store enforces.

use clap::Subcommand;

use super::choice::choice;
use super::output::Table;
use super::{CliResult, Ctx, Failure, role_name};
use crate::domain::Role;
use crate::i18n::Msg;

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Every account and its role.
    List,
    /// Which account you are and its role.
    Whoami,
    /// Let an OS account use the database (admins).
    Add {
        /// The OS account name (as `id -un` prints it).
        name: String,
        /// admin, editor or viewer (管理员、编辑者、查看者).
        #[arg(long, value_parser = choice::<Role>(), default_value = "viewer")]
        role: Role,
    },
    /// Give an account another role (admins).
    SetRole {
        /// The account's name (its login name on the server).
        name: String,
        /// admin, editor or viewer (管理员、编辑者、查看者).
        #[arg(value_parser = choice::<Role>())]
        role: Role,
    },
    /// Take an account's access away; its audit rows stay (admins).
    Remove {
        /// The account's name.
        name: String,
    },
}

pub fn user(ctx: &Ctx, cmd: UserCmd) -> CliResult {
    let l = ctx.lang;
    match cmd {
        UserCmd::List => {
            let store = ctx.open()?;
            let accounts = store.accounts().map_err(|e| ctx.store(e))?;
            let mut t = Table::new(&[l.t(Msg::ColAccount), l.t(Msg::ColRole)]);
            for a in &accounts {
                t.row(vec![a.name.clone(), role_name(l, Some(a.role)).to_string()]);
            }
            ctx.print(&t, &accounts);
        }
        UserCmd::Whoami => {
            let store = ctx.open()?;
            let listed = store
                .accounts()
                .map_err(|e| ctx.store(e))?
                .into_iter()
                .any(|a| a.name == store.account());
            let role = listed.then(|| store.role());
            outln!(
                "{}",
                l.fill(Msg::YouAre, &[&store.account(), &role_name(l, role)])
            );
        }
        UserCmd::Add { name, role } => {
            let mut store = ctx.open()?;
            store.add_account(&name, role).map_err(|e| ctx.store(e))?;
            outln!(
                "{}",
                l.fill(Msg::UserAdded, &[&name, &role_name(l, Some(role))])
            );
            if !crate::os::account_exists(&name) {
                errln!("{}", l.fill(Msg::UserNoSuchOsAccount, &[&name]));
            }
        }
        UserCmd::SetRole { name, role } => {
            let mut store = ctx.open()?;
            store.set_role(&name, role).map_err(|e| ctx.store(e))?;
            outln!(
                "{}",
                l.fill(Msg::UserRoleSet, &[&name, &role_name(l, Some(role))])
            );
        }
        UserCmd::Remove { name } => {
            let mut store = ctx.open()?;
            store.remove_account(&name).map_err(|e| ctx.store(e))?;
            outln!("{}", l.fill(Msg::UserRemoved, &[&name]));
        }
    }
    Ok::<(), Failure>(())
}
