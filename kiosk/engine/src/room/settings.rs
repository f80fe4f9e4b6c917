//! The `[room]` table of the deployment config.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::problem::{Problem, line_of};

/// Where the facilitator's kiosk listens when nothing says otherwise.
pub const DEFAULT_LISTEN: &str = "0.0.0.0:7878";

/// The room settings: the facilitator's side (`listen`, `export_folder`) and the learner's
/// (`join`, `code`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomSettings {
    /// Address the facilitator's kiosk listens on (`kiosk room`).
    pub listen: String,
    /// Folder where the facilitator's exports (PDF, CSV) go; `None`: exports are off.
    pub export_folder: Option<PathBuf>,
    /// A learner kiosk: the facilitator's kiosk, `http://host:port`.
    pub join: Option<String>,
    /// A learner kiosk: the room code, when the deployer fixes it in the config (otherwise it
    /// is typed on the attract screen).
    pub code: Option<String>,
}

impl Default for RoomSettings {
    fn default() -> Self {
        Self { listen: DEFAULT_LISTEN.to_owned(), export_folder: None, join: None, code: None }
    }
}

impl RoomSettings {
    /// The learner side's `host:port`, when `join` is set.
    pub fn join_address(&self) -> Option<&str> {
        self.join.as_deref().map(|join| join.strip_prefix("http://").unwrap_or(join).trim_end_matches('/'))
    }
}

/// `[room]` as written in the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RoomFile {
    listen: Option<toml::Spanned<String>>,
    export_folder: Option<PathBuf>,
    join: Option<toml::Spanned<String>>,
    code: Option<toml::Spanned<String>>,
}

impl RoomSettings {
    /// The settings of a `[room]` table; relative paths are relative to `base`, the config
    /// file's folder.
    pub(crate) fn from_file(
        file: RoomFile,
        (path, text, base): (&str, &str, &Path),
        problems: &mut Vec<Problem>,
    ) -> Self {
        let mut settings = Self::default();
        let at = |span: std::ops::Range<usize>| Some(line_of(text, span.start));
        if let Some(listen) = file.listen {
            if listen.get_ref().parse::<std::net::SocketAddr>().is_err() {
                problems.push(Problem::at(
                    path,
                    at(listen.span()),
                    "room.listen is not an address and port like 0.0.0.0:7878",
                ));
            }
            settings.listen = listen.into_inner();
        }
        settings.export_folder = file.export_folder.map(|p| base.join(p));
        if let Some(join) = file.join {
            let address = join.get_ref().strip_prefix("http://").unwrap_or_default().trim_end_matches('/');
            let (host, port) = address.rsplit_once(':').unwrap_or_default();
            if host.is_empty() || port.parse::<u16>().is_err() || address.contains('/') {
                problems.push(Problem::at(
                    path,
                    at(join.span()),
                    "room.join is not the facilitator's address like http://192.168.1.10:7878",
                ));
            }
            settings.join = Some(join.into_inner());
        }
        if let Some(code) = file.code {
            if !super::is_room_code(code.get_ref()) {
                problems.push(Problem::at(path, at(code.span()), "room.code is not six digits"));
            }
            settings.code = Some(code.into_inner());
        }
        if settings.code.is_some() && settings.join.is_none() {
            problems.push(Problem::file(path, "room.code is set but room.join is not"));
        }
        settings
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    #[test]
    fn rooms_are_off_unless_the_config_says_so() {
        let config = Config::default();
        assert_eq!(config.room.join, None, "no room in the demo");
        assert_eq!(config.room.export_folder, None, "no exports in the demo");
        assert_eq!(config.room.listen, super::DEFAULT_LISTEN, "default port");
    }

    #[test]
    fn a_learner_kiosk_joins_a_facilitator() {
        let text = "[room]\njoin = \"http://192.168.1.10:7878\"\ncode = \"482913\"\n";
        let config = Config::parse("/etc/repere/kiosk.toml", text).unwrap();
        assert_eq!(config.room.join_address(), Some("192.168.1.10:7878"));
        assert_eq!(config.room.code.as_deref(), Some("482913"));
    }

    #[test]
    fn the_export_folder_is_relative_to_the_config() {
        let config =
            Config::parse("/etc/repere/kiosk.toml", "[room]\nexport_folder = \"exports\"\n").unwrap();
        assert_eq!(config.room.export_folder, Some(std::path::PathBuf::from("/etc/repere/exports")));
    }

    #[test]
    fn bad_room_settings_are_located() {
        let text =
            "site_name = \"x\"\n[room]\nlisten = \"everywhere\"\njoin = \"https://host\"\ncode = \"12ab\"\n";
        let problems = Config::parse("k.toml", text).unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(shown.iter().any(|p| p.starts_with("k.toml:3: room.listen")), "{shown:?}");
        assert!(shown.iter().any(|p| p.starts_with("k.toml:4: room.join")), "{shown:?}");
        assert!(shown.iter().any(|p| p.starts_with("k.toml:5: room.code")), "{shown:?}");
    }

    #[test]
    fn a_code_without_a_facilitator_is_a_problem() {
        let problems = Config::parse("k.toml", "[room]\ncode = \"123456\"\n").unwrap_err();
        assert!(problems.iter().any(|p| p.to_string().contains("room.join is not")), "{problems:?}");
    }
}
