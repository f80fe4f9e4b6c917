//! Random pressing and typing anywhere never panics and never leaves the kiosk.

use egui::{Event, Modifiers, PointerButton, pos2};
use repere_kiosk::testing::harness;

use super::{config, content};

/// A small deterministic generator (no dependency needed for noise).
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn random_input_never_panics_nor_exits() {
    for seed in 1..=3_u64 {
        let mut harness = harness(content(), config());
        let mut noise = Noise(seed);
        for _ in 0..600 {
            let pos = pos2(noise.below(1280) as f32, noise.below(800) as f32);
            match noise.below(10) {
                0 => harness.event(Event::Text("é@1".into())),
                1 => harness.event(Event::Key {
                    key: egui::Key::Escape,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: Modifiers::ALT,
                }),
                2 => harness.event(Event::PointerMoved(pos)),
                _ => {
                    harness.event(Event::PointerMoved(pos));
                    for pressed in [true, false] {
                        harness.event(Event::PointerButton {
                            pos,
                            button: PointerButton::Primary,
                            pressed,
                            modifiers: Modifiers::NONE,
                        });
                    }
                }
            }
            harness.step();
        }
        assert!(!harness.state().exit_allowed(), "seed {seed}: the kiosk must still be running");
    }
}
