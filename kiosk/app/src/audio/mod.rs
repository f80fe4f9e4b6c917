//! Speech: the recorded prompts of `sounds/<lang>/`, and text that changes per visitor spoken
//! at run time by espeak-ng ([`live_voice`]), played through rodio. Without an audio device
//! the kiosk runs on captions only; without espeak-ng or a voice, the changing text is
//! captioned only. Both are logged, never shown to the visitor.

pub mod live_voice;

use std::collections::BTreeSet;
use std::io::Cursor;

use self::live_voice::{PendingSpeech, Voice};

/// Default volume (0–1), restored for each visitor.
pub const DEFAULT_VOLUME: f32 = 0.8;

/// The audio output, if one could be opened.
pub struct Speaker {
    device: Option<rodio::MixerDeviceSink>,
    player: Option<rodio::Player>,
    volume: f32,
    /// Changing text being rendered, to play after the prompts.
    pending: Option<PendingSpeech>,
    /// Voices whose run-time speech failed once (logged once, then captions only for them).
    failed_voices: BTreeSet<Voice>,
}

impl Speaker {
    /// Opens the default audio device; captions only when there is none.
    pub fn open() -> Self {
        match rodio::DeviceSinkBuilder::open_default_sink() {
            Ok(mut device) => {
                device.log_on_drop(false);
                Self { device: Some(device), ..Self::silent() }
            }
            Err(err) => {
                log::warn!("no audio output ({err}): captions only");
                Self::silent()
            }
        }
    }

    /// No audio output (tests, replay, machines without sound).
    pub fn silent() -> Self {
        Self {
            device: None,
            player: None,
            volume: DEFAULT_VOLUME,
            pending: None,
            failed_voices: BTreeSet::new(),
        }
    }

    /// True when sound can be played.
    pub fn is_available(&self) -> bool {
        self.device.is_some()
    }

    /// Plays `prompts` one after the other, interrupting whatever was playing.
    pub fn say(&mut self, prompts: &[&[u8]]) {
        self.stop();
        let Some(device) = &self.device else {
            return;
        };
        // A fresh player per utterance: dropping the old one stops it without waiting.
        let player = rodio::Player::connect_new(device.mixer());
        player.set_volume(self.volume);
        for bytes in prompts {
            match rodio::Decoder::try_from(Cursor::new(bytes.to_vec())) {
                Ok(source) => player.append(source),
                Err(err) => log::warn!("a prompt could not be decoded ({err}): caption only"),
            }
        }
        self.player = Some(player);
    }

    /// Plays `prompts`, then `text` spoken by espeak-ng with `voice` once rendered (the
    /// screen goes on meanwhile: [`Self::poll`] appends it). No voice: the prompts only.
    pub fn say_then_speak(&mut self, prompts: &[&[u8]], voice: Option<&Voice>, text: &str) {
        self.say(prompts);
        if self.device.is_none() || text.trim().is_empty() {
            return;
        }
        if let Some(voice) = voice.filter(|v| !self.failed_voices.contains(*v)) {
            self.pending = Some(PendingSpeech::start(voice, text));
        }
    }

    /// True while something is being said or is still to be said (run-time speech being
    /// rendered included).
    pub fn is_speaking(&self) -> bool {
        self.pending.is_some() || self.player.as_ref().is_some_and(|player| !player.empty())
    }

    /// True while run-time speech is being rendered (the app keeps repainting to play it).
    pub fn is_rendering(&self) -> bool {
        self.pending.is_some()
    }

    /// Plays the run-time speech once it is rendered.
    pub fn poll(&mut self) {
        let Some(outcome) = self.pending.as_ref().and_then(PendingSpeech::poll) else {
            return;
        };
        let Some(voice) = self.pending.take().map(|pending| pending.voice().clone()) else {
            return;
        };
        let decoded =
            outcome.and_then(|wav| rodio::Decoder::try_from(Cursor::new(wav)).map_err(|err| err.to_string()));
        match (decoded, &self.device) {
            (Ok(source), Some(device)) => {
                let player = self.player.get_or_insert_with(|| rodio::Player::connect_new(device.mixer()));
                player.set_volume(self.volume);
                player.append(source);
            }
            (Ok(_), None) => {}
            (Err(why), _) => {
                log::warn!(
                    "run-time speech unavailable ({why}): captions only for changing text in this voice"
                );
                self.failed_voices.insert(voice);
            }
        }
    }

    /// Stops speaking, including what was still being rendered.
    pub fn stop(&mut self) {
        self.pending = None;
        if let Some(player) = self.player.take() {
            player.stop();
        }
    }

    /// Volume, 0–1.
    pub fn volume(&self) -> f32 {
        self.volume
    }

    /// Sets the volume (0–1), also for what is playing.
    pub fn set_volume(&mut self, volume: f32) {
        self.volume = volume.clamp(0.0, 1.0);
        if let Some(player) = &self.player {
            player.set_volume(self.volume);
        }
    }
}
