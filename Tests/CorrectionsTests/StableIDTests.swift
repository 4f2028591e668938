import Foundation
import Testing
@testable import CorpusModel

/// Stable ids: derived from a fact's content, readable, unique, and unchanged when articles come and go.
@Suite("stable ids")
struct StableIDTests {
    static let folder = Sample.repository.appendingPathComponent("Data/corpus")

    /// The sample corpus's articles, read as texts (with their manifest dates), plus `extra`.
    static func build(dropping dropped: String? = nil, extra: [(String, String)] = []) throws -> Corpus {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") && $0 != dropped }.sorted()
        var texts: [(name: String, text: String, entry: ManifestEntry?)] = try names.map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8), nil)
        }
        texts += extra.map { ($0.0, $0.1, nil) }
        return CorpusBuilder(gazetteer: Sample.gazetteer, jobs: 2).build(texts: texts).0
    }

    /// "visitor DEST start status" -> id.
    static func idsByContent(_ c: Corpus) -> [String: String] {
        var out: [String: String] = [:]
        for (i, v) in c.visits.enumerated() {
            out["\(c.entities[v.visitor].id) \(v.destination) \(v.start?.iso ?? "-") \(v.status.rawValue)"] = c.visitIDs[i]
        }
        return out
    }

    @Test func idsAreReadableAndUnique() throws {
        let c = Sample.corpus
        #expect(c.visits.count > 5)
        #expect(Set(c.visitIDs).count == c.visitIDs.count)
        #expect(Set(c.eventIDs).count == c.eventIDs.count)
        let visitPattern = try Regex(#"^v-[a-z0-9-]+-[A-Z]{3}-([0-9]{4}(-[0-9]{2}){0,2}|undated)-[0-9a-f]{6}(-[0-9]+)?$"#)
        for (i, id) in c.visitIDs.enumerated() {
            #expect(id.wholeMatch(of: visitPattern) != nil, "\(id)")
            let v = c.visits[i]
            #expect(id.hasPrefix("v-\(c.entities[v.visitor].id)-\(v.destination)-\(v.start?.iso ?? "undated")-"))
        }
        for (i, id) in c.eventIDs.enumerated() { #expect(id.hasPrefix("e-\(c.events[i].kind.rawValue)-"), "\(id)") }
        let document = c.documents[0]
        #expect(StableID.document(document).hasPrefix(document.name + "@"))
        #expect(StableID.document(document).count == document.name.count + 9)
    }

    @Test func addingOrRemovingAnUnrelatedArticleKeepsTheOldIds() throws {
        let before = try Self.build()
        let unrelated = "HANOI, March 3, 2024 — Rain is expected across the northern provinces this week, forecasters said.\n"
        let added = try Self.build(extra: [("000-weather.txt", unrelated)])
        #expect(added.documents.count == before.documents.count + 1)
        #expect(Self.idsByContent(added) == Self.idsByContent(before))
        #expect(added.eventIDs == before.eventIDs)
        // Removing an article keeps the ids of the visits it did not report.
        let dropped = "2025-05-11-vns-to-lam-leaves-russia-for-belarus.txt"
        let smaller = try Self.build(dropping: dropped)
        let kept = Self.idsByContent(smaller)
        #expect(!kept.isEmpty && kept.count < Self.idsByContent(before).count)
        for (content, id) in kept { #expect(Self.idsByContent(before)[content] == id, "\(content)") }
    }

    @Test func theTimelineCarriesVisitIdsForItsVisitEvents() {
        let c = Sample.corpus
        let timeline = c.identifiedTimeline
        #expect(timeline.count == c.visits.count + c.events.count)
        for entry in timeline {
            if let v = entry.event.visit { #expect(entry.stableID == c.visitIDs[v]) } else { #expect(entry.stableID.hasPrefix("e-")) }
        }
        #expect(Set(timeline.map(\.stableID)).count == timeline.count)
    }

    @Test func factsWithTheSameContentAreToldApartByTheirEarliestReport() {
        let c = Sample.corpus
        var twin = c.visits[0]
        twin.mentions = [Mention(document: c.documents.count - 1, sentence: 0)]
        let ids = StableID.visits([c.visits[0], twin], entities: c.entities, documents: c.documents)
        #expect(ids[0] != ids[1])
        #expect(ids[0].dropLast(7) == ids[1].dropLast(7))
        // The same twice over, down to the report: numbered.
        let same = StableID.visits([c.visits[0], c.visits[0]], entities: c.entities, documents: c.documents)
        #expect(same[1] == same[0] + "-2")
    }
}
