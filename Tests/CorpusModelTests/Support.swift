import Foundation
@testable import CorpusModel

/// Paths and shared fixtures for the tests.
enum Fixtures {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent()
    static let gazetteerDir = here.appendingPathComponent("Fixtures/gazetteer")
    static let badGazetteerDir = here.appendingPathComponent("Fixtures/gazetteer-bad")

    /// The small fixture gazetteer.
    static let gazetteer: Gazetteer = Gazetteer.load(directory: gazetteerDir).0
    /// The repository's gazetteer (Data/gazetteer).
    static let fullGazetteer: Gazetteer = Gazetteer.load(directory: root.appendingPathComponent("Data/gazetteer")).0

    /// The test corpus's articles in file-name order, in runs of `size`: one training batch per name of `names`,
    /// with the test corpus's gold.
    static func testCorpusBatches(_ names: [String], size: Int) throws -> [TrainingBatch] {
        let dir = root.appendingPathComponent("Data/testcorpus").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        let gold = try GoldFile.load(path: root.appendingPathComponent("Data/annotations/testcorpus.gold.json").path)
        return names.enumerated().map { k, name in
            TrainingBatch(name: name, directory: dir, files: Array(files.dropFirst(size * k).prefix(size)), gold: gold)
        }
    }

    /// Builds a corpus from texts with the fixture gazetteer; `date` goes into a manifest entry.
    static func corpus(_ texts: [(String, String, String?)], gazetteer: Gazetteer = Fixtures.gazetteer) -> (Corpus, [Diagnostic]) {
        CorpusBuilder(gazetteer: gazetteer, jobs: 2).build(texts: texts.map { name, text, date in
            (name, text, date.map { ManifestEntry(file: name, date: PartialDate(iso: $0)) })
        })
    }

    static func corpus(_ text: String, date: String? = nil, gazetteer: Gazetteer = Fixtures.gazetteer) -> Corpus {
        corpus([("a.txt", text, date)], gazetteer: gazetteer).0
    }

    static func tempDir() -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}

extension Corpus {
    /// "Name -> DEST start status" lines, for compact assertions.
    func visitSummaries() -> [String] {
        visits.map { "\(entities[$0.visitor].name) -> \($0.destination) \($0.start?.iso ?? "?") \($0.status.rawValue)" }
    }
}

extension Fixtures {
    /// The sorted visit summaries of articles given as (publication date, text), built with the full gazetteer.
    /// A one-article corpus's time expressions as "text=ISO date", with the full gazetteer.
    static func timeStrings(_ text: String, date: String) -> [String] {
        let d = corpus(text, date: date, gazetteer: fullGazetteer).documents[0]
        return d.times.map { t in "\(d.slice(t.range))=\(t.start.iso)" }
    }

    /// A one-article corpus's visits as "visitor-id DESTINATION start" ("?" when undated), with the full gazetteer.
    static func visitKeys(_ text: String, date: String) -> Set<String> {
        let c = corpus(text, date: date, gazetteer: fullGazetteer)
        return Set(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.start?.iso ?? "?")" })
    }

    static func visitSummaries(_ texts: [(String, String)]) -> [String] {
        let corpus = CorpusBuilder(gazetteer: fullGazetteer, jobs: 1).build(texts: texts.enumerated().map { i, t in
            ("\(i).txt", t.1, ManifestEntry(file: "\(i).txt", date: PartialDate(iso: t.0)))
        }).0
        return corpus.visitSummaries().sorted()
    }
}
