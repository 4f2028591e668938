import Testing
@testable import CorpusModel

@Suite("Folded keys")
struct FoldingTests {
    @Test("case, diacritics, hyphens, spaces and Đ/đ are folded away",
          arguments: [("Tô Lâm", "tolam"), ("Kim Jong-un", "kimjongun"), ("Đà Nẵng", "danang"), ("U.S.", "us"),
                      ("Democratic People’s Republic", "democraticpeoplesrepublic"), ("Mát-xcơ-va", "matxcova"),
                      ("Hồ Chí Minh", "hochiminh"), ("ĐỖ MƯỜI", "domuoi")])
    func folded(_ input: String, _ expected: String) {
        #expect(Fold.folded(input) == expected)
        #expect(Fold.key(input) == Fold.key(expected))
    }

    @Test func differentNamesDiffer() {
        #expect(Fold.key("Tô Lâm") != Fold.key("Tô Lam Anh"))
        #expect(Fold.key("Kim Jong Un") != Fold.key("Kim Il Sung"))
    }

    @Test("the lexicon key keeps diacritics: Vietnamese thăm (visit) is not tham (take part)")
    func lowerKeepsDiacritics() {
        #expect(Fold.lowerKey("thăm") != Fold.lowerKey("tham"))
        #expect(Fold.lowerKey("Thủ tướng") == Fold.lowerKey("thủ tướng"))
        #expect(Fold.lowerKey("ĐẢNG") == Fold.lowerKey("đảng"))
        #expect(Fold.lowerKey("People’s") == Fold.lowerKey("People's"))
    }

    @Test("both keys in one pass are the keys of the two functions: ASCII, Latin, Vietnamese, Cyrillic, quotes, hyphens")
    func keysInOnePass() {
        let words = ["Tô", "LÂM", "ĐỖ", "Mường", "Ærø", "Łódź", "МОСКВА", "Ёлка", "People’s", "Jong‐un", "it's", "80th",
                     "1,000", "x\u{FFFD}y", "Ǆ", "ẞ", "a\u{0301}", "日本", "𝐀b", "Ạ", "Ỹ", "ŉ", "Ÿ"]
        for word in words {
            var text = word
            text.withUTF8 { b in
                let keys = Fold.keys(bytes: b, from: 0, to: b.count)
                #expect(keys.folded == Fold.hash(Fold.empty, bytes: b, from: 0, to: b.count), "\(word)")
                #expect(keys.lower == Fold.lowerHash(Fold.empty, bytes: b, from: 0, to: b.count), "\(word)")
            }
        }
        // A sequence cut short at the end stops both keys where it starts.
        let cut: [UInt8] = [0x41, 0xE1, 0xBA]
        cut.withUnsafeBufferPointer { b in
            let keys = Fold.keys(bytes: b, from: 0, to: b.count)
            #expect(keys.folded == Fold.hash(Fold.empty, bytes: b, from: 0, to: b.count))
            #expect(keys.lower == Fold.lowerHash(Fold.empty, bytes: b, from: 0, to: b.count))
            #expect(keys.lower == Fold.lowerKey("a"))
        }
    }

    @Test("a scalar's UTF-8 bytes are hashed as its String's bytes, at each encoded length")
    func scalarEncodedInPlace() {
        for value: UInt32 in [0x41, 0x7F, 0x80, 0xE0, 0x7FF, 0x800, 0x1EA1, 0x430, 0xFFFD, 0xFFFF, 0x10000, 0x1D400, 0x10FFFF] {
            var expected = Fold.empty
            for byte in String(Unicode.Scalar(value)!).utf8 { expected = Fold.mix(expected, byte) }
            #expect(Fold.mixUTF8(Fold.empty, value) == expected, "U+\(String(value, radix: 16))")
        }
    }
}

@Suite("Partial dates")
struct PartialDateTests {
    @Test(arguments: ["1957", "1961-06", "2025-10-09", "0800", "2024-02-29"])
    func isoRoundTrip(_ text: String) throws {
        let d = try #require(PartialDate(iso: text))
        #expect(d.iso == text)
    }

    @Test(arguments: ["", "57", "1961-6", "2025-13", "2025-02-30", "2023-02-29", "2025-10-09-01", "abcd", "2025-00"])
    func rejectsInvalid(_ text: String) {
        #expect(PartialDate(iso: text) == nil)
    }

    @Test func granularityAndDecade() throws {
        #expect(try #require(PartialDate(iso: "1957")).granularity == .year)
        #expect(try #require(PartialDate(iso: "1961-06")).granularity == .month)
        #expect(try #require(PartialDate(iso: "2025-10-09")).granularity == .day)
        #expect(try #require(PartialDate(iso: "1957")).decade == 1950)
        #expect(try #require(PartialDate(iso: "2000-01")).decade == 2000)
    }

    @Test func ordering() throws {
        let dates = ["2025-10-09", "1957", "1961-06", "1961", "1961-06-01", "2025-10"].compactMap(PartialDate.init(iso:))
        #expect(dates.sorted().map(\.iso) == ["1957", "1961", "1961-06", "1961-06-01", "2025-10", "2025-10-09"])
    }

    @Test func compatibility() throws {
        let y = try #require(PartialDate(iso: "2019")), m = try #require(PartialDate(iso: "2019-02"))
        let d = try #require(PartialDate(iso: "2019-02-27")), other = try #require(PartialDate(iso: "2019-03"))
        #expect(y.isCompatible(with: d) && m.isCompatible(with: d) && d.isCompatible(with: y))
        #expect(!other.isCompatible(with: d))
    }

    @Test("weekdays and day arithmetic", arguments: [("2025-10-09", 4), ("2019-02-23", 6), ("2025-05-11", 0), ("2000-02-29", 2)])
    func weekday(_ iso: String, _ weekday: Int) throws {
        #expect(try #require(PartialDate(iso: iso)).weekday == weekday)
    }

    @Test func addingDays() throws {
        let d = try #require(PartialDate(iso: "2024-02-28"))
        #expect(d.adding(days: 1)?.iso == "2024-02-29")
        #expect(d.adding(days: 2)?.iso == "2024-03-01")
        #expect(try #require(PartialDate(iso: "2025-12-31")).adding(days: 1)?.iso == "2026-01-01")
        #expect(try #require(PartialDate(iso: "2025-01-01")).adding(days: -1)?.iso == "2024-12-31")
        // A round trip through day numbers over many years.
        var x = try #require(PartialDate(iso: "1899-12-25"))
        for _ in 0..<3000 {
            let next = try #require(x.adding(days: 17))
            #expect(next.adding(days: -17) == x)
            x = next
        }
    }
}
