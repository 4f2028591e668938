// Members of an official delegation: "Tháp tùng Thủ tướng có Phó Thủ tướng, Bộ trưởng Ngoại giao X; Bộ trưởng Y
// ...", "X tháp tùng.", "Blinken accompanied Biden", "Rogers travelled with him", "arrived in Kyiv, accompanied by
// Deputy Prime Minister X". Each member travels with the leader, so he makes the leader's visits of the trip the
// article reports. With an accompanying word (`accompany-words`, rule visit.accompanying-member) the leader is the
// person named right after it ("Tháp tùng ông có ..." through coreference) and the members are the sentence's
// other persons; with a passive one (`accompanied-by-words`, rule visit.accompanied-by) the members are named
// after it and the leader before it (the nearest of their country). Without a leader named, he is the article's
// main traveller of the members' country. The trip is the leader's visits to the places the cue's clause names,
// else those the paragraph told up to the members' sentence, dated within a month of the last it told, else of the
// article's date (of his most reported visit when the article has no date).

/// A sentence naming the members of a delegation, kept until the article's visits are all read.
struct AccompanyingReport {
    var sentence: SentenceContext
    var cue: Range<Int>
    /// The person accompanied, when the sentence names him (right after an accompanying word, before a passive one).
    var leader: Int?
    var members: [PersonRef]
    /// The first sentence of the paragraph holding the report: the leader's visit told there dates the trip.
    var paragraphStart: Int
    /// The rule that read it: visit.accompanying-member or visit.accompanied-by.
    var rule: Rule
}

extension EventFinder {
    /// Notes the delegation members a sentence names (`AccompanyingReport`).
    /// A report is made only at a token a cue starts at: a call per token copied the sentence's context into the
    /// report it might return, 3% of a build's time (issue 9).
    mutating func noteAccompanyingMembers(_ c: SentenceContext) {
        for k in c.start..<c.end {
            if lexicon.accompaniedByWords.match(tokens, at: k, end: c.end) > 0, let report = accompaniedByReport(c, at: k) {
                accompanying.append(report)
                return
            }
            if lexicon.accompanyWords.match(tokens, at: k, end: c.end) > 0, let report = accompanyReport(c, at: k) {
                accompanying.append(report)
                return
            }
        }
    }

    /// A person who can be a member: named (not a pronoun), not a host, the other party of talks or of the past.
    static func canBeMember(_ p: PersonRef) -> Bool {
        p.referring == nil && !p.hostContext && !p.otherParty && !p.historical
    }

    /// "Tháp tùng Thủ tướng có X", "X accompanied Biden": the leader right after the cue, the other persons members.
    func accompanyReport(_ c: SentenceContext, at k: Int) -> AccompanyingReport? {
        let n = lexicon.accompanyWords.match(tokens, at: k, end: c.end)
        guard n > 0 else { return nil }
        let cue = k..<(k + n)
        let leader = c.persons.first { $0.phraseStart == cue.upperBound }
        let members = c.persons.filter { $0.entity != leader?.entity && Self.canBeMember($0) }
        guard !members.isEmpty else { return nil }
        return AccompanyingReport(sentence: c, cue: cue, leader: leader?.entity, members: members,
                                  paragraphStart: paragraphFirstSentence, rule: .visitAccompanyingMember)
    }

    /// "X arrived in Kyiv, accompanied by Y and Z": the members after the cue, the leader the nearest person before
    /// it of a member's country (else the nearest). Members of another country than the leader's are his hosts.
    func accompaniedByReport(_ c: SentenceContext, at k: Int) -> AccompanyingReport? {
        let n = lexicon.accompaniedByWords.match(tokens, at: k, end: c.end)
        guard n > 0 else { return nil }
        let cue = k..<(k + n)
        // "accompanied by" is a host cue too ("accompanied by his host"): a member is named with his country, or by a
        // title alone ("accompanied by Deputy Prime Minister X": of the leader's country).
        let members = c.persons.filter { p in
            p.phraseStart >= cue.upperBound && p.referring == nil && !p.otherParty && !p.historical
                && (c.country(of: p) != nil || p.titleLevel != nil)
        }
        let before = c.persons.filter { $0.nameEnd <= k && !$0.hostContext && !$0.otherParty }.reversed()
        let countries = Set(members.compactMap { c.country(of: $0) })
        guard !members.isEmpty else { return nil }
        let leader = before.first { c.country(of: $0).map(countries.contains) == true } ?? before.first
        return AccompanyingReport(sentence: c, cue: cue, leader: leader?.entity, members: members,
                                  paragraphStart: paragraphFirstSentence, rule: .visitAccompaniedBy)
    }

    /// After the article's last sentence: each member noted makes the leader's visits of the trip reported, but
    /// where a visit of his own to that country is already found.
    mutating func addAccompanyingVisits() {
        for report in accompanying {
            let c = report.sentence
            let memberCountry = report.members.lazy.compactMap({ c.country(of: $0) }).first
            guard let country = report.leader.flatMap(c.countryOf) ?? memberCountry,
                  let leader = report.leader ?? mainTraveller(from: country, except: Set(report.members.map(\.entity))) else { continue }
            let trip = reportedTrip(of: leader, toldBy: report)
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

    /// The leader's visits (not negated) of the trip the report tells, one a country, from the earliest start his
    /// reports give to the latest end: those to the places its clause names after the cue ("travelled with him to
    /// Manila"), else those the report's paragraph told up to the report, else all his visits; of these, the ones
    /// dated within a month of the last the paragraph told, else of the article's date, else of his most reported visit.
    func reportedTrip(of leader: Int, toldBy report: AccompanyingReport) -> [VisitCandidate] {
        let all = visits.filter { $0.visitor == leader && $0.status != .negated }
        let c = report.sentence
        let named = Set(c.destinationPlaces(from: report.cue.upperBound, to: c.clause(of: report.cue.lowerBound).upperBound).map(\.country))
        let toldInParagraph = all.filter { $0.mentions.contains { isTold($0, before: report) } }
        let pool = !named.isEmpty && all.contains(where: { named.contains($0.destination) }) ? all.filter { named.contains($0.destination) }
            : toldInParagraph.contains(where: { $0.start?.month != nil }) ? toldInParagraph : all
        let own = pool.filter { $0.start?.month != nil }
        let toldAt = { (v: VisitCandidate) in v.mentions.filter { self.isTold($0, before: report) }.map(\.sentence).max() ?? -1 }
        let lastTold = own.filter { toldAt($0) >= 0 }.max { toldAt($0) < toldAt($1) }
        guard let anchor = lastTold?.start ?? publication ?? own.max(by: { $0.mentions.count < $1.mentions.count })?.start,
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
        for v in pool where v.rules.contains(.dateSpanLaterLeg) && v.start?.year == anchor.year
            && !legs.contains(where: { $0.destination == v.destination }) {
            legs.append(v)
        }
        return legs
    }

    /// A report of the leader's visit told before the members' cue in its paragraph: in an earlier sentence, or in
    /// the cue's sentence with its destination named before the cue ("arrived in Kyiv, accompanied by X").
    func isTold(_ m: Mention, before report: AccompanyingReport) -> Bool {
        if m.sentence >= report.paragraphStart && m.sentence < report.sentence.index { return true }
        guard m.sentence == report.sentence.index, let place = m.destinationSpan else { return false }
        return place.lowerBound < Int(tokens[report.cue.lowerBound].start)
    }

    /// The member's visit: the leader's destination, dates, kind and status, reported by the members' sentence.
    mutating func addMemberVisit(_ member: PersonRef, of leg: VisitCandidate, _ report: AccompanyingReport) {
        var rules = RuleSet([report.rule])
        rules.formUnion(member.referringRules)
        let mention = Mention(document: 0, sentence: report.sentence.index, status: leg.status, date: leg.start, ruleSet: rules,
                              visitorSpan: byteSpan(member.nameStart..<member.nameEnd), destinationSpan: nil, dateSpan: nil)
        // A member named by his title alone is of the leader's country.
        add(VisitCandidate(visitor: member.entity, visitorCountry: report.sentence.country(of: member) ?? leg.visitorCountry, destination: leg.destination,
                           city: leg.city, host: nil, start: leg.start, end: leg.end, notBefore: nil, kind: leg.kind,
                           status: leg.status, titleLevel: member.titleLevel, mentions: [mention], rules: rules,
                           evidence: CandidateEvidence(meeting: report.cue, time: nil)))
    }
}
