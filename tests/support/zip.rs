//! A minimal zip writer for tests: entries packed by the caller (stored or deflated), a
//! central directory, and on request a ZIP64 extra field that declares an entry's unpacked
//! size (whatever its data).

/// CRC-32 (IEEE), as zip stores it; table-driven, since hostile inputs run to 60 MB.
pub fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *t = c;
    }
    !data
        .iter()
        .fold(!0u32, |c, &b| table[usize::from((c as u8) ^ b)] ^ (c >> 8))
}

/// A zip of stored entries `(name, data)`; `zip64_size` replaces every entry's declared
/// unpacked size by a ZIP64 one.
pub fn stored(entries: &[(&[u8], &[u8])], zip64_size: Option<u64>) -> Vec<u8> {
    write(entries, 0, |data| data.to_vec(), zip64_size)
}

/// A zip of `(name, data)` entries, each packed by `pack` and marked with compression
/// `method` (0 stored, 8 deflated).
pub fn write(
    entries: &[(&[u8], &[u8])],
    method: u16,
    pack: impl Fn(&[u8]) -> Vec<u8>,
    zip64_size: Option<u64>,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let packed = pack(data);
        let (packed_len, size) = (packed.len() as u32, data.len() as u32);
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 0, 0]);
        out.extend_from_slice(&method.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&packed_len.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name);
        out.extend_from_slice(&packed);

        let extra: Vec<u8> = match zip64_size {
            Some(n) => [
                &1u16.to_le_bytes()[..],
                &8u16.to_le_bytes(),
                &n.to_le_bytes(),
            ]
            .concat(),
            None => Vec::new(),
        };
        let declared = if zip64_size.is_some() { u32::MAX } else { size };
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&[20, 0, 20, 0, 0, 0]);
        central.extend_from_slice(&method.to_le_bytes());
        central.extend_from_slice(&[0; 4]);
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&packed_len.to_le_bytes());
        central.extend_from_slice(&declared.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&(extra.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
        central.extend_from_slice(&extra);
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}
