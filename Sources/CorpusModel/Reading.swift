import Foundation

// Stage 1, reading: bytes -> checked UTF-8 -> NFC text, the original kept.

enum UTF8Check {
    /// Byte offsets where an invalid UTF-8 sequence starts (at most `limit` of them), and how many there are.
    static func invalidSequences(in bytes: UnsafeBufferPointer<UInt8>, limit: Int = 20) -> (offsets: [Int], count: Int) {
        var offsets: [Int] = []
        var count = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i = ASCIIRun.end(bytes, from: i + 1); continue }
            var len = 0
            var min: UInt32 = 0
            var scalar: UInt32 = 0
            if b >= 0xC2 && b <= 0xDF { len = 2; scalar = UInt32(b & 0x1F); min = 0x80 }
            else if b >= 0xE0 && b <= 0xEF { len = 3; scalar = UInt32(b & 0x0F); min = 0x800 }
            else if b >= 0xF0 && b <= 0xF4 { len = 4; scalar = UInt32(b & 0x07); min = 0x10000 }
            var ok = len > 0 && i + len <= n
            if ok {
                for k in 1..<len {
                    let c = bytes[i + k]
                    if c & 0xC0 != 0x80 { ok = false; break }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                if ok && (scalar < min || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) { ok = false }
            }
            if ok { i += len; continue }
            count += 1
            if offsets.count < limit { offsets.append(i) }
            i += 1
            while i < n && bytes[i] & 0xC0 == 0x80 { i += 1 } // skip stray continuation bytes
        }
        return (offsets, count)
    }

    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { invalidSequences(in: $0, limit: 1).offsets.first }
    }
}

/// The text of one input file as read.
public struct SourceText: Sendable {
    /// The file's path as given.
    public var path: String
    /// The decoded text before normalisation (invalid bytes replaced with U+FFFD).
    public var original: String
    /// The text in Unicode NFC; every offset in the model refers to this text's UTF-8 bytes.
    public var text: String
    /// Size of the file in bytes.
    public var byteCount: Int
    /// FNV-1a 64 of the NFC text: equal texts are the same article.
    public var contentHash: UInt64
}

public enum Reader {
    /// Reads and checks one file. Returns nil (with a diagnostic) for an unreadable, empty or binary file;
    /// invalid UTF-8 is reported with its byte offsets and replaced, and the rest of the file is read.
    public static func read(path: String) -> (SourceText?, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [Diagnostic(file: path, severity: .error, message: "cannot read file; skipped")])
        }
        return decode(data: data, path: path)
    }

    public static func decode(data: Data, path: String) -> (SourceText?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let bytes = [UInt8](data)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return (nil, [Diagnostic(file: path, severity: .warning, message: "empty file; skipped")])
        }
        if let offset = binaryOffset(bytes) {
            return (nil, [Diagnostic(file: path, byteOffset: offset, severity: .warning,
                                     message: "binary content (control byte 0x\(String(bytes[offset], radix: 16))); file skipped")])
        }
        let (offsets, count) = bytes.withUnsafeBufferPointer { UTF8Check.invalidSequences(in: $0) }
        for o in offsets {
            diagnostics.append(Diagnostic(file: path, byteOffset: o, severity: .warning,
                                          message: "invalid UTF-8 sequence replaced with U+FFFD"))
        }
        if count > offsets.count {
            diagnostics.append(Diagnostic(file: path, severity: .warning,
                                          message: "\(count - offsets.count) more invalid UTF-8 sequences replaced"))
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 } // BOM
        let original = bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self)
        }
        let isASCII = bytes.withUnsafeBufferPointer { ASCIIRun.end($0, from: 0) == $0.count }
        var text = original
        if !isASCII && !bytes.withUnsafeBufferPointer({ isNFCStable($0, from: start) }) {
            let nfc = original.precomposedStringWithCanonicalMapping
            if !nfc.utf8.elementsEqual(original.utf8) { text = nfc } // otherwise share one buffer (String == ignores normalisation)
        }
        if bytes.contains(0x0D) {
            let lf = text.utf8.split(separator: 0x0D, omittingEmptySubsequences: false).enumerated().reduce(into: [UInt8]()) { out, part in
                if part.offset > 0 && part.element.first != 0x0A { out.append(0x0A) }
                out.append(contentsOf: part.element)
            }
            text = String(decoding: lf, as: UTF8.self)
        }
        let hash = text.utf8.withContiguousStorageIfAvailable { Fold.rawHash($0) } ?? Fold.rawHash(Array(text.utf8))
        return (SourceText(path: path, original: original, text: text, byteCount: bytes.count, contentHash: hash), diagnostics)
    }

    /// True when every scalar is one that NFC leaves alone whatever follows it: ASCII, Latin-1 to IPA
    /// (U+00A0-U+02FF), Cyrillic, the precomposed Vietnamese letters (U+1E00-U+1EFF), general punctuation
    /// and currency signs. Text made only of these is already NFC, and normalising it (through UTF-16
    /// in Foundation) would be the slowest step of reading.
    static func isNFCStable(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i = ASCIIRun.end(b, from: i + 1); continue }
            if c >= 0xC2 && c <= 0xCB { i += 2; continue }               // U+0080-U+02FF
            if c == 0xD0 || c == 0xD1 { i += 2; continue }               // U+0400-U+047F
            if c == 0xE1 && i + 1 < n && (b[i + 1] == 0xB8 || b[i + 1] == 0xB9 || b[i + 1] == 0xBA || b[i + 1] == 0xBB) {
                i += 3; continue                                           // U+1E00-U+1EFF
            }
            if c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && b[i + 2] >= 0x82 { i += 3; continue } // U+2002-U+203F
            if c == 0xE2 && i + 1 < n && b[i + 1] == 0x82 { i += 3; continue }                     // U+2080-U+20BF
            if c == 0xEF && i + 2 < n && b[i + 1] == 0xBF && b[i + 2] == 0xBD { i += 3; continue } // U+FFFD
            return false
        }
        return true
    }

    /// Offset of the first byte that makes this look like a binary file: a NUL anywhere in the first
    /// 64 KiB, or more than 10% control bytes there.
    static func binaryOffset(_ bytes: [UInt8]) -> Int? {
        let n = min(bytes.count, 65_536)
        var controls = 0
        var first: Int?
        return bytes.withUnsafeBufferPointer { bytes -> Int? in
            var i = 0
            while i < n {
                // Eight bytes at a time while none of them is below 0x20 (most of a text: only line breaks are).
                if i + 8 <= n && !ASCIIRun.hasByteBelow0x20(ASCIIRun.word(bytes, at: i)) { i += 8; continue }
                let b = bytes[i]
                if b == 0 { return i }
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
                    controls += 1
                    if first == nil { first = i }
                }
                i += 1
            }
            return controls * 10 > n ? first : nil
        }
    }
}

extension Fold {
    /// Plain FNV-1a 64 over bytes (no folding).
    static func rawHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h = empty
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }
}

/// Runs of ASCII bytes read eight at a time: the checks of reading (valid UTF-8, NFC, binary bytes) pass over them
/// and stop only at the bytes they look at.
enum ASCIIRun {
    /// The eight bytes at `i` (the caller checks `i + 8 <= b.count`), as one little-endian word.
    @inline(__always) static func word(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// The index of the first byte at or after `i` that is not ASCII, or `b.count`.
    @inline(__always) static func end(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        let n = b.count
        while i + 8 <= n {
            let high = word(b, at: i) & 0x8080_8080_8080_8080
            if high != 0 { return i + high.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < n && b[i] < 0x80 { i += 1 }
        return i
    }

    /// Whether a byte of `w` is below 0x20 (exact: a byte of 0x80 or more never sets its flag here).
    @inline(__always) static func hasByteBelow0x20(_ w: UInt64) -> Bool {
        (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 != 0
    }
}
