import Testing
@testable import SyncCore
import TestSupport

@Suite("Trace codes")
struct TraceCodeTests {
    static let nodes = ["46010001", "46010002", "46010003", "46900001", "46020007"]

    /// 200+ codes drawn from the whole range of each component, the same on every run.
    static let sample: [TraceCode] = {
        var generator = SeededGenerator(seed: 0x7AC3_C0DE)
        return (0..<240).map { _ in
            let date = String(format2(Int.random(in: 20...99, using: &generator)))
                + format2(Int.random(in: 1...12, using: &generator)) + format2(Int.random(in: 1...28, using: &generator))
            return TraceCode.make(
                node: nodes.randomElement(using: &generator)!, deviceNumber: Int.random(in: 1...999, using: &generator),
                date: date, serial: Int.random(in: 1...99_999, using: &generator)
            )
        }
    }()

    static func format2(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    static func replacing(_ digits: [Character], at index: Int, with digit: Character) -> String {
        var copy = digits
        copy[index] = digit
        return String(copy)
    }

    /// The error code `TraceCode(parsing:)` refuses `input` with; nil when it accepts it.
    static func refusal(_ input: String) -> String? {
        do {
            _ = try TraceCode(parsing: input)
            return nil
        } catch let error as TraceSyncError {
            return error.code.rawValue
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func aCodeHasTheDocumentedLayoutAndMod97CheckDigits() {
        // Check digits 56 worked out by hand: 98 − (4601000100126112400001·100 mod 97).
        let code = TraceCode.make(node: "46010001", deviceNumber: 1, date: "261124", serial: 1)
        #expect(code.digits == "460100010012611240000156")
        #expect(code.grouped == "4601 0001 0012 6112 4000 0156")
    }

    @Test func codesMadeForManyDevicesAreAllDistinct() {
        var seen: Set<String> = []
        var made = 0
        for node in Self.nodes {
            for deviceNumber in [1, 2, 9, 10, 99, 100, 999] {
                for date in ["261124", "261125", "270101", "991231"] {
                    for serial in Array(1...120) + [999, 1_000, 9_999, 10_000, 99_999] {
                        seen.insert(TraceCode.make(node: node, deviceNumber: deviceNumber, date: date, serial: serial).digits)
                        made += 1
                    }
                }
            }
        }
        #expect(made == 5 * 7 * 4 * 125)
        #expect(seen.count == made)
    }

    @Test func everySingleDigitSubstitutionIsRejected() {
        var checked = 0
        var accepted: [String] = []
        var otherReasons: [String] = []
        for code in Self.sample {
            let digits = Array(code.digits)
            for index in digits.indices {
                for digit in "0123456789" where digit != digits[index] {
                    let typo = Self.replacing(digits, at: index, with: digit)
                    checked += 1
                    switch Self.refusal(typo) {
                    case nil: accepted.append(typo)
                    case "trace_code_check", "trace_code_format": break
                    case let other?: otherReasons.append("\(typo): \(other)")
                    }
                }
            }
        }
        #expect(checked == Self.sample.count * 24 * 9)
        #expect(accepted.isEmpty, "typos accepted: \(accepted.prefix(10))")
        #expect(otherReasons.isEmpty, "\(otherReasons.prefix(10))")
    }

    @Test func everySwapOfTwoAdjacentDifferentDigitsIsRejected() {
        var checked = 0
        var accepted: [String] = []
        var otherReasons: [String] = []
        for code in Self.sample {
            let digits = Array(code.digits)
            for index in 0..<(digits.count - 1) where digits[index] != digits[index + 1] {
                var swapped = digits
                swapped.swapAt(index, index + 1)
                checked += 1
                switch Self.refusal(String(swapped)) {
                case nil: accepted.append(String(swapped))
                case "trace_code_check", "trace_code_format": break
                case let other?: otherReasons.append("\(String(swapped)): \(other)")
                }
            }
        }
        #expect(checked > Self.sample.count * 10)
        #expect(accepted.isEmpty, "swaps accepted: \(accepted.prefix(10))")
        #expect(otherReasons.isEmpty, "\(otherReasons.prefix(10))")
    }

    @Test func swapping09And90IsCaughtThoughLuhnWouldMissIt() {
        // Serial 00009 puts "09" at digits 21–22 (1-based); the swap gives serial 00090.
        let code = TraceCode.make(node: "46010001", deviceNumber: 1, date: "261124", serial: 9)
        var digits = Array(code.digits)
        let index = 20
        #expect(digits[index] == "0" && digits[index + 1] == "9")
        digits.swapAt(index, index + 1)
        let swapped = String(digits)

        // The Luhn sum is the same for both, so a Luhn check digit would accept the swap.
        func luhnSum(_ text: String) -> Int {
            text.reversed().enumerated().reduce(0) { sum, pair in
                let value = Int(String(pair.element))!
                let doubled = pair.offset % 2 == 1 ? value * 2 : value
                return sum + (doubled > 9 ? doubled - 9 : doubled)
            }
        }
        #expect(luhnSum(code.digits) % 10 == luhnSum(swapped) % 10)

        let error = #expect(throws: TraceSyncError.self) { try TraceCode(parsing: swapped) }
        #expect(error?.code == .traceCodeCheck)
    }

    @Test func parsingIgnoresSpacesAndDashes() throws {
        for code in Self.sample.prefix(50) {
            #expect(try TraceCode(parsing: code.grouped) == code)
            #expect(try TraceCode(parsing: code.grouped.replacingSpaces(with: "-")) == code)
            let spaced = "  " + String(code.digits.prefix(8)) + " - " + String(code.digits.dropFirst(8)) + " "
            #expect(try TraceCode(parsing: spaced) == code)
        }
    }

    @Test(arguments: [
        "４６０１０００１００１２６１１２４００００１５６", "４６０１　０００１　００１２　６１１２　４０００　０１５６",
        "4601－0001－0012－6112－4000－0156", "460100010012611240000156\n", "\t4601 0001\u{00A0}0012 6112 4000 0156",
    ])
    func fullWidthDigitsAndAnySpaceOrDashBetweenGroupsAreReadAsTheCode(input: String) throws {
        let code = try TraceCode(parsing: input)
        #expect(code.digits == "460100010012611240000156")
        #expect(TraceCode.hasOwnFormat(input))
        #expect(UpstreamCode.key(input) == code.digits, "a supplier's code is read as TraceCode reads it")
    }

    @Test func aFullWidthCodeWithAWrongDigitStillFailsItsCheck() {
        let error = #expect(throws: TraceSyncError.self) { try TraceCode(parsing: "４６０１０００１００１２６１１２４００００１５７") }
        #expect(error?.code == .traceCodeCheck)
    }

    @Test func componentsRoundTrip() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let node = "46" + String(Int.random(in: 100_000...999_999, using: &generator))
            let deviceNumber = Int.random(in: 1...999, using: &generator)
            let date = Self.format2(Int.random(in: 0...99, using: &generator))
                + Self.format2(Int.random(in: 1...12, using: &generator)) + Self.format2(Int.random(in: 1...31, using: &generator))
            let serial = Int.random(in: 1...99_999, using: &generator)
            let code = try TraceCode(parsing: TraceCode.make(node: node, deviceNumber: deviceNumber, date: date, serial: serial).grouped)
            #expect(code.node == node)
            #expect(code.deviceNumber == deviceNumber)
            #expect(code.date == date)
            #expect(code.serial == serial)
        }
    }

    @Test(arguments: [
        "", "46010001001261124000015", "4601000100126112400001560", "4601000100126112400001A6",
        "４６０１０００１００１２６１１２４００００１５", "code 460100010012611240000156", "4601０００１００１２６１１２４００００１５６x",
    ])
    func anInputThatIsNot24DigitsIsAFormatError(input: String) {
        let error = #expect(throws: TraceSyncError.self) { try TraceCode(parsing: input) }
        #expect(error?.code == .traceCodeFormat)
    }

    @Test func codesSortByDigitsAndEncodeAsText() throws {
        let earlier = TraceCode.make(node: "46010001", deviceNumber: 1, date: "261124", serial: 9)
        let later = TraceCode.make(node: "46010001", deviceNumber: 1, date: "261124", serial: 10)
        #expect(earlier < later)
        let json = try JSONValue(encoding: [later])
        #expect(json == .array([.string(later.digits)]))
        #expect(try json.decode([TraceCode].self) == [later])
    }

    @Test func decodingACodeWithABadCheckFails() {
        #expect(throws: (any Error).self) { try JSONValue.array([.string("460100010012611240000165")]).decode([TraceCode].self) }
    }
}

extension String {
    fileprivate func replacingSpaces(with replacement: Character) -> String {
        String(map { $0 == " " ? replacement : $0 })
    }
}
