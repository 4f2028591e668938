import Foundation
import Testing

/// `dossier review`: the page lists the visits worth checking, by the ids the exports give them.
@Suite("review command")
struct ReviewCommandTests {
    static let env = ["DOSSIER_WORKSPACE": "", "DOSSIER_NO_CACHE": "1"]
    static let corpus = CommandRunner.repository.appendingPathComponent("Data/corpus").path

    /// Each listed fact's id with its reason codes, in page order.
    static func listed(_ html: String) -> [(id: String, reasons: Set<String>)] {
        html.components(separatedBy: "<section class=\"fact\"").dropFirst().map { section in
            let id = section.components(separatedBy: "data-id=\"")[1].prefix { $0 != "\"" }
            let reasons = section.components(separatedBy: "data-reason=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            return (String(id), Set(reasons))
        }
    }

    /// The sample corpus's visits as exported: id → (confidence, documents reporting it).
    static func exported() throws -> [String: (confidence: Double, documents: Set<String>)] {
        let result = try CommandRunner.run(["export", "visits", "--corpus", corpus, "--quiet"], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let visits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        var out: [String: (Double, Set<String>)] = [:]
        for v in visits {
            let mentions = try #require(v["mentions"] as? [[String: Any]])
            out[try #require(v["id"] as? String)] = (try #require(v["confidence"] as? Double), Set(mentions.compactMap { $0["document"] as? String }))
        }
        return out
    }

    @Test func theReasonsAgreeWithTheExportAndTheThresholdIsHonoured() throws {
        let visits = try Self.exported()
        for threshold in [0.0, 0.6, 1.0] {
            let result = try CommandRunner.run(["review", "--corpus", Self.corpus, "--quiet", "--min-confidence", String(threshold)],
                                               environment: Self.env)
            #expect(result.status == 0, "\(result.stderr)")
            let listed = Self.listed(result.stdout)
            #expect(!listed.isEmpty)
            let byID = Dictionary(listed.map { ($0.id, $0.reasons) }, uniquingKeysWith: { a, _ in a })
            for (id, visit) in visits {
                let low = visit.confidence < threshold, single = visit.documents.count == 1
                if low || single { #expect(byID[id] != nil, "\(id) missing at \(threshold)") }
                guard let reasons = byID[id] else { continue }
                #expect(reasons.contains("low-confidence") == low, "\(id) at \(threshold)")
                #expect(reasons.contains("single-source") == single, "\(id)")
            }
            #expect(Set(byID.keys).isSubset(of: Set(visits.keys)))
        }
    }

    /// An `accept` entry (what the page's Accept button writes) marks the visit as checked: the export says so, the
    /// visit is otherwise unchanged, and the review page no longer lists it; the other rows stay.
    @Test func anAcceptedVisitIsMarkedAndNoLongerListed() throws {
        let first = try CommandRunner.run(["review", "--corpus", Self.corpus, "--quiet"], environment: Self.env)
        let listed = Self.listed(first.stdout).map(\.id)
        let accepted = try #require(listed.first)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("accept-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "corrections:\n  - accept: \"\(accepted)\"\n    by: \"an\"\n    reason: \"checked against the article\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let again = try CommandRunner.run(["review", "--corpus", Self.corpus, "--quiet", "--corrections", file.path], environment: Self.env)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.listed(again.stdout).map(\.id) == Array(listed.dropFirst()))
        let export = try CommandRunner.run(["export", "visits", "--corpus", Self.corpus, "--quiet", "--corrections", file.path, "--format", "jsonl"],
                                           environment: Self.env)
        let line = try #require(export.stdout.split(separator: "\n").first { $0.contains("\"id\":\"\(accepted)\"") })
        #expect(line.contains("\"corrected\":true"), "\(line)")
        #expect(line.contains("accept (\(file.lastPathComponent):2, by an, checked against the article)"), "\(line)")
    }

    @Test func theOutFileIsThePageAndABadThresholdIsRefused() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-review-\(UUID().uuidString.prefix(8)).html")
        defer { try? FileManager.default.removeItem(at: out) }
        let written = try CommandRunner.run(["review", "--corpus", Self.corpus, "--quiet", "--out", out.path], environment: Self.env)
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<textarea id=\"corrections-yaml\""))
        #expect(html.contains("<mark>"))

        let bad = try CommandRunner.run(["review", "--corpus", Self.corpus, "--min-confidence", "1.5"], environment: Self.env)
        #expect(bad.status != 0 && bad.stderr.contains("--min-confidence 1.5: expected a number from 0 to 1"))
    }
}
