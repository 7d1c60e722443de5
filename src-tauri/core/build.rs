// `sqlx::migrate!` embeds migrations/ but cannot see a newly added file on stable Rust:
// without this, an incremental build would ship without it.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
