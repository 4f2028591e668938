// CSV per RFC 4180, written by `CSVText` (the bytes yaslab/CSV.swift's `CSVWriter` writes, faster): fields holding
// the separator, a double quote, CR or LF are quoted (quotes doubled), records end with CRLF, the last one too.
//
// What goes in: the report's tables, and its charts as their data (a `category` column, then one
// column per series), each as a CSV of its own with exactly its columns: a header of the column keys
// (stable names for scripts), then its rows. Headings, paragraphs, lists, notes and the provenance are
// not data and are left out (the JSON and HTML formats keep them). A report with several tables is
// several files (`name.csv`, `name-2.csv`, ...; see `CSVRenderer.files`), or one chosen with
// `RenderOptions.csvTable`. A report with no table is the empty string: zero bytes is the honest CSV of
// no data.
//
// Cells: text as is, integers in decimal, numbers in their shortest exact form, null as an empty field.
// For spreadsheet programs, `RenderOptions.byteOrderMark` starts the file with a UTF-8 byte-order mark
// (so names with diacritics open right) and `csvSeparator` may be ";" (where the decimal mark is a comma).

import CSVOutput
import Foundation

public enum CSVRenderer {
    /// The report's tabular blocks, in order: tables, and charts as their data.
    public static func tables(of report: Report) -> [Table] {
        report.blocks.compactMap { block in
            switch block {
            case .table(let table): table
            case .chart(let chart): chart.dataTable
            default: nil
            }
        }
    }

    /// Table number `options.csvTable` (1-based) of the report, or the empty string when it has none.
    static func render(_ report: Report, options: RenderOptions) -> String {
        let tables = tables(of: report)
        guard options.csvTable >= 1, options.csvTable <= tables.count else { return "" }
        return render(tables[options.csvTable - 1], options: options)
    }

    /// One table as a CSV file.
    public static func render(_ table: Table, options: RenderOptions = .default) -> String {
        let records = [table.columns.map(\.key)] + table.rectangularRows.map { $0.map(field) }
        return (options.byteOrderMark ? "\u{FEFF}" : "") + write(records, separator: options.csvSeparator)
    }

    /// Every table of the report as a file: `base.csv` for the first, `base-2.csv`, `base-3.csv`... for
    /// the others. `base` is a file name without its extension (a path is kept as it is).
    public static func files(of report: Report, base: String, options: RenderOptions = .default) -> [(name: String, text: String)] {
        tables(of: report).enumerated().map { index, table in
            (index == 0 ? "\(base).csv" : "\(base)-\(index + 1).csv", render(table, options: options))
        }
    }

    /// A cell as a CSV field.
    private static func field(_ cell: Cell) -> String {
        NumberFormat.plain(cell) ?? ""
    }

    /// The records as CSV text, CRLF-terminated.
    private static func write(_ records: [[String]], separator: String) -> String {
        CSVText.render(records, separator: separator.unicodeScalars.first ?? ",")
    }
}
