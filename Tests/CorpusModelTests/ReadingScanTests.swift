import Foundation
import Testing
@testable import CorpusModel

/// The checks of reading skip ASCII eight bytes at a time (`ASCIIRun`); they must give what a byte-by-byte
/// reading gives, wherever the bytes they stop at fall in a word.
@Suite("Reading's scans over ASCII runs")
struct ReadingScanTests {
    /// Bytes of texts with ASCII runs of every length, line breaks, controls, NULs and multi-byte letters.
    static func samples() -> [[UInt8]] {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("a".utf8), Array("Hanoi ".utf8), Array("visited\n".utf8), [0x0D, 0x0A], [0x09], [0x0C],
                                 [0x01], [0x1F], [0x00], [0x7F], Array("ộ".utf8), Array("é".utf8), Array("Д".utf8),
                                 Array("—".utf8), Array("e\u{301}".utf8), [0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80]]
        return (0..<3000).map { k in
            var bytes: [UInt8] = []
            let parts = Int.random(in: 0...24, using: &generator)
            for _ in 0..<parts {
                // Mostly ASCII runs (the fast path), sometimes a piece that stops it.
                if Int.random(in: 0..<3, using: &generator) > 0 {
                    bytes += (0..<Int.random(in: 0...19, using: &generator)).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                } else {
                    bytes += pieces[(k + bytes.count) % pieces.count]
                }
            }
            return bytes
        }
    }

    @Test("ASCIIRun.end stops at the first byte outside ASCII, as a byte loop does")
    func asciiRunEnd() {
        for bytes in Self.samples() {
            bytes.withUnsafeBufferPointer { b in
                for start in 0...b.count {
                    var expected = start
                    while expected < b.count && b[expected] < 0x80 { expected += 1 }
                    #expect(ASCIIRun.end(b, from: start) == expected)
                }
            }
        }
    }

    @Test("the binary, UTF-8 and NFC checks give the byte-by-byte answers")
    func checksAgreeWithByteLoops() {
        for bytes in Self.samples() {
            #expect(Reader.binaryOffset(bytes) == Self.binaryOffsetByBytes(bytes))
            bytes.withUnsafeBufferPointer { b in
                let fast = UTF8Check.invalidSequences(in: b, limit: 1000)
                let slow = Self.invalidSequencesByBytes(b)
                #expect(fast.offsets == slow.offsets && fast.count == slow.count)
                if slow.count == 0 {
                    let text = String(decoding: b, as: UTF8.self)
                    // Stable means NFC leaves the text as it is (the converse need not hold).
                    if Reader.isNFCStable(b, from: 0) { #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == bytes) }
                }
            }
        }
        // A control byte after a long ASCII run is found; ten percent of them make the file binary.
        let controls = Array(String(repeating: "abcdefgh", count: 3).utf8) + [0x01, 0x02, 0x03] + Array("ab".utf8)
        #expect(Reader.binaryOffset(controls) == 24)
        #expect(Reader.binaryOffset(Array(controls.dropLast(3)) + Array(String(repeating: "ab", count: 3).utf8)) == nil)
        #expect(Reader.binaryOffset(Array(String(repeating: "abcdefghij", count: 30).utf8) + [0x00]) == 300)
    }

    static func binaryOffsetByBytes(_ bytes: [UInt8]) -> Int? {
        let n = min(bytes.count, 65_536)
        var controls = 0
        var first: Int?
        for i in 0..<n {
            let b = bytes[i]
            if b == 0 { return i }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
                controls += 1
                if first == nil { first = i }
            }
        }
        return controls * 10 > n ? first : nil
    }

    /// Offsets where an invalid sequence starts, read byte by byte (the loop `invalidSequences` was before its skip
    /// over ASCII runs).
    static func invalidSequencesByBytes(_ b: UnsafeBufferPointer<UInt8>) -> (offsets: [Int], count: Int) {
        var offsets: [Int] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var len = 0, min: UInt32 = 0, scalar: UInt32 = 0
            if c >= 0xC2 && c <= 0xDF { len = 2; scalar = UInt32(c & 0x1F); min = 0x80 }
            else if c >= 0xE0 && c <= 0xEF { len = 3; scalar = UInt32(c & 0x0F); min = 0x800 }
            else if c >= 0xF0 && c <= 0xF4 { len = 4; scalar = UInt32(c & 0x07); min = 0x10000 }
            var ok = len > 0 && i + len <= b.count
            if ok {
                for k in 1..<len {
                    if b[i + k] & 0xC0 != 0x80 { ok = false; break }
                    scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
                }
                if ok && (scalar < min || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) { ok = false }
            }
            if ok { i += len; continue }
            offsets.append(i)
            i += 1
            while i < b.count && b[i] & 0xC0 == 0x80 { i += 1 }
        }
        return (offsets, offsets.count)
    }
}
