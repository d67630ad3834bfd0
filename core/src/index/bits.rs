//! Bit-level codes for postings: Rice codes for document gaps, Elias gamma
//! for term frequencies. Bits are read least significant first within
//! each byte. The reader is bounds-checked: past the end, or on a run of
//! zeros longer than any valid code, it returns `None`.

/// Longest unary run of a gamma code of a u32 (Rice codes are bounded by
/// the caller's maximum).
const MAX_GAMMA_ZEROS: u32 = 31;

/// Rice parameter for a list of `df` documents out of `n`: about log2 of
/// the mean gap, which makes the unary part one or two bits on average.
pub fn rice_k(n: u32, df: u32) -> u32 {
    let mean = (n / df.max(1)).max(1);
    31 - mean.leading_zeros()
}

/// Appends bits to a byte vector (build time).
#[cfg(feature = "build")]
#[derive(Default)]
pub struct Writer {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

#[cfg(feature = "build")]
impl Writer {
    /// Bits written so far.
    pub fn bit_len(&self) -> u64 {
        8 * self.out.len() as u64 + u64::from(self.n)
    }

    /// The bytes written, padded to a whole byte.
    pub fn finish(mut self) -> Vec<u8> {
        self.align();
        self.out
    }

    /// The low `w` bits of `v` (`w` at most 32).
    pub fn bits(&mut self, v: u64, w: u32) {
        debug_assert!(w <= 32);
        self.acc |= (v & ((1u64 << w) - 1)) << self.n;
        self.n += w;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// `q` zeros, then a one.
    fn unary(&mut self, mut q: u64) {
        while q >= 32 {
            self.bits(0, 32);
            q -= 32;
        }
        self.bits(1 << q, q as u32 + 1);
    }

    /// `v` as a Rice code with parameter `k`.
    pub fn rice(&mut self, v: u64, k: u32) {
        self.unary(v >> k);
        self.bits(v, k);
    }

    /// `v` (at least 1) as an Elias gamma code.
    pub fn gamma(&mut self, v: u64) {
        debug_assert!(v >= 1 && v <= u64::from(u32::MAX));
        let w = 63 - v.leading_zeros();
        self.unary(u64::from(w));
        self.bits(v, w);
    }

    /// Pads to a whole byte.
    fn align(&mut self) {
        if self.n > 0 {
            self.out.push(self.acc as u8);
            self.acc = 0;
            self.n = 0;
        }
    }
}

/// Reads bits from a byte slice.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    /// The first byte not yet in `buf`.
    pos: usize,
    /// Bits read ahead, the next one lowest. Bits above `n` are either zero
    /// or the right data, so refilling may OR the same bytes in again.
    buf: u64,
    n: u32,
}

impl<'a> Reader<'a> {
    /// A reader at byte `pos` of `bytes` (empty if past the end).
    pub fn at(bytes: &'a [u8], pos: usize) -> Self {
        Reader {
            bytes,
            pos: pos.min(bytes.len()),
            buf: 0,
            n: 0,
        }
    }

    /// A reader at bit `bit` of `bytes` (empty if past the end).
    #[inline(never)]
    pub fn at_bit(bytes: &'a [u8], bit: u32) -> Self {
        let mut r = Reader::at(bytes, (bit >> 3) as usize);
        // The next bits, then the first few dropped: a list starts
        // within a byte, and its first posting needs the refill anyway.
        r.refill();
        r.consume((bit & 7).min(r.n));
        r
    }

    #[inline(always)]
    fn refill(&mut self) {
        if let Some(word) = self.bytes.get(self.pos..self.pos + 8) {
            let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
            self.buf |= w << self.n;
            let take = (63 - self.n) / 8;
            self.pos += take as usize;
            self.n += take * 8;
        } else {
            self.refill_tail();
        }
    }

    /// [`Reader::refill`] within the last 8 bytes: a byte at a time, out of
    /// line, as it happens once per list at most.
    #[cold]
    #[inline(never)]
    fn refill_tail(&mut self) {
        while self.n <= 55 {
            let Some(&b) = self.bytes.get(self.pos) else {
                break;
            };
            self.buf |= u64::from(b) << self.n;
            self.pos += 1;
            self.n += 8;
        }
    }

    #[inline(always)]
    fn consume(&mut self, w: u32) {
        // w <= n <= 63
        self.buf >>= w;
        self.n -= w;
    }

    /// The next `w` bits (`w` at most 32).
    #[inline]
    pub fn bits(&mut self, w: u32) -> Option<u64> {
        if self.n < w {
            self.refill();
            if self.n < w {
                return None;
            }
        }
        let v = self.buf & ((1u64 << w) - 1);
        self.consume(w);
        Some(v)
    }

    /// One bit.
    #[inline]
    pub fn bit(&mut self) -> Option<bool> {
        self.bits(1).map(|b| b == 1)
    }

    /// The length of a run of zeros and its closing one, if at most `max`.
    #[inline]
    fn unary(&mut self, max: u32) -> Option<u32> {
        let mut q = 0u32;
        loop {
            if self.n == 0 {
                self.refill();
                if self.n == 0 {
                    return None;
                }
            }
            let tz = self.buf.trailing_zeros();
            if tz < self.n {
                q = q.checked_add(tz).filter(|&q| q <= max)?;
                self.consume(tz + 1);
                return Some(q);
            }
            q = q.checked_add(self.n).filter(|&q| q <= max)?;
            self.buf = 0;
            self.n = 0;
        }
    }

    /// A Rice code with parameter `k` whose value is at most `max`.
    #[inline]
    pub fn rice(&mut self, k: u32, max: u32) -> Option<u32> {
        let q = self.unary(max >> k)?;
        let r = self.bits(k)? as u32;
        let v = (q << k) | r;
        (v <= max).then_some(v)
    }

    /// A Rice code as [`Reader::rice`], then one bit. Most postings are a
    /// short gap and a flag, read here at once from the bits ahead.
    #[inline(always)]
    pub fn rice_bit(&mut self, k: u32, max: u32) -> Option<(u32, bool)> {
        if self.n < 40 {
            self.refill();
        }
        let q = self.buf.trailing_zeros();
        if q + k + 2 <= self.n {
            // In 64 bits `q << k` cannot overflow (q < 64, k < 32), so one
            // comparison bounds the value.
            let r = (self.buf >> (q + 1)) & ((1u64 << k) - 1);
            let v = (u64::from(q) << k) | r;
            let flag = (self.buf >> (q + 1 + k)) & 1 == 1;
            self.consume(q + k + 2);
            return (v <= u64::from(max)).then_some((v as u32, flag));
        }
        self.rice_bit_slow(k, max)
    }

    /// [`Reader::rice_bit`] for a code longer than the bits ahead.
    #[cold]
    #[inline(never)]
    fn rice_bit_slow(&mut self, k: u32, max: u32) -> Option<(u32, bool)> {
        let v = self.rice(k, max)?;
        Some((v, self.bit()?))
    }

    /// An Elias gamma code. Most are a frequency below 8, read here at
    /// once from the bits ahead.
    #[inline(always)]
    pub fn gamma(&mut self) -> Option<u32> {
        if self.n < 8 {
            self.refill();
        }
        let w = self.buf.trailing_zeros();
        if 2 * w < self.n && w < 8 {
            let rest = (self.buf >> (w + 1)) as u32 & ((1u32 << w) - 1);
            self.consume(2 * w + 1);
            return Some((1 << w) | rest);
        }
        self.gamma_slow()
    }

    /// [`Reader::gamma`] for a long code or one past the bits ahead.
    #[cold]
    #[inline(never)]
    fn gamma_slow(&mut self) -> Option<u32> {
        let w = self.unary(MAX_GAMMA_ZEROS)?;
        let rest = self.bits(w)? as u32;
        Some((1u32 << w) | rest)
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Code {
        Bits(u64, u32),
        Rice(u32, u32),
        Gamma(u32),
    }

    fn code() -> impl Strategy<Value = Code> {
        prop_oneof![
            (any::<u32>(), 0u32..=32).prop_map(|(v, w)| Code::Bits(u64::from(v), w)),
            (0u32..100_000, 0u32..=16).prop_map(|(v, k)| Code::Rice(v, k)),
            (1u32..=u32::MAX).prop_map(Code::Gamma),
            (1u32..20).prop_map(Code::Gamma),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// What is written is read back, and reading past it gives `None`.
        #[test]
        fn codes_round_trip(codes in prop::collection::vec(code(), 0..200)) {
            let mut w = Writer::default();
            for c in &codes {
                match *c {
                    Code::Bits(v, n) => w.bits(v, n),
                    Code::Rice(v, k) => w.rice(u64::from(v), k),
                    Code::Gamma(v) => w.gamma(u64::from(v)),
                }
            }
            let out = w.finish();
            let mut r = Reader::at(&out, 0);
            for c in &codes {
                match *c {
                    Code::Bits(v, n) => prop_assert_eq!(r.bits(n), Some(v & ((1u64 << n) - 1))),
                    Code::Rice(v, k) => prop_assert_eq!(r.rice(k, 100_000), Some(v)),
                    Code::Gamma(v) => prop_assert_eq!(r.gamma(), Some(v)),
                }
            }
            while let Some(b) = r.bit() {
                prop_assert!(!b, "padding is zeros");
            }
            prop_assert_eq!(r.gamma(), None);
        }

        /// The fast read of a Rice code and a bit agrees with the two reads
        /// it stands for, on any bytes, up to the first failure.
        #[test]
        fn rice_bit_is_rice_then_bit(
            bytes in prop::collection::vec(any::<u8>(), 0..64),
            reads in prop::collection::vec((0u32..12, 0u32..5000), 1..80),
        ) {
            let (mut fast, mut slow) = (Reader::at(&bytes, 0), Reader::at(&bytes, 0));
            for (k, max) in reads {
                let want = slow.rice(k, max).and_then(|v| Some((v, slow.bit()?)));
                prop_assert_eq!(fast.rice_bit(k, max), want);
                if want.is_none() {
                    break;
                }
            }
        }
    }

    proptest! {
        /// The fast read of a gamma code agrees with the general one, on
        /// any bytes, up to the first failure.
        #[test]
        fn gamma_fast_path_is_the_general_read(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let (mut fast, mut slow) = (Reader::at(&bytes, 0), Reader::at(&bytes, 0));
            loop {
                let want = slow.gamma_slow();
                prop_assert_eq!(fast.gamma(), want);
                if want.is_none() {
                    break;
                }
            }
        }
    }

    #[test]
    fn runs_of_zeros_are_bounded() {
        let zeros = [0u8; 64];
        assert_eq!(Reader::at(&zeros, 0).gamma(), None);
        assert_eq!(Reader::at(&zeros, 0).rice(0, 1000), None);
        let mut w = Writer::default();
        w.rice(5000, 2);
        let out = w.finish();
        assert_eq!(Reader::at(&out, 0).rice(2, 4999), None);
        assert_eq!(Reader::at(&out, 0).rice(2, 5000), Some(5000));
    }

    #[test]
    fn rice_parameter_follows_the_mean_gap() {
        assert_eq!(rice_k(10_000, 1), 13);
        assert_eq!(rice_k(10_000, 10_000), 0);
        assert_eq!(rice_k(10_000, 0), 13);
        assert_eq!(rice_k(0, 5), 0);
    }
}
