//! The window shows the app and nothing else: any navigation away from the app's own pages
//! (a link, a redirect, `window.location`) is refused.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

/// Whether the window may navigate to `url`: the embedded app (`tauri://localhost`, or
/// `http(s)://tauri.localhost` where the platform serves it that way) and, in a development
/// build, the Vite dev server.
pub fn allowed(url: &Url) -> bool {
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "tauri" => host == "localhost",
        "http" | "https" if host == "tauri.localhost" => true,
        "http" => cfg!(dev) && host == "localhost" && url.port() == Some(5173),
        _ => false,
    }
}

/// A plugin that refuses every navigation [`allowed`] does not permit.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|_, url| {
            let ok = allowed(url);
            if !ok {
                eprintln!("trellis: refused to navigate to {url}");
            }
            ok
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn only_the_app_itself_may_be_shown() {
        for ok in [
            "tauri://localhost/",
            "tauri://localhost/index.html#/reports/1",
            "http://tauri.localhost/",
            "https://tauri.localhost/#/cycles",
        ] {
            assert!(allowed(&url(ok)), "{ok} should be allowed");
        }
        for refused in [
            "https://example.com/",
            "http://example.com/",
            "https://tauri.localhost.evil.com/",
            "http://localhost:8080/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "mailto:someone@example.com",
            "tauri://evil/",
            "about:blank",
        ] {
            assert!(!allowed(&url(refused)), "{refused} should be refused");
        }
    }
}
