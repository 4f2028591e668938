import CorpusModel
import LuaBridge

/// Entity mentions as Lua tables (the `EntityMention` shape), with their byte and character offsets.
enum EntityMentions {
    /// Every mention of document `index`, in text order.
    static func push(document index: Int, corpus: Corpus, onto stack: LuaStack) throws {
        let document = corpus.documents[index]
        let mentions = Array(document.mentions)
        try push(mentions.map { (index, $0) }, corpus: corpus, onto: stack)
    }

    /// Every mention of entity `entity`, document by document.
    static func push(entity: Int, corpus: Corpus, onto stack: LuaStack) throws {
        var found: [(Int, EntityMention)] = []
        for (index, document) in corpus.documents.enumerated() {
            for mention in document.mentions where mention.entity == entity { found.append((index, mention)) }
        }
        try push(found, corpus: corpus, onto: stack)
    }

    private static func push(_ mentions: [(document: Int, mention: EntityMention)], corpus: Corpus, onto stack: LuaStack) throws {
        try stack.reserve(6)
        stack.newTable(arrayCount: mentions.count)
        var position = 0
        // Per document: the text once, and character offsets counted in one pass over its bytes.
        var start = 0
        while start < mentions.count {
            let documentIndex = mentions[start].document
            var end = start
            while end < mentions.count, mentions[end].document == documentIndex { end += 1 }
            let document = corpus.documents[documentIndex]
            let group = mentions[start..<end].map(\.mention)
            let texts = document.slices(group.map(\.range))
            let characters = TextOffsets.characterOffsets(of: group.flatMap { [$0.range.lowerBound, $0.range.upperBound] }, in: document.text)
            for (k, mention) in group.enumerated() {
                let sentence = document.sentences[mention.sentence].range
                stack.newTable(recordCount: 11)
                stack.push(entity: mention.entity)
                stack.setField("entity")
                stack.push(document: documentIndex)
                stack.setField("document")
                stack.push(mention.sentence + 1)
                stack.setField("sentence")
                stack.push(texts[k])
                stack.setField("text")
                stack.push(mention.role.rawValue)
                stack.setField("role")
                for (name, value) in [("byte_start", mention.range.lowerBound + 1), ("byte_end", mention.range.upperBound),
                                      ("char_start", characters[2 * k] + 1), ("char_end", characters[2 * k + 1]),
                                      ("sentence_byte_start", mention.range.lowerBound - sentence.lowerBound + 1),
                                      ("sentence_byte_end", mention.range.upperBound - sentence.lowerBound)] {
                    stack.push(value)
                    stack.setField(name)
                }
                position += 1
                stack.setItem(position)
            }
            start = end
        }
    }
}
