import Foundation
import Testing
@testable import Reports

@Suite("The model and the builder's validation")
struct ModelTests {
    /// The message of the error `body` throws, or nil when it throws none.
    func message(_ body: (inout ReportBuilder) throws(ReportError) -> Void) -> String? {
        var b = ReportBuilder(title: "T")
        do {
            try body(&b)
            return nil
        } catch {
            return error.message
        }
    }

    let two = [Column(key: "name"), Column(key: "visits", kind: .integer)]

    @Test("the builder adds one block per call, in order")
    func builderOrder() throws {
        let r = try Fixtures.everyBlock()
        #expect(r.blocks.map(\.kindName) == ["heading", "paragraph", "list", "list", "heading", "table", "chart", "note", "note"])
        #expect(r.tables.count == 1 && r.charts.count == 1)
        try r.validate()
    }

    @Test("heading levels are 1 to 3, and a heading has text")
    func headingLevels() {
        #expect(message { b throws(ReportError) in try b.heading("x", level: 4) } == "heading level must be 1, 2 or 3, got 4")
        #expect(message { b throws(ReportError) in try b.heading("x", level: 0) } == "heading level must be 1, 2 or 3, got 0")
        #expect(message { b throws(ReportError) in try b.heading("  ", level: 1) } == "heading text is empty")
        #expect(message { b throws(ReportError) in try b.heading("x", level: 3) } == nil)
    }

    @Test("a row with the wrong number of cells names the row, the counts and the columns")
    func rowCount() {
        let m = message { b throws(ReportError) in try b.table(columns: two, rows: [["a", 1], ["b"]]) }
        #expect(m == "row 2 has 1 cell but the table has 2 columns (name, visits); give one value per column, nil for none")
        let extra = message { b throws(ReportError) in try b.table(columns: two, rows: [["a", 1, 2]]) }
        #expect(extra?.hasPrefix("row 1 has 3 cells but the table has 2 columns") == true)
    }

    @Test("cells must fit their column's kind; harmless conversions are made")
    func cellKinds() throws {
        #expect(message { b throws(ReportError) in try b.table(columns: two, rows: [["a", "many"]]) }
                == "row 1, column \"visits\" (integer): expected an integer, got text \"many\"; declare the column with kind \"text\" or pass a number")
        #expect(message { b throws(ReportError) in try b.table(columns: two, rows: [["a", 2.5]]) }
                == "row 1, column \"visits\" (integer): 2.5 is not a whole number; declare the column with kind \"number\"")
        #expect(message { b throws(ReportError) in
            try b.table(columns: [Column(key: "x", kind: .number)], rows: [[.number(.nan)]]) } == "row 1, column \"x\" (number): nan is not a finite number")

        // Lua gives 3.0 for an integer column, 2 for a number column, a number for a text column.
        var b = ReportBuilder(title: "T")
        try b.table(columns: [Column(key: "n", kind: .integer), Column(key: "x", kind: .number), Column(key: "t")],
                    rows: [[3.0, 2, 1950], [nil, nil, nil]])
        #expect(b.build().tables[0].rows == [[.integer(3), .number(2), .text("1950")], [.null, .null, .null]])
    }

    @Test("columns: at least one, unique non-empty keys, known kinds")
    func columns() {
        #expect(message { b throws(ReportError) in try b.table(columns: [], rows: []) } == "a table needs at least one column")
        #expect(message { b throws(ReportError) in try b.table(columns: [Column(key: "a"), Column(key: "a")], rows: []) }
                == "column key \"a\" is used twice; keys must be unique")
        #expect(throws: ReportError("unknown column kind \"float\"; expected \"text\", \"integer\" or \"number\"")) {
            try ColumnKind(parsing: "float")
        }
    }

    @Test("rows given as records: missing keys are nil, unknown keys are refused")
    func records() throws {
        var b = ReportBuilder(title: "T")
        try b.table(columns: two, records: [["name": "Tô Lâm", "visits": 2], ["name": "金正恩"]])
        #expect(b.build().tables[0].rows == [["Tô Lâm", 2], ["金正恩", nil]])
        #expect(message { b throws(ReportError) in try b.table(columns: two, records: [["name": "a", "vists": 1]]) }
                == "row 1 has key \"vists\" which is not a column; columns are: name, visits")
    }

    @Test("a series needs one value per category")
    func seriesLength() {
        let m = message { b throws(ReportError) in
            try b.chart(type: "bar", title: "Per decade", categories: ["1950s", "1960s", "2000s"],
                        series: [Series(name: "visits", values: [2, 1])])
        }
        #expect(m == "chart \"Per decade\": series \"visits\" has 2 values but there are 3 categories; give one value per category, nil for none")
        let one = message { b throws(ReportError) in
            try b.chart(type: "line", title: "C", categories: ["a"], series: [Series(name: "", values: [1, 2])])
        }
        #expect(one == "chart \"C\": series 1 has 2 values but there is 1 category; give one value per category, nil for none")
    }

    @Test("unknown chart types and note kinds are refused with the known ones listed")
    func unknownNames() {
        #expect(message { b throws(ReportError) in
            try b.chart(type: "pie", title: "C", categories: [], series: [Series(name: "s", values: [])])
        } == "unknown chart type \"pie\"; expected one of \"bar\", \"line\"")
        #expect(message { b throws(ReportError) in try b.note("x", kind: "danger") } == "unknown note kind \"danger\"; expected \"info\" or \"warning\"")
    }

    @Test("charts need a title, a series and finite values; no categories is allowed")
    func chartChecks() {
        #expect(message { b throws(ReportError) in
            try b.chart(type: "bar", title: " ", categories: [], series: [Series(name: "s", values: [])]) } == "a chart needs a title")
        #expect(message { b throws(ReportError) in try b.chart(type: "bar", title: "C", categories: ["a"], series: []) }
                == "chart \"C\" has no series; give at least one {name=..., values={...}}")
        #expect(message { b throws(ReportError) in
            try b.chart(type: "bar", title: "C", categories: ["a"], series: [Series(name: "s", values: [.infinity])]) }
                == "chart \"C\": series \"s\", value 1 (a) is inf, not a finite number")
        #expect(message { b throws(ReportError) in
            try b.chart(type: "bar", title: "C", categories: [], series: [Series(name: "s", values: [])]) } == nil)
    }

    @Test("control characters (an escape sequence, say) are refused in any text")
    func controlCharacters() {
        #expect(message { b throws(ReportError) in try b.paragraph("red \u{1B}[31m") }
                == "paragraph contains the control character U+001B; remove it")
        #expect(message { b throws(ReportError) in try b.table(columns: two, rows: [["a\u{0}", 1]]) }
                == "row 1, cell 1 contains the control character U+0000; remove it")
        // Tabs and line breaks are text.
        #expect(message { b throws(ReportError) in try b.paragraph("a\tb\r\nc") } == nil)
        #expect(message { b throws(ReportError) in try b.paragraph("  ") } == "paragraph text is empty")
    }

    @Test("Report.validate names the block at fault")
    func reportValidate() {
        let r = Report(title: "T", blocks: [.paragraph("ok"), .table(Table(columns: [Column(key: "a")], rows: [["x", "y"]]))])
        #expect(throws: ReportError("block 2 (table): row 1 has 2 cells but the table has 1 column (a); give one value per column, nil for none")) {
            try r.validate()
        }
        let kinds = Table(columns: [Column(key: "n", kind: .integer)], rows: [[.text("3")]])
        #expect(throws: ReportError("row 1, column \"n\" (integer): expected an integer, got text")) { try kinds.validate() }
    }

    @Test("column alignment follows the kind")
    func alignment() {
        #expect(Column(key: "a").alignment == .left)
        #expect(Column(key: "a", kind: .integer).alignment == .right)
        #expect(Column(key: "a", kind: .number).alignment == .right)
        #expect(Column(key: "a").title == "a")
    }

    @Test("provenance from a Date is ISO 8601 in UTC; params are iterated in key order")
    func provenance() {
        let p = Provenance(plugin: "p", pluginVersion: "1", params: ["b": "2", "a": "1", "c": "3"], corpusHash: "h",
                           dossierVersion: "0.1", generatedAt: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(p.generatedAt == "2026-11-18T11:06:40Z")
        #expect(p.sortedParams.map(\.key) == ["a", "b", "c"])
    }

    @Test("every footer counts the corrections applied, and says nothing when there are none")
    func correctionsInFooters() throws {
        var corrected = Fixtures.provenance
        corrected.correctionsApplied = 3
        let report = Report(title: "T", provenance: corrected)
        for format in [ReportFormat.text, .md, .html] {
            #expect(render(report, as: format).contains("3 corrections applied"), "\(format)")
            #expect(!render(Report(title: "T", provenance: Fixtures.provenance), as: format).contains("correction"), "\(format)")
        }
        #expect(render(report, as: .html).contains("<dt>Corrections</dt>"))
        let json = render(report, as: .json)
        #expect(json.contains("\"correctionsApplied\" : 3"), "\(json)")
        #expect(!render(Report(title: "T", provenance: Fixtures.provenance), as: .json).contains("correctionsApplied"))
        let decoded = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
        #expect(decoded.provenance?.correctionsApplied == 3)
        corrected.correctionsApplied = 1
        #expect(render(Report(title: "T", provenance: corrected), as: .md).contains("1 correction applied"))
    }
}
