import Foundation
import Testing

/// A scratch copy of Data/unseen that an analyst corrects, as README's "Correcting the model" describes: the corpus
/// folder (with its `corrections.yaml` and `dossier/lexicon/` overlay), a plugin folder, a model cache; and the
/// commands they run on it, through the built `dossier`.
final class CorrectionLoopProject: @unchecked Sendable {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-loop-\(UUID().uuidString.prefix(8))")
    var corpus: URL { root.appendingPathComponent("corpus") }
    var plugins: URL { root.appendingPathComponent("plugins") }
    var options: [String] { ["--corpus", corpus.path, "--cache", root.appendingPathComponent("cache").path] }
    static let environment = ["DOSSIER_WORKSPACE": "", "DOSSIER_NO_WORKSPACE": "1", "DOSSIER_NO_CACHE": ""]
    static let gold = CommandRunner.repository.appendingPathComponent("Data/annotations/unseen.gold.json")

    /// What `dossier evaluate` lists: the gold rows the model lacks and the visits the gold lacks.
    struct Evaluation {
        /// A gold row not found: visitor (as the gold names them), destination, ISO partial date.
        struct Miss: Equatable { var visitor, destination, when: String }
        /// A visit not in the gold: visitor name, destination, start date as exported.
        struct Extra: Equatable { var visitor, destination, start: String }
        var misses: [Miss] = []
        var extras: [Extra] = []
    }

    /// A plugin report's table rows (one per visit) and its footer's count of corrections.
    struct Report {
        var rows: [[String: String]]
        var correctionsApplied: Int
        var paragraphs: [String]
    }

    init() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Data/unseen"), to: corpus)
        try write(Self.plugin, "plugins/loop-visits.lua")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ text: String, _ path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Runs `dossier ARGS --corpus ... --cache ...`; a failure is recorded with its error output.
    func run(_ arguments: [String]) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(arguments + options, environment: Self.environment)
        #expect(result.status == 0, "dossier \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// `dossier export TABLE --format json`, and what it printed on standard error.
    func export(_ table: String) throws -> (records: [[String: Any]], stderr: String) {
        let result = try run(["export", table, "--format", "json", "--quiet"])
        let records = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return (records, result.stderr)
    }

    /// `dossier evaluate` against the gold of Data/unseen, its lists read back.
    func evaluate() throws -> Evaluation {
        let result = try run(["evaluate", "--gold", Self.gold.path, "--quiet"])
        var evaluation = Evaluation()
        var section = ""
        for line in result.stdout.split(separator: "\n").map(String.init) {
            if !line.hasPrefix("  ") { section = line; continue }
            let item = line.dropFirst(4)
            guard let arrow = item.range(of: " -> ") else { continue }
            let visitor = String(item[..<arrow.lowerBound])
            let rest = item[arrow.upperBound...].split(separator: " ").map(String.init)
            guard rest.count >= 2 else { continue }
            if section.hasPrefix("misses") {
                evaluation.misses.append(.init(visitor: visitor, destination: rest[0], when: rest[1]))
            } else if section.hasPrefix("extras") {
                let start = rest[1].components(separatedBy: "..")[0]
                evaluation.extras.append(.init(visitor: visitor, destination: rest[0], start: start))
            }
        }
        return evaluation
    }

    /// `dossier eval CODE`'s output lines, each split at tabs.
    func lua(_ code: String) throws -> [[String]] {
        let result = try run(["eval", code])
        return result.stdout.split(separator: "\n").map { $0.components(separatedBy: "\t") }
    }

    /// The test's plugin (`loop-visits`) run as JSON: every visit with its corrections, and whom `alias` names.
    func report(alias: String) throws -> Report {
        let result = try CommandRunner.run(["run", "loop-visits", "--plugins", plugins.path, "--format", "json", "--quiet",
                                            "--param", "alias=\(alias)"] + options, environment: Self.environment)
        #expect(result.status == 0, "dossier run loop-visits: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let provenance = json["provenance"] as? [String: Any] ?? [:]
        var rows: [[String: String]] = []
        var paragraphs: [String] = []
        for block in json["blocks"] as? [[String: Any]] ?? [] {
            if let text = block["text"] as? String { paragraphs.append(text) }
            guard let table = block["table"] as? [String: Any] else { continue }
            let columns = (table["columns"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
            for row in table["rows"] as? [[Any]] ?? [] {
                rows.append(Dictionary(uniqueKeysWithValues: zip(columns, row.map { "\($0)" })))
            }
        }
        return Report(rows: rows, correctionsApplied: provenance["correctionsApplied"] as? Int ?? 0, paragraphs: paragraphs)
    }

    static let plugin = """
        return { name = "loop-visits", title = "Visits and their corrections", version = "1.0.0",
          description = "Every visit with the corrections that changed it, and the entity a name finds.",
          params = { alias = { type = "string", default = "", description = "A name to look up." } },
          run = function(ctx)
            local rows = {}
            for v in ctx.corpus.visits() do
              rows[#rows + 1] = { v.id, v.visitor.id, v.destination, v.start_date and v.start_date.iso or "",
                                  table.concat(v.corrections, " | ") }
            end
            ctx.report.table{ columns = { "id", "visitor", "destination", "start", "corrections" }, rows = rows }
            local named = ctx.corpus.entity(ctx.params.alias)
            ctx.report.paragraph("alias names: " .. (named and named.id or "nobody"))
          end }
        """
}
