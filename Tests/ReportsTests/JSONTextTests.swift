import Foundation
import Testing
@testable import Reports

/// `JSONText` must write exactly what `JSONEncoder` writes with the renderer's options.
@Suite("JSON text without JSONEncoder")
struct JSONTextTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Strings with every escape, slashes, non-ASCII text, and keys that sort differently by bytes than by words.
    static let oddStrings = ["", "plain", "quote \" and backslash \\", "a/b//c", "tab\tnew\nline\r\u{8}\u{C}",
                             "\u{0}\u{1}\u{1F}\u{7F}", "Tô Lâm", "金正恩", "👩🏽‍💻 e\u{301}", "</script>", "Z", "a", "_", "10", "9"]

    static func oddReport() throws -> Report {
        var r = try Fixtures.everyBlock()
        r.blocks.append(.chart(Fixtures.lineChart))
        r.blocks.append(.chart(Chart(type: .bar, title: "stacked", categories: ["a", "b"], series: [Series(name: "x", values: [1, nil])],
                                     stacked: true, evidence: [[["visit-1"], []]], evidenceTotals: [[3, 0]])))
        r.blocks.append(.table(Table(title: nil, columns: [Column(key: "x", kind: .number), Column(key: "t")], rows: [])))
        let numbers: [Double] = [0, -0.0, 0.1, -0.5, 1e20, 1e21, 1e-7, 123_456_789_012_345_678, 5e-324, .greatestFiniteMagnitude, 2.5e15, 1 / 3]
        r.blocks.append(.table(Table(title: "odd \"strings\"", columns: [Column(key: "x", kind: .number), Column(key: "t")],
                                     rows: zip(numbers, oddStrings).map { [.number($0), .text($1)] },
                                     evidence: numbers.indices.map { $0 % 3 == 0 ? [] : ["visit-\($0)"] },
                                     evidenceTotals: numbers.indices.map { $0 })))
        r.blocks += oddStrings.map { .paragraph($0) } + [.list(items: [], ordered: false), .note("", kind: .warning)]
        r.provenance?.params = Dictionary(uniqueKeysWithValues: oddStrings.enumerated().map { ($1, "\($0)") })
        r.provenance?.correctionsApplied = 3
        r.evidence = [EvidenceItem(id: "visit-1", label: "Tô Lâm → <PRK>", sentences: [
            EvidenceSentence(text: "He arrived.", source: "a/b.txt", url: "https://example.org/a?b=c&d", highlights: [TextSpan(start: 0, end: 2)]),
            EvidenceSentence(text: "", source: "", highlights: []),
        ]), EvidenceItem(id: "visit-2", label: "", sentences: [])]
        return r
    }

    @Test("every kind of block, odd strings and numbers, empty containers: the same bytes as JSONEncoder")
    func sameAsFoundation() throws {
        for report in [try Fixtures.everyBlock(), try Fixtures.small(), try Self.oddReport(), Report(title: "")] {
            #expect(try JSONText.encode(report) == Self.foundation(report))
            #expect(render(report, as: .json) == (try Self.foundation(report)) + "\n")
        }
    }

    @Test("numbers: the same text as JSONEncoder for integers and for doubles of every magnitude")
    func numbers() throws {
        var generator = SystemRandomNumberGenerator()
        var doubles: [Double] = [0, -0.0, 1, -1, 0.5, 1e16, 1e17, 9_007_199_254_740_993, 1e-5, 1e-4, 100, 1e15 + 0.5]
        for _ in 0..<2000 { doubles.append(Double(bitPattern: generator.next()) ) }
        doubles = doubles.filter(\.isFinite)
        doubles += (0..<500).map { _ in Double.random(in: -1e6...1e6) }
        #expect(try JSONText.encode(doubles) == Self.foundation(doubles))
        let integers: [Int] = [0, -1, .max, .min, 42]
        #expect(try JSONText.encode(integers) == Self.foundation(integers))
        let optionals: [Double?] = [nil, 1.5, nil]
        #expect(try JSONText.encode(optionals) == Self.foundation(optionals))
    }

    @Test("what it leaves to JSONEncoder: a number that is not finite, a date, a float; the renderer's output unchanged")
    func leftToFoundation() throws {
        #expect(throws: JSONText.Unsupported.self) { try JSONText.encode([Double.nan]) }
        #expect(throws: JSONText.Unsupported.self) { try JSONText.encode([Date(timeIntervalSince1970: 0)]) }
        #expect(throws: JSONText.Unsupported.self) { try JSONText.encode([Float(1.5)]) }
        let bad = Report(title: "T", blocks: [.chart(Chart(type: .bar, title: "c", categories: ["a"],
                                                          series: [Series(name: "s", values: [.infinity])]))])
        let json = render(bad, as: .json)
        #expect(json.hasPrefix("{\"error\": \"the report could not be encoded: "))
    }
}
