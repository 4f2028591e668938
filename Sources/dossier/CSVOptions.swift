import ArgumentParser
import Foundation
import Reports

/// How `dossier run --format csv` writes a report's tables: one file each, or the one `--table` picks.
struct CSVOptions: ParsableArguments {
    @Option(help: ArgumentHelp("CSV: write only table N (1-based, tables and charts counted together).", valueName: "N"))
    var table: Int?

    @Flag(help: "CSV: start with a UTF-8 byte-order mark, so spreadsheet programs read names right.")
    var excel = false

    @Option(help: ArgumentHelp("CSV: the field separator, ',' (default) or ';' (for spreadsheets where the decimal mark is a comma).", valueName: "sep"))
    var separator: String = CSVOptions.defaultSeparator

    static let defaultSeparator = ","

    func validate() throws {
        guard separator == "," || separator == ";" else {
            throw ValidationError("--separator must be ',' or ';', got '\(separator)'")
        }
        if let table, table < 1 { throw ValidationError("--table counts from 1, got \(table)") }
    }

    /// Writes the CSV of `report` and returns true, or returns false when the single-file path of the
    /// caller should write it (standard output, or one table into `out`). Several tables with `--out
    /// NAME.csv` and no `--table` become `NAME.csv`, `NAME-2.csv`, ...
    func write(_ report: Report, out: String?, options: inout RenderOptions) throws -> Bool {
        options.csvSeparator = separator
        options.byteOrderMark = excel
        let count = CSVRenderer.tables(of: report).count
        if let table {
            guard table <= count else {
                standardError("--table \(table): the report has \(count == 0 ? "no table" : count == 1 ? "1 table" : "\(count) tables")")
                throw ExitCode(ExitStatus.usage)
            }
            options.csvTable = table
            return false
        }
        guard count > 1 else { return false }
        guard let out else {
            standardError("note: the report has \(count) tables; this is table 1 (--table N for another, --out FILE.csv for all)")
            return false
        }
        let base = out.lowercased().hasSuffix(".csv") ? String(out.dropLast(4)) : out
        for file in CSVRenderer.files(of: report, base: base, options: options) {
            do { try OutputFile.write(Data(file.text.utf8), to: file.name) } catch {
                standardError(error.description)
                throw ExitCode(ExitStatus.failure)
            }
        }
        standardError("\(count) tables: \(base).csv to \(base)-\(count).csv")
        return true
    }
}

extension CSVOptions {
    /// The options as the parser leaves them when none is given (`FastCommandLine` starts from them).
    static var defaults: CSVOptions {
        var options = CSVOptions()
        options.table = nil
        options.excel = false
        options.separator = defaultSeparator
        return options
    }
}
