import Foundation
import Testing
@testable import Corrections
@testable import CorpusModel

/// Reading corrections files: the forms that work, and every refusal with its line and column.
@Suite("corrections files")
struct ParserTests {
    @Test func entriesKeepTheirMetadataAndLines() throws {
        let list = try CorrectionsParser.parse("""
        # decided after reading the sources again
        corrections:
          - reject: v-a-PRK-2019-abcdef
            by: an
            date: 2026-12-01
            reason: a plan, not a visit
          - {amend: v-b-VNM-undated-123456, set: {start: 2019-02-26, end: ~, kind: state}}
        """, file: "c.yaml")
        #expect(list.count == 2)
        #expect(list[0].by == "an" && list[0].date == "2026-12-01" && list[0].reason == "a plan, not a visit" && list[0].line == 3)
        guard case .reject(.id("v-a-PRK-2019-abcdef")) = list[0].action else { Issue.record("\(list[0].action)"); return }
        guard case let .amend(.id(id), changes) = list[1].action else { Issue.record("\(list[1].action)"); return }
        #expect(id == "v-b-VNM-undated-123456")
        #expect(changes.contains(.start(PartialDate(iso: "2019-02-26"))) && changes.contains(.end(nil)) && changes.contains(.kind(.state)))
        #expect(list[1].line == 7 && list[1].file == "c.yaml")
    }

    @Test func aBareListAndAnEmptyFileAreAccepted() throws {
        #expect(try CorrectionsParser.parse("- {alias: Uncle Ho, entity: ho-chi-minh}", file: "c.yaml").count == 1)
        #expect(try CorrectionsParser.parse("", file: "c.yaml").isEmpty)
        #expect(try CorrectionsParser.parse("corrections:\n", file: "c.yaml").isEmpty)
        #expect(try CorrectionsParser.parse("corrections: []", file: "c.yaml").isEmpty)
    }

    @Test(arguments: [
        ("corrections: [ {reject: x, reason: [}", "corrections.yaml:1:"),
        ("corrections:\n  - reject: x\n    reasn: typo\n", "corrections.yaml:3:5: error: unknown key 'reasn' in a reject entry (did you mean 'reason'?); expected reject, by, date, reason; no correction of this file applied"),
        ("corection: []\n", "corrections.yaml:1:1: error: unknown key 'corection' (did you mean 'corrections'?): a corrections file holds one list, 'corrections'; no correction of this file applied"),
        ("- rejct: x\n", "corrections.yaml:1:3: error: an entry needs one of reject, accept, amend, add, merge, split, alias (did you mean 'reject'?); no correction of this file applied"),
        ("- {reject: x, amend: y}\n", "corrections.yaml:1:3: error: an entry does one thing; this one says "),
        ("- {amend: x}\n", "corrections.yaml:1:11: error: an amend entry needs 'set', the fields to change"),
        ("- {amend: x, set: {kind: stat}}\n", "corrections.yaml:1:26: error: 'kind' must be one of state, official, working, unspecified, not 'stat' (did you mean 'state'?)"),
        ("- {amend: x, set: {strat: 2019}}\n", "corrections.yaml:1:20: error: unknown key 'strat' in 'set' (did you mean 'start'?)"),
        ("- {amend: x, set: {start: 26 Feb 2019}}\n", "corrections.yaml:1:27: error: 'start' must be an ISO date such as 2019, 2019-02 or 2019-02-26, not '26 Feb 2019'"),
        ("- {amend: x, set: {}}\n", "corrections.yaml:1:19: error: 'set' names no field to change"),
        ("- {reject: {visitor: to-lam, destination: PRK}}\n", "corrections.yaml:1:12: error: 'date' is missing"),
        ("- {split: kim-jong-un, into: kim-il-sung}\n", "corrections.yaml:1:11: error: a split entry needs the reports to move: 'names'"),
        ("- {split: kim-jong-un, names: Kim}\n", "corrections.yaml:1:11: error: 'into' is missing"),
        ("- {split: kim-jong-un, into: kim-il-sung, nmes: Kim}\n", "corrections.yaml:1:43: error: unknown key 'nmes' in a split entry (did you mean 'names'?)"),
        ("- {split: kim-jong-un, into: {name: Kim, contry: PRK}, names: Kim}\n", "corrections.yaml:1:42: error: unknown key 'contry' in 'into' (did you mean 'country'?)"),
        ("- {split: kim-jong-un, into: kim-il-sung, names: []}\n", "corrections.yaml:1:50: error: 'names' is an empty list"),
        ("- {add: {visitor: a, destination: PRK, document: d.txt}}\n", "corrections.yaml:1:9: error: an added visit needs its source"),
        ("- {add: {visitor: a, destination: PRK, document: d.txt, sentence: 0}}\n", "corrections.yaml:1:67: error: 'sentence' must be a whole number from 1, not '0'"),
        ("- {merge: a}\n", "corrections.yaml:1:11: error: 'into' is missing"),
        ("- {alias: [a, b], entity: x}\n", "corrections.yaml:1:11: error: 'alias' must be a single value"),
        ("- reject\n", "corrections.yaml:1:3: error: an entry must be a mapping such as {reject: VISIT_ID, reason: ...}"),
        ("corrections: {reject: x}\n", "corrections.yaml:1:14: error: 'corrections' must be a list of entries"),
        ("- {reject: x, reject: y}\n", "corrections.yaml:1:"),
    ])
    func mistakesAreRefusedWithTheirPlace(yaml: String, expected: String) {
        let refusal = Sample.refusal(yaml)
        #expect(refusal?.hasPrefix(expected) == true, "\(refusal ?? "accepted")")
        #expect(refusal?.hasSuffix("; no correction of this file applied") == true)
    }

    @Test func aliasBombsAreRefusedByTheGuard() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for n in 1...6 { yaml += "\(Character(UnicodeScalar(97 + n)!)): &\(Character(UnicodeScalar(97 + n)!)) [" + Array(repeating: "*\(Character(UnicodeScalar(96 + n)!))", count: 10).joined(separator: ", ") + "]\n" }
        let refusal = Sample.refusal(yaml) ?? ""
        #expect(refusal.hasPrefix("corrections.yaml:"), "\(refusal)")
        #expect(refusal.contains("alias"), "\(refusal)")
    }

    @Test func aFileWithOneMistakeAppliesNothingEvenFromOtherFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corrections-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.yaml"), bad = folder.appendingPathComponent("bad.yaml")
        try "- reject: \(Sample.corpus.visitIDs[0])\n".write(to: good, atomically: true, encoding: .utf8)
        try "- reject: \(Sample.corpus.visitIDs[1])\n- reject: [unclosed\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(try CorrectionSet.load(files: [good]).corrections.count == 1)
        #expect(throws: CorrectionsError.self) { try CorrectionSet.load(files: [good, bad]) }
        do {
            _ = try CorrectionSet.load(files: [good, bad])
        } catch {
            #expect(error.file == bad.path && error.line != nil && error.column != nil)
        }
        let missing = folder.appendingPathComponent("missing.yaml")
        #expect(throws: CorrectionsError.self) { try CorrectionSet.load(files: [missing]) }
        // The digest follows the contents.
        let first = try CorrectionSet.load(files: [good]).digest
        try "- reject: \(Sample.corpus.visitIDs[2])\n".write(to: good, atomically: true, encoding: .utf8)
        #expect(try CorrectionSet.load(files: [good]).digest != first)
    }
}
