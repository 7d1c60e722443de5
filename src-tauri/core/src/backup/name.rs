//! Backup file names: `trellis-<UTC timestamp>-<kind>[-<n>].sqlite3`, made and read back.

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};

use super::files::{timestamp, TIMESTAMP_FORMAT};
use super::BackupKind;

const PREFIX: &str = "trellis-";
const SUFFIX: &str = ".sqlite3";
const PRE_MIGRATION: &str = "pre-migration-v";

/// What a backup's file name says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BackupName {
    pub file_name: String,
    pub at: DateTime<Utc>,
    pub kind: BackupKind,
    /// For a pre-migration copy: the data format it was made at.
    pub from_version: Option<i64>,
    /// 1 for the first copy of this kind made within a second, then 2, 3…
    pub seq: u32,
}

fn slug(kind: BackupKind) -> &'static str {
    match kind {
        BackupKind::Daily => "daily",
        BackupKind::PreMigration => "pre-migration",
        BackupKind::PreRestore => "pre-restore",
        BackupKind::PreImport => "pre-import",
        BackupKind::PreEncryption => "pre-encryption",
    }
}

impl BackupName {
    pub fn new(at: DateTime<Utc>, kind: BackupKind, from_version: Option<i64>, seq: u32) -> Self {
        let mut file_name = format!("{PREFIX}{}-{}", timestamp(at), slug(kind));
        if kind == BackupKind::PreMigration {
            file_name.push_str(&format!("-v{}", from_version.unwrap_or(0)));
        }
        if seq > 1 {
            file_name.push_str(&format!("-{seq}"));
        }
        file_name.push_str(SUFFIX);
        Self {
            file_name,
            // The name keeps whole seconds.
            at: at.trunc_subsecs(0),
            kind,
            from_version,
            seq,
        }
    }

    /// Reads a backup's file name; `None` for any other file.
    pub fn parse(file_name: &str) -> Option<Self> {
        let body = file_name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
        let (stamp, rest) = body.split_at_checked(16)?;
        let at = NaiveDateTime::parse_from_str(stamp, TIMESTAMP_FORMAT)
            .ok()?
            .and_utc();
        let rest = rest.strip_prefix('-')?;
        let (kind, from_version, rest) = if let Some(after) = rest.strip_prefix(PRE_MIGRATION) {
            let digits = after.find('-').unwrap_or(after.len());
            let (version, rest) = after.split_at(digits);
            (BackupKind::PreMigration, Some(parse_number(version)?), rest)
        } else {
            [
                BackupKind::Daily,
                BackupKind::PreRestore,
                BackupKind::PreImport,
                BackupKind::PreEncryption,
            ]
            .into_iter()
            .find_map(|k| rest.strip_prefix(slug(k)).map(|r| (k, None, r)))?
        };
        let seq = match rest {
            "" => 1,
            _ => {
                let n = u32::try_from(parse_number(rest.strip_prefix('-')?)?).ok()?;
                if n < 2 {
                    return None;
                }
                n
            }
        };
        let name = Self::new(at, kind, from_version, seq);
        // Only names this module writes (one spelling per backup).
        (name.file_name == file_name).then_some(name)
    }

    /// Newest first: by time, then by sequence within the same second.
    pub fn newest_first(a: &Self, b: &Self) -> std::cmp::Ordering {
        (b.at, b.seq, &b.file_name).cmp(&(a.at, a.seq, &a.file_name))
    }
}

fn parse_number(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn names_are_written_and_read_back() {
        let cases = [
            (
                BackupName::new(at(), BackupKind::Daily, None, 1),
                "trellis-20261124T093000Z-daily.sqlite3",
            ),
            (
                BackupName::new(at(), BackupKind::PreMigration, Some(3), 1),
                "trellis-20261124T093000Z-pre-migration-v3.sqlite3",
            ),
            (
                BackupName::new(at(), BackupKind::PreRestore, None, 2),
                "trellis-20261124T093000Z-pre-restore-2.sqlite3",
            ),
            (
                BackupName::new(at(), BackupKind::PreImport, None, 12),
                "trellis-20261124T093000Z-pre-import-12.sqlite3",
            ),
        ];
        for (name, file_name) in cases {
            assert_eq!(name.file_name, file_name);
            assert_eq!(BackupName::parse(file_name), Some(name));
        }
    }

    #[test]
    fn other_files_are_not_backups() {
        for other in [
            "trellis.sqlite3",
            "../trellis-20261124T093000Z-daily.sqlite3",
            "trellis-20261124T093000Z-daily.sqlite3-wal",
            "trellis-20261124T093000Z-daily-1.sqlite3",
            "trellis-20261124T093000Z-daily-x.sqlite3",
            "trellis-20261124T093000Z-weekly.sqlite3",
            "trellis-20261324T093000Z-daily.sqlite3",
            "trellis-20261124T093000Z-pre-migration-v.sqlite3",
            ".partial-0193.sqlite3",
        ] {
            assert_eq!(BackupName::parse(other), None, "{other}");
        }
    }
}
