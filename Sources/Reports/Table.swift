// Tables: typed columns and rows of cells. A cell is encoded as a plain JSON value (string, integer,
// number or null), never as a tagged object, so `rows` reads naturally in the JSON output.

/// What a column holds; it decides how cells are formatted and aligned.
public enum ColumnKind: String, Sendable, Equatable, Codable, CaseIterable {
    case text
    case integer
    case number

    /// Text is left-aligned, numbers right-aligned.
    public var alignment: Alignment { self == .text ? .left : .right }

    /// What a cell of this kind is, for error messages ("expected an integer").
    var expected: String {
        switch self {
        case .text: "text"
        case .integer: "an integer"
        case .number: "a number"
        }
    }
}

/// Horizontal alignment of a column, derived from its kind.
public enum Alignment: String, Sendable, Equatable {
    case left
    case right
}

/// A table column: a machine-friendly `key` (used as the CSV header and in `rows` given as records),
/// a human `title` (used as the header in text, Markdown and HTML) and a `kind`.
public struct Column: Sendable, Equatable, Codable {
    public var key: String
    public var title: String
    public var kind: ColumnKind

    /// A column; the title defaults to the key.
    public init(key: String, title: String? = nil, kind: ColumnKind = .text) {
        self.key = key
        self.title = title ?? key
        self.kind = kind
    }

    /// Derived from `kind`: numbers to the right.
    public var alignment: Alignment { kind.alignment }
}

/// One cell of a table.
public enum Cell: Sendable, Equatable, Codable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
    case text(String)
    case integer(Int)
    case number(Double)
    /// No value (a Lua `nil`): shown as an em dash, an empty CSV field, or JSON `null`.
    case null

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(nilLiteral: ()) { self = .null }

    /// A word for the cell's kind, for error messages.
    var kindName: String {
        switch self {
        case .text: "text"
        case .integer: "an integer"
        case .number: "a number"
        case .null: "nil"
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let i = try? c.decode(Int.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .text(s)
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a cell is a string, a number or null")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .integer(let i): try c.encode(i)
        case .number(let d): try c.encode(d)
        case .null: try c.encodeNil()
        }
    }
}

/// A table: an optional title, columns, and rows with exactly one cell per column.
public struct Table: Sendable, Equatable, Codable {
    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Per row, the ids of the report's evidence items behind it (see `Report.evidence`); nil when the
    /// table carries none.
    public var evidence: [[String]]?
    /// Per row, how many items stand behind it in all, when some row names fewer than that (see
    /// `EvidenceCap`); nil when every row names all of its items.
    public var evidenceTotals: [Int]?

    public init(title: String? = nil, columns: [Column], rows: [[Cell]] = [], evidence: [[String]]? = nil,
                evidenceTotals: [Int]? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.evidence = evidence
        self.evidenceTotals = evidenceTotals
    }

    /// How many items stand behind row `row`: its total when recorded, else the ids it names.
    public func evidenceTotal(row: Int) -> Int {
        if let totals = evidenceTotals, row < totals.count { return totals[row] }
        guard let evidence, row < evidence.count else { return 0 }
        return evidence[row].count
    }

    private enum CodingKeys: String, CodingKey { case title, columns, rows, evidence, evidenceTotals }

    /// Decodes, then re-types numeric cells by column: JSON does not distinguish `3` from `3.0`, so an
    /// integer read in a `number` column becomes a number again (that keeps the JSON round trip exact).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        let columns = try c.decode([Column].self, forKey: .columns)
        self.columns = columns
        evidence = try c.decodeIfPresent([[String]].self, forKey: .evidence)
        evidenceTotals = try c.decodeIfPresent([Int].self, forKey: .evidenceTotals)
        let raw = try c.decode([[Cell]].self, forKey: .rows)
        rows = raw.map { row in
            row.enumerated().map { index, cell in
                if index < columns.count, columns[index].kind == .number, case .integer(let i) = cell {
                    return .number(Double(i))
                }
                return cell
            }
        }
    }

    /// Checks the table strictly: at least one column, unique non-empty keys, one cell per column in
    /// every row, and cells of their column's kind (or null), numbers finite.
    public func validate() throws(ReportError) {
        try Self.checkColumns(columns)
        for (r, row) in rows.enumerated() {
            try checkCount(row, r)
            for (i, cell) in row.enumerated() {
                let column = columns[i]
                switch (column.kind, cell) {
                case (_, .null), (.text, .text), (.integer, .integer):
                    break
                case (.number, .number(let d)):
                    guard d.isFinite else { throw cellError(r, column, "\(d) is not a finite number") }
                default:
                    throw cellError(r, column, "expected \(column.kind.expected), got \(cell.kindName)")
                }
            }
        }
    }

    /// The table with cells converted to their column's kind where that loses nothing, then validated:
    /// an integer or number in a text column becomes its text, an integer in a number column a number,
    /// a whole number in an integer column an integer. Text in a numeric column, a fraction in an
    /// integer column, NaN or infinity are errors.
    public func normalized() throws(ReportError) -> Table {
        try Self.checkColumns(columns)
        var out = self
        for (r, row) in rows.enumerated() {
            try checkCount(row, r)
            for (i, cell) in row.enumerated() {
                let column = columns[i]
                if case .number(let d) = cell, !d.isFinite {
                    throw cellError(r, column, "\(d) is not a finite number")
                }
                switch (column.kind, cell) {
                case (_, .null), (.text, .text), (.integer, .integer), (.number, .number):
                    break
                case (.text, .integer), (.text, .number):
                    out.rows[r][i] = .text(NumberFormat.plain(cell) ?? "")
                case (.number, .integer(let n)):
                    out.rows[r][i] = .number(Double(n))
                case (.integer, .number(let d)):
                    guard d == d.rounded(), let n = Int(exactly: d) else {
                        throw cellError(r, column, "\(NumberFormat.shortest(d)) is not a whole number; declare the column with kind \"number\"")
                    }
                    out.rows[r][i] = .integer(n)
                case (.integer, .text(let s)), (.number, .text(let s)):
                    throw cellError(r, column, "expected \(column.kind.expected), got text \"\(s)\"; declare the column with kind \"text\" or pass a number")
                }
            }
        }
        return out
    }

    /// The rule shared by `validate` and `normalized` for the column list.
    static func checkColumns(_ columns: [Column]) throws(ReportError) {
        guard !columns.isEmpty else { throw ReportError("a table needs at least one column") }
        var seen = Set<String>()
        for (i, column) in columns.enumerated() {
            guard !column.key.isEmpty else { throw ReportError("column \(i + 1) has an empty key") }
            guard seen.insert(column.key).inserted else {
                throw ReportError("column key \"\(column.key)\" is used twice; keys must be unique")
            }
        }
    }

    private func checkCount(_ row: [Cell], _ r: Int) throws(ReportError) {
        guard row.count == columns.count else {
            let keys = columns.map(\.key).joined(separator: ", ")
            throw ReportError("row \(r + 1) has \(row.count) cell\(row.count == 1 ? "" : "s") but the table has \(columns.count) column\(columns.count == 1 ? "" : "s") (\(keys)); give one value per column, nil for none")
        }
    }

    private func cellError(_ r: Int, _ column: Column, _ what: String) -> ReportError {
        ReportError("row \(r + 1), column \"\(column.key)\" (\(column.kind.rawValue)): \(what)")
    }
}
