import Foundation
import Testing
@testable import CorpusModel

/// A text that tells the past reads its yearless dates and undated visits from the time it told last; "the next
/// day" and "two days later" are read from that time in any text; a month name is a person only after a title;
/// occurred visits below minister level are left out (NarrativeTime.swift, Merge.swift).
@Suite("Story time: memoirs, profiles, obituaries and archive texts")
struct NarrativeTimeTests {
    func corpus(_ text: String, date: String) -> Corpus {
        Fixtures.corpus(text, date: date, gazetteer: Fixtures.fullGazetteer)
    }

    func times(_ text: String, date: String) -> [String] { Fixtures.timeStrings(text, date: date) }
    func visits(_ text: String, date: String) -> Set<String> { Fixtures.visitKeys(text, date: date) }

    @Test("a yearless date in a text that tells the past takes the story's year, not the publication's")
    func storyYear() {
        let memoir = "A correspondent remembers 1965.\n\nIt was the sixth of February 1965 when the Premier arrived. Kosygin left on 10 February."
        #expect(times(memoir, date: "2015-02-06").contains("10 February=1965-02-10"))
        // News copy keeps the publication's year.
        let news = "Ministers met on Monday, after the 2014 accord. They meet again on 10 February."
        #expect(times(news, date: "2015-02-06").contains("10 February=2015-02-10"))
    }

    @Test("a sentence said from the present keeps the publication's year")
    func saidFromNow() {
        let text = "In February 1965 the Premier came to Hanoi. In 1966 he came back. The museum will open on 10 March."
        #expect(times(text, date: "2015-02-06").contains("10 March=2015-03-10"))
    }

    @Test("'the next day', 'two days later', 'a year earlier', 'một năm sau đó' count from the time told last",
          arguments: [
            ("The talks opened on 19 March 1970. The next day the ministers met again.", "The next day=1970-03-20"),
            ("The talks opened on 19 March 1970. Two days later the ministers met again.", "Two days later=1970-03-21"),
            ("The talks opened in March 1970. A year earlier the ministers had met.", "A year earlier=1969"),
            ("Hai bên hội đàm tháng 4/1994. Một năm sau đó, hai bên ký hiệp định.", "Một năm sau đó=1995"),
          ])
    func storyRelative(text: String, expected: String) {
        #expect(times(text, date: "2020-03-19").contains(expected))
    }

    @Test("'two months after taking office' and 'hai năm sau khi' count from another event: not read from the story")
    func afterAnEvent() {
        let tagged = times("The accord was signed in 1990. Two months after taking office she flew to Paris. Hai năm sau khi ký, hai bên gặp lại.",
                           date: "2020-03-19")
        #expect(!tagged.contains { $0.hasPrefix("Two months") } && !tagged.contains { $0.hasPrefix("Hai năm") })
    }

    @Test("news copy reads 'the previous day' from a time as precise as a day only")
    func newsNeedsADay() {
        let tagged = times("Clinton in Laos\n\nClinton on Wednesday became the first secretary of state to visit Laos since Dulles in 1955. She had held talks in Hanoi the previous day.",
                           date: "2012-07-11")
        #expect(!tagged.contains { $0.hasPrefix("the previous day") }, "\(tagged)")
    }

    @Test("an undated visit of a memoir takes the story's time, not the publication month")
    func undatedVisitTakesTheStory() {
        let memoir = "The week Kosygin came to Hanoi, 1965\n\nSoviet Premier Alexei Kosygin arrived in Hanoi on 6 February 1965. On the way home Kosygin stopped in Beijing again."
        let found = visits(memoir, date: "2015-02-06")
        #expect(found.contains("alexei-kosygin CHN 1965"))
        #expect(!found.contains { $0.hasPrefix("alexei-kosygin CHN 2015") })
    }

    @Test("the profile of a text: the past when its first time and most of its years are old")
    func profile() {
        let lexicon = Lexicon.bundled
        func tellsThePast(_ text: String) -> Bool {
            var s = text
            return s.withUTF8 { b in
                var tokens: [Token] = []
                Tokenizer.tokenize(b, from: 0, to: b.count, into: &tokens)
                return NarrativeProfile.tellsThePast(b, tokens, publication: PartialDate(year: 2023, month: 3, day: 5), lexicon: lexicon)
            }
        }
        #expect(tellsThePast("Zhou Enlai was born 125 years ago today. He went to Geneva in 1954 and to Hanoi in 1956."))
        #expect(!tellsThePast("Ministers met on Tuesday, as they did in 1998 and 2005 and 2010."))
        #expect(!tellsThePast("Every January since 1991 the minister has gone to Africa. This year he went on Saturday."))
    }

    @Test("a month name is a person's name only after a title or an honorific")
    func monthNames() {
        #expect(visits("In May and June 1961 Kennedy visited Paris.", date: "1961-07-01").allSatisfy { !$0.hasPrefix("theresa-may") })
        #expect(visits("Prime Minister May visited Paris on 3 June 2017.", date: "2017-06-05").contains("theresa-may FRA 2017-06-03"))
    }

    @Test("an occurred visit by someone below minister level on its date is left out; a leader's is kept")
    func belowMinister() {
        let found = visits("Narendra Modi visited Japan in 2001. Prime Minister Narendra Modi visited Japan in 2018.", date: "2019-01-01")
        #expect(found.contains("narendra-modi JPN 2018") && !found.contains("narendra-modi JPN 2001"))
    }
}
