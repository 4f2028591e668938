import LuaBridge
import ScriptingAPI
import Testing

@Suite("Entities as keys, mentions with offsets")
struct ModelKeysTests {
    @Test func countByAndGroupByKeyPersonsByEntity() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local q = corpus.visits{ status = "occurred" }
            local counts, groups = q:count_by("visitor"), q:group_by("visitor")
            local byFunction = q:count_by(function(v) return v.visitor end)
            local ok, total = true, 0
            for person, n in pairs(counts) do
              total = total + n
              -- The key is the Entity; its name is what tostring gives.
              ok = ok and type(person) == "userdata" and tostring(person) == person.name and #groups[person] == n
                and byFunction[person] == n
              for _, v in ipairs(groups[person]) do ok = ok and v.visitor == person end
            end
            local sorted = q:sort_by("visitor"):list()
            for i = 2, #sorted do ok = ok and sorted[i - 1].visitor.name <= sorted[i].visitor.name end
            return ok, total == q:count()
            """)
        #expect(result == [.boolean(true), .boolean(true)])
    }

    @Test func mentionsCarryByteAndCharacterOffsets() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local checked, accented = 0, 0
            for _, d in ipairs(corpus.documents()) do
              local text = d.text
              for _, m in ipairs(d.mentions) do
                assert(text:sub(m.byte_start, m.byte_end) == m.text, m.text)
                assert(utf8.offset(text, m.char_start) == m.byte_start, "char_start of " .. m.text)
                assert(utf8.len(text, 1, m.byte_end) == m.char_end, "char_end of " .. m.text)
                assert(d.sentences[m.sentence]:sub(m.sentence_byte_start, m.sentence_byte_end) == m.text)
                assert(m.document == d)
                checked = checked + 1
                if m.char_end - m.char_start + 1 < #m.text then accented = accented + 1 end
              end
            end
            local e = corpus.entity("Tô Lâm")
            local mine = e.mentions
            for _, m in ipairs(mine) do assert(m.entity == e and m.document.text:sub(m.byte_start, m.byte_end) == m.text) end
            return checked, accented, #mine == e.mention_count
            """)
        #expect((result[0].integerValue ?? 0) > 100)
        #expect((result[1].integerValue ?? 0) > 0, "no mention with multi-byte characters was checked")
        #expect(result[2] == .boolean(true))
    }
}
