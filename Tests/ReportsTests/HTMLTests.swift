import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Reports

@Suite("HTML format")
struct HTMLTests {
    /// The tags of `html` in order, as (name, kind): opening, closing or self-closed. Text inside
    /// `<style>` is skipped; comments and the doctype are ignored.
    func tags(_ html: String) -> [(name: String, kind: Character)] {
        var out: [(String, Character)] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<!") {
                rest = rest[(rest.firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex)...]
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("/") {
                out.append((String(tag.dropFirst()), "c"))
            } else {
                let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" })
                out.append((name, tag.hasSuffix("/") ? "s" : "o"))
                if name == "style", let end = rest.range(of: "</style>") { rest = rest[end.lowerBound...] }
            }
        }
        return out
    }

    /// Whether every opened element is closed, in order.
    func balanced(_ html: String) -> (ok: Bool, problem: String) {
        var stack: [String] = []
        for (name, kind) in tags(html) {
            switch kind {
            case "o": stack.append(name)
            case "c":
                guard stack.last == name else { return (false, "</\(name)> closes <\(stack.last ?? "nothing")>") }
                stack.removeLast()
            default: break
            }
        }
        return (stack.isEmpty, "unclosed: \(stack)")
    }

    func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    func everyBlockHTML() throws -> String {
        var r = try Fixtures.everyBlock()
        r.blocks.append(.chart(Fixtures.lineChart))
        return render(r, as: .html)
    }

    @Test("well formed: every element closed; parses as XML too")
    func wellFormed() throws {
        let html = try everyBlockHTML()
        let check = balanced(html)
        #expect(check.ok, "\(check.problem)")
        let names = Set(tags(html).map(\.name))
        #expect(names.isSuperset(of: ["html", "head", "body", "main", "footer", "table", "thead", "tbody", "svg", "rect", "circle", "ul", "ol", "aside"]))
        #if canImport(FoundationXML)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #endif
        // The checker itself catches a missing close.
        #expect(!balanced("<main><p>x</main>").ok)
    }

    @Test("self-contained: no URL, no script, no external resource")
    func selfContained() throws {
        let html = try everyBlockHTML()
        #expect(!html.lowercased().contains("http"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("<img") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("<style>") && html.contains("prefers-color-scheme: dark") && html.contains("@media print"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") && html.contains("<meta charset=\"utf-8\" />"))
    }

    @Test("one rect.bar per non-nil bar value, one circle.point per non-nil line value, with their data")
    func barAndPointCounts() throws {
        let html = try everyBlockHTML()
        // Fixtures: the bar chart has values [2, 1, nil]; the line chart [1, 3, 2] and [0, nil, 4].
        #expect(count("<rect class=\"bar\"", in: html) == 2)
        #expect(count("<circle class=\"point\"", in: html) == 5)
        #expect(html.contains("<rect class=\"bar\" data-category=\"1950s\" data-series=\"visits\" data-value=\"2\""))
        #expect(html.contains("<circle class=\"point\" data-category=\"2021\" data-series=\"PRK\" data-value=\"4\""))
        #expect(html.contains("<polyline class=\"line\" points=\"165.7,232 349,120 532.3,176\" />"))
    }

    @Test("charts are accessible: role, aria-label, title, axis labels, value labels")
    func accessibleCharts() throws {
        let html = try everyBlockHTML()
        #expect(html.contains("role=\"img\" aria-label=\"Bar chart: Per decade. x: Decade. y: Visits. 3 categories, 1 series.\""))
        #expect(html.contains("<title id=\"chart-7-title\">Per decade</title>"))
        #expect(html.contains(">Decade</text>") && html.contains(">Visits</text>"))
        #expect(html.contains("<text class=\"value\" x=\"165.7\" y=\"40\" text-anchor=\"middle\">2</text>"))
        #expect(html.contains("<desc>1950s: 2; 1960s: 1; 2000s: no value</desc>"))
    }

    @Test("tables have thead and tbody, numbers marked, nulls shown; provenance in the footer")
    func tablesAndFooter() throws {
        let html = try everyBlockHTML()
        #expect(html.contains("<thead>\n<tr><th scope=\"col\">Name</th><th scope=\"col\" class=\"num\">Visits</th>"))
        #expect(html.contains("<tbody>\n<tr><td>Tô Lâm</td><td class=\"num\">2</td><td class=\"num\">0.5</td></tr>"))
        let footer = try #require(html.range(of: "<footer>")).lowerBound
        let tail = html[footer...]
        #expect(tail.contains("visits-per-decade") && tail.contains("sha256:1a2b3c") && tail.contains("<code>country=VNM</code>, <code>min_level=high</code>"))
        #expect(tail.contains("<time datetime=\"2026-11-23T18:40:00Z\">"))
    }

    @Test("all text is escaped, in content and attributes")
    func escaping() throws {
        var b = ReportBuilder(title: "<script>alert('x')</script>")
        try b.paragraph("a < b && \"c\"")
        try b.chart(type: "bar", title: "A&B", categories: ["\"q\" <c>"], series: [Series(name: "s'1", values: [1])])
        let html = render(b.build(), as: .html)
        #expect(!html.contains("<script"))
        #expect(html.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>"))
        #expect(html.contains("<p>a &lt; b &amp;&amp; &quot;c&quot;</p>"))
        #expect(html.contains("data-category=\"&quot;q&quot; &lt;c&gt;\" data-series=\"s&#39;1\""))
        #expect(balanced(html).ok)
    }

    /// Numbers in the SVG geometry, for checking that nothing divided by zero.
    func geometry(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #" (?:x|y|x1|y1|x2|y2|cx|cy|width|height)="([^"]*)""#)
        let ns = html as NSString
        return pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    @Test("zero, negative, nil, single-category and empty charts: finite geometry, right bar count")
    func edgeCases() throws {
        let cases: [(Chart, Int)] = [
            (Chart(type: .bar, title: "zeros", categories: ["a", "b"], series: [Series(name: "s", values: [0, 0])]), 2),
            (Chart(type: .bar, title: "nils", categories: ["a", "b"], series: [Series(name: "s", values: [nil, nil])]), 0),
            (Chart(type: .bar, title: "one", categories: ["only"], series: [Series(name: "s", values: [5])]), 1),
            (Chart(type: .bar, title: "negative", categories: ["a", "b", "c"], series: [Series(name: "s", values: [-3, 4, nil]), Series(name: "t", values: [1, -1, 2])]), 5),
            (Chart(type: .bar, title: "empty", categories: [], series: [Series(name: "s", values: [])]), 0),
            (Chart(type: .line, title: "one point", categories: ["only"], series: [Series(name: "s", values: [0])]), 1),
        ]
        for (chart, expected) in cases {
            try chart.validate()
            let html = render(Report(title: "T", blocks: [.chart(chart)]), as: .html)
            let marks = chart.type == .bar ? count("<rect class=\"bar\"", in: html) : count("<circle class=\"point\"", in: html)
            #expect(marks == expected, "\(chart.title)")
            let numbers = geometry(html)
            #expect(!numbers.isEmpty)
            for n in numbers {
                let value = try #require(Double(n), "\(chart.title): \(n)")
                #expect(value.isFinite && value >= 0 && value <= 640, "\(chart.title): \(n)")
            }
            #expect(balanced(html).ok, "\(chart.title)")
        }
        // A negative bar hangs below the zero line: its top is the zero line.
        let neg = render(Report(title: "T", blocks: [.chart(cases[3].0)]), as: .html)
        #expect(neg.contains("data-value=\"-3\""))
    }

    @Test("bars scale to the largest value")
    func scaling() throws {
        let chart = Chart(type: .bar, title: "c", categories: ["a", "b"], series: [Series(name: "s", values: [10, 5])])
        let html = render(Report(title: "T", blocks: [.chart(chart)]), as: .html)
        let heights = try NSRegularExpression(pattern: #"class="bar"[^>]* height="([0-9.]+)""#)
        let ns = html as NSString
        let values = heights.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { Double(ns.substring(with: $0.range(at: 1)))! }
        #expect(values.count == 2)
        #expect(abs(values[0] - 2 * values[1]) < 0.2)
    }
}
