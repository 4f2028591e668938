import Testing
@testable import CorpusModel

/// `TimeTagger.singleNumber` and `digitsValue`, the time tagger's readings of a number of one part without arrays,
/// answer as `numberParts` does when asked for one value and no suffix, or for a number of digits alone.
@Suite("A number of one part")
struct SingleNumberTests {
    /// `numberParts`'s answer to the question `singleNumber` answers.
    static func byParts(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int? {
        let p = TimeTagger.numberParts(b, t)
        return p.values.count == 1 && !p.suffix ? p.values[0] : nil
    }

    @Test("written numbers: a year, a trailing dot, a date, a clock time, an ordinal, a long number")
    func examples() {
        let cases: [(String, Int?)] = [("1993", 1993), ("12.", 12), ("-7", 7), ("5/6", nil), ("04:30", nil), ("9th", nil),
                                       ("99999999999", 1_000_000), ("", nil), ("-", nil), ("3a-", nil)]
        for (text, expected) in cases {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                let t = Token(start: 0, end: Int32(b.count), kind: .number, capitalized: false, first: b.first ?? 0, key: 0)
                #expect(TimeTagger.singleNumber(b, t) == expected, "\(text)")
                #expect(Self.byParts(b, t) == expected, "\(text)")
            }
        }
    }

    @Test("on 20,000 random strings of digits, separators and letters it answers as numberParts")
    func randomStrings() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789-/.,:ahs".utf8) + [0xC3, 0xA9]
        var ones = 0
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng) : alphabet.randomElement(using: &rng)!
            }
            bytes.withUnsafeBufferPointer { b in
                let t = Token(start: 0, end: Int32(b.count), kind: .number, capitalized: false, first: b.first ?? 0, key: 0)
                let fast = TimeTagger.singleNumber(b, t)
                #expect(fast == Self.byParts(b, t), "\(bytes)")
                // Digits alone: numberParts' one value, no separator, no suffix.
                let p = TimeTagger.numberParts(b, t)
                let digitsOnly = !b.isEmpty && b.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                #expect(TimeTagger.digitsValue(b, t) == (digitsOnly ? p.values.first : nil), "\(bytes)")
                if digitsOnly { #expect(p.values.count == 1 && p.seps.isEmpty && !p.suffix, "\(bytes)") }
                if fast != nil { ones += 1 }
            }
        }
        #expect(ones > 1_000)
    }
}
