// Charts: a bar or line chart over named categories, with one or more series of values.

/// The kind of chart.
public enum ChartType: String, Sendable, Equatable, Codable, CaseIterable {
    case bar
    case line

    /// The chart type named `name` (as a plugin writes it), or an error listing the known types.
    public init(parsing name: String) throws(ReportError) {
        guard let type = ChartType(rawValue: name) else {
            let known = ChartType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw ReportError("unknown chart type \"\(name)\"; expected one of \(known)")
        }
        self = type
    }
}

/// One series of a chart: a name (shown in the legend) and one value per category; `nil` is a gap.
public struct Series: Sendable, Equatable, Codable {
    public var name: String
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

/// A chart: its type, title, optional axis labels, the categories along the x axis and the series.
public struct Chart: Sendable, Equatable, Codable {
    public var type: ChartType
    public var title: String
    /// Label of the category axis, e.g. "Decade".
    public var xLabel: String?
    /// Label of the value axis, e.g. "Visits".
    public var yLabel: String?
    public var categories: [String]
    public var series: [Series]
    /// Bars only: the series stacked on one bar per category (true) or side by side (false, nil).
    public var stacked: Bool?
    /// The ids of the report's evidence items behind each value, per series and category (see
    /// `Report.evidence`); nil when the chart carries none.
    public var evidence: [[[String]]]?
    /// Per series and category, how many items stand behind the value in all, when some value names fewer
    /// than that (see `EvidenceCap`); nil when every value names all of its items.
    public var evidenceTotals: [[Int]]?

    public init(type: ChartType, title: String, xLabel: String? = nil, yLabel: String? = nil,
                categories: [String], series: [Series], stacked: Bool? = nil, evidence: [[[String]]]? = nil,
                evidenceTotals: [[Int]]? = nil) {
        self.type = type
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.categories = categories
        self.series = series
        self.stacked = stacked
        self.evidence = evidence
        self.evidenceTotals = evidenceTotals
    }

    /// How many items stand behind the value of series `series` at category `category`: its total when
    /// recorded, else the ids it names.
    public func evidenceTotal(series: Int, category: Int) -> Int {
        if let totals = evidenceTotals, series < totals.count, category < totals[series].count { return totals[series][category] }
        guard let evidence, series < evidence.count, category < evidence[series].count else { return 0 }
        return evidence[series][category].count
    }

    /// True for bars stacked on one another.
    public var isStacked: Bool { type == .bar && stacked == true }

    /// The categories as numbers when every one is an integer (years): a line chart then places them by
    /// value, so a gap of ten years looks like one.
    var numericCategories: [Int]? {
        guard type == .line, !categories.isEmpty else { return nil }
        let numbers = categories.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return numbers.count == categories.count && numbers == numbers.sorted() && Set(numbers).count == numbers.count ? numbers : nil
    }

    /// Checks the chart: a title, at least one series, and in every series exactly one finite value (or
    /// nil) per category. A chart with no categories is allowed (renderers say there is no data).
    public func validate() throws(ReportError) {
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReportError("a chart needs a title")
        }
        if stacked == true, type != .bar {
            throw ReportError("chart \"\(title)\": 'stacked' applies to bar charts, not \(type.rawValue) charts")
        }
        guard !series.isEmpty else {
            throw ReportError("chart \"\(title)\" has no series; give at least one {name=..., values={...}}")
        }
        for (s, one) in series.enumerated() {
            let name = one.name.isEmpty ? "series \(s + 1)" : "series \"\(one.name)\""
            guard one.values.count == categories.count else {
                throw ReportError("chart \"\(title)\": \(name) has \(one.values.count) value\(one.values.count == 1 ? "" : "s") but there \(categories.count == 1 ? "is 1 category" : "are \(categories.count) categories"); give one value per category, nil for none")
            }
            for (i, value) in one.values.enumerated() {
                if let value, !value.isFinite {
                    throw ReportError("chart \"\(title)\": \(name), value \(i + 1) (\(categories[i])) is \(value), not a finite number")
                }
            }
        }
    }

    /// The largest and smallest non-nil values over all series (for stacked bars, the largest sums of
    /// positive and of negative values of a category), or nil when there are none.
    var valueRange: (min: Double, max: Double)? {
        if isStacked {
            let sums = categories.indices.map { i in
                series.indices.compactMap { value($0, i) }.reduce((0.0, 0.0)) { sum, v in v < 0 ? (sum.0 + v, sum.1) : (sum.0, sum.1 + v) }
            }
            guard series.contains(where: { $0.values.contains { $0 != nil } }) else { return nil }
            return (sums.map(\.0).min() ?? 0, sums.map(\.1).max() ?? 0)
        }
        let all = series.flatMap { $0.values.compactMap { $0 } }
        guard let lo = all.min(), let hi = all.max() else { return nil }
        return (lo, hi)
    }

    /// The chart's data as a table: a text column for the categories (titled with the x label) and a
    /// number column per series. Markdown and CSV show charts this way.
    public var dataTable: Table {
        var columns = [Column(key: "category", title: xLabel ?? "Category", kind: .text)]
        var used: Set<String> = ["category"]
        for (s, one) in series.enumerated() {
            // Keys must be unique: a duplicate or empty series name gets its position appended.
            var key = one.name.isEmpty ? "series \(s + 1)" : one.name
            if used.contains(key) { key += " (\(s + 1))" }
            used.insert(key)
            columns.append(Column(key: key, title: key, kind: .number))
        }
        let rows: [[Cell]] = categories.enumerated().map { i, category in
            [.text(category)] + series.map { one in
                i < one.values.count ? (one.values[i].map { .number($0) } ?? .null) : .null
            }
        }
        return Table(title: title, columns: columns, rows: rows)
    }
}
