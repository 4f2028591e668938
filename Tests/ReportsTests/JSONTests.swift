import Foundation
import Testing
@testable import Reports

@Suite("JSON format")
struct JSONTests {
    @Test("round trip: every block kind, provenance, nulls, whole numbers in number columns")
    func roundTrip() throws {
        var r = try Fixtures.everyBlock()
        r.blocks.append(.chart(Fixtures.lineChart))
        r.blocks.append(.table(Table(columns: [Column(key: "x", kind: .number), Column(key: "t")],
                                     rows: [[.number(3), .text("3")], [.number(-0.5), .null], [.number(1e20), .text("")]])))
        let json = render(r, as: .json)
        let back = try Report.decode(json: json)
        #expect(back == r)
        #expect(render(back, as: .json) == json)
    }

    @Test("cells are plain JSON values; keys sorted; provenance params in key order")
    func shape() throws {
        let json = render(try Fixtures.everyBlock(), as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        let table = try #require(blocks.first { $0["type"] as? String == "table" }?["table"] as? [String: Any])
        let rows = try #require(table["rows"] as? [[Any]])
        #expect(rows[0][0] as? String == "Tô Lâm")
        #expect((rows[0][1] as? NSNumber)?.intValue == 2)
        #expect((rows[0][2] as? NSNumber)?.doubleValue == 0.5)
        #expect(rows[1][2] is NSNull)
        #expect(blocks.first?["type"] as? String == "heading")
        let params = try #require(json.range(of: "\"params\""))
        let tail = json[params.upperBound...]
        let order = ["country", "min_level", "status"].map { tail.range(of: "\"\($0)\"")!.lowerBound }
        #expect(order == order.sorted())
        #expect(json.hasSuffix("}\n"))
    }

    @Test("unknown block types are refused when reading")
    func unknownBlock() {
        let json = #"{"title": "T", "blocks": [{"type": "video", "text": "x"}]}"#
        #expect(throws: DecodingError.self) { try Report.decode(json: json) }
    }
}
