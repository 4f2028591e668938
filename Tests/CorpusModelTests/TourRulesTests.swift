import Foundation
import Testing
@testable import CorpusModel

/// Tours: later legs, timeline lines that go straight to a place, trip lists of places and days, origins and
/// stops. Each rule on sentences written for it (never taken from an annotated article), with examples that must
/// fire and counter-examples that must not.
@Suite("Tours, legs and timelines")
struct TourRulesTests {
    func visits(_ text: String, date: String? = "2021-07-01") -> [String] {
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [
            ("0.txt", text, ManifestEntry(file: "0.txt", date: date.flatMap { PartialDate(iso: $0) })),
        ]).0
        return corpus.visitSummaries().sorted()
    }

    static let timeline = """
        Indonesian presidents abroad

        Key visits of Indonesian presidents:

        2015
        - March 3: Joko Widodo pays a state visit to Laos.
        - March 5: Cambodia, where he meets the king.
        - March 7: A brief stop at the airport in Bangkok, Thailand.
        - March 9: Myanmar.

        2016
        - April 2: Joko Widodo in Hanoi, Vietnam, for talks, then Malaysia the same evening.
        - April 4: Manila hosts a trade fair.
        """

    @Test("visit.timeline-stop, visitor.previous-leg: a dated line that goes straight to a place is the next stop of the visitor before")
    func timelineStops() {
        #expect(visits(Self.timeline) == [
            "Joko Widodo -> KHM 2015-03-05 occurred", "Joko Widodo -> LAO 2015-03-03 occurred",
            "Joko Widodo -> MMR 2015-03-09 occurred", "Joko Widodo -> MYS 2016-04-02 occurred",
            "Joko Widodo -> THA 2015-03-07 occurred", "Joko Widodo -> VNM 2016-04-02 occurred",
        ])
        // The one person the headline names, for a first line that goes straight to places.
        #expect(visits("Joko Widodo's visits to Indochina\n\nHis earlier visits:\n\nMarch 2015 - Laos and Cambodia, on his first tour.")
                == ["Joko Widodo -> KHM 2015-03 occurred", "Joko Widodo -> LAO 2015-03 occurred"])
        // A place followed by a preposition ("Hanoi for talks"), and a town the gazetteer lacks before its country.
        #expect(visits("Joko Widodo's visits to Indochina\n\nHis earlier visits:\n\n- March 3, 2015: Hanoi for talks with the prime minister.\n- March 5, 2015: Ban Nong Khiaw, Laos, a stop on the way home.")
                == ["Joko Widodo -> LAO 2015-03-05 occurred", "Joko Widodo -> VNM 2015-03-03 occurred"])
        // Counter-example: no line before names a visitor.
        #expect(visits("Indonesian presidents abroad\n\nKey visits:\n\n2015\n- March 5: Cambodia, where trade talks open.\n- March 9: Myanmar.") == [])
    }

    @Test("visit.continuation: a later leg is the previous leg's visitor's, with its status when it has no cue of its own")
    func continuations() {
        #expect(visits("On June 3 Indonesian President Joko Widodo flew to Hanoi; the tour continues through Laos and Cambodia.")
                == ["Joko Widodo -> KHM 2021-06-03 occurred", "Joko Widodo -> LAO 2021-06-03 occurred", "Joko Widodo -> VNM 2021-06-03 occurred"])
        // The host of the first leg is not the visitor of the next.
        #expect(visits("In June Indonesian President Joko Widodo went to Thailand, where King Vajiralongkorn received him, and then to Malaysia.")
                == ["Joko Widodo -> MYS 2021-06 occurred", "Joko Widodo -> THA 2021-06 occurred"])
        // A plan carries over a colon and a "then" to the next leg (the first is read within six words of "go to").
        #expect(visits("Indonesian President Joko Widodo will go to two countries next month: Laos for the summit, then Cambodia.")
                == ["Joko Widodo -> KHM 2021-08 planned", "Joko Widodo -> LAO 2021-08 planned"])
        // A companion met at the first leg is not the subject of the next.
        #expect(visits("On June 3 Indonesian President Joko Widodo was in Hanoi with Vietnamese President Nguyen Xuan Phuc, then in Vientiane.")
                == ["Joko Widodo -> LAO 2021-06-03 occurred", "Joko Widodo -> VNM 2021-06-03 occurred"])
        // The place before "and then" is a leg too.
        #expect(visits("Indonesian President Joko Widodo spent a single day, June 3, in Vientiane and then Phnom Penh.")
                == ["Joko Widodo -> KHM 2021-06-03 occurred", "Joko Widodo -> LAO 2021-06-03 occurred"])
        // A trip that "took him to" places: the trip's possessor, or the subject before the visit word.
        #expect(visits("Joko Widodo's first trips in 2015 took him to Laos and Cambodia.")
                == ["Joko Widodo -> KHM 2015 occurred", "Joko Widodo -> LAO 2015 occurred"])
        #expect(visits("In 2021 Joko Widodo said that a 2015 tour took him to Laos and Cambodia.")
                == ["Joko Widodo -> KHM 2015 occurred", "Joko Widodo -> LAO 2015 occurred"])
        // Counter-example: an adjective "then".
        #expect(visits("Indonesian President Joko Widodo praised the then Laos government on June 3.") == [])
    }

    @Test("visit.trip-list: places each with a day of the month told before them")
    func placesWithDays() {
        #expect(visits("In May 2021 Indonesian President Joko Widodo toured the region, Vientiane on the 13th, Phnom Penh on the 14th and Bangkok on the 15th.")
                == ["Joko Widodo -> KHM 2021-05-14 occurred", "Joko Widodo -> LAO 2021-05-13 occurred", "Joko Widodo -> THA 2021-05-15 occurred"])
        // Each place with its date in brackets.
        #expect(visits("Indonesian President Joko Widodo visited Laos (3 May) and Cambodia (5 May).")
                == ["Joko Widodo -> KHM 2021-05-05 occurred", "Joko Widodo -> LAO 2021-05-03 occurred"])
        // Places after a preposition of place, each with its time.
        #expect(visits("Indonesian President Joko Widodo was in Vientiane in May 2019 and in Phnom Penh in April 2020.")
                == ["Joko Widodo -> KHM 2020-04 occurred", "Joko Widodo -> LAO 2019-05 occurred"])
        // Counter-example: an ordinal that is no day ("the 13th century").
        #expect(visits("Indonesian President Joko Widodo visited a temple of the 13th century in Laos in May.") == ["Joko Widodo -> LAO 2021-05 occurred"])
    }

    @Test("visit.refers-back: a list line's possessive visit word after its place is a visit of its own, not the one before")
    func listLinePossessive() {
        let text = "Indonesian leaders in Indochina\n\nKey visits:\n\n- March 2015: Joko Widodo pays a state visit to Laos.\n- January 2016: Widodo makes Cambodia the first stop of his next foreign trip."
        #expect(visits(text) == ["Joko Widodo -> KHM 2016-01 occurred", "Joko Widodo -> LAO 2015-03 occurred"])
        // Counter-example: outside a list the possessive refers back.
        #expect(visits("Indonesian President Joko Widodo paid a state visit to Laos in March. Widodo praised Cambodia during his trip.")
                == ["Joko Widodo -> LAO 2021-03 occurred"])
    }

    @Test("date.archive-anchor: an undated stop of an archive report takes the month told last before it, not the page's")
    func archiveStops() {
        let text = "From the archive, 3 November 1966: the President's journey\n\nOn 26 October 1966 President Joko Widodo flew to Hanoi. From there President Joko Widodo went on to Thailand."
        #expect(visits(text, date: nil) == ["Joko Widodo -> THA 1966-10 occurred", "Joko Widodo -> VNM 1966-10-26 occurred"])
        // Counter-example: a news report keeps its own month for an undated stop.
        #expect(visits("On 26 October President Joko Widodo flew to Hanoi. From there he went on to Thailand.", date: "2021-11-03")
                == ["Joko Widodo -> THA 2021-11 occurred", "Joko Widodo -> VNM 2021-10-26 occurred"])
    }

    @Test("destination.excluded-phrase: the origin of a journey is not the trigger's destination, its goal is (the origin is a stop of its own)")
    func origins() {
        #expect(visits("Indonesian President Joko Widodo flew from Laos to Cambodia on June 3.")
                == ["Joko Widodo -> KHM 2021-06-03 occurred", "Joko Widodo -> LAO 2021-06 occurred"])
        #expect(visits("Indonesian President Joko Widodo stopped in Vientiane on June 3 on his way home from Tokyo.")
                == ["Joko Widodo -> JPN 2021-06 occurred", "Joko Widodo -> LAO 2021-06-03 occurred"])
        // Counter-example: with no goal after it, the place stays a candidate.
        #expect(visits("Indonesian President Joko Widodo flew in from Tokyo on June 3.") == ["Joko Widodo -> JPN 2021-06-03 occurred"])
    }

    @Test("visit.journey-stop: where a journey came from, or is on its way to, is another stop, with the visit's status and month")
    func journeyStops() {
        #expect(visits("Indonesian President Joko Widodo arrived in Hanoi on June 3 from Bangkok, where he had attended a summit.")
                == ["Joko Widodo -> THA 2021-06 occurred", "Joko Widodo -> VNM 2021-06-03 occurred"])
        #expect(visits("Indonesian President Joko Widodo stopped in Vientiane on June 3 on his way to Tokyo.")
                == ["Joko Widodo -> JPN 2021-06 occurred", "Joko Widodo -> LAO 2021-06-03 occurred"])
        #expect(visits("Tổng thống Indonesia Joko Widodo đến Hà Nội ngày 3/6 từ Viêng Chăn, nơi ông dự hội nghị.")
                == ["Joko Widodo -> LAO 2021-06 occurred", "Joko Widodo -> VNM 2021-06-03 occurred"])
        // The place just left, opening the next clause; the stop takes no kind from the visit.
        #expect(visits("Indonesian President Joko Widodo stopped in Hanoi on June 3 after talks in Vientiane.")
                == ["Joko Widodo -> LAO 2021-06 occurred", "Joko Widodo -> VNM 2021-06-03 occurred"])
        #expect(visits("Tổng thống Indonesia Joko Widodo tới Hà Nội ngày 3/6, ngay sau khi rời Viêng Chăn.")
                == ["Joko Widodo -> LAO 2021-06 occurred", "Joko Widodo -> VNM 2021-06-03 occurred"])
        let kinds = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [
            ("0.txt", "Indonesian President Joko Widodo paid a state visit to Vietnam on June 3 after leaving Vientiane.",
             ManifestEntry(file: "0.txt", date: PartialDate(iso: "2021-07-01"))),
        ]).0.visits.map { "\($0.destination) \($0.kind)" }.sorted()
        #expect(kinds == ["LAO unspecified", "VNM state"])
        // A planned leg's stop stays planned.
        #expect(visits("Indonesian President Joko Widodo will arrive in Hanoi on August 3 from Bangkok.")
                == ["Joko Widodo -> THA 2021-08 planned", "Joko Widodo -> VNM 2021-08-03 planned"])
        // Counter-examples: a trip called off tells no stop; the visitor's own country, a time and a place that does
        // not close its phrase ("imports from China rose") are none.
        #expect(visits("Indonesian President Joko Widodo cancelled his visit to Hanoi from Bangkok on June 3.").allSatisfy { !$0.contains("THA") })
        #expect(visits("Indonesian President Joko Widodo arrived in Hanoi from Jakarta on June 3.") == ["Joko Widodo -> VNM 2021-06-03 occurred"])
        #expect(visits("Indonesian President Joko Widodo visited Hanoi from June 3 to June 5.") == ["Joko Widodo -> VNM 2021-06-03 occurred"])
        #expect(visits("Indonesian President Joko Widodo visited Hanoi on June 3 as imports from China rose.") == ["Joko Widodo -> VNM 2021-06-03 occurred"])
    }

    @Test("visit.trip-list: a list of dated places may start further after the trigger when it is a list")
    func farTripList() {
        #expect(visits("In June Indonesian President Joko Widodo ended a tour that had already taken him to Vientiane on June 3, Phnom Penh on June 5 and Bangkok on June 7.")
                == ["Joko Widodo -> KHM 2021-06-05 occurred", "Joko Widodo -> LAO 2021-06-03 occurred", "Joko Widodo -> THA 2021-06-07 occurred"])
        // Counter-example: one dated place far after the trigger is no list.
        #expect(visits("Indonesian President Joko Widodo paid a visit that the press in the region had long awaited to Vientiane on June 3.")
                == ["Joko Widodo -> LAO 2021-06-03 occurred"])
    }

    @Test("visit.continuation: a later leg of a planned trip with no cue of its own stays planned, whatever word leads to it")
    func laterLegsOfPlans() {
        #expect(visits("Indonesian President Joko Widodo arrives in Hanoi on August 3 for talks, before flying on to Vientiane.")
                == ["Joko Widodo -> LAO 2021-08 planned", "Joko Widodo -> VNM 2021-08-03 planned"])
        #expect(visits("Tổng thống Indonesia Joko Widodo sẽ tới Hà Nội dự hội nghị, trước khi thăm chính thức Lào.")
                == ["Joko Widodo -> LAO 2021-07 planned", "Joko Widodo -> VNM 2021-07 planned"])
        // The visitor named again by a title, the plan told far before the later leg.
        #expect(visits("Tổng thống Indonesia Joko Widodo tới Bangkok chiều 1/7. Sau Thái Lan, Tổng thống sẽ tới Hà Nội dự Diễn đàn Kinh tế lần thứ 8 (EF8) và thăm làm việc Việt Nam, trước khi thăm chính thức Lào.")
                == ["Joko Widodo -> LAO 2021-07 planned", "Joko Widodo -> THA 2021-07-01 occurred", "Joko Widodo -> VNM 2021-07 planned"])
        // "and on to" after a leg.
        #expect(visits("Indonesian President Joko Widodo will fly to Vientiane on August 3 and on to Phnom Penh for the summit.")
                == ["Joko Widodo -> KHM 2021-08-03 planned", "Joko Widodo -> LAO 2021-08-03 planned"])
        // Counter-examples: a leg dated before the article is no part of the plan; after a leg told as done, the
        // next stays done.
        #expect(visits("Indonesian President Joko Widodo arrives in Hanoi on August 3 for talks, having flown to Vientiane in May.")
                == ["Joko Widodo -> LAO 2021-05 occurred", "Joko Widodo -> VNM 2021-08-03 planned"])
        #expect(visits("Indonesian President Joko Widodo flew to Hanoi on June 3 for talks, before flying on to Vientiane.")
                == ["Joko Widodo -> LAO 2021-06 occurred", "Joko Widodo -> VNM 2021-06-03 occurred"])
    }

    @Test("date.own-clause: legs told in a clause that 'when' opens right after a time are of that time, even after 'since'")
    func legsOfAWhenClause() {
        #expect(visits("Indonesian President Joko Widodo arrived in Hanoi on June 3. It was his first visit abroad since January 2016, when a tour also took him to Laos and Cambodia.")
                == ["Joko Widodo -> KHM 2016-01 occurred", "Joko Widodo -> LAO 2016-01 occurred", "Joko Widodo -> VNM 2021-06-03 occurred"])
        // Counter-example: a time of the leg's own, after its place, stays its date.
        #expect(visits("In May 2016, when Indonesian President Joko Widodo said he would visit Laos in June, no date was fixed.")
                == ["Joko Widodo -> LAO 2016-06 planned"])
    }
}
