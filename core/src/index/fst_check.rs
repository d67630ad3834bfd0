//! A structural check of `fst` bytes before the `fst` crate walks them.
//!
//! `fst` trusts its bytes: a node whose transition points past its own start
//! makes it subtract with overflow, and a huge address panics on 32-bit
//! targets. Its crc32c stops accidental damage but not crafted bytes (libFuzzer
//! forged one). So at open every reachable node is decoded here the way
//! `fst` 0.4 decodes it, with checked arithmetic, and must point only to
//! nodes at lower addresses (which also rules out cycles). Outputs are
//! capped so that their sum along any path fits in a u64, since `fst` adds
//! them unchecked.

/// Bytes after the last node: number of keys, root address and, from
/// version 3, a checksum.
fn trailer_len(version: u64) -> usize {
    if version <= 2 {
        16
    } else {
        20
    }
}

const TRANS_INDEX_THRESHOLD: usize = 32;

/// Checks `bytes` as a whole `fst`; the error says what is wrong.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    if bytes.len() < 36 {
        return Err(format!("{} bytes is too short for an fst", bytes.len()));
    }
    let version = le(&bytes[..8]);
    if !(1..=3).contains(&version) {
        return Err(format!("fst version {version} is not 1 to 3"));
    }
    let nodes_end = bytes.len() - trailer_len(version);
    let keys = le(&bytes[nodes_end..nodes_end + 8]);
    let root = le(&bytes[nodes_end + 8..nodes_end + 16]);
    if usize::try_from(keys).is_err() {
        return Err(format!("key count {keys} does not fit this machine"));
    }
    if root != 0 && root >= nodes_end as u64 {
        return Err(format!(
            "root address {root} is past the nodes ({nodes_end} bytes)"
        ));
    }
    walk(&bytes[..nodes_end], version, root as usize)
}

/// Checks the checksum of `bytes`, which [`check`] has accepted; `fst`
/// before version 3 has none, and is refused.
pub fn checksum(bytes: &[u8]) -> Result<(), String> {
    let (body, stored) = bytes.split_at(bytes.len().saturating_sub(4));
    if le(&bytes[..8]) < 3 {
        return Err("fst before version 3 has no checksum".into());
    }
    let got = super::crc32c::masked(body);
    if stored != got.to_le_bytes() {
        return Err(format!(
            "checksum mismatch: stored {:08x}, computed {got:08x}",
            uint(stored, 4)
        ));
    }
    Ok(())
}

/// Walks every node reachable from `root` once. A path visits strictly
/// falling addresses, so it has at most `data.len()` transitions; capping
/// each output at `u64::MAX / (data.len() + 1)` keeps every sum in range.
fn walk(data: &[u8], version: u64, root: usize) -> Result<(), String> {
    let cap = u64::MAX / (data.len() as u64 + 1);
    let mut seen = vec![0u64; data.len().div_ceil(64)];
    let mut stack = vec![root];
    let mut edges = Vec::new();
    while let Some(addr) = stack.pop() {
        // Address 0 is the empty final node, which has no bytes.
        if addr == 0 || seen[addr / 64] & (1 << (addr % 64)) != 0 {
            continue;
        }
        seen[addr / 64] |= 1 << (addr % 64);
        let fail = |why: String| format!("node at {addr}: {why}");
        let final_out = decode(data, version, addr, &mut edges).map_err(fail)?;
        if final_out > cap || edges.iter().any(|&(out, _)| out > cap) {
            return Err(fail(format!("output over {cap}")));
        }
        stack.extend(edges.iter().map(|&(_, to)| to));
    }
    Ok(())
}

/// Decodes the node whose last byte is at `addr` into its transitions
/// (output, target) and returns its final output (0 if none).
fn decode(
    data: &[u8],
    version: u64,
    addr: usize,
    edges: &mut Vec<(u64, usize)>,
) -> Result<u64, String> {
    edges.clear();
    let below = |n: usize| addr.checked_sub(n).ok_or("runs before the start");
    let state = *data.get(addr).ok_or("address past the end")?;
    let common = state & 0b0011_1111 != 0;
    match state >> 6 {
        // One transition to the node written just before, no output.
        0b11 => {
            let end = below(usize::from(!common))?;
            let to = end.checked_sub(1).ok_or("no room for the next node")?;
            edges.push((0, to));
            Ok(0)
        }
        // One transition with its own address and output.
        0b10 => {
            let sizes_at = below(usize::from(!common) + 1)?;
            let (tsize, osize) = pack_sizes(data[sizes_at])?;
            if tsize == 0 {
                return Err("transition without address bytes".into());
            }
            let trans_at = sizes_at.checked_sub(tsize).ok_or("runs before the start")?;
            let end = trans_at.checked_sub(osize).ok_or("runs before the start")?;
            let out = uint(&data[end..], osize);
            edges.push((out, target(uint(&data[trans_at..], tsize), end)?));
            Ok(0)
        }
        _ => any_trans(data, version, addr, state, edges),
    }
}

/// A node with any number of transitions, possibly final with an output.
fn any_trans(
    data: &[u8],
    version: u64,
    addr: usize,
    state: u8,
    edges: &mut Vec<(u64, usize)>,
) -> Result<u64, String> {
    let is_final = state & 0b0100_0000 != 0;
    let (ntrans, ntrans_len) = match state & 0b0011_1111 {
        0 => {
            let n = data[addr.checked_sub(1).ok_or("runs before the start")?];
            // 1 never needs this byte, so it stands for 256.
            (if n == 1 { 256 } else { usize::from(n) }, 1)
        }
        n => (usize::from(n), 0),
    };
    let sizes_at = addr
        .checked_sub(ntrans_len + 1)
        .ok_or("runs before the start")?;
    let (tsize, osize) = pack_sizes(data[sizes_at])?;
    if ntrans > 0 && tsize == 0 {
        return Err("transitions without address bytes".into());
    }
    let index = if version >= 2 && ntrans > TRANS_INDEX_THRESHOLD {
        256
    } else {
        0
    };
    let trans_bytes = ntrans * (1 + tsize) + index;
    let final_osize = if is_final { osize } else { 0 };
    let end = sizes_at
        .checked_sub(trans_bytes + ntrans * osize + final_osize)
        .ok_or("runs before the start")?;
    // Below the pack sizes: the index, the inputs, the addresses, then the
    // outputs, each list in reverse transition order.
    let addrs_top = sizes_at - index - ntrans;
    let outs_top = sizes_at - trans_bytes;
    for i in 1..=ntrans {
        let to = target(uint(&data[addrs_top - i * tsize..], tsize), end)?;
        edges.push((uint(&data[outs_top - i * osize..], osize), to));
    }
    Ok(if is_final {
        uint(&data[end..], osize)
    } else {
        0
    })
}

/// The transition address size and output size, each at most 8 bytes.
fn pack_sizes(byte: u8) -> Result<(usize, usize), String> {
    let (tsize, osize) = (usize::from(byte >> 4), usize::from(byte & 15));
    if tsize > 8 || osize > 8 {
        return Err(format!("pack sizes {tsize} and {osize} exceed 8 bytes"));
    }
    Ok((tsize, osize))
}

/// A transition target: delta 0 means the empty final node (address 0).
fn target(delta: u64, end: usize) -> Result<usize, String> {
    if delta == 0 {
        return Ok(0);
    }
    usize::try_from(delta)
        .ok()
        .and_then(|d| end.checked_sub(d))
        .ok_or_else(|| format!("transition reaches {delta} bytes back from {end}"))
}

/// A little-endian unsigned number of `n` bytes (0 reads as 0).
fn uint(bytes: &[u8], n: usize) -> u64 {
    bytes[..n]
        .iter()
        .rev()
        .fold(0, |acc, &b| (acc << 8) | u64::from(b))
}

fn le(bytes: &[u8]) -> u64 {
    uint(bytes, 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> Vec<u8> {
        fst::Set::from_iter(words.iter().copied())
            .unwrap()
            .into_fst()
            .into_inner()
    }

    #[test]
    fn real_fsts_pass() {
        check(&set(&[])).unwrap();
        check(&set(&[""])).unwrap();
        check(&set(&["a", "ab", "abc", "b", "zebra"])).unwrap();
        // Over 32 transitions from one node brings in the 256-byte index.
        let many: Vec<String> = (0u8..=255)
            .map(|b| format!("{}{}", b as char, "x"))
            .collect();
        let mut sorted: Vec<&str> = many.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        sorted.dedup();
        check(&set(&sorted)).unwrap();
        let map = fst::Map::from_iter([("a", 1u64), ("b", 1 << 40), ("c", 7)]).unwrap();
        check(map.as_fst().as_bytes()).unwrap();
    }

    #[test]
    fn a_transition_past_its_node_is_refused() {
        // One node: a transition whose 1-byte delta (200) reaches before 0.
        let mut bytes = Vec::new();
        bytes.extend(3u64.to_le_bytes()); // version
        bytes.extend(0u64.to_le_bytes()); // type
        bytes.extend([200, 0x10, 0b1000_0000 | 1]); // delta, sizes, OneTrans
        let root = bytes.len() as u64 - 1;
        bytes.extend(1u64.to_le_bytes());
        bytes.extend(root.to_le_bytes());
        bytes.extend([0; 4]);
        let err = check(&bytes).unwrap_err();
        assert!(err.contains("transition reaches 200 bytes back"), "{err}");
    }

    #[test]
    fn a_root_past_the_end_is_refused() {
        let mut bytes = set(&["a", "b"]);
        let at = bytes.len() - 12;
        bytes[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(check(&bytes).unwrap_err().contains("root address"));
    }

    #[test]
    fn outputs_that_could_overflow_are_refused() {
        let big = fst::Map::from_iter([("a", u64::MAX), ("ab", 1)]).unwrap();
        let err = check(big.as_fst().as_bytes()).unwrap_err();
        assert!(err.contains("output over"), "{err}");
        let fine = fst::Map::from_iter([("a", u64::from(u32::MAX)), ("ab", 1)]).unwrap();
        check(fine.as_fst().as_bytes()).unwrap();
    }
}
