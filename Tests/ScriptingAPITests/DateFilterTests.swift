import LuaBridge
import ScriptingAPI
import Testing

@Suite("Date filters")
struct DateFilterTests {
    @Test func aYearAnISOTextAndADateAreTheSameBound() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local function n(f) return corpus.visits(f):count() end
            return n{since = 1990}, n{since = "1990"}, n{since = dates.parse("1990")}, n{since = "1990-01-01"},
                   n{["until"] = 1999}, n{through = 1999}, n{through = "1999-12"}, n{}
            """)
        let counts = result.compactMap(\.integerValue)
        #expect(counts.count == 8)
        #expect(counts[0] == counts[1] && counts[1] == counts[2])
        #expect(counts[3] <= counts[0])
        #expect(counts[4] == counts[5] && counts[5] == counts[6])
        #expect(counts[0] > 0 && counts[4] > 0 && counts[0] + counts[4] >= counts[7])
    }

    @Test func untilKeepsTheWholeOfItsYearOrMonth() throws {
        let run = try ScriptRun()
        // Every visit with a month-precise start is kept by `through` its own year and by `since` it.
        let result = try run.run("""
            for v in corpus.visits{} do
              local d = v.start_date
              if d and d.month then
                local kept = corpus.visits{since = d.year, through = d.year}:where(function(w) return w == v end):count()
                local byMonth = corpus.visits{since = d.iso:sub(1, 7), through = d.iso:sub(1, 7)}:where(function(w) return w == v end):count()
                return kept, byMonth, corpus.visits{through = d.year - 1}:where(function(w) return w == v end):count()
              end
            end
            """)
        #expect(result == [.integer(1), .integer(1), .integer(0)])
    }

    @Test func eventsTakeTheSameBounds() throws {
        let run = try ScriptRun()
        let result = try run.run("return corpus.events{since = 2000, through = 2009}:count() == corpus.events{since = '2000', ['until'] = '2009'}:count()")
        #expect(result == [.boolean(true)])
    }

    @Test func badDatesAndBothEndsAreRefused() throws {
        let run = try ScriptRun()
        #expect(luaError { try run.run("corpus.visits{since = 'last year'}") }?.message
            .contains("filter 'since': a year (1990), \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\" or a Date expected") == true)
        #expect(luaError { try run.run("corpus.visits{['until'] = 1990, through = 1991}") }?.message
            .contains("give 'until' or 'through', not both") == true)
        #expect(luaError { try run.run("corpus.visits{throug = 1990}") }?.message
            .contains("unknown filter 'throug' (did you mean 'through'?)") == true)
    }

    @Test func officeAtTakesAYear() throws {
        let run = try ScriptRun()
        let result = try run.run("local e = corpus.entity('Hồ Chí Minh') return e:office_at(1957) ~= nil, e:office_at(1957) ~= nil == (e:office_at('1957') ~= nil)")
        #expect(result == [.boolean(true), .boolean(true)])
    }
}
