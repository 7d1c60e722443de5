//! Words every format uses the same way.

/// A title, or "(untitled)" when it is blank.
pub fn or_untitled(s: &str) -> &str {
    if s.trim().is_empty() {
        "(untitled)"
    } else {
        s
    }
}

/// A name, or "(no name)" when it is blank.
pub fn or_unnamed(s: &str) -> &str {
    if s.trim().is_empty() {
        "(no name)"
    } else {
        s
    }
}
