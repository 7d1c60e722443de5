//! Encrypted data: the CLI asks for the passphrase (stdin or $TRELLIS_PASSPHRASE), explains
//! when it is missing, refuses a wrong one, and reads the data with the right one.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use trellis_core::clock::SystemClock;
use trellis_core::generator::{generate, GeneratorSpec};
use trellis_core::passphrase::Passphrase;
use trellis_core::store::DB_FILE;
use trellis_core::Store;

use crate::{cli, json};

fn with_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trellis-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("TRELLIS_DATA_DIR")
        .env_remove("TRELLIS_PASSPHRASE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn encrypted_data_needs_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let p = Passphrase::new("s3cret phrase").unwrap();
        let store = Store::open_keyed(dir.path(), Arc::new(SystemClock), Some(&p))
            .await
            .unwrap();
        generate(&store, GeneratorSpec::DEMO).await.unwrap();
        store.close().await;
    });
    let db = dir.path().join(DB_FILE);
    let before = std::fs::read(&db).unwrap();

    let missing = cli(dir.path(), &["radar"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("is protected by a passphrase: pass --passphrase-stdin"),
        "{}",
        stderr(&missing)
    );

    let wrong = Command::new(env!("CARGO_BIN_EXE_trellis-cli"))
        .arg("--data-dir")
        .arg(dir.path())
        .arg("radar")
        .env_remove("TRELLIS_DATA_DIR")
        .env("TRELLIS_PASSPHRASE", "not it")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("does not unlock"),
        "{}",
        stderr(&wrong)
    );
    assert!(
        std::fs::read(&db).unwrap() == before,
        "a wrong passphrase changes nothing"
    );

    let right = with_stdin(
        dir.path(),
        &["--passphrase-stdin", "radar"],
        "s3cret phrase\n",
    );
    let doc = json(&right);
    assert!(!doc["reports"].as_array().unwrap().is_empty());
}
