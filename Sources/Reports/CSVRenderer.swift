// CSV per RFC 4180, written with yaslab/CSV.swift's `CSVWriter`: fields holding a comma, a double
// quote, CR or LF are quoted (quotes doubled), records end with CRLF, the last one too.
//
// What goes in: the report's tables, and its charts as their data (a `category` column, then one
// column per series). Headings, paragraphs, lists, notes and the provenance are not data and are left
// out (the JSON and HTML formats keep them).
//
// - One table (or chart): its header (the column *keys*, stable names for scripts) and its rows.
// - Several: ONE rectangular CSV whose first column, `table`, names the table each row comes from: its
//   title, or `table N` (N counting tables and charts from 1) when it has none; a name used twice gets
//   " (2)", " (3)" appended. The other columns are the union of all column keys in order of first
//   appearance; a row leaves the columns of other tables empty. A table with no rows contributes no
//   record (its columns are still in the header).
// - None: the empty string. There is no table to take a header from, and zero bytes is the honest CSV
//   of no data; the CLI can tell the user that the report has no table.
//
// Cells: text as is, integers in decimal, numbers in their shortest exact form, null as an empty field.

import CSV
import Foundation

enum CSVRenderer {
    static func render(_ report: Report) -> String {
        // The tabular blocks, in order, with their names.
        var tables: [Table] = []
        for block in report.blocks {
            switch block {
            case .table(let t): tables.append(t)
            case .chart(let c): tables.append(c.dataTable)
            default: break
            }
        }
        guard !tables.isEmpty else { return "" }

        var records: [[String]] = []
        if tables.count == 1 {
            let table = tables[0]
            records.append(table.columns.map(\.key))
            records += table.rectangularRows.map { $0.map(field) }
        } else {
            let names = uniqueNames(tables.enumerated().map { i, t in
                let title = t.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                return title.isEmpty ? "table \(i + 1)" : title
            })
            var keys: [String] = []
            for table in tables {
                for key in table.columns.map(\.key) where !keys.contains(key) { keys.append(key) }
            }
            // "table" is taken by the first column: a data column with that key is renamed.
            let header = ["table"] + keys.map { $0 == "table" ? "table (column)" : $0 }
            records.append(header)
            let position = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for (t, table) in tables.enumerated() {
                for row in table.rectangularRows {
                    var record = [String](repeating: "", count: keys.count)
                    for (c, column) in table.columns.enumerated() {
                        record[position[column.key]!] = field(row[c])
                    }
                    records.append([names[t]] + record)
                }
            }
        }
        return write(records)
    }

    /// A cell as a CSV field.
    private static func field(_ cell: Cell) -> String {
        NumberFormat.plain(cell) ?? ""
    }

    /// Names made unique by appending " (2)", " (3)"... to repeats.
    private static func uniqueNames(_ names: [String]) -> [String] {
        var counts: [String: Int] = [:]
        var used = Set(names)
        return names.map { name in
            counts[name, default: 0] += 1
            guard counts[name]! > 1 else { return name }
            var n = counts[name]!
            while used.contains("\(name) (\(n))") { n += 1 }
            used.insert("\(name) (\(n))")
            return "\(name) (\(n))"
        }
    }

    /// The records through `CSVWriter` into memory, CRLF-terminated.
    private static func write(_ records: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for record in records { try writer.write(row: record) }
            writer.stream.close()
        } catch {
            // Writing to memory does not fail; should it, say so rather than return a partial file.
            preconditionFailure("CSV writing to memory failed: \(error)")
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        // The writer separates records; RFC 4180 allows and most tools expect a final line break.
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
