//! Files and folders only their owner can read. Trellis holds private notes about people, so
//! every folder it creates is `0700` and every file it writes `0600` (the database and its
//! journals, backups, damaged copies, exports, archives, temporary and partial copies), and a
//! data folder that another account could read is tightened when Trellis opens it.
//!
//! Each place that creates a file or a folder goes through this module; the processes also
//! start with a umask of `077` ([`private_by_default`]) so that files created on their behalf
//! (SQLite's journals, the web view's storage) are private too. On systems without Unix
//! permissions these are plain file operations.

use std::fs::File;
use std::io;
use std::path::Path;

/// The mode of a folder Trellis creates: its owner only.
pub const DIR_MODE: u32 = 0o700;
/// The mode of a file Trellis writes: its owner only.
pub const FILE_MODE: u32 = 0o600;

/// Makes every file and folder this process creates from now on readable by its owner only
/// (umask `077`). Called first thing by the app and the command line.
pub fn private_by_default() {
    #[cfg(unix)]
    {
        rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    }
}

/// Creates `dir` and any missing parents, each created folder `0700`. An existing folder
/// keeps its mode (see [`tighten`]).
pub fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(DIR_MODE);
    }
    builder.create(dir)
}

/// Creates (or truncates) the file at `path` for writing, `0600`. An existing file is made
/// `0600` before anything is written to it.
pub fn create_file(path: &Path) -> io::Result<File> {
    let file = options()
        .create(true)
        .truncate(true)
        .write(true)
        .open(path)?;
    restrict_open(&file)?;
    Ok(file)
}

/// Creates an empty file at `path`, `0600`, unless one is there already (then it is made
/// `0600`). For files another library fills in: SQLite creates a database's journals with the
/// mode of the database file, and `VACUUM INTO` and `ATTACH` fill an empty file they are given.
pub fn ensure_file(path: &Path) -> io::Result<()> {
    let file = options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    restrict_open(&file)
}

/// Copies `from` to `to` (created or replaced, `0600`), whatever the mode of `from`.
pub fn copy(from: &Path, to: &Path) -> io::Result<u64> {
    let mut source = File::open(from)?;
    let mut target = create_file(to)?;
    let n = io::copy(&mut source, &mut target)?;
    target.sync_all()?;
    Ok(n)
}

/// What [`tighten`] did.
#[derive(Debug, Default)]
pub struct Tightened {
    /// Whether the folder was open to others and is now its owner's only.
    pub changed: bool,
    /// What could not be made private (another account's file, a file system that ignores
    /// modes), with why: the folder still opens; the manager is told.
    pub failed: Vec<(std::path::PathBuf, io::Error)>,
}

/// Makes a data folder that other accounts could enter its owner's only: the folder, and
/// everything in it (files and folders at any depth; symbolic links are neither changed nor
/// followed, not even one swapped in while this runs). A folder only its owner can enter
/// already protects everything in it, so it is left as it is (and nothing is walked). Each
/// entry is tried on its own: one that cannot be changed is listed, not fatal.
pub fn tighten(dir: &Path) -> io::Result<Tightened> {
    let mut done = Tightened::default();
    #[cfg(unix)]
    {
        if mode(dir)?.is_some_and(|m| m & 0o077 == 0) {
            return Ok(done);
        }
        let mut stack = vec![dir.to_owned()];
        while let Some(path) = stack.pop() {
            match restrict_no_follow(&path) {
                Ok(Some(is_dir)) => {
                    if is_dir {
                        match std::fs::read_dir(&path) {
                            Ok(entries) => stack.extend(entries.flatten().map(|e| e.path())),
                            Err(e) => done.failed.push((path.clone(), e)),
                        }
                    }
                }
                Ok(None) => {}
                Err(e) => done.failed.push((path.clone(), e)),
            }
        }
        done.changed = mode(dir)?.is_some_and(|m| m & 0o077 == 0);
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(done)
}

/// Takes group and other bits from a regular file or a folder, through a descriptor opened
/// without following a link (so a link swapped in meanwhile is never changed nor followed),
/// and checks that the change took. `Some(is_dir)` for what it handled, `None` for anything
/// else (links, devices, pipes).
#[cfg(unix)]
fn restrict_no_follow(path: &Path) -> io::Result<Option<bool>> {
    use rustix::fs::{fchmod, fstat, open, FileType, Mode, OFlags};
    let fd = match open(
        path,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
        Mode::empty(),
    ) {
        Ok(fd) => fd,
        // A symbolic link (ELOOP under O_NOFOLLOW): left alone.
        Err(rustix::io::Errno::LOOP) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let stat = fstat(&fd)?;
    let kind = FileType::from_raw_mode(stat.st_mode);
    let (is_dir, keep) = match kind {
        FileType::Directory => (true, DIR_MODE),
        FileType::RegularFile => (false, FILE_MODE),
        _ => return Ok(None),
    };
    let current = stat.st_mode & 0o777;
    let wanted = current & keep;
    if wanted != current {
        fchmod(&fd, Mode::from_raw_mode(wanted))?;
        if fstat(&fd)?.st_mode & 0o077 != 0 {
            return Err(io::Error::other("the file system kept its permissions"));
        }
    }
    Ok(Some(is_dir))
}

fn options() -> std::fs::OpenOptions {
    let mut options = File::options();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    options
}

fn restrict_open(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if file.metadata()?.permissions().mode() & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(FILE_MODE))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// The permission bits of `path` (for checks and tests), `None` where there are none.
pub fn mode(path: &Path) -> io::Result<Option<u32>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(Some(
            std::fs::symlink_metadata(path)?.permissions().mode() & 0o777,
        ))
    }
    #[cfg(not(unix))]
    {
        let _ = std::fs::symlink_metadata(path)?;
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn tighten_takes_group_and_other_bits_from_every_file_and_folder() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir()?;
        let dir = root.path().join("data");
        std::fs::create_dir_all(dir.join("backups/old"))?;
        std::fs::write(dir.join("trellis.sqlite3"), b"x")?;
        std::fs::write(dir.join("backups/old/b.sqlite3"), b"x")?;
        for p in ["", "backups", "backups/old"] {
            std::fs::set_permissions(dir.join(p), std::fs::Permissions::from_mode(0o755))?;
        }
        for p in ["trellis.sqlite3", "backups/old/b.sqlite3"] {
            std::fs::set_permissions(dir.join(p), std::fs::Permissions::from_mode(0o664))?;
        }
        std::os::unix::fs::symlink("/etc/hostname", dir.join("link"))?;
        let done = tighten(&dir)?;
        assert!(done.changed && done.failed.is_empty(), "{done:?}");
        for p in ["", "backups", "backups/old"] {
            assert_eq!(mode(&dir.join(p))?, Some(0o700), "{p}");
        }
        for p in ["trellis.sqlite3", "backups/old/b.sqlite3"] {
            assert_eq!(mode(&dir.join(p))?, Some(0o600), "{p}");
        }
        // A link's target is not touched.
        assert_ne!(mode(Path::new("/etc/hostname"))?, Some(0o600));
        // Once tight, nothing more to do.
        assert!(!tighten(&dir)?.changed);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn created_files_and_copies_are_private_whatever_the_source() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir()?;
        let dir = root.path().join("a/b");
        create_dir(&dir)?;
        assert_eq!(mode(&dir)?, Some(0o700));
        assert_eq!(mode(&root.path().join("a"))?, Some(0o700));
        let open = dir.join("open.txt");
        std::fs::write(&open, b"x")?;
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644))?;
        let copy_to = dir.join("copy.txt");
        copy(&open, &copy_to)?;
        assert_eq!(mode(&copy_to)?, Some(0o600));
        create_file(&open)?;
        assert_eq!(mode(&open)?, Some(0o600));
        let empty = dir.join("empty");
        ensure_file(&empty)?;
        assert_eq!(
            (mode(&empty)?, std::fs::metadata(&empty)?.len()),
            (Some(0o600), 0)
        );
        Ok(())
    }
}
