import Foundation
import Testing
@testable import CorpusModel

/// The forms of Vietnamese newsroom copy read since batch S (docs/corpus-model.md, "Vietnamese newsroom styles"):
/// delegation members, names after a body written out, spans and hyphenated dates, dates that bound a period.
@Suite("Vietnamese newsroom styles")
struct VietnameseNewsroomTests {
    /// "visitor -> destination start status" of each visit of the text, sorted.
    static func visits(_ text: String, date: String = "2024-06-15") -> [String] {
        Fixtures.visitSummaries([(date, text)])
    }

    /// The time expressions of one sentence published on `date`.
    static func times(_ sentence: String, date: String) -> [String] {
        let d = Fixtures.corpus(sentence, date: date).documents[0]
        return d.times.map { t in "\(d.slice(t.range))=\(t.start.iso)\(t.end.map { ".." + $0.iso } ?? "")" }
    }

    static let trip = "Thủ tướng Phạm Minh Chính đến Tokyo chiều 14/6, bắt đầu chuyến thăm chính thức Nhật Bản. "

    @Test("members named with 'tháp tùng' make the leader's visits of the trip, dated as his (rule visit.accompanying-member)")
    func accompanyingMembers() {
        let text = Self.trip + "Tháp tùng Thủ tướng có Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn; Bộ trưởng Công Thương Nguyễn Hồng Diên."
        #expect(Self.visits(text) == ["Bùi Thanh Sơn -> JPN 2024-06-14 occurred", "Nguyễn Hồng Diên -> JPN 2024-06-14 occurred",
                                      "Phạm Minh Chính -> JPN 2024-06-14 occurred"])
    }

    @Test("a member after the cue or a leader named after it: the same visits")
    func memberBeforeTheCue() {
        let text = Self.trip + "Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn tháp tùng."
        #expect(Self.visits(text).contains("Bùi Thanh Sơn -> JPN 2024-06-14 occurred"))
    }

    @Test("no member visit without the cue, nor for a leader's trip long before the article", arguments: [
        Self.trip + "Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp đoàn doanh nghiệp tại Hà Nội.",
        "Thủ tướng Phạm Minh Chính từng thăm Nhật Bản năm 2021. Tháp tùng Thủ tướng có Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn.",
    ])
    func noMemberVisit(_ text: String) {
        #expect(!Self.visits(text).contains { $0.hasPrefix("Bùi Thanh Sơn") })
    }

    @Test("a member below minister level (an aide) makes no visit")
    func aidesAreNotMembers() {
        let text = Self.trip + "Tham gia đoàn có Thứ trưởng Ngoại giao Trịnh Quang Khải và Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn."
        let visits = Self.visits(text)
        #expect(visits.contains("Bùi Thanh Sơn -> JPN 2024-06-14 occurred"))
        #expect(!visits.contains { $0.hasPrefix("Trịnh Quang Khải") })
    }

    @Test("a date after a semicolon dates the next clause, not the visit before it (rule date.after-place)")
    func semicolonEndsTheClause() {
        let visits = Self.visits("Tháng 7/1957, Chủ tịch Hồ Chí Minh thăm Triều Tiên; tháng 11/1958, Chủ tịch Kim Nhật Thành thăm Việt Nam.")
        #expect(visits.contains("Hồ Chí Minh -> PRK 1957-07 occurred"))
    }

    @Test("a later country of a trip dated by a span across months takes the year only (rule date.span-later-leg)")
    func spanLaterLeg() {
        let visits = Self.visits("Tổng Bí thư Tô Lâm thăm cấp Nhà nước Mông Cổ, Ireland và Pháp từ ngày 30/9 đến ngày 7/10.", date: "2024-09-28")
        #expect(visits.contains("Tô Lâm -> MNG 2024-09-30 planned") || visits.contains("Tô Lâm -> MNG 2024-09-30 occurred"))
        #expect(visits.contains { $0.hasPrefix("Tô Lâm -> IRL 2024 ") } && visits.contains { $0.hasPrefix("Tô Lâm -> FRA 2024 ") })
    }

    @Test("the hosts of an invitation listed with commas and 'và' all received the visitor; the person after the list is the visitor (rule host.coordinated-party)")
    func invitationList() {
        let text = "Nhận lời mời của Tổng thống Kazakhstan Kassym-Jomart Tokayev, Tổng thống Azerbaijan Ilham Aliyev và Tổng thống Belarus Aleksandr Lukashenko, Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Kazakhstan, Azerbaijan và Belarus."
        let visitors = Set(Self.visits(text, date: "2025-05-02").map { String($0.prefix { $0 != "-" }).trimmingCharacters(in: .whitespaces) })
        #expect(visitors == ["Tô Lâm"])
    }

    @Test("an invitation's hosts are read past their titles' lower-case words and commas, up to the comma after the person the list's 'và' joins (rule host.coordinated-party)")
    func invitationListPastTitles() {
        func visitors(_ text: String, date: String) -> Set<String> {
            Set(Self.visits(text, date: date).map { String($0.prefix { $0 != "-" }).trimmingCharacters(in: .whitespaces) })
        }
        // Titles with lower-case syllables ("Cộng hòa"), a name the gazetteer does not end where the text does
        // ("Boric Font"), a title with a comma ("Hoàng Thái tử, Thủ tướng"), and a spouse after "và".
        #expect(visitors("Nhận lời mời của Tổng thống Cộng hòa Tunisia Kais Saied, Phó Chủ tịch nước Võ Thị Ánh Xuân sẽ dẫn đầu đoàn đại biểu Việt Nam thăm Tunisia từ ngày 19 đến 21/11.", date: "2022-11-10") == ["Võ Thị Ánh Xuân"])
        #expect(visitors("Nhận lời mời của Tổng thống Cộng hòa Chile Gabriel Boric Font và Tổng thống Cộng hòa Peru Dina Ercilia Boluarte Zegarra, Chủ tịch nước Lương Cường sẽ thăm chính thức Chile và Peru từ ngày 9 đến 16/11.", date: "2024-11-01") == ["Lương Cường"])
        #expect(visitors("Nhận lời mời của Tổng thống UAE Mohamed bin Zayed Al Nahyan và Hoàng Thái tử, Thủ tướng Saudi Arabia Mohammed bin Salman, Thủ tướng Phạm Minh Chính sẽ thăm chính thức UAE và Saudi Arabia.", date: "2024-10-20") == ["Phạm Minh Chính"])
        #expect(visitors("Nhận lời mời của Tổng Bí thư, Chủ tịch nước Tô Lâm và Phu nhân, Tổng thống Cộng hòa Mozambique Filipe Jacinto Nyusi và Phu nhân sẽ thăm chính thức Việt Nam từ ngày 8 đến 10/9/2024.", date: "2024-09-01") == ["Filipe Nyusi"])
    }

    @Test("a list joined by 'và' after the last comma of an invitation is the visitors' list, not the hosts'")
    func visitorsListAfterAnInvitation() {
        let visits = Self.visits("Theo lời mời của phía Trung Quốc, Thủ tướng Phạm Minh Chính, Phó Thủ tướng Bùi Thanh Sơn và Bộ trưởng Quốc phòng Phan Văn Giang sang Bắc Kinh ngày 3/6.", date: "2024-06-05")
        #expect(visits.contains { $0.hasPrefix("Phạm Minh Chính -> CHN") })
    }

    @Test("a person after 'hội đàm với' and a rank the lexicon does not know is the other party, not a visitor")
    func unknownRankAfterTalks() {
        let text = "Tại Cuba, Tổng Bí thư Nguyễn Phú Trọng sẽ hội đàm với Đại tướng Raúl Castro, thăm một số cơ sở kinh tế."
        #expect(!Self.visits(text).contains { $0.hasPrefix("Raúl Castro") })
    }

    @Test("two countries joined by a dash name a relation or a meeting, not a destination; an organisation and a country do not")
    func dashedPairs() {
        let pair = Self.visits("Tháng 2/2019, Tổng thống Donald Trump tới Hà Nội dự Hội nghị thượng đỉnh Mỹ - Triều Tiên lần thứ hai.")
        #expect(pair.contains("Donald Trump -> VNM 2019-02 occurred") && !pair.contains { $0.contains("-> PRK") })
        let summit = Self.visits("Thủ tướng Phạm Minh Chính sẽ tham dự Hội nghị Cấp cao kỷ niệm 50 năm quan hệ ASEAN – Australia tại Melbourne.",
                                 date: "2024-03-03")
        #expect(summit.contains { $0.hasPrefix("Phạm Minh Chính -> AUS 2024-03") && $0.hasSuffix("planned") })
    }

    @Test("a gathering placed by the dateline holds beyond three sentences (rule destination.dateline-gathering)")
    func datelineGatheringHolds() {
        let text = "Leaders gather in Danang\n\nDANANG, Vietnam, June 3 - Leaders gathered in the central Vietnamese city on Monday for the regional summit.\n\nTrade was discussed. Prices rose. Markets were calm. Traders waited.\n\nAlso attending are Indonesia's Joko Widodo and Malaysia's Anwar Ibrahim."
        let visits = Self.visits(text, date: "2024-06-03")
        #expect(visits.contains("Joko Widodo -> VNM 2024-06-03 occurred") && visits.contains("Anwar Ibrahim -> VNM 2024-06-03 occurred"))
    }

    @Test("'unable to attend' is a negation: the participant did not come")
    func unableToAttend() {
        let text = "Leaders gather in Danang\n\nDANANG, Vietnam, June 3 - Leaders gathered in the central Vietnamese city on Monday for the regional summit.\n\nMalaysia's Anwar Ibrahim telephoned the host on Monday to express his regret at being unable to attend."
        #expect(!Self.visits(text, date: "2024-06-03").contains("Anwar Ibrahim -> VNM 2024-06-03 occurred"))
    }

    @Test("a name after a body written out starts at its family name; a run that opens with one is kept whole")
    func namesAfterABody() {
        // Names the gazetteer does not hold, so that they are discovered from the title.
        let text = Self.trip + "Tháp tùng Thủ tướng có Bộ trưởng Nông nghiệp và Phát triển nông thôn Lã Thị Quyên; Bộ trưởng Công Thương Đinh Khắc Viễn."
        let c = Fixtures.corpus(text, date: "2024-06-15", gazetteer: Fixtures.fullGazetteer)
        let discovered = c.entities.filter(\.discovered).map(\.name).sorted()
        #expect(discovered == ["Lã Thị Quyên", "Đinh Khắc Viễn"])
    }

    @Test("spans across months, hyphenated dates", arguments: [
        ("- 28/2-5/3/2017: Nhà vua thăm Việt Nam.", "2025-04-01", ["28/2-5/3/2017=2017-02-28..2017-03-05"]),
        ("- 30/12-2/1/2020: Ông thăm Lào.", "2025-04-01", ["30/12-2/1/2020=2019-12-30..2020-01-02"]),
        ("Ông Rutte thăm Việt Nam tháng 6-2014.", "2024-03-15", ["tháng 6-2014=2014-06"]),
        ("Ông Rutte thăm Việt Nam ngày 2-11-2023.", "2024-03-15", ["2-11-2023=2023-11-02"]),
    ])
    func vietnameseDates(_ sentence: String, _ date: String, _ expected: [String]) {
        #expect(Self.times(sentence, date: date) == expected)
    }

    @Test("'vài tuần sau khi' counts from another event: not next week")
    func weeksAfterAnotherEvent() {
        #expect(Self.times("Ông tới Hà Nội vài tuần sau khi hai nước tuyên bố bình thường hóa quan hệ.", date: "2023-09-12") == [])
        #expect(Self.times("Ông sẽ tới Hà Nội tuần sau.", date: "2023-09-12") == ["tuần sau=2023-09-18..2023-09-24"])
    }

    @Test("hyphenated pairs without 'tháng' are not read as a month and a year")
    func yearSpansStay() {
        let times = Self.times("Giai đoạn 1954-1975 là thời kỳ chiến tranh.", date: "2024-03-15")
        #expect(!times.contains { $0.contains("=1954-") || $0.contains("=1975-") })
    }

    @Test("the date of relations established, or of a 'kể từ khi' clause, is not the visit's", arguments: [
        "Thủ tướng Phạm Minh Chính thăm Saudi Arabia, lần đầu tiên kể từ khi hai nước thiết lập quan hệ ngoại giao năm 1999.",
        "Tổng thống Ferdinand Marcos Jr. đến Việt Nam, lần đầu tiên kể từ khi nhậm chức tháng 6/2022.",
    ])
    func periodDates(_ text: String) {
        #expect(!Self.visits(text).contains { $0.contains(" 1999") || $0.contains(" 2022-06") })
    }

    @Test("a 'kể từ khi' clause naming someone keeps the date of its own event")
    func sinceClauseWithItsOwnEvent() {
        let visits = Self.visits("Đây là chuyến thăm đầu tiên kể từ khi Tổng thống François Hollande tới Hà Nội năm 2016.")
        #expect(visits.contains("François Hollande -> VNM 2016 occurred"))
    }

    @Test("a word opening a sentence or a bracket ('Bình luận') is not a person's short name")
    func commonWordAtTheHead() {
        let text = "(Bình luận) - Tổng Bí thư Tô Lâm đến Seoul chiều 10/6, bắt đầu chuyến thăm cấp Nhà nước Hàn Quốc."
        #expect(Self.visits(text) == ["Tô Lâm -> KOR 2024-06-10 occurred"])
    }

    @Test("'Chủ tịch nước' before a name is a title: a person after 'hội đàm với Chủ tịch nước' received the visitor")
    func presidentTitle() {
        let text = "Tổng thống Brazil Luiz Inácio Lula da Silva sẽ hội đàm với Chủ tịch nước Lương Cường và dự Diễn đàn doanh nghiệp tại Hà Nội."
        #expect(!Self.visits(text).contains { $0.hasPrefix("Lương Cường") })
    }

    @Test("'Miến Điện' is Burma")
    func burma() {
        let visits = Self.visits("Tháng 2/1958, Chủ tịch Hồ Chí Minh thăm hữu nghị chính thức Ấn Độ và Miến Điện.")
        #expect(visits.contains("Hồ Chí Minh -> MMR 1958-02 occurred"))
    }

    @Test("'Sau đó' at a sentence's head refers back to the time told before (rule date.back-reference)")
    func afterThat() {
        let text = "Ngày 27/10, Thủ tướng Phạm Minh Chính tới Abu Dhabi, mở đầu chuyến thăm chính thức UAE. Sau đó, Thủ tướng sang Riyadh thăm làm việc Saudi Arabia."
        #expect(Self.visits(text, date: "2024-11-02").contains("Phạm Minh Chính -> SAU 2024-10 occurred"))
    }
}
