//! One cell of a table, typed as SQLite stores it, and how it is written in the archive.

use serde::{Serialize, Serializer};

/// A stored value: exactly SQLite's storage classes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    /// A text form that tells values apart (for keys: duplicate ids, foreign keys).
    pub fn key_part(&self) -> String {
        match self {
            Self::Null => "n".to_owned(),
            Self::Integer(i) => format!("i{i}"),
            Self::Real(r) => format!("r{r}"),
            Self::Text(s) => format!("t{s}"),
            Self::Blob(b) => format!("b{}", hex(b)),
        }
    }

    /// The value as a reader sees it in a message: text quoted, bytes in hex.
    pub fn shown(&self) -> String {
        match self {
            Self::Null => "null".to_owned(),
            Self::Integer(i) => i.to_string(),
            Self::Real(r) => r.to_string(),
            Self::Text(s) => quoted(s),
            Self::Blob(b) => hex(b),
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }
}

/// `"text"`, shortened to its first 60 characters.
pub(crate) fn quoted(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() > MAX {
        let head: String = s.chars().take(MAX).collect();
        crate::validate::escaped(&format!("{head}…"))
    } else {
        crate::validate::escaped(s)
    }
}

/// Bytes as lowercase hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bytes from lowercase or uppercase hexadecimal; `None` when it is not hex.
pub(crate) fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    text.as_bytes()
        .chunks(2)
        .map(|pair| {
            let pair = std::str::from_utf8(pair).ok()?;
            u8::from_str_radix(pair, 16).ok()
        })
        .collect()
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Null => serializer.serialize_none(),
            Self::Integer(i) => serializer.serialize_i64(*i),
            Self::Real(r) => serializer.serialize_f64(*r),
            Self::Text(s) => serializer.serialize_str(s),
            Self::Blob(b) => serializer.serialize_str(&hex(b)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_rejects_other_text() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        assert_eq!(from_hex("000fff"), Some(vec![0, 15, 255]));
        assert_eq!(from_hex("000FFF"), Some(vec![0, 15, 255]));
        assert_eq!(from_hex("0"), None);
        assert_eq!(from_hex("zz"), None);
        assert_eq!(from_hex("é1"), None);
    }

    #[test]
    fn long_text_is_shortened_in_messages() {
        assert_eq!(quoted("a\"b"), "\"a\\\"b\"");
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}…\"", "x".repeat(60)));
    }
}
