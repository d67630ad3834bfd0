//! A blocked Bloom filter of the dictionary's keys, so that the typo walk
//! can drop most of the keys it would look up (nearly all are missing)
//! with one hash and one read, instead of a search of the sorted keys.
//!
//! A key's hash is built a byte at a time ([`step`]), so the walk carries
//! its path's hash down the trie and only hashes the rest of a candidate.
//! Each key sets three bits of one 64-bit word: one cache line per test.

/// The hash of the empty path.
pub const SEED: u64 = 0;

/// The hash of a path extended by byte `b`: FxHash's step, a byte at a
/// time, so that it can go on from any prefix.
#[inline(always)]
pub fn step(h: u64, b: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Keys per 64-bit word: about 3% false positives with three bits a key.
const KEYS_PER_WORD: usize = 8;

/// Three bits of one word per key; an empty one holds everything.
#[derive(Default)]
pub struct KeyFilter {
    words: Vec<u64>,
}

impl KeyFilter {
    /// The filter of `keys`, `count` of them.
    #[inline(never)]
    pub fn of_keys<'k>(count: usize, keys: impl Iterator<Item = &'k [u8]>) -> KeyFilter {
        let mut f = KeyFilter {
            words: vec![0; count / KEYS_PER_WORD + 1],
        };
        for key in keys {
            let (w, bits) = f.slot(SEED, key);
            if let Some(word) = f.words.get_mut(w) {
                *word |= bits;
            }
        }
        f
    }

    /// The word and bits of the key hashed as `path` then `rest`. The
    /// product's high bits are the well mixed ones.
    #[inline(always)]
    fn slot(&self, path: u64, rest: &[u8]) -> (usize, u64) {
        let h = rest.iter().fold(path, |h, &b| step(h, b));
        // Multiply-shift maps the high half onto the words without a division.
        let w = ((h >> 32) * self.words.len() as u64) >> 32;
        let bits = (1 << ((h >> 14) & 63)) | (1 << ((h >> 20) & 63)) | (1 << ((h >> 26) & 63));
        (w as usize, bits)
    }

    /// False when no key is the path hashed as `path` followed by `rest`;
    /// true when one may be. Out of line, but with the hash inlined: a
    /// pair returned goes through memory in WebAssembly.
    #[inline(never)]
    pub fn may_hold(&self, path: u64, rest: &[u8]) -> bool {
        let (w, bits) = self.slot(path, rest);
        self.words.get(w).is_none_or(|&word| word & bits == bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_key_added_and_drops_most_others() {
        let keys: Vec<String> = (0..5000).map(|i| format!("k{i}x")).collect();
        let f = KeyFilter::of_keys(keys.len(), keys.iter().map(|k| k.as_bytes()));
        // Split anywhere: the path's hash carried down, then the rest.
        for k in &keys {
            let k = k.as_bytes();
            for cut in 0..=k.len() {
                let path = k[..cut].iter().fold(SEED, |h, &b| step(h, b));
                assert!(f.may_hold(path, &k[cut..]));
            }
        }
        let false_positives = (0..5000)
            .filter(|i| f.may_hold(SEED, format!("k{i}y").as_bytes()))
            .count();
        assert!(false_positives < 250, "{false_positives} of 5000");
        assert!(KeyFilter::default().may_hold(SEED, b"anything"));
    }
}
