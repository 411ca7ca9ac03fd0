//! Parsing one file, and the two layers.

use super::*;
use crate::domain::Thresholds;

#[test]
fn thresholds_come_from_the_file_with_defaults_for_the_rest() {
    let c = Config::parse("lang = \"en\"\n[thresholds]\nyellow_within_workdays = 5\n").unwrap();
    assert_eq!(c.lang, Some(Lang::En));
    assert_eq!(c.thresholds.yellow_within_workdays, 5);
    assert_eq!(c.thresholds.default_limit_workdays, 15);
}

#[test]
fn impossible_thresholds_are_refused_by_name() {
    let e = Config::parse("[thresholds]\nexempt_report_every_days = -1\n").unwrap_err();
    assert!(e.contains("exempt_report_every_days"), "{e}");
    assert!(Config::parse("[thresholds]\ndefault_limit_workdays = 9223372036854775807\n").is_err());
    assert!(Config::parse("[thresholds]\nnotice_before_workdays = 0\n").is_ok());
}

#[test]
fn key_bindings_and_ascii_come_from_the_file_and_mistakes_are_named() {
    let c = Config::parse("ascii = true\n[keys]\nfilter_green = [\"n\"]\n").unwrap();
    assert!(c.ascii);
    assert_eq!(c.keys["filter_green"], vec!["n".to_string()]);
    let e = Config::parse("[keys]\nfly = [\"f\"]\n").unwrap_err();
    assert!(e.contains("fly"), "{e}");
    let e = Config::parse("[keys]\nquit = [\"ctrl-\"]\n").unwrap_err();
    assert!(e.contains("ctrl-"), "{e}");
}

#[test]
fn unknown_keys_are_named() {
    let e = Config::parse("[thresholds]\nyelow = 5\n").unwrap_err();
    assert!(e.contains("yelow"), "{e}");
    assert!(Config::parse("colour = 1").unwrap_err().contains("colour"));
}

// The two layers.

use std::path::{Path, PathBuf};

use super::layers::{self, Personal};

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Files {
        Files {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A file named `name` holding `text`; `None` gives the path of a file that is not there.
    fn file(&self, name: &str, text: Option<&str>) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(t) = text {
            std::fs::write(&p, t).unwrap();
        }
        p
    }
}

fn load(system: &Path, person: &Path) -> Result<Config, ConfigError> {
    layers::load(system, Some(Personal::Default(person.to_path_buf())))
}

#[test]
fn missing_files_give_the_defaults_and_either_file_alone_is_read() {
    let f = Files::new();
    let (none_s, none_p) = (f.file("s.toml", None), f.file("p.toml", None));
    let c = load(&none_s, &none_p).unwrap();
    assert_eq!((c.lang, c.db, c.ascii), (None, None, false));
    assert_eq!(c.thresholds, Thresholds::default());
    let server = f.file(
        "server.toml",
        Some("lang = \"en\"\ndb = \"/srv/duban/duban.db\"\n"),
    );
    let c = load(&server, &none_p).unwrap();
    assert_eq!(c.lang, Some(Lang::En));
    assert_eq!(c.db, Some(PathBuf::from("/srv/duban/duban.db")));
    let person = f.file("person.toml", Some("ascii = true\n"));
    let c = load(&none_s, &person).unwrap();
    assert!(c.ascii);
    assert_eq!(c.lang, None);
}

#[test]
fn the_persons_keys_override_the_servers_key_by_key() {
    let f = Files::new();
    let server = f.file(
        "server.toml",
        Some("lang = \"en\"\ndb = \"/srv/duban/duban.db\"\nexport_dir = \"/srv/out\"\n"),
    );
    let person = f.file("person.toml", Some("lang = \"zh\"\nascii = true\n"));
    let c = load(&server, &person).unwrap();
    assert_eq!(c.lang, Some(Lang::Zh), "the person's language wins");
    assert!(c.ascii, "a key only the person sets");
    assert_eq!(
        c.db,
        Some(PathBuf::from("/srv/duban/duban.db")),
        "the server's db stays"
    );
    assert_eq!(c.export_dir, Some(PathBuf::from("/srv/out")));
}

#[test]
fn tables_are_merged_deeply() {
    let f = Files::new();
    let server = f.file(
        "server.toml",
        Some("[keys]\nfilter_green = [\"n\"]\nfilter_red = [\"r\"]\n"),
    );
    let person = f.file("person.toml", Some("[keys]\nfilter_red = [\"R\"]\n"));
    let c = load(&server, &person).unwrap();
    assert_eq!(
        c.keys["filter_green"],
        vec!["n".to_string()],
        "the server's other key stays"
    );
    assert_eq!(
        c.keys["filter_red"],
        vec!["R".to_string()],
        "the person's key wins"
    );

    // Without a server file, the person's thresholds merge into the defaults the same way: the
    // key set, the others untouched.
    let none = f.file("none.toml", None);
    let person = f.file("t.toml", Some("[thresholds]\nyellow_within_workdays = 5\n"));
    let c = load(&none, &person).unwrap();
    assert_eq!(c.thresholds.yellow_within_workdays, 5);
    assert_eq!(c.thresholds.default_limit_workdays, 15);

    // And the merge itself, at any depth, replacing non-tables whole.
    let mut base: toml::Table = "a = 1\n[t]\nx = 1\ny = [1, 2]\n[t.u]\np = 1\nq = 2\n"
        .parse()
        .unwrap();
    let over: toml::Table = "b = 2\n[t]\ny = [3]\n[t.u]\nq = 9\n".parse().unwrap();
    layers::merge(&mut base, over);
    let want: toml::Table = "a = 1\nb = 2\n[t]\nx = 1\ny = [3]\n[t.u]\np = 1\nq = 9\n"
        .parse()
        .unwrap();
    assert_eq!(base, want);
}

#[test]
fn the_server_sets_the_offices_thresholds_and_the_other_values_stay() {
    let f = Files::new();
    let server = f.file(
        "server.toml",
        Some("[thresholds]\ndefault_limit_workdays = 20\nyellow_within_workdays = 4\n"),
    );
    let person = f.file("person.toml", Some("lang = \"en\"\n"));
    let c = load(&server, &person).unwrap();
    assert_eq!(c.thresholds.default_limit_workdays, 20);
    assert_eq!(c.thresholds.yellow_within_workdays, 4);
    assert_eq!(
        c.thresholds.minutes_within_workdays, 10,
        "a default the server left alone"
    );
}

#[test]
fn personal_thresholds_are_refused_when_the_server_has_a_file_naming_key_and_files() {
    let f = Files::new();
    let server = f.file("server.toml", Some("lang = \"zh\"\n"));
    let person = f.file(
        "person.toml",
        Some("ascii = true\n[thresholds]\nyellow_within_workdays = 5\n"),
    );
    assert_eq!(
        load(&server, &person).unwrap_err(),
        ConfigError::PersonalThresholds {
            path: person.clone(),
            key: "thresholds.yellow_within_workdays".to_string(),
            server: server.clone(),
        }
    );
    // Even an empty [thresholds] table, even set to the server's own values.
    let empty = f.file("empty.toml", Some("[thresholds]\n"));
    assert!(matches!(
        load(&server, &empty).unwrap_err(),
        ConfigError::PersonalThresholds { key, .. } if key == "thresholds"
    ));
    // An empty server file still makes this a shared machine.
    let blank = f.file("blank.toml", Some(""));
    assert!(load(&blank, &person).is_err());
}

#[test]
fn a_mistake_is_reported_with_the_file_it_is_in_and_the_keys_name() {
    let f = Files::new();
    let good = f.file("good.toml", Some("lang = \"en\"\n"));
    let bad = f.file(
        "bad.toml",
        Some("lang = \"en\"\n\n[thresholds]\nyelow = 5\n"),
    );
    match load(&bad, &good).unwrap_err() {
        ConfigError::Invalid { path, error } => {
            assert_eq!(path, bad);
            assert!(
                error.contains("yelow") && error.contains("line 4"),
                "{error}"
            );
        }
        e => panic!("{e:?}"),
    }
    let bad_person = f.file("bad_person.toml", Some("colour = 1\n"));
    match load(&good, &bad_person).unwrap_err() {
        ConfigError::Invalid { path, error } => {
            assert_eq!(path, bad_person);
            assert!(error.contains("colour"), "{error}");
        }
        e => panic!("{e:?}"),
    }
    // A bad value in the server's file is the server's, even when the person's file is fine.
    let bad_value = f.file(
        "bad_value.toml",
        Some("[thresholds]\nyellow_within_workdays = -1\n"),
    );
    assert!(matches!(
        load(&bad_value, &good).unwrap_err(),
        ConfigError::Invalid { path, error } if path == bad_value && error.contains("yellow_within_workdays")
    ));
}

#[test]
fn unreadable_files_are_errors_naming_them_and_a_named_personal_file_must_exist() {
    let f = Files::new();
    let missing = f.file("missing.toml", None);
    // A directory where the file should be cannot be read as one.
    let dir = f.dir.path().join("conf.d");
    std::fs::create_dir(&dir).unwrap();
    assert!(matches!(
        load(&dir, &missing).unwrap_err(),
        ConfigError::Unreadable { path, .. } if path == dir
    ));
    assert!(matches!(
        load(&missing, &dir).unwrap_err(),
        ConfigError::Unreadable { path, .. } if path == dir
    ));
    assert!(matches!(
        layers::load(&missing, Some(Personal::Named(missing.clone()))).unwrap_err(),
        ConfigError::Unreadable { path, .. } if path == missing
    ));
}

#[test]
fn r8_referral_body_is_read_from_the_file_and_defaults_by_language() {
    let c = Config::parse("referral_body = \"市纪委监委驻县纪检监察组\"\n").unwrap();
    assert_eq!(c.referral_body.as_deref(), Some("市纪委监委驻县纪检监察组"));
    let none = Config::parse("").unwrap();
    assert_eq!(
        crate::i18n::referral_body(Lang::Zh, none.referral_body.as_deref()),
        "县纪委监委"
    );
    assert_eq!(
        crate::i18n::referral_body(Lang::En, none.referral_body.as_deref()),
        "county discipline inspection and supervision commission"
    );
    assert_eq!(
        crate::i18n::referral_body(Lang::En, c.referral_body.as_deref()),
        "市纪委监委驻县纪检监察组"
    );
}
