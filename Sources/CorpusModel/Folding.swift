// Folded keys: the form every name is matched on. Case, diacritics, hyphens, spaces and punctuation
// are removed, and Đ/đ becomes d ("Tô Lâm" -> "tolam", "Kim Jong-un" -> "kimjongun", "U.S." -> "us").
//
// Keys are 64-bit FNV-1a hashes of the folded bytes, so a window of several tokens is hashed by simply
// continuing the hash over the next token: no string is built while scanning text.

public enum Fold {
    /// FNV-1a offset basis: the hash of the empty key.
    public static let empty: UInt64 = 0xcbf2_9ce4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Base letters for U+00C0...U+024F and U+1E00...U+1EFF ('_' = no Latin base letter: kept as is).
    /// Produced from Unicode canonical decompositions, with Đ/đ, Ø/ø, Ł/ł, ß, Æ/æ, Œ/œ added by hand.
    static let latin1ToExtendedB: [UInt8] = Array(
        ("aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhii"
         + "iiiiiiii__jjkk_llllll__llnnnnnn_nnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz_b_________________f____"
         + "_________oo_____________uu____zz______________________aaiioouuuuuuuuuu_aaaa____ggkkoooo__j___gg__nnaa____aaaa"
         + "eeeeiiiioooorrrruuuusstt__hh______aaeeooooooooyy____________________________").utf8)
    static let latinExtendedAdditional: [UInt8] = Array(
        ("aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssss"
         + "ttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy______aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooo"
         + "oooooooooooouuuuuuuuuuuuuuyyyyyyyy______").utf8)

    @inlinable @inline(__always)
    static func mix(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* prime }

    /// The scalar whose UTF-8 encoding starts at `i` (a byte of 0x80 or more) and its length in bytes:
    /// length 0 for a byte that starts no sequence (it is skipped), nil when the sequence runs past `end`.
    @inline(__always) @usableFromInline
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (UInt32, Int)? {
        let b = bytes[i]
        var scalar: UInt32
        let len: Int
        if b & 0xE0 == 0xC0 { scalar = UInt32(b & 0x1F); len = 2 }
        else if b & 0xF0 == 0xE0 { scalar = UInt32(b & 0x0F); len = 3 }
        else if b & 0xF8 == 0xF0 { scalar = UInt32(b & 0x07); len = 4 }
        else { return (0, 0) }
        if i + len > end { return nil }
        for k in 1..<len { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (scalar, len)
    }

    /// Continues hash `h` over the folded form of the UTF-8 bytes `bytes[range]`.
    @inlinable
    public static func hash(_ h: UInt64, bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var h = h
        var i = start
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { h = mix(h, b) }
                else if b >= 0x41 && b <= 0x5A { h = mix(h, b | 0x20) }
                i += 1
                continue
            }
            guard let (scalar, len) = decodeScalar(bytes, at: i, end: end) else { break }
            if len == 0 { i += 1; continue }
            h = mixScalar(h, scalar, bytes: bytes, at: i, length: len)
            i += len
        }
        return h
    }

    @usableFromInline
    static func mixScalar(_ h: UInt64, _ scalar: UInt32, bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt64 {
        switch scalar {
        case 0x300...0x36F, 0x2000...0x206F, 0xA0...0xBF, 0xD7, 0xF7, 0x3000...0x303F, 0xFE00...0xFE0F:
            return h // combining marks, punctuation, spaces
        case 0xC0...0x24F:
            let base = latin1ToExtendedB[Int(scalar - 0xC0)]
            if base != 0x5F { return mix(h, base) }
        case 0x1E00...0x1EFF:
            let base = latinExtendedAdditional[Int(scalar - 0x1E00)]
            if base != 0x5F { return mix(h, base) }
        case 0x410...0x42F: // Cyrillic capitals А..Я -> а..я
            return mixUTF8(h, scalar + 0x20)
        case 0x400...0x40F:
            return mixUTF8(h, scalar + 0x50)
        default:
            break
        }
        var h = h
        for k in 0..<length { h = mix(h, bytes[i + k]) }
        return h
    }

    /// Continues `h` over the UTF-8 bytes of a valid scalar, encoded in place (a `String` of one scalar cost a
    /// conversion for every capital letter outside ASCII).
    @usableFromInline @inline(__always)
    static func mixUTF8(_ h: UInt64, _ scalar: UInt32) -> UInt64 {
        if scalar < 0x80 { return mix(h, UInt8(scalar)) }
        if scalar < 0x800 { return mix(mix(h, UInt8(0xC0 | scalar >> 6)), UInt8(0x80 | scalar & 0x3F)) }
        if scalar < 0x10000 {
            return mix(mix(mix(h, UInt8(0xE0 | scalar >> 12)), UInt8(0x80 | scalar >> 6 & 0x3F)), UInt8(0x80 | scalar & 0x3F))
        }
        let h3 = mix(mix(mix(h, UInt8(0xF0 | scalar >> 18)), UInt8(0x80 | scalar >> 12 & 0x3F)), UInt8(0x80 | scalar >> 6 & 0x3F))
        return mix(h3, UInt8(0x80 | scalar & 0x3F))
    }

    /// The folded key of a whole string.
    public static func key(_ text: some StringProtocol) -> UInt64 {
        var s = String(text)
        return s.withUTF8 { hash(empty, bytes: $0, from: 0, to: $0.count) }
    }

    /// The folded form as readable text (for display and tests; matching uses `key`).
    public static func folded(_ text: some StringProtocol) -> String {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { out.append(b) }
                else if b >= 0x41 && b <= 0x5A { out.append(b | 0x20) }
                continue
            }
            switch v {
            case 0x300...0x36F, 0x2000...0x206F, 0xA0...0xBF, 0xD7, 0xF7, 0x3000...0x303F, 0xFE00...0xFE0F: continue
            case 0xC0...0x24F where latin1ToExtendedB[Int(v - 0xC0)] != 0x5F:
                out.append(latin1ToExtendedB[Int(v - 0xC0)])
            case 0x1E00...0x1EFF where latinExtendedAdditional[Int(v - 0x1E00)] != 0x5F:
                out.append(latinExtendedAdditional[Int(v - 0x1E00)])
            case 0x400...0x42F:
                out.append(contentsOf: String(Unicode.Scalar(v < 0x410 ? v + 0x50 : v + 0x20)!).utf8)
            default:
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Fold {
    /// Lower-case hash that keeps diacritics (Vietnamese "thăm" and "tham" differ), used for the
    /// lexicon of function words, titles and verbs. Hyphens and apostrophes are kept too.
    public static func lowerHash(_ h: UInt64, bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var h = h
        var i = start
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                h = mix(h, b >= 0x41 && b <= 0x5A ? b | 0x20 : (b == 0x27 ? 0x27 : b))
                i += 1
                continue
            }
            guard let (scalar, len) = decodeScalar(bytes, at: i, end: end) else { break }
            if len == 0 { i += 1; continue }
            h = mixLowerScalar(h, scalar, bytes: bytes, at: i, length: len)
            i += len
        }
        return h
    }

    /// One non-ASCII scalar of `lowerHash`: the quotes ’ ‘ as ', the hyphens U+2010-2011 as -, a letter in lower
    /// case, anything else as its bytes.
    @inline(__always)
    static func mixLowerScalar(_ h: UInt64, _ scalar: UInt32, bytes: UnsafeBufferPointer<UInt8>, at i: Int, length len: Int) -> UInt64 {
        if scalar == 0x2019 || scalar == 0x2018 { return mix(h, 0x27) } // ’ -> '
        if scalar == 0x2010 || scalar == 0x2011 { return mix(h, 0x2D) } // hyphens
        let lower = lowerScalar(scalar)
        guard lower == scalar else { return mixUTF8(h, lower) }
        var h = h
        for k in 0..<len { h = mix(h, bytes[i + k]) }
        return h
    }

    /// `hash(empty, …)` and `lowerHash(empty, …)` of the same bytes in one pass (the tokenizer keeps both keys of
    /// every token); each key is the one its own function gives.
    @inline(__always)
    static func keys(bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (folded: UInt64, lower: UInt64) {
        var h = empty, l = empty
        var i = start
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { h = mix(h, b); l = mix(l, b) }
                else if b >= 0x41 && b <= 0x5A { h = mix(h, b | 0x20); l = mix(l, b | 0x20) }
                else { l = mix(l, b) }
                i += 1
                continue
            }
            guard let (scalar, len) = decodeScalar(bytes, at: i, end: end) else { break }
            if len == 0 { i += 1; continue }
            h = mixScalar(h, scalar, bytes: bytes, at: i, length: len)
            l = mixLowerScalar(l, scalar, bytes: bytes, at: i, length: len)
            i += len
        }
        return (h, l)
    }

    /// Lower case of the Latin letters Vietnamese and European names use, and of Cyrillic.
    @inline(__always)
    static func lowerScalar(_ s: UInt32) -> UInt32 {
        switch s {
        case 0xC0...0xDE where s != 0xD7: return s + 0x20
        case 0x100...0x137, 0x14A...0x177: return s & 1 == 0 ? s + 1 : s
        case 0x139...0x148, 0x179...0x17E: return s & 1 == 1 ? s + 1 : s
        case 0x1A0, 0x1AF: return s + 1
        case 0x1E00...0x1EFF: return s & 1 == 0 ? s + 1 : s
        case 0x410...0x42F: return s + 0x20
        case 0x400...0x40F: return s + 0x50
        default: return s
        }
    }

    public static func lowerKey(_ text: some StringProtocol) -> UInt64 {
        var s = String(text)
        return s.withUTF8 { lowerHash(empty, bytes: $0, from: 0, to: $0.count) }
    }
}
