import Foundation
import Testing
@testable import Reports

@Suite("Evidence in HTML and Markdown")
struct EvidenceRenderTests {
    func report() throws -> Report {
        var builder = ReportBuilder(title: "T")
        // "Tô Lâm" is bytes 6..<14 of the text; the second cuts a character (and overlaps): it is ignored.
        let sentence = EvidenceSentence(text: "<b>&  Tô Lâm met *Kim*", source: "A <title>", url: "https://example.org",
                                        highlights: [TextSpan(start: 6, end: 14), TextSpan(start: 7, end: 8)])
        builder.addEvidence([EvidenceItem(id: "visit-1", label: "Tô Lâm → <PRK>", sentences: [sentence])])
        try builder.table(columns: [Column(key: "n", kind: .integer)], rows: [[1], [2]], evidence: [["visit-1"], []])
        return builder.build()
    }

    @Test func htmlEscapesEverythingAndMarksTheNames() throws {
        let html = render(try report(), as: .html)
        #expect(html.contains("<q class=\"sentence\">&lt;b&gt;&amp;  <mark>Tô Lâm</mark> met *Kim*</q> <cite>A &lt;title&gt;</cite>"))
        #expect(html.contains("<span class=\"evidence-label\">Tô Lâm → &lt;PRK&gt;</span>"))
        #expect(!html.contains("https://"), "no link: the page loads nothing")
        // One evidence cell per row; the row without evidence has an empty one.
        #expect(html.components(separatedBy: "<td class=\"evidence\">").count - 1 == 2)
        #expect(html.contains("<td class=\"evidence\"></td>"))
    }

    @Test func markdownFootnotesTheRowsWithEvidence() throws {
        let md = render(try report(), as: .md)
        #expect(md.contains("| 1 | [^e1-1] |") && md.contains("| 2 | — |"))
        #expect(md.contains("[^e1-1]: Tô Lâm → \\<PRK\\>: “\\<b\\>&  **Tô Lâm** met \\*Kim\\*” (A \\<title\\>)"))
    }

    @Test func evidenceMustMatchTheRowsAndBeAdded() throws {
        var builder = ReportBuilder(title: "T")
        #expect(throws: ReportError.self) { try builder.table(columns: [Column(key: "n")], rows: [["a"]], evidence: [["visit-9"]]) }
        #expect(throws: ReportError.self) { try builder.table(columns: [Column(key: "n")], rows: [["a"]], evidence: []) }
    }
}

@Suite("Evidence totals")
struct EvidenceTotalTests {
    func item(_ n: Int) -> EvidenceItem {
        EvidenceItem(id: "visit-\(n)", label: "V\(n)", sentences: [EvidenceSentence(text: "S\(n).", source: "A")])
    }

    @Test func theRenderersSayHowManyOfTheTotalAreShown() throws {
        var builder = ReportBuilder(title: "T")
        builder.addEvidence([item(1), item(2)])
        try builder.table(columns: [Column(key: "n", kind: .integer)], rows: [[12345], [1]],
                          evidence: [["visit-1", "visit-2"], ["visit-1"]], totals: [12345, 1])
        let report = builder.build()
        let html = render(report, as: .html)
        #expect(html.contains("<summary>2 of 12,345 source items shown</summary>"))
        #expect(html.contains("<summary>1 source item</summary>"))
        let md = render(report, as: .md)
        #expect(md.contains("[^e1-1]: V1: “S1.” (A) · V2: “S2.” (A) (2 of 12,345 source items shown)"))
        #expect(md.contains("[^e1-2]: V1: “S1.” (A)\n") || md.hasSuffix("[^e1-2]: V1: “S1.” (A)"))
        #expect(try Report.decode(json: render(report, as: .json)) == report)
    }

    @Test func totalsMustMatchTheEvidence() throws {
        var builder = ReportBuilder(title: "T")
        builder.addEvidence([item(1)])
        #expect(builder.hasEvidence("visit-1") && !builder.hasEvidence("visit-2"))
        #expect(throws: ReportError.self) {
            try builder.table(columns: [Column(key: "n")], rows: [["a"]], evidence: [["visit-1"]], totals: [1, 2])
        }
        #expect(throws: ReportError.self) {
            try builder.table(columns: [Column(key: "n")], rows: [["a"]], evidence: [["visit-1"]], totals: [0])
        }
        #expect(throws: ReportError.self) {
            try builder.chart(Chart(type: .bar, title: "c", categories: ["a"], series: [Series(name: "s", values: [1])],
                                    evidence: [[["visit-1"]]], evidenceTotals: [[0]]))
        }
    }

    @Test func addingAnItemTwiceKeepsOne() {
        var builder = ReportBuilder(title: "T")
        builder.addEvidence([item(1), item(2), item(1)])
        builder.addEvidence([item(2)])
        #expect(builder.build().evidence?.map(\.id) == ["visit-1", "visit-2"])
    }
}
