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
    if url.chars().any(crate::validate::hides_text) {
        return refuse(
            "The link contains invisible characters (zero-width or direction marks) that can \
             disguise where it leads; it was not opened.",
        );
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://") {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.contains('\\') {
            return refuse("The link has a backslash in its site name; it was not opened.");
        }
        if authority.contains('@') {
            return refuse(
                "The link has a user name before its site (…@), which can disguise where it \
                 leads; it was not opened.",
            );
        }
        if host_of(authority).is_empty() {
            return refuse("The link has no site after https://; it was not opened.");
        }
        // The host as the browser will read it: percent-decoded, mapped to lower-case ASCII
        // (full-width letters and digits, ideographic full stops), numbers in any notation.
        let Ok(parsed) = url::Url::parse(&url) else {
            return refuse(
                "The link's site name is not one a browser can open; it was not opened.",
            );
        };
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return refuse(
                "The link has a user name before its site (…@), which can disguise where it \
                 leads; it was not opened.",
            );
        }
        if parsed.host().is_none_or(is_this_computer) {
            return refuse(
                "The link leads to this computer itself (localhost), not to a site; it was \
                 not opened.",
            );
        }
        return Ok(url.to_owned());
    }
    if let Some(rest) = lower.strip_prefix("mailto:") {
        let (address, query) = rest.split_once('?').unwrap_or((rest, ""));
        if !address.contains('@') {
            return refuse("The mailto: link has no email address; it was not opened.");
        }
        let fields = query.split('&').filter(|f| !f.is_empty());
        if let Some(field) = fields
            .map(|f| f.split('=').next().unwrap_or_default())
            .find(|name| !["subject", "body"].contains(name))
        {
            return refuse(&format!(
                "The mailto: link sets {}, which a link may not (only a subject and a body); \
                 it was not opened.",
                crate::validate::escaped(field)
            ));
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

/// The host of an authority (`host`, `host:port`, `[v6]:port`), lower case.
fn host_of(authority: &str) -> &str {
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().unwrap_or_default();
    }
    authority.split(':').next().unwrap_or_default()
}

/// Whether a parsed host names this computer: `localhost` (and its subdomains), an IPv4
/// loopback or unspecified address, IPv6 `::1` or `::`, or an IPv4 one written as IPv6.
fn is_this_computer(host: url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => {
            let d = d.trim_end_matches('.');
            d == "localhost" || d.ends_with(".localhost")
        }
        url::Host::Ipv4(ip) => ip.is_loopback() || ip.is_unspecified(),
        url::Host::Ipv6(ip) => {
            let ip = std::net::IpAddr::V6(ip).to_canonical();
            ip.is_loopback() || ip.is_unspecified()
        }
    }
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
        assert!(opens(
            "mailto:ada@example.com?subject=Packet&body=See%20the%20doc"
        ));
        assert!(opens("https://docs.example.com:8443/x?a=b@c"));
        assert!(opens("https://10.0.0.7/wiki"));
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
            "https://docs.example.com@evil.example",
            "https://docs.example.com:pw@evil.example/x",
            "https://evil.example\\@docs.example.com/",
            "https://evil.example\\docs.example.com",
            "https://docs.exa\u{200B}mple.com/",
            "https://docs.example.com/\u{200E}x",
            "https://docs.example.com/\u{FEFF}",
            "mailto:ada@example.com?attach=/etc/passwd",
            "mailto:ada@example.com?subject=Hi&cc=eve@example.com",
            "mailto:ada@example.com?bcc=eve@example.com",
            "https://localhost/",
            "https://LOCALHOST:8443/admin",
            "https://app.localhost/",
            "https://127.0.0.1/",
            "https://127.1/",
            "https://2130706433/",
            "https://[::1]/",
            "https://0.0.0.0/",
            "https://%6c%6fcalhost/",
            "https://\u{FF4C}\u{FF4F}\u{FF43}\u{FF41}\u{FF4C}\u{FF48}\u{FF4F}\u{FF53}\u{FF54}/",
            "https://127\u{3002}0\u{3002}0\u{3002}1/",
            "https://\u{FF11}\u{FF12}\u{FF17}.0.0.1/",
            "https://[::ffff:127.0.0.1]/",
            "https://localhost./",
            "https://0x7f.1/",
            "https://%40evil.example@docs.example.com/",
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
