// HTML: one self-contained file. Inline CSS (light and dark through prefers-color-scheme, print rules),
// no script, nothing fetched from the network (no fonts, images or links). All text is escaped. The
// markup is also well-formed XML (void elements self-closed, no undeclared entities), so it can be
// checked with an XML parser. Charts are inline SVG: a `<title>`, `role="img"` and an `aria-label`,
// axes with labels, and a value label on every bar and point. Every bar is a
// `<rect class="bar" data-category=".." data-series=".." data-value="..">` and every line point a
// `<circle class="point" ...>` with the same data attributes, so a browser test can count them.
// Evidence (the visits or events behind a row or a bar) is a `<details class="evidence">` that opens,
// without script, on the sentences that report each item, names in `<mark>`.

import Foundation

struct HTMLRenderer {
    let options: RenderOptions

    func render(_ report: Report) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="\(attr(options.language))">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="Dossier" />
        <title>\(text(report.title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <main>
        <header>
        <h1>\(text(report.title))</h1>

        """
        if let subtitle = report.subtitle { html += "<p class=\"subtitle\">\(text(subtitle))</p>\n" }
        html += "</header>\n"
        let evidence = report.evidenceByID
        for (index, block) in report.blocks.enumerated() {
            html += render(block, index: index, evidence: evidence)
        }
        html += "</main>\n"
        if let p = report.provenance { html += render(p) }
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: Blocks

    private func render(_ block: Block, index: Int, evidence: [String: EvidenceItem]) -> String {
        switch block {
        case .heading(let level, let t):
            let h = "h\(min(max(level, 1), 3) + 1)"
            return "<\(h)>\(text(t))</\(h)>\n"
        case .paragraph(let t):
            return "<p>\(multiline(t))</p>\n"
        case .list(let items, let ordered):
            guard !items.isEmpty else { return "" }
            let tag = ordered ? "ol" : "ul"
            return "<\(tag)>\n" + items.map { "<li>\(text($0))</li>\n" }.joined() + "</\(tag)>\n"
        case .table(let table):
            return render(table, evidence: evidence)
        case .chart(let chart):
            return render(chart, id: "chart-\(index + 1)", evidence: evidence)
        case .note(let t, let kind):
            let label = kind == .warning ? "Warning:" : "Note:"
            return "<aside class=\"note \(kind.rawValue)\" role=\"note\"><strong>\(label)</strong> \(multiline(t))</aside>\n"
        }
    }

    private func render(_ table: Table, evidence: [String: EvidenceItem]) -> String {
        var out = "<div class=\"table-wrap\">\n<table>\n"
        if let title = table.title { out += "<caption>\(text(title))</caption>\n" }
        out += "<thead>\n<tr>"
        for column in table.columns {
            out += "<th scope=\"col\"\(numClass(column))>\(text(column.title))</th>"
        }
        if table.evidence != nil { out += "<th scope=\"col\">Evidence</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for (r, row) in table.rectangularRows.enumerated() {
            out += "<tr>"
            for (c, cell) in row.enumerated() {
                let value: String = switch cell {
                case .null: "<span class=\"null\" title=\"no value\">—</span>"
                case .text(let s): multiline(s)
                default: text(NumberFormat.plain(cell, decimals: options.decimals) ?? "")
                }
                out += "<td\(numClass(table.columns[c]))>\(value)</td>"
            }
            if let ids = table.evidence {
                out += "<td class=\"evidence\">" + details(r < ids.count ? ids[r] : [], total: table.evidenceTotal(row: r),
                                                             summary: nil, evidence: evidence) + "</td>"
            }
            out += "</tr>\n"
        }
        if table.rows.isEmpty {
            out += "<tr><td class=\"empty\" colspan=\"\(max(table.columns.count, 1))\">No rows</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        return out
    }

    /// The evidence items `ids` as a `<details>` list: each item's label, then its sentences with the
    /// names marked and the article named; the summary says how many of `total` items are shown. Empty
    /// for no items.
    private func details(_ ids: [String], total: Int, summary: String?, evidence: [String: EvidenceItem]) -> String {
        let items = ids.compactMap { evidence[$0] }
        guard !items.isEmpty else { return "" }
        let count = evidenceCount(shown: items.count, total: total)
        var out = "<details class=\"evidence\"><summary>\(text(summary.map { "\($0) (\(count))" } ?? count))</summary>\n<ol>\n"
        for item in items {
            out += "<li id=\"\(attr(item.id))\"><span class=\"evidence-label\">\(text(item.label))</span>\n<ul>\n"
            for sentence in item.sentences {
                let body = sentence.runs.map { $0.highlighted ? "<mark>\(text($0.text))</mark>" : text($0.text) }.joined()
                out += "<li><q class=\"sentence\">\(body)</q> <cite>\(text(sentence.source))</cite></li>\n"
            }
            out += "</ul></li>\n"
        }
        return out + "</ol>\n</details>"
    }

    private func numClass(_ column: Column) -> String {
        column.alignment == .right ? " class=\"num\"" : ""
    }

    // MARK: Charts

    /// Geometry of the plot area inside the SVG's view box.
    private struct Frame {
        let width = 640.0, height = 340.0
        var left = 56.0, right = 16.0, top = 44.0, bottom = 52.0
        var plotWidth: Double { width - left - right }
        var plotHeight: Double { height - top - bottom }
        var plotBottom: Double { height - bottom }
    }

    private func render(_ chart: Chart, id: String, evidence: [String: EvidenceItem]) -> String {
        var frame = Frame()
        let multi = chart.series.count > 1
        if chart.yLabel != nil { frame.left += 18 }
        if multi { frame.top += 20 }
        let rotate = chart.categories.count > 10
        if rotate { frame.bottom += 40 }
        if chart.xLabel == nil { frame.bottom -= 16 }

        let n = chart.categories.count
        let kind = chart.type == .line ? "Line chart" : chart.isStacked ? "Stacked bar chart" : chart.series.count > 1 ? "Grouped bar chart" : "Bar chart"
        var label = "\(kind): \(chart.title)."
        if let x = chart.xLabel { label += " x: \(x)." }
        if let y = chart.yLabel { label += " y: \(y)." }
        label += " \(n) categor\(n == 1 ? "y" : "ies"), \(chart.series.count) series."

        // The value scale: it always includes 0, and a range of zero width is widened to [0, 1] so
        // nothing divides by zero (all values zero, all nil, or no categories).
        let range = chart.valueRange
        let whole = chart.series.allSatisfy { $0.values.allSatisfy { $0.map { $0 == $0.rounded() } ?? true } }
        let scale = Scale(lo: min(0, range?.min ?? 0), hi: max(0, range?.max ?? 0), whole: whole)
        let plot = Plot(frame: frame, scale: scale, band: frame.plotWidth / Double(max(n, 1)), years: chart.numericCategories)
        func y(_ v: Double) -> Double { plot.y(v) }
        func center(_ i: Int) -> Double { plot.center(i) }

        var svg = "<figure class=\"chart\" id=\"\(id)\">\n"
        svg += "<svg class=\"chart-\(chart.type.rawValue)\" viewBox=\"0 0 \(num(frame.width)) \(num(frame.height))\" role=\"img\" aria-label=\"\(attr(label))\">\n"
        svg += "<title id=\"\(id)-title\">\(text(chart.title))</title>\n"
        svg += "<desc>\(text(description(chart)))</desc>\n"
        svg += "<text class=\"chart-title\" x=\"\(num(frame.width / 2))\" y=\"22\" text-anchor=\"middle\">\(text(chart.title))</text>\n"

        // Legend, when there are several series.
        if multi {
            var x = frame.left
            for (s, series) in chart.series.enumerated() {
                svg += "<g class=\"legend s\(s % 6)\"><rect class=\"swatch\" x=\"\(num(x))\" y=\"34\" width=\"10\" height=\"10\" /><text x=\"\(num(x + 14))\" y=\"43\">\(text(series.name))</text></g>\n"
                x += 24 + Double(DisplayWidth.of(series.name)) * 7
            }
        }

        // Grid lines and value ticks, then the axes.
        svg += "<g class=\"y-axis\">\n"
        for tick in scale.ticks {
            let ty = y(tick)
            svg += "<line class=\"grid\" x1=\"\(num(frame.left))\" y1=\"\(num(ty))\" x2=\"\(num(frame.width - frame.right))\" y2=\"\(num(ty))\" />"
            svg += "<text class=\"tick\" x=\"\(num(frame.left - 6))\" y=\"\(num(ty + 4))\" text-anchor=\"end\">\(text(format(tick)))</text>\n"
        }
        svg += "</g>\n"
        svg += "<line class=\"axis\" x1=\"\(num(frame.left))\" y1=\"\(num(frame.top))\" x2=\"\(num(frame.left))\" y2=\"\(num(frame.plotBottom))\" />\n"
        svg += "<line class=\"axis\" x1=\"\(num(frame.left))\" y1=\"\(num(y(0)))\" x2=\"\(num(frame.width - frame.right))\" y2=\"\(num(y(0)))\" />\n"
        if let yLabel = chart.yLabel {
            let cy = frame.top + frame.plotHeight / 2
            svg += "<text class=\"axis-label\" x=\"16\" y=\"\(num(cy))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(num(cy)))\">\(text(yLabel))</text>\n"
        }
        if let xLabel = chart.xLabel {
            svg += "<text class=\"axis-label\" x=\"\(num(frame.left + frame.plotWidth / 2))\" y=\"\(num(frame.height - 10))\" text-anchor=\"middle\">\(text(xLabel))</text>\n"
        }

        // Category labels under the plot.
        svg += "<g class=\"x-axis\">\n"
        for (i, category) in chart.categories.enumerated() {
            let cx = center(i), cy = frame.plotBottom + 16
            let shown = DisplayWidth.truncate(category, to: 18)
            if rotate {
                svg += "<text class=\"category\" x=\"\(num(cx))\" y=\"\(num(cy))\" text-anchor=\"end\" transform=\"rotate(-40 \(num(cx)) \(num(cy)))\">\(text(shown))</text>\n"
            } else {
                svg += "<text class=\"category\" x=\"\(num(cx))\" y=\"\(num(cy))\" text-anchor=\"middle\">\(text(shown))</text>\n"
            }
        }
        svg += "</g>\n"

        if n == 0 {
            svg += "<text class=\"empty\" x=\"\(num(frame.left + frame.plotWidth / 2))\" y=\"\(num(frame.top + frame.plotHeight / 2))\" text-anchor=\"middle\">No data</text>\n"
        }

        svg += marks(chart, plot)
        svg += "</svg>\n" + chartEvidence(chart, evidence: evidence)
        svg += "</figure>\n"
        return svg
    }

    /// Where values and categories go in the plot area.
    private struct Plot {
        let frame: Frame
        let scale: Scale
        /// The width given to each category.
        let band: Double
        /// For a line over years: the years, placed by value.
        let years: [Int]?

        func y(_ v: Double) -> Double { frame.plotBottom - (v - scale.lo) / (scale.hi - scale.lo) * frame.plotHeight }

        /// The middle of category `i`: evenly spaced, or by year for a line over years.
        func center(_ i: Int) -> Double {
            guard let years, let first = years.first, let last = years.last, last > first else {
                return frame.left + band * (Double(i) + 0.5)
            }
            return frame.left + band / 2 + (frame.plotWidth - band) * Double(years[i] - first) / Double(last - first)
        }
    }

    /// The bars, segments or points of every series, with their value labels.
    private func marks(_ chart: Chart, _ plot: Plot) -> String {
        var svg = ""
        let n = chart.categories.count
        // The data, one group per series. Stacked bars start where the series below them ended.
        var stackedBelow = [(positive: Double, negative: Double)](repeating: (0, 0), count: n)
        for (s, series) in chart.series.enumerated() {
            svg += "<g class=\"series s\(s % 6)\" data-series=\"\(attr(series.name))\">\n"
            switch chart.type {
            case .bar where chart.isStacked:
                let barWidth = plot.band * 0.6
                for i in chart.categories.indices {
                    guard let v = chart.value(s, i), v != 0 else { continue }
                    let x = plot.frame.left + plot.band * Double(i) + plot.band * 0.2
                    let base = v < 0 ? stackedBelow[i].negative : stackedBelow[i].positive
                    if v < 0 { stackedBelow[i].negative += v } else { stackedBelow[i].positive += v }
                    let top = min(plot.y(base), plot.y(base + v)), height = abs(plot.y(base + v) - plot.y(base))
                    let data = "data-category=\"\(attr(chart.categories[i]))\" data-series=\"\(attr(series.name))\""
                    svg += "<rect class=\"bar stacked\" \(data) data-value=\"\(NumberFormat.shortest(v))\" x=\"\(num(x))\" y=\"\(num(top))\" width=\"\(num(max(barWidth - 1, 0.5)))\" height=\"\(num(height))\"><title>\(text(tooltip(chart, s, i, v)))</title></rect>\n"
                    if height >= 12 {
                        svg += "<text class=\"value inside\" x=\"\(num(x + barWidth / 2))\" y=\"\(num(top + height / 2 + 4))\" text-anchor=\"middle\">\(text(format(v)))</text>\n"
                    }
                }
            case .bar:
                let groupWidth = plot.band * 0.8
                let barWidth = groupWidth / Double(chart.series.count)
                for i in chart.categories.indices {
                    let x = plot.frame.left + plot.band * Double(i) + plot.band * 0.1 + barWidth * Double(s)
                    let data = "data-category=\"\(attr(chart.categories[i]))\" data-series=\"\(attr(series.name))\""
                    guard let v = chart.value(s, i) else {
                        svg += "<text class=\"value missing\" x=\"\(num(x + barWidth / 2))\" y=\"\(num(plot.y(0) - 4))\" text-anchor=\"middle\">n/a</text>\n"
                        continue
                    }
                    let top = min(plot.y(0), plot.y(v)), height = abs(plot.y(v) - plot.y(0))
                    svg += "<rect class=\"bar\" \(data) data-value=\"\(NumberFormat.shortest(v))\" x=\"\(num(x))\" y=\"\(num(top))\" width=\"\(num(max(barWidth - 1, 0.5)))\" height=\"\(num(height))\"><title>\(text(tooltip(chart, s, i, v)))</title></rect>\n"
                    let ly = v < 0 ? plot.y(v) + 13 : plot.y(v) - 4
                    svg += "<text class=\"value\" x=\"\(num(x + barWidth / 2))\" y=\"\(num(ly))\" text-anchor=\"middle\">\(text(format(v)))</text>\n"
                }
            case .line:
                // A polyline per run of consecutive values: a nil breaks the line.
                var runs: [[String]] = [[]]
                for i in chart.categories.indices {
                    if let v = chart.value(s, i) {
                        runs[runs.count - 1].append("\(num(plot.center(i))),\(num(plot.y(v)))")
                    } else if !runs[runs.count - 1].isEmpty {
                        runs.append([])
                    }
                }
                for run in runs where run.count > 1 {
                    svg += "<polyline class=\"line\" points=\"\(run.joined(separator: " "))\" />\n"
                }
                for i in chart.categories.indices {
                    guard let v = chart.value(s, i) else { continue }
                    let data = "data-category=\"\(attr(chart.categories[i]))\" data-series=\"\(attr(series.name))\""
                    svg += "<circle class=\"point\" \(data) data-value=\"\(NumberFormat.shortest(v))\" cx=\"\(num(plot.center(i)))\" cy=\"\(num(plot.y(v)))\" r=\"3.5\"><title>\(text(tooltip(chart, s, i, v)))</title></circle>\n"
                    svg += "<text class=\"value\" x=\"\(num(plot.center(i)))\" y=\"\(num(plot.y(v) - 8))\" text-anchor=\"middle\">\(text(format(v)))</text>\n"
                }
            }
            svg += "</g>\n"
        }
        if chart.isStacked {
            for i in chart.categories.indices where stackedBelow[i].positive != 0 || stackedBelow[i].negative != 0 {
                let total = stackedBelow[i].positive + stackedBelow[i].negative
                svg += "<text class=\"value total\" x=\"\(num(plot.center(i)))\" y=\"\(num(plot.y(stackedBelow[i].positive) - 4))\" text-anchor=\"middle\">\(text(format(total)))</text>\n"
            }
        }
        return svg
    }

    /// The evidence behind each bar or point, under the chart.
    private func chartEvidence(_ chart: Chart, evidence: [String: EvidenceItem]) -> String {
        guard let ids = chart.evidence else { return "" }
        var parts = ""
        for i in chart.categories.indices {
            for s in chart.series.indices where s < ids.count && i < ids[s].count && !ids[s][i].isEmpty {
                let value = chart.value(s, i).map(format) ?? "no value"
                parts += "<div>" + details(ids[s][i], total: chart.evidenceTotal(series: s, category: i),
                                          summary: tooltipLabel(chart, s, i) + ": " + value, evidence: evidence) + "</div>\n"
            }
        }
        return parts.isEmpty ? "" : "<div class=\"chart-evidence\">\n\(parts)</div>\n"
    }

    /// "1950s" or, with several series, "Vietnam, 1950s".
    private func tooltipLabel(_ chart: Chart, _ s: Int, _ i: Int) -> String {
        (chart.series.count > 1 ? chart.series[s].name + ", " : "") + chart.categories[i]
    }

    /// "1950s: 2" or, with several series, "Vietnam, 1950s: 2".
    private func tooltip(_ chart: Chart, _ s: Int, _ i: Int, _ v: Double) -> String {
        (chart.series.count > 1 ? chart.series[s].name + ", " : "") + chart.categories[i] + ": " + format(v)
    }

    /// The chart's data in words, for screen readers and for whoever cannot see the SVG.
    private func description(_ chart: Chart) -> String {
        chart.series.enumerated().map { s, series in
            let values = chart.categories.indices.map { i in
                chart.categories[i] + ": " + (chart.value(s, i).map(format) ?? "no value")
            }.joined(separator: "; ")
            return (chart.series.count > 1 ? series.name + ": " : "") + values
        }.joined(separator: ". ")
    }

    /// A value axis from `lo` to `hi` (which include 0) widened to round ticks.
    private struct Scale {
        let lo: Double, hi: Double, step: Double

        /// `whole`: the values are whole numbers, so ticks are too (no "0.5 visits").
        init(lo: Double, hi: Double, whole: Bool) {
            var lo = lo, hi = hi
            if hi - lo <= 0 { hi = lo + 1 }
            let rough = (hi - lo) / 4
            let magnitude = pow(10, floor(log10(rough)))
            var step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
            if whole { step = max(1, step.rounded(.up)) }
            lo = floor(lo / step) * step
            hi = ceil(hi / step) * step
            self.lo = lo
            self.hi = hi
            self.step = step
        }

        var ticks: [Double] {
            let count = Int(((hi - lo) / step).rounded())
            return (0...max(count, 0)).map { lo + Double($0) * step }
        }
    }

    // MARK: Provenance

    private func render(_ p: Provenance) -> String {
        var out = "<footer>\n<p>Generated by <strong>\(text(p.plugin))</strong> \(text(p.pluginVersion))</p>\n<dl>\n"
        out += "<dt>Plugin</dt><dd>\(text(p.plugin)) \(text(p.pluginVersion))</dd>\n"
        let params = p.sortedParams.map { "<code>\(text($0.key))=\(text($0.value))</code>" }.joined(separator: ", ")
        out += "<dt>Parameters</dt><dd>\(params.isEmpty ? "none" : params)</dd>\n"
        out += "<dt>Corpus</dt><dd><code>\(text(p.corpusHash))</code></dd>\n"
        if let n = p.correctionsApplied, n > 0 { out += "<dt>Corrections</dt><dd>\(text(Provenance.correctionsPhrase(n)))</dd>\n" }
        out += "<dt>Dossier</dt><dd>\(text(p.dossierVersion))</dd>\n"
        out += "<dt>Generated</dt><dd><time datetime=\"\(attr(p.generatedAt))\">\(text(p.generatedAt))</time></dd>\n"
        out += "</dl>\n</footer>\n"
        return out
    }

    // MARK: Escaping and numbers

    private func text(_ s: String) -> String { HTMLEscape.text(s) }

    private func attr(_ s: String) -> String { HTMLEscape.attribute(s) }

    /// Text whose line breaks are kept, as `<br />`.
    private func multiline(_ s: String) -> String {
        text(s).replacingOccurrences(of: "\n", with: "<br />\n")
    }

    /// A value for people: with the requested decimals.
    private func format(_ v: Double) -> String {
        NumberFormat.format(v, decimals: options.decimals)
    }

    /// A coordinate, to a tenth.
    private func num(_ v: Double) -> String {
        NumberFormat.shortest((v * 10).rounded() / 10)
    }

    // MARK: Style

    static let css = """

    :root {
      color-scheme: light dark;
      --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --border: #d1d9e0; --stripe: #f6f8fa;
      --info-bg: #ddf4ff; --info-edge: #0969da; --warn-bg: #fff8c5; --warn-edge: #9a6700;
      --c0: #2f6db5; --c1: #d9822b; --c2: #2e8b57; --c3: #9b4f96; --c4: #8a7a1f; --c5: #c0392b;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --border: #3d444d; --stripe: #151b23;
        --info-bg: #0c2d4f; --info-edge: #4493f8; --warn-bg: #3a2e05; --warn-edge: #d29922;
        --c0: #6cb6ff; --c1: #f0a35e; --c2: #57c785; --c3: #d68fd1; --c4: #d8c85a; --c5: #ff7b72;
      }
    }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--fg); background: var(--bg);
      font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
    main, footer { max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem; }
    h1 { font-size: 1.8rem; margin: 0.5rem 0 0.25rem; }
    h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.15rem; margin-top: 1.5rem; }
    h4 { font-size: 1rem; margin-top: 1.25rem; }
    .subtitle { color: var(--muted); margin-top: 0; }
    .table-wrap { overflow-x: auto; margin: 1rem 0; }
    table { border-collapse: collapse; min-width: 50%; }
    caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
    th, td { padding: 0.3rem 0.75rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--muted); }
    tbody tr:nth-child(even) { background: var(--stripe); }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .null, .empty { color: var(--muted); }
    .note { margin: 1rem 0; padding: 0.5rem 0.75rem; border-left: 4px solid var(--info-edge); background: var(--info-bg); }
    .note.warning { border-left-color: var(--warn-edge); background: var(--warn-bg); }
    figure.chart { margin: 1.5rem 0; }
    figure.chart svg { width: 100%; max-width: 48rem; height: auto; display: block; }
    svg text { fill: var(--fg); font-size: 12px; }
    svg .chart-title { font-size: 15px; font-weight: 600; }
    svg .axis-label { font-size: 13px; font-weight: 600; }
    svg .tick, svg .value.missing, svg .empty { fill: var(--muted); }
    svg .value.inside { fill: #fff; font-size: 10px; }
    details.evidence summary { cursor: pointer; color: var(--muted); }
    details.evidence ol { margin: .3em 0 .3em 1.2em; padding: 0; }
    details.evidence q.sentence { font-style: italic; }
    details.evidence mark { font-style: normal; font-weight: 600; }
    .chart-evidence { font-size: .9em; }
    svg .value { font-size: 11px; }
    svg .axis { stroke: var(--muted); stroke-width: 1; }
    svg .grid { stroke: var(--border); stroke-width: 1; }
    svg .line { fill: none; stroke-width: 2; }
    .s0 { --c: var(--c0); } .s1 { --c: var(--c1); } .s2 { --c: var(--c2); }
    .s3 { --c: var(--c3); } .s4 { --c: var(--c4); } .s5 { --c: var(--c5); }
    svg .bar, svg .point, svg .swatch { fill: var(--c); }
    svg .line { stroke: var(--c); }
    footer { color: var(--muted); font-size: 0.875rem; border-top: 1px solid var(--border); margin-top: 2rem; }
    footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; }
    footer dt { font-weight: 600; }
    footer dd { margin: 0; }
    @media print {
      :root { --fg: #000; --bg: #fff; --stripe: #f3f3f3; }
      body { font-size: 11pt; }
      main, footer { max-width: none; padding: 0; }
      .table-wrap { overflow: visible; }
      table, figure, .note { break-inside: avoid; }
      h2, h3, h4 { break-after: avoid; }
    }

    """
}
