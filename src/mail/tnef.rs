//! Outlook's `winmail.dat` (`application/ms-tnef`, MS-OXTNEF): the files inside it. Outlook
//! sends its rich-text mail's attachments packed in that one file, which no one outside
//! Outlook can open; Gmail, Apple Mail and Outlook itself show the files inside instead.
//!
//! Owns: reading a TNEF stream's attachment attributes (their data, title, and the MAPI
//! properties that carry the long file name and MIME type).
//! Must not: panic or read past the input on any bytes (a damaged stream yields the files
//! read before the damage, or none, and the caller then keeps `winmail.dat` as it is), or
//! decode the message body inside (the MIME message carries its own text part).

/// A file found inside a TNEF stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TnefFile {
    /// The long file name when there is one, else the title Outlook gave the attachment.
    pub name: Option<String>,
    /// The MIME type Outlook recorded (`PR_ATTACH_MIME_TAG`), unchecked.
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

const SIGNATURE: u32 = 0x223E_9F78;
const LEVEL_ATTACHMENT: u8 = 2;
// Attribute ids (the low word; the high word is the attribute's type).
const ATT_ATTACH_REND_DATA: u32 = 0x9002;
const ATT_ATTACH_TITLE: u32 = 0x8010;
const ATT_ATTACH_DATA: u32 = 0x800F;
const ATT_ATTACHMENT: u32 = 0x9005;
// MAPI properties of an attachment.
const PR_DISPLAY_NAME: u16 = 0x3001;
const PR_ATTACH_METHOD: u16 = 0x3705;
const PR_ATTACH_LONG_FILENAME: u16 = 0x3707;
const PR_ATTACH_MIME_TAG: u16 = 0x370E;
/// `PR_ATTACH_METHOD` values whose data is not a file: an embedded message or OLE object.
const METHODS_NOT_FILES: [u32; 2] = [5, 6];

#[derive(Default)]
struct Attachment {
    title: Option<String>,
    long_name: Option<String>,
    display_name: Option<String>,
    content_type: Option<String>,
    method: Option<u32>,
    data: Option<Vec<u8>>,
}

impl Attachment {
    fn into_file(self) -> Option<TnefFile> {
        if self
            .method
            .is_some_and(|method| METHODS_NOT_FILES.contains(&method))
        {
            return None;
        }
        Some(TnefFile {
            name: self.long_name.or(self.display_name).or(self.title),
            content_type: self.content_type,
            bytes: self.data?,
        })
    }
}

/// The files inside `bytes`, in order; empty when it is not a TNEF stream or holds none.
pub fn files(bytes: &[u8]) -> Vec<TnefFile> {
    let mut files = Vec::new();
    if u32_at(bytes, 0) != Some(SIGNATURE) {
        return files;
    }
    // Signature (4 bytes) and legacy key (2 bytes), then attributes: level (1), id (4),
    // length (4), data, checksum (2).
    let mut at = 6;
    let mut current: Option<Attachment> = None;
    while let (Some(&level), Some(id), Some(length)) =
        (bytes.get(at), u32_at(bytes, at + 1), u32_at(bytes, at + 5))
    {
        let start = at + 9;
        let Some(data) = usize::try_from(length)
            .ok()
            .and_then(|length| bytes.get(start..start.checked_add(length)?))
        else {
            break;
        };
        at = start + data.len() + 2;
        if level != LEVEL_ATTACHMENT {
            continue;
        }
        match id & 0xFFFF {
            ATT_ATTACH_REND_DATA => {
                files.extend(current.take().and_then(Attachment::into_file));
                current = Some(Attachment::default());
            }
            ATT_ATTACH_TITLE => {
                current.get_or_insert_with(Attachment::default).title = string8(data)
            }
            ATT_ATTACH_DATA => {
                current.get_or_insert_with(Attachment::default).data = Some(data.to_vec());
            }
            ATT_ATTACHMENT => {
                read_properties(data, current.get_or_insert_with(Attachment::default))
            }
            _ => {}
        }
    }
    files.extend(current.and_then(Attachment::into_file));
    files
}

/// The MAPI properties of one attachment that name it; reading stops at anything unknown.
fn read_properties(data: &[u8], attachment: &mut Attachment) {
    let Some(count) = u32_at(data, 0) else { return };
    let mut at = 4;
    for _ in 0..count {
        let (Some(kind), Some(id)) = (u16_at(data, at), u16_at(data, at + 2)) else {
            return;
        };
        at += 4;
        if id >= 0x8000 {
            // A named property: its GUID, then a number or a name.
            let Some(name_kind) = u32_at(data, at + 16) else {
                return;
            };
            at += 20;
            if name_kind == 0 {
                at += 4;
            } else {
                let Some(length) = u32_at(data, at).and_then(|l| usize::try_from(l).ok()) else {
                    return;
                };
                at = match at.checked_add(4 + padded(length)) {
                    Some(next) => next,
                    None => return,
                };
            }
        }
        let multiple = kind & 0x1000 != 0;
        let base = kind & 0x0FFF;
        let fixed = match base {
            0x0002 | 0x0003 | 0x0004 | 0x000A | 0x000B => Some(4),
            0x0005 | 0x0006 | 0x0007 | 0x0014 | 0x0040 => Some(8),
            0x0048 => Some(16),
            0x000D | 0x001E | 0x001F | 0x0102 => None,
            _ => return,
        };
        let values = if multiple || fixed.is_none() {
            let Some(values) = u32_at(data, at) else {
                return;
            };
            at += 4;
            values
        } else {
            1
        };
        for _ in 0..values {
            let value = match fixed {
                Some(size) => {
                    let Some(value) = data.get(at..at + size) else {
                        return;
                    };
                    at += size;
                    value
                }
                None => {
                    let Some(length) = u32_at(data, at).and_then(|l| usize::try_from(l).ok())
                    else {
                        return;
                    };
                    let start = at + 4;
                    let Some(value) = start
                        .checked_add(length)
                        .and_then(|end| data.get(start..end))
                    else {
                        return;
                    };
                    at = start + padded(length);
                    value
                }
            };
            let text = || match base {
                0x001E => string8(value),
                0x001F => utf16(value),
                _ => None,
            };
            match id {
                PR_ATTACH_LONG_FILENAME => attachment.long_name = text(),
                PR_DISPLAY_NAME => attachment.display_name = text(),
                PR_ATTACH_MIME_TAG => attachment.content_type = text(),
                PR_ATTACH_METHOD if base == 0x0003 => attachment.method = u32_at(value, 0),
                _ => {}
            }
        }
    }
}

fn padded(length: usize) -> usize {
    length.div_ceil(4).saturating_mul(4)
}

/// An 8-bit string up to its NUL, in Outlook's usual code page.
fn string8(bytes: &[u8]) -> Option<String> {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let text = super::decode::decode_text(&bytes[..end], Some("windows-1252"));
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn utf16(bytes: &[u8]) -> Option<String> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .take_while(|&unit| unit != 0)
        .collect();
    let text = String::from_utf16_lossy(&units);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let pair = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([pair[0], pair[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let quad = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([quad[0], quad[1], quad[2], quad[3]]))
}
