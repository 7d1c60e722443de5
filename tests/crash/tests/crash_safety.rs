#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Crash safety: an acknowledged write survives the process being killed at any moment.
//!
//! Round after round on one data directory, the test starts `crash-writer` (which writes
//! records through the public store API and prints `ACK <kind> <id>` once each call has
//! returned `Ok`), kills it with SIGKILL after a random delay, then reopens the directory
//! with `Store::open` as the app would and checks that the database is intact
//! (`integrity_check`, `foreign_key_check`, the full-text index) and that every write
//! acknowledged in any round so far is there.
//!
//! The schedule is random: the seed is printed, and `TRELLIS_CRASH_SEED=<seed>` replays it
//! (the delays and the writes chosen; the exact moment each kill lands still depends on the
//! machine). Until a writer has opened the store once, the delays are short, so that the first
//! kills land while the fresh database is being created and migrated; those rounds check the
//! file with a plain connection, so that the next writer, not the test, finishes the
//! migrations. Some later rounds skip the reopen, so that the next writer itself recovers a
//! database that was just killed mid-write.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use sqlx::{ConnectOptions, Connection, SqliteConnection};
use trellis_core::model::{PersonDraft, Relationship};
use trellis_core::store::{connect_options, DB_FILE, MIGRATOR};
use trellis_core::Store;
use trellis_crash_tests::XorShift;

/// Kills (and rounds).
const ROUNDS: usize = 64;
/// Rounds followed by a full check through `Store::open`, at least.
const MIN_CHECKED: usize = 50;
/// Rounds at most spent on killing the very first open.
const MAX_FIRST_OPEN_ROUNDS: usize = 8;
const SIGKILL: i32 = 9;

#[test]
fn every_acknowledged_write_survives_sigkill() {
    let seed = std::env::var("TRELLIS_CRASH_SEED")
        .ok()
        .map(|s| {
            s.parse::<u64>()
                .expect("TRELLIS_CRASH_SEED must be a number")
        })
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("crash test seed {seed} (replay with TRELLIS_CRASH_SEED={seed})");
    let mut rng = XorShift::new(seed);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();

    let mut acked: Vec<Ack> = Vec::new();
    let mut opened_once = false;
    let mut first_open_rounds = 0;
    // How many migrations had been applied when a kill landed before the first open.
    let mut migrations_at_kill: Vec<usize> = Vec::new();
    let mut checked = 0;
    let mut rounds_with_acks = 0;
    for round in 0..ROUNDS {
        let ctx = format!("round {round}, seed {seed}");
        let hunting_first_open = !opened_once && first_open_rounds < MAX_FIRST_OPEN_ROUNDS;
        let delay_ms = if hunting_first_open {
            rng.below(4 + 4 * round as u64)
        } else if rng.below(8) == 0 {
            rng.below(20)
        } else {
            20 + rng.below(381)
        };
        let outcome = run_writer(
            dir.path(),
            rng.next_u64(),
            Duration::from_millis(delay_ms),
            &ctx,
        );
        if !outcome.acks.is_empty() {
            rounds_with_acks += 1;
        }
        acked.extend(outcome.acks);

        if !opened_once && !outcome.opened {
            first_open_rounds += 1;
            migrations_at_kill.push(rt.block_on(check_unopened(dir.path(), &ctx)));
            continue;
        }
        opened_once = true;
        let can_defer = round + 1 < ROUNDS && checked + (ROUNDS - round - 1) >= MIN_CHECKED;
        if can_defer && rng.below(6) == 0 {
            continue; // the next writer opens the database as this one left it
        }
        rt.block_on(check(dir.path(), &acked, &ctx));
        checked += 1;
    }
    rt.block_on(write_after_crashes(dir.path(), seed));

    let elapsed = started.elapsed();
    let mut by_kind: HashMap<&str, usize> = HashMap::new();
    for ack in &acked {
        *by_kind.entry(ack.kind.as_str()).or_default() += 1;
    }
    eprintln!(
        "{ROUNDS} kills in {elapsed:.1?}: {} acknowledged writes, all present ({by_kind:?}); \
         {rounds_with_acks} rounds acknowledged something; {checked} full checks; \
         {first_open_rounds} kills before the first open completed, with these many of {} \
         migrations applied: {migrations_at_kill:?}",
        acked.len(),
        MIGRATOR.iter().count(),
    );
    assert!(
        checked >= MIN_CHECKED,
        "only {checked} full checks ({seed})"
    );
    assert!(
        !acked.is_empty(),
        "the writer never acknowledged a write ({seed})"
    );
    assert!(
        rounds_with_acks * 2 > ROUNDS,
        "only {rounds_with_acks} of {ROUNDS} rounds acknowledged a write: the writer hardly gets \
         going, so the kills test little ({seed})"
    );
}

/// One acknowledged write, as the writer reported it.
#[derive(Debug)]
struct Ack {
    kind: String,
    id: String,
    /// For `person-update`: the version the person had after the update.
    version: Option<i64>,
}

struct Outcome {
    /// The writer reported that `Store::open` returned.
    opened: bool,
    acks: Vec<Ack>,
}

/// Starts the writer, kills it with SIGKILL after `delay`, and returns what it reported.
fn run_writer(dir: &Path, seed: u64, delay: Duration, ctx: &str) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
        .arg(dir)
        .arg(seed.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start crash-writer");
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    // Read as the writer writes, so that it never blocks on a full pipe.
    let lines = thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut lines = Vec::new();
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap() > 0 {
            // A line cut short by the kill acknowledges nothing (a whole line is one write).
            if let Some(complete) = line.strip_suffix('\n') {
                lines.push(complete.to_owned());
            }
            line.clear();
        }
        lines
    });
    let errors = thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).unwrap();
        text
    });

    thread::sleep(delay);
    let early_exit = child.try_wait().unwrap();
    // `Child::kill` sends SIGKILL on Unix; the exit status below confirms it.
    child.kill().unwrap();
    let status = child.wait().unwrap();
    let lines = lines.join().unwrap();
    let errors = errors.join().unwrap();
    assert!(
        early_exit.is_none() && status.signal() == Some(SIGKILL),
        "{ctx}: the writer stopped by itself ({status}) instead of being killed; stderr:\n{errors}"
    );

    let mut outcome = Outcome {
        opened: false,
        acks: Vec::new(),
    };
    for line in lines {
        let words: Vec<&str> = line.split(' ').collect();
        match words.as_slice() {
            ["OPEN"] => outcome.opened = true,
            ["ACK", "person-update", id, version] => outcome.acks.push(Ack {
                kind: "person-update".to_owned(),
                id: (*id).to_owned(),
                version: Some(version.parse().unwrap()),
            }),
            ["ACK", kind, id] => {
                assert!(table(kind).is_some(), "{ctx}: unknown kind in {line:?}");
                outcome.acks.push(Ack {
                    kind: (*kind).to_owned(),
                    id: (*id).to_owned(),
                    version: None,
                });
            }
            _ => panic!("{ctx}: unexpected line from the writer: {line:?}"),
        }
    }
    assert!(
        outcome.opened || outcome.acks.is_empty(),
        "{ctx}: acknowledged writes before the store was open"
    );
    outcome
}

/// The table a kind of record is stored in.
fn table(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "person" | "person-update" => "people",
        "report" => "reports",
        "evidence" => "evidence",
        "visibility" => "visibility",
        "meeting" => "meetings",
        "note" => "meeting_notes",
        "agenda" => "agenda_items",
        "action" => "action_items",
        _ => return None,
    })
}

/// The kinds the full-text index covers: each such write indexes its record in its own
/// transaction.
const INDEXED: [&str; 4] = ["person", "report", "evidence", "visibility"];

/// Reopens the data directory as the app does and checks the database and every
/// acknowledged write so far.
async fn check(dir: &Path, acked: &[Ack], ctx: &str) {
    let store = Store::open(dir)
        .await
        .unwrap_or_else(|e| panic!("{ctx}: the store does not reopen after the kill: {e}"));
    let mut conn = store.pool().acquire().await.unwrap();
    check_database(&mut conn, ctx).await;

    let fts_check =
        sqlx::query("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
            .execute(&mut *conn)
            .await;
    assert!(
        fts_check.is_ok(),
        "{ctx}: the full-text index is corrupt: {fts_check:?}"
    );
    let (docs, index): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM search_docs), (SELECT COUNT(*) FROM search_index)",
    )
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    assert_eq!(docs, index, "{ctx}: search docs and index rows disagree");

    let mut ids: HashMap<&str, HashSet<String>> = HashMap::new();
    for ack in acked {
        let table = table(&ack.kind).unwrap();
        if !ids.contains_key(table) {
            let stored: Vec<String> = sqlx::query_scalar(&format!("SELECT id FROM {table}"))
                .fetch_all(&mut *conn)
                .await
                .unwrap();
            ids.insert(table, stored.into_iter().collect());
        }
    }
    let versions: HashMap<String, i64> = sqlx::query_as("SELECT id, version FROM people")
        .fetch_all(&mut *conn)
        .await
        .unwrap()
        .into_iter()
        .collect();
    let indexed: HashSet<String> = sqlx::query_scalar("SELECT record_id FROM search_docs")
        .fetch_all(&mut *conn)
        .await
        .unwrap()
        .into_iter()
        .collect();

    let mut lost = Vec::new();
    for ack in acked {
        let table = table(&ack.kind).unwrap();
        if !ids[table].contains(&ack.id) {
            lost.push(format!("{} {} (not in {table})", ack.kind, ack.id));
        } else if let Some(version) = ack.version {
            let stored = versions[&ack.id];
            if stored < version {
                lost.push(format!(
                    "person-update {}: version {version} was acknowledged, {stored} is stored",
                    ack.id
                ));
            }
        } else if INDEXED.contains(&ack.kind.as_str()) && !indexed.contains(&ack.id) {
            lost.push(format!(
                "{} {}: stored but not in the search index",
                ack.kind, ack.id
            ));
        }
    }
    assert!(
        lost.is_empty(),
        "{ctx}: {} of {} acknowledged writes are missing after the kill:\n{}",
        lost.len(),
        acked.len(),
        lost.join("\n")
    );
    drop(conn);
    store.close().await;
}

/// Checks a database no writer has opened completely yet with a plain connection (the store's
/// connection settings, no migrations), and returns how many migrations it holds.
async fn check_unopened(dir: &Path, ctx: &str) -> usize {
    let db_file = dir.join(DB_FILE);
    if !db_file.exists() {
        return 0;
    }
    let mut conn = connect_options(&db_file)
        .connect()
        .await
        .unwrap_or_else(|e| panic!("{ctx}: the half-created database does not open: {e}"));
    check_database(&mut conn, ctx).await;
    let has_table: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = '_sqlx_migrations')",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let applied = if has_table {
        let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        let dirty: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE NOT success")
                .fetch_one(&mut conn)
                .await
                .unwrap();
        assert_eq!(dirty, 0, "{ctx}: a migration is recorded as failed");
        applied as usize
    } else {
        0
    };
    conn.close().await.unwrap();
    applied
}

/// `integrity_check` says ok and no foreign key points nowhere.
async fn check_database(conn: &mut SqliteConnection, ctx: &str) {
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    assert_eq!(integrity, ["ok"], "{ctx}: integrity_check");
    let dangling: Vec<String> = sqlx::query_scalar(
        "SELECT \"table\" || ' row ' || coalesce(rowid, '?') || ' -> ' || parent
         FROM pragma_foreign_key_check",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    assert!(
        dangling.is_empty(),
        "{ctx}: foreign_key_check: {dangling:?}"
    );
}

/// After the last kill the database still opens read-write: a new write succeeds and is
/// there after another reopen.
async fn write_after_crashes(dir: &Path, seed: u64) {
    let store = Store::open(dir).await.unwrap();
    let person = store
        .create_person(&PersonDraft {
            name: "Morgan Avery".to_owned(),
            title: "Director, Platform".to_owned(),
            relationship: Some(Relationship::SkipLevel),
            notes: "Wrote after every crash.".to_owned(),
        })
        .await
        .unwrap_or_else(|e| panic!("a write after the last kill failed (seed {seed}): {e}"));
    store.close().await;
    let store = Store::open(dir).await.unwrap();
    assert_eq!(store.person(&person.id).await.unwrap().name, "Morgan Avery");
    store.close().await;
}
