// The window's permissions: one `allow-<command>` per app command in src/allowed.rs, so that
// capabilities/default.json can grant exactly those.
include!("src/allowed.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        panic!("tauri-build failed: {e:#}");
    }
}
