// Choosing the visitor of a trigger: code, not data, because it weighs several persons against each
// other. The steps, in order: a person the trigger names ("visiting X", a welcomed guest); the clause's
// subject (`subjectBefore`); "visit by/of X", "của X" (`visitorAfter`); the visitor of the sentence's previous
// visit. Co-visitors and the referent of a title or pronoun subject are here too.

extension EventFinder {
    /// Words that open a new clause after a comma: its subject is a new one ("…, còn Chủ tịch Kim …").

    /// The person index of the trigger's visitor, if any, and the rule that chose him.
    func chooseVisitor(_ ti: Int, in triggers: [Trigger], _ c: SentenceContext) -> (index: Int, rule: Rule)? {
        // A visitor named by "visiting", or a welcomed guest: that person.
        if let named = triggers[ti].visitor { return (named, .visitorNamedByTrigger) }
        if triggers[ti].form == .continuation {
            if let leg = legVisitor(ti, in: triggers, c) { return leg }
            // The next leg of a list line's stop is the stop's visitor's (`makeUnnamedVisit`).
            if let stop = timelineStop, stop.sentence == c.index { return nil }
        }
        if let subject = subjectBefore(ti, in: triggers, c) { return (subject, .visitorSubject) }
        if let after = visitorAfter(triggers[ti], c) { return (after, .visitorAfterTrigger) }
        if let prev = previousVisitor, prev.sentence == c.index { return (prev.index, .visitorPreviousInSentence) }
        return nil
    }

    /// The clause's subject: the first person before the trigger who is not a host or the other party of talks,
    /// has a country, and has no other trigger between him and this one; in the trigger's own clause when it has
    /// one; invited, visiting and welcomed persons first, persons after "of" last; the subject of a relative
    /// clause ("X, who is on his first trip") first of all; and one who can visit the place named after the
    /// trigger (not his own country) before one who cannot.
    func subjectBefore(_ ti: Int, in triggers: [Trigger], _ c: SentenceContext) -> Int? {
        let persons = c.persons, tr = triggers[ti].tokens
        var eligible: [Int] = []
        // Hosts never; the other party of talks ("held talks with X", "met X", "hội đàm với X") received the
        // visitor: the subject of a later trigger only through a relative clause ("met X, who visited Paris").
        for (pi, p) in persons.enumerated() where p.nameEnd <= tr.lowerBound && !p.hostContext
            && (!p.otherParty || opensRelativeClause(after: p, before: tr)) {
            // A trigger in a relative clause closed before this one ("X, who attended the meeting, travels to Y") is
            // not between him and it.
            if triggers.prefix(ti).contains(where: { $0.tokens.lowerBound >= p.nameEnd && !isClosedRelative($0.tokens.lowerBound, before: tr, c) }) { continue }
            if triggers[ti].isNoun && speaksOf(p, trigger: tr, c) { continue }
            if c.country(of: p) != nil { eligible.append(pi) }
        }
        // In a sentence of several clauses ("A left Hanoi; B stayed on for a visit", "…, còn B …"), the
        // subject is looked for in the trigger's own clause first.
        let clauseStart = subjectClauseStart(before: tr, c)
        if clauseStart > c.start, eligible.contains(where: { persons[$0].phraseStart >= clauseStart }) {
            eligible.removeAll { persons[$0].phraseStart < clauseStart }
        }
        var priority: [Int: Int] = [:]
        for i in eligible { priority[i] = subjectPriority(persons[i], c) }
        eligible.sort { a, b in priority[a]! != priority[b]! ? priority[a]! < priority[b]! : a < b }
        if let last = eligible.max(), opensRelativeClause(after: persons[last], before: tr) {
            eligible.removeAll { $0 == last }
            eligible.insert(last, at: 0)
        }
        // The subject must be able to visit the place named after the trigger (not his own country).
        let firstPlace = c.destinationPlaces(from: tr.upperBound, to: min(c.end, tr.upperBound + 6)).first
        return eligible.first { pi in firstPlace.map { c.country(of: persons[pi]) != $0.country } ?? true }
            ?? eligible.first
    }

    /// "Foreign Minister X said the new date for the visit would be announced later", "Theo Phó Thủ tướng X, đó là
    /// chuyến thăm ...": the subject of a speech verb (`speech-verbs`) standing between him and a visit noun, or a
    /// person right after an attribution opener (`attribution-openers`: "according to", "theo"), tells of the visit;
    /// he is not its visitor, unless a possessive pronoun before the noun makes it his ("X said his visit ...") or a
    /// cancellation, plan or negation word before it tells what he does with it ("X thông báo hoãn chuyến thăm ...",
    /// "X announced he would postpone the visit"), or one after it that the visit will not happen.
    func speaksOf(_ p: PersonRef, trigger tr: Range<Int>, _ c: SentenceContext) -> Bool {
        let between = p.nameEnd..<tr.lowerBound
        let speech = between.first { lexicon.speechVerbs.match(tokens, at: $0, end: tr.lowerBound) > 0 }
        let attributed = p.phraseStart > c.start && lexicon.attributionOpeners.matchEnding(tokens, at: p.phraseStart - 1, start: c.start) > 0
        guard speech != nil || attributed else { return false }
        let makesItHis = between.contains { k in
            lexicon.possessivePronouns.contains(tokens[k].lower) || lexicon.plannedCues.contains(tokens[k].lower)
                || lexicon.negationCues.contains(tokens[k].lower) || lexicon.cancelCues.match(tokens, at: k, end: tr.lowerBound) > 0
        }
        return !makesItHis && !calledOff(after: tr, c)
    }

    /// Whether the rest of the trigger's sentence says the visit will not happen ("X said the visit ... will not take
    /// place", "... has been called off"): the speaker then tells of his own visit.
    func calledOff(after tr: Range<Int>, _ c: SentenceContext) -> Bool {
        (tr.upperBound..<c.range.upperBound).contains { k in
            lexicon.negationCues.contains(tokens[k].lower) || lexicon.cancelCues.match(tokens, at: k, end: c.range.upperBound) > 0
        }
    }

    /// Whether token `k` is inside a relative clause set off by commas that closes before `tr`.
    func isClosedRelative(_ k: Int, before tr: Range<Int>, _ c: SentenceContext) -> Bool {
        relativeClauseEnd(around: k, c).map { $0 < tr.lowerBound } ?? false
    }

    /// Whether a relative pronoun follows the person before the trigger ("X, who is on his first trip").
    func opensRelativeClause(after p: PersonRef, before tr: Range<Int>) -> Bool {
        (p.nameEnd..<tr.lowerBound).contains { lexicon.relativePronouns.contains(tokens[$0].lower) }
    }

    /// Where the trigger's clause starts: after a ";" or at a clause opener after a comma.
    func subjectClauseStart(before tr: Range<Int>, _ c: SentenceContext) -> Int {
        for j in stride(from: tr.lowerBound - 1, to: c.start, by: -1) {
            let t = tokens[j]
            if t.kind == .punct && t.first == 0x3B { return j + 1 }
            if t.kind == .punct && t.first == 0x2C && j + 1 < tr.lowerBound && lexicon.clauseOpeners.contains(tokens[j + 1].lower) {
                return j + 1
            }
        }
        return c.start
    }

    /// 0: invited, visiting or welcomed; 1: anyone; 2: the other party of talks; 3: after "of"/"của" or another
    /// preposition (`person-prepositions`).
    func subjectPriority(_ p: PersonRef, _ c: SentenceContext) -> Int {
        if isInvited(p, c.start) || isVisiting(p, c.start) || p.guest { return 0 }
        // "the predecessor of Merkel, Chancellor Schröder, visited": a person after "of"/"của" is not the subject;
        // nor one after another preposition ("with the presidency handed to X, Y visited", "cùng với bà X, ông Y").
        if isPrepositionalObject(p, c) { return 3 }
        return p.otherParty ? 2 : 1
    }

    /// Whether the person is named right after "of"/"của" or another preposition (`person-prepositions`), past
    /// an honorific or "the": not the subject of his clause ("handed to X", "the predecessor of Merkel").
    func isPrepositionalObject(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        let s = c.start
        var before = p.phraseStart - 1
        if before > s && lexicon.honorifics.contains(tokens[before].lower) { before -= 1 } // "của bà Merkel"
        if before > s && tokens[before].lower == Lexicon.theKey { before -= 1 }
        return before >= s && (lexicon.ofWords.contains(tokens[before].lower) || lexicon.personPrepositions.contains(tokens[before].lower))
    }

    /// "visit by/of X", "X's visit" read after the word, "chuyến thăm của X".
    func visitorAfter(_ trigger: Trigger, _ c: SentenceContext) -> Int? {
        let tr = trigger.tokens, persons = c.persons
        guard tr.upperBound + 1 < c.end else { return nil }
        let next = tokens[tr.upperBound]
        if [Self.kBy, Self.kOf, Self.kCua].contains(next.lower) || next.kind == .possessive,
           let pi = persons.firstIndex(where: { $0.phraseStart >= tr.upperBound + 1 && $0.phraseStart <= tr.upperBound + 2 && !$0.hostContext }) {
            return pi
        }
        if next.lower == Self.kCua {
            return persons.firstIndex { $0.phraseStart > tr.upperBound && !$0.hostContext }
        }
        return nil
    }

    /// The visitor and the persons coordinated with him before the trigger, each with a title of his own.
    func coVisitors(of vi: Int, before trigger: Trigger, _ c: SentenceContext) -> [Int] {
        let persons = c.persons
        var group = [vi]
        var q = vi + 1
        while q < persons.count, persons[q].nameEnd <= trigger.tokens.lowerBound, persons[q].titleLevel != nil, !persons[q].hostContext,
              coordinated(persons[q - 1].nameEnd, persons[q].nameStart, c.times) {
            group.append(q); q += 1
        }
        return group
    }

    /// Who a title or pronoun subject stands for: the protagonist; in a sentence about years before, the
    /// visitor just recalled ("Cuối tháng 6/2019, ông sang Osaka"); for a title the protagonist does not bear,
    /// the person named last with it; never one whose gender is not the pronoun's (`gender`).
    mutating func referent(subject: TitleOnlyRef?, pronoun: Bool, time: TaggedTime?, _ c: SentenceContext, gender: Gender? = nil) -> Int? {
        var referent = protagonist
        if pronoun, subject == nil, let t = time, isRecalled(t.start), let recalled = recalledVisitor { referent = recalled }
        if let subject, subject.level != .other, let who = protagonist, level(of: who) != subject.level,
           let titled = lastNamedWithLevel[subject.level], titled != who,
           subject.country == nil || c.countryOf(titled) == subject.country {
            referent = titled
        }
        // "The South Korean president flew into Pyongyang ... He returns to Seoul": not the protagonist of another country.
        if pronoun, subject == nil, let who = referent, !salience.admits(c.countryOf(who), in: paragraph) { return nil }
        // "she" is not a man, "ông" not a woman (rule coref.gender).
        if pronoun, subject == nil, let who = referent, let wanted = gender, let known = genderOf(who), known != wanted { return nil }
        return referent
    }

    /// Whether two persons are joined as one subject: "A and B", "A, B", "A và Chủ tịch B" (titles between
    /// are allowed, verbs, visit words and dates are not).
    func coordinated(_ from: Int, _ to: Int, _ times: [TaggedTime]) -> Bool {
        guard from < to, to - from <= 10 else { return false }
        let first = tokens[from]
        guard first.lower == Self.kAnd || first.lower == Self.kVa || first.first == 0x2C else { return false }
        for k in from..<to {
            if isVisitTrigger(k, from, to) != nil || lexicon.meetingWords.match(tokens, at: k, end: to) > 0 { return false }
            if times.contains(where: { $0.tokens.contains(k) }) { return false }
            let t = tokens[k]
            if t.kind == .word && !t.capitalized && language == .english && !lexicon.connectors.contains(t.lower)
                && lexicon.titles[t.lower] == nil && !lexicon.titleModifiers.contains(t.lower) { return false }
        }
        return true
    }

    /// The person directly after "invited" / "mời" ("Kim invited Putin to visit").
    func isInvited(_ p: PersonRef, _ s: Int) -> Bool {
        let j = p.phraseStart - 1
        return j >= s && lexicon.invitationVerbs.contains(tokens[j].lower)
    }

    /// "visiting Vietnamese Party chief To Lam": the visiting person (the adjective before his title).
    func isVisiting(_ p: PersonRef, _ s: Int) -> Bool {
        var j = p.phraseStart - 1
        var n = 0
        while j >= s && n < 2 {
            if lexicon.visitingWords.contains(tokens[j].lower) { return true }
            j -= 1; n += 1
        }
        return false
    }
}
