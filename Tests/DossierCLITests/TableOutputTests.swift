import Foundation
import Testing

/// Tables people can open: CSV one file per table, for spreadsheets on request; text that wraps to the
/// width; the visits export with its sources.
@Suite("CSV files, text width and the visits export")
struct TableOutputTests {
    @Test func severalTablesBecomeOneCSVFileEach() throws {
        let folder = try PluginCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pairs.csv")
        let result = try CommandRunner.run(["run", "country-pairs", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["pairs-2.csv", "pairs-3.csv", "pairs.csv"])
        var headers: [[String]] = []
        for name in names.sorted(by: { $0.count < $1.count || ($0.count == $1.count && $0 < $1) }) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let records = try #require(PluginCommandTests.parseCSV(text), "\(name) is not CSV")
            #expect(!records.isEmpty)
            // Exactly this table's columns: every record as wide as its header, no `table` column.
            #expect(records.allSatisfy { $0.count == records[0].count }, "\(name)")
            #expect(records[0].first != "table")
            headers.append(records[0])
        }
        #expect(Set(headers.map { $0.joined(separator: ",") }).count == 3, "the files repeat a table: \(headers)")
        // --table N writes that one table to standard output.
        let second = try CommandRunner.run(["run", "country-pairs", "--format", "csv", "--table", "2"])
        #expect(second.status == 0)
        let onDisk = try String(contentsOf: folder.appendingPathComponent("pairs-2.csv"), encoding: .utf8)
        #expect(second.stdout == onDisk)
        let tooFar = try CommandRunner.run(["run", "country-pairs", "--format", "csv", "--table", "9"])
        #expect(tooFar.status == 64 && tooFar.stderr.contains("the report has 3 tables"), "\(tooFar.stderr)")
    }

    @Test func excelGetsAByteOrderMarkAndASemicolonOnRequest() throws {
        let result = try CommandRunner.run(["run", "visits-per-decade", "--format", "csv", "--excel", "--separator", ";"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\u{FEFF}"))
        #expect(result.stdout.dropFirst().hasPrefix("decade;"), "\(result.stdout.prefix(40))")
        let plain = try CommandRunner.run(["run", "visits-per-decade", "--format", "csv"])
        #expect(!plain.stdout.hasPrefix("\u{FEFF}") && plain.stdout.hasPrefix("decade,"))
        let misplaced = try CommandRunner.run(["run", "visits-per-decade", "--excel"])
        #expect(misplaced.status == 64 && misplaced.stderr.contains("apply to CSV"))
    }

    @Test func textWrapsToColumnsOrAHundred() throws {
        let narrow = try CommandRunner.run(["run", "visit-timeline", "--param", "a=VNM", "--param", "b=PRK"], environment: ["COLUMNS": "80"])
        #expect(narrow.status == 0, "\(narrow.stderr)")
        let narrowLines = narrow.stdout.components(separatedBy: "\n")
        #expect(narrowLines.allSatisfy { $0.count <= 80 }, "\(narrowLines.filter { $0.count > 80 })")
        // The table (from its header to the blank line after it) cuts no cell.
        let header = try #require(narrowLines.firstIndex { $0.hasPrefix("Date ") })
        let table = narrowLines[header...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(table.count > 3 && !table.contains { $0.contains("…") }, "a table cell was cut")
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "COLUMNS")
        let piped = try CommandRunner.run(["run", "visit-timeline", "--param", "a=VNM", "--param", "b=PRK"], environment: ["COLUMNS": ""])
        let pipedLines = piped.stdout.split(separator: "\n").map(String.init)
        #expect(pipedLines.allSatisfy { $0.count <= 100 })
        #expect(pipedLines.contains { $0.count > 80 }, "a pipe gets 100 columns")
    }

    @Test func theVisitsExportNamesItsFirstSource() throws {
        let result = try CommandRunner.run(["export", "visits", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try #require(PluginCommandTests.parseCSV(result.stdout))
        let header = try #require(records.first)
        let sentence = try #require(header.firstIndex(of: "first_sentence"))
        let title = try #require(header.firstIndex(of: "document_title"))
        #expect(header.contains("document_url"))
        let first = records[1]
        #expect(first[sentence].contains("visit") || first[sentence].contains("thăm"), "\(first[sentence])")
        #expect(!first[title].isEmpty)
    }
}
