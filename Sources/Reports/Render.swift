// The entry point of rendering: one function, five formats. Renderers never fail: they cope with data
// that was not validated (a short row is padded with nulls, extra cells are dropped), so a report decoded
// from anywhere can still be shown.

/// An output format of `render(_:as:options:)`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// For a terminal: aligned columns, bar charts drawn with block characters.
    case text
    /// GitHub-flavoured Markdown.
    case md
    /// RFC 4180 CSV of one of the report's tables or charts' data (see `CSVRenderer` for several).
    case csv
    /// The `Report` itself, pretty-printed with sorted keys.
    case json
    /// One self-contained HTML file with inline CSS and SVG charts.
    case html
}

/// Options for rendering; the defaults suit a file or a pipe.
public struct RenderOptions: Sendable, Equatable {
    /// Text format: the width to fit, in terminal columns.
    public var width: Int
    /// Text format: use ANSI colours and bold (off by default; the CLI turns it on for a terminal).
    public var color: Bool
    /// Text, Markdown and HTML: decimals for `number` cells and chart values; `nil` shows the shortest
    /// exact form. CSV and JSON always keep full precision.
    public var decimals: Int?
    /// HTML: the document's `lang` attribute.
    public var language: String
    /// CSV: which table (1-based, tables and charts counted together) `render` writes; `CSVRenderer.files`
    /// writes them all.
    public var csvTable: Int
    /// CSV: the field separator, "," (RFC 4180) or ";" (spreadsheets where the decimal mark is a comma).
    public var csvSeparator: String
    /// CSV: start with a UTF-8 byte-order mark, so spreadsheet programs read the names right.
    public var byteOrderMark: Bool

    public init(width: Int = 80, color: Bool = false, decimals: Int? = nil, language: String = "en",
                csvTable: Int = 1, csvSeparator: String = ",", byteOrderMark: Bool = false) {
        self.width = width
        self.color = color
        self.decimals = decimals
        self.language = language
        self.csvTable = csvTable
        self.csvSeparator = csvSeparator
        self.byteOrderMark = byteOrderMark
    }

    public static let `default` = RenderOptions()
}

/// Renders `report` in `format`. The result ends with a newline unless it is empty (CSV of a report
/// without tables or charts).
public func render(_ report: Report, as format: ReportFormat, options: RenderOptions = .default) -> String {
    switch format {
    case .text: TextRenderer(options: options).render(report)
    case .md: MarkdownRenderer(options: options).render(report)
    case .csv: CSVRenderer.render(report, options: options)
    case .json: JSONRenderer.render(report)
    case .html: HTMLRenderer(options: options).render(report)
    }
}

extension Table {
    /// The rows made rectangular: padded with nulls or cut to the number of columns.
    var rectangularRows: [[Cell]] {
        rows.map { row in
            row.count == columns.count ? row
                : Array(row.prefix(columns.count)) + Array(repeating: .null, count: max(0, columns.count - row.count))
        }
    }
}

extension Chart {
    /// The value of series `s` at category `i`, nil when absent or out of range.
    func value(_ s: Int, _ i: Int) -> Double? {
        i < series[s].values.count ? series[s].values[i] : nil
    }
}
