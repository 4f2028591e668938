import Foundation
import Testing
@testable import CorpusModel

@Suite("Corpus, evaluation and export")
struct CorpusTests {
    static let bundled: (Corpus, [Diagnostic]) = CorpusBuilder(gazetteer: Fixtures.fullGazetteer)
        .build(directory: Fixtures.root.appendingPathComponent("Data/corpus"))

    @Test("the bundled corpus against Data/annotations/visits.gold.json: recall and precision 1, every row right")
    func bundledGold() throws {
        let (corpus, diagnostics) = Self.bundled
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(corpus.documents.count == 5)
        let gold = try GoldFile.load(path: Fixtures.root.appendingPathComponent("Data/annotations/visits.gold.json").path)
        #expect(gold.visits.count == 13)
        let r = Evaluator.evaluate(corpus, gold: gold)
        #expect(r.recall == 1.0, "misses: \(r.misses.map(\.visitor))")
        #expect(r.precision == 1.0, "extras: \(r.extras.map { corpus.entities[$0.visitor].name })")
        #expect(r.attributeErrors == 0, "\(r.matches.filter { !$0.problems.isEmpty }.map(\.problems))")
        #expect(r.plannedReportedAsOccurred == 0)
    }

    @Test("the seed articles' special cases: Kim's 2019 visit once and occurred, Trump's summit only planned, Belarus occurred")
    func bundledSpecialCases() throws {
        let c = Self.bundled.0
        let kim = c.visits.filter { c.entities[$0.visitor].id == "kim-jong-un" && $0.destination == "VNM" }
        #expect(kim.count == 1 && kim.first?.status == .occurred && (kim.first?.mentions.count ?? 0) >= 3)
        #expect(c.visits.filter { c.entities[$0.visitor].name == "Donald Trump" }.allSatisfy { $0.status == .planned })
        #expect(c.visits.first { $0.destination == "BLR" }?.status == .occurred)
        // Counts count events: To Lam's DPRK visit is one event with many mentions from three articles.
        let dprk = try #require(c.visits.first { c.entities[$0.visitor].id == "to-lam" && $0.destination == "PRK" })
        #expect(Set(dprk.mentions.map(\.document)).count == 3)
        #expect(c.timeline.filter { $0.kind == .visit }.count == c.visits.count)
        #expect(c.timeline.count == c.visits.count + c.events.count && c.events.allSatisfy { $0.kind != .visit })
    }

    /// A folder of the repository built with the full gazetteer (no error) and scored against its gold file.
    static func scored(_ folder: String, gold: String) throws -> (Corpus, EvaluationReport) {
        let (corpus, diagnostics) = CorpusBuilder(gazetteer: Fixtures.fullGazetteer).build(directory: Fixtures.root.appendingPathComponent(folder))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let goldFile = try GoldFile.load(path: Fixtures.root.appendingPathComponent(gold).path)
        return (corpus, Evaluator.evaluate(corpus, gold: goldFile))
    }

    @Test("the thirty test articles (Data/testcorpus): precision and recall 1 against their gold, every matched row right")
    func testCorpusGold() throws {
        let (corpus, r) = try Self.scored("Data/testcorpus", gold: "Data/annotations/testcorpus.gold.json")
        #expect(corpus.documents.count == 30)
        #expect(Set(corpus.documents.map(\.language)) == ["en", "vi"])
        #expect(r.precision == 1 && r.recall == 1, "\(Evaluator.render(r, corpus: corpus))")
        #expect(r.attributeErrors == 0, "\(r.matches.filter { !$0.problems.isEmpty }.map(\.problems))")
    }

    @Test("the unseen articles (Data/unseen): F1 >= 0.65, a floor against regressions, not a target (see docs/corpus-model.md)")
    func unseenGold() throws {
        let (corpus, r) = try Self.scored("Data/unseen", gold: "Data/annotations/unseen.gold.json")
        #expect(corpus.documents.count == 46)
        #expect(corpus.documents.allSatisfy { $0.date != nil }, "every article's date is read from its text")
        #expect(r.f1 >= 0.65 && r.precision >= 0.73, "\(Evaluator.render(r, corpus: corpus))")
        // Announced, postponed and cancelled trips reported as having taken place: 8 before the status came from
        // the strongest cue of the merged reports, 2 before the classes of issue 9 were fixed, none since.
        #expect(r.plannedReportedAsOccurred == 0, "\(Evaluator.render(r, corpus: corpus))")
    }

    @Test("the held-out batches F-I (Data/heldout), scored at first sight: a floor against regressions, and no visit from the articles in other languages")
    func heldoutGold() throws {
        let (corpus, r) = try Self.scored("Data/heldout", gold: "Data/annotations/heldout.gold.json")
        #expect(corpus.documents.count == 90)
        let unread = Set(corpus.documents.indices.filter { !["en", "vi"].contains(corpus.documents[$0].language) })
        #expect(unread.count == 8, "Spanish, German, Chinese, Portuguese, French, Russian, Italian and Turkish articles")
        #expect(corpus.visits.allSatisfy { $0.mentions.allSatisfy { !unread.contains($0.document) } })
        #expect(r.f1 >= 0.5 && r.precision >= 0.6, "\(Evaluator.render(r, corpus: corpus))")
        // 27 before the status came from the strongest cue of the merged reports, 4 before the classes of issue 9
        // were fixed; 1 left, named in `plannedNeverOccurred`.
        #expect(r.plannedReportedAsOccurred <= 1, "\(Evaluator.render(r, corpus: corpus))")
    }

    /// Batches J-M (Data/batches), written blind and scored at first sight on 2026-12-04 (docs/corpus-model.md,
    /// "Blind batches J-M"): each batch's floor is its figure with the rules of that evening, less a margin,
    /// so a change that loses ground on text nobody tuned on fails here.
    /// `plannedAsOccurred`: since the classes of issue 9 were fixed, the rows `plannedNeverOccurred` names (K 1, Q 2)
    /// and none elsewhere. Before: K's was 3 since its analysis of cancelled trips is dated (its byline "By a diplomatic
    /// correspondent | August 21, 2023", rule meta.header-date): two cancelled trips it reported as occurred, undated
    /// extras before, now meet their gold rows and count here. 4 since coreference: Harris's trip on to Seoul, planned
    /// in one article and told as done ("she ... went on to South Korea") in a later one, merges as occurred.
    /// Batches N-Q, written blind and scored at first sight on 2026-12-05 ("Blind batches N-Q"): floors from their
    /// figures after that day's rules (which never saw them), less about 0.03. J-M's floors were raised to the same
    /// margin below that day's figures.
    /// Batches R-U, written blind and scored at first sight on 2026-12-05 at 911549c (pooled F1 0.567; "Blind batches
    /// R-U"), committed in the next session: floors from their figures with that day's rules (which never saw them), less
    /// about 0.03. Their six planned-as-occurred rows, and Q's two, were fixed by the status-scope classes (branch
    /// status2: a cancellation in a contrasting clause, plan nouns and hope verbs, substitutes, weekdays read
    /// forward past a place set off by commas); K's one is left, named in `plannedNeverOccurred`.
    /// Batches V-X, written blind and scored at first sight on 2026-12-05 at afc874d (pooled F1 0.595; "Blind batches
    /// V-X"), committed right after: floors from those figures less about 0.03.
    /// Batches AA-AD, written blind and scored at first sight on 2026-12-05 at 170b675 (pooled F1 0.589; "Blind batches
    /// AA-AD"), committed the next session after two more unread scorings (0.619 at b70e7a7 and a2f7bc6): floors from
    /// those figures less about 0.03.
    /// Batches AE-AH, written blind and scored at first sight on 2026-12-05 at a2f7bc6 (pooled F1 0.584; "Blind batches
    /// AE-AH"), committed the next session after two more unread scorings (0.593 at 7e691a7 and 572e1e9): floors from
    /// those figures less about 0.03.
    /// Batches AM-AS, written blind and scored at first sight on 2026-12-05 at e01102d (pooled F1 0.656; "Blind batches
    /// AM-AS"), committed the same session after two more unread scorings (0.662 and 0.664): floors from the rules'
    /// figures of that session's end (this test builds without the scorer; the rules never saw these articles) less
    /// about 0.03. The AI-AL articles were lost before they were committed: only their figures remain.
    /// Batches AT-BE (development sets since they were scored at first sight; "Blind batches AT-AW", "AX-BA", "BB-BE"):
    /// floors from the rules' figures at the tenth session's end (this build, no scorer) less about 0.03.
    @Test("the blind batches J-BE (Data/batches): floors, no visit from the articles in other languages", arguments: [
        ("J", 26, 3, 0.61, 0.65, 0), ("K", 26, 3, 0.56, 0.66, 1), ("L", 25, 3, 0.55, 0.73, 0), ("M", 25, 3, 0.48, 0.69, 0),
        ("N", 26, 3, 0.38, 0.65, 0), ("O", 26, 3, 0.54, 0.63, 0), ("P", 26, 3, 0.37, 0.55, 0), ("Q", 26, 3, 0.56, 0.69, 0),
        ("R", 27, 3, 0.53, 0.76, 0), ("S", 26, 3, 0.51, 0.63, 0), ("T", 27, 3, 0.63, 0.80, 0), ("U", 27, 3, 0.52, 0.71, 0),
        ("V", 29, 3, 0.63, 0.83, 1), ("W", 25, 3, 0.56, 0.65, 0), ("X", 27, 3, 0.50, 0.59, 1),
        ("Y", 27, 3, 0.60, 0.76, 0), ("Z", 25, 3, 0.46, 0.62, 1),
        ("AA", 26, 3, 0.50, 0.63, 2), ("AB", 26, 3, 0.56, 0.71, 0), ("AC", 27, 3, 0.70, 0.86, 1), ("AD", 26, 3, 0.57, 0.73, 2),
        ("AE", 26, 3, 0.61, 0.78, 3), ("AF", 26, 3, 0.38, 0.66, 1), ("AG", 28, 3, 0.62, 0.73, 1), ("AH", 26, 3, 0.65, 0.81, 0),
        ("AM", 27, 3, 0.61, 0.62, 0), ("AN", 26, 3, 0.68, 0.71, 0), ("AO", 26, 3, 0.62, 0.67, 0), ("AP", 27, 3, 0.60, 0.63, 2),
        ("AQ", 27, 3, 0.61, 0.69, 0), ("AR", 27, 3, 0.42, 0.62, 0), ("AS", 26, 3, 0.68, 0.72, 0),
        ("AT", 26, 3, 0.68, 0.71, 1), ("AU", 27, 3, 0.75, 0.84, 0), ("AV", 26, 3, 0.67, 0.76, 0), ("AW", 27, 3, 0.68, 0.78, 1),
        ("AX", 26, 3, 0.72, 0.78, 0), ("AY", 25, 3, 0.64, 0.69, 1), ("AZ", 26, 3, 0.63, 0.70, 1), ("BA", 26, 3, 0.65, 0.62, 0),
        ("BB", 27, 3, 0.74, 0.77, 0), ("BC", 26, 3, 0.77, 0.80, 0), ("BD", 26, 3, 0.58, 0.64, 0), ("BE", 26, 3, 0.72, 0.66, 0),
    ])
    func blindBatchGold(batch: String, articles: Int, otherLanguages: Int, f1: Double, precision: Double, plannedAsOccurred: Int) throws {
        let (corpus, r) = try Self.scored("Data/batches/\(batch)", gold: "Data/annotations/batch-\(batch).gold.json")
        #expect(corpus.documents.count == articles)
        let unread = Set(corpus.documents.indices.filter { !Language.read.contains(corpus.documents[$0].language) })
        #expect(unread.count == otherLanguages)
        #expect(corpus.visits.allSatisfy { $0.mentions.allSatisfy { !unread.contains($0.document) } })
        #expect(r.f1 >= f1 && r.precision >= precision, "\(Evaluator.render(r, corpus: corpus))")
        #expect(r.plannedReportedAsOccurred <= plannedAsOccurred, "\(Evaluator.render(r, corpus: corpus))")
    }

    /// Issue 9, "done when": no annotated set reports a planned, postponed or cancelled trip as occurred. Summed
    /// over every set of Data/annotations/training-sets.tsv. Left (20 before the classes of branch status were fixed,
    /// 10 before those of branch status2):
    /// - K, Harris -> KOR: "due to travel on to Seoul on Thursday" in one article, "went on to South Korea on
    ///   29 September" in a later one; merged, the later report with its own date makes it occurred (right in the
    ///   world; the gold gives the first article's view only).
    /// - heldout, Xi -> VNM 2025-04: announced the day before in one article, told as done with its dates in one
    ///   of 2026; merged as occurred, as Harris's trip. The gold has a row for each article (planned and occurred);
    ///   one merged visit can meet only one of them, so either status leaves one wrong.
    /// Fixed by the status-scope classes (branch status2; StatusScopeTests): Q's Albanese and Modi -> JPN (weekdays
    /// after "would" now read forward past a place set off by commas), R's Macron -> DEU and T's Morrison -> IND
    /// ("..., but called it off": status.negated.cancel-it-after), R's Biden -> POL (a schedule noun is a plan word),
    /// S's Lawrence Wong -> VNM ("mong", hope, a plan phrase), T's Trump -> TUR ("the idea of" a plan phrase), U's
    /// Biden -> IDN ("standing in for" him: status.negated.substituted).
    /// - V-X (at first sight 6; fixed by status2: Hegseth -> DEU and -> POL of X's week-ahead agenda, an agenda's
    ///   weekday heading making its paragraph's present tense a schedule, and W's Putin -> PRK, "a trip ... that
    ///   begins later today", a relative clause in the present with a day ahead):
    ///   - V, Trương Tấn Sang -> MOZ: a later leg of a departure, planned in its article, told as done in another
    ///     ("Năm 2016, ... đã thăm cấp Nhà nước Mozambique"); merged as occurred, as Harris's trip.
    ///   - X, Blinken -> SGP (fixed by branch tours: a later leg of a planned trip with no cue of its own stays
    ///     planned, "..., rồi sang Manila ..., trước khi tới Singapore"; TourRulesTests.laterLegsOfPlans).
    ///   - X, Vance -> FRA: the agenda's first item, read through the gathering he leads the delegation to, whose
    ///     cue has no present-tense verb before it.
    /// - Y-Z (committed after three blind scorings, 9 at each), fixed by the classes of branch summits3 (AbsenceTests):
    ///   a cancellation opening its clause (", dropping what would have been ... a Quad summit in Sydney"), a
    ///   participant's own plan ("is due to land ... for their summit", "still leaves on Wednesday for Hiroshima,
    ///   where the summit opens on Friday"), an absence noun ("sự vắng mặt ... của X"), "represents him", a
    ///   timeline item's heading placing its gathering and a later "X skips the summit", "Y attends instead of X",
    ///   "X stays away" negating the item's stop, and a gathering attended in a relative clause placed inside it.
    /// - AA-AD (committed after three blind scorings at 170b675, b70e7a7 and a2f7bc6; 6, 7 and 7): not yet read.
    /// - AE-AH (committed after three blind scorings at a2f7bc6, 7e691a7 and 572e1e9; 5 at each): not yet read.
    /// - AM-AS (committed after three blind scorings at e01102d and this session's end; 3 at each).
    /// - AT-AW (scored blind at 4167bcf and 4157382, 5 at each) and AX-BA (scored blind at da636e2, 5), development
    ///   sets since the ninth session: not yet read (AX's Marcos -> USA is reported as occurred by `dossier evaluate`,
    ///   with the visit scorer; this test's build has no scorer, dates that visit 2015 and so does not match it).
    /// Fixed in the eighth session (19 -> 12; StatusRulesTests, rules.yaml examples of status.negated.skip-verb,
    /// status.negated.absence, status.negated.participant, destination.after-trigger, status.negated.cancel-it-after):
    ///   - AC's and AP's Trump -> THA: Vietnamese skip phrases ("bỏ qua hội nghị", "vắng mặt tại", skip-verbs now
    ///     phrases) as attending verbs, and a trigger leading straight to the visitor's own country ("mời ... tới Mỹ",
    ///     the guests travel) no longer falls back to another destination;
    ///   - AE's Trump -> ZAF: "Hội nghị ... vắng Tổng thống X" (an absence word right before the participant);
    ///   - AD's Min Aung Hlaing -> KHM: "X tiếp tục không được mời" (a Vietnamese negation three syllables after the name);
    ///   - AE's Salman -> MDV: "chuyến thăm của X, dự kiến bắt đầu từ hôm nay, đã bị hoãn" (a cancellation right after a
    ///     phrase set off by commas);
    ///   - AF's Eisenhower -> SUN: "rút lại lời mời" (a withdrawn invitation cancels); AP's Obama -> BRN: "intended to" plans.
    /// Found since the gazetteer took cities of 100,000 people (branch gaz9): Z's Xi Jinping -> KOR, "APEC in Gyeongju,
    ///   where a meeting with Xi Jinping is expected" (a planned cue after the person, in a relative clause on the
    ///   place, that the status rules do not read yet); before, Gyeongju was no known place and the row was missed.
    ///   Fixed by branch dates11 (15 -> 14): "He then goes to Tokyo on Monday and to South Korea on Wednesday" reads the
    ///   weekday after a present-tense verb of the trip ahead of the page (date.scheduled-present-ahead), so the
    ///   meeting's date is after it and a plan's (status.planned.future-date).
    /// - BB-BE (scored blind at b247ef8: BC 1, BD 2 with the scorer; the same three in this build): development sets
    ///   since the tenth session.
    /// Fixed by the classes of branch status10 (25 -> 15; StatusScopeTests, rules.yaml examples of
    /// status.planned.present-tense, status.planned.cue-phrase, status.negated.substituted):
    ///   - BD's Clinton -> IDN and -> CHN, AD's Lawrence Wong -> MYS, AE's Xi -> ZAF, AZ's Albanese -> PHL: a present-tense
    ///     verb of the trip sent on to a next stop ("travels next to", "flies on to", "goes on to"; onward-words) is a
    ///     plan, unless its date is before the article (a timeline's historic present);
    ///   - AY's Steinmeier -> UKR: "had been ready to travel to Kyiv ..." ("ready to", "prepared to", "willing to",
    ///     "sẵn sàng": plan phrases);
    ///   - BC's Aliyev -> ESP: "pulled out of the summit here"; a later sentence placed by that gathering with no cue
    ///     of its own ("Aliyev had objected to ... join the meeting") no longer outweighs the cancellation (merge);
    ///   - AW's Min Aung Hlaing -> LAO: "thay cho Thống tướng X", a substitute phrase before a title the gazetteer
    ///     does not know;
    ///   - AU's Trump and Kim -> VNM: "days before Vietnam hosts the summit ... on Wednesday" ("hosts", "opens":
    ///     present-tense words of the gathering the trip goes to).
    /// Left and read (not status classes of the trigger's words): AA's Biden -> AUS ("cuts Australia, Papua New Guinea
    /// from Asia trip": names listed between the cancel verb and "from"), AT's Xi -> MUS (a stopover in a relative
    /// clause with "will", placed far from its trigger), AG's Lavrov -> IDN and AW's Biden -> IDN
    /// (gathering participants of another's sentence), AY's Lavrov -> IDN (two gold rows for one merged visit).
    /// Fixed by branch status11 (14 -> 11; rules.yaml examples of status.negated.cue-before, status.planned.future-modal,
    /// status.negated.cancel-before): AA's Eisenhower -> JPN ("flew home ..., without ever reaching Tokyo":
    /// `unreached-phrases` negate whatever the trigger's cue), AN's Tô Lâm -> CUB (an item of a list whose lead ends
    /// "... sẽ:", a schedule), AA's Biden -> AUS ("cuts Australia, Papua New Guinea from Asia trip": `removal-verbs`).
    /// Left and read: AA's Biden -> POL and Abbas -> JOR (merged across the set's articles: one tells the plan or the
    /// cancellation, another the trip), AZ's Johnson -> DEU ("IN BERLIN TODAY" in a 07:00 ticker: the gold reads it as
    /// still ahead).
    @Test("issue 9: planned or cancelled trips reported as occurred, summed over every annotated set: the ones named")
    func plannedNeverOccurred() throws {
        let sets = try TrainingSets.load(path: Fixtures.root.appendingPathComponent("Data/annotations/training-sets.tsv").path)
        #expect(sets.count >= 11)
        var left: [String] = []
        for set in sets {
            let (_, r) = try Self.scored(set.folder, gold: set.gold)
            left += r.matches.filter { ($0.gold.status ?? "occurred") != "occurred" && $0.visit.status == .occurred }
                .map { "\(set.wholeName): \($0.gold.visitor) -> \($0.gold.destination)" }
        }
        #expect(left.sorted() == ["AA: Joe Biden -> POL",
                               "AA: Mahmoud Abbas -> JOR",
                               "AG: Sergei Lavrov -> IDN",
                               "AT: Xi Jinping -> MUS",
                               "AW: Joe Biden -> IDN",
                               "AY: Sergei Lavrov -> IDN",
                               "AZ: Boris Johnson -> DEU",
                               "K: Kamala Harris -> KOR",
                               "V: Trương Tấn Sang -> MOZ",
                               "X: JD Vance -> FRA",
                               "heldout: Xi Jinping -> VNM"],
                "\(left)")
    }

    @Test("the evaluator counts misses, extras and wrong attributes")
    func evaluatorCanFail() throws {
        let c = Fixtures.corpus("Vladimir Putin paid an official visit to China in May 2024. To Lam visited France in 2019.", date: "2024-06-01")
        let gold = GoldFile(statuses: ["occurred"], visits: [
            GoldVisit(visitor: "Vladimir Putin", destination: "CHN", when: "2024-05", kind: "state", level: "high"),
            GoldVisit(visitor: "Kim Jong Un", destination: "VNM", when: "2019"),
        ])
        let r = Evaluator.evaluate(c, gold: gold)
        #expect(r.truePositives == 1 && r.misses.count == 1 && r.extras.count == 1)
        #expect(r.precision == 0.5 && r.recall == 0.5)
        #expect(r.attributeErrors == 1 && r.matches[0].problems == ["kind: expected state, found official"])
        // A month that disagrees is no match.
        let r2 = Evaluator.evaluate(c, gold: GoldFile(visits: [GoldVisit(visitor: "Putin", destination: "CHN", when: "2024-06")]))
        #expect(r2.truePositives == 0)
        // A planned row matched by an occurred visit is counted as the worst status error.
        let r3 = Evaluator.evaluate(c, gold: GoldFile(visits: [GoldVisit(visitor: "Putin", destination: "CHN", when: "2024-05", status: "planned")]))
        #expect(r3.plannedReportedAsOccurred == 1 && r.plannedReportedAsOccurred == 0)
    }

    @Test("bad input: invalid UTF-8, empty, binary, duplicate and malformed manifest; one bad file never stops the others")
    func badInput() throws {
        let dir = Fixtures.tempDir()
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let good = "President Vladimir Putin paid a state visit to Vietnam on June 19, 2024."
        try write("a-good.txt", Array(good.utf8))
        try write("b-duplicate.txt", Array(good.utf8))
        try write("c-empty.txt", [])
        try write("d-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        var bad = Array("Kim Jong Un visited ".utf8)
        let offset = bad.count
        bad += [0xC3, 0x28]
        bad += Array(" Russia in September 2023.".utf8)
        try write("e-invalid.txt", bad)
        try write("f-notes.pdf", [0x25, 0x50, 0x44, 0x46])
        try "documents:\n  - file: a-good.txt\n    date: 2024-06-20\n  - file e-invalid.txt\n".write(to: dir.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let (c, d) = CorpusBuilder(gazetteer: Fixtures.gazetteer).build(directory: dir)
        #expect(c.documents.map(\.name) == ["a-good.txt", "e-invalid.txt"])
        #expect(d.contains { $0.file.hasSuffix("b-duplicate.txt") && $0.message.contains("counted once") })
        #expect(d.contains { $0.file.hasSuffix("c-empty.txt") && $0.severity == .warning && $0.message.contains("empty") })
        #expect(d.contains { $0.file.hasSuffix("d-binary.txt") && $0.message.contains("binary") })
        #expect(d.contains { $0.file.hasSuffix("e-invalid.txt") && $0.byteOffset == offset })
        #expect(d.contains { $0.file.hasSuffix("manifest.yaml") && $0.line != nil && $0.column != nil })
        #expect(c.visits.count == 2)
    }

    @Test("a big article is processed whole (the 10 vs 50 MB timing is in corpus-bench big)")
    func bigArticle() {
        let paragraph = "President Vladimir Putin paid a state visit to Vietnam on June 19, 2024. The talks went well.\n"
        let text = String(repeating: paragraph, count: 20_000) // ~1.9 MB
        let c = Fixtures.corpus(text, date: "2024-06-20")
        #expect(c.documents.first?.sentences.count == 40_000)
        #expect(c.visits.count == 1 && c.visits.first?.mentions.count == 20_000)
    }

    @Test func search() {
        let c = Self.bundled.0
        let hits = c.search("to lam")
        #expect(hits.count > 10)
        for h in hits.prefix(5) {
            let s = Fold.folded(c.documents[h.document].sentenceText(h.sentence))
            #expect(s.contains("tolam"))
        }
        #expect(c.search("Tổng Bí thư Tô Lâm").count >= 2)
        #expect(c.search("zebra crossing").isEmpty)
    }

    @Test func entityLookup() throws {
        let c = Self.bundled.0
        let i = try #require(c.entities(named: "to lam").first)
        #expect(c.entities[i].id == "to-lam" && c.entityIndex(id: "to-lam") == i)
        #expect(c.entities[i].office(at: try #require(PartialDate(iso: "2025-10-09")))?.level == .headOfParty)
    }

    @Test("JSON visits carry the issue's keys; CSV follows RFC 4180")
    func export() throws {
        let c = Self.bundled.0
        let json = try Exporter.render(.visits, of: c, format: .json)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == c.visits.count)
        let keys = Set(try #require(array.first).keys)
        #expect(keys.isSuperset(of: ["id", "index", "visitor", "visitor_country", "destination", "city", "host", "hosts", "start_date", "end_date", "year", "kind", "level", "status", "mentions"]))
        let dprk = try #require(array.first { ($0["visitor"] as? [String: Any])?["id"] as? String == "to-lam" && $0["destination"] as? String == "PRK" })
        #expect(dprk["start_date"] as? String == "2025-10-09" && dprk["end_date"] as? String == "2025-10-11" && dprk["year"] as? Int == 2025)
        #expect(dprk["kind"] as? String == "state" && dprk["level"] as? String == "head_of_party" && dprk["city"] as? String == "Pyongyang")
        #expect((dprk["host"] as? [String: Any])?["id"] as? String == "kim-jong-un")
        #expect((dprk["hosts"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Kim Jong Un"])
        let visitsCSV = try Exporter.render(.visits, of: c, format: .csv)
        #expect(visitsCSV.hasPrefix("id,index,visitor,visitor_country,destination,city,host,hosts,start_date"))
        #expect(visitsCSV.contains(",Pyongyang,Kim Jong Un,Kim Jong Un,2025-10-09,"))
        let m = try #require((dprk["mentions"] as? [[String: Any]])?.first)
        #expect(m["document"] is String && m["sentence"] is Int && m["text"] is String)
        let lines = try Exporter.render(.visits, of: c, format: .jsonl).split(separator: "\n")
        #expect(lines.count == c.visits.count)
        let quoted = Exporter.csv([["a": "a,b", "b": "say \"hi\"", "c": "x\ny", "d": "plain", "e": NSNull()]], columns: ["a", "b", "c", "d", "e"])
        #expect(quoted == "a,b,c,d,e\r\n\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",plain,\r\n")
        let csv = try Exporter.render(.events, of: c, format: .csv)
        #expect(csv.hasPrefix("id,index,kind,participants") && csv.contains("\r\n"))
        for table in ExportTable.allCases { #expect(!(try Exporter.render(table, of: c, format: .json)).isEmpty) }
    }

    @Test("a model can be built directly, without text (for benchmarks and the Lua API)")
    func directConstruction() throws {
        let people = [Entity(id: "a", kind: .person, name: "A", country: "VNM")]
        let visits = (0..<1000).map { Visit(id: $0, visitor: 0, visitorCountry: "VNM", destination: "PRK", start: PartialDate(year: 1950 + $0 % 70)) }
        let c = Corpus(entities: people, visits: visits)
        #expect(c.visits.count == 1000 && c.documents.isEmpty && c.entities(named: "a") == [0])
    }
}
