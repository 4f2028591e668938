import Foundation
import Testing
@testable import Reports

@Suite("Stacked and grouped bars, lines over years")
struct ChartLayoutTests {
    static let directions = [Series(name: "Vietnam → Korea", values: [2, 1, nil, 3]), Series(name: "Korea → Vietnam", values: [1, 0, 2, 1])]

    func report(_ chart: Chart) throws -> Report {
        var builder = ReportBuilder(title: "Charts")
        try builder.chart(chart)
        return builder.build()
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func stackedBarsPutTheSeriesOnOneBarPerCategory() throws {
        let chart = Chart(type: .bar, title: "Visits by direction", categories: ["1950s", "1960s", "1970s", "2000s"],
                          series: Self.directions, stacked: true)
        let html = render(try report(chart), as: .html)
        #expect(html.contains("aria-label=\"Stacked bar chart: Visits by direction."))
        // One segment per non-zero value, and a total above each bar.
        #expect(count("<rect class=\"bar stacked\"", in: html) == 6)
        #expect(count("class=\"value total\"", in: html) == 4)
        #expect(html.contains(">3</text>") && html.contains(">4</text>"))
        // The second series' segment of the first category starts where the first series' ends.
        let segments = html.components(separatedBy: "<rect class=\"bar stacked\"").dropFirst()
            .filter { $0.contains("data-category=\"1950s\"") }
        #expect(segments.count == 2)
        func attribute(_ name: String, _ text: String) -> Double? {
            guard let range = text.range(of: " \(name)=\"") else { return nil }
            return Double(text[range.upperBound...].prefix { $0 != "\"" })
        }
        let lower = try #require(segments.first { $0.contains("Vietnam → Korea\" data-value") })
        let upper = try #require(segments.first { $0.contains("Korea → Vietnam\" data-value") })
        let lowerTop = try #require(attribute("y", lower))
        let upperTop = try #require(attribute("y", upper)), upperHeight = try #require(attribute("height", upper))
        #expect(abs(upperTop + upperHeight - lowerTop) < 0.01)
        let text = render(try report(chart), as: .text, options: RenderOptions(width: 60))
        #expect(text.contains("█ Vietnam → Korea   ▓ Korea → Vietnam"))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("1950s") })
        #expect(row.contains("█") && row.contains("▓") && row.hasSuffix(" 3"))
    }

    @Test func groupedBarsStandSideBySide() throws {
        let chart = Chart(type: .bar, title: "Visits by direction", categories: ["1950s", "1960s", "1970s", "2000s"],
                          series: Self.directions)
        let html = render(try report(chart), as: .html)
        #expect(html.contains("aria-label=\"Grouped bar chart"))
        #expect(count("<rect class=\"bar\"", in: html) == 7)
        let text = render(try report(chart), as: .text, options: RenderOptions(width: 60))
        #expect(count("Vietnam → Korea", in: text) == 4 && count("Korea → Vietnam", in: text) == 4)
    }

    @Test func aLineOverYearsPlacesYearsByValue() throws {
        let chart = Chart(type: .line, title: "Visits per year", categories: ["1990", "1991", "2000"],
                          series: [Series(name: "visits", values: [1, 2, 1])])
        let html = render(try report(chart), as: .html)
        let xs = html.components(separatedBy: "<circle class=\"point\"").dropFirst().compactMap { part -> Double? in
            guard let range = part.range(of: "cx=\"") else { return nil }
            return Double(part[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(xs.count == 3)
        // 1990 to 1991 is a ninth of 1991 to 2000.
        #expect(abs((xs[2] - xs[1]) / (xs[1] - xs[0]) - 9) < 0.05)
        let text = render(try report(chart), as: .text, options: RenderOptions(width: 60))
        let spark = try #require(text.split(separator: "\n").first { $0.hasPrefix("visits  ") })
        #expect(spark.dropFirst(8).count == 11, "one character per year: \(spark)")
    }

    @Test func stackedIsForBarsAndMustBeABoolean() throws {
        var builder = ReportBuilder(title: "T")
        #expect(throws: ReportError.self) {
            try builder.chart(Chart(type: .line, title: "x", categories: ["a"], series: [Series(name: "s", values: [1])], stacked: true))
        }
    }
}
