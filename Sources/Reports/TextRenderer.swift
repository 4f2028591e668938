// The text format, for a terminal: headings underlined, paragraphs wrapped to the width, tables with
// aligned columns (by display width, so Vietnamese and CJK line up; numbers to the right) whose cells
// wrap onto more lines when the table is wider than the width, bar charts
// drawn with block characters beside their values, line charts as their data and a sparkline.
// ANSI styling only when `RenderOptions.color` is set, and applied after alignment.

struct TextRenderer {
    let options: RenderOptions

    private var width: Int { max(options.width, 20) }

    func render(_ report: Report) -> String {
        var sections: [String] = []
        let title = clean(report.title)
        var head = style(title, .bold) + "\n" + String(repeating: "=", count: max(DisplayWidth.of(title), 3))
        if let subtitle = report.subtitle {
            head += "\n" + wrap(clean(subtitle), width: width).joined(separator: "\n")
        }
        sections.append(head)
        for block in report.blocks {
            let text = render(block)
            if !text.isEmpty { sections.append(text) }
        }
        if let provenance = report.provenance {
            sections.append(render(provenance))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    // MARK: Blocks

    func render(_ block: Block) -> String {
        switch block {
        case .heading(let level, let text):
            let text = clean(text)
            switch level {
            case ...1: return style(text, .bold) + "\n" + String(repeating: "-", count: max(DisplayWidth.of(text), 3))
            case 2: return style("» " + text, .bold)
            default: return "· " + text
            }
        case .paragraph(let text):
            return wrap(clean(text), width: width).joined(separator: "\n")
        case .list(let items, let ordered):
            let markerWidth = ordered ? String(items.count).count + 2 : 2
            return items.enumerated().map { i, item in
                let marker = ordered ? DisplayWidth.pad("\(i + 1).", to: markerWidth - 1, alignment: .right) + " " : "• "
                return hanging(marker: "  " + marker, text: clean(item))
            }.joined(separator: "\n")
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return render(chart)
        case .note(let text, let kind):
            let marker = kind == .warning ? "Warning: " : "Note: "
            let body = hanging(marker: marker, text: clean(text))
            return kind == .warning ? style(body, .yellow) : style(body, .dim)
        }
    }

    /// `text` wrapped so that the first line starts with `marker` and the others are indented to match.
    private func hanging(marker: String, text: String) -> String {
        let indent = DisplayWidth.of(marker)
        let lines = wrap(text, width: width - indent)
        return lines.enumerated().map { i, line in
            (i == 0 ? marker : String(repeating: " ", count: indent)) + line
        }.joined(separator: "\n")
    }

    // MARK: Tables

    func render(_ table: Table) -> String {
        var out: [String] = []
        if let title = table.title { out.append(style(clean(title), .bold)) }
        let columns = table.columns
        guard !columns.isEmpty else { return (out + ["(empty table)"]).joined(separator: "\n") }
        let cells: [[String]] = table.rectangularRows.map { row in
            row.map { cellText($0) }
        }
        // Natural widths, then shrink text columns (widest first) until the table fits the width: down to
        // their longest word when the words fit, else further (long words then break).
        var widths = columns.indices.map { c in
            ([clean(columns[c].title)] + cells.map { $0[c] }).map(DisplayWidth.of).max() ?? 1
        }
        let gap = 2
        func total() -> Int { widths.reduce(0, +) + gap * (widths.count - 1) }
        var floors = columns.indices.map { c in
            columns[c].kind != .text ? widths[c]
                : min(widths[c], 16, ([clean(columns[c].title)] + cells.map { $0[c] }).flatMap { $0.split(separator: " ") }
                    .map { DisplayWidth.of(String($0)) }.max() ?? 1)
        }
        // Words that do not all fit: the longest give way first, down to 4 columns.
        while floors.reduce(0, +) + gap * (widths.count - 1) > width,
              let longest = columns.indices.filter({ columns[$0].kind == .text && floors[$0] > 4 }).max(by: { floors[$0] < floors[$1] }) {
            floors[longest] -= 1
        }
        while total() > width {
            let candidates = columns.indices.filter { widths[$0] > floors[$0] }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        // A cell wider than its column wraps onto more lines of its row; nothing is cut.
        func lines(_ values: [String], bold: Bool = false) -> [String] {
            let wrapped = columns.indices.map { c in DisplayWidth.wrap(values[c], width: widths[c]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<max(height, 1)).map { i in
                let padded = columns.indices.map { c in
                    let part = i < wrapped[c].count ? DisplayWidth.truncate(wrapped[c][i], to: widths[c]) : ""
                    let text = DisplayWidth.pad(part, to: widths[c], alignment: columns[c].alignment)
                    return bold ? style(text, .bold) : text
                }
                return trimTrailing(padded.joined(separator: String(repeating: " ", count: gap)))
            }
        }
        out.append(contentsOf: lines(columns.map { clean($0.title) }, bold: true))
        out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: gap)))
        for row in cells { out.append(contentsOf: lines(row)) }
        if cells.isEmpty { out.append("(no rows)") }
        return out.joined(separator: "\n")
    }

    private func cellText(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): clean(s).replacingOccurrences(of: "\n", with: " ")
        case .null: "—"
        default: NumberFormat.plain(cell, decimals: options.decimals) ?? ""
        }
    }

    // MARK: Charts

    func render(_ chart: Chart) -> String {
        var out = [style(clean(chart.title), .bold)]
        let axes = [chart.xLabel.map { "x: " + clean($0) }, chart.yLabel.map { "y: " + clean($0) }].compactMap { $0 }
        if !axes.isEmpty { out.append(axes.joined(separator: " · ")) }
        guard !chart.categories.isEmpty, !chart.series.isEmpty else {
            out.append("(no data)")
            return out.joined(separator: "\n")
        }
        switch chart.type {
        case .bar where chart.isStacked: out.append(contentsOf: stackedBars(chart))
        case .bar: out.append(contentsOf: bars(chart))
        case .line: out.append(contentsOf: line(chart))
        }
        return out.joined(separator: "\n")
    }

    /// One line per category (and per series when there are several): label, bar, value. Bars are
    /// scaled to the largest absolute value; negative values are drawn with a light shade.
    private func bars(_ chart: Chart) -> [String] {
        let multi = chart.series.count > 1
        let labels = chart.categories.map { DisplayWidth.truncate(clean($0), to: 20) }
        let names = chart.series.map { DisplayWidth.truncate(clean($0.name), to: 16) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        let nameWidth = multi ? (names.map(DisplayWidth.of).max() ?? 0) : 0
        let values = chart.series.indices.map { s in chart.categories.indices.map { chart.value(s, $0) } }
        let valueTexts = values.map { $0.map { $0.map { NumberFormat.format($0, decimals: options.decimals) } ?? "—" } }
        let valueWidth = valueTexts.flatMap { $0 }.map(DisplayWidth.of).max() ?? 1
        let fixed = labelWidth + 2 + (multi ? nameWidth + 2 : 0) + 1 + valueWidth
        let barWidth = max(10, width - fixed - 1)
        let maxAbs = values.flatMap { $0 }.compactMap { $0.map(abs) }.max() ?? 0
        let negative = values.flatMap { $0 }.contains { ($0 ?? 0) < 0 }

        var out: [String] = []
        for i in chart.categories.indices {
            for s in chart.series.indices {
                var line = DisplayWidth.pad(s == 0 ? labels[i] : "", to: labelWidth, alignment: .left) + "  "
                if multi { line += DisplayWidth.pad(names[s], to: nameWidth, alignment: .left) + "  " }
                let bar = values[s][i].map { drawBar($0, maxAbs: maxAbs, width: barWidth) } ?? ""
                line += style(bar, .cyan) + (bar.isEmpty ? "" : " ") + valueTexts[s][i]
                out.append(trimTrailing(line))
            }
        }
        if negative { out.append("(░ marks a negative value)") }
        return out
    }

    /// One line per category: the series' segments one after the other, each drawn with its own shade
    /// (a legend says which), then the total. Negative values are left out of the bar and named after it.
    private func stackedBars(_ chart: Chart) -> [String] {
        let shades: [Character] = ["█", "▓", "▒", "░", "▚", "▞"]
        let labels = chart.categories.map { DisplayWidth.truncate(clean($0), to: 20) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        let totals = chart.categories.indices.map { i in chart.series.indices.compactMap { chart.value($0, i) }.filter { $0 > 0 }.reduce(0, +) }
        let totalTexts = totals.map { NumberFormat.format($0, decimals: options.decimals) }
        let valueWidth = totalTexts.map(DisplayWidth.of).max() ?? 1
        let barWidth = max(10, width - labelWidth - 2 - 1 - valueWidth - 1)
        let maxTotal = totals.max() ?? 0
        var out = [chart.series.enumerated().map { s, series in "\(shades[s % shades.count]) \(clean(series.name))" }.joined(separator: "   ")]
        for i in chart.categories.indices {
            var bar = ""
            var filled = 0.0
            for s in chart.series.indices {
                guard let v = chart.value(s, i), v > 0, maxTotal > 0 else { continue }
                // Round the running end, not each segment, so the bar's length matches the total.
                let end = Int(((filled + v) / maxTotal * Double(barWidth)).rounded())
                let start = Int((filled / maxTotal * Double(barWidth)).rounded())
                bar += String(repeating: shades[s % shades.count], count: max(end - start, 1))
                filled += v
            }
            let negatives = chart.series.indices.compactMap { s in chart.value(s, i).flatMap { $0 < 0 ? "\(clean(chart.series[s].name)) \(NumberFormat.format($0, decimals: options.decimals))" : nil } }
            var line = DisplayWidth.pad(labels[i], to: labelWidth, alignment: .left) + "  " + style(bar, .cyan)
            line += (bar.isEmpty ? "" : " ") + totalTexts[i]
            if !negatives.isEmpty { line += " (" + negatives.joined(separator: ", ") + ")" }
            out.append(trimTrailing(line))
        }
        return out
    }

    /// A bar of `value`'s length on a scale where `maxAbs` fills `width` columns, to an eighth of a
    /// column; an empty string for zero (or when every value is zero).
    private func drawBar(_ value: Double, maxAbs: Double, width: Int) -> String {
        guard maxAbs > 0, value != 0 else { return "" }
        let fraction = abs(value) / maxAbs
        if value < 0 {
            return String(repeating: "░", count: max(1, Int((fraction * Double(width)).rounded())))
        }
        let eighths = max(1, Int((fraction * Double(width) * 8).rounded()))
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }

    /// A line chart: its data as a table, then one sparkline per series.
    private func line(_ chart: Chart) -> [String] {
        var data = chart.dataTable
        data.title = nil
        var out = [render(data)]
        let names = chart.series.map { clean($0.name) }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        let levels = Array("▁▂▃▄▅▆▇█")
        let range = chart.valueRange
        // Over years that fit the width, one character per year, so the gaps show.
        if let years = chart.numericCategories, let first = years.first, let last = years.last,
           last - first < width - nameWidth - 2 {
            for s in chart.series.indices {
                var marks = [Character](repeating: " ", count: last - first + 1)
                for (i, year) in years.enumerated() {
                    guard let v = chart.value(s, i), let range else { continue }
                    let level = range.max > range.min ? Int(((v - range.min) / (range.max - range.min) * 7).rounded()) : 3
                    marks[year - first] = levels[min(max(level, 0), 7)]
                }
                out.append(DisplayWidth.pad(names[s], to: nameWidth, alignment: .left) + "  " + style(String(marks), .cyan))
            }
            out.append(DisplayWidth.pad("", to: nameWidth, alignment: .left) + "  " + "\(first)" + String(repeating: " ", count: max(1, last - first + 1 - 8)) + "\(last)")
            return out
        }
        for s in chart.series.indices {
            let spark = chart.categories.indices.map { i -> String in
                guard let v = chart.value(s, i), let range else { return " " }
                guard range.max > range.min else { return String(levels[3]) }
                let level = Int(((v - range.min) / (range.max - range.min) * 7).rounded())
                return String(levels[min(max(level, 0), 7)])
            }.joined()
            out.append(DisplayWidth.pad(names[s], to: nameWidth, alignment: .left) + "  " + style(spark, .cyan))
        }
        return out
    }

    // MARK: Provenance

    func render(_ p: Provenance) -> String {
        var parts = ["Generated by \(clean(p.plugin)) \(clean(p.pluginVersion))"]
        if !p.params.isEmpty {
            parts.append("params " + p.sortedParams.map { "\(clean($0.key))=\(clean($0.value))" }.joined(separator: ", "))
        }
        parts.append("corpus \(clean(p.corpusHash))")
        if let n = p.correctionsApplied, n > 0 { parts.append(Provenance.correctionsPhrase(n)) }
        parts.append("Dossier \(clean(p.dossierVersion))")
        parts.append(clean(p.generatedAt))
        let text = wrap(parts.joined(separator: " · "), width: width).joined(separator: "\n")
        return String(repeating: "─", count: min(width, 40)) + "\n" + style(text, .dim)
    }

    // MARK: Helpers

    private enum Style: String {
        case bold = "1", dim = "2", yellow = "33", cyan = "36"
    }

    /// `text` in an ANSI style when colour is on; every line is styled on its own so that a pager
    /// showing part of the text keeps it right.
    private func style(_ text: String, _ s: Style) -> String {
        guard options.color, !text.isEmpty else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "\u{1B}[\(s.rawValue)m\($0)\u{1B}[0m" }
            .joined(separator: "\n")
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        DisplayWidth.wrap(text, width: width)
    }

    private func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Text safe for a terminal: CR and tabs become spaces (CRLF a line feed), other control characters
    /// (an escape sequence, say) the replacement character.
    private func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\n": if !previousCR { out.append("\n") }
            case "\r": out.append("\n")
            case "\t": out.append(" ")
            default: out.append(isForbiddenControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }
}
