// Coreference: the person a referring word stands for. A referring word is a personal pronoun ("he", "him",
// "ông", "bà": `subject-pronouns`, `object-pronouns`), a possessive before a visit word ("his first trip to X",
// "Her first solo trip ... took her to Singapore") or a delegation word as a subject ("đoàn sẽ sang Ireland",
// "the delegation then flew to": `delegation-words`). Each becomes a person of its sentence at its own place, so
// choosing the visitor (Visitor.swift) weighs it as it weighs a name: after "received", "đón" it is the guest,
// after "talks with" the other party, after "hosted by" a host.
//
// Whom it stands for, in named steps (`resolve`), by salience:
// 1. `subjectOfSentence`: a subject pronoun or a possessive with no cue before it stands for the subject already
//    named in its own sentence ("He reached Riyadh and spent Saturday in Abu Dhabi, where he met ...", "X thăm
//    Việt Nam, chuyến thăm thứ ba của ông");
// 2. `listPerson`: else, for a subject pronoun in a list item with no one named before it in its sentence, the
//    person the list is about ("- Friday, Oct. 13: In Amman for talks with King Abdullah. Later the same day he
//    is in Doha": not the king; rule coref.list-person);
// 3. `recentSubject`: else, in a sentence about more than a year before, the visitor just recalled ("Cuối tháng
//    6/2019, ông sang Osaka") unless, recalled in an earlier paragraph, another person is the most recent subject
//    of this one ("Alexander Haig is the cautionary tale. In April 1982 he flew to London": not the visitor
//    recalled paragraphs before); else
//    the most recent subject of the sentences before it in its paragraph (rule coref.recent-subject);
// 4. `protagonist`: else the article's protagonist (rule coref.protagonist).
// Steps 2 to 4 never give a person named before the word in its own clause ("Crown Prince X received him": not
// X). In Vietnamese, "ông", "bà" are a subject only at the head of a clause ("Sau Việt Nam, ông
// sẽ thăm"; not "thay mặt ông", "bà con"). First-person and plural pronouns are not in the sets, so a quoted
// speaker's "I", "we" are never resolved.
// Every step takes only persons whose gender fits the pronoun's (`pronoun-genders`: "she" f, "ông" m): a person of
// the other known gender is passed over for the next candidate; one of unknown gender fits (PersonGenders.swift;
// rule coref.gender when that changed whom the word stands for).

/// How a referring word was read: its form (coref.pronoun, coref.possessive, coref.delegation) and the step
/// that found its person (coref.recent-subject, coref.protagonist).
struct Referring: Equatable {
    var form: Rule
    var step: Rule
    /// The pronoun's gender passed over a person salience alone would have chosen (rule coref.gender).
    var byGender = false
}

/// A referring word of a sentence, before it is resolved.
struct ReferringWord {
    var tokens: Range<Int>
    var form: Rule
    /// "he", "ông" (a subject form); not "him", "his", nor a word after a host, guest or party cue.
    var subjectForm: Bool
    /// "she" f, "ông" m (`pronoun-genders`); nil for a delegation word.
    var gender: Gender? = nil
}

/// The subjects of the current paragraph's sentences, most recent last.
struct Salience {
    private(set) var paragraph = -1
    private(set) var subjects: [Int] = []

    /// The country of a title without a name that was the last subject ("The South Korean president flew into
    /// Pyongyang"): a later "he" of the paragraph stands for someone of that country, or for no one known.
    private(set) var unnamedSubjectCountry: String?

    mutating func note(_ entity: Int, paragraph p: Int) {
        if p != paragraph { start(paragraph: p) }
        subjects.removeAll { $0 == entity }
        subjects.append(entity)
        unnamedSubjectCountry = nil
    }

    mutating func noteUnnamed(country: String, paragraph p: Int) {
        if p != paragraph { start(paragraph: p) }
        unnamedSubjectCountry = country
    }

    mutating func start(paragraph p: Int) {
        paragraph = p
        subjects = []
        unnamedSubjectCountry = nil
    }

    /// Whether a person of `country` may be what a referring word of paragraph `p` stands for, by salience.
    func admits(_ country: String?, in p: Int) -> Bool {
        guard p == paragraph, let required = unnamedSubjectCountry else { return true }
        return country == required
    }

    /// The most recent subject of paragraph `p` not in `excluded` that `fits`.
    func recent(in p: Int, excluding excluded: Set<Int>, fits: (Int) -> Bool = { _ in true }) -> Int? {
        guard p == paragraph else { return nil }
        return subjects.last { !excluded.contains($0) && fits($0) }
    }
}

extension PersonRef {
    /// The coreference rules of a person a referring word stands for (none for a name).
    var referringRules: RuleSet {
        guard let r = referring else { return RuleSet() }
        return RuleSet(r.byGender ? [r.form, r.step, .corefGender] : [r.form, r.step])
    }
}

extension EventFinder {
    /// The sentence's mentions with a person for each referring word that could be resolved, in text order.
    mutating func withReferringPersons(_ m: SentenceMentions, _ range: Range<Int>, times: [TaggedTime],
                                       clauseStarts: [Int], countryOf: (Int) -> String?) -> SentenceMentions {
        if salience.paragraph != paragraph { salience.start(paragraph: paragraph) }
        var out = m
        for var word in referringWords(range, m) {
            let k = word.tokens.lowerBound
            if language == .vietnamese && word.form == .corefPronoun && !atClauseHead(k, range, times) { word.subjectForm = false }
            let afterOf = k > range.lowerBound && lexicon.ofWords.contains(tokens[k - 1].lower)
            if afterOf { word.form = .corefPossessive } // "chuyến thăm của ông"
            if language == .vietnamese && word.form == .corefPronoun && !word.subjectForm
                && lexicon.personCue(tokens, before: k, sentenceStart: range.lowerBound) == .none {
                continue // "bà con", "thay mặt ông": not a person of the story
            }
            let cue = lexicon.personCue(tokens, before: k, sentenceStart: range.lowerBound)
            let clauseStart = clauseStarts.last { $0 <= k } ?? range.lowerBound
            let recalled = times.contains { isRecalled($0.start) }
            guard let (entity, step) = resolve(word, cue: cue, out, clauseStart: clauseStart, recalled: recalled, countryOf: countryOf) else { continue }
            var genderless = word
            genderless.gender = nil
            let byGender = word.gender != nil
                && resolve(genderless, cue: cue, out, clauseStart: clauseStart, recalled: recalled, countryOf: countryOf)?.0 != entity
            var p = PersonRef(entity: entity, phraseStart: word.tokens.lowerBound, nameStart: word.tokens.lowerBound,
                              nameEnd: word.tokens.upperBound, titleLevel: nil, titleCountry: nil, historical: false, role: .short)
            p.setCue(cue)
            p.referring = Referring(form: word.form, step: step, byGender: byGender)
            out.persons.append(p)
            out.persons.sort { $0.nameStart < $1.nameStart }
        }
        return out
    }

    /// Whom a referring word stands for, and the step that found him (see the steps above).
    func resolve(_ word: ReferringWord, cue: PersonCue, _ m: SentenceMentions, clauseStart: Int, recalled: Bool,
                 countryOf: (Int) -> String?) -> (Int, Rule)? {
        let fits = { (who: Int) in fitsGender(word, who) }
        let before = m.persons.filter { $0.nameEnd <= word.tokens.lowerBound }
        if word.subjectForm || word.form == .corefPossessive, cue == .none,
           let subject = subjectOfSentence(before.filter { fits($0.entity) }) { return (subject, .corefRecentSubject) }
        let named = Set(before.filter { $0.phraseStart >= clauseStart }.map(\.entity))
        let resolved: (Int, Rule)?
        if word.subjectForm, before.isEmpty, let who = listReferent, fits(who) { resolved = (who, .corefListPerson) }
        else if recalled, let who = recalledVisitor, !named.contains(who), fits(who),
                recalledParagraph == paragraph || salience.recent(in: paragraph, excluding: named, fits: fits).map({ $0 == who }) ?? true {
            resolved = (who, .corefRecentSubject)
        }
        else if let recent = salience.recent(in: paragraph, excluding: named, fits: fits) { resolved = (recent, .corefRecentSubject) }
        else if let who = protagonist, !named.contains(who), fits(who) { resolved = (who, .corefProtagonist) }
        else { resolved = nil }
        // After "The South Korean president flew into Pyongyang and was met by X", "he" is not X.
        guard let resolved, salience.admits(countryOf(resolved.0), in: paragraph) else { return nil }
        return resolved
    }

    /// Whether a person may be what the word stands for by gender: the word has none, the person has none known, or
    /// they agree (rule coref.gender).
    func fitsGender(_ word: ReferringWord, _ who: Int) -> Bool {
        guard let wanted = word.gender, let gender = genderOf(who) else { return true }
        return gender == wanted
    }

    /// The first person of the sentence before the word who is no host, guest or other party and not after "of".
    func subjectOfSentence(_ before: [PersonRef]) -> Int? {
        before.first { p in
            guard !p.hostContext, !p.otherParty, !p.guest else { return false }
            let j = p.phraseStart - 1
            return j < 0 || !lexicon.ofWords.contains(tokens[j].lower)
        }?.entity
    }

    /// The referring words of a sentence: pronouns outside names and titles, possessives before a visit word,
    /// delegation words as subjects.
    func referringWords(_ range: Range<Int>, _ m: SentenceMentions) -> [ReferringWord] {
        var words: [ReferringWord] = []
        var k = range.lowerBound
        while k < range.upperBound {
            let w = tokens[k].lower
            // Most words are no pronoun and start no delegation word: they are passed before the names are looked at.
            let reverent = isReverentPronoun(k, range)
            let candidate = lexicon.subjectPronouns.contains(w) || lexicon.objectPronouns.contains(w) || reverent
                || lexicon.delegationWords.match(tokens, at: k, end: range.upperBound) > 0
            if !candidate || insideName(k, m) { k += 1; continue }
            let gender = lexicon.pronounGenders[w]
            if lexicon.subjectPronouns.contains(w) || reverent, !startsName(after: k, range) {
                words.append(ReferringWord(tokens: k..<k + 1, form: .corefPronoun, subjectForm: true, gender: gender))
            } else if lexicon.objectPronouns.contains(w) {
                if !isPossessive(k, range) {
                    words.append(ReferringWord(tokens: k..<k + 1, form: .corefPronoun, subjectForm: false, gender: gender))
                } else if possessesVisitWord(k, range) {
                    words.append(ReferringWord(tokens: k..<k + 1, form: .corefPossessive, subjectForm: false, gender: gender))
                }
            } else if let n = delegationSubject(at: k, range) {
                words.append(ReferringWord(tokens: k..<k + n, form: .corefDelegation, subjectForm: true))
                k += n
                continue
            }
            k += 1
        }
        return words
    }

    /// The head of a clause: the sentence's start, after punctuation, a time ("Tháng 10/2004 ông"), a sequence word
    /// ("rồi ông"), a clause opener or a subordinator.
    func atClauseHead(_ k: Int, _ range: Range<Int>, _ times: [TaggedTime]) -> Bool {
        guard k > range.lowerBound else { return true }
        let previous = tokens[k - 1]
        if previous.kind != .word || times.contains(where: { $0.tokens.upperBound == k }) { return true }
        return lexicon.sequenceWords.contains(previous.lower) || lexicon.clauseOpeners.contains(previous.lower)
            || lexicon.subordinators.match(tokens, at: k - 1, end: k) > 0
    }

    /// Token `k` is part of a person's phrase ("ông Tập Cận Bình"), a title or a title without a name.
    func insideName(_ k: Int, _ m: SentenceMentions) -> Bool {
        m.persons.contains { $0.phraseStart <= k && k < $0.nameEnd } || m.titles.contains { $0.contains(k) }
            || m.titleOnly.contains { $0.tokens.contains(k) }
    }

    /// "Trong chuyến đi này, Người còn thăm Ba Lan": a `reverent-pronouns` word capitalised inside the sentence (at
    /// its start it is a common word: "Người dân", "Bác sĩ"), not before another capitalised word ("Bác Hồ", "Người
    /// Lao động"), is a subject pronoun.
    func isReverentPronoun(_ k: Int, _ range: Range<Int>) -> Bool {
        k > range.lowerBound && tokens[k].capitalized && lexicon.reverentPronouns.contains(tokens[k].lower)
    }

    /// A capitalised word right after: "ông"/"bà" is then an honorific before a name, not a pronoun.
    func startsName(after k: Int, _ range: Range<Int>) -> Bool {
        k + 1 < range.upperBound && tokens[k + 1].kind == .word && tokens[k + 1].capitalized
    }

    /// "her first trip", "his visit": the word is possessive when a noun-like word follows it; "took her to",
    /// "received her in" are objects. "his" is always possessive.
    func isPossessive(_ k: Int, _ range: Range<Int>) -> Bool {
        guard lexicon.possessivePronouns.contains(tokens[k].lower) else { return false }
        guard lexicon.objectPronouns.contains(tokens[k].lower), k + 1 < range.upperBound else { return true }
        let next = tokens[k + 1]
        if next.kind != .word { return false }
        let w = next.lower
        return !(lexicon.placePrepositions.contains(w) || lexicon.destinationPrepositions.contains(w)
                 || lexicon.coordinators.contains(w) || lexicon.sequenceWords.contains(w))
    }

    /// A visit word within four words after a possessive ("his first trip", "her first big solo trip").
    func possessesVisitWord(_ k: Int, _ range: Range<Int>) -> Bool {
        let end = min(range.upperBound, k + 5)
        return (k + 1..<end).contains { lexicon.visitNouns.match(tokens, at: $0, end: range.upperBound) > 0 }
    }

    /// The length of a delegation word ("đoàn", "phái đoàn", "delegation") used as a subject: followed by a travel,
    /// visit, plan or occurrence word, or a sequence word ("Tiếp đó, đoàn sẽ sang Ireland", "the delegation then
    /// flew to"). Nil otherwise ("đoàn đại biểu Quốc hội", "a business delegation").
    func delegationSubject(at k: Int, _ range: Range<Int>) -> Int? {
        let n = lexicon.delegationWords.match(tokens, at: k, end: range.upperBound)
        guard n > 0, k + n < range.upperBound else { return nil }
        if k > range.lowerBound, tokens[k - 1].kind == .word, !lexicon.definiteFillers.contains(tokens[k - 1].lower),
           tokens[k - 1].lower != Lexicon.theKey, !lexicon.sequenceWords.contains(tokens[k - 1].lower) { return nil }
        let j = k + n, e = range.upperBound, w = tokens[j].lower
        let verb = lexicon.arrivalVerbs.match(tokens, at: j, end: e) > 0 || lexicon.visitVerbs.match(tokens, at: j, end: e) > 0
            || lexicon.occurredCues.match(tokens, at: j, end: e) > 0
            || lexicon.plannedCues.contains(w) || lexicon.sequenceWords.contains(w) || lexicon.presentFutureWords.contains(w)
        return verb ? n : nil
    }

    /// After a sentence: its subject (the visitor of its first visit that is not negated, else its first person who
    /// is no host, guest or other party) is the paragraph's most recent one; a visit recalled from more than a year
    /// before leaves the subject as it was (as it leaves the protagonist).
    mutating func noteSubject(_ c: SentenceContext, visitsBefore: Int) {
        if visits.count > visitsBefore,
           let v = visits[visitsBefore...].first(where: { $0.sentences.first == c.index && $0.status != .negated }) {
            if let start = v.start, isRecalled(start) { return }
            salience.note(v.visitor, paragraph: paragraph)
        } else if let unnamed = unnamedSubject(c) {
            salience.noteUnnamed(country: unnamed, paragraph: paragraph)
        } else if let subject = subjectOfSentence(c.persons.filter { c.country(of: $0) != nil }) {
            salience.note(subject, paragraph: paragraph)
        }
    }

    /// The country of a title without a name heading the sentence before anyone named ("The South Korean
    /// president flew into Pyongyang and was met by X"): the sentence's subject, so X is not.
    func unnamedSubject(_ c: SentenceContext) -> String? {
        guard let title = c.mentions.titleOnly.first(where: { $0.tokens.lowerBound <= c.start + 2 }), let country = title.country,
              !c.persons.contains(where: { $0.phraseStart < title.tokens.lowerBound }) else { return nil }
        return country
    }
}
