//! What can go wrong with a scripted history: a fixture that cannot be read or parsed (named
//! by file and line), a step the store refused, or a step whose store API does not exist yet.

use std::path::{Path, PathBuf};

/// Where in a fixture: the file and the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub line: usize,
}

impl Place {
    pub fn new(file: &Path, line: usize) -> Self {
        Self {
            file: file.to_owned(),
            line,
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The folder or a file could not be read.
    #[error("{path}: {message}")]
    Read { path: PathBuf, message: String },
    /// The fixture is not well-formed.
    #[error("{place}: {message}")]
    Syntax { place: Place, message: String },
    /// The store refused a step (or a name the step uses is unknown).
    #[error("{place}: {step}: {message}")]
    Step {
        place: Place,
        step: String,
        message: String,
    },
    /// The step needs a store API that does not exist yet.
    /// The store itself failed outside any step (opening a temporary data directory…).
    #[error("{message}")]
    Store { message: String },
}

impl CorpusError {
    pub fn syntax(place: &Place, message: impl Into<String>) -> Self {
        Self::Syntax {
            place: place.clone(),
            message: message.into(),
        }
    }
}

pub type CorpusResult<T> = Result<T, CorpusError>;
