import Foundation
import Testing
@testable import CorpusModel

@Suite("Metadata")
struct MetadataTests {
    @Test("a ' date YYYY-MM-DD PLACE —' line gives the date and place and is not article text")
    func dateLine() throws {
        let c = Fixtures.corpus(" date 2025-10-09 PYONGYANG — Party General Secretary Tô Lâm held talks with Kim Jong Un.\n\nHe said so. — VNS")
        let d = try #require(c.documents.first)
        #expect(d.date?.iso == "2025-10-09" && d.dateSource == .text && d.place == "PYONGYANG" && d.source == "VNS")
        #expect(d.sentenceText(0) == "Party General Secretary Tô Lâm held talks with Kim Jong Un.")
        #expect(d.placeEntity.map { c.entities[$0].id } == "geonames:1871859")
    }

    @Test func dateline() throws {
        let c = Fixtures.corpus("Xi meets Putin\nBEIJING, August 18, 2024 — Chinese and Russian officials met on Sunday.\nSource: Xinhua")
        let d = try #require(c.documents.first)
        #expect(d.title == "Xi meets Putin")
        #expect(d.date?.iso == "2024-08-18" && d.place == "Beijing" && d.source == "Xinhua" && d.dateSource == .text)
        #expect(d.sentences.count == 2)
        #expect(d.times.first?.start.iso == "2024-08-18") // "on Sunday" against the dateline
    }

    @Test func sourceTagAtStart() throws {
        let c = Fixtures.corpus("Headline here\nTHE HANOI TIMES — General Secretary To Lam arrived in Pyongyang.")
        let d = try #require(c.documents.first)
        #expect(d.source == "The Hanoi Times" && d.title == "Headline here")
        #expect(d.sentenceText(1) == "General Secretary To Lam arrived in Pyongyang.")
    }

    @Test("the manifest overrides and adds")
    func manifest() throws {
        let (c, _) = CorpusBuilder(gazetteer: Fixtures.gazetteer).build(texts: [
            ("x.txt", " date 2025-10-09 HANOI — Text.", ManifestEntry(file: "x.txt", title: "T", date: PartialDate(iso: "2025-10-08"), source: "S", url: "https://example.org/x")),
        ])
        let d = try #require(c.documents.first)
        #expect(d.date?.iso == "2025-10-08" && d.dateSource == .manifest && d.title == "T" && d.source == "S" && d.url == "https://example.org/x")
    }

    @Test("language: Vietnamese or English", arguments: [
        ("Bộ Ngoại giao cho biết chuyến công tác của Tổng Bí thư Tô Lâm theo lời mời của Triều Tiên.", "vi"),
        ("Party General Secretary Tô Lâm held talks with Kim Jong Un in Việt Nam on Thursday.", "en"),
    ])
    func language(_ text: String, _ expected: String) {
        #expect(Fixtures.corpus(text).documents.first?.language.code == expected)
    }
}

@Suite("Paragraphs and sentences")
struct SegmentationTests {
    @Test("sentences carry byte offsets into the NFC text")
    func offsets() throws {
        let text = "Việt Nam và Triều Tiên thiết lập quan hệ ngoại giao năm 1950. Hai bên hợp tác.\n\nU.S. President Donald Trump met Mr. Kim in Hanoi. It was Feb. 27, 2019!"
        let d = try #require(Fixtures.corpus(text).documents.first)
        let sentences = d.sentences.indices.map { d.sentenceText($0) }
        #expect(sentences == ["Việt Nam và Triều Tiên thiết lập quan hệ ngoại giao năm 1950.", "Hai bên hợp tác.",
                              "U.S. President Donald Trump met Mr. Kim in Hanoi.", "It was Feb. 27, 2019!"])
        #expect(d.paragraphs.count == 2 && d.paragraphs[0].sentences == 0..<2 && d.paragraphs[1].sentences == 2..<4)
        #expect(d.sentences.map(\.paragraph) == [0, 0, 1, 1])
        for s in d.sentences {
            let bytes = Array(d.text.utf8)[s.range]
            #expect(String(decoding: bytes, as: UTF8.self) == d.slice(s.range))
        }
    }

    @Test func quotesAndInitials() throws {
        let d = try #require(Fixtures.corpus("“This visit will matter,” he said. George W. Bush went to Hanoi. Then he left.").documents.first)
        #expect(d.sentences.count == 3)
        #expect(d.sentenceText(1) == "George W. Bush went to Hanoi.")
    }

    @Test("a line without a full stop is a sentence of its own (headlines, captions)")
    func headlines() throws {
        let d = try #require(Fixtures.corpus("Vietnam’s Party chief visits DPRK\nThe visit began today.").documents.first)
        #expect(d.sentences.count == 2 && d.paragraphs.count == 2)
    }
}
