//! The command line of the desktop app: `trellis [--data-dir PATH] [--demo]`.

use std::ffi::OsString;
use std::path::PathBuf;

pub const USAGE: &str = "\
Trellis — no promotion-packet surprise at calibration.

Usage: trellis [--data-dir PATH] [--demo]

Options:
  --data-dir PATH  Keep the data in PATH (overrides TRELLIS_DATA_DIR and the default).
  --demo           Open the demo data directory, filled with a small example team the
                   first time. With --data-dir, fills that directory instead if it is empty.
  -h, --help       Show this help.
  -V, --version    Show the version.

Without options the data lives in the OS data directory for the app
(on Linux: ~/.local/share/org.trellis.desktop), or in $TRELLIS_DATA_DIR when set.";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaunchOptions {
    pub data_dir: Option<PathBuf>,
    pub demo: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Launch {
    Run(LaunchOptions),
    Help,
    Version,
}

/// Reads the arguments. Arguments the app does not know are returned in the second slot
/// (WebKit's WebDriver adds its own, e.g. `--automation`) so the caller can warn about them.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<(Launch, Vec<OsString>), String> {
    let mut options = LaunchOptions::default();
    let mut unknown = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok((Launch::Help, unknown)),
            Some("-V" | "--version") => return Ok((Launch::Version, unknown)),
            Some("--demo") => options.demo = true,
            Some("--data-dir") => match args.next() {
                Some(path) if !path.is_empty() => options.data_dir = Some(PathBuf::from(path)),
                _ => return Err("--data-dir needs a path, e.g. --data-dir ~/trellis-data".into()),
            },
            Some(s) if s.starts_with("--data-dir=") => {
                let path = &s["--data-dir=".len()..];
                if path.is_empty() {
                    return Err("--data-dir needs a path, e.g. --data-dir=~/trellis-data".into());
                }
                options.data_dir = Some(PathBuf::from(path));
            }
            _ => unknown.push(arg),
        }
    }
    Ok((Launch::Run(options), unknown))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<(Launch, Vec<OsString>), String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn reads_data_dir_and_demo_in_both_spellings() {
        let expected = LaunchOptions {
            data_dir: Some(PathBuf::from("/tmp/t")),
            demo: true,
        };
        assert_eq!(
            run(&["--demo", "--data-dir", "/tmp/t"]),
            Ok((Launch::Run(expected.clone()), vec![]))
        );
        assert_eq!(
            run(&["--data-dir=/tmp/t", "--demo"]),
            Ok((Launch::Run(expected), vec![]))
        );
    }

    #[test]
    fn a_missing_path_is_an_error_and_unknown_arguments_are_set_aside() {
        assert!(run(&["--data-dir"]).is_err());
        assert!(run(&["--data-dir="]).is_err());
        assert_eq!(
            run(&["--automation"]),
            Ok((
                Launch::Run(LaunchOptions::default()),
                vec![OsString::from("--automation")]
            ))
        );
        assert_eq!(run(&["--help", "--bogus"]).map(|r| r.0), Ok(Launch::Help));
    }
}
