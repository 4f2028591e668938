import Foundation
import Testing
@testable import CorpusModel

/// Yearless dates read from the dates told just before them, and times that only bound a period (issue 9:
/// visits found with a wrong date). TimeExpressions.swift, Analysis.swift, VisitDates.swift.
@Suite("Date attachment: yearless dates told before, periods bounded by 'since'")
struct DateAttachmentTests {
    func times(_ text: String, date: String) -> [String] { Fixtures.timeStrings(text, date: date) }
    func visits(_ text: String, date: String) -> Set<String> { Fixtures.visitKeys(text, date: date) }

    @Test("a yearless day after a month 'of that year' in its sentence takes that year (date.year-in-sentence)")
    func yearInSentence() {
        let text = "The envoy reached Tokyo on 5 May 2021. In November of that year he spent three days in Rome, from 12 November, for talks."
        #expect(times(text, date: "2024-07-25").contains("12 November=2021-11-12"))
        // Without a year told in the sentence (or its paragraph: date.paragraph-year) the publication's year is kept.
        let plain = "The envoy reached Tokyo on 5 May 2021.\n\nHe spent three days in Rome from 12 November for talks."
        #expect(times(plain, date: "2024-07-25").contains("12 November=2023-11-12"))
    }

    @Test("a time in a clause coordinated after the trigger's dates that clause; the trigger keeps the sentence's head time")
    func laterClause() {
        let found = visits("In June 2023 President Joe Biden visited India, and in July 2023 he visited Lithuania.", date: "2024-03-01")
        #expect(found.contains("joe-biden IND 2023-06"), "\(found)")
        #expect(found.contains("joe-biden LTU 2023-07"), "\(found)")
        // A time after the place in the trigger's own clause still dates it.
        #expect(visits("President Joe Biden visited India in June 2023, meeting Modi.", date: "2024-03-01").contains("joe-biden IND 2023-06"))
    }

    @Test("the other party of the visitor's talks ends his segment, not his clause: a time after it dates the visit")
    func timePastOtherParty() {
        let en = visits("It came only weeks after Lula flew to Washington to meet President Joe Biden in February 2023.", date: "2023-04-14")
        #expect(en.contains("lula-da-silva USA 2023-02"), "\(en)")
        let vi = visits("Chuyến thăm diễn ra sau khi ông Lula tới Washington gặp Tổng thống Joe Biden hồi tháng 2/2023.", date: "2023-04-14")
        #expect(vi.contains("lula-da-silva USA 2023-02"), "\(vi)")
        // A time past someone else who is no party to the talks is not the visit's.
        let other = visits("Lula flew to Washington, and President Joe Biden went to Kyiv in February 2023.", date: "2023-04-14")
        #expect(!other.contains("lula-da-silva USA 2023-02"), "\(other)")
    }

    @Test("a yearless day of the month the sentence before told with its year takes that year (date.month-told-before)")
    func monthToldBefore() {
        let text = "June 2024 brought him to Madrid for a summit. On June 30 he flew on to Mongolia."
        #expect(times(text, date: "2026-02-20").contains("June 30=2024-06-30"))
        // An earlier month, another paragraph, or a time said from now in the sentence: the publication's year (a
        // later month of a sentence told in the past takes the paragraph's year: date.paragraph-year).
        let other = "June 2024 brought him to Madrid for a summit. On May 2 he flew on to Mongolia."
        #expect(times(other, date: "2026-02-20").contains("May 2=2025-05-02"))
        let later = "June 2024 brought him to Madrid for a summit. On July 2 he flew on to Mongolia."
        #expect(times(later, date: "2026-02-20").contains("July 2=2024-07-02"))
        let paragraph = "June 2024 brought him to Madrid for a summit.\n\nOn June 30 he flew on to Mongolia."
        #expect(times(paragraph, date: "2026-02-20").contains("June 30=2025-06-30"))
        let now = "The forum first met in April 2023. It is his second journey this year, after a trip to Rome in April."
        #expect(times(now, date: "2025-06-17").contains("April=2025-04"))
    }

    @Test("a yearless date of a clause told in the past is not after the publication date (date.past-tense-year)")
    func pastTenseYear() {
        let past = "In her first weeks she was in Tokyo on a state visit from Aug. 18 to 20, and travelled to Seoul in September."
        let found = times(past, date: "2025-08-04")
        #expect(found.contains("Aug. 18 to 20=2024-08-18"), "\(found)")
        #expect(found.contains("September=2024-09"), "\(found)")
        // A plan, a present-tense clause or "was to" keeps the date ahead.
        #expect(times("She will be in Tokyo from Aug. 18 to 20.", date: "2025-08-04").contains("Aug. 18 to 20=2025-08-18"))
        #expect(times("She was represented by an envoy; the president hands over on Aug. 20.", date: "2025-08-04").contains("Aug. 20=2025-08-20"))
        #expect(times("The trip was to have taken place from Aug. 18 to 20.", date: "2025-08-04").contains("Aug. 18 to 20=2025-08-18"))
        // "hồi tháng 11" (back in November) tells the past as "đã" does.
        let vi = times("Chủ tịch nước dự Hội nghị cấp cao APEC tại Lima, Peru hồi tháng 11.", date: "2025-08-15")
        #expect(vi.contains("tháng 11=2024-11"), "\(vi)")
        #expect(times("Chủ tịch nước sẽ dự Hội nghị cấp cao APEC tại Hàn Quốc vào tháng 11.", date: "2025-08-15").contains("tháng 11=2025-11"))
    }

    @Test("'<count> years ago today' and a heading '<count> years ago' count back from the publication (date.years-ago)")
    func yearsAgo() {
        #expect(times("Sixty years ago today, in Vienna, Kennedy sat down with Khrushchev.", date: "2021-06-03").contains("Sixty years ago today=1961-06-03"))
        #expect(times("Kennedy spoke in West Berlin fifty years ago today.", date: "2013-06-26").contains("fifty years ago today=1963-06-26"))
        #expect(times("Thirty years ago this month, Vietnam joined ASEAN.", date: "2025-07-28").contains("Thirty years ago this month=1995-07"))
        #expect(times("Đúng 65 năm trước, Chủ tịch Hồ Chí Minh thăm Indonesia.", date: "2024-02-27").contains("65 năm trước=1959"))
        #expect(times("Cách đây tròn 60 năm, Chủ tịch Hồ Chí Minh thăm Ấn Độ.", date: "2018-02-04").contains("Cách đây tròn 60 năm=1958"))
        // Inside a sentence without "today", after a vague word, or counted from another event: no such time.
        let inside = times("He will not stop in Israel, a choice that would have been unthinkable eight years ago.", date: "2025-05-12")
        #expect(!inside.contains("eight years ago=2017"), "\(inside)")
        let vague = times("Hơn 30 năm trước, hai nước thiết lập quan hệ.", date: "2024-08-23")
        #expect(!vague.contains("30 năm trước=1994"), "\(vague)")
        let before = times("Một năm trước đó, ông thăm Lào.", date: "2024-08-23")
        #expect(!before.contains("Một năm trước=2023"), "\(before)")
        // Days, weeks and months counted back from the page's date.
        #expect(times("Widodo was in Manila on a state visit only three weeks ago.", date: "2024-02-05").contains("three weeks ago=2024-01"))
        #expect(times("Thủ tướng thăm Brazil cách nay, đúng 14 tháng trước.", date: "2024-11-16").contains("14 tháng trước=2023-09"))
        #expect(!times("Hai tuần trước đó, ông thăm Lào.", date: "2024-08-23").contains { $0.hasPrefix("Hai tuần trước=") })
        // "tháng 5 năm trước" is May of last year, not five years ago.
        #expect(!times("Ông thăm Lào vào tháng 5 năm trước.", date: "2024-08-23").contains("5 năm trước=2019"))
    }

    @Test("a weekday after a present-tense verb of the trip reads forward outside the headline (date.scheduled-present-ahead)")
    func scheduledPresentAhead() {
        // 2023-11-01 is a Wednesday: "on Saturday" is the 4th ahead, 28 October behind.
        let text = "Albanese to China\n\nAnthony Albanese flies to Shanghai on Saturday for the import expo."
        #expect(times(text, date: "2023-11-01").contains("Saturday=2023-11-04"), "\(times(text, date: "2023-11-01"))")
        #expect(times("Albanese to China\n\nAnthony Albanese arrives Friday night.", date: "2023-11-01").contains("Friday=2023-11-03"))
        // Told in the past, or in the headline: read back as before.
        #expect(times("Albanese to China\n\nAnthony Albanese flew to Shanghai on Saturday.", date: "2023-11-01").contains("Saturday=2023-10-28"))
        #expect(times("Albanese flies to Shanghai on Saturday", date: "2023-11-01").contains("Saturday=2023-10-28"))
    }

    @Test("a yearless date takes the one year written after it only within its clause (date.own-clause)")
    func yearAfterInOwnClause() {
        let vi = "Sáng 30/9, Tổng Bí thư lên đường thăm Mông Cổ, tiếp đó là Ireland - chuyến thăm đầu tiên kể từ khi hai nước thiết lập quan hệ năm 1996."
        #expect(times(vi, date: "2024-09-30").contains("30/9=2024-09-30"), "\(times(vi, date: "2024-09-30"))")
        let vision = "From 14-21/10 the prime minister attends the summit in Brussels, under the Vision 2030 plan."
        #expect(!times(vision, date: "2018-10-12").contains("14-21/10=2030-10-14"), "\(times(vision, date: "2018-10-12"))")
        // With no comma, dash or bracket between, the year is the date's.
        let same = "The premier visited Laos on 12 March and Cambodia in 2018."
        #expect(times(same, date: "2024-06-01").contains("12 March=2018-03-12"), "\(times(same, date: "2024-06-01"))")
    }

    @Test("'in mid-June' written as one hyphenated word dates like 'in June'; 'until mid-July' does not")
    func hyphenedMonthPart() {
        let found = times("Lee's only previous trip was to the G7 summit at Kananaskis, Canada, in mid-June.", date: "2025-08-23")
        #expect(found.contains("mid-June=2025-06"), "\(found)")
        #expect(times("He toured Asia in early-March 2024.", date: "2025-08-23").contains("early-March 2024=2024-03"))
        #expect(!times("He arrived on June 28 and stayed until mid-July.", date: "1959-09-16").contains { $0.hasPrefix("mid-July=") })
    }

    @Test("a time right after a word of concluding is the tour's end: it heads no sentence for the stops told after it")
    func tourEndHeadsNoStop() {
        let text = "President Charles de Gaulle landed in Bonn on Tuesday for a state visit to West Germany. The six-day tour, which ends on Sunday, will take him down the Rhine to Düsseldorf, then to Hamburg and Munich."
        let found = visits(text, date: "1962-09-05")
        #expect(!found.contains { $0.hasSuffix("1962-09-09") }, "\(found)")
        #expect(found.contains { $0.hasSuffix("DEU 1962-09-04") }, "\(found)")
    }

    @Test("a plan phrase after a present 'be' reads its weekdays and yearless dates forward (date.plan-phrase-ahead)")
    func planPhraseAhead() {
        // 2025-08-06 is a Wednesday: "on Monday" is the 11th ahead, the 4th behind.
        #expect(times("The premier is to fly to Hangzhou on Monday.", date: "2025-08-06").contains("Monday=2025-08-11"))
        #expect(times("The premier is set to fly to Hangzhou on Monday.", date: "2025-08-06").contains("Monday=2025-08-11"))
        #expect(times("The premier is to visit Seoul on 2 March.", date: "2025-08-06").contains("2 March=2026-03-02"))
        // Told in the past, or with no copula before the phrase: read back as before.
        #expect(times("The premier was to fly to Hangzhou on Monday.", date: "2025-08-06").contains("Monday=2025-08-04"))
        #expect(times("He said he might skip the summit after the storm on Monday.", date: "2025-08-06").contains("Monday=2025-08-04"))
    }

    @Test("'last week' said on a Sunday is the week now ending, Monday to Saturday")
    func sundayLastWeek() {
        // 2023-09-10 is a Sunday, 2023-09-09 a Saturday.
        #expect(times("Harris attended the summit in Jakarta last week.", date: "2023-09-10").contains("last week=2023-09-04"))
        #expect(times("Harris attended the summit in Jakarta last week.", date: "2023-09-09").contains("last week=2023-08-28"))
        #expect(times("Harris attended the summit in Jakarta this week.", date: "2023-09-10").contains("this week=2023-09-04"))
    }

    @Test("a yearless day of the month an earlier sentence of its paragraph wrote with a past year takes it (date.paragraph-year)")
    func paragraphYear() {
        let text = "Start with Johannesburg in August 2023. The summit was tense. Xi arrived on 21 August, and Modi flew in on the 22nd."
        let found = times(text, date: "2025-11-24")
        #expect(found.contains("21 August=2023-08-21"), "\(found)")
        // Another paragraph, or another month (it may be the next year's), keeps the publication's reading.
        let apart = "Start with Johannesburg in August 2023.\n\nXi arrived on 21 August."
        #expect(times(apart, date: "2025-11-24").contains("21 August=2025-08-21"))
        // A later month of the same year, with no time told since, takes it too; after another time it does not.
        let later = "Start with Johannesburg in August 2023. The summit was tense. Xi arrived on 21 October."
        #expect(times(later, date: "2025-11-24").contains("21 October=2023-10-21"))
        let moved = "Start with Johannesburg in August 2023. Xi came to Osaka last June. Xi arrived on 21 October."
        #expect(times(moved, date: "2025-11-24").contains("21 October=2025-10-21"))
        let earlier = "Start with Johannesburg in August 2023. The summit was tense. Xi arrived on 21 March."
        #expect(times(earlier, date: "2025-11-24").contains("21 March=2025-03-21"))
    }

    @Test("an undated visit of a person whose every office ended decades before the page does not take the page's month")
    func longOutOfOffice() {
        let old = visits("Soviet Premier Alexei Kosygin visited Hanoi for talks.", date: "2021-12-26")
        #expect(old.contains { $0.hasPrefix("alexei-kosygin VNM") }, "\(old)")
        #expect(!old.contains { $0.hasSuffix("2021-12") }, "\(old)")
        // In office (or out of it for less than the bound), the page's month dates it as before.
        #expect(visits("Soviet Premier Alexei Kosygin visited Hanoi for talks.", date: "1975-02-10").contains("alexei-kosygin VNM 1975-02"))
    }

    @Test("a report only the page's month dates joins the report of its sentence dated in its own words (merge.sentence-dated)")
    func sentenceDated() {
        let found = visits("Within weeks, President Joe Biden was in Tokyo on a state visit from June 18 to 20, meeting the emperor.", date: "2024-07-04")
        #expect(found.contains { $0.hasPrefix("joe-biden JPN 2024-06-18") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("joe-biden JPN 2024-07") }, "\(found)")
    }

    @Test("an undated meeting abroad of a page read from its own date takes the page's month, as any undated report")
    func meetingVisitPublicationMonth() {
        let text = "Japanese Prime Minister Fumio Kishida and Indonesian President Joko Widodo met at the summit in Vilnius."
        let found = visits(text, date: "2023-07-17")
        #expect(found.contains { $0.hasPrefix("fumio-kishida LTU 2023-07") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("fumio-kishida LTU") && !$0.contains("2023-07") }, "\(found)")
    }

    @Test("an undated report of a trip called off or said not to happen takes the page's month, as a plan does")
    func negatedPublicationMonth() {
        let found = visits("President Joe Biden did not travel to Germany, the White House said.", date: "2024-10-10")
        #expect(found.contains { $0.hasPrefix("joe-biden DEU 2024-10") }, "\(found)")
    }

    @Test("Vietnamese months written as words, capitalised, are months (word set month-phrases)")
    func vietnameseMonthWords() {
        let found = times("Ông đến New York hôm Thứ Bảy, 21 Tháng Chín, sau khi lên nắm chức hồi đầu Tháng Tám. Tháng Mười Một năm 2023 ông thăm Lào.", date: "2024-09-23")
        #expect(found.contains("21 Tháng Chín=2024-09-21"), "\(found)")
        #expect(found.contains("Tháng Tám=2024-08"), "\(found)")
        #expect(found.contains("Tháng Mười Một năm 2023=2023-11"), "\(found)")
        // "tháng năm" in lower case is also "months and years": not a month.
        #expect(times("Những tháng năm ấy ông thăm Lào.", date: "2024-09-23").isEmpty)
    }

    @Test("a time closing 'since' and a verb in -ing dates no visit; 'since visiting <place>' still does")
    func sincePhrase() {
        let text = "New Zealand Prime Minister Jacinda Ardern, on her first trip abroad since becoming leader last month, arrived in Hanoi."
        let found = visits(text, date: "2017-11-10")
        #expect(found.contains { $0.contains(" VNM ") })
        #expect(found.allSatisfy { !$0.hasSuffix("2017-10") })
        let visiting = "New Zealand Prime Minister Jacinda Ardern arrived in Hanoi, her first trip since visiting Australia last month."
        #expect(visits(visiting, date: "2017-11-10").contains { $0.contains("AUS 2017-10") })
    }

    @Test("'in early March', 'in late March' date like 'in March'; 'late March' without 'in' is no time",
          arguments: ["in early March", "in late March"])
    func partOfMonth(_ phrase: String) {
        let text = "He travelled widely this year. The defence secretary went to Jakarta \(phrase)."
        #expect(times(text, date: "2025-11-03").contains("March=2025-03"))
        #expect(!times("The late March sun was warm.", date: "2025-11-03").contains { $0.hasPrefix("March") })
    }

    @Test("a period of years, a founding and the end of a 'since' clause date no visit; a visit's own year still does")
    func periodsAndFoundings() {
        // A period of years (an anniversary's): the visit keeps the publication month.
        let period = "Hội nghị kỷ niệm 70 năm quan hệ hai nước (30/12/1955 - 30/12/2025) diễn ra khi Chủ tịch nước Lương Cường thăm Indonesia."
        let inPeriod = visits(period, date: "2025-03-08")
        #expect(inPeriod.contains("luong-cuong IDN 2025-03"), "\(inPeriod)")
        #expect(!inPeriod.contains { $0.contains("1955") })
        // A founding: "founded in 2001" dates the organisation.
        let founded = "Kazakh President Kassym-Jomart Tokayev arrived in Tianjin for the summit of the bloc, founded in 2001."
        let byFounding = visits(founded, date: "2025-08-31")
        #expect(byFounding.contains { $0.contains(" CHN 2025-08") }, "\(byFounding)")
        #expect(!byFounding.contains { $0.hasSuffix("2001") })
        // The end of a clause that "since" opens, of lowercase words and no visit word.
        let since = "Kazakh President Kassym-Jomart Tokayev arrived in Tianjin for the largest summit since the bloc was founded in 2001."
        #expect(!visits(since, date: "2025-08-31").contains { $0.hasSuffix("2001") })
        let cameToPower = "Kazakh President Kassym-Jomart Tokayev arrived in Tianjin, his tenth trip since he came to power in 2019."
        #expect(!visits(cameToPower, date: "2025-08-31").contains { $0.hasSuffix("2019") })
        // A visit word in the clause, or a place: the time is that visit's.
        let visit = "Kazakh President Kassym-Jomart Tokayev arrived in Tianjin, his first stop since his visit to Beijing in 2019."
        #expect(visits(visit, date: "2025-08-31").contains { $0.contains(" CHN 2019") })
        // A span of days is a visit's.
        #expect(visits("Chủ tịch nước Lương Cường thăm Indonesia từ ngày 9 đến 11/3/2025.", date: "2025-03-08").contains("luong-cuong IDN 2025-03-09"))
    }

    @Test("'the same year', 'cũng trong năm đó' at a sentence's head date a visit by the year told before (date.back-reference)")
    func sameYearBackReference() {
        let vi = "Năm 1959: Chủ tịch Hồ Chí Minh thăm Indonesia. Cũng trong năm đó, Tổng thống Sukarno sang thăm Hà Nội."
        let found = visits(vi, date: "2025-03-08")
        #expect(found.contains("sukarno VNM 1959"), "\(found)")
        let en = "President Sukarno visited Moscow in March 1956. The same year, President Sukarno flew to Beijing."
        let en2 = visits(en, date: "2025-03-08")
        #expect(en2.contains("sukarno CHN 1956"), "\(en2)")
        // Without it, an undated visit takes the publication month.
        let plain = "President Sukarno visited Moscow in March 1956. President Sukarno flew to Beijing."
        #expect(!visits(plain, date: "2025-03-08").contains("sukarno CHN 1956"))
    }

    @Test("a visit coordinated after another's dated predicate takes its own later time (date.own-clause); a list of visitors keeps each date")
    func coordinatedPredicateOwnTime() {
        let text = "Chủ tịch Quốc hội Trần Thanh Mẫn đã thăm chính thức Liên bang Nga từ ngày 8 đến 10/9 và thăm chính thức Lào, kết hợp dự Đại hội đồng AIPA tại Viêng Chăn, từ ngày 17/10."
        let found = visits(text, date: "2024-12-04")
        #expect(found.contains("tran-thanh-man LAO 2024-10-17"), "\(found)")
        #expect(found.contains("tran-thanh-man RUS 2024-09-08"), "\(found)")
        // Without a time of its own the coordinated visit keeps the one before.
        let shared = visits("Chủ tịch Quốc hội Trần Thanh Mẫn đã thăm chính thức Nga từ ngày 8 đến 10/9 và thăm chính thức Lào.", date: "2024-12-04")
        #expect(shared.contains("tran-thanh-man LAO 2024-09-08"), "\(shared)")
    }

    @Test("'By November', 'during March' date like 'in November'; 'by May' is not read as a month")
    func byMonth() {
        #expect(times("By November, the minister had visited Malaysia.", date: "2025-08-20").contains("November=2024-11"))
        #expect(times("He stayed in Rome during March.", date: "2025-08-20").contains("March=2025-03"))
        #expect(!times("The plan was approved by May and her cabinet.", date: "2025-08-20").contains { $0.hasPrefix("May") })
    }

    @Test("'dự' of 'dự hội nghị' (attend) tells no plan: a yearless date of a past sentence is not put in the next year")
    func attendIsNoPlan() {
        let past = times("Ông đã thăm Lào, kết hợp dự Đại hội đồng AIPA tại Viêng Chăn, từ ngày 17/10.", date: "2024-12-04")
        #expect(past.contains { $0.hasSuffix("=2024-10-17") }, "\(past)")
        // "dự kiến" (expected) still reads forward.
        let plan = times("Ông dự kiến thăm Lào ngày 17/10.", date: "2024-12-04")
        #expect(plan.contains { $0.hasSuffix("=2025-10-17") }, "\(plan)")
    }

    @Test("'last year', 'this year', 'năm ngoái' after a day and month give its year; a month said with its year gives it to a later day")
    func yearSaidAfterDay() {
        #expect(times("He arrived in Astana on September 14 last year.", date: "2023-06-01").contains("September 14 last year=2022-09-14"))
        #expect(times("He arrived in Astana on 14 September this year.", date: "2023-10-01").contains("14 September this year=2023-09-14"))
        let tour = times("The minister's tour of July last year began in Cairo on July 24 and ended in Addis Ababa.", date: "2023-07-20")
        #expect(tour.contains("July 24=2022-07-24"), "\(tour)")
        let early = times("Đầu năm nay, từ ngày 11 đến 13/1, Tổng thống Joko Widodo thăm Việt Nam, khép lại chặng đường khởi đầu từ năm 1959.", date: "2024-02-27")
        #expect(early.contains("từ ngày 11 đến 13/1=2024-01-11"), "\(early)")
        // A year said after the day, in a clause of its own ("since ... last October"), is not taken back.
        let since = times("Ông Ishiba thăm Malaysia từ ngày 9/1, kể từ khi nhậm chức hồi tháng 10 năm ngoái.", date: "2025-01-10")
        #expect(since.contains { $0.hasSuffix("=2025-01-09") }, "\(since)")
    }

    @Test("a year after 'from' with no end starts a period: it dates neither the gathering nor its participants")
    func fromNextYear() {
        let text = "Leaders agreed in Hanoi on Saturday to bring the United States and Russia into the East Asia Summit from next year. Chinese Premier Wen Jiabao joined the leaders at the summit."
        let found = visits(text, date: "2010-10-30")
        #expect(!found.contains { $0.hasSuffix("2011") }, "\(found)")
    }

    @Test("a yearless date before a clause of what came before, dated with its year, is after that date (date.after-clause-year)")
    func afterClauseYear() {
        let text = "Tổng thống Hàn Quốc Yoon Suk Yeol thăm cấp Nhà nước Việt Nam từ ngày 22 đến 24/6, sau khi hai nước nâng quan hệ lên Đối tác Chiến lược Toàn diện vào tháng 12/2022."
        #expect(times(text, date: "2023-12-30").contains("từ ngày 22 đến 24/6=2023-06-22"))
        // A later day and month than the clause's: the same year.
        let later = "Tổng thống Hàn Quốc Yoon Suk Yeol thăm Việt Nam ngày 22/12, sau khi hai nước nâng quan hệ vào tháng 6/2022."
        #expect(times(later, date: "2023-12-30").contains("22/12=2022-12-22"))
    }
}
