import Foundation
import Testing

/// Issue 13's loop on a copy of Data/unseen, through the built `dossier` as an analyst runs it: export and
/// evaluate, decide, write `corrections.yaml` and a lexicon overlay in the corpus folder, run again; then add
/// articles and run once more. The visits corrected are chosen from what the commands print, not by ids written
/// here, so the test keeps its meaning when the rules change.
@Suite("the correction loop on Data/unseen")
struct CorrectionLoopTests {
    typealias Record = [String: Any]

    /// What the analyst decided, and the visits it is about.
    struct Decisions {
        var rejected: String
        var amended: String
        var newStart: String
        var added: (visitor: String, destination: String, when: String, document: String, quote: String)
        var alias: (name: String, entity: String)

        var yaml: String {
            func quoted(_ s: String) -> String {
                "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            }
            return """
                corrections:
                  - reject: \(rejected)
                    by: loop test
                    reason: not in the gold
                  - amend: \(amended)
                    set: {start: \(newStart)}
                  - add: {visitor: \(quoted(added.visitor)), destination: \(added.destination), start: \(added.when),
                          document: \(quoted(added.document)), quote: \(quoted(added.quote))}
                    reason: missed by the rules
                  - alias: \(quoted(alias.name))
                    entity: \(alias.entity)

                """
        }
    }

    static let cueWord = "peregrinated to"
    /// An article whose only visit trigger is the cue word no bundled lexicon set has.
    static let cueArticle = """
        Widodo's Nordic stopover

        REYKJAVIK, May 16, 2023 — Indonesian President Joko Widodo peregrinated to Iceland on Monday.

        Source: wire reports

        """

    @Test func everyCorrectionShowsInTheExportAndAReportAndStillAppliesAfterNewArticles() throws {
        let project = try CorrectionLoopProject()
        try project.write(Self.cueArticle, "corpus/2023-05-16-reykjavik-widodo-stopover.txt")
        let before = try project.export("visits").records
        // (A proposed candidate of the scorer may already pair them, rule visit.proposed: not the cue word's doing.)
        #expect(!before.contains { Self.isCueVisit($0) && !(($0["rules"] as? [String] ?? []).contains("visit.proposed")) },
                "the cue word already triggers a visit: choose a rarer one")

        let decisions = try Self.decide(project, before)
        try project.write(decisions.yaml, "corpus/corrections.yaml")
        try project.write("entry\n\(Self.cueWord)\n", "corpus/dossier/lexicon/en/travel-words.tsv")

        let after = try Self.checkEveryChange(project, decisions, before: before)
        let evaluation = try project.evaluate()
        #expect(!evaluation.misses.contains { $0.visitor == decisions.added.visitor && $0.destination == decisions.added.destination
            && $0.when == decisions.added.when }, "the added visit is still missed: \(evaluation.misses)")

        // New articles come in: the same file still applies, every correction to the same id.
        let heldout = CommandRunner.repository.appendingPathComponent("Data/heldout")
        let added = try FileManager.default.contentsOfDirectory(atPath: heldout.path).filter { $0.hasSuffix(".txt") }.sorted().prefix(8)
        for name in added {
            try FileManager.default.copyItem(at: heldout.appendingPathComponent(name), to: project.corpus.appendingPathComponent(name))
        }
        let again = try Self.checkEveryChange(project, decisions, before: before)
        #expect(again.count > after.count, "the new articles added no visit")
        let documents = try project.export("documents").records.compactMap { $0["id"] as? String }
        let newDocuments = Set(added)
        #expect(documents.filter { id in added.contains { id.hasPrefix($0 + "@") } }.count == added.count)
        // A visit that no new article reports keeps its id.
        let untouched = again.filter { visit in Self.documents(of: visit).isDisjoint(with: newDocuments) }
        let earlier = Set(after.compactMap { $0["id"] as? String })
        #expect(untouched.allSatisfy { earlier.contains($0["id"] as? String ?? "") },
                "\(untouched.compactMap { $0["id"] as? String }.filter { !earlier.contains($0) })")
    }

    /// Picks what to correct from what `dossier evaluate`, `export` and `eval` show.
    static func decide(_ project: CorrectionLoopProject, _ visits: [Record]) throws -> Decisions {
        let evaluation = try project.evaluate()
        let extra = try #require(evaluation.extras.first, "dossier evaluate lists no extra visit to reject")
        let wrong = try #require(visits.first { visitorName($0) == extra.visitor && $0["destination"] as? String == extra.destination
            && ($0["start_date"] as? String ?? "?") == extra.start }, "\(extra) is not in the export")
        let rejected = try #require(wrong["id"] as? String)
        // A visit with a day to its start, and not the rejected one: its start moved to the month's first day.
        let dated = try #require(visits.first { visit in
            let start = visit["start_date"] as? String ?? ""
            return visit["id"] as? String != rejected && start.count == 10 && !start.hasSuffix("-01") && visit["end_date"] is NSNull
        })
        let start = try #require(dated["start_date"] as? String)
        let missed = try #require(try source(ofOneOf: evaluation.misses, project), "no missed gold row names a known person: \(evaluation.misses)")
        return Decisions(rejected: rejected, amended: try #require(dated["id"] as? String), newStart: String(start.prefix(8)) + "01",
                         added: missed, alias: ("the Loop Examiner", try #require(visitorID(dated))))
    }

    /// The first missed gold row whose visitor the model knows, with a sentence that names them (and the
    /// destination, when one does) as the quote.
    static func source(ofOneOf misses: [CorrectionLoopProject.Evaluation.Miss], _ project: CorrectionLoopProject) throws
        -> (visitor: String, destination: String, when: String, document: String, quote: String)? {
        for miss in misses {
            let rows = try project.lua("""
                local e = corpus.entity(\(luaString(miss.visitor)))
                if not e or e.kind ~= "person" then return end
                local best
                for _, m in ipairs(e.mentions) do
                  local names_destination = false
                  for _, other in ipairs(m.document.mentions) do
                    if other.sentence == m.sentence and (other.entity.id == "\(miss.destination)" or other.entity.country == "\(miss.destination)")
                      and other.entity.kind ~= "person" then names_destination = true end
                  end
                  if names_destination or not best then best = m end
                  if names_destination then break end
                end
                if best then print(best.document.path, best.document.sentences[best.sentence]) end
                """)
            if let row = rows.first, row.count == 2 { return (miss.visitor, miss.destination, miss.when, row[0], row[1]) }
        }
        return nil
    }

    /// Exports and reports after the corrections and the overlay; each decision is checked in both. Returns the visits.
    static func checkEveryChange(_ project: CorrectionLoopProject, _ decisions: Decisions, before: [Record]) throws -> [Record] {
        let (visits, stderr) = try project.export("visits")
        #expect(!stderr.contains("not applied"), "\(stderr)")
        let byID = Dictionary(visits.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID[decisions.rejected] == nil)
        let amended = try #require(byID[decisions.amended])
        #expect(amended["start_date"] as? String == decisions.newStart && amended["corrected"] as? Bool == true)
        #expect((amended["corrections"] as? [String])?.first?.hasPrefix("amend start (corrections.yaml:5") == true, "\(amended)")
        let added = visits.filter { ($0["corrections"] as? [String] ?? []).contains { $0.hasPrefix("add (corrections.yaml:7") } }
        #expect(added.count == 1 && added.first?["destination"] as? String == decisions.added.destination, "\(added)")
        #expect(visits.contains { isCueVisit($0) && ($0["rules"] as? [String] ?? []).contains("visit.travel-to") },
                "the cue word of the overlay found no visit")
        #expect(visits.filter { $0["corrected"] as? Bool == true }.count == 2)
        let entities = try project.export("entities").records
        let named = entities.first { ($0["id"] as? String) == decisions.alias.entity }
        let aliases: [String] = named?["aliases"] as? [String] ?? []
        #expect(aliases.contains(decisions.alias.name), "\(named ?? [:])")

        let report = try project.report(alias: decisions.alias.name)
        #expect(report.correctionsApplied == 4)
        let rows = Dictionary(report.rows.map { ($0["id"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(rows.count == visits.count && rows[decisions.rejected] == nil)
        #expect(rows[decisions.amended]?["start"] == decisions.newStart && rows[decisions.amended]?["corrections"]?.hasPrefix("amend start") == true)
        #expect(report.rows.filter { $0["corrections"]?.hasPrefix("add") == true }.count == 1)
        #expect(report.rows.contains { $0["visitor"] == "joko-widodo" && $0["destination"] == "ISL" })
        #expect(report.paragraphs.contains("alias names: \(decisions.alias.entity)"), "\(report.paragraphs)")
        return visits
    }

    static func visitorID(_ visit: Record) -> String? { (visit["visitor"] as? Record)?["id"] as? String }
    static func visitorName(_ visit: Record) -> String? { (visit["visitor"] as? Record)?["name"] as? String }

    static func isCueVisit(_ visit: Record) -> Bool {
        visitorID(visit) == "joko-widodo" && visit["destination"] as? String == "ISL"
    }

    /// The documents (file names) that report a visit.
    static func documents(of visit: Record) -> Set<String> {
        Set((visit["mentions"] as? [Record] ?? []).compactMap { $0["document"] as? String })
    }

    static func luaString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
