import Foundation
import Testing
@testable import CorpusModel

/// Coreference by salience (Coreference.swift): pronouns, possessives before a visit word and delegation words
/// stand for the most recent subject of their paragraph, else the protagonist, never for a person of their own
/// clause; on sentences written for the tests.
@Suite("Coreference: pronouns, possessives, delegations")
struct CoreferenceTests {
    func visits(_ text: String, date: String = "2024-06-15") -> [String] {
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1)
            .build(texts: [("a.txt", text, ManifestEntry(file: "a.txt", date: PartialDate(iso: date)))]).0
        return corpus.visitSummaries().sorted()
    }

    func visitors(_ text: String, date: String = "2024-06-15") -> Set<String> {
        Set(visits(text, date: date).map { String($0.split(separator: ">").first!.dropLast(2)) })
    }

    @Test("a pronoun subject continues the chain of the person named before it")
    func pronounChain() {
        let v = visits("Secretary of State Antony Blinken landed in Tel Aviv on June 6. On June 7 he was in Amman, before flying to Doha.")
        #expect(v.contains { $0.hasPrefix("Antony Blinken -> JOR 2024-06-07") }, "\(v)")
        #expect(v.contains { $0.hasPrefix("Antony Blinken -> QAT") }, "\(v)")
    }

    @Test("the object of a host's verb is the visitor, the host is not")
    func receivedHim() {
        let v = visits("Secretary of State Antony Blinken reached Amman on June 6. Crown Prince Mohammed bin Salman received him in Riyadh on June 9.")
        #expect(v.contains { $0.hasPrefix("Antony Blinken -> SAU 2024-06-09") }, "\(v)")
        #expect(!v.contains { $0.hasPrefix("Mohammed bin Salman") }, "\(v)")
    }

    @Test("a possessive before a visit word names its visitor, and the object pronoun does not end his segment")
    func possessiveTrip() {
        let v = visits("Kamala Harris became the nominee this week.\n\nHer first big solo trip abroad as vice-president took her to Singapore, where she arrived on 22 August 2021.",
                       date: "2024-07-25")
        #expect(v.contains { $0.hasPrefix("Kamala Harris -> SGP 2021-08-22") }, "\(v)")
    }

    @Test("the paragraph's most recent subject wins over the protagonist; a new paragraph falls back to him")
    func salienceByParagraph() {
        let sameParagraph = visitors("Malaysian Prime Minister Anwar Ibrahim visited Tokyo on June 2.\n\nIndonesian President Joko Widodo spoke in Jakarta on June 3. He then flew to Singapore.")
        #expect(sameParagraph.contains("Joko Widodo"), "\(sameParagraph)")
        let newParagraph = visits("Malaysian Prime Minister Anwar Ibrahim visited Tokyo on June 2.\n\nIndonesian President Joko Widodo spoke in Jakarta on June 3.\n\nHe then flew to Singapore.")
        #expect(newParagraph.contains { $0.hasPrefix("Anwar Ibrahim -> SGP") }, "\(newParagraph)")
        #expect(!newParagraph.contains { $0.hasPrefix("Joko Widodo") }, "\(newParagraph)")
    }

    @Test("a person named after a preposition heading the sentence is not its subject, nor the later pronoun's")
    func prepositionalObjectIsNoSubject() {
        let v = visits("Malaysian Prime Minister Anwar Ibrahim spoke in Kuala Lumpur on June 2.\n\nBy November, with the chairmanship now handed to Indonesian President Joko Widodo, Anwar visited Japan and signed an upgrade. In March 2024 he went to Jakarta.",
                       date: "2024-06-15")
        #expect(v.contains { $0.hasPrefix("Anwar Ibrahim -> JPN 2023-11") }, "\(v)")
        #expect(v.contains { $0.hasPrefix("Anwar Ibrahim -> IDN 2024-03") }, "\(v)")
        #expect(!v.contains { $0.hasPrefix("Joko Widodo -> JPN") }, "\(v)")
        // Counter-example: the subject named first, with no preposition before him, stays the visitor.
        let subject = visits("Indonesian President Joko Widodo, with Malaysian Prime Minister Anwar Ibrahim at his side, visited Japan in November 2023.")
        #expect(subject.contains { $0.hasPrefix("Joko Widodo -> JPN 2023-11") }, "\(subject)")
    }

    @Test("a consort titled as a monarch beside the known monarch of her country is no visitor")
    func consortIsNoVisitor() {
        let v = visitors("King Felipe VI and Queen Letizia of Spain arrived in Tokyo on June 3 for a state visit.")
        #expect(v.contains("Felipe VI"), "\(v)")
        #expect(!v.contains("Letizia"), "\(v)")
        // Counter-example: a queen of another country joined to him is a visitor of her own.
        let other = visitors("King Felipe VI and Queen Ana Maren of Norway arrived in Tokyo on June 3.")
        #expect(other.contains("Ana Maren"), "\(other)")
    }

    @Test("a pronoun for someone at home makes no visit: 'thay mặt ông', first-person and plural pronouns")
    func noVisitForTheAbsent() {
        let vi = visitors("Tổng thống Mỹ Donald Trump không dự hội nghị năm nay. Năm ngoái, Phó Tổng thống Mike Pence đã thay mặt ông sang Singapore dự hội nghị.",
                          date: "2019-11-04")
        #expect(!vi.contains("Donald Trump"), "\(vi)")
        let quoted = visitors("Indonesian President Joko Widodo spoke in Jakarta on June 3. \"We flew to Singapore on June 1,\" said Prime Minister Anwar Ibrahim.")
        #expect(!quoted.contains("Joko Widodo"), "\(quoted)")
        let plural = visitors("Indonesian President Joko Widodo spoke in Jakarta on June 3. They then flew to Singapore.")
        #expect(!plural.contains("Joko Widodo"), "\(plural)")
    }

    @Test("the reverent 'Người' capitalised inside a sentence stands for the person named before; 'Người dân' opening one does not")
    func reverentPronoun() {
        let text = "Chủ tịch Hồ Chí Minh thăm Ấn Độ từ ngày 5/2/1958. Ngày 16/2/1958, Người tới Miến Điện."
        #expect(visits(text).contains { $0.hasPrefix("Hồ Chí Minh -> MMR 1958-02-16") }, "\(visits(text))")
        let people = "Chủ tịch Hồ Chí Minh thăm Ấn Độ từ ngày 5/2/1958. Người dân Miến Điện sang Thái Lan ngày 16/2/1958."
        #expect(!visits(people).contains { $0.contains("-> THA") }, "\(visits(people))")
    }

    @Test("ông at a clause's head and đoàn as a subject continue a Vietnamese visitor's trip")
    func vietnameseChain() {
        let v = visits("Tổng Bí thư Tô Lâm thăm Mông Cổ ngày 30/9/2024. Tiếp đó, đoàn sẽ sang Ireland. Sau Ireland, ông sẽ thăm Pháp.",
                       date: "2024-09-30")
        #expect(v.contains { $0.hasPrefix("Tô Lâm -> IRL") }, "\(v)")
        #expect(v.contains { $0.hasPrefix("Tô Lâm -> FRA") }, "\(v)")
        let bacon = visitors("Chủ tịch Hồ Chí Minh thăm Pháp tháng 6/1946, gặp bà con Việt kiều tại Paris.", date: "1946-07-01")
        #expect(bacon == ["Hồ Chí Minh"], "\(bacon)")
    }

    @Test("host.coordinated-party: the second party of talks is no visitor of the next leg")
    func coordinatedParty() {
        let v = visitors("On June 3 Secretary of State Antony Blinken held talks with King Abdullah and Palestinian President Mahmoud Abbas in Amman, before flying to Doha.")
        let doha = visits("On June 3 Secretary of State Antony Blinken held talks with King Abdullah and Palestinian President Mahmoud Abbas in Amman, before flying to Doha.")
            .filter { $0.contains("-> QAT") }
        #expect(v.contains("Antony Blinken"))
        #expect(doha.allSatisfy { $0.hasPrefix("Antony Blinken") } && !doha.isEmpty, "\(doha)")
    }

    @Test("after a sentence headed by a title without a name, 'he' is not the person named after it from another country")
    func unnamedTitleSubject() {
        let text = "Joko Widodo agrees to visit Laos\n\nThe Lao president flew into Jakarta on Tuesday morning and was met at the airport by Indonesian President Joko Widodo, who rode with him into the city. He returns to Vientiane this afternoon."
        let v = visits(text, date: "2021-07-01")
        #expect(!v.contains { $0.hasPrefix("Joko Widodo -> LAO") && $0.hasSuffix("occurred") }, "\(v)")
        // Counter-example: a named subject is still what "he" stands for.
        let named = visits("Indonesian President Joko Widodo flew into Vientiane on Tuesday morning. He returns to Jakarta this afternoon.", date: "2021-07-01")
        #expect(named.contains { $0.hasPrefix("Joko Widodo -> LAO") && $0.hasSuffix("occurred") }, "\(named)")
    }
}
