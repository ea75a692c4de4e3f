//! Element ids in each tool's style, unique within a file by construction.

use crate::rng::mix;

const B36: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const B36_7: u64 = 36u64.pow(7);
/// Odd and not a multiple of 3, hence coprime to 36^7: `k -> k * C + salt (mod 36^7)` is a bijection.
const C: u64 = 2_654_435_761;

/// Seven base-36 characters, distinct for distinct `k < 36^7` under one `salt` (bpmn.io style).
pub fn base36_7(k: u64, salt: u64) -> String {
    let m = u128::from(B36_7);
    let mut v = ((u128::from(k) * u128::from(C) + u128::from(salt)) % m) as u64;
    let mut out = [b'0'; 7];
    for slot in out.iter_mut().rev() {
        *slot = B36[(v % 36) as usize];
        v /= 36;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A UUID-shaped id: the high half is `salt`, the low half a bijection of `k`.
pub fn uuid(salt: u64, k: u64, upper: bool) -> String {
    let hi = salt;
    let lo = mix(k ^ 0x6a09_e667_f3bc_c909);
    let s = format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xfff,
        (lo >> 48) | 0x8000,
        lo & 0xffff_ffff_ffff
    );
    if upper {
        s.to_ascii_uppercase()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn base36_ids_are_distinct() {
        let ids: HashSet<String> = (0..50_000).map(|k| base36_7(k, 12345)).collect();
        assert_eq!(ids.len(), 50_000);
        assert_eq!(base36_7(3, 0).len(), 7);
    }
}
