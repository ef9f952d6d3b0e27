import Testing
@testable import SyncCore
import TestSupport

@Suite("Exact decimal quantities and prices")
struct FixedDecimalTests {
    @Test(arguments: [
        ("12", 12_000, "12"), ("12.5", 12_500, "12.5"), ("0.125", 125, "0.125"), ("007.50", 7_500, "7.5"),
        (" 3 ", 3_000, "3"), ("1250.500", 1_250_500, "1250.5"), ("0.001", 1, "0.001"), ("0", 0, "0"),
        ("999999999999.999", 999_999_999_999_999, "999999999999.999"),
    ] as [(String, Int64, String)])
    func aQuantityReadsExactlyAndPrintsWithoutTrailingZeros(text: String, units: Int64, printed: String) throws {
        let quantity = try #require(Quantity(text))
        #expect(quantity.units == units)
        #expect(quantity.description == printed)
        #expect(Quantity(quantity.description) == quantity)
    }

    @Test(arguments: ["", ".", "1.", ".5", "-1", "+1", "1.0001", "1e3", "1,5", "1 000", "１２", "0x10", "1000000000000", "nan"])
    func aQuantityThatIsNotAPlainDecimalIsRefused(text: String) {
        #expect(Quantity(text) == nil)
    }

    @Test func pricesKeepTwoDecimals() {
        #expect(Price("18.6")?.units == 1_860)
        #expect(Price("18.60")?.description == "18.6")
        #expect(Price("0")?.units == 0)
        #expect(Price("18.605") == nil)
    }

    @Test func sumsAreExact() throws {
        let tenth = try #require(Quantity("0.1"))
        let sum = (0..<10).reduce(Quantity.zero) { total, _ in total + tenth }
        #expect(sum == Quantity(units: 1_000))
        #expect(try #require(Quantity("0.1")) + #require(Quantity("0.2")) == #require(Quantity("0.3")))
        #expect((Quantity(units: 1_000) - Quantity(units: 2_500)).description == "-1.5")
        #expect(Quantity(units: -5).description == "-0.005")
        #expect(Quantity(units: 1) > .zero)
    }

    @Test func quantitiesTravelAsDecimalStrings() throws {
        let json = try JSONValue(encoding: [Quantity(units: 1_250_500), Quantity(units: 2_000)])
        #expect(json == .array([.string("1250.5"), .string("2")]))
        #expect(try json.decode([Quantity].self) == [Quantity(units: 1_250_500), Quantity(units: 2_000)])
        #expect(throws: (any Error).self) { try JSONValue.array([.string("1.0001")]).decode([Quantity].self) }
        #expect(throws: (any Error).self) { try JSONValue.array([.integer(1)]).decode([Quantity].self) }
    }
}
