import Foundation
import Testing
@testable import CorpusModel

/// Months, yearless days and "then" read from the time the story told last, not from the publication
/// (NarrativeTime.swift: rules date.story-month, date.year-from-story, date.story-then; date.story-relative's
/// paragraph scope in news copy, "Hai năm sau," and weeks counted from a month).
@Suite("Story time: months named from the story, its year for yearless days, 'at the time'")
struct StoryMonthTests {
    func times(_ text: String, date: String = "2025-11-20") -> [String] { Fixtures.timeStrings(text, date: date) }

    @Test("'that September', 'the previous September', 'the following March' count from the time told last",
          arguments: [
            ("They met in Panama in April 2015 and again in New York that September.", "that September=2015-09"),
            ("Biden flew to Jeddah in July 2022. Xi followed that December.", "that December=2022-12"),
            ("The summit was set for Paris in May 1960. Khrushchev had toured America the previous September.",
             "the previous September=1959-09"),
            ("The summit was set for Paris in May 1960. He came back the following March.", "the following March=1961-03"),
            ("The summit was set for Paris in May 1960. He came back the following September.", "the following September=1960-09"),
          ])
    func storyMonth(text: String, expected: String) {
        #expect(times(text).contains(expected), "\(times(text))")
    }

    @Test("with no time told before, or a year written after it, the month is not read from the story")
    func storyMonthNeedsAStory() {
        #expect(!times("Xi followed that December.").contains { $0.hasPrefix("that December") })
        #expect(times("The summit was set for May 1960. He came back the following March 1999.").contains("March 1999=1999-03"))
    }

    @Test("a yearless day after 'four months later' in its sentence takes that year, not the publication's")
    func yearFromStory() {
        let tagged = times("Cameron went to Delhi in July 2010. Four months later, on 9 November, he landed in Beijing.")
        #expect(tagged.contains("9 November=2010-11-09"), "\(tagged)")
        // In another paragraph (in the same one, date.paragraph-year reads 2010 as well) the publication's year.
        #expect(times("Cameron went to Delhi in July 2010.\n\nOn 9 November he landed in Beijing.").contains("9 November=2025-11-09"))
        #expect(times("Cameron went to Delhi in July 2010. On 9 November he landed in Beijing.").contains("9 November=2010-11-09"))
    }

    @Test("news copy reads 'three months later' from a time of its paragraph, not of the paragraph before")
    func paragraphScope() {
        let sameParagraph = "Xuan spent a week in Mozambique in September 2023. Hanoi noted it. Three months later Mashatile was in Hanoi."
        #expect(times(sameParagraph).contains("Three months later=2023-12"), "\(times(sameParagraph))")
        let nextParagraph = "Xuan spent a week in Mozambique in September 2023. Hanoi noted it.\n\nThree months later Mashatile was in Hanoi."
        #expect(!times(nextParagraph).contains { $0.hasPrefix("Three months later") })
    }

    @Test("'Hai năm sau,' counts from the story's time; 'hai năm sau khi' counts from another event")
    func vietnameseLaterBeforeComma() {
        #expect(times("Hai bên hội đàm tháng 4/1994. Hai năm sau, hai bên ký hiệp định.").contains("Hai năm sau=1996"))
        #expect(!times("Hai bên hội đàm tháng 4/1994. Hai năm sau khi ký, hai bên gặp lại.").contains { $0.hasPrefix("Hai năm sau") })
    }

    @Test("weeks counted from a month count from its middle: three weeks after November is December")
    func weeksFromAMonth() {
        // Texts that tell the past read a count of days from a time of any precision.
        let memoir = "Năm 2013, ông Abe tới Hà Nội. Ông Thưởng thăm Nhật Bản tháng 11/2023. Chỉ ba tuần sau, ông Chính lại bay sang Tokyo."
        #expect(times(memoir, date: "2026-05-01").contains("ba tuần sau=2023-12"), "\(times(memoir, date: "2026-05-01"))")
        let days = "The war began in 1960. The talks opened in May 1965. Two days later the ministers met again."
        #expect(times(days).contains("Two days later=1965-05"), "\(times(days))")
    }

    @Test("'Khi đó,' and 'At the time,' heading a sentence are the time told last; 'Trong khi đó' is not")
    func storyThen() {
        #expect(times("Ông Trump vắng mặt tại Bangkok tháng 11/2019. Khi đó, Nhà Trắng cử ông Ross sang Thái Lan.")
            .contains("Khi đó=2019-11"))
        #expect(times("Trump skipped the Bangkok summit in November 2019. At the time, the White House sent Ross.")
            .contains("At the time=2019-11"))
        #expect(!times("Ông Trump vắng mặt tại Bangkok tháng 11/2019. Trong khi đó, Nhà Trắng cử ông Ross.").contains { $0.contains("khi đó=") })
        #expect(!times("At the time, the White House sent Ross.").contains { $0.hasPrefix("At the time") })
    }
}
