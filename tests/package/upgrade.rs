//! Installing the package over an older version keeps the manager's data, and the new program
//! takes a backup before it upgrades the data format; removing the package leaves the data.
//!
//! dpkg installs into a folder of the test's own (`--root`, with a dpkg database of its own),
//! never into this machine's /usr. A test cannot build Trellis's previous release, so the older
//! package is this one with a lower version, a stand-in program and an icon this version no
//! longer ships (the upgrade must replace the one and remove the other); the older version's
//! data is what it wrote: a database at the previous schema, with the rows the app wrote at each
//! schema (tests/core/fixtures/upgrade, as the core's upgrade tests build it).

use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use sqlx::sqlite::SqlitePool;
use trellis_core::backup::BACKUPS_DIR;
use trellis_core::data_dir::APP_IDENTIFIER;
use trellis_core::store::{connect_options, DB_FILE};

use crate::harness::Harness;
use crate::older_schema::{build_at, latest};
use crate::{deb, run, unpack, PACKAGE};

/// A folder dpkg installs into, with its own package database.
struct Dpkg {
    root: PathBuf,
}

impl Dpkg {
    fn new(root: PathBuf) -> Self {
        let admin = root.join("var/lib/dpkg");
        for dir in ["info", "updates", "triggers"] {
            std::fs::create_dir_all(admin.join(dir)).unwrap();
        }
        std::fs::write(admin.join("status"), "").unwrap();
        Self { root }
    }

    /// Runs dpkg on this root. The libraries the package depends on are this machine's, not
    /// the root's (`--force-depends`); dpkg may run without root (`--force-not-root`) and
    /// without /sbin on PATH (`--force-bad-path`: no maintainer script is run); its log stays
    /// in the root.
    fn dpkg(&self, args: &[&str]) -> String {
        run(Command::new("dpkg")
            .arg(format!("--root={}", self.root.display()))
            .arg(format!("--log={}", self.root.join("dpkg.log").display()))
            .args(["--force-depends", "--force-not-root", "--force-bad-path"])
            .args(args))
    }

    fn install(&self, deb: &Path) {
        self.dpkg(&["--install", &deb.display().to_string()]);
    }

    /// The package's state and version as this root's dpkg records them ("ii 0.1.0").
    fn state(&self) -> String {
        let out = Command::new("dpkg-query")
            .arg(format!(
                "--admindir={}",
                self.root.join("var/lib/dpkg").display()
            ))
            .args(["-W", "-f=${db:Status-Abbrev}${Version}", PACKAGE])
            .output()
            .expect("dpkg-query");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The older package (see the module's comment) in `dir`, and its version.
fn older_package(deb: &Path, dir: &Path) -> (PathBuf, String) {
    let tree = dir.join("older");
    run(Command::new("dpkg-deb").arg("-R").arg(deb).arg(&tree));
    let version = format!("{}~older", env!("CARGO_PKG_VERSION"));
    let control_file = tree.join("DEBIAN/control");
    let control = std::fs::read_to_string(&control_file).unwrap();
    let control: String = control
        .lines()
        .map(|line| match line.strip_prefix("Version: ") {
            Some(_) => format!("Version: {version}\n"),
            None => format!("{line}\n"),
        })
        .collect();
    std::fs::write(&control_file, control).unwrap();
    // The checksums would not match the stand-ins; dpkg does not need them.
    std::fs::remove_file(tree.join("DEBIAN/md5sums")).unwrap();
    let program = tree.join("usr/bin/trellis");
    std::fs::write(&program, "#!/bin/sh\necho 'trellis (older)'\n").unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    let gone = tree.join("usr/share/icons/hicolor/48x48/apps");
    std::fs::create_dir_all(&gone).unwrap();
    std::fs::copy(
        tree.join("usr/share/icons/hicolor/32x32/apps/trellis.png"),
        gone.join("trellis.png"),
    )
    .unwrap();
    let older = dir.join("trellis-older.deb");
    run(Command::new("dpkg-deb")
        .args(["--root-owner-group", "-Znone", "-b"])
        .arg(&tree)
        .arg(&older));
    // Older in dpkg's order.
    run(Command::new("dpkg").args([
        "--compare-versions",
        &version,
        "lt",
        env!("CARGO_PKG_VERSION"),
    ]));
    (older, version)
}

/// The names of the reports on the roster (not archived) in a database.
async fn roster(pool: &SqlitePool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT p.name FROM reports r JOIN people p ON p.id = r.person_id
         WHERE r.archived_at IS NULL ORDER BY p.name",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn schema_version(pool: &SqlitePool) -> i64 {
    sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(pool)
        .await
        .unwrap()
}

/// A pool on the database file `db`, with the store's connection settings.
async fn pool(db: &Path) -> SqlitePool {
    SqlitePool::connect_with(connect_options(db)).await.unwrap()
}

/// Writes the data an older version left in `data`: its database at `schema`, with the rows
/// written at each schema up to it. Returns the roster's names.
fn write_older_data(runtime: &tokio::runtime::Runtime, data: &Path, schema: i64) -> Vec<String> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(data)
        .unwrap();
    runtime.block_on(async {
        build_at(data, schema).await;
        let pool = pool(&data.join(DB_FILE)).await;
        assert_eq!(schema_version(&pool).await, schema);
        let names = roster(&pool).await;
        pool.close().await;
        names
    })
}

/// The backups in `data` taken before upgrading from schema `from`.
fn pre_upgrade_backups(data: &Path, from: i64) -> Vec<String> {
    let suffix = format!("-pre-migration-v{from}.sqlite3");
    let mut found: Vec<String> = std::fs::read_dir(data.join(BACKUPS_DIR))
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("trellis-") && n.ends_with(&suffix))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn installing_over_an_older_version_keeps_the_data_and_backs_it_up_before_upgrading_it() {
    let deb = deb();
    let work = tempfile::tempdir().unwrap();
    let (older, older_version) = older_package(&deb, work.path());
    let dpkg = Dpkg::new(work.path().join("root"));
    let program = dpkg.root.join("usr/bin/trellis");
    let dropped_icon = dpkg
        .root
        .join("usr/share/icons/hicolor/48x48/apps/trellis.png");

    dpkg.install(&older);
    assert_eq!(dpkg.state(), format!("ii {older_version}"));
    assert!(dropped_icon.is_file());

    // The older version's data, where the app keeps it by default (the harness's home).
    let harness = Harness::start();
    let data = harness.home().join("data").join(APP_IDENTIFIER);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let from = latest() - 1;
    assert!(from >= 1, "an upgrade needs at least two migrations");
    let names = write_older_data(&runtime, &data, from);
    assert!(
        !names.is_empty(),
        "the older data has reports on its roster"
    );

    // Installing this version over it replaces the program and drops what it no longer ships.
    dpkg.install(&deb);
    assert_eq!(dpkg.state(), format!("ii {}", env!("CARGO_PKG_VERSION")));
    let unpacked = work.path().join("unpacked");
    unpack(&deb, &unpacked);
    assert!(
        std::fs::read(&program).unwrap()
            == std::fs::read(unpacked.join("usr/bin/trellis")).unwrap(),
        "the installed program is not the package's"
    );
    assert!(!dropped_icon.exists(), "the older version's icon is left");
    assert!(pre_upgrade_backups(&data, from).is_empty());

    // The installed program opens the older data and shows every report on the roster.
    let app = harness.launch_program(&program, &data, "package-upgrade");
    let roster_link = app.wait_for("nav a[href='#/roster']").unwrap();
    app.click(&roster_link).unwrap();
    for name in &names {
        app.wait_for_text("[data-testid=roster-row]", name).unwrap();
    }
    app.quit();

    // The data was upgraded to this version's format, after a backup of it as it was.
    let backups = pre_upgrade_backups(&data, from);
    assert_eq!(backups.len(), 1, "pre-upgrade backups: {backups:?}");
    let backup = data.join(BACKUPS_DIR).join(&backups[0]);
    runtime.block_on(async {
        // Read from a copy: the backup is not to be touched.
        let copy = work.path().join("backup-copy.sqlite3");
        std::fs::copy(&backup, &copy).unwrap();
        let before = pool(&copy).await;
        assert_eq!(schema_version(&before).await, from);
        assert_eq!(roster(&before).await, names);
        before.close().await;
        let now = pool(&data.join(DB_FILE)).await;
        assert_eq!(schema_version(&now).await, latest());
        assert_eq!(roster(&now).await, names);
        now.close().await;
    });

    // Removing the package removes the program and leaves the data and its backups.
    dpkg.dpkg(&["--remove", PACKAGE]);
    assert!(!program.exists());
    assert!(!dpkg.state().starts_with("ii"), "{}", dpkg.state());
    assert!(data.join(DB_FILE).is_file());
    assert_eq!(pre_upgrade_backups(&data, from), backups);
}
