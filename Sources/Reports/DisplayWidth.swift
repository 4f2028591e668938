// How many terminal columns a string takes. Swift counts grapheme clusters (characters), which is
// right for Vietnamese written with combining marks ("Lâm" with a combining circumflex is 3 characters
// and 3 columns), but East Asian wide characters take two columns each ("金正恩" is 3 characters and
// 6 columns). This follows the usual wcwidth rules: combining and format characters take none, wide
// and fullwidth characters and emoji take two; everything else, including ambiguous-width characters
// such as box drawing and block elements, takes one.

enum DisplayWidth {
    /// The number of columns `text` takes on a terminal.
    static func of(_ text: String) -> Int {
        // Printable ASCII (most cells): one column a byte, no grapheme breaking or property look-ups.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The width of one grapheme cluster: that of its first scalar with a width, 2 if it asks for emoji
    /// presentation (U+FE0F), 0 for a cluster of only zero-width scalars.
    static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }
            if width == 0 { width = of(scalar) }
        }
        return width
    }

    /// The width of one scalar on its own.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants
        if v == 0x200B { return 0 }                     // zero width space
        return isWide(v) || scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,   // Hangul Jamo initials
             0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
             0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
             0x3400...0x4DBF,   // CJK extension A
             0x4E00...0x9FFF,   // CJK unified ideographs
             0xA000...0xA4CF,   // Yi
             0xA960...0xA97F,   // Hangul Jamo extended A
             0xAC00...0xD7A3,   // Hangul syllables
             0xF900...0xFAFF,   // CJK compatibility ideographs
             0xFE10...0xFE19,   // vertical forms
             0xFE30...0xFE6F,   // CJK compatibility forms, small forms
             0xFF00...0xFF60,   // fullwidth forms
             0xFFE0...0xFFE6,
             0x1B000...0x1B2FF, // Kana supplement and extensions
             0x1F200...0x1F2FF, // enclosed ideographic supplement
             0x20000...0x2FFFD, // CJK extensions B-F
             0x30000...0x3FFFD: // CJK extension G and later
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `width` columns, ending with "…" when something was cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right (left-aligned) or on the left.
    static func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return alignment == .left ? text + fill : fill + text
    }

    /// `text` broken into lines of at most `width` columns at spaces (a word longer than the width is
    /// cut). Existing line breaks are kept.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var w = of(word)
                if lineWidth > 0 && lineWidth + 1 + w > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                // A word wider than a whole line is cut into pieces.
                while w > width {
                    var piece = ""
                    var pw = 0
                    var rest = Substring(word)
                    while let ch = rest.first, pw + of(ch) <= width - lineWidth - (lineWidth > 0 ? 1 : 0) {
                        piece.append(ch); pw += of(ch); rest = rest.dropFirst()
                    }
                    if piece.isEmpty, lineWidth == 0, let ch = rest.first { piece.append(ch); pw = of(ch); rest = rest.dropFirst() }
                    lines.append(lineWidth > 0 ? line + " " + piece : piece)
                    line = ""; lineWidth = 0
                    word = String(rest); w = of(word)
                }
                if word.isEmpty { continue }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += word
                lineWidth += w
            }
            lines.append(line)
        }
        return lines
    }
}
