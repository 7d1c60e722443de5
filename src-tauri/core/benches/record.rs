//! Benchmarks for the staff record on a large synthetic history: 50 reports, 5 years each
//! (about 2,400 evidence items, 3,500 visibility entries, 300 mandates, 250 mentorships).
//! Target (issue 3): search well under 50 ms. Run: cargo bench -p trellis-core --bench record
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, OnceLock};

use chrono::{TimeZone, Utc};
use divan::Bencher;
use tokio::runtime::Runtime;
use trellis_core::clock::FixedClock;
use trellis_core::generator::{generate, GeneratorSpec};
use trellis_core::ids::ReportId;
use trellis_core::model::RosterFilter;
use trellis_core::Store;

pub const SPEC: GeneratorSpec = GeneratorSpec {
    reports: 50,
    years: 5,
    seed: 42,
};

struct Fixture {
    runtime: Runtime,
    store: Store,
    /// The cycle every report of the fixture is a candidate in.
    cycle: trellis_core::ids::CycleId,
    /// A synthetic report with a full five-year history.
    report: ReportId,
    _dir: tempfile::TempDir,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock(
            Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap(),
        ));
        let (store, report, cycle) = runtime.block_on(async {
            let store = Store::open_with_clock(dir.path(), clock).await.unwrap();
            let made = generate(&store, SPEC).await.unwrap();
            eprintln!("fixture: {made:?}");
            let reports = store.reports(RosterFilter::Active).await.unwrap();
            let report = reports
                .iter()
                .find(|r| r.notes.starts_with("Synthetic"))
                .unwrap()
                .id
                .clone();
            let cycle = store.cycles().await.unwrap()[0].id.clone();
            (store, report, cycle)
        });
        Fixture {
            runtime,
            store,
            cycle,
            report,
            _dir: dir,
        }
    })
}

fn main() {
    fixture();
    divan::main();
}

/// Full-text search across every record, 50 hits: a common word, a prefix being typed, two
/// words, a rare name, and a word that matches nothing.
#[divan::bench(args = ["the", "migr", "billing pipeline", "Sokolova", "zyzzyva", "RFC", "cut-over weekend"])]
fn search(bencher: Bencher, query: &str) {
    let f = fixture();
    bencher.bench(|| f.runtime.block_on(f.store.search(query, 50)).unwrap());
}

/// Everything on one report's Evidence tab (with co-owners, links and visibility).
#[divan::bench]
fn evidence_of_one_report(bencher: Bencher) {
    let f = fixture();
    bencher.bench(|| f.runtime.block_on(f.store.evidence(&f.report)).unwrap());
}

/// One report's timeline over five years.
#[divan::bench]
fn timeline_of_one_report(bencher: Bencher) {
    let f = fixture();
    bencher.bench(|| {
        f.runtime
            .block_on(f.store.timeline(&f.report, &[]))
            .unwrap()
    });
}

/// The visibility gaps card of one report.
#[divan::bench]
fn visibility_gaps_of_one_report(bencher: Bencher) {
    let f = fixture();
    bencher.bench(|| {
        f.runtime
            .block_on(f.store.visibility_gaps(&f.report, None))
            .unwrap()
    });
}

/// One report's radar (its record loaded from SQLite, then every rule), as of the fixture's date.
#[divan::bench]
fn radar_of_one_report(bencher: Bencher) {
    let f = fixture();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    bencher.bench(|| {
        f.runtime
            .block_on(f.store.report_radar(&f.report, today))
            .unwrap()
    });
}

/// The cycle dashboard: every candidate's radar (about 44 candidates with five-year histories).
#[divan::bench(sample_count = 30)]
fn radar_of_a_whole_cycle(bencher: Bencher) {
    let f = fixture();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    bencher.bench(|| {
        f.runtime
            .block_on(f.store.cycle_dashboard(&f.cycle, today))
            .unwrap()
    });
}

/// The radar's rules alone on one report's loaded record (what `radar_of_one_report` adds to
/// loading).
/// The replay alone, on a history already loaded: the rules on the day, and back over the
/// days before it to date each signal.
#[divan::bench]
fn radar_replay_of_one_report(bencher: Bencher) {
    let f = fixture();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let history = f
        .runtime
        .block_on(f.store.report_history(&f.report))
        .unwrap();
    bencher.bench(|| {
        trellis_core::radar::Replay::new(&history, &f.report, None)
            .signals_on(today)
            .map(|s| s.len())
    });
}

#[divan::bench(args = ["md", "html", "pdf"], sample_count = 10)]
fn export_a_whole_cycle(bencher: Bencher, format: &str) {
    use trellis_core::export::{Brief, ExportFormat, ExportOptions, ExportScope};
    let f = fixture();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let format = match format {
        "md" => ExportFormat::Markdown,
        "html" => ExportFormat::Html,
        _ => ExportFormat::Pdf,
    };
    let scope = ExportScope::Cycle {
        cycle_id: f.cycle.clone(),
    };
    let options = ExportOptions {
        brief: Brief::Manager,
        include_private_notes: true,
        include_non_quotable: true,
    };
    bencher.bench(|| {
        let notes = f
            .runtime
            .block_on(f.store.calibration_notes(&scope, &options, today))
            .unwrap();
        format.render(&notes).unwrap()
    });
}

/// The Today view: every active report judged, the next 1:1s, overdue items and deadlines.
#[divan::bench(sample_count = 20)]
fn today_across_every_report(bencher: Bencher) {
    let f = fixture();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    bencher.bench(|| f.runtime.block_on(f.store.today(today)).unwrap());
}

/// One report's 1:1 prep (its record, 1:1s, the radar now and at the last 1:1, questions).
#[divan::bench]
fn prep_of_one_report(bencher: Bencher) {
    let f = fixture();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    bencher.bench(|| f.runtime.block_on(f.store.prep(&f.report, today)).unwrap());
}

/// The archive of everything (docs/archive-json.md) written from the whole fixture: one read
/// transaction, every table, pretty JSON.
#[divan::bench(sample_count = 10)]
fn archive_export(bencher: Bencher) {
    let f = fixture();
    bencher.bench(|| {
        f.runtime
            .block_on(trellis_core::archive::export(&f.store))
            .unwrap()
    });
}

/// The fixture's archive imported into a second data directory: every check, every table
/// replaced in one transaction, the search index rebuilt.
#[divan::bench(sample_count = 10)]
fn archive_import(bencher: Bencher) {
    let f = fixture();
    let bytes = f
        .runtime
        .block_on(trellis_core::archive::export(&f.store))
        .unwrap();
    eprintln!("archive: {} bytes", bytes.len());
    let dir = tempfile::tempdir().unwrap();
    let target = f.runtime.block_on(Store::open(dir.path())).unwrap();
    bencher.bench(|| {
        f.runtime
            .block_on(trellis_core::archive::import(&target, &bytes))
            .unwrap()
    });
}

/// A pre-import backup of the whole fixture: `VACUUM INTO` a temp file, its full integrity and
/// foreign key check, fsync, rename, rotation (7 kept). Prints the copy's size once.
#[divan::bench(sample_count = 10)]
fn backup_take(bencher: Bencher) {
    use trellis_core::backup::{take, BackupKind};
    let f = fixture();
    let made = f
        .runtime
        .block_on(take(&f.store, BackupKind::PreImport))
        .unwrap();
    eprintln!("backup: {} bytes", made.size_bytes);
    bencher.bench(|| {
        f.runtime
            .block_on(take(&f.store, BackupKind::PreImport))
            .unwrap()
    });
}

/// The backups screen: every backup (the 7 pre-import copies) opened read-only, quick-checked
/// and counted.
#[divan::bench(sample_count = 10)]
fn backup_list(bencher: Bencher) {
    use trellis_core::backup::{list, take, BackupKind};
    let f = fixture();
    for _ in 0..7 {
        f.runtime
            .block_on(take(&f.store, BackupKind::PreImport))
            .unwrap();
    }
    let dir = f.store.data_dir().to_owned();
    bencher.bench(|| f.runtime.block_on(list(&dir)).unwrap());
}

/// A data directory holding a copy of the fixture's database (a fresh backup), not encrypted.
fn plain_copy(f: &Fixture) -> tempfile::TempDir {
    use trellis_core::backup::{backups_dir, take, BackupKind};
    let made = f
        .runtime
        .block_on(take(&f.store, BackupKind::PreImport))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        backups_dir(f.store.data_dir()).join(&made.file_name),
        dir.path().join(trellis_core::store::DB_FILE),
    )
    .unwrap();
    dir
}

fn bench_clock() -> Arc<FixedClock> {
    Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap(),
    ))
}

/// Opening the fixture's data and running one query, then closing: without encryption, and
/// encrypted (the passphrase checked read-only first, then the pool; each keyed connection
/// derives the key with PBKDF2).
#[divan::bench(args = [false, true], sample_count = 10)]
fn open_store(bencher: Bencher, encrypted: bool) {
    use trellis_core::passphrase::Passphrase;
    let f = fixture();
    let dir = plain_copy(f);
    let pass = Passphrase::new("correct horse battery staple").unwrap();
    if encrypted {
        let store = f.runtime.block_on(Store::open(dir.path())).unwrap();
        let store = f
            .runtime
            .block_on(trellis_core::encryption::enable(store, &pass))
            .unwrap();
        f.runtime.block_on(store.close());
    }
    let key = encrypted.then_some(&pass);
    bencher.bench(|| {
        f.runtime.block_on(async {
            let store = Store::open_keyed(dir.path(), bench_clock(), key)
                .await
                .unwrap();
            store.reports(RosterFilter::Active).await.unwrap();
            store.close().await;
        })
    });
}

/// Turning encryption on for the whole fixture: a checked backup, the database and every
/// backup (here the one safety copy) exported under the key and checked, renamed, reopened.
#[divan::bench(sample_count = 5)]
fn encryption_enable(bencher: Bencher) {
    use trellis_core::passphrase::Passphrase;
    let f = fixture();
    let pass = Passphrase::new("correct horse battery staple").unwrap();
    bencher
        .with_inputs(|| {
            let dir = plain_copy(f);
            let store = f.runtime.block_on(Store::open(dir.path())).unwrap();
            (dir, store)
        })
        .bench_values(|(dir, store)| {
            let store = f
                .runtime
                .block_on(trellis_core::encryption::enable(store, &pass))
                .unwrap();
            f.runtime.block_on(store.close());
            dir
        });
}
