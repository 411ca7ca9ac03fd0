//! What the tests share. Here, for the concurrency and fault tests: a database prepared for
//! `duban stress-writer`, the writers' acknowledgements, and the check that the database is whole
//! and agrees with its audit log and with what was acknowledged. In the submodules: running the
//! binary from the command line ([`cli`]) and in a pseudo-terminal ([`pty`]), and the fixtures
//! several test crates build on ([`fixtures`]).

// Each test crate includes the whole module and uses only a part of it.
#![allow(dead_code)]

pub mod cli;
pub mod docx;
pub mod fixtures;
pub mod oracle;
pub mod pdf;
pub mod pty;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use cli::{Run, duban};

pub const UNIT: &str = "上塘镇";

/// The text of writer `k`'s task of round `i`, as the stress writer writes it (its contract).
pub fn stress_text(k: u32, i: usize) -> String {
    format!(
        "压力写入 w{k} n{i}：{}",
        "督办事项内容完整性校验".repeat(12)
    )
}

/// What a task's update appends to its text.
pub const UPDATED: &str = "（已核实）";

/// A database in a temporary directory.
pub struct Db {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    /// The meeting the writers add their tasks to.
    pub meeting: i64,
}

impl Db {
    /// A new database with one unit and one meeting for the writers.
    pub fn prepared() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("duban.db");
        let mut db = Db {
            dir,
            path,
            meeting: 0,
        };
        db.ok(&["init"]);
        db.ok(&["unit", "add", UNIT]);
        db.ok(&["leader", "add", "李县长", "--title", "county-head"]);
        db.ok(&[
            "meeting",
            "add",
            "--topic",
            "压力测试",
            "--chair",
            "李县长",
            "--date",
            "2026-11-02",
            "--emergency",
            "--unit",
            UNIT,
        ]);
        let list: serde_json::Value =
            serde_json::from_str(&db.ok(&["meeting", "list", "--format", "json"])).unwrap();
        db.meeting = list[0]["id"].as_i64().expect("the meeting's id");
        db
    }

    /// The built binary on this database, the day fixed (see [`cli::duban`]).
    pub fn cmd(&self, args: &[&str]) -> Command {
        duban(&self.path, self.dir.path(), args)
    }

    /// `duban stress-writer` number `k`, its stdout piped.
    pub fn writer(&self, k: u32, rounds: usize, seconds: u64) -> Child {
        let meeting = self.meeting.to_string();
        let (k, rounds, seconds) = (k.to_string(), rounds.to_string(), seconds.to_string());
        self.cmd(&[
            "stress-writer",
            "--writer",
            &k,
            "--writes",
            &rounds,
            "--seconds",
            &seconds,
            "--meeting",
            &meeting,
            "--unit",
            UNIT,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
    }

    pub fn connect(&self) -> rusqlite::Connection {
        let c = rusqlite::Connection::open(&self.path).unwrap();
        c.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
        c
    }

    /// Rows of the audit log.
    pub fn audit_rows(&self) -> i64 {
        self.connect()
            .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
            .unwrap()
    }
}

impl Run for Db {
    fn output(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }
}

/// The bytes of every file in `dir`, by name: a file duban may not touch stays byte for byte,
/// and nothing appears beside it (no `-wal`, no `-shm`).
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// One acknowledged write: `created` or `updated`, the task id, the writer and the round.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ack {
    pub what: String,
    pub id: i64,
    pub writer: u32,
    pub round: usize,
}

pub fn parse_ack(line: &str) -> Ack {
    let parts: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(parts.len(), 4, "an acknowledgement: {line:?}");
    Ack {
        what: parts[0].to_string(),
        id: parts[1].parse().unwrap(),
        writer: parts[2].parse().unwrap(),
        round: parts[3].parse().unwrap(),
    }
}

/// Every acknowledgement a writer printed (read to the end of its stdout).
pub fn read_acks(child: &mut Child) -> Vec<Ack> {
    let out = child.stdout.take().unwrap();
    BufReader::new(out)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| parse_ack(&l))
        .collect()
}

/// What [`verify`] found.
#[derive(Debug, Default)]
pub struct Found {
    /// Tasks of the writers, by id: (writer, round, version).
    pub tasks: BTreeMap<i64, (u32, usize, i64)>,
    /// Audit rows of the writers' tasks.
    pub audit_rows: usize,
}

/// Checks the database after writers ran (and maybe were killed): SQLite's integrity check is ok;
/// every task of the writers is whole (its text exactly the text of its writer's round, with the
/// update's suffix iff its version is 2); each (writer, round) is there at most once; each task
/// has exactly one `create` audit row and one `update` row per version past the first, and the
/// newest row's `after` is the task as stored; no audit row names a task that is not there; and
/// every acknowledged write is in the database.
pub fn verify(db: &Db, acks: &[Ack]) -> Found {
    verify_at(&db.path, db.meeting, acks)
}

/// [`verify`] of the database at `path` (a backup, say), the writers' meeting `meeting`.
pub fn verify_at(path: &Path, meeting: i64, acks: &[Ack]) -> Found {
    let c = rusqlite::Connection::open(path).unwrap();
    c.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
    let integrity: Vec<String> = c
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(integrity, ["ok"]);
    let mut found = Found::default();
    let mut seen = BTreeSet::new();
    let mut stmt = c
        .prepare("SELECT id, text, version FROM task WHERE meeting_id = ?1")
        .unwrap();
    let rows = stmt
        .query_map([meeting], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (id, text, version) = row.unwrap();
        let (k, i) = writer_round(&text).unwrap_or_else(|| panic!("task {id}: {text:?}"));
        let want = match version {
            1 => stress_text(k, i),
            2 => format!("{}{UPDATED}", stress_text(k, i)),
            v => panic!("task {id} at version {v}"),
        };
        assert_eq!(text, want, "task {id} is whole");
        assert!(seen.insert((k, i)), "writer {k} round {i} written twice");
        found.tasks.insert(id, (k, i, version));
    }
    drop(stmt);
    // The audit rows of tasks, by task id: (action, after) oldest first.
    let mut audit: BTreeMap<i64, Vec<(String, serde_json::Value)>> = BTreeMap::new();
    let mut stmt = c
        .prepare("SELECT entity_id, action, after FROM audit WHERE entity = 'task' ORDER BY id")
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (id, action, after) = row.unwrap();
        let id: i64 = id.parse().unwrap();
        let after = serde_json::from_str(&after.expect("an after")).unwrap();
        audit.entry(id).or_default().push((action, after));
    }
    for (id, rows) in &audit {
        let (_, _, version) = *found
            .tasks
            .get(id)
            .unwrap_or_else(|| panic!("audit rows {rows:?} of task {id}, which is not there"));
        let actions: Vec<&str> = rows.iter().map(|(a, _)| a.as_str()).collect();
        let mut want = vec!["create"];
        want.extend(std::iter::repeat_n("update", (version - 1) as usize));
        assert_eq!(actions, want, "task {id}'s audit rows");
        let newest = &rows.last().unwrap().1;
        assert_eq!(newest["version"], version, "task {id}");
        let text: String = c
            .query_row("SELECT text FROM task WHERE id = ?1", [id], |r| r.get(0))
            .unwrap();
        assert_eq!(newest["text"], text, "task {id}'s newest audit row");
        found.audit_rows += rows.len();
    }
    for id in found.tasks.keys() {
        assert!(audit.contains_key(id), "task {id} has no audit row");
    }
    for a in acks {
        let &(k, i, version) = found
            .tasks
            .get(&a.id)
            .unwrap_or_else(|| panic!("acknowledged {a:?} is missing"));
        assert_eq!((k, i), (a.writer, a.round), "{a:?}");
        if a.what == "updated" {
            assert_eq!(version, 2, "acknowledged {a:?}");
        }
    }
    found
}

/// The writer and round a stress task's text names.
fn writer_round(text: &str) -> Option<(u32, usize)> {
    let rest = text.strip_prefix("压力写入 w")?;
    let (k, rest) = rest.split_once(" n")?;
    let (i, _) = rest.split_once('：')?;
    Some((k.parse().ok()?, i.parse().ok()?))
}

/// A writer whose acknowledgements are read on a thread as they come.
pub struct Running {
    pub child: Child,
    pub rx: std::sync::mpsc::Receiver<Ack>,
    thread: Option<std::thread::JoinHandle<()>>,
    pub acks: Vec<Ack>,
}

impl Running {
    pub fn start(mut child: Child) -> Running {
        let out = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if !line.trim().is_empty() && tx.send(parse_ack(&line)).is_err() {
                    break;
                }
            }
        });
        Running {
            child,
            rx,
            thread: Some(thread),
            acks: Vec::new(),
        }
    }

    /// Waits until `n` acknowledgements came, the writer ended, or `secs` passed; how many came.
    pub fn wait_acks(&mut self, n: usize, secs: u64) -> usize {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        while self.acks.len() < n && std::time::Instant::now() < deadline {
            match self.rx.recv_timeout(std::time::Duration::from_millis(50)) {
                Ok(a) => self.acks.push(a),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        self.acks.len()
    }

    /// Sends `signal` (if the writer still runs), waits for it to end, and collects every
    /// acknowledgement it printed; its exit status and stderr.
    pub fn end(mut self, signal: Option<i32>) -> (Vec<Ack>, std::process::ExitStatus, String) {
        if let Some(sig) = signal {
            // SAFETY: signalling our own child, which has not been waited for.
            unsafe { libc::kill(self.child.id() as libc::pid_t, sig) };
        }
        let status = self.child.wait().unwrap();
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
        self.acks.extend(self.rx.try_iter());
        let mut err = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            use std::io::Read;
            e.read_to_string(&mut err).unwrap();
        }
        (self.acks, status, err)
    }
}

/// A small deterministic random sequence (xorshift), seeded for reproduction.
pub struct Rng(pub u64);

impl Rng {
    /// Seeded from DUBAN_FAULT_SEED, else the clock (printed, to repeat a failure).
    pub fn seeded() -> Rng {
        let seed = std::env::var("DUBAN_FAULT_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        eprintln!("DUBAN_FAULT_SEED={seed}");
        Rng(seed | 1)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}
