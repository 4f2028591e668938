import Foundation
import Testing
@testable import CorpusModel

/// Rules added after reading articles the model had never seen (docs/corpus-model.md, "Unseen articles"):
/// each is a general form of the press, tested here on sentences of its own.
@Suite("General rules: datelines, dates, names and visitors")
struct GeneralRulesTests {
    func corpus(_ text: String, date: String? = nil) -> Corpus {
        Fixtures.corpus(text, date: date, gazetteer: Fixtures.fullGazetteer)
    }

    func times(_ sentence: String, date: String) -> [String] {
        let d = corpus(sentence, date: date).documents[0]
        return d.times.map { t in "\(d.slice(t.range))=\(t.start.iso)\(t.end.map { ".." + $0.iso } ?? "")" }
    }

    @Test("datelines with a place in capital initials, a numeric date and an agency; lines that are only a date",
          arguments: [
            ("Hà Nội, 5/3/2024 (TTXVN) — Thủ tướng tiếp Đại sứ.", "2024-03-05", "Hà Nội", "TTXVN"),
            ("Vientiane, ngày 12/1/2019 (TTXVN) — Hai bên ký kết thỏa thuận.", "2019-01-12", "Vientiane", "TTXVN"),
            ("Burabay (Kazakhstan), ngày 29/5/2015 (TTXVN) — Hai bên ký hiệp định.", "2015-05-29", "Burabay", "TTXVN"),
            ("Tin thế giới\n\nThứ Ba, 5/3/2024, 09:10 (GMT+7)\n\nHai bên hội đàm.", "2024-03-05", nil, nil),
            ("World news\n\nMonday, June 3, 2019\n\nThe two sides held talks.", "2019-06-03", nil, nil),
          ] as [(String, String, String?, String?)])
    func datelines(_ text: String, _ date: String, _ place: String?, _ source: String?) throws {
        let d = try #require(corpus(text).documents.first)
        #expect(d.date?.iso == date && d.dateSource == .text)
        #expect(d.place == place && d.source == source)
        // The header line is not read as a sentence of the article.
        #expect(!d.sentences.indices.contains { i in ["(TTXVN)", "(GMT", "June 3, 2019"].contains { d.sentenceText(i).contains($0) } })
    }

    @Test("ranges from a bare day, a month's year from its sentence or from 'the same year'", arguments: [
        ("Ông ở thăm từ ngày 12 đến 17/9/1973.", "2009-09-27", ["từ ngày 12 đến 17/9/1973=1973-09-12..1973-09-17"]),
        ("He stayed from 3 to 5 March 2019.", "2019-04-01", ["from 3 to 5 March 2019=2019-03-03..2019-03-05"]),
        ("Năm 1995, ông thăm Cuba vào tháng 10.", "2009-09-27", ["1995=1995", "tháng 10=1995-10"]),
        ("In 1988, he flew to India in November.", "2001-05-01", ["1988=1988", "November=1988-11"]),
        ("It opened in 1990 and in 1991 it closed in May.", "2001-05-01", ["1990=1990", "1991=1991", "May=1991-05"]),
        ("In May, the plant built in 1990 and enlarged in 1991 closed.", "2001-06-01", ["May=2001-05", "1990=1990", "1991=1991"]),
        ("Tháng 12/2017 ông sang Abu Dhabi, và hồi tháng 1 vừa qua ông tới Seoul.", "2018-03-23", ["Tháng 12/2017=2017-12", "tháng 1=2018-01"]),
        ("Chuyến thăm của ông (5/1994) và (6/2000).", "2023-08-08", ["5/1994=1994-05", "6/2000=2000-06"]),
        // A year in a clause of "since" or "kể từ" lends none: the yearless date keeps the page's year.
        ("He arrived in Tokyo on 12 March, the first to visit Japan since 1971.", "2024-04-01", ["12 March=2024-03-12", "1971=1971"]),
        ("It was the first trip since Mike Pompeo went there in October 2018, after the talks in Bali in November.", "2023-02-04",
         ["October 2018=2018-10", "November=2022-11"]),
        ("Ông tới Paris ngày 5/3, lần đầu kể từ chuyến thăm năm 2007.", "2024-04-01", ["5/3=2024-03-05", "2007=2007"]),
        ("He went there in October 2018 and again in November.", "2023-02-04", ["October 2018=2018-10", "November=2018-11"]),
    ])
    func sentenceYears(_ sentence: String, _ date: String, _ expected: [String]) {
        #expect(times(sentence, date: date) == expected)
    }

    @Test("news copy: a visit recalled in the past tense with no time of its own takes its paragraph's earlier year, not the page's month")
    func recalledVisitInNewsCopy() {
        func visits(_ text: String) -> [String] {
            let c = corpus(text, date: "2025-04-23")
            return c.visits.filter { $0.destination == "IDN" }.map { "\(c.entities[$0.visitor].id) \($0.start?.iso ?? "?")" }
        }
        #expect(visits("In October 2013 the summit went ahead without the American president. Chinese President Xi Jinping, who had been touring Indonesia, was the star of the meeting.")
                == ["xi-jinping 2013-10"])
        // The paragraph's time is of the page's year; and a time in another paragraph does not carry.
        #expect(visits("In March the summit went ahead without the American president. Chinese President Xi Jinping, who had been touring Indonesia, was the star of the meeting.")
                == ["xi-jinping 2025-04"])
        #expect(visits("In October 2013 the summit went ahead without the American president.\n\nThe markets fell.\n\nChinese President Xi Jinping, who had been touring Indonesia, was the star of the meeting.")
                == ["xi-jinping 2025-04"])
    }

    @Test("a time counted back from the page in a participant's clause does not re-date the gathering told today")
    func agoDoesNotRedateGathering() {
        let text = "Leaders at funeral in Belgrade\n\nJosip Broz Tito was buried today in Belgrade, and the list of mourners read like a roll call of the Cold War.\n\nHelmut Schmidt was there, and so was Indira Gandhi, returned to power in India only four months ago. Japan's prime minister, Masayoshi Ohira, flew in, as did Italy's president, Sandro Pertini.\n"
        let c = corpus(text, date: "1980-05-08")
        let found = Set(c.visits.filter { $0.destination == "YUG" }.map { "\(c.entities[$0.visitor].id) \($0.start?.iso ?? "?")" })
        #expect(found.contains("masayoshi-ohira 1980-05-08") && found.contains("helmut-schmidt 1980-05-08"), "\(found)")
        #expect(!found.contains { $0.hasSuffix("1980-01") }, "\(found)")
    }

    @Test("'tháng 9 cùng năm' and 'in May that year' take the year last written")
    func sameYear() {
        let c = corpus("Ông thăm Lào vào tháng 3/2014. Tháng 9 cùng năm, ông thăm Campuchia. He came back in May that year.", date: "2020-01-01")
        let d = c.documents[0]
        #expect(d.times.map(\.start.iso) == ["2014-03", "2014-09", "2014-05"])
    }

    @Test("a code such as BEN matches only capitals; 'Đoàn' (the delegation) is not a short name")
    func namesThatAreWords() {
        let c = corpus("Sadat's plane landed at Ben Gurion airport. Cán bộ Đại sứ quán ra sân bay đón Đoàn. The BEN delegation left.", date: "2020-01-01")
        let ids = c.documents[0].mentions.map { c.entities[$0.entity].id }
        #expect(!ids.contains("bui-bang-doan") && !ids.contains("nguyen-thi-doan"))
        #expect(ids.filter { $0 == "BEN" }.count == 1)
    }

    @Test("a person after 'of'/'của' is not the visitor")
    func possessorIsNotTheVisitor() {
        let c = corpus("Người tiền nhiệm của bà Angela Merkel là Thủ tướng Gerhard Schröder từng thăm Việt Nam năm 2004.", date: "2014-10-15")
        #expect(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.start?.iso ?? "?")" } == ["gerhard-schroeder VNM 2004"])
    }

    @Test("a clause chained by 'sau đó' or 'then' keeps the plan; 'expected in' is a plan; 'returned to' a visit")
    func plansAndReturns() {
        let c = corpus("Chủ tịch nước Võ Văn Thưởng sẽ thăm Lào, sau đó thăm chính thức Campuchia. Indian Prime Minister Manmohan Singh is expected in Hanoi. Prime Minister Manmohan Singh returned to Laos in 2009.", date: "2023-09-01")
        let found = Set(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.status.rawValue)" })
        #expect(found == ["vo-van-thuong LAO planned", "vo-van-thuong KHM planned", "manmohan-singh VNM planned", "manmohan-singh LAO occurred"])
    }

    @Test("talks held in a named city are a visit there for the participants from elsewhere")
    func talksInACity() {
        let c = corpus("President Jimmy Carter met Syrian President Hafez al-Assad in Geneva on May 9. Chủ tịch nước Võ Văn Thưởng hội đàm với Tổng thống Lào Thongloun Sisoulith tại Hà Nội ngày 20/5/2023. It began in New York in September 2014, when Prime Minister Narendra Modi met Prime Minister Nawaz Sharif on the sidelines.", date: "1977-05-12")
        let found = Set(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.start?.iso ?? "?")" })
        #expect(found.contains("jimmy-carter CHE 1977-05-09") && found.contains("hafez-al-assad CHE 1977-05-09"))
        #expect(found.contains { $0.hasPrefix("thongloun-sisoulith VNM") } && !found.contains { $0.hasPrefix("vo-van-thuong") })
        #expect(found.contains { $0.hasPrefix("narendra-modi USA") } && found.contains { $0.hasPrefix("nawaz-sharif USA") })
    }

    @Test("a date after 'since', 'after', 'sau năm' or 'kể từ' bounds a period; 'từ ngày' starts a range")
    func sinceAndFrom() {
        let c = corpus("Tổng thống François Mitterrand là nguyên thủ phương Tây đầu tiên sang thăm Việt Nam sau năm 1975. Thủ tướng Pháp Édouard Philippe thăm chính thức Việt Nam từ ngày 2-4/11/2018.", date: "2025-05-26")
        let found = c.visits.map { "\(c.entities[$0.visitor].id) \($0.start?.iso ?? "?")" }
        #expect(!found.contains { $0.hasSuffix("1975") })
        #expect(found.contains { $0.hasSuffix("2018-11-02") })
    }

    @Test("a title alone ('Thủ tướng') is the person named with that title, when the protagonist bears another; a place after its verb is not its country")
    func titleAlone() {
        let c = corpus("Bộ trưởng Ngoại giao Phạm Bình Minh thăm chính thức Lào ngày 3/4/2014. Ông được Thủ tướng Nguyễn Tấn Dũng tiễn tại sân bay. Ngày 10/4, Thủ tướng sẽ thăm Campuchia.", date: "2014-04-05")
        let found = Set(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.status.rawValue)" })
        #expect(found == ["pham-binh-minh LAO occurred", "nguyen-tan-dung KHM planned"])
    }

    @Test("a host on a visit abroad receives his guest there: no visit for the guest; 'đi Milan' is travel")
    func hostAbroad() {
        let c = corpus("Thủ tướng Nguyễn Tấn Dũng thăm chính thức Đức. Cùng ngày, Thủ tướng Nguyễn Tấn Dũng tiếp Bộ trưởng Ngoại giao Frank-Walter Steinmeier. Ngày mai, Thủ tướng sẽ rời Berlin đi Milan.", date: "2014-10-15")
        let found = Set(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.status.rawValue)" })
        #expect(found == ["nguyen-tan-dung DEU occurred", "nguyen-tan-dung ITA planned"])
    }

    @Test("'ông' in a sentence about years before is the subject of the visit just recalled")
    func pronounInTheRecalledPast() {
        let c = corpus("Thủ tướng Yoshihide Suga đến Hà Nội chiều hôm qua. Thủ tướng Nguyễn Xuân Phúc thăm Nhật Bản vào tháng 5/2018. Cuối tháng 6/2019, ông sang Osaka dự Hội nghị thượng đỉnh G20. Rời Hà Nội, ông sẽ tới Indonesia.", date: "2020-10-19")
        let found = Set(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.start.map { String($0.year) } ?? "?")" })
        #expect(found.contains("nguyen-xuan-phuc JPN 2019") && !found.contains { $0.hasPrefix("yoshihide-suga JPN") })
        #expect(found.contains("yoshihide-suga IDN 2020"))
    }

    @Test("one word that is also someone's short form is read as a short form: 'Clinton' is the Clinton named last")
    func sharedSurname() {
        let c = corpus("Secretary of State Hillary Clinton visited Laos on July 11, 2012. Clinton then flew to Cambodia.", date: "2012-07-11")
        #expect(Set(c.visits.map { c.entities[$0.visitor].id }) == ["hillary-clinton"])
        #expect(Set(c.visits.map(\.destination)) == ["LAO", "KHM"])
    }

    @Test("a title's short form goes to the person named last who could hold it: 'President Clinton' after 'Hillary Clinton' is Bill")
    func sharedSurnameWithTitle() {
        let c = corpus("President Bill Clinton and his wife Hillary Clinton arrived in Hanoi on November 16, 2000. President Clinton flew to Brunei on November 15.", date: "2000-11-17")
        #expect(Set(c.visits.map { c.entities[$0.visitor].id }) == ["bill-clinton"])
        let d = corpus("Secretary of State Hillary Clinton visited Laos on July 11, 2012. Secretary Clinton then flew to Cambodia.", date: "2012-07-11")
        #expect(Set(d.visits.map { d.entities[$0.visitor].id }) == ["hillary-clinton"])
    }

    @Test("a known person named with a middle name ('President Filipe Jacinto Nyusi of Mozambique') is that person")
    func middleName() {
        let c = corpus("President Filipe Jacinto Nyusi of Mozambique paid an official visit to Vietnam in September 2024.", date: "2024-09-10")
        #expect(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination)" } == ["filipe-nyusi VNM"])
    }

    @Test("being and staying somewhere abroad is a visit: 'was in Mongolia', 'spent ten days in Britain', 'had flown to Manila'")
    func presence() {
        let c = corpus("Secretary of State John Kerry was in Mongolia on Monday. Premier Nikolai Bulganin spent ten days in Britain in April 1956. President Dwight D. Eisenhower had flown to Manila on June 14. Secretary of State John Kerry was in power talks with Vietnam.", date: "1960-06-18")
        let found = Set(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination)" })
        #expect(found.isSuperset(of: ["john-kerry MNG", "nikolai-bulganin GBR"]))
        #expect(found.contains { $0.hasSuffix(" PHL") })
        #expect(!found.contains("john-kerry VNM"))
    }

    @Test("titles in apposition share their country; the Chairman of the Council of Ministers heads a government")
    func apposition() {
        let c = corpus("Tháng 9/1959, Bí thư thứ nhất Đảng Nhân dân Cách mạng Mông Cổ, Chủ tịch Hội đồng Bộ trưởng Yumjaagiin Tsedenbal dẫn đầu đoàn đại biểu sang thăm Việt Nam.", date: "2013-11-22")
        #expect(c.visits.map { "\(c.entities[$0.visitor].name) \($0.destination) \($0.start?.iso ?? "?") \($0.level.rawValue)" } == ["Yumjaagiin Tsedenbal VNM 1959-09 head_of_government"])
    }

    @Test("'các chuyến thăm Iran của A (5/1994), B (6/2000)': a list of visits, each with its date")
    func listOfVisits() {
        let c = corpus("Về phía Việt Nam có các chuyến thăm Iran của Chủ tịch nước Lê Đức Anh (5/1994) và Chủ tịch nước Trương Tấn Sang (3/2016).", date: "2023-08-08")
        let found = Set(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.start?.iso ?? "?")" })
        #expect(found == ["le-duc-anh IRN 1994-05", "truong-tan-sang IRN 2016-03"])
    }
}
