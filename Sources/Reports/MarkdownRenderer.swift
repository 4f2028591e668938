// GitHub-flavoured Markdown. Plugin text is plain text, so everything is escaped: Markdown punctuation
// is backslash-escaped, a `|` in a table cell becomes `\|` and a line break in a cell `<br>`. The
// report title is the only `#` heading; block headings start at `##`. Charts become a table of their
// data followed by a blockquote saying what the chart shows (the HTML format draws it). Notes are
// blockquotes starting with "**Note:**" or "**Warning:**". A row (or a chart's category) with evidence
// gets a footnote listing the visits or events behind it and their sentences, names in bold.

struct MarkdownRenderer {
    let options: RenderOptions

    func render(_ report: Report) -> String {
        var sections = ["# " + inline(report.title)]
        if let subtitle = report.subtitle { sections.append("*" + inline(subtitle) + "*") }
        let evidence = report.evidenceByID
        for (index, block) in report.blocks.enumerated() {
            var text = render(block)
            switch block {
            case .table(let table) where table.evidence != nil:
                text = render(table, evidence: table.evidence ?? [], items: evidence, label: "e\(index + 1)")
            case .chart(let chart) where chart.evidence != nil && !chart.categories.isEmpty:
                var data = chart.dataTable
                data.title = chart.title
                let perCategory = chart.categories.indices.map { i in chart.evidence!.flatMap { $0[i] } }
                text = render(data, evidence: perCategory, items: evidence, label: "e\(index + 1)")
                    + "\n\n" + render(block).components(separatedBy: "\n\n").last!
            default: break
            }
            if !text.isEmpty { sections.append(text) }
        }
        if let p = report.provenance { sections.append(render(p)) }
        return sections.joined(separator: "\n\n") + "\n"
    }

    func render(_ block: Block) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: min(max(level, 1), 3) + 1) + " " + inline(text)
        case .paragraph(let text):
            return paragraph(text)
        case .list(let items, let ordered):
            return items.enumerated().map { i, item in
                (ordered ? "\(i + 1). " : "- ") + escapeLine(oneLine(item))
            }.joined(separator: "\n")
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return render(chart)
        case .note(let text, let kind):
            let label = kind == .warning ? "**Warning:** " : "**Note:** "
            return paragraph(text).split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated().map { i, line in "> " + (i == 0 ? label : "") + line }
                .joined(separator: "\n")
        }
    }

    /// A table; with `marks`, a last "Evidence" column holding each row's footnote mark (Markdown as is).
    func render(_ table: Table, marks: [String?]? = nil) -> String {
        var out: [String] = []
        if let title = table.title { out.append("**" + inline(title) + "**\n") }
        guard !table.columns.isEmpty else { return (out + ["*(empty table)*"]).joined(separator: "\n") }
        let extraTitle = marks == nil ? "" : " | Evidence", extraRule = marks == nil ? "" : " | :---"
        out.append("| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + extraTitle + " |")
        out.append("| " + table.columns.map { $0.alignment == .right ? "---:" : ":---" }.joined(separator: " | ") + extraRule + " |")
        for (r, row) in table.rectangularRows.enumerated() {
            let extra = marks.map { marks in " | " + ((r < marks.count ? marks[r] : nil) ?? "—") } ?? ""
            out.append("| " + row.map { value in
                switch value {
                case .null: "—"
                case .text(let s): cell(s)
                default: NumberFormat.plain(value, decimals: options.decimals) ?? ""
                }
            }.joined(separator: " | ") + extra + " |")
        }
        if table.rows.isEmpty { out.append("\n*(no rows)*") }
        return out.joined(separator: "\n")
    }

    /// A table with a last column of footnote marks, and the footnotes: per row, its evidence items
    /// with their sentences.
    private func render(_ table: Table, evidence: [[String]], items: [String: EvidenceItem], label: String) -> String {
        var marks: [String?] = []
        var notes: [String] = []
        for r in table.rows.indices {
            let ids = r < evidence.count ? evidence[r] : []
            guard !ids.isEmpty else { marks.append(nil); continue }
            let mark = "[^\(label)-\(r + 1)]"
            marks.append(mark)
            // Two sentences an item at most: the HTML report lists them all.
            let entries = ids.compactMap { items[$0] }.map { item in
                let more = item.sentences.count > 2 ? "; and \(item.sentences.count - 2) more" : ""
                return inline(item.label) + ": " + item.sentences.prefix(2).map { sentence in
                    "“" + sentence.runs.map { $0.highlighted ? "**" + inline($0.text) + "**" : escape(oneLine($0.text)) }.joined()
                        + "” (" + inline(sentence.source) + ")"
                }.joined(separator: "; ") + more
            }
            notes.append(mark + ": " + entries.joined(separator: " · "))
        }
        return render(table, marks: marks) + "\n\n" + notes.joined(separator: "\n")
    }

    func render(_ chart: Chart) -> String {
        var data = chart.dataTable
        data.title = chart.title
        var about = "> **Chart:** \(chart.type == .bar ? "bar" : "line") chart of " + inline(chart.title)
        if let y = chart.yLabel { about += " (" + inline(y) + ")" }
        if let x = chart.xLabel { about += " by " + inline(x) }
        about += "; shown here as its data, drawn in the HTML report."
        if chart.categories.isEmpty { return "**" + inline(chart.title) + "**\n\n*(no data)*\n\n" + about }
        return render(data) + "\n\n" + about
    }

    func render(_ p: Provenance) -> String {
        var lines = ["---", "", "*Generated by " + inline(p.plugin) + " " + inline(p.pluginVersion)]
        var details: [String] = []
        if !p.params.isEmpty {
            details.append("params " + p.sortedParams.map { inline($0.key) + "=" + inline($0.value) }.joined(separator: ", "))
        }
        details.append("corpus " + inline(p.corpusHash))
        if let n = p.correctionsApplied, n > 0 { details.append(Provenance.correctionsPhrase(n)) }
        details.append("Dossier " + inline(p.dossierVersion))
        details.append(inline(p.generatedAt))
        lines[2] += " · " + details.joined(separator: " · ") + "*"
        return lines.joined(separator: "\n")
    }

    // MARK: Escaping

    /// Plain text as a Markdown paragraph: escaped, line by line, blank lines dropped (a paragraph is
    /// one block; its line breaks are kept as soft breaks).
    private func paragraph(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { escapeLine(String($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// Plain text inside a line (headings, titles, provenance): escaped, line breaks as spaces.
    private func inline(_ text: String) -> String {
        escape(oneLine(text).trimmingCharacters(in: .whitespaces))
    }

    /// Line breaks as spaces.
    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }

    /// Text in a table cell: escaped, `|` as `\|`, line breaks as `<br>`.
    private func cell(_ text: String) -> String {
        // "\r\n" is a single Character in Swift: normalize line breaks before splitting.
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { escape(String($0)) }
            .joined(separator: "<br>")
    }

    /// One line of plain text escaped, including what would start a block at the start of a line
    /// (`#`, `-`, `+`, `=`, `1.`), and leading spaces (which could make a code block).
    private func escapeLine(_ line: String) -> String {
        var text = escape(line.trimmingCharacters(in: .whitespaces))
        if let first = text.first, "#-+=".contains(first) {
            text = "\\" + text
        } else if let dot = text.firstIndex(where: { !$0.isASCII || !$0.isNumber }),
                  dot != text.startIndex, text[dot] == "." || text[dot] == ")" {
            text.insert("\\", at: dot)
        }
        return text
    }

    /// Backslash before every character Markdown could read as syntax inside a line.
    private func escape(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let ch = rest.popFirst() {
            if "\\`*_[]<>|~".contains(ch) { out.append("\\") }
            // "&" only where it could start an entity such as "&copy;" or "&#169;".
            if ch == "&", let next = rest.first, next.isLetter || next == "#" { out.append("\\") }
            if ch == "\t" { out.append(" "); continue }
            out.append(ch)
        }
        return out
    }
}
