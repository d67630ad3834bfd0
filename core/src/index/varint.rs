//! LEB128 variable-length integers, with a bounds-checked decoder.

/// Appends `v` as LEB128.
pub fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A signed number as an unsigned one that is small when the number is
/// near zero, either side (zigzag: 0, -1, 1, -2 … as 0, 1, 2, 3 …).
#[inline]
pub fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// The signed number [`zigzag`] made `v` from.
#[inline]
pub fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// Appends a length-prefixed byte string.
pub fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// A cursor over varint-encoded bytes. Every read returns `None` past the
/// end or on a malformed value instead of panicking.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// A reader at byte `pos` of `bytes` (at the end if `pos` is past it).
    pub fn at(bytes: &'a [u8], pos: usize) -> Self {
        Reader {
            bytes,
            pos: pos.min(bytes.len()),
        }
    }

    /// Current byte offset.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Reads one varint.
    #[inline]
    pub fn get(&mut self) -> Option<u64> {
        let mut v: u64 = 0;
        let mut shift = 0u32;
        loop {
            let b = *self.bytes.get(self.pos)?;
            self.pos += 1;
            if shift >= 64 || (shift == 63 && b > 1) {
                return None;
            }
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
            shift += 7;
        }
    }

    /// Reads a varint that must fit in a u32.
    #[inline]
    pub fn get_u32(&mut self) -> Option<u32> {
        self.get().and_then(|v| u32::try_from(v).ok())
    }

    /// Reads a length-prefixed byte string.
    #[inline]
    pub fn get_bytes(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.get()?).ok()?;
        let end = self.pos.checked_add(len)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    /// Reads a length-prefixed UTF-8 string.
    pub fn get_str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.get_bytes()?).ok()
    }

    /// Reads one raw byte.
    pub fn get_u8(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trip(values in proptest::collection::vec(any::<u64>(), 0..64)) {
            let mut buf = Vec::new();
            for &v in &values { put(&mut buf, v); }
            let mut r = Reader::new(&buf);
            for &v in &values { prop_assert_eq!(r.get(), Some(v)); }
            prop_assert_eq!(r.get(), None);
        }

        #[test]
        fn zigzag_round_trips(v in any::<i64>()) {
            prop_assert_eq!(unzigzag(zigzag(v)), v);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..32)) {
            let mut r = Reader::new(&bytes);
            while r.get().is_some() {}
            let mut r = Reader::new(&bytes);
            while r.get_bytes().is_some() {}
        }
    }

    #[test]
    fn zigzag_keeps_numbers_near_zero_small() {
        let z: Vec<u64> = [0, -1, 1, -2, 2].map(zigzag).to_vec();
        assert_eq!(z, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn overlong_value_is_rejected() {
        let mut r = Reader::new(&[0xff; 11]);
        assert_eq!(r.get(), None);
    }
}
