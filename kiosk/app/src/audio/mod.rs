//! Speech: the recorded prompts of `sounds/<lang>/`, played through rodio. Without an audio
//! device the kiosk runs on captions only; that is logged once, never shown to the visitor.

use std::io::Cursor;

/// Default volume (0–1), restored for each visitor.
pub const DEFAULT_VOLUME: f32 = 0.8;

/// The audio output, if one could be opened.
pub struct Speaker {
    device: Option<rodio::MixerDeviceSink>,
    player: Option<rodio::Player>,
    volume: f32,
}

impl Speaker {
    /// Opens the default audio device; captions only when there is none.
    pub fn open() -> Self {
        match rodio::DeviceSinkBuilder::open_default_sink() {
            Ok(mut device) => {
                device.log_on_drop(false);
                Self { device: Some(device), player: None, volume: DEFAULT_VOLUME }
            }
            Err(err) => {
                log::warn!("no audio output ({err}): captions only");
                Self::silent()
            }
        }
    }

    /// No audio output (tests, replay, machines without sound).
    pub fn silent() -> Self {
        Self { device: None, player: None, volume: DEFAULT_VOLUME }
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

    /// Stops speaking.
    pub fn stop(&mut self) {
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
