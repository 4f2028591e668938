import Foundation
import Testing
@testable import CorpusModel
@testable import ModelCache

/// A rebuild after edits merges again only the visit groups and event keys the edited articles touch
/// (`IncrementalRebuild`): the model file is the one a build from nothing writes, byte for byte, when an edit
/// joins two documents' reports into one visit, splits them again, or moves a visit into a tie with another
/// group's; what it does not handle (a removal, a duplicate text) is built whole, with the same result.
@Suite("incremental rebuild", .serialized)
struct IncrementalRebuildTests {
    /// Four articles: Kishida in Vietnam in March (a01) and September (a03), Chinh in Australia (a02) and Japan (a04).
    static let articles: [String: String] = [
        "a01.txt": """
        date 2023-03-05 HANOI — Japanese Prime Minister Fumio Kishida arrived in Hanoi on March 4 for a 3-day official visit to Vietnam at the invitation of Prime Minister Pham Minh Chinh.

        Prime Minister Fumio Kishida held talks with Prime Minister Pham Minh Chinh on March 5.
        """,
        "a02.txt": """
        date 2023-06-12 CANBERRA — Vietnamese Prime Minister Pham Minh Chinh arrived in Canberra on June 11 for a 2-day official visit to Australia at the invitation of Prime Minister Anthony Albanese.

        Prime Minister Pham Minh Chinh held talks with Prime Minister Anthony Albanese on June 12.
        """,
        "a03.txt": """
        date 2023-09-20 HANOI — Japanese Prime Minister Fumio Kishida arrived in Hanoi on September 19 for a 2-day official visit to Vietnam at the invitation of Prime Minister Pham Minh Chinh.

        Prime Minister Fumio Kishida held talks with Prime Minister Pham Minh Chinh on September 20.
        """,
        "a04.txt": """
        date 2023-10-02 TOKYO — Vietnamese Prime Minister Pham Minh Chinh arrived in Tokyo on October 1 for a 3-day official visit to Japan at the invitation of Prime Minister Fumio Kishida.
        """,
    ]

    static func scratch() throws -> ModelCacheTests.Scratch {
        let scratch = try ModelCacheTests.Scratch()
        for article in scratch.articles { try FileManager.default.removeItem(at: article) }
        for (name, text) in articles { try write(text, scratch, name) }
        return scratch
    }

    static func write(_ text: String, _ scratch: ModelCacheTests.Scratch, _ name: String) throws {
        try (text + "\n").write(to: scratch.corpus.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func edit(_ scratch: ModelCacheTests.Scratch, _ name: String, _ replacements: [(String, String)]) throws {
        var text = try String(contentsOf: scratch.corpus.appendingPathComponent(name), encoding: .utf8)
        for (from, to) in replacements {
            #expect(text.contains(from), "\(name) says \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        try text.write(to: scratch.corpus.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// The rebuild's model file and model are a build from nothing's, and its merge index too.
    static func expectSameAsFullBuild(_ scratch: ModelCacheTests.Scratch, _ rebuilt: ModelCache.Result) throws {
        #expect(try ModelCacheTests.modelFileBytes(scratch.cache) == ModelCacheTests.fullBuildBytes(scratch))
        #expect(try ModelCacheTests.everything(rebuilt.corpus) == ModelCacheTests.everything(ModelCacheTests.uncached(scratch)))
        #expect(try mergeIndexBytes(scratch.cache) == mergeIndexBytes(freshFolder(scratch)))
        #expect(try ModelCacheTests.cached(scratch).source == .loaded)
    }

    static func mergeIndexBytes(_ cache: URL) throws -> Data {
        let models = cache.appendingPathComponent("models")
        let names = try FileManager.default.contentsOfDirectory(atPath: models.path).filter { $0.hasSuffix(".merge") }
        #expect(names.count == 1, "\(names)")
        return try Data(contentsOf: models.appendingPathComponent(try #require(names.first)))
    }

    /// A cache folder built from nothing for the corpus as it is now.
    static func freshFolder(_ scratch: ModelCacheTests.Scratch) throws -> URL {
        let folder = scratch.root.appendingPathComponent("fresh-\(UUID().uuidString.prefix(8))")
        _ = try ModelCache(folder: folder).corpus(directories: [scratch.corpus], inputs: ModelCacheTests.inputs(),
                                                  builder: CorpusBuilder(gazetteer: ModelCacheTests.gazetteer, jobs: 2))
        return folder
    }

    /// Kishida's visit to Vietnam reported by how many documents, for each of its visits, in order.
    static func kishidaInVietnam(_ corpus: Corpus) -> [Int] {
        corpus.visits.filter { corpus.entities[$0.visitor].name == "Fumio Kishida" && $0.destination == "VNM" }
            .map { Set($0.mentions.map(\.document)).count }
    }

    @Test func anEditThatJoinsTwoDocumentsVisitsAndOneThatSplitsThemAgain() throws {
        let scratch = try Self.scratch()
        let first = try ModelCacheTests.cached(scratch)
        #expect(Self.kishidaInVietnam(first.corpus) == [1, 1])
        #expect(first.corpus.events.filter { $0.kind == .meeting }.count == 3)
        // a03 now tells the March visit: its report joins a01's, and its talks a01's meeting.
        let toMarch = [("2023-09-20", "2023-03-06"), ("September 19", "March 4"), ("September 20", "March 5")]
        try Self.edit(scratch, "a03.txt", toMarch)
        let joined = try ModelCacheTests.cached(scratch)
        #expect(joined.mergedIncrementally)
        #expect(joined.source == .built(analysed: 1, reused: 3))
        #expect(Self.kishidaInVietnam(joined.corpus) == [2])
        #expect(joined.corpus.events.filter { $0.kind == .meeting }.map { Set($0.mentions.map(\.document)).count } == [2, 1])
        try Self.expectSameAsFullBuild(scratch, joined)
        // And back: the one visit splits into two again.
        try Self.edit(scratch, "a03.txt", toMarch.map { ($0.1, $0.0) })
        let split = try ModelCacheTests.cached(scratch)
        #expect(split.mergedIncrementally)
        #expect(Self.kishidaInVietnam(split.corpus) == [1, 1])
        try Self.expectSameAsFullBuild(scratch, split)
    }

    /// Chinh's visit to Japan moved to the day of his visit to Australia: the two visits tie on date and visitor,
    /// and the order of their destinations' codes (numbered as the whole merge numbers them) decides.
    @Test func anEditIntoATieWithAnotherGroupsVisit() throws {
        let scratch = try Self.scratch()
        _ = try ModelCacheTests.cached(scratch)
        try Self.edit(scratch, "a04.txt", [("2023-10-02", "2023-06-12"), ("October 1", "June 11")])
        let tied = try ModelCacheTests.cached(scratch)
        #expect(tied.mergedIncrementally)
        let chinh = tied.corpus.visits.filter { $0.start == PartialDate(iso: "2023-06-11") }
        #expect(chinh.map(\.destination) == ["JPN", "AUS"], "Japan's code (a01's visitor) comes before Australia's")
        try Self.expectSameAsFullBuild(scratch, tied)
    }

    /// Two edits at once, one of them only to a sentence with no visit.
    @Test func twoEditsAtOnce() throws {
        let scratch = try Self.scratch()
        _ = try ModelCacheTests.cached(scratch)
        try Self.edit(scratch, "a02.txt", [("June 12.", "June 12 in Canberra.")])
        try Self.edit(scratch, "a04.txt", [("3-day", "4-day")])
        let rebuilt = try ModelCacheTests.cached(scratch)
        #expect(rebuilt.mergedIncrementally)
        #expect(rebuilt.source == .built(analysed: 2, reused: 2))
        try Self.expectSameAsFullBuild(scratch, rebuilt)
    }

    /// An article mostly in English with Vietnamese sentences: it has a note (mixed languages, with their shares).
    static let mixed = """
        date 1994-06-02 VICTORIA — Indian President Shankar Dayal Sharma arrived in Victoria on June 1 for a 2-day working visit to Seychelles at the invitation of President France-Albert René.

        The visit is expected to open a new chapter in relations between the two countries.

        Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực kinh tế, thương mại, giáo dục và du lịch.

        Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực kinh tế, thương mại, giáo dục và du lịch.

        The talks took place in a friendly and sincere atmosphere.
        """

    /// An edit that changes the words of an article's note (told one by one among the diagnostics the model keeps).
    @Test func anEditThatChangesANoteToldOneByOne() throws {
        let scratch = try Self.scratch()
        try Self.write(Self.mixed, scratch, "a05.txt")
        func note(_ result: ModelCache.Result) -> String? {
            result.diagnostics.first { $0.file.hasSuffix("a05.txt") && $0.message.contains("mixed languages") }?.message
        }
        let first = try ModelCacheTests.cached(scratch)
        let before = try #require(note(first))
        try Self.edit(scratch, "a05.txt", [("sincere atmosphere.", "sincere atmosphere. Both leaders expressed satisfaction with the development of bilateral relations.")])
        let rebuilt = try ModelCacheTests.cached(scratch)
        #expect(rebuilt.mergedIncrementally)
        #expect(try #require(note(rebuilt)) != before, "the languages' shares changed")
        try Self.expectSameAsFullBuild(scratch, rebuilt)
        #expect(try ModelCacheTests.cached(scratch).diagnostics == rebuilt.diagnostics)
    }

    /// More articles with notes than are told one by one: an article among the first that loses its notes, or
    /// gains them, moves the boundary (the next one is told, or the last told is counted); past it, only the
    /// summary's counts change.
    @Test func notesGainedOrLostAroundTheFirstTold() throws {
        let scratch = try Self.scratch()
        for k in 0..<(NoteCollector.verbatim + 6) {
            try Self.write(Self.mixed + "\n\nThe forum was number \(k).", scratch, String(format: "m%03d.txt", k))
        }
        let first = try ModelCacheTests.cached(scratch)
        #expect(first.diagnostics.contains { $0.message.contains("more documents have notes") })
        let vietnamese = "Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực kinh tế, thương mại, giáo dục và du lịch."
        for name in ["m005.txt", String(format: "m%03d.txt", NoteCollector.verbatim + 3)] {
            try Self.edit(scratch, name, [(vietnamese, "The two sides agreed to step up cooperation.")])
            let lost = try ModelCacheTests.cached(scratch)
            #expect(lost.mergedIncrementally, "\(name) lost its notes")
            try Self.expectSameAsFullBuild(scratch, lost)
            try Self.edit(scratch, name, [("The two sides agreed to step up cooperation.", vietnamese)])
            let gained = try ModelCacheTests.cached(scratch)
            #expect(gained.mergedIncrementally, "\(name) has notes again")
            try Self.expectSameAsFullBuild(scratch, gained)
        }
    }

    /// A removal that splits a cluster, and a text that becomes another's, are built whole: the same model.
    @Test func aRemovalAndADuplicateAreBuiltWhole() throws {
        let scratch = try Self.scratch()
        try Self.edit(scratch, "a03.txt", [("2023-09-20", "2023-03-06"), ("September 19", "March 4"), ("September 20", "March 5")])
        #expect(Self.kishidaInVietnam(try ModelCacheTests.cached(scratch).corpus) == [2])
        try FileManager.default.removeItem(at: scratch.corpus.appendingPathComponent("a03.txt"))
        let removed = try ModelCacheTests.cached(scratch)
        #expect(!removed.mergedIncrementally)
        #expect(Self.kishidaInVietnam(removed.corpus) == [1])
        try Self.expectSameAsFullBuild(scratch, removed)
        try Self.write(Self.articles["a01.txt"]!, scratch, "a04.txt")
        let duplicate = try ModelCacheTests.cached(scratch)
        #expect(!duplicate.mergedIncrementally, "a04 is now a01's text, counted once")
        try Self.expectSameAsFullBuild(scratch, duplicate)
    }

    /// Damaged sentences, mentions or times in the earlier model (checked when first read): the rebuild is whole,
    /// says so in one line, and the command goes on.
    @Test func aDamagedEarlierModelIsBuiltWhole() throws {
        let scratch = try Self.scratch()
        _ = try ModelCacheTests.cached(scratch)
        let models = scratch.cache.appendingPathComponent("models")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: models.path).first { $0.hasSuffix(".model") })
        var bytes = try Data(contentsOf: models.appendingPathComponent(name))
        bytes[bytes.count - 10] ^= 0x40 // in the times, the file's last table
        try bytes.write(to: models.appendingPathComponent(name))
        try Self.edit(scratch, "a04.txt", [("3-day", "4-day")])
        let notes = ModelCacheTests.NoteLog()
        let rebuilt = try ModelCacheTests.cached(scratch, notes: notes)
        #expect(!rebuilt.mergedIncrementally)
        #expect(notes.all.contains { $0.contains(name) && $0.contains("damaged") }, "\(notes.all)")
        try Self.expectSameAsFullBuild(scratch, rebuilt)
    }

    /// A damaged or missing merge index is not used: the rebuild is whole, and writes a good one.
    @Test func withoutAGoodMergeIndexTheRebuildIsWhole() throws {
        let scratch = try Self.scratch()
        _ = try ModelCacheTests.cached(scratch)
        let models = scratch.cache.appendingPathComponent("models")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: models.path).first { $0.hasSuffix(".merge") })
        var bytes = try Data(contentsOf: models.appendingPathComponent(name))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: models.appendingPathComponent(name))
        try Self.edit(scratch, "a04.txt", [("3-day", "4-day")])
        let rebuilt = try ModelCacheTests.cached(scratch)
        #expect(!rebuilt.mergedIncrementally)
        try Self.expectSameAsFullBuild(scratch, rebuilt)
        try Self.edit(scratch, "a04.txt", [("4-day", "5-day")])
        #expect(try ModelCacheTests.cached(scratch).mergedIncrementally, "the whole rebuild wrote a good index")
    }
}
