//! CRC-32C (Castagnoli), as `fst` 0.4 checksums its bytes.
//!
//! `fst`'s own `verify` reads 17 KB of precomputed tables that gzip cannot
//! shrink; these eight tables are computed once, at the first open.

use std::sync::OnceLock;

const POLY: u32 = 0x82F6_3B78;

fn tables() -> &'static [[u32; 256]; 8] {
    static TABLES: OnceLock<Box<[[u32; 256]; 8]>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Box::new([[0u32; 256]; 8]);
        for i in 0..256 {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 == 1 { (c >> 1) ^ POLY } else { c >> 1 };
            }
            t[0][i] = c;
        }
        for i in 0..256 {
            for k in 1..8 {
                let prev = t[k - 1][i];
                t[k][i] = (prev >> 8) ^ t[0][(prev & 0xff) as usize];
            }
        }
        t
    })
}

/// The CRC-32C of `bytes`, eight bytes a step.
pub fn crc32c(bytes: &[u8]) -> u32 {
    let t = tables();
    let mut crc = !0u32;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let lo = crc ^ u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        crc = t[7][(lo & 0xff) as usize]
            ^ t[6][((lo >> 8) & 0xff) as usize]
            ^ t[5][((lo >> 16) & 0xff) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][c[4] as usize]
            ^ t[2][c[5] as usize]
            ^ t[1][c[6] as usize]
            ^ t[0][c[7] as usize];
    }
    for &b in chunks.remainder() {
        crc = t[0][((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

/// The checksum `fst` stores: the CRC masked as in the Snappy framing format.
pub fn masked(bytes: &[u8]) -> u32 {
    let sum = crc32c(bytes);
    (sum.rotate_right(15)).wrapping_add(0xA282_EAD8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // RFC 3720, B.4: 32 bytes of zeros, and the check value of "123456789".
        assert_eq!(crc32c(&[0; 32]), 0x8A91_36AA);
        assert_eq!(crc32c(b"123456789"), 0xE306_9283);
        assert_eq!(crc32c(b""), 0);
    }

    #[test]
    fn matches_what_fst_stores() {
        for n in [0usize, 1, 7, 100, 3000] {
            let words: Vec<String> = (0..n).map(|i| format!("w{i:05}")).collect();
            let bytes = fst::Set::from_iter(words.iter())
                .unwrap()
                .into_fst()
                .into_inner();
            let (body, stored) = bytes.split_at(bytes.len() - 4);
            assert_eq!(masked(body).to_le_bytes(), stored, "{n} keys");
        }
    }
}
