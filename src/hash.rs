//! FNV-1a 64: the one cheap, stable hash of the core. It names articles by content (links,
//! duplicate checks), checks saved corpus bytes and hashes shingles for near-duplicates.
//! Stable across builds and platforms, which std's hashers do not promise; not a defence
//! against anyone crafting collisions.

pub const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub const PRIME: u64 = 0x0100_0000_01b3;

/// Continues hash `h` over `bytes` (start from [`OFFSET`]), so parts hash as one string.
pub fn fnv1a_from(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(OFFSET, bytes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn matches_the_published_test_vectors() {
        assert_eq!(super::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(super::fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(
            super::fnv1a_from(super::fnv1a(b"foo"), b"bar"),
            super::fnv1a(b"foobar")
        );
    }
}
