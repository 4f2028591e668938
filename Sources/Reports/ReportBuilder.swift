// The builder the Lua `report` module calls: one method per block kind, each checking its input and
// throwing a `ReportError` whose message tells the plugin author what to fix.

/// Builds a `Report` block by block, validating each block as it is added.
///
/// Every text is checked for control characters (other than tab, line feed and carriage return), which
/// would garble a terminal or a file; tables are normalized (see `Table.normalized()`); charts are
/// validated (see `Chart.validate()`).
public struct ReportBuilder: Sendable {
    /// The report built so far.
    public private(set) var report: Report
    /// The ids of `report.evidence`, to add and look up an item without scanning them all.
    private var evidenceIDs: Set<String> = []
    /// The most items a row or a bar carries with their sentences (see `EvidenceCap`); those who build
    /// the items pick that many and record the total.
    public var evidenceLimit = EvidenceCap.itemsPerFigure

    public init(title: String, subtitle: String? = nil, provenance: Provenance? = nil) {
        report = Report(title: title, subtitle: subtitle, blocks: [], provenance: provenance)
    }

    /// Sets (or replaces) the title and subtitle.
    public mutating func setTitle(_ title: String, subtitle: String? = nil) throws(ReportError) {
        try Self.checkText(title, "report title")
        if let subtitle { try Self.checkText(subtitle, "report subtitle") }
        report.title = title
        report.subtitle = subtitle
    }

    /// Sets (or replaces) the provenance; the host does this, not the plugin.
    public mutating func setProvenance(_ provenance: Provenance?) {
        report.provenance = provenance
    }

    /// Adds a heading of level 1 (section) to 3.
    public mutating func heading(_ text: String, level: Int = 1) throws(ReportError) {
        try Self.checkText(text, "heading")
        let block = Block.heading(level: level, text: text)
        try block.validate()
        report.blocks.append(block)
    }

    /// Adds a paragraph of plain text; an empty paragraph is refused (leave the call out).
    public mutating func paragraph(_ text: String) throws(ReportError) {
        try Self.checkText(text, "paragraph")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReportError("paragraph text is empty")
        }
        report.blocks.append(.paragraph(text))
    }

    /// Adds a bulleted or numbered list. An empty list is allowed (a query may find nothing); it renders
    /// as nothing.
    public mutating func list(_ items: [String], ordered: Bool = false) throws(ReportError) {
        for (i, item) in items.enumerated() { try Self.checkText(item, "list item \(i + 1)") }
        report.blocks.append(.list(items: items, ordered: ordered))
    }

    /// Adds evidence items (an item already there, by id, is kept once).
    public mutating func addEvidence(_ items: [EvidenceItem]) {
        for item in items where evidenceIDs.insert(item.id).inserted {
            report.evidence = report.evidence ?? []
            report.evidence!.append(item)
        }
    }

    /// True when the item `id` was added: build it only when it was not.
    public func hasEvidence(_ id: String) -> Bool {
        evidenceIDs.contains(id)
    }

    /// Adds a table given row by row, one cell per column in column order; `evidence` names, per row, the
    /// evidence items behind it (added with `addEvidence`); `totals`, per row, how many items stand behind
    /// it in all when some row names fewer (see `EvidenceCap`).
    public mutating func table(title: String? = nil, columns: [Column], rows: [[Cell]], evidence: [[String]]?,
                               totals: [Int]? = nil) throws(ReportError) {
        if let evidence {
            guard evidence.count == rows.count else {
                throw ReportError("the table has \(rows.count) rows but evidence for \(evidence.count); give one entry per row")
            }
            if let unknown = evidence.joined().first(where: { !evidenceIDs.contains($0) }) {
                throw ReportError("evidence item \"\(unknown)\" was not added")
            }
        }
        try Self.checkTotals(totals.map { [$0] }, of: evidence.map { [$0] }, what: "the table's")
        try table(title: title, columns: columns, rows: rows)
        if let evidence, evidence.contains(where: { !$0.isEmpty }), case .table(var table)? = report.blocks.last {
            table.evidence = evidence
            table.evidenceTotals = totals
            report.blocks[report.blocks.count - 1] = .table(table)
        }
    }

    /// Refuses totals that do not match the evidence one for one, or count fewer items than they name.
    private static func checkTotals(_ totals: [[Int]]?, of evidence: [[[String]]]?, what: String) throws(ReportError) {
        guard let totals else { return }
        guard let evidence, totals.count == evidence.count,
              zip(totals, evidence).allSatisfy({ $0.count == $1.count }) else {
            throw ReportError("\(what) evidence totals must give one count per list of evidence")
        }
        for (total, ids) in zip(totals.joined(), evidence.joined()) where total < ids.count {
            throw ReportError("\(what) evidence total \(total) is less than the \(ids.count) items named")
        }
    }

    /// Adds a table given row by row, one cell per column in column order.
    public mutating func table(title: String? = nil, columns: [Column], rows: [[Cell]]) throws(ReportError) {
        if let title { try Self.checkText(title, "table title") }
        for column in columns { try Self.checkText(column.title, "column \"\(column.key)\" title") }
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                if case .text(let s) = cell { try Self.checkText(s, "row \(r + 1), cell \(c + 1)") }
            }
        }
        let table = try Table(title: title, columns: columns, rows: rows).normalized()
        report.blocks.append(.table(table))
    }

    /// Adds a table given as records keyed by column key (the natural shape of a Lua table such as
    /// `{decade = "1950s", visits = 2}`). A missing key is a null cell; a key that is not a column is an
    /// error (usually a typo).
    public mutating func table(title: String? = nil, columns: [Column], records: [[String: Cell]]) throws(ReportError) {
        try Table.checkColumns(columns)
        let keys = Set(columns.map(\.key))
        var rows: [[Cell]] = []
        for (r, record) in records.enumerated() {
            if let unknown = record.keys.sorted().first(where: { !keys.contains($0) }) {
                let known = columns.map(\.key).joined(separator: ", ")
                throw ReportError("row \(r + 1) has key \"\(unknown)\" which is not a column; columns are: \(known)")
            }
            rows.append(columns.map { record[$0.key] ?? .null })
        }
        try table(title: title, columns: columns, rows: rows)
    }

    /// Adds a chart; `type` is the name a plugin gives (`"bar"` or `"line"`).
    public mutating func chart(type: String, title: String, xLabel: String? = nil, yLabel: String? = nil,
                               categories: [String], series: [Series]) throws(ReportError) {
        let chartType = try ChartType(parsing: type)
        try chart(Chart(type: chartType, title: title, xLabel: xLabel, yLabel: yLabel,
                        categories: categories, series: series))
    }

    /// Adds a chart built in Swift.
    public mutating func chart(_ chart: Chart) throws(ReportError) {
        try Self.checkText(chart.title, "chart title")
        if let x = chart.xLabel { try Self.checkText(x, "chart x label") }
        if let y = chart.yLabel { try Self.checkText(y, "chart y label") }
        for (i, c) in chart.categories.enumerated() { try Self.checkText(c, "chart category \(i + 1)") }
        for (i, s) in chart.series.enumerated() { try Self.checkText(s.name, "chart series \(i + 1) name") }
        try chart.validate()
        if let evidence = chart.evidence {
            guard evidence.count == chart.series.count, evidence.allSatisfy({ $0.count == chart.categories.count }) else {
                throw ReportError("chart \"\(chart.title)\": evidence must give, for every series, one list per category")
            }
            if let unknown = evidence.joined().joined().first(where: { !evidenceIDs.contains($0) }) {
                throw ReportError("chart \"\(chart.title)\": evidence item \"\(unknown)\" was not added")
            }
        }
        try Self.checkTotals(chart.evidenceTotals, of: chart.evidence, what: "chart \"\(chart.title)\":")
        report.blocks.append(.chart(chart))
    }

    /// Adds a note; `kind` is `"info"` (the default) or `"warning"`.
    public mutating func note(_ text: String, kind: String = "info") throws(ReportError) {
        guard let noteKind = NoteKind(rawValue: kind) else {
            throw ReportError("unknown note kind \"\(kind)\"; expected \"info\" or \"warning\"")
        }
        try note(text, kind: noteKind)
    }

    /// Adds a note of the given kind; an empty note is refused.
    public mutating func note(_ text: String, kind: NoteKind) throws(ReportError) {
        try Self.checkText(text, "note")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReportError("note text is empty")
        }
        report.blocks.append(.note(text, kind: kind))
    }

    /// The finished report.
    public func build() -> Report { report }

    /// Refuses control characters other than tab, LF and CR: an escape sequence in a plugin's text must
    /// not reach a terminal, and NUL or form feeds have no place in a report.
    static func checkText(_ text: String, _ what: String) throws(ReportError) {
        if let bad = text.unicodeScalars.first(where: { isForbiddenControl($0) }) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            throw ReportError("\(what) contains the control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex); remove it")
        }
    }
}

extension ColumnKind {
    /// The column kind named `name` (as a plugin writes it), or an error listing the known kinds.
    public init(parsing name: String) throws(ReportError) {
        guard let kind = ColumnKind(rawValue: name) else {
            throw ReportError("unknown column kind \"\(name)\"; expected \"text\", \"integer\" or \"number\"")
        }
        self = kind
    }
}

/// C0 controls except tab, LF and CR; DEL; C1 controls.
func isForbiddenControl(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09, 0x0A, 0x0D: false
    case 0x00...0x1F, 0x7F, 0x80...0x9F: true
    default: false
    }
}
