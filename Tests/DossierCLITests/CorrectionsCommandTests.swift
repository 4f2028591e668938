import Foundation
import Testing

/// Corrections from the command line: --corrections, a corpus folder's corrections.yaml, the cache, exports,
/// Lua and report footers; and a bad file refused.
@Suite("corrections on the command line")
struct CorrectionsCommandTests {
    static let env = ["DOSSIER_WORKSPACE": "", "DOSSIER_NO_CACHE": "1"]

    final class Scratch: @unchecked Sendable {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-corrections-\(UUID().uuidString.prefix(8))")
        var corpus: URL { root.appendingPathComponent("corpus") }
        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Data/corpus"), to: corpus)
        }
        deinit { try? FileManager.default.removeItem(at: root) }
        func write(_ text: String, _ name: String) throws -> URL {
            let url = root.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }

    /// The exported visits (JSON Lines) of the sample corpus, by id.
    static func visits(_ arguments: [String], environment: [String: String] = env) throws -> [String: [String: Any]] {
        let result = try CommandRunner.run(["export", "visits", "--format", "jsonl", "--quiet"] + arguments, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        var out: [String: [String: Any]] = [:]
        for line in result.stdout.split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            out[try #require(record["id"] as? String)] = record
        }
        return out
    }

    static func id(_ visits: [String: [String: Any]], _ prefix: String) throws -> String {
        try #require(visits.keys.first { $0.hasPrefix(prefix) })
    }

    @Test func theIssuesFormChangesTheExportLuaAndTheFooter() throws {
        let scratch = try Scratch()
        let before = try Self.visits(["--corpus", scratch.corpus.path])
        let rejected = try Self.id(before, "v-kim-yong-nam-VNM-2001-"), amended = try Self.id(before, "v-kim-jong-un-VNM-2019-02-27-")
        let file = try scratch.write("corrections: [ {reject: \(rejected), reason: not a visit}, {amend: \(amended), set: {start: 2019-02-26, kind: state}} ]\n", "mine.yaml")
        let options = ["--corpus", scratch.corpus.path, "--corrections", file.path]
        let after = try Self.visits(options)
        #expect(after.count == before.count - 1 && after[rejected] == nil)
        let visit = try #require(after[amended])
        #expect(visit["start_date"] as? String == "2019-02-26" && visit["kind"] as? String == "state" && visit["corrected"] as? Bool == true)
        #expect((visit["corrections"] as? [String])?.first?.hasPrefix("amend start, kind (mine.yaml:1") == true)
        #expect(after.values.filter { $0["corrected"] as? Bool == true }.count == 1)

        let csv = try CommandRunner.run(["export", "visits", "--format", "csv", "--quiet"] + options, environment: Self.env)
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows.first?.hasSuffix(",corrected") == true)
        #expect(rows.filter { $0.hasPrefix(amended + ",") && $0.hasSuffix(",true") }.count == 1)

        let lua = try CommandRunner.run(["eval", """
            for v in corpus.visits() do if #v.corrections > 0 then print(v.id, v.index, v.corrections[1]) end end
            """] + options, environment: Self.env)
        #expect(lua.status == 0, "\(lua.stderr)")
        #expect(lua.stdout.hasPrefix("\(amended)\t\(visit["index"] as? Int ?? 0)\tamend start, kind (mine.yaml:1)"), "\(lua.stdout)")

        let report = try CommandRunner.run(["run", "visit-timeline", "--format", "md", "--quiet"] + options, environment: Self.env)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("2 corrections applied"), "\(report.stdout.suffix(300))")
        let plain = try CommandRunner.run(["run", "visit-timeline", "--format", "md", "--quiet", "--corpus", scratch.corpus.path], environment: Self.env)
        #expect(!plain.stdout.contains("corrections applied"))
    }

    @Test func aCorpusFoldersFileIsAppliedAndReappliedThroughTheCache() throws {
        let scratch = try Scratch()
        let cache = ["--cache", scratch.root.appendingPathComponent("cache").path]
        let environment = ["DOSSIER_WORKSPACE": "", "DOSSIER_NO_CACHE": ""]
        let options = ["--corpus", scratch.corpus.path] + cache
        let before = try Self.visits(options, environment: environment)
        let first = try Self.id(before, "v-to-lam-RUS-"), second = try Self.id(before, "v-to-lam-BLR-")
        _ = try scratch.write("corrections:\n  - reject: \(first)\n", "corpus/corrections.yaml")
        let once = try Self.visits(options, environment: environment)
        #expect(once[first] == nil && once[second] != nil && once.count == before.count - 1)
        _ = try scratch.write("corrections:\n  - reject: \(second)\n", "corpus/corrections.yaml")
        let again = try Self.visits(options, environment: environment)
        #expect(again[first] != nil && again[second] == nil)
        try FileManager.default.removeItem(at: scratch.corpus.appendingPathComponent("corrections.yaml"))
        #expect(try Self.visits(options, environment: environment).count == before.count)
    }

    @Test func aMalformedFileStopsTheCommandWithItsPlace() throws {
        let scratch = try Scratch()
        let file = try scratch.write("corrections:\n  - reject: x\n    reasn: typo\n", "bad.yaml")
        let result = try CommandRunner.run(["export", "visits", "--corpus", scratch.corpus.path, "--corrections", file.path], environment: Self.env)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(file.path):3:5: error: unknown key 'reasn' in a reject entry (did you mean 'reason'?)"), "\(result.stderr)")
        let yaml = try scratch.write("corrections: [ {reject: x\n", "broken.yaml")
        let broken = try CommandRunner.run(["export", "visits", "--corpus", scratch.corpus.path, "--corrections", yaml.path], environment: Self.env)
        #expect(broken.status == 64 && broken.stdout.isEmpty)
        #expect(broken.stderr.contains("\(yaml.path):2:"), "\(broken.stderr)")
    }

    @Test func anUnmatchedCorrectionIsReportedEvenWhenQuiet() throws {
        let scratch = try Scratch()
        let file = try scratch.write("- {alias: Uncle Ho, entity: ho-chi-minh}\n- reject: v-nobody-XXX-2019-000000\n", "c.yaml")
        let result = try CommandRunner.run(["export", "entities", "--format", "jsonl", "--quiet", "--corpus", scratch.corpus.path,
                                            "--corrections", file.path], environment: Self.env)
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(file.path):2: error: correction not applied: no visit or event has the id 'v-nobody-XXX-2019-000000'"), "\(result.stderr)")
        #expect(result.stdout.contains("Uncle Ho"))
    }

    @Test func batchWorkersApplyTheSameCorrections() throws {
        let scratch = try Scratch()
        let before = try Self.visits(["--corpus", scratch.corpus.path])
        let rejected = try Self.id(before, "v-to-lam-RUS-")
        let file = try scratch.write("- reject: \(rejected)\n", "c.yaml")
        let plugins = scratch.root.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        _ = try scratch.write("""
            return { name = "visit-ids", title = "Visit ids", version = "1.0.0",
              run = function(ctx)
                local rows = {}
                for v in ctx.corpus.visits() do rows[#rows + 1] = { v.id } end
                ctx.report.table{ columns = { "id" }, rows = rows }
              end }
            """, "plugins/visit-ids.lua")
        _ = try scratch.write("formats: [csv]\nreports: [visit-ids]\n", "plan.yaml")
        let out = scratch.root.appendingPathComponent("out")
        let result = try CommandRunner.run(["batch", "--plan", scratch.root.appendingPathComponent("plan.yaml").path,
                                            "--plugins", plugins.path, "--out", out.path, "--corpus", scratch.corpus.path,
                                            "--corrections", file.path, "--quiet"], environment: Self.env)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("visit-ids.csv"), encoding: .utf8)
        let kept = try Self.id(before, "v-to-lam-BLR-")
        #expect(!csv.contains(rejected) && csv.contains(kept), "\(csv)")
    }

    @Test func exportsAndLuaAgreeOnIdsIndexesAndSentenceNumbers() throws {
        let scratch = try Scratch()
        let options = ["--corpus", scratch.corpus.path]
        let lua = try CommandRunner.run(["eval", """
            for v in corpus.visits() do print(v.id, v.index, v.visitor_country, v.mentions[1].sentence) end
            for e in corpus.events() do print(e.id, e.index) end
            for _, d in ipairs(corpus.documents()) do print(d.id, d.index) end
            """] + options, environment: Self.env)
        #expect(lua.status == 0, "\(lua.stderr)")
        func rows(_ table: String, _ fields: (([String: Any]) -> [String])) throws -> [String] {
            let result = try CommandRunner.run(["export", table, "--format", "jsonl", "--quiet"] + options, environment: Self.env)
            return try result.stdout.split(separator: "\n").map { line in
                let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return fields(record).joined(separator: "\t")
            }
        }
        let visits = try rows("visits") { r in
            [r["id"] as? String ?? "?", "\(r["index"] as? Int ?? 0)", r["visitor_country"] as? String ?? "nil",
             "\((r["mentions"] as? [[String: Any]])?.first?["sentence"] as? Int ?? 0)"]
        }
        let events = try rows("events") { r in [r["id"] as? String ?? "?", "\(r["index"] as? Int ?? 0)"] }
        let documents = try rows("documents") { r in [r["id"] as? String ?? "?", "\(r["index"] as? Int ?? 0)"] }
        #expect(lua.stdout.split(separator: "\n").map(String.init) == visits + events + documents)
        #expect(visits.first?.hasPrefix("v-") == true && documents.first?.contains(".txt@") == true)
    }
}
