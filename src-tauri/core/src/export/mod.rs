//! Calibration notes export: the document ([`notes`]), built from the record ([`build`]),
//! rendered as Markdown, self-contained HTML or PDF, and written atomically ([`write`]).

pub mod build;
pub mod html;
pub(crate) mod labels;
pub mod markdown;
pub mod notes;
pub mod pdf;
pub mod rich;
mod wording;
pub mod write;

use serde::{Deserialize, Serialize};
use specta::Type;

pub use build::ExportOptions;
pub use notes::{Brief, CalibrationNotes};

use crate::error::Result;
use crate::ids::{CycleId, ReportId};

/// What to export: one report's notes, or every candidate of a cycle.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExportScope {
    #[serde(rename_all = "camelCase")]
    Report { report_id: ReportId },
    #[serde(rename_all = "camelCase")]
    Cycle { cycle_id: CycleId },
}

/// A file name (without extension) for notes: "calibration-notes-spring-calibration-2026-11-24".
pub fn file_stem(notes: &CalibrationNotes) -> String {
    let mut slug = String::new();
    for c in notes.title.chars().flat_map(char::to_lowercase) {
        if c == '\'' || c == '’' {
            // "Manager's" is one word: "managers".
            continue;
        }
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(80).collect();
    format!("{}-{}", slug.trim_end_matches('-'), notes.generated_on)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Markdown,
    Html,
    Pdf,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [Self::Markdown, Self::Html, Self::Pdf];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Pdf => "pdf",
        }
    }

    /// The name shown in a save dialog's filter.
    pub fn label(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown",
            Self::Html => "HTML",
            Self::Pdf => "PDF",
        }
    }

    /// The notes in this format, as the bytes of a file.
    pub fn render(self, notes: &CalibrationNotes) -> Result<Vec<u8>> {
        Ok(match self {
            Self::Markdown => markdown::render(notes).into_bytes(),
            Self::Html => html::render(notes).into_bytes(),
            Self::Pdf => pdf::render(notes)?,
        })
    }
}
