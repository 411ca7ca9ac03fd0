//! `duban unit …` and `duban leader …`.

use clap::Subcommand;

use super::choice::choice;
use super::output::Table;
use super::tasks::task_table;
use super::{CliResult, Ctx};
use crate::domain::{LeaderTitle, UnitKind};
use crate::i18n::Msg;
use crate::store::NewUnit;

#[derive(Debug, Subcommand)]
pub enum UnitCmd {
    /// Add a unit.
    Add {
        /// The unit's name, e.g. 上塘镇 or 县水利局.
        #[arg(value_parser = super::line)]
        name: String,
        /// 乡镇 / 县直单位 / 其他 (township, department, other).
        #[arg(long, value_parser = choice::<UnitKind>(), default_value = "township")]
        kind: UnitKind,
        /// The unit's main leader (主要领导).
        #[arg(long, value_parser = super::line)]
        leader: Option<String>,
        /// The unit's contact person or telephone.
        #[arg(long, value_parser = super::line)]
        contact: Option<String>,
    },
    /// Every unit with its figures.
    List,
    /// One unit with its tasks and criticisms.
    Show {
        /// The unit's name.
        #[arg(value_parser = super::line)]
        name: String,
    },
    /// The short forms (简称) that find a unit in searches: 住建 → 县住房和城乡建设局.
    #[command(subcommand)]
    Alias(AliasCmd),
}

#[derive(Debug, Subcommand)]
pub enum AliasCmd {
    /// Add a short form: `duban unit alias add 县住房和城乡建设局 住建`.
    Add {
        /// The unit's name.
        #[arg(value_parser = super::line)]
        unit: String,
        /// The short form.
        #[arg(value_parser = super::line)]
        alias: String,
    },
    /// Remove a short form.
    Remove {
        /// The unit's name.
        #[arg(value_parser = super::line)]
        unit: String,
        /// The short form.
        #[arg(value_parser = super::line)]
        alias: String,
    },
    /// The short forms of one unit, or of every unit.
    List {
        /// The unit's name (every unit when left out).
        #[arg(value_parser = super::line)]
        unit: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum LeaderCmd {
    /// Add a county leader.
    Add {
        /// The leader's name.
        #[arg(value_parser = super::line)]
        name: String,
        /// 县长 / 副县长 / 县政府办公室主任 / 县政府办公室副主任.
        #[arg(long, value_parser = choice::<LeaderTitle>())]
        title: LeaderTitle,
        /// The deputy head's liaison director.
        #[arg(long, value_parser = super::line)]
        liaison: Option<String>,
    },
    /// Every leader.
    List,
}

pub fn unit(ctx: &Ctx, c: UnitCmd) -> CliResult {
    let mut store = ctx.open()?;
    let l = ctx.lang;
    match c {
        UnitCmd::Add {
            name,
            kind,
            leader,
            contact,
        } => {
            let u = store
                .add_unit(NewUnit {
                    name,
                    kind,
                    main_leader: leader,
                    contact,
                })
                .map_err(|e| ctx.store(e))?;
            outln!("{}", l.fill(Msg::Saved, &[&l.t(Msg::EntUnit), &u.name]));
        }
        UnitCmd::List => {
            let rows = store.unit_rows(ctx.today).map_err(|e| ctx.store(e))?;
            let mut t = Table::new(&[
                l.t(Msg::ColUnit),
                l.t(Msg::ColKind),
                l.t(Msg::ColOpen),
                l.t(Msg::ColRed),
                l.t(Msg::ColYellow),
                l.frm(crate::i18n::Frm::ColOnTimeAll),
                l.t(Msg::ColCritYear),
                l.t(Msg::ColCritCal),
                l.t(Msg::ColReferral),
            ]);
            for r in &rows {
                t.row(vec![
                    r.name.clone(),
                    l.unit_kind(r.kind).to_string(),
                    r.open_tasks.to_string(),
                    r.red.to_string(),
                    r.yellow.to_string(),
                    r.on_time_rate
                        .map_or("—".to_string(), |x| format!("{:.0}%", x * 100.0)),
                    r.criticisms_rolling_year.to_string(),
                    r.criticisms_calendar_year.to_string(),
                    l.ui(if r.referral_due {
                        crate::i18n::Ui::CellYes
                    } else {
                        crate::i18n::Ui::CellNo
                    })
                    .to_string(),
                ]);
            }
            ctx.print(&t, &rows);
        }
        UnitCmd::Show { name } => {
            let d = store
                .unit_detail(&name, ctx.today)
                .map_err(|e| ctx.store(e))?;
            if ctx.format == super::Format::Json {
                outln!("{}", super::output::json_text(&d, true));
                return Ok(());
            }
            let r = &d.row;
            let clean = super::output::clean;
            outln!(
                "{}  {}  {}",
                clean(&r.name),
                l.unit_kind(r.kind),
                clean(d.unit.main_leader.as_deref().unwrap_or(""))
            );
            outln!(
                "{} {}  {} {}  {} {}  {} {}  {} {}",
                l.t(Msg::ColOpen),
                r.open_tasks,
                l.t(Msg::ColRed),
                r.red,
                l.t(Msg::ColYellow),
                r.yellow,
                l.t(Msg::ColCritYear),
                r.criticisms_rolling_year,
                l.t(Msg::ColCritCal),
                r.criticisms_calendar_year
            );
            if r.referral_due {
                outln!("⚠ {}", l.t(Msg::ChkReferralDue));
            }
            for c in &d.criticisms {
                outln!(
                    "{} {} {}",
                    c.criticism.date,
                    clean(c.criticism.doc_no.as_deref().unwrap_or("")),
                    clean(c.criticism.reason.as_deref().unwrap_or(""))
                );
            }
            for rf in &d.referrals {
                outln!(
                    "{} #{} {}",
                    l.t(Msg::EntReferral),
                    rf.id,
                    l.referral(rf.status())
                );
                for step in l.referral_steps(rf) {
                    outln!("  {}", clean(&step));
                }
            }
            outln!();
            out!("{}", task_table(ctx, &d.tasks).render());
        }
        UnitCmd::Alias(c) => alias(ctx, &mut store, c)?,
    }
    Ok(())
}

/// A unit's short forms, as `duban unit alias list` prints them.
#[derive(serde::Serialize)]
struct UnitAliases {
    unit: String,
    aliases: Vec<String>,
}

/// `duban unit alias …`: a change prints the unit's short forms after it.
fn alias(ctx: &Ctx, store: &mut crate::store::Store, c: AliasCmd) -> CliResult {
    let l = ctx.lang;
    let (unit, after) = match c {
        AliasCmd::Add { unit, alias } => {
            let after = store
                .add_unit_alias(&unit, &alias)
                .map_err(|e| ctx.store(e))?;
            (unit, after)
        }
        AliasCmd::Remove { unit, alias } => {
            let after = store
                .remove_unit_alias(&unit, &alias)
                .map_err(|e| ctx.store(e))?;
            (unit, after)
        }
        AliasCmd::List { unit: Some(unit) } => {
            let list = store.unit_aliases(&unit).map_err(|e| ctx.store(e))?;
            (unit, list)
        }
        AliasCmd::List { unit: None } => {
            let units = store.units().map_err(|e| ctx.store(e))?;
            let all = store.all_unit_aliases().map_err(|e| ctx.store(e))?;
            let rows: Vec<UnitAliases> = units
                .into_iter()
                .map(|u| UnitAliases {
                    aliases: all.get(&u.id).cloned().unwrap_or_default(),
                    unit: u.name,
                })
                .collect();
            let mut t = Table::new(&[l.t(Msg::ColUnit), l.t(Msg::ColAliases)]);
            for r in &rows {
                t.row(vec![r.unit.clone(), r.aliases.join("、")]);
            }
            ctx.print(&t, &rows);
            return Ok(());
        }
    };
    let list = if after.is_empty() {
        l.t(Msg::AliasesNone).to_string()
    } else {
        after.join("、")
    };
    outln!(
        "{}",
        l.fill(
            Msg::AliasesOf,
            &[
                &super::output::clean(unit.trim()),
                &super::output::clean(&list)
            ]
        )
    );
    Ok(())
}

pub fn leader(ctx: &Ctx, c: LeaderCmd) -> CliResult {
    let mut store = ctx.open()?;
    let l = ctx.lang;
    match c {
        LeaderCmd::Add {
            name,
            title,
            liaison,
        } => {
            let x = store
                .add_leader(&name, title, liaison.as_deref())
                .map_err(|e| ctx.store(e))?;
            outln!("{}", l.fill(Msg::Saved, &[&l.t(Msg::EntLeader), &x.name]));
        }
        LeaderCmd::List => {
            let leaders = store.leaders().map_err(|e| ctx.store(e))?;
            let mut t = Table::new(&[l.t(Msg::ColName), l.t(Msg::ColTitle), l.t(Msg::ColLiaison)]);
            for x in &leaders {
                let liaison = x
                    .liaison_id
                    .and_then(|id| leaders.iter().find(|y| y.id == id))
                    .map(|y| y.name.clone());
                t.row(vec![
                    x.name.clone(),
                    l.leader_title(x.title).to_string(),
                    liaison.unwrap_or_default(),
                ]);
            }
            ctx.print(&t, &leaders);
        }
    }
    Ok(())
}
