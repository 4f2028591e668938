import Foundation
import Testing
@testable import CorpusModel

@Suite("Time expressions")
struct TimeTests {
    /// The time expressions of one sentence published on `date`.
    func times(_ sentence: String, date: String) -> [String] {
        let d = Fixtures.corpus(sentence, date: date).documents[0]
        return d.times.map { t in "\(d.slice(t.range))=\(t.start.iso)\(t.end.map { ".." + $0.iso } ?? "")" }
    }

    @Test("absolute dates", arguments: [
        ("He arrived on October 9.", "2025-10-09", ["October 9=2025-10-09"]),
        ("The visit lasted from May 8-11.", "2025-05-11", ["May 8-11=2025-05-08..2025-05-11"]),
        ("In June 1961, he went abroad.", "2019-02-23", ["June 1961=1961-06"]),
        ("It happened in 1957.", "2019-02-23", ["1957=1957"]),
        ("Quan hệ thiết lập ngày 31/1/1950.", "2025-10-08", ["31/1/1950=1950-01-31"]),
        ("Ông thăm Việt Nam ngày 19-20/6/2024.", "2024-06-20", ["19-20/6/2024=2024-06-19..2024-06-20"]),
        ("Hội nghị diễn ra vào tháng 9/2018.", "2019-01-01", ["tháng 9/2018=2018-09"]),
        ("A summit in Hanoi on February 27 and 28.", "2019-02-23", ["February 27 and 28=2019-02-27..2019-02-28"]),
        ("It was signed on 9 October 2025.", "2025-10-10", ["9 October 2025=2025-10-09"]),
        ("From 30/10 đến ngày 1/11/2022.", "2022-11-01", ["30/10 đến ngày 1/11/2022=2022-10-30..2022-11-01"]),
        ("The war lasted (1950–2025) long.", "2025-10-09", ["1950–2025=1950..2025"]),
        ("From February 28 to March 5, 2017 they stayed.", "2017-03-01", ["February 28 to March 5, 2017=2017-02-28..2017-03-05"]),
        // A day range across two months, joined at the hyphen by the tokenizer.
        ("He toured from 26 September-6 October 1991 abroad.", "2025-10-09", ["26 September-6 October 1991=1991-09-26..1991-10-06"]),
        ("He was away March 31-April 3, 2019 in all.", "2025-10-09", ["March 31-April 3, 2019=2019-03-31..2019-04-03"]),
        ("He was away 30 December-2 January 2020 in all.", "2025-10-09", ["30 December-2 January 2020=2019-12-30..2020-01-02"]),
    ])
    func absolute(_ sentence: String, _ date: String, _ expected: [String]) {
        #expect(times(sentence, date: date) == expected)
    }

    @Test("relative dates resolve against the publication date", arguments: [
        ("He arrived this morning.", "2025-10-09", ["this morning=2025-10-09"]),
        ("They left Moscow on Sunday.", "2025-05-14", ["Sunday=2025-05-11"]),
        ("The talks on Thursday went well.", "2025-10-09", ["Thursday=2025-10-09"]),
        ("He will arrive on Monday.", "2025-10-09", ["Monday=2025-10-13"]),
        ("He visited earlier this month.", "2019-02-23", ["earlier this month=2019-02"]),
        ("He visited last December.", "2025-10-09", ["last December=2024-12"]),
        ("He visited in March last year.", "2025-10-09", ["March last year=2024-03"]),
        ("He visited last year.", "2025-10-09", ["last year=2024"]),
        ("The trade deal was signed yesterday.", "2025-03-01", ["yesterday=2025-02-28"]),
        ("Ngày 31/1, hai bên trao đổi điện mừng.", "2025-10-08", ["31/1=2025-01-31"]),
        ("Ông sẽ thăm Pháp vào tháng 9 năm nay.", "2025-04-01", ["tháng 9 năm nay=2025-09"]),
        ("Ông đã thăm Pháp vào tháng 12 năm ngoái.", "2025-04-01", ["tháng 12 năm ngoái=2024-12"]),
        ("Hôm qua, Thủ tướng tới Hà Nội.", "2025-04-01", ["Hôm qua=2025-03-31"]),
        ("He will visit in the coming days.", "2019-02-23", ["coming days=2019-02"]),
        ("He skipped the summit this week.", "2023-08-25", ["this week=2023-08-21..2023-08-27"]),
        ("He will go next week.", "2013-10-04", ["next week=2013-10-07..2013-10-13"]),
    ])
    func relative(_ sentence: String, _ date: String, _ expected: [String]) {
        #expect(times(sentence, date: date) == expected)
    }

    @Test func granularityIsKept() throws {
        let d = Fixtures.corpus("In 1957 and in June 1961 and on October 9, 2025 it rained.", date: "2025-10-10").documents[0]
        #expect(d.times.map(\.granularity) == [.year, .month, .day])
        #expect(d.times.map(\.relative) == [false, false, false])
    }

    @Test("numbers that are not dates are not tagged")
    func notDates() {
        #expect(times("He sent 86 officers and 1,000 tonnes of rice in 18 years; the 80th anniversary.", date: "2025-05-11").isEmpty)
        #expect(times("The May Day parade may happen.", date: "2025-05-11").isEmpty)
    }
}
