//! The one error type every core operation and every command returns.
//!
//! It crosses IPC as `{kind, message}` (plus `fields` for validation), which the UI shows
//! next to the offending field or in a notice.

use serde::Serialize;
use specta::Type;

/// A problem with one field of the input. `field` is the input's field as the UI names it
/// (camelCase); `message` is a whole sentence that names the field for a human.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct FieldIssue {
    pub field: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error, Serialize, Type)]
// Named TrellisError in TypeScript so that it does not shadow the global `Error`.
#[serde(tag = "kind", rename_all = "snake_case", rename = "TrellisError")]
pub enum Error {
    /// The input was rejected; nothing was written. `fields` names every offending field.
    #[error("{message}")]
    Validation {
        message: String,
        fields: Vec<FieldIssue>,
    },
    /// The record asked for does not exist (or no longer does).
    #[error("{message}")]
    NotFound { message: String },
    /// The request is well-formed but clashes with the stored state (stale edit, record in use).
    #[error("{message}")]
    Conflict { message: String },
    /// The database could not be read or written.
    #[error("{message}")]
    Storage { message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A validation error about a single field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::from_issues(vec![FieldIssue {
            field: field.to_owned(),
            message: message.into(),
        }])
    }

    /// A validation error from a non-empty list of field issues; the summary quotes the first.
    pub fn from_issues(fields: Vec<FieldIssue>) -> Self {
        let message = match fields.as_slice() {
            [] => "The input was rejected.".to_owned(),
            [only] => only.message.clone(),
            [first, rest @ ..] => format!(
                "{} (And {} more problem{}.)",
                first.message,
                rest.len(),
                if rest.len() == 1 { "" } else { "s" }
            ),
        };
        Self::Validation { message, fields }
    }

    pub fn not_found(what: &str, id: &str) -> Self {
        // Ids come from the caller: a long one is shown by its start only.
        const SHOWN: usize = 64;
        let id: String = if id.chars().count() > SHOWN {
            id.chars().take(SHOWN).chain(['…']).collect()
        } else {
            id.to_owned()
        };
        Self::NotFound {
            message: format!("No {what} with id {id}; it may have been removed."),
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::Conflict {
            message: message.into(),
        }
    }

    /// The field issues of a validation error (empty for other kinds).
    pub fn field_issues(&self) -> &[FieldIssue] {
        match self {
            Self::Validation { fields, .. } => fields,
            _ => &[],
        }
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Self::Storage {
            message: format!("The database could not complete the request: {e}"),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for Error {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        Self::Storage {
            message: format!("The database schema could not be brought up to date: {e}"),
        }
    }
}
