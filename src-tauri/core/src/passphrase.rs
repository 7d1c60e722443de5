//! The manager's passphrase for encryption at rest: owned here, never printed.
//!
//! A [`Passphrase`] is checked when it is made (not empty, at most [`MAX_CHARS`] characters,
//! no NUL character). Its `Debug` output is `Passphrase(…)`, so a passphrase never reaches a
//! log through a `{:?}`. It reaches SQLCipher only as the value of `PRAGMA key` / `KEY`, as a
//! quoted SQL string literal ([`Passphrase::sql_literal`]).

use crate::error::{Error, Result};

/// The longest passphrase accepted, in characters.
pub const MAX_CHARS: usize = 1_024;

/// A passphrase that unlocks (or will protect) the data.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    /// Checks and keeps a passphrase. A validation error on the field `passphrase` when it is
    /// empty, longer than [`MAX_CHARS`] characters or holds a NUL character.
    pub fn new(secret: impl Into<String>) -> Result<Self> {
        let secret = secret.into();
        if secret.is_empty() {
            return Err(Error::invalid("passphrase", "Enter a passphrase."));
        }
        if secret.chars().count() > MAX_CHARS {
            return Err(Error::invalid(
                "passphrase",
                format!("The passphrase is too long: at most {MAX_CHARS} characters."),
            ));
        }
        if secret.contains('\0') {
            return Err(Error::invalid(
                "passphrase",
                "The passphrase cannot contain a NUL character.",
            ));
        }
        Ok(Self(secret))
    }

    /// The passphrase as an SQL string literal (`'…'`, each `'` doubled), for `PRAGMA key`.
    pub(crate) fn sql_literal(&self) -> String {
        format!("'{}'", self.0.replace('\'', "''"))
    }

    /// The passphrase itself, for binding as a parameter (`ATTACH … KEY ?`).
    pub(crate) fn secret(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_and_hides() {
        for bad in ["", "a\0b"] {
            assert!(Passphrase::new(bad).is_err(), "{bad:?}");
        }
        assert!(Passphrase::new("é".repeat(MAX_CHARS)).is_ok());
        assert!(Passphrase::new("é".repeat(MAX_CHARS + 1)).is_err());
        let p = Passphrase::new("it's secret").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(format!("{p:?}"), "Passphrase(…)");
        assert_eq!(p.sql_literal(), "'it''s secret'");
        assert_eq!(p.secret(), "it's secret");
    }
}
