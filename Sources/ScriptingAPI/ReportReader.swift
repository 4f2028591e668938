import LuaBridge
import Reports

/// Reads the tables `report.table` and `report.chart` are given; every key they do not know is refused.
enum ReportReader {
    static let tableKeys = ["title", "columns", "rows", "evidence"]
    static let columnKeys = ["key", "title", "type"]
    static let chartKeys = ["type", "title", "x_label", "y_label", "categories", "series", "values", "stacked"]
    static let seriesKeys = ["name", "values", "evidence"]
    static let listKeys = ["ordered"]

    /// What the report keeps counts against the script's memory cap, as it is added.
    static func kept(_ text: String, state: LuaState) throws(LuaError) -> String {
        try state.chargeHostMemory(MemoryLayout<String>.stride + text.utf8.count)
        return text
    }

    static func text(of value: LuaValue, state: LuaState) throws -> String {
        switch value {
        case .string(let text): return try kept(text, state: state)
        case .integer(let number): return String(number)
        default: return try kept(state.tostring(value), state: state)
        }
    }

    static func cell(of value: LuaValue, state: LuaState) throws -> Cell {
        try state.chargeHostMemory(MemoryLayout<Cell>.stride)
        switch value {
        case .nil: return .null
        case .integer(let number): return .integer(Int(number))
        case .number(let number): return .number(number)
        case .string(let text): return .text(try kept(text, state: state))
        default: return .text(try kept(state.tostring(value), state: state))
        }
    }

    static func texts(_ arguments: LuaArguments, at index: Int32, state: LuaState, what: String) throws -> [String] {
        let stack = arguments.stack
        guard stack.type(at: index) == LuaType.table else {
            throw LuaError(kind: .runtime, message: "\(what) must be an array, got \(stack.typeName(at: index))")
        }
        let table = stack.absoluteIndex(index)
        return try (0..<stack.rawLength(of: table)).map { position in
            stack.rawItem(position + 1, of: table)
            defer { stack.pop() }
            return try text(of: stack.value(at: -1), state: state)
        }
    }

    /// The table's title, columns, rows and, per row, its evidence (nil when none is given).
    static func table(_ arguments: LuaArguments, context: APIContext) throws -> (String?, [Column], [[Cell]], [EvidenceSelection]?) {
        let state = context.state
        let evidence = EvidenceReader(context: context, arguments: arguments)
        var rowEvidence: [EvidenceSelection?] = []
        let stack = arguments.stack
        guard stack.type(at: 1) == LuaType.table else {
            throw arguments.badArgument(1, "a table {columns = ..., rows = ...} expected, got \(stack.typeName(at: 1))")
        }
        try Strictness.checkKeys(of: stack, at: 1, known: tableKeys, what: "report.table", noun: "field")
        stack.rawField("title", of: 1)
        let title = stack.string(at: -1)
        stack.pop()

        var (columns, typed) = try readColumns(stack)

        var rows: [[Cell]] = []
        let rowsType = stack.rawField("rows", of: 1)
        defer { stack.pop() }
        guard rowsType == LuaType.table || rowsType == LuaType.nil else {
            throw LuaError(kind: .runtime, message: "report.table: 'rows' must be an array of rows")
        }
        if rowsType == LuaType.table {
            for position in 0..<stack.rawLength(of: -1) {
                stack.rawItem(position + 1, of: -1)
                defer { stack.pop() }
                guard stack.type(at: -1) == LuaType.table else {
                    throw LuaError(kind: .runtime, message: "report.table: row \(position + 1) must be a table, got \(stack.typeName(at: -1))")
                }
                let keyed = stack.rawLength(of: -1) == 0 && !columns.isEmpty
                let evidenceField = !columns.contains { $0.key == "evidence" }
                try Strictness.checkKeys(of: stack, at: -1, known: (keyed ? columns.map(\.key) : []) + (evidenceField ? ["evidence"] : []),
                                         what: "report.table: row \(position + 1)", noun: keyed ? "column" : "field", allowArray: !keyed)
                if evidenceField {
                    stack.rawField("evidence", of: -1)
                    defer { stack.pop() }
                    rowEvidence.append(try evidence.selection(at: -1, what: "report.table: row \(position + 1): evidence"))
                }
                var row: [Cell] = []
                for (column, spec) in columns.enumerated() {
                    if keyed { stack.rawField(spec.key, of: -1) } else { stack.rawItem(column + 1, of: -1) }
                    defer { stack.pop() }
                    row.append(try cell(of: stack.value(at: -1), state: state))
                }
                rows.append(row)
            }
        }
        // A column given without a type takes the type of its values: numbers align as numbers.
        for (index, column) in columns.enumerated() where !typed[index] && column.kind == .text {
            let cells = rows.map { $0[index] }.filter { $0 != .null }
            guard !cells.isEmpty else { continue }
            if cells.allSatisfy({ if case .integer = $0 { return true } else { return false } }) {
                columns[index].kind = .integer
            } else if cells.allSatisfy({ switch $0 { case .integer, .number: return true; default: return false } }) {
                columns[index].kind = .number
            }
        }
        return (title, columns, rows, try tableEvidence(arguments, rows: rows.count, rowFields: rowEvidence, reader: evidence))
    }

    /// `columns` of a table spec: names, or `{key =, title =, type =}` tables; `typed` says which were
    /// given a type.
    private static func readColumns(_ stack: LuaStack) throws -> (columns: [Column], typed: [Bool]) {
        guard stack.rawField("columns", of: 1) == LuaType.table else {
            stack.pop()
            throw LuaError(kind: .runtime, message: "report.table: 'columns' must be an array of names or {key =, title =, type =} tables")
        }
        var columns: [Column] = []
        var typed: [Bool] = []
        for position in 0..<stack.rawLength(of: -1) {
            stack.rawItem(position + 1, of: -1)
            defer { stack.pop() }
            if let name = stack.string(at: -1) {
                columns.append(Column(key: name, title: name))
                typed.append(false)
            } else if stack.type(at: -1) == LuaType.table {
                try Strictness.checkKeys(of: stack, at: -1, known: columnKeys, what: "report.table: column \(position + 1)", noun: "field")
                stack.rawField("key", of: -1)
                let key = stack.string(at: -1)
                stack.pop()
                stack.rawField("title", of: -1)
                let columnTitle = stack.string(at: -1)
                stack.pop()
                stack.rawField("type", of: -1)
                let declared = stack.string(at: -1)
                let type = declared ?? "text"
                stack.pop()
                guard let key = key ?? columnTitle else {
                    throw LuaError(kind: .runtime, message: "report.table: column \(position + 1) has no key")
                }
                guard let kind = ColumnKind(rawValue: type) else {
                    throw LuaError(kind: .runtime, message: "report.table: column '\(key)': type must be text, integer or number, got '\(type)'")
                }
                columns.append(Column(key: key, title: columnTitle ?? key, kind: kind))
                typed.append(declared != nil)
            } else {
                throw LuaError(kind: .runtime, message: "report.table: column \(position + 1) must be a name or a table")
            }
        }
        stack.pop()
        return (columns, typed)
    }

    /// `evidence = {...}` of a table (one entry per row) merged with the rows' own `evidence` fields.
    private static func tableEvidence(_ arguments: LuaArguments, rows: Int, rowFields: [EvidenceSelection?],
                                      reader: EvidenceReader) throws -> [EvidenceSelection]? {
        let stack = arguments.stack
        var perRow = rowFields + [EvidenceSelection?](repeating: nil, count: max(0, rows - rowFields.count))
        let type = stack.rawField("evidence", of: 1)
        defer { stack.pop() }
        if type == LuaType.table {
            let given = stack.rawLength(of: -1)
            guard given <= rows else {
                throw LuaError(kind: .runtime, message: "report.table: 'evidence' has \(given) entries for \(rows) rows; give one per row")
            }
            for row in 0..<given {
                stack.rawItem(row + 1, of: -1)
                defer { stack.pop() }
                if let given = try reader.selection(at: -1, what: "report.table: evidence of row \(row + 1)") { perRow[row] = given }
            }
        } else if type != LuaType.nil {
            throw LuaError(kind: .runtime, message: "report.table: 'evidence' must be an array with one entry per row, got \(stack.typeName(at: -1))")
        }
        return perRow.contains { $0 != nil } ? perRow.map { $0 ?? EvidenceSelection(ids: [], total: 0) } : nil
    }

    static func chart(_ arguments: LuaArguments, context: APIContext) throws -> Chart {
        let state = context.state
        let evidence = EvidenceReader(context: context, arguments: arguments)
        var seriesEvidence: [[EvidenceSelection]?] = []
        let stack = arguments.stack
        guard stack.type(at: 1) == LuaType.table else {
            throw arguments.badArgument(1, "a table {type =, categories =, series =} expected, got \(stack.typeName(at: 1))")
        }
        try Strictness.checkKeys(of: stack, at: 1, known: chartKeys, what: "report.chart")
        func field(_ name: String) -> String? {
            stack.rawField(name, of: 1)
            defer { stack.pop() }
            return stack.type(at: -1) == LuaType.string ? stack.string(at: -1) : nil
        }
        let type = try ChartType(parsing: field("type") ?? "bar")
        stack.rawField("categories", of: 1)
        let categories = try texts(arguments, at: -1, state: state, what: "report.chart: 'categories'")
        stack.pop()

        func values(at index: Int32, name: String) throws -> [Double?] {
            guard stack.type(at: index) == LuaType.table else {
                throw LuaError(kind: .runtime, message: "report.chart: the values of '\(name)' must be an array of numbers")
            }
            let table = stack.absoluteIndex(index)
            return try (0..<categories.count).map { position in
                stack.rawItem(position + 1, of: table)
                defer { stack.pop() }
                if stack.type(at: -1) <= LuaType.nil { return nil }
                guard let number = stack.number(at: -1) else {
                    throw LuaError(kind: .runtime, message: "report.chart: value \(position + 1) of '\(name)' must be a number, got \(stack.typeName(at: -1))")
                }
                return number
            }
        }

        var series: [Series] = []
        if stack.rawField("series", of: 1) == LuaType.table {
            for position in 0..<stack.rawLength(of: -1) {
                stack.rawItem(position + 1, of: -1)
                defer { stack.pop() }
                try Strictness.checkKeys(of: stack, at: -1, known: seriesKeys, what: "report.chart: series \(position + 1)", noun: "field")
                stack.rawField("name", of: -1)
                let name = stack.string(at: -1) ?? "series \(position + 1)"
                stack.pop()
                stack.rawField("evidence", of: -1)
                seriesEvidence.append(try barEvidence(at: -1, categories: categories.count, name: name, reader: evidence))
                stack.pop()
                stack.rawField("values", of: -1)
                defer { stack.pop() }
                series.append(Series(name: name, values: try values(at: -1, name: name)))
            }
        }
        stack.pop()
        if series.isEmpty, stack.rawField("values", of: 1) == LuaType.table {
            let name = field("y_label") ?? "value"
            series.append(Series(name: name, values: try values(at: -1, name: name)))
            stack.pop()
        } else if series.isEmpty {
            stack.pop()
        }
        var stacked: Bool?
        let stackedType = stack.rawField("stacked", of: 1)
        defer { stack.pop() }
        if stackedType == LuaType.boolean {
            stacked = stack.isTruthy(at: -1)
        } else if stackedType != LuaType.nil {
            throw LuaError(kind: .runtime, message: "report.chart: 'stacked' must be true or false, got \(stack.typeName(at: -1))")
        }
        let none = Array(repeating: EvidenceSelection(ids: [], total: 0), count: categories.count)
        let bars = seriesEvidence.contains { $0 != nil } && seriesEvidence.count == series.count
            ? seriesEvidence.map { $0 ?? none } : nil
        let capped = bars?.joined().contains(where: \.isCapped) == true
        return Chart(type: type, title: field("title") ?? "", xLabel: field("x_label"), yLabel: field("y_label"),
                     categories: categories, series: series, stacked: stacked, evidence: bars.map { $0.map(\.ids) },
                     evidenceTotals: capped ? bars?.map { $0.map(\.total) } : nil)
    }

    /// A series' `evidence`: one entry per category (a visit, an array of them or a query).
    private static func barEvidence(at index: Int32, categories: Int, name: String, reader: EvidenceReader) throws -> [EvidenceSelection]? {
        let stack = reader.stack
        let table = stack.absoluteIndex(index)
        guard stack.type(at: table) == LuaType.table else {
            if stack.type(at: table) <= LuaType.nil { return nil }
            throw LuaError(kind: .runtime, message: "report.chart: the evidence of '\(name)' must be an array with one entry per category")
        }
        return try (0..<categories).map { position in
            stack.rawItem(position + 1, of: table)
            defer { stack.pop() }
            return try reader.selection(at: -1, what: "report.chart: evidence of '\(name)', category \(position + 1)")
                ?? EvidenceSelection(ids: [], total: 0)
        }
    }
}
