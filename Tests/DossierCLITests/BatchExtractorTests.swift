import Foundation
import Testing

/// A batch plan's `extractors:` (docs/extractors.md): the plan's extractor plugins build the model of the batch and
/// of each worker, the reports' corpus hash counts them, and the manifest's reproduce command carries them.
@Suite("dossier batch: extractors in the plan", .serialized)
struct BatchExtractorTests {
    /// A folder with an extractor that vetoes every candidate, a report plugin that counts the visits, and `plan.yaml`.
    static func setUp(plan: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-batch-extractors-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("extractors"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plugins"), withIntermediateDirectories: true)
        try """
        return { name = "veto-all", title = "Veto all", version = "1.0", kind = "extractor",
          extract = function(sentence, candidates) for c in candidates do c:veto("test") end end }
        """.write(to: folder.appendingPathComponent("extractors/veto-all.lua"), atomically: true, encoding: .utf8)
        try """
        return { name = "visit-count", title = "Visit count", version = "1.0",
          run = function(ctx) ctx.report.paragraph("visits: " .. ctx.corpus.visits():count()) end }
        """.write(to: folder.appendingPathComponent("plugins/visit-count.lua"), atomically: true, encoding: .utf8)
        try plan.write(to: folder.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    static func batch(_ folder: URL, out: String = "out") throws -> CommandRunner.Result {
        try CommandRunner.run(["batch", "--plan", folder.appendingPathComponent("plan.yaml").path, "--plugins", folder.appendingPathComponent("plugins").path,
                               "--out", folder.appendingPathComponent(out).path, "--corpus", "Data/testcorpus", "--formats", "md", "--jobs", "1",
                               "--cache", folder.appendingPathComponent("cache").path],
                              environment: ["DOSSIER_NO_WORKSPACE": "1", "DOSSIER_CACHE_DIR": folder.path])
    }

    static func record(_ folder: URL, out: String = "out") throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(out)/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((manifest["reports"] as? [[String: Any]])?.first)
    }

    @Test func thePlansExtractorsBuildTheWorkersModelAndAreInTheHashAndTheCommand() throws {
        let folder = try Self.setUp(plan: "extractors: [extractors/veto-all.lua]\nreports: [visit-count]\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let with = try Self.batch(folder)
        #expect(with.status == 0, "\(with.stderr)")
        let report = try String(contentsOf: folder.appendingPathComponent("out/visit-count.md"), encoding: .utf8)
        #expect(report.contains("visits: 0"), "\(report)")
        let record = try Self.record(folder)
        let command = try #require(record["command"] as? String)
        let plugin = folder.appendingPathComponent("extractors/veto-all.lua").standardizedFileURL.path
        #expect(command.contains("--extractors \(plugin)"), "\(command)")

        // The same plan without extractors: the visits are there, and the corpus hash differs.
        try "reports: [visit-count]\n".write(to: folder.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        let without = try Self.batch(folder, out: "plain")
        #expect(without.status == 0, "\(without.stderr)")
        let plain = try String(contentsOf: folder.appendingPathComponent("plain/visit-count.md"), encoding: .utf8)
        #expect(!plain.contains("visits: 0"), "\(plain)")
        let hash = try #require(record["corpusHash"] as? String)
        #expect(try Self.record(folder, out: "plain")["corpusHash"] as? String != hash)

        // The reproduce command makes the same report, with the same corpus hash.
        let again = try CommandRunner.run(["run", "visit-count", "--plugins", folder.appendingPathComponent("plugins").path,
                                           "--corpus", "Data/testcorpus", "--extractors", plugin, "--format", "md",
                                           "--cache", folder.appendingPathComponent("cache").path],
                                          environment: ["DOSSIER_NO_WORKSPACE": "1", "DOSSIER_CACHE_DIR": folder.path])
        #expect(again.stdout.contains("visits: 0") && again.stdout.contains(hash), "\(again.stdout)\(again.stderr)")
    }

    @Test func anUnknownKeyOrExtractorRefusesThePlanWithItsLine() throws {
        let folder = try Self.setUp(plan: "extractor: [extractors/veto-all.lua]\nreports: [visit-count]\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.yaml").path
        let typo = try Self.batch(folder)
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("\(plan):1:1: unknown key 'extractor' (did you mean 'extractors'?)"), "\(typo.stderr)")
        try "reports: [visit-count]\nextractors:\n  - veto-al\n".write(to: folder.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        let unknown = try Self.batch(folder)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("\(plan):3:5: extractors: no plugin named 'veto-al'"), "\(unknown.stderr)")
        try "reports: [visit-count]\nextractors: [plugins/visit-count.lua]\n".write(to: folder.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        let report = try Self.batch(folder)
        #expect(report.status == 64)
        #expect(report.stderr.contains("\(plan):2:14: extractors: ") && report.stderr.contains("is a report plugin, not an extractor"), "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
