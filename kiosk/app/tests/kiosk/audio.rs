//! The kiosk's own audio output (rodio on ALSA) plays a real prompt: ALSA's `file` PCM writes
//! what is played into a WAV file, whose sound must last as long as the prompt's. ALSA reads
//! its configuration once per process, so the playing runs in a child process (this test
//! binary again, running only [`child_plays_a_prompt`]) with its own `ALSA_CONFIG_PATH`.

use std::io::Cursor;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use repere_kiosk::audio::{DEFAULT_VOLUME, Speaker};
use rodio::Source;

use super::{content, temp_dir};

/// The prompt played: language and key.
const PROMPT: (&str, &str) = ("fr", "welcome.say");
/// Set in the child: the prompt to play.
const CHILD: &str = "REPERE_TEST_PLAY_PROMPT";

#[test]
fn a_prompt_plays_through_alsa_into_a_wav_file() {
    let dir = temp_dir("alsa");
    let played = dir.join("played.wav");
    let config = dir.join("asound.conf");
    // Everything played is converted to 16-bit integers (ALSA's WAV writer labels 32-bit
    // floats as integers), written to the file, then dropped by a sink that plays faster than
    // real time.
    let file = format!(
        "{{ type file; slave.pcm {{ type null }}; file {:?}; format \"wav\" }}",
        played.display().to_string()
    );
    std::fs::write(&config, format!("pcm.!default {{ type plug; slave {{ pcm {file}; format S16_LE }} }}\n"))
        .unwrap();
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["audio::child_plays_a_prompt", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env("ALSA_CONFIG_PATH", &config)
        .env(CHILD, format!("{}/{}", PROMPT.0, PROMPT.1))
        .output()
        .unwrap();
    let log =
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "the child could not play the prompt through ALSA:\n{log}");
    assert!(log.contains("1 passed"), "the child ran the playing test:\n{log}");

    let content = content();
    let prompt = content.sounds.prompt(PROMPT.0, PROMPT.1).unwrap();
    let decoded = rodio::Decoder::try_from(Cursor::new(prompt.to_vec())).unwrap();
    let (rate, channels) = (decoded.sample_rate().get(), decoded.channels().get());
    let samples: Vec<f32> = decoded.step_by(usize::from(channels)).collect();
    let (expected, prompt_peak) = audible(&samples, rate);

    let (rate, samples) = read_wav(&played);
    let (heard, played_peak) = audible(&samples, rate);
    assert!(expected > 3.0, "a real prompt: {expected} s");
    assert!(
        (heard - expected).abs() < 0.1,
        "{heard} s of sound written by ALSA for a prompt of {expected} s"
    );
    // At the visitor's starting volume.
    let volume = played_peak / prompt_peak;
    assert!((volume - DEFAULT_VOLUME).abs() < 0.05, "played at {volume} of the prompt's level");
}

/// Run by [`a_prompt_plays_through_alsa_into_a_wav_file`] only, in its own process.
#[test]
#[ignore = "run in a child process by a_prompt_plays_through_alsa_into_a_wav_file"]
fn child_plays_a_prompt() {
    let prompt = std::env::var(CHILD).expect("run by a_prompt_plays_through_alsa_into_a_wav_file");
    let (language, key) = prompt.split_once('/').unwrap();
    let content = content();
    let bytes = content.sounds.prompt(language, key).unwrap();
    let mut speaker = Speaker::open();
    assert!(speaker.is_available(), "no audio output opened through ALSA");
    speaker.say(&[bytes]);
    let started = Instant::now();
    while speaker.is_speaking() {
        assert!(started.elapsed() < Duration::from_secs(30), "the prompt never ended");
        std::thread::sleep(Duration::from_millis(10));
    }
    // Speech is cut at once (the visitor acted), here said at volume 0 so that the file keeps
    // only the prompt above.
    speaker.set_volume(0.0);
    speaker.say(&[bytes, bytes]);
    assert!(speaker.is_speaking(), "a prompt is playing");
    speaker.stop();
    assert!(!speaker.is_speaking(), "stopped at once");
    // Dropping the output closes the PCM: ALSA writes the WAV header's sizes.
    drop(speaker);
}

/// Seconds from the first to the last sample louder than a fiftieth of the loudest, and the
/// loudest.
fn audible(samples: &[f32], rate: u32) -> (f32, f32) {
    let peak = samples.iter().fold(0.0_f32, |m, s| m.max(s.abs()));
    assert!(peak > 0.0, "silence");
    let loud = |s: &&f32| s.abs() > peak / 50.0;
    let first = samples.iter().position(|s| loud(&s)).unwrap();
    let last = samples.iter().rposition(|s| loud(&s)).unwrap();
    ((last - first) as f32 / rate as f32, peak)
}

/// The first channel of a 16-bit PCM WAV file, and its rate.
fn read_wav(path: &Path) -> (u32, Vec<f32>) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[0..4], b"RIFF", "a WAV file");
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    let (mut format, mut channels, mut rate, mut bits) = (0, 0, 0, 0);
    let mut at = 12;
    while at + 8 <= bytes.len() {
        let (id, size) = (&bytes[at..at + 4], u32_at(at + 4) as usize);
        if id == b"fmt " {
            (format, channels, rate, bits) =
                (u16_at(at + 8), u16_at(at + 10), u32_at(at + 12), u16_at(at + 22));
        } else if id == b"data" {
            let data = &bytes[at + 8..(at + 8 + size).min(bytes.len())];
            assert_eq!((format, bits), (1, 16), "16-bit PCM, as the ALSA configuration asks");
            let frame = usize::from(channels) * 2;
            let samples = data
                .chunks_exact(frame)
                .map(|f| f32::from(i16::from_le_bytes([f[0], f[1]])) / 32768.0)
                .collect();
            return (rate, samples);
        }
        at += 8 + size + size % 2;
    }
    panic!("no data in {}", path.display());
}
