//! The Debian package that `scripts/package` builds, as a manager's machine receives it: what it
//! installs and where, its menu entry and icons, its control fields, and the packaged program
//! started through the end-to-end harness after installing over an older version.
//!
//! The package under test is the `.deb` named by `TRELLIS_DEB`. `scripts/test` builds it from
//! the debug build the tests use (`scripts/package --debug --no-build`) and sets the variable;
//! without it every test here fails (it does not skip).
#![allow(clippy::unwrap_used, clippy::expect_used)]

// The end-to-end harness (Xvfb, tauri-driver, WebKitWebDriver), shared with tests/e2e; this
// target uses only part of it.
#[allow(dead_code)]
#[path = "../e2e/harness.rs"]
mod harness;
#[allow(dead_code)]
#[path = "../e2e/webdriver.rs"]
mod webdriver;

// Building data at an earlier schema version, shared with the core's upgrade tests.
#[allow(dead_code)]
#[path = "../core/older_schema.rs"]
mod older_schema;

mod contents;
mod upgrade;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The package's name in dpkg's database.
pub const PACKAGE: &str = "trellis";

/// The `.deb` to test, from `TRELLIS_DEB`.
pub fn deb() -> PathBuf {
    let Some(path) = std::env::var_os("TRELLIS_DEB").filter(|v| !v.is_empty()) else {
        panic!(
            "TRELLIS_DEB is not set: it names the .deb these tests check. Run scripts/test, or \
             build the app (cargo build -p trellis --features embed-ui), package that build \
             (scripts/package --debug --no-build) and set TRELLIS_DEB to the path it prints"
        );
    };
    let path = PathBuf::from(path);
    assert!(
        path.is_file(),
        "TRELLIS_DEB={} is not a file: build it with scripts/package --debug",
        path.display()
    );
    path
}

/// Runs `cmd`, which must succeed, and returns what it printed.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Unpacks the files of the package `deb` into `root`, as installing would lay them out.
pub fn unpack(deb: &Path, root: &Path) {
    run(Command::new("dpkg-deb").arg("-x").arg(deb).arg(root));
}

/// A field of the package's control file.
pub fn control_field(deb: &Path, field: &str) -> String {
    run(Command::new("dpkg-deb").arg("-f").arg(deb).arg(field))
        .trim()
        .to_owned()
}
