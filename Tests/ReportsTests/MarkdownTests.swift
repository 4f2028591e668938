import Testing
@testable import Reports

@Suite("Markdown format")
struct MarkdownTests {
    @Test("cells: | escaped, line breaks as <br>, Markdown punctuation escaped")
    func cells() throws {
        var b = ReportBuilder(title: "T")
        try b.table(columns: [Column(key: "a", title: "A|B")],
                    rows: [["x | y"], ["line 1\nline 2"], ["*bold* _it_ <b> [l](u)"], ["windows\r\nbreak"]])
        let md = render(b.build(), as: .md)
        #expect(md.contains("| A\\|B |\n| :--- |\n"))
        #expect(md.contains("| x \\| y |"))
        #expect(md.contains("| line 1<br>line 2 |"))
        #expect(md.contains("| \\*bold\\* \\_it\\_ \\<b\\> \\[l\\](u) |"))
        #expect(md.contains("| windows<br>break |"))
        // Every table line has as many unescaped pipes as the header.
        let tableLines = md.split(separator: "\n").filter { $0.hasPrefix("|") }
        let pipes = tableLines.map { line in
            zip(line, line.dropFirst()).filter { $0.1 == "|" && $0.0 != "\\" }.count + (line.first == "|" ? 1 : 0)
        }
        #expect(Set(pipes) == [2])
    }

    @Test("text that would start a block is escaped; headings shift under the title")
    func blockStarts() throws {
        var b = ReportBuilder(title: "Report")
        try b.heading("Sub", level: 3)
        try b.paragraph("# not a heading\n1. not a list\n- not a bullet")
        try b.list(["2. item", "AT&T & co &copy; &#169;"])
        try b.note("first\nsecond", kind: "info")
        let md = render(b.build(), as: .md)
        #expect(md.contains("#### Sub\n"))
        #expect(md.contains("\\# not a heading\n1\\. not a list\n\\- not a bullet"))
        #expect(md.contains("- 2\\. item"))
        #expect(md.contains("- AT\\&T & co \\&copy; \\&#169;"))
        #expect(md.contains("> **Note:** first\n> second"))
    }

    @Test("an empty table keeps its header; a chart without categories says so")
    func empty() throws {
        var b = ReportBuilder(title: "T")
        try b.table(columns: [Column(key: "a", kind: .number)], rows: [])
        try b.chart(type: "line", title: "C", categories: [], series: [Series(name: "s", values: [])])
        let md = render(b.build(), as: .md)
        #expect(md.contains("| a |\n| ---: |\n\n*(no rows)*"))
        #expect(md.contains("**C**\n\n*(no data)*"))
    }
}
