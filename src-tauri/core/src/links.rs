//! Which links may leave the app. Evidence may record http, https and mailto links, but only
//! https and mailto ones are handed to the system browser or mail client: plain http can be
//! read or changed on the way, and anything else (`javascript:`, `file:`, custom schemes) could
//! run or open something on this computer.

use crate::error::{Error, Result};
use crate::validate::Checks;

/// The field named in errors about a link to open.
const FIELD: &str = "url";

/// Checks that `url` may be opened outside the app and returns it trimmed: an `https://` link
/// with a host, or a `mailto:` address, on one line without spaces, at most `MAX_URL`
/// characters.
pub fn external_link(url: &str) -> Result<String> {
    // First, everything a stored link must be (one line, no spaces, no control or
    // text-direction characters, not too long, a known scheme); then what opening one needs.
    let mut checks = Checks::new();
    let url = checks.url(FIELD, "The link", url);
    checks.finish()?;
    let refuse = |why: &str| Err(Error::invalid(FIELD, why));
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.rsplit('@').next().unwrap_or_default();
        if host.is_empty() || host.starts_with(':') {
            return refuse("The link has no site after https://; it was not opened.");
        }
        return Ok(url.to_owned());
    }
    if let Some(address) = lower.strip_prefix("mailto:") {
        let address = address.split('?').next().unwrap_or_default();
        if !address.contains('@') {
            return refuse("The mailto: link has no email address; it was not opened.");
        }
        return Ok(url.to_owned());
    }
    if lower.starts_with("http://") {
        return refuse(
            "Only https:// and mailto: links open from Trellis; this http:// link is not secure. \
             Copy it to open it yourself.",
        );
    }
    refuse("Only https:// and mailto: links open from Trellis.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::MAX_URL;

    fn opens(url: &str) -> bool {
        external_link(url).is_ok()
    }

    #[test]
    fn https_and_mailto_open_trimmed() {
        assert_eq!(
            external_link("  https://docs.example.com/design?id=1#x ").ok(),
            Some("https://docs.example.com/design?id=1#x".to_owned())
        );
        assert!(opens("HTTPS://Example.com"));
        assert!(opens("mailto:ada@example.com?subject=Packet"));
    }

    #[test]
    fn everything_else_is_refused_naming_the_url_field() {
        for url in [
            "",
            "http://example.com",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "https://",
            "https:///path",
            "https://user@/x",
            "https://exa mple.com",
            "https://example.com/\u{0}",
            "https://example.com/\u{202E}fdp.exe",
            "mailto:",
            "mailto:nobody",
            "tauri://localhost/",
            "//example.com",
        ] {
            match external_link(url) {
                Err(Error::Validation { fields, .. }) => {
                    assert_eq!(
                        fields.first().map(|f| f.field.as_str()),
                        Some("url"),
                        "{url}"
                    )
                }
                other => panic!("{url:?} should be refused, got {other:?}"),
            }
        }
        assert!(!opens(&format!(
            "https://example.com/{}",
            "a".repeat(MAX_URL)
        )));
    }
}
