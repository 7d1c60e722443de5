//! What the package holds: the program under /usr/bin, a valid menu entry, icons at the usual
//! sizes, this version, and the runtime libraries it needs (never a development package).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use crate::{control_field, deb, run, unpack, PACKAGE};

/// The names in a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The keys of a desktop entry's `[Desktop Entry]` group.
fn desktop_entry(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut in_group = false;
    let mut keys = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_group = line == "[Desktop Entry]";
        } else if let (true, Some((key, value))) = (in_group, line.split_once('=')) {
            keys.insert(key.trim().to_owned(), value.trim().to_owned());
        }
    }
    keys
}

/// A PNG's width and height, from its header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR"),
        "{} is not a PNG",
        path.display()
    );
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

#[test]
fn the_package_installs_the_program_a_valid_menu_entry_and_icons_under_usr() {
    let deb = deb();
    let root = tempfile::tempdir().unwrap();
    unpack(&deb, root.path());

    // Everything it installs is under /usr: the program and its shared files.
    assert_eq!(entries(root.path()), ["usr"]);
    assert_eq!(entries(&root.path().join("usr")), ["bin", "share"]);
    assert_eq!(entries(&root.path().join("usr/bin")), ["trellis"]);
    let program = root.path().join("usr/bin/trellis");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&program).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o755, "usr/bin/trellis is {mode:o}");
    }
    // It is this version of Trellis, and it runs.
    assert_eq!(
        run(Command::new(&program).arg("--version")).trim(),
        format!("trellis {}", env!("CARGO_PKG_VERSION"))
    );

    // The menu entry: valid by the freedesktop.org rules (no error, warning or hint), starting
    // the installed program, with the app's name, description, category and icon.
    let applications = root.path().join("usr/share/applications");
    assert_eq!(entries(&applications), ["Trellis.desktop"]);
    let entry = applications.join("Trellis.desktop");
    let check = Command::new("desktop-file-validate")
        .arg(&entry)
        .output()
        .unwrap_or_else(|e| {
            panic!("could not run desktop-file-validate (Debian package desktop-file-utils): {e}")
        });
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        check.status.success() && said.trim().is_empty(),
        "desktop-file-validate: {said}"
    );
    let keys = desktop_entry(&entry);
    assert_eq!(keys["Type"], "Application");
    assert_eq!(keys["Name"], "Trellis");
    assert_eq!(keys["Terminal"], "false");
    assert_eq!(
        keys["Comment"],
        "A private desk for managers of staff-plus engineers"
    );
    assert!(
        keys["Categories"].split(';').any(|c| c == "Office"),
        "Categories={}",
        keys["Categories"]
    );
    let exec = keys["Exec"].split_whitespace().next().unwrap_or_default();
    assert_eq!(exec, "trellis", "Exec={}", keys["Exec"]);
    assert!(root.path().join("usr/bin").join(exec).is_file());

    // Its icon in the hicolor theme at the usual sizes, each image the size of its folder.
    let icon = &keys["Icon"];
    assert_eq!(icon, "trellis");
    let hicolor = root.path().join("usr/share/icons/hicolor");
    let sizes = [32, 64, 128, 256, 512];
    let mut folders: Vec<String> = sizes.iter().map(|s| format!("{s}x{s}")).collect();
    folders.sort();
    assert_eq!(entries(&hicolor), folders);
    for size in sizes {
        let png = hicolor.join(format!("{size}x{size}/apps/{icon}.png"));
        assert_eq!(png_size(&png), (size, size), "{}", png.display());
    }
}

/// The package names of a Depends field, by group: `a, b | c` is `[[a], [b, c]]`.
fn depends_groups(field: &str) -> Vec<Vec<String>> {
    field
        .split(',')
        .map(|group| {
            group
                .split('|')
                .map(|alternative| {
                    let name = alternative.split('(').next().unwrap_or_default().trim();
                    name.split(':').next().unwrap_or_default().to_owned()
                })
                .collect()
        })
        .collect()
}

/// The shared libraries `program` links directly (its NEEDED entries).
fn linked_libraries(program: &Path) -> Vec<String> {
    run(Command::new("objdump").arg("-p").arg(program))
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some("NEEDED"))
                .then(|| words.next().map(str::to_owned))
                .flatten()
        })
        .collect()
}

/// The installed package that holds the library file named `soname`.
fn owner(soname: &str) -> String {
    let found = run(Command::new("dpkg-query")
        .arg("-S")
        .arg(format!("*/{soname}")));
    // "libssl3:amd64: /usr/lib/x86_64-linux-gnu/libcrypto.so.3"
    let line = found
        .lines()
        .find(|l| !l.starts_with("diversion"))
        .unwrap_or_else(|| panic!("no package holds {soname}"));
    let packages = line.split(": ").next().unwrap_or_default();
    let first = packages.split(", ").next().unwrap_or_default();
    first.split(':').next().unwrap_or_default().to_owned()
}

/// The dependencies of each installed package, as this machine's dpkg records them.
fn installed_dependencies() -> BTreeMap<String, BTreeSet<String>> {
    run(Command::new("dpkg-query").args([
        "-W",
        "-f=${Package}\t${db:Status-Abbrev}\t${Depends}, ${Pre-Depends}\n",
    ]))
    .lines()
    .filter_map(|line| {
        let mut fields = line.split('\t');
        let (package, status, depends) = (fields.next()?, fields.next()?, fields.next()?);
        status.starts_with("ii").then(|| {
            let names = depends_groups(depends)
                .into_iter()
                .flatten()
                .filter(|n| !n.is_empty())
                .collect();
            (package.to_owned(), names)
        })
    })
    .collect()
}

#[test]
fn the_package_is_this_version_and_depends_on_the_runtime_libraries_only() {
    let deb = deb();
    assert_eq!(control_field(&deb, "Package"), PACKAGE);
    // The version is Cargo.toml's (the workspace's, which the app's crate inherits): the
    // package has no version of its own.
    assert_eq!(control_field(&deb, "Version"), env!("CARGO_PKG_VERSION"));
    assert_eq!(
        control_field(&deb, "Architecture"),
        run(Command::new("dpkg").arg("--print-architecture")).trim()
    );
    assert_eq!(control_field(&deb, "Section"), "utils");
    assert!(control_field(&deb, "Description")
        .starts_with("A private desk for managers of staff-plus engineers\n"));

    let depends = control_field(&deb, "Depends");
    let groups = depends_groups(&depends);
    let names: BTreeSet<&str> = groups.iter().flatten().map(String::as_str).collect();
    // The WebKitGTK and GTK runtimes (GTK under either name: it is libgtk-3-0t64 from Debian 13
    // and Ubuntu 24.04 on), the tray's indicator library; never a development package.
    assert!(
        groups.iter().any(|g| g == &["libwebkit2gtk-4.1-0"]),
        "Depends: {depends}"
    );
    assert!(
        groups.iter().any(|g| g == &["libgtk-3-0", "libgtk-3-0t64"]),
        "Depends: {depends}"
    );
    assert!(
        names.contains("libayatana-appindicator3-1"),
        "Depends: {depends}"
    );
    for name in &names {
        assert!(!name.ends_with("-dev"), "Depends names {name}: {depends}");
    }

    // Every library the program links is in a package it depends on, or in a dependency of
    // one of those (as this machine's packages declare them). The program links libcrypto
    // (SQLCipher) and libdbus itself, which neither WebKitGTK nor GTK depends on directly.
    let unpacked = tempfile::tempdir().unwrap();
    unpack(&deb, unpacked.path());
    let installed = installed_dependencies();
    let mut brought: BTreeSet<&str> = names.clone();
    for name in &names {
        if let Some(theirs) = installed.get(*name) {
            brought.extend(theirs.iter().map(String::as_str));
        }
    }
    let libraries = linked_libraries(&unpacked.path().join("usr/bin/trellis"));
    assert!(libraries.iter().any(|l| l.starts_with("libwebkit2gtk-4.1")));
    for library in &libraries {
        let package = owner(library);
        assert!(
            brought.contains(package.as_str()),
            "the program links {library} (package {package}), which Depends does not bring: \
             add it to bundle.linux.deb.depends in tauri.conf.json. Depends: {depends}"
        );
    }
}
