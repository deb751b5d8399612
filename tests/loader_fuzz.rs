//! A property test of the design loader: arbitrary bytes and mutated valid designs never panic
//! it, and whatever it accepts is a valid design that saves. 100,000 cases run with `cargo test`;
//! `cargo test --release --test loader_fuzz -- --ignored` runs five million.
//!
//! Cases come from a seeded `SplitMix64`, so a failure names the case number that reproduces it.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

mod common;

use common::asset;
use hairline_studio::design::{parse_design, validate};
use hairline_studio::random::splitmix64;

/// Pieces of JSON that tend to find the loader's edges when spliced into a design.
const TOKENS: &[&str] = &[
    "NaN",
    "-Infinity",
    "1e308",
    "-1e308",
    "1e-320",
    "1e400",
    "-0",
    "0",
    "-1",
    "4294967296",
    "18446744073709551616",
    "null",
    "true",
    "\"\"",
    "[]",
    "{}",
    "[",
    "{",
    "]",
    "}",
    ",",
    ":",
    "\"",
    "\\u0000",
    "\\ud800",
    "\u{FEFF}",
    "\0",
    "\"version\": 99",
    "\"version\": 0",
    "\"format\": \"x\"",
    "\"kind\": \"mystery\"",
    "\"x\": 1e300",
    "{\"x\": 1, \"y\": 2}",
    "\"density_per_cm2\": 1e9",
    "\"length_mm\": 0",
];

struct Random(u64);

impl Random {
    /// The next value of the reference `SplitMix64` sequence.
    fn next(&mut self) -> u64 {
        let value = splitmix64(self.0);
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        value
    }

    /// A value in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }
}

/// Case `case`: every third one arbitrary bytes, the rest the sample design mutated.
fn input(case: u64, valid: &[u8]) -> Vec<u8> {
    let mut random = Random(case.wrapping_mul(0xD1B5_4A32_D192_ED03));
    if case.is_multiple_of(3) {
        let len = random.below(512);
        return (0..len).map(|_| random.next().to_le_bytes()[0]).collect();
    }
    let mut bytes = valid.to_vec();
    for _ in 0..=random.below(4) {
        let at = random.below(bytes.len() + 1);
        match random.below(6) {
            0 => {
                if let Some(byte) = bytes.get_mut(at) {
                    *byte ^= 1 << random.below(8);
                }
            }
            1 => bytes.truncate(at),
            2 => {
                let end = (at + random.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let token = TOKENS[random.below(TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
            4 => {
                // Replace a number (or whatever starts here) with a token.
                let end = (at + random.below(8)).min(bytes.len());
                let token = TOKENS[random.below(TOKENS.len())];
                bytes.splice(at..end, token.bytes());
            }
            _ => {
                // Repeat a stretch, as a confused editor might.
                let end = (at + random.below(256)).min(bytes.len());
                let stretch = bytes[at..end].to_vec();
                bytes.splice(at..at, stretch);
            }
        }
    }
    bytes
}

fn run(cases: u64) {
    let valid = std::fs::read(asset("sample-design.json")).unwrap();
    // Keep the cases' panics quiet; a panic is reported below with its case number.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut accepted = 0_u64;
    let mut failure = None;
    for case in 0..cases {
        let bytes = input(case, &valid);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            parse_design(&bytes, Path::new("fuzz.json")).map(|parsed| {
                assert!(validate(&parsed.design).is_empty(), "an accepted design is valid");
                serde_json::to_vec(&parsed.design).expect("an accepted design serialises");
            })
        }));
        match outcome {
            Ok(Ok(())) => accepted += 1,
            Ok(Err(error)) => assert!(error.to_string().contains("fuzz.json"), "case {case}: {error}"),
            Err(_) => {
                failure = Some((case, bytes));
                break;
            }
        }
    }
    std::panic::set_hook(hook);
    if let Some((case, bytes)) = failure {
        panic!("case {case} panicked the loader on: {}", String::from_utf8_lossy(&bytes));
    }
    eprintln!("{accepted} of {cases} inputs were accepted as designs");
    // The mutations keep some designs intact, so both sides of the loader are exercised.
    assert!(accepted > 0 && accepted < cases, "{accepted} of {cases} accepted");
}

#[test]
fn the_loader_never_panics_on_100_000_hostile_inputs() {
    run(100_000);
}

#[test]
#[ignore = "minutes long: run with --ignored --release"]
fn the_loader_never_panics_on_5_million_hostile_inputs() {
    run(5_000_000);
}
