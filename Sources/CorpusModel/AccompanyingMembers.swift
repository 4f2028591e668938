// Members of an official delegation: "Tháp tùng Thủ tướng có Phó Thủ tướng, Bộ trưởng Ngoại giao X; Bộ trưởng Y
// ...", "X tháp tùng." Each member named with an accompanying word (`accompany-words`) travels with the
// leader, so he makes the leader's visits of the trip the article reports (rule visit.accompanying-member).
// The leader is the person named right after the accompanying word ("Tháp tùng ông có ..." through
// coreference), else the article's main traveller of the members' country. The trip is the leader's visits
// dated within a month of the article (of his most reported visit when the article has no date).

/// A sentence naming the members of a delegation, kept until the article's visits are all read.
struct AccompanyingReport {
    var sentence: SentenceContext
    var cue: Range<Int>
    /// The person accompanied, when the sentence names him right after the cue.
    var leader: Int?
    var members: [PersonRef]
}

extension EventFinder {
    /// Notes the delegation members a sentence names (`AccompanyingReport`).
    mutating func noteAccompanyingMembers(_ c: SentenceContext) {
        guard let k = (c.start..<c.end).first(where: { lexicon.accompanyWords.match(tokens, at: $0, end: c.end) > 0 }) else { return }
        let cue = k..<(k + lexicon.accompanyWords.match(tokens, at: k, end: c.end))
        let leader = c.persons.first { $0.phraseStart == cue.upperBound }
        let members = c.persons.filter { p in
            p.entity != leader?.entity && p.referring == nil && !p.hostContext && !p.otherParty && !p.historical
        }
        guard !members.isEmpty else { return }
        accompanying.append(AccompanyingReport(sentence: c, cue: cue, leader: leader?.entity, members: members))
    }

    /// After the article's last sentence: each member noted makes the leader's visits of the trip reported, but
    /// where a visit of his own to that country is already found.
    mutating func addAccompanyingVisits() {
        for report in accompanying {
            let c = report.sentence
            guard let country = report.members.lazy.compactMap({ c.country(of: $0) }).first,
                  let leader = report.leader ?? mainTraveller(from: country, except: Set(report.members.map(\.entity))) else { continue }
            let trip = reportedTrip(of: leader)
            // A member named without a country of his own ("Bộ trưởng Công Thương Nguyễn Hồng Diên") is of the leader's.
            // Members below minister level (aides, officials) are not counted as visitors.
            for member in report.members where member.entity != leader && (c.country(of: member) ?? country) == country
                && (member.titleLevel ?? level(of: member.entity)).map({ $0 != .other }) == true {
                for leg in trip where !visits.contains(where: { $0.visitor == member.entity && $0.destination == leg.destination }) {
                    addMemberVisit(member, of: leg, report)
                }
            }
        }
    }

    /// The person of `country` with the most reported visits in the article (not negated), the members excepted.
    func mainTraveller(from country: String, except members: Set<Int>) -> Int? {
        var reports: [Int: Int] = [:]
        for v in visits where v.visitorCountry == country && v.status != .negated && !members.contains(v.visitor) {
            reports[v.visitor, default: 0] += v.mentions.count
        }
        return reports.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }

    /// The leader's visits (not negated) dated within a month of the article's date, or of his most reported
    /// visit's when the article has none: one a country, from the earliest start his reports give to the latest end.
    func reportedTrip(of leader: Int) -> [VisitCandidate] {
        let own = visits.filter { $0.visitor == leader && $0.status != .negated && $0.start?.month != nil }
        let undatedLegs = visits.filter { $0.visitor == leader && $0.status != .negated && $0.rules.contains(.dateSpanLaterLeg) }
        guard let anchor = publication ?? own.max(by: { $0.mentions.count < $1.mentions.count })?.start,
              let anchorMonth = anchor.month else { return [] }
        let anchorIndex = anchor.year * 12 + anchorMonth
        var legs: [VisitCandidate] = []
        for v in own {
            guard let s = v.start, let m = s.month, abs(s.year * 12 + m - anchorIndex) <= 1 else { continue }
            guard let i = legs.firstIndex(where: { $0.destination == v.destination }) else { legs.append(v); continue }
            if s < legs[i].start! { legs[i].start = s }
            if let e = v.end, legs[i].end.map({ e > $0 }) ?? true { legs[i].end = e }
        }
        // The later legs of a span across months, dated to the year (rule date.span-later-leg).
        for v in undatedLegs where v.start?.year == anchor.year && !legs.contains(where: { $0.destination == v.destination }) {
            legs.append(v)
        }
        return legs
    }

    /// The member's visit: the leader's destination, dates, kind and status, reported by the members' sentence.
    mutating func addMemberVisit(_ member: PersonRef, of leg: VisitCandidate, _ report: AccompanyingReport) {
        var rules = RuleSet([.visitAccompanyingMember])
        rules.formUnion(member.referringRules)
        let mention = Mention(document: 0, sentence: report.sentence.index, status: leg.status, date: leg.start, ruleSet: rules,
                              visitorSpan: byteSpan(member.nameStart..<member.nameEnd), destinationSpan: nil, dateSpan: nil)
        add(VisitCandidate(visitor: member.entity, visitorCountry: report.sentence.country(of: member), destination: leg.destination,
                           city: leg.city, host: nil, start: leg.start, end: leg.end, notBefore: nil, kind: leg.kind,
                           status: leg.status, titleLevel: member.titleLevel, mentions: [mention], rules: rules,
                           evidence: CandidateEvidence(meeting: report.cue, time: nil)))
    }
}
