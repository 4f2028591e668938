import Foundation
import Testing
@testable import Reports

@Suite("Text format and display width")
struct TextTests {
    @Test("display width: combining marks take no column, CJK two, precomposed or not")
    func widths() {
        let nfc = "Tô Lâm"
        let nfd = "To\u{0302} La\u{0302}m"
        #expect(nfc.unicodeScalars.count == 6 && nfd.unicodeScalars.count == 8)
        #expect(DisplayWidth.of(nfc) == 6)
        #expect(DisplayWidth.of(nfd) == 6)
        #expect(DisplayWidth.of("Nguyễn Phú Trọng") == 16)
        #expect(DisplayWidth.of("金正恩") == 6)
        #expect(DisplayWidth.of("김정은") == 6)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.truncate("金正恩 visits", to: 5) == "金正…")
        #expect(DisplayWidth.pad("金", to: 4, alignment: .right) == "  金")
    }

    /// Where each line's columns end, in display columns: every row must match the header.
    @Test("\"Tô Lâm\" (both normal forms) and \"金正恩\" in one column line up, numbers to the right")
    func alignment() throws {
        var b = ReportBuilder(title: "T")
        try b.table(columns: [Column(key: "name", title: "Name"), Column(key: "visits", title: "Visits", kind: .integer),
                              Column(key: "note", title: "Note")],
                    rows: [["Tô Lâm", 2, "x"], ["To\u{0302} La\u{0302}m", 10, "y"], ["金正恩", 123, "z"], ["Kim", nil, "w"]])
        let lines = render(b.build(), as: .text).split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Name") })
        let block = Array(lines[header...].prefix(6))
        // Spelled out, so that a wrong width function cannot agree with itself: the CJK name takes
        // six columns, the Vietnamese ones six whether their marks are precomposed or combining.
        #expect(block == [
            "Name    Visits  Note",
            "──────  ──────  ────",
            "Tô Lâm       2  x",
            "To\u{0302} La\u{0302}m      10  y",
            "金正恩     123  z",
            "Kim          —  w",
        ])
        // The last column (one letter per row) starts where the header "Note" starts, on every row.
        let noteColumn = DisplayWidth.of(String(block[0].prefix(upTo: try #require(block[0].range(of: "Note")).lowerBound)))
        for line in block.dropFirst(2) {
            let last = try #require(line.last)
            #expect(DisplayWidth.of(String(line.dropLast())) == noteColumn, "\(line) ends its second column at the wrong place")
            #expect("xyzw".contains(last))
        }
        // The numbers are right-aligned: they end where the header "Visits" ends.
        let visitsEnd = DisplayWidth.of(String(block[0][..<(try #require(block[0].range(of: "Visits")).upperBound)]))
        #expect(block[2].hasPrefix("Tô Lâm"))
        for (line, number) in zip(block.dropFirst(2), ["2", "10", "123", "—"]) {
            let end = try #require(line.range(of: number)).upperBound
            #expect(DisplayWidth.of(String(line[..<end])) == visitsEnd, "\(line)")
        }
    }

    @Test("a wide table is fitted to the width by wrapping text cells onto more lines, never cutting them")
    func fitsWidth() throws {
        var b = ReportBuilder(title: "T")
        let long = String(repeating: "Hà Nội ", count: 12)
        try b.table(columns: [Column(key: "a"), Column(key: "b"), Column(key: "n", kind: .integer)],
                    rows: [[.text(long), .text("Tô Lâm"), 123456789], [.text("short"), .text(long), 7]])
        let text = render(b.build(), as: .text, options: RenderOptions(width: 50))
        let lines = text.split(separator: "\n").map(String.init)
        for line in lines { #expect(DisplayWidth.of(line) <= 50, "\(line)") }
        #expect(!text.contains("…") && text.contains("123456789"))
        // Every word of both long cells is there, twelve times each.
        #expect(text.components(separatedBy: "Nội").count - 1 == 24)
        // The first row's number sits on the row's first line, beside the start of its text.
        let first = try #require(lines.first { $0.contains("123456789") })
        #expect(first.hasPrefix("Hà Nội") && first.contains("Tô Lâm"))
    }

    @Test("bar charts: zero, negative and nil values, and every value shown")
    func bars() throws {
        var b = ReportBuilder(title: "T")
        try b.chart(type: "bar", title: "Mixed", categories: ["a", "b", "c", "d"],
                    series: [Series(name: "s", values: [4, 0, -2, nil])])
        let lines = render(b.build(), as: .text, options: RenderOptions(width: 40)).split(separator: "\n").map(String.init)
        #expect(lines.contains("a  " + String(repeating: "█", count: 33) + " 4"))
        #expect(lines.contains("b  0"))
        #expect(lines.contains("c  ░░░░░░░░░░░░░░░░░ -2"))
        #expect(lines.contains("d  —"))
        // All zero: no bar, no division by zero.
        var z = ReportBuilder(title: "T")
        try z.chart(type: "bar", title: "Zero", categories: ["only"], series: [Series(name: "s", values: [0])])
        #expect(render(z.build(), as: .text).contains("only  0\n"))
    }

    @Test("line charts: their data and a sparkline per series")
    func lines() throws {
        let r = Report(title: "T", blocks: [.chart(Fixtures.lineChart)])
        let text = render(r, as: .text)
        // One scale for all series (0 to 4), so the sparklines compare.
        #expect(text.contains("VNM  ▃▆▅"))
        #expect(text.contains("PRK  ▁ █"))
        #expect(text.contains("2020    3    —"))
    }

    @Test("colour only when asked; escape sequences in data never reach the terminal")
    func colour() throws {
        let r = try Fixtures.small()
        #expect(render(r, as: .text, options: RenderOptions(color: true)).contains("\u{1B}[1mVisits\u{1B}[0m"))
        let hostile = Report(title: "x\u{1B}]0;pwned\u{7}", blocks: [.paragraph("a\u{1B}[2Jb")])
        let text = render(hostile, as: .text)
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"))
        #expect(text.contains("a\u{FFFD}[2Jb"))
    }

    @Test("long paragraphs and list items wrap at the width with a hanging indent")
    func wrapping() throws {
        var b = ReportBuilder(title: "T")
        try b.list(["Chủ tịch nước Việt Nam thăm chính thức Cộng hòa Dân chủ Nhân dân Triều Tiên năm 2025"])
        let text = render(b.build(), as: .text, options: RenderOptions(width: 30))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("  • Chủ tịch nước Việt Nam"))
        #expect(lines.contains("    thăm chính thức Cộng hòa"))
        for line in lines { #expect(DisplayWidth.of(line) <= 30) }
    }
}
