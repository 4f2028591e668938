import CSV
import Foundation
import Testing
@testable import Reports

@Suite("CSV format")
struct CSVTests {
    /// Parses CSV with CSV.swift's reader.
    func parse(_ csv: String) throws -> [[String]] {
        let reader = try CSVReader(string: csv)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let error = reader.error { throw error }
        return rows
    }

    func report(_ rows: [[Cell]], columns: [Column]) throws -> Report {
        var b = ReportBuilder(title: "T")
        try b.heading("ignored in CSV")
        try b.table(columns: columns, rows: rows)
        return b.build()
    }

    @Test("quoting: comma, quote, CR, LF, CRLF, Vietnamese and CJK, read back equal")
    func quoting() throws {
        let values = ["a,b", "say \"hi\"", "line\nbreak", "cr\ronly", "crlf\r\nend", "Tô Lâm, Chủ tịch", "金正恩", " spaced ", "", "plain"]
        let columns = [Column(key: "text"), Column(key: "n", kind: .integer), Column(key: "x", kind: .number)]
        let rows: [[Cell]] = values.enumerated().map { i, v in [.text(v), .integer(i), i % 2 == 0 ? .number(Double(i) + 0.25) : .null] }
        let csv = render(try report(rows, columns: columns), as: .csv)
        let parsed = try parse(csv)
        #expect(parsed.first == ["text", "n", "x"])
        #expect(parsed.count == values.count + 1)
        for (i, v) in values.enumerated() {
            #expect(parsed[i + 1] == [v, String(i), i % 2 == 0 ? "\(Double(i) + 0.25)" : ""])
        }
        // The raw text: quotes doubled, fields quoted only when needed, CRLF after every record.
        #expect(csv.hasPrefix("text,n,x\r\n\"a,b\",0,0.25\r\n\"say \"\"hi\"\"\",1,\r\n\"line\nbreak\",2,2.25\r\n"))
        #expect(csv.contains("\r\nplain,9,\r\n"))
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test("every record ends with CRLF; no bare LF outside quoted fields")
    func lineEnds() throws {
        let csv = render(try report([["a", 1], ["b", 2]], columns: [Column(key: "k"), Column(key: "v", kind: .integer)]), as: .csv)
        #expect(csv == "k,v\r\na,1\r\nb,2\r\n")
    }

    @Test("several tables and a chart: one file each, with exactly its columns; --table N picks one")
    func severalTables() throws {
        var b = ReportBuilder(title: "T")
        try b.table(title: "Visits", columns: [Column(key: "decade"), Column(key: "visits", kind: .integer)],
                    rows: [["1950s", 2], ["2000s", 3]])
        try b.table(columns: [Column(key: "leader"), Column(key: "visits", kind: .integer)], rows: [["Tô Lâm", 1]])
        try b.chart(type: "bar", title: "Visits", categories: ["1950s"], series: [Series(name: "visits", values: [2])])
        try b.table(title: "Empty", columns: [Column(key: "x")], rows: [])
        let report = b.build()
        let files = CSVRenderer.files(of: report, base: "out/decades")
        #expect(files.map(\.name) == ["out/decades.csv", "out/decades-2.csv", "out/decades-3.csv", "out/decades-4.csv"])
        #expect(try parse(files[0].text) == [["decade", "visits"], ["1950s", "2"], ["2000s", "3"]])
        #expect(try parse(files[1].text) == [["leader", "visits"], ["Tô Lâm", "1"]])
        #expect(try parse(files[2].text) == [["category", "visits"], ["1950s", "2"]])
        #expect(try parse(files[3].text) == [["x"]])
        #expect(render(report, as: .csv) == files[0].text)
        #expect(render(report, as: .csv, options: RenderOptions(csvTable: 2)) == files[1].text)
        #expect(render(report, as: .csv, options: RenderOptions(csvTable: 9)) == "")
    }

    @Test("for spreadsheets: a byte-order mark, and ';' as the separator when asked")
    func excel() throws {
        let r = try report([["Tô Lâm", 1.5], ["a;b", 2]], columns: [Column(key: "name"), Column(key: "x", kind: .number)])
        let csv = render(r, as: .csv, options: RenderOptions(csvSeparator: ";", byteOrderMark: true))
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv == "\u{FEFF}name;x\r\nTô Lâm;1.5\r\n\"a;b\";2\r\n")
        #expect(!render(r, as: .csv).hasPrefix("\u{FEFF}"))
    }

    @Test("one chart alone: its data, a category column and a column per series")
    func chartAlone() throws {
        let r = Report(title: "T", blocks: [.chart(Fixtures.lineChart)])
        #expect(try parse(render(r, as: .csv)) == [["category", "VNM", "PRK"], ["2019", "1", "0"], ["2020", "3", ""], ["2021", "2", "4"]])
    }

    @Test("no table: empty output; a table without rows: its header")
    func empty() throws {
        var b = ReportBuilder(title: "T")
        try b.paragraph("Nothing tabular.")
        #expect(render(b.build(), as: .csv) == "")
        try b.table(columns: [Column(key: "a"), Column(key: "b, c")], rows: [])
        #expect(render(b.build(), as: .csv) == "a,\"b, c\"\r\n")
    }
}
