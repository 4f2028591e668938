// Stage 3: tokens, paragraphs and sentences. Everything works on the UTF-8 bytes of the NFC text;
// offsets are UTF-8 byte offsets into `Document.text` (what Lua's string.sub and Swift's utf8 views use).

enum TokenKind: UInt8 {
    case word, number, punct, possessive
}

struct Token {
    var start: Int32
    var end: Int32
    var kind: TokenKind
    /// First letter is upper case.
    var capitalized: Bool
    /// First byte (ASCII punctuation and quick tests).
    var first: UInt8
    /// The lexicon's word classes of `lower` (`WordClass` bits), set once per document by `WordClassTable.classify`;
    /// 0 until then. (Declared here, in the padding before `key`: the stride stays 32 bytes.)
    var classes: UInt32 = 0
    /// Folded key of the token alone (names).
    var key: UInt64
    /// Lower-case key keeping diacritics (lexicon words).
    var lower: UInt64 = 0

    var range: Range<Int> { Int(start)..<Int(end) }
    var length: Int { Int(end - start) }
}

/// A paragraph: a run of non-blank text between line breaks.
public struct Paragraph: Sendable, Hashable {
    private var start32, end32, firstSentence32, endSentence32: Int32
    /// UTF-8 byte range in the document's NFC text.
    public var range: Range<Int> { Int(start32)..<Int(end32) }
    /// Indexes of its sentences.
    public var sentences: Range<Int> { Int(firstSentence32)..<Int(endSentence32) }

    public init(range: Range<Int>, sentences: Range<Int>) {
        start32 = Int32(range.lowerBound)
        end32 = Int32(range.upperBound)
        firstSentence32 = Int32(sentences.lowerBound)
        endSentence32 = Int32(sentences.upperBound)
    }
}

/// A sentence with its place in the document.
public struct Sentence: Sendable, Hashable {
    private var start32: Int32
    private var end32: Int32
    private var paragraph32: Int32
    /// UTF-8 byte range in the document's NFC text.
    public var range: Range<Int> { Int(start32)..<Int(end32) }
    public var paragraph: Int { Int(paragraph32) }

    public init(range: Range<Int>, paragraph: Int) {
        start32 = Int32(range.lowerBound)
        end32 = Int32(range.upperBound)
        paragraph32 = Int32(paragraph)
    }
}

enum Tokenizer {
    /// Tokens of `bytes[from..<to]`.
    static func tokenize(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into out: inout [Token]) {
        var i = from
        while i < to {
            let c = b[i]
            // Whitespace.
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C { i += 1; continue }
            if c == 0xC2 && i + 1 < to && b[i + 1] == 0xA0 { i += 2; continue } // no-break space
            let start = i
            if isDigit(c) {
                // Numbers, with separators between digits: 1950, 8-11, 31/1/1950, 19-20/6/2024, 1,000, 80th.
                i += 1
                while i < to {
                    if isDigit(b[i]) { i += 1; continue }
                    let s = b[i]
                    if (s == 0x2D || s == 0x2F || s == 0x2E || s == 0x2C || s == 0x3A) && i + 1 < to && isDigit(b[i + 1]) {
                        i += 2; continue
                    }
                    break
                }
                // Ordinal suffixes and units stuck to the number: 1st, 80th, 3-day.
                while i < to && isASCIILetter(b[i]) { i += 1 }
                if i + 1 < to && b[i] == 0x2D && isASCIILetter(b[i + 1]) {
                    i += 1
                    while i < to && isASCIILetter(b[i]) { i += 1 }
                }
                let keys = Fold.keys(bytes: b, from: start, to: i)
                out.append(Token(start: Int32(start), end: Int32(i), kind: .number, capitalized: false, first: c,
                                 key: keys.folded, lower: keys.lower))
                continue
            }
            let pl = punctLength(b, i, to)
            if pl > 0 {
                // Possessive: ’s or 's after a word.
                if (c == 0x27 || (c == 0xE2 && pl == 3 && b[i + 1] == 0x80 && b[i + 2] == 0x99)),
                   i + pl < to, b[i + pl] == 0x73 || b[i + pl] == 0x53,
                   i + pl + 1 >= to || !isWordByte(b, i + pl + 1, to),
                   let last = out.last, last.end == Int32(i), last.kind == .word {
                    out.append(Token(start: Int32(i), end: Int32(i + pl + 1), kind: .possessive, capitalized: false,
                                     first: 0x27, key: 0, lower: Lexicon.possessiveKey))
                    i += pl + 1
                    continue
                }
                out.append(Token(start: Int32(i), end: Int32(i + pl), kind: .punct, capitalized: false, first: c, key: 0,
                                 lower: Fold.lowerHash(Fold.empty, bytes: b, from: i, to: i + pl)))
                i += pl
                continue
            }
            // A word: letters, digits, marks; internal hyphens and apostrophes (not a possessive 's) kept.
            while i < to {
                if isWordByte(b, i, to) { i += scalarLength(b[i]); continue }
                let s = b[i]
                if s == 0x2D && i + 1 < to && isWordByte(b, i + 1, to) { i += 1; continue }
                if s == 0x27 && i + 1 < to && isWordByte(b, i + 1, to) && !(b[i + 1] | 0x20 == 0x73 && (i + 2 >= to || !isWordByte(b, i + 2, to))) {
                    i += 1; continue
                }
                break
            }
            // Abbreviations with inner dots: U.S., U.K., D.C. (letters of one or two characters).
            if i - start <= 2 && i + 1 < to && b[i] == 0x2E && isASCIILetter(b[i + 1]) {
                var j = i
                while j + 1 < to && b[j] == 0x2E && isASCIILetter(b[j + 1]) {
                    var k = j + 1
                    while k < to && isASCIILetter(b[k]) { k += 1 }
                    if k - j - 1 > 2 { break }
                    j = k
                }
                if j > i && j < to && b[j] == 0x2E { i = j + 1 } else if j > i { i = j }
            }
            // An initial: "George W. Bush", "John F. Kennedy" (one capital, a full stop, then a capitalised word).
            if i - start == 1 && c >= 0x41 && c <= 0x5A && i + 2 < to && b[i] == 0x2E && b[i + 1] == 0x20
                && b[i + 2] >= 0x41 && b[i + 2] <= 0x5A { i += 1 }
            if i == start { i += scalarLength(c) } // defensive: always advance
            let keys = Fold.keys(bytes: b, from: start, to: i) // both keys in one pass over the word
            out.append(Token(start: Int32(start), end: Int32(i), kind: .word, capitalized: isUpperStart(b, start, to),
                             first: c, key: keys.folded, lower: keys.lower))
        }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func scalarLength(_ c: UInt8) -> Int {
        c < 0x80 ? 1 : c & 0xE0 == 0xC0 ? 2 : c & 0xF0 == 0xE0 ? 3 : c & 0xF8 == 0xF0 ? 4 : 1
    }

    /// Bytes of punctuation starting at i (0 if not punctuation).
    @inline(__always) static func punctLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return isASCIILetter(c) || isDigit(c) ? 0 : 1 }
        if c == 0xC2 { return 2 }                                            // U+0080...U+00BF
        if c == 0xC3 && i + 1 < to && (b[i + 1] == 0x97 || b[i + 1] == 0xB7) { return 2 } // × ÷
        if c == 0xE2 && i + 1 < to && (b[i + 1] == 0x80 || b[i + 1] == 0x81) { return 3 } // U+2000...U+207F
        if c == 0xE3 && i + 1 < to && b[i + 1] == 0x80 { return 3 }          // CJK punctuation
        if c == 0xEF && i + 2 < to && b[i + 1] == 0xBF && b[i + 2] == 0xBD { return 0 } // U+FFFD: part of a word
        return 0
    }

    @inline(__always) static func isWordByte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return isASCIILetter(c) || isDigit(c) }
        if c & 0xC0 == 0x80 { return true }
        return punctLength(b, i, to) == 0
    }

    static func isUpperStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return c >= 0x41 && c <= 0x5A }
        var scalar: UInt32
        var len: Int
        if c & 0xE0 == 0xC0 { scalar = UInt32(c & 0x1F); len = 2 }
        else if c & 0xF0 == 0xE0 { scalar = UInt32(c & 0x0F); len = 3 }
        else if c & 0xF8 == 0xF0 { scalar = UInt32(c & 0x07); len = 4 }
        else { return false }
        guard i + len <= to else { return false }
        for k in 1..<len { scalar = scalar << 6 | UInt32(b[i + k] & 0x3F) }
        if scalar < 0x2000 { return upperBelow2000[Int(scalar)] }
        return Unicode.Scalar(scalar)?.properties.isUppercase ?? false
    }

    /// `isUppercase` of every scalar below U+2000 (Latin, Vietnamese, Greek, Cyrillic), read once: the property
    /// lookup cost more than the rest of the tokenizer's work on a capitalised word.
    static let upperBelow2000: [Bool] = (0..<0x2000).map { Unicode.Scalar(UInt32($0))?.properties.isUppercase ?? false }
}

enum Segmenter {
    /// Splits tokens into paragraphs (lines with text) and sentences. `tokens` are the whole document's;
    /// `abbreviations` are the words after which a full stop does not end a sentence (the lexicon's set).
    static func split(_ b: UnsafeBufferPointer<UInt8>, tokens: [Token], abbreviations: KeyTableSet,
                      paragraphs: inout [Paragraph], sentences: inout [Sentence], sentenceTokens: inout [Range<Int>]) {
        var t = 0
        let n = tokens.count
        while t < n {
            // The paragraph is the line holding token t.
            var lineEnd = Int(tokens[t].end)
            while lineEnd < b.count && b[lineEnd] != 0x0A { lineEnd += 1 }
            var lineStart = Int(tokens[t].start)
            var pEnd = t
            while pEnd < n && Int(tokens[pEnd].start) < lineEnd { pEnd += 1 }
            _ = lineStart
            let firstSentence = sentences.count
            var s = t
            var k = t
            while k < pEnd {
                let tok = tokens[k]
                var ends = false
                if tok.kind == .punct && (tok.first == 0x2E || tok.first == 0x21 || tok.first == 0x3F
                    || (tok.first == 0xE2 && tok.length == 3 && b[Int(tok.start) + 2] == 0xA6)) {
                    ends = true
                    // An item number opening a line ("3. 12 March 2019: ...") does not end a sentence.
                    if tok.first == 0x2E && k == t + 1 && tokens[t].kind == .number && tokens[t].length <= 2
                        && tok.start == tokens[t].end { ends = false }
                    if tok.first == 0x2E && k > s {
                        let prev = tokens[k - 1]
                        if prev.end == tok.start && prev.kind == .word
                            && (abbreviations.contains(prev.lower) || (prev.length == 1 && prev.capitalized)) {
                            ends = false
                        }
                    }
                    if ends && k + 1 < pEnd {
                        // Closing quotes and brackets stay with the sentence.
                        var j = k + 1
                        while j < pEnd && tokens[j].kind == .punct && isCloser(b, tokens[j]) && tokens[j].start == tokens[j - 1].end { j += 1 }
                        if j < pEnd {
                            let next = tokens[j]
                            if !(next.capitalized || next.kind == .number || (next.kind == .punct && isOpener(b, next))) {
                                ends = false
                            }
                            if tokens[j].start == tokens[j - 1].end && next.kind != .punct { ends = false } // "3.5", "a.m"
                        }
                        if ends { k = j - 1 }
                    }
                }
                if ends || k == pEnd - 1 {
                    sentences.append(Sentence(range: Int(tokens[s].start)..<Int(tokens[k].end), paragraph: paragraphs.count))
                    sentenceTokens.append(s..<(k + 1))
                    s = k + 1
                }
                k += 1
            }
            paragraphs.append(Paragraph(range: Int(tokens[t].start)..<Int(tokens[pEnd - 1].end),
                                        sentences: firstSentence..<sentences.count))
            lineStart = lineEnd
            t = pEnd
        }
    }

    static func isCloser(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let c = t.first
        if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D { return true }
        if c == 0xE2 && t.length == 3 { let x = b[Int(t.start) + 2]; return x == 0x9D || x == 0x99 }
        return false
    }

    static func isOpener(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let c = t.first
        if c == 0x22 || c == 0x27 || c == 0x28 || c == 0x5B { return true }
        if c == 0xE2 && t.length == 3 { let x = b[Int(t.start) + 2]; return x == 0x9C || x == 0x98 || x == 0x94 }
        return false
    }
}
