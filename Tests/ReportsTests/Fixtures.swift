import Foundation
@testable import Reports

/// Reports shared by the tests.
enum Fixtures {
    static let provenance = Provenance(
        plugin: "visits-per-decade", pluginVersion: "1.0.0",
        params: ["status": "occurred", "min_level": "high", "country": "VNM"],
        corpusHash: "sha256:1a2b3c", dossierVersion: "0.1.0", generatedAt: "2026-11-23T18:40:00Z")

    /// A small report with every kind of block, built through the builder as a plugin would.
    static func everyBlock() throws -> Report {
        var b = ReportBuilder(title: "Visits", subtitle: "Vietnam & DPRK", provenance: provenance)
        try b.heading("Summary")
        try b.paragraph("Leaders met 11 times.")
        try b.list(["Tô Lâm", "金正恩"], ordered: false)
        try b.list(["first", "second"], ordered: true)
        try b.heading("Data", level: 2)
        try b.table(title: "Visitors",
                    columns: [Column(key: "name", title: "Name"), Column(key: "visits", title: "Visits", kind: .integer),
                              Column(key: "share", title: "Share", kind: .number)],
                    rows: [["Tô Lâm", 2, 0.5], ["金正恩", 12, nil]])
        try b.chart(type: "bar", title: "Per decade", xLabel: "Decade", yLabel: "Visits",
                    categories: ["1950s", "1960s", "2000s"], series: [Series(name: "visits", values: [2, 1, nil])])
        try b.note("Counts are events, not articles.", kind: "info")
        try b.note("Moscow 2025 is not counted.", kind: "warning")
        return b.build()
    }

    /// A line chart with two series and a gap.
    static let lineChart = Chart(type: .line, title: "Trend", xLabel: "Year", yLabel: "Mentions",
                                 categories: ["2019", "2020", "2021"],
                                 series: [Series(name: "VNM", values: [1, 3, 2]), Series(name: "PRK", values: [0, nil, 4])])
}

extension Fixtures {
    /// The small report of the golden tests: one block of each kind.
    static func small() throws -> Report {
        var b = ReportBuilder(title: "Visits", subtitle: "Vietnam and the DPRK",
                              provenance: Provenance(plugin: "demo", pluginVersion: "1.0", params: ["to": "PRK", "from": "VNM"],
                                                     corpusHash: "abc123", dossierVersion: "0.1.0", generatedAt: "2026-11-23T18:40:00Z"))
        try b.heading("Leaders")
        try b.paragraph("Two leaders, one table.")
        try b.list(["Tô Lâm", "Kim | Jong Un"], ordered: true)
        try b.table(title: "Trips",
                    columns: [Column(key: "name", title: "Name"), Column(key: "trips", title: "Trips", kind: .integer),
                              Column(key: "km", title: "Km", kind: .number)],
                    rows: [["Tô Lâm", 3, 1234.5], ["金正恩", 12, nil]])
        try b.chart(type: "bar", title: "Trips", xLabel: "Leader", categories: ["Tô Lâm", "金正恩"],
                    series: [Series(name: "trips", values: [3, 12])])
        try b.note("Planned visits are not counted.", kind: "warning")
        return b.build()
    }
}
