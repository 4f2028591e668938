import Foundation
import Testing
@testable import CorpusModel

@Suite("Text store and compact storage")
struct TextStoreTests {
    static let texts = ["Tô Lâm visited Pyongyang.", "", "Kim Jong Un arrived in Hanoi by train.\n", String(repeating: "Đà Nẵng ", count: 5000)]

    @Test("texts read back byte for byte, from memory, from the spill file, and across the limit")
    func roundTrip() {
        for limit in [0, 30, 1 << 20] {
            let store = TextStore(memoryLimit: limit)
            let refs = Self.texts.map { store.append($0) }
            // Readable before and after the pending bytes are written.
            #expect(refs.map { store.string($0) } == Self.texts, "limit \(limit), before seal")
            store.seal()
            #expect(refs.map { store.string($0) } == Self.texts, "limit \(limit)")
            #expect(refs.reversed().map { store.string($0) } == Self.texts.reversed(), "limit \(limit), cached")
            let inMemory = Self.texts.reduce(0) { $0 + $1.utf8.count }
            #expect(limit == 1 << 20 ? store.memoryBytes == inMemory : store.memoryBytes < inMemory, "limit \(limit)")
        }
    }

    @Test("more texts than the cache holds, read in any order")
    func manyTexts() {
        let store = TextStore(memoryLimit: 0)
        let texts = (0..<300).map { "Article \($0): " + String(repeating: "ngày \($0) ", count: $0 % 7 + 1) }
        let refs = texts.map { store.append($0) }
        store.seal()
        for i in stride(from: 299, through: 0, by: -7) { #expect(store.string(refs[i]) == texts[i]) }
    }

    @Test("a corpus whose texts are all in the spill file is the same corpus")
    func spilledCorpusIsTheSame() throws {
        let dir = Fixtures.root.appendingPathComponent("Data/corpus")
        let inMemory = CorpusBuilder(gazetteer: Fixtures.fullGazetteer).build(directory: dir).0
        let spilled = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, textMemoryLimit: 0).build(directory: dir).0
        for table in ExportTable.allCases {
            let a = try Exporter.render(table, of: inMemory, format: .jsonl), b = try Exporter.render(table, of: spilled, format: .jsonl)
            #expect(a == b, "\(table)")
        }
        #expect(inMemory.documents.map(\.text) == spilled.documents.map(\.text))
        let d = spilled.documents[0]
        #expect(d.sentences.indices.map { d.sentenceText($0) }.joined().count > 100)
        #expect(spilled.visits.allSatisfy { v in v.mentions.allSatisfy { !spilled.text(of: $0).isEmpty } })
    }

    @Test("compact records keep every value: time expressions, entity mentions, event mentions")
    func compactRecords() throws {
        let start = try #require(PartialDate(year: 2019, month: 2, day: 27)), end = try #require(PartialDate(year: 2019, month: 2, day: 28))
        var t = TimeExpression(range: 10..<25, sentence: 70_000, start: start, end: end, relative: true)
        #expect(t.range == 10..<25 && t.sentence == 70_000 && t.start == start && t.end == end && t.relative)
        t.relative = false
        t.end = nil
        #expect(!t.relative && t.end == nil && t.sentence == 70_000)
        for role in [MentionRole.name, .demonym, .short, .titled] {
            let m = EntityMention(entity: 3_000_000, sentence: 123_456, range: 5..<9, role: role)
            #expect(m.role == role && m.entity == 3_000_000 && m.sentence == 123_456 && m.range == 5..<9)
        }
        let mention = Mention(document: 99_999, sentence: 41)
        #expect(mention.document == 99_999 && mention.sentence == 41)
    }

    @Test("permuting in place puts element order[k] at k")
    func permute() {
        var random = SystemRandomNumberGenerator()
        for n in [0, 1, 2, 7, 100] {
            let values = (0..<n).map { "v\($0)" }
            let order = (0..<Int32(n)).shuffled(using: &random)
            var permuted = values
            permuted.permute(to: order)
            #expect(permuted == order.map { values[Int($0)] })
        }
    }
}
