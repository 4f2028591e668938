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
        let numbers: [Double] = [0, -0.0, 0.1, -0.5, 1e20, 1e21, 1e-7, 123_456_789_012_345_680, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 2.5e15, 1 / 3]
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
        var everyOptional = try Self.oddReport()
        everyOptional.blocks.append(.chart(Chart(type: .bar, title: "all", xLabel: "x", yLabel: "y", categories: ["a"],
                                                 series: [Series(name: "s", values: [2])], stacked: false,
                                                 evidence: [[["visit-2"]]], evidenceTotals: [[1]])))
        for report in [try Fixtures.everyBlock(), try Fixtures.small(), try Self.oddReport(), everyOptional, Report(title: "")] {
            #expect(try JSONText.encode(report) == Self.foundation(report))
            #expect(render(report, as: .json) == (try Self.foundation(report)) + "\n")
        }
    }

    @Test("numbers: the same text as JSONEncoder for integers and for doubles of every magnitude")
    func numbers() throws {
        var generator = SystemRandomNumberGenerator()
        var doubles: [Double] = [0, -0.0, 1, -1, 0.5, 1e16, 1e17, 9_007_199_254_740_992, 1e-5, 1e-4, 100, 1e15 + 0.5]
        for _ in 0..<2000 { doubles.append(Double(bitPattern: generator.next())) }
        doubles = doubles.filter(\.isFinite) + (0..<500).map { _ in Double.random(in: -1e6...1e6) }
        let integers: [Int] = [0, -1, .max, .min, 42]
        let report = Report(title: "numbers", blocks: [
            .chart(Chart(type: .line, title: "d", categories: doubles.map { _ in "c" }, series: [Series(name: "s", values: doubles + [nil])])),
            .table(Table(columns: [Column(key: "i", kind: .integer), Column(key: "d", kind: .number)],
                         rows: integers.map { [.integer($0), .number(Double($0))] })),
            .heading(level: -3, text: "h"),
        ])
        #expect(try JSONText.encode(report) == Self.foundation(report))
    }

    @Test("a number that is not finite is left to JSONEncoder: the renderer's error text unchanged")
    func leftToFoundation() throws {
        for value in [Double.infinity, -.infinity, .nan] {
            let bad = Report(title: "T", blocks: [.chart(Chart(type: .bar, title: "c", categories: ["a"],
                                                              series: [Series(name: "s", values: [value])]))])
            #expect(throws: JSONText.Unsupported.self) { try JSONText.encode(bad) }
            let json = render(bad, as: .json)
            #expect(json.hasPrefix("{\"error\": \"the report could not be encoded: "))
        }
    }

    /// The stored properties `JSONText` writes, per type: a property added to one of these types must be written
    /// by `JSONText` too (then added here).
    @Test("every stored property of the report types is one JSONText writes")
    func everyPropertyWritten() throws {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let report = try Self.oddReport()
        let table = try #require(report.tables.first), chart = try #require(report.charts.first)
        let item = try #require(report.evidence?.first)
        #expect(labels(report) == ["title", "subtitle", "blocks", "provenance", "evidence"])
        #expect(labels(table) == ["title", "columns", "rows", "evidence", "evidenceTotals"])
        #expect(labels(table.columns[0]) == ["key", "title", "kind"])
        #expect(labels(chart) == ["type", "title", "xLabel", "yLabel", "categories", "series", "stacked", "evidence", "evidenceTotals"])
        #expect(labels(chart.series[0]) == ["name", "values"])
        #expect(labels(try #require(report.provenance)) == ["plugin", "pluginVersion", "params", "corpusHash", "dossierVersion",
                                                           "generatedAt", "correctionsApplied"])
        #expect(labels(item) == ["id", "label", "sentences"])
        #expect(labels(item.sentences[0]) == ["text", "source", "url", "highlights"])
        #expect(labels(item.sentences[0].highlights[0]) == ["start", "end"])
    }
}
