//! Repère's engine: content loading and validation, the visit's state machine, scoring and
//! the result, with no user interface. The kiosk app and `kiosk simulate` both call it, and
//! other software can link it.
//!
//! ```
//! use repere_engine::{content::Content, profile::VisitorProfile, result::simulate};
//!
//! let content = Content::builtin().expect("the built-in content is valid");
//! let profile = VisitorProfile::from_json(r#"{"language": "fr", "domains": {"mouse": 0.2}}"#, &[])?;
//! let result = simulate(&profile, &content.scoring);
//! assert!(result.level.rank <= 2);
//! # Ok::<(), String>(())
//! ```

pub mod config;
pub mod content;
pub mod orientation;
pub mod places;
pub mod problem;
pub mod profile;
pub mod result;
pub mod room;
pub mod scoring;
pub mod session;
pub mod slip;
pub mod statistics;
pub mod vocabulary;

pub use content::REFERENCE_LANGUAGE;
