//! The window shows the app and nothing else: any navigation away from the app's own pages
//! (a link, a redirect, `window.location`) is refused.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

/// How the platform serves the embedded app to its web view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Linux and macOS: `tauri://localhost`.
    CustomScheme,
    /// Windows and Android: `http://tauri.localhost` (no `useHttpsScheme` in the config).
    HttpHost,
}

impl Origin {
    /// The origin of the platform this build runs on.
    pub const CURRENT: Origin = if cfg!(any(windows, target_os = "android")) {
        Origin::HttpHost
    } else {
        Origin::CustomScheme
    };
}

/// Whether the window may navigate to `url`: the embedded app at this platform's origin only
/// and, in a development build, the Vite dev server.
pub fn allowed(url: &Url) -> bool {
    allowed_on(url, Origin::CURRENT)
}

/// [`allowed`] for a platform whose app is served at `origin`.
pub fn allowed_on(url: &Url, origin: Origin) -> bool {
    let host = url.host_str().unwrap_or_default();
    let bare = url.username().is_empty() && url.password().is_none() && url.port().is_none();
    match (url.scheme(), origin) {
        ("tauri", Origin::CustomScheme) => host == "localhost" && bare,
        ("http", Origin::HttpHost) => host == "tauri.localhost" && bare,
        ("http", _) => cfg!(dev) && host == "localhost" && url.port() == Some(5173),
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
        for (ok, origin) in [
            ("tauri://localhost/", Origin::CustomScheme),
            (
                "tauri://localhost/index.html#/reports/1",
                Origin::CustomScheme,
            ),
            ("http://tauri.localhost/", Origin::HttpHost),
            ("http://tauri.localhost/#/cycles", Origin::HttpHost),
        ] {
            assert!(
                allowed_on(&url(ok), origin),
                "{ok} should be allowed on {origin:?}"
            );
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
            "tauri://user@localhost/",
            "tauri://localhost:8080/",
            "http://user@tauri.localhost/",
            "about:blank",
        ] {
            for origin in [Origin::CustomScheme, Origin::HttpHost] {
                assert!(
                    !allowed_on(&url(refused), origin),
                    "{refused} should be refused on {origin:?}"
                );
            }
        }
    }

    #[test]
    fn each_platform_allows_only_its_own_origin() {
        // The other platform's origin is refused: on Linux nothing is served at
        // http://tauri.localhost, so a page there is not the app.
        assert!(!allowed_on(
            &url("http://tauri.localhost/"),
            Origin::CustomScheme
        ));
        assert!(!allowed_on(
            &url("https://tauri.localhost/"),
            Origin::CustomScheme
        ));
        assert!(!allowed_on(&url("tauri://localhost/"), Origin::HttpHost));
        assert!(!allowed_on(
            &url("https://tauri.localhost/"),
            Origin::HttpHost
        ));
        #[cfg(target_os = "linux")]
        assert_eq!(Origin::CURRENT, Origin::CustomScheme);
    }
}
