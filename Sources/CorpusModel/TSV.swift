import Foundation

// A small reader for the gazetteer's tab-separated files (Data/gazetteer/FORMAT.md): byte-level,
// one pass, every problem reported with its file, line and column.

struct TSVRow {
    /// 1-based line number in the file.
    var line: Int
    /// Byte ranges of the cells within the file's bytes.
    var cells: [Range<Int>]
}

struct TSVFile {
    let path: String
    let bytes: [UInt8]
    var rows: [TSVRow] = []
    var diagnostics: [Diagnostic] = []

    /// Reads `path` and splits it into rows, checking the header against `columns`.
    /// Rows with the wrong number of cells are reported and dropped.
    init(path: String, columns: [String]) {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            bytes = []
            diagnostics.append(Diagnostic(file: path, severity: .error, message: "cannot read file"))
            return
        }
        bytes = [UInt8](data)
        if let bad = UTF8Check.firstInvalidByte(in: bytes) {
            let (line, column) = TSVFile.position(of: bad, in: bytes)
            diagnostics.append(Diagnostic(file: path, line: line, column: column, byteOffset: bad, severity: .warning,
                                          message: "invalid UTF-8; the bytes were replaced with U+FFFD"))
        }
        parse(columns: columns)
    }

    private mutating func parse(columns: [String]) {
        var headerSeen = false
        var lineStart = 0
        var line = 0
        let n = bytes.count
        var cells: [Range<Int>] = []
        cells.reserveCapacity(columns.count)
        while lineStart < n {
            line += 1
            var lineEnd = lineStart
            while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            defer { lineStart = lineEnd + 1 }
            if contentEnd == lineStart || bytes[lineStart] == 0x23 { continue } // blank or comment
            cells.removeAll(keepingCapacity: true)
            var cellStart = lineStart
            var i = lineStart
            while i < contentEnd {
                if bytes[i] == 0x09 { cells.append(cellStart..<i); cellStart = i + 1 }
                i += 1
            }
            cells.append(cellStart..<contentEnd)
            if !headerSeen {
                headerSeen = true
                for (k, name) in columns.enumerated() {
                    let found = k < cells.count ? string(cells[k]) : nil
                    if found != name {
                        let column = k < cells.count ? self.column(of: cells[k].lowerBound, lineStart: lineStart)
                                                     : self.column(of: contentEnd, lineStart: lineStart)
                        diagnostics.append(Diagnostic(
                            file: path, line: line, column: column, severity: .error,
                            message: "header column \(k + 1) should be '\(name)'"
                                + (found.map { ", found '\($0)'" } ?? ", found nothing")))
                    }
                }
                if cells.count > columns.count {
                    diagnostics.append(Diagnostic(
                        file: path, line: line, column: column(of: cells[columns.count].lowerBound, lineStart: lineStart),
                        severity: .error, message: "header has \(cells.count) columns, expected \(columns.count)"))
                }
                continue
            }
            if cells.count != columns.count {
                let column = cells.count > columns.count
                    ? self.column(of: cells[columns.count].lowerBound, lineStart: lineStart)
                    : self.column(of: contentEnd, lineStart: lineStart) + 0
                diagnostics.append(Diagnostic(
                    file: path, line: line, column: column, severity: .error,
                    message: "expected \(columns.count) tab-separated cells (\(columns.joined(separator: ", "))), found \(cells.count); line skipped"))
                continue
            }
            rows.append(TSVRow(line: line, cells: cells))
        }
        if !headerSeen && !bytes.isEmpty {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1, severity: .error, message: "no header line"))
        }
    }

    func string(_ r: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    func optionalString(_ r: Range<Int>) -> String? { r.isEmpty ? nil : string(r) }

    /// The `|`-separated items of a cell.
    func list(_ r: Range<Int>) -> [String] {
        if r.isEmpty { return [] }
        var out: [String] = []
        var start = r.lowerBound
        for i in r where bytes[i] == 0x7C {
            if i > start { out.append(string(start..<i)) }
            start = i + 1
        }
        if start < r.upperBound { out.append(string(start..<r.upperBound)) }
        return out
    }

    /// 1-based column (in Unicode scalars) of byte `offset` on the line starting at `lineStart`.
    func column(of offset: Int, lineStart: Int) -> Int {
        var col = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return col
    }

    /// Column of the start of `cell` in `row`.
    func column(of cell: Range<Int>, in row: TSVRow) -> Int {
        var lineStart = cell.lowerBound
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        return column(of: cell.lowerBound, lineStart: lineStart)
    }

    func diagnostic(_ row: TSVRow, cell k: Int, _ message: String) -> Diagnostic {
        diagnostic(row, cell: k, .error, message)
    }

    func diagnostic(_ row: TSVRow, cell k: Int, _ severity: Severity, _ message: String) -> Diagnostic {
        Diagnostic(file: path, line: row.line, column: column(of: row.cells[k], in: row), severity: severity,
                   message: message)
    }

    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, col = 1
        for i in 0..<min(offset, bytes.count) {
            if bytes[i] == 0x0A { line += 1; col = 1 } else if bytes[i] & 0xC0 != 0x80 { col += 1 }
        }
        return (line, col)
    }
}
