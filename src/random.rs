//! Deterministic randomness: `SplitMix64` (Steele, Lea and Flood, 2014), written out here so that
//! a design renders identically on every machine and with every future version of any crate.
//! A crate-level module because both the simulation (where dots go, [`crate::follicles`]) and the
//! renderer (how a dot under a pixel is shared out, [`crate::render`]) draw from it.

/// One `SplitMix64` step: a well-mixed 64-bit value from any 64-bit input.
pub fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A hash of several values, each mixed in turn.
pub fn hash(values: &[u64]) -> u64 {
    values.iter().fold(0x1234_5678_9ABC_DEF0, |acc, &v| splitmix64(acc ^ v))
}

/// A uniform value in [0, 1) from a hash.
pub fn unit(hash: u64) -> f64 {
    // The top 53 bits fill an f64's mantissa exactly; through i64, as that converts in one
    // instruction.
    #[expect(clippy::cast_precision_loss, reason = "53 bits convert exactly")]
    let value = (hash >> 11).cast_signed() as f64 / (1u64 << 53) as f64;
    value
}

/// Three uniform values in [0, 1) from one hash: 12 bits, then two of 26 bits. Enough for a
/// dot's session and size, for the price of one hash.
pub fn draws(hash: u64) -> [f64; 3] {
    const SIZE_BITS: u32 = 26;
    let bits = |shift: u32, count: u32| {
        let value = u32::try_from((hash >> shift) & ((1 << count) - 1)).unwrap_or(0);
        f64::from(value) / f64::from(1u32 << count)
    };
    [bits(0, 12), bits(12, SIZE_BITS), bits(12 + SIZE_BITS, SIZE_BITS)]
}

/// A sequence generator for when many values are needed in order.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        unit(splitmix64(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // First outputs of the reference implementation seeded with 0.
        let mut state = 0u64;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            splitmix64(state.wrapping_sub(0x9E37_79B9_7F4A_7C15))
        };
        assert_eq!(next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(next(), 0x6E78_9E6A_A1B9_65F4);
    }
}
