import Testing
@testable import SyncCore
import TestSupport

@Suite("Unified social credit codes (GB 32100-2015)")
struct CreditCodeTests {
    /// Valid codes, each checked with an independent implementation of GB 32100 before being written here: a real
    /// one (91350100M000100Y43) and the fictional ones of `Fixtures/demo/operators.json`.
    static let valid = [
        "91350100M000100Y43", "92460106L3827451XA", "91460100MA5T8K2Q6F", "92460106L60935281Q",
        "93469023MA5RGW4N9W", "91469023MA5U2H7D1B",
    ]

    /// The 31 characters GB 32100 allows, written out from the standard (no I, O, Z, S, V).
    static let allowed = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    @Test(arguments: valid)
    func aValidCodePasses(code: String) throws {
        #expect(try CreditCode.validate(code) == code)
    }

    @Test func everyOrganisationInTheDemoFixturesHasAValidCode() throws {
        let codes = try demoOperators().compactMap(\.creditCode)
        #expect(codes.count == 9)
        for code in codes {
            #expect(try CreditCode.validate(code) == code)
        }
    }

    @Test(arguments: valid)
    func everySingleCharacterSubstitutionIsRejected(code: String) {
        var checked = 0
        var accepted: [String] = []
        for index in 0..<18 {
            for character in Self.allowed where character != Array(code)[index] {
                var typo = Array(code)
                typo[index] = character
                checked += 1
                do {
                    _ = try CreditCode.validate(String(typo))
                    accepted.append(String(typo))
                } catch let error as TraceSyncError {
                    #expect(error.code == .creditCodeCheck, "\(String(typo))")
                } catch {
                    Issue.record("unexpected error \(error)")
                }
            }
        }
        #expect(checked == 18 * 30)
        #expect(accepted.isEmpty, "typos accepted: \(accepted)")
    }

    @Test(arguments: valid)
    func lowercaseInputIsAcceptedAndUpperCased(code: String) throws {
        #expect(try CreditCode.validate(" " + code.lowercased() + " ") == code)
    }

    @Test(arguments: ["I", "O", "Z", "S", "V", "i", "o", "z", "s", "v"])
    func lettersTheStandardExcludesAreAFormatError(letter: String) {
        for code in Self.valid {
            for index in [1, 8, 17] {
                var characters = Array(code)
                characters[index] = Character(letter)
                let error = #expect(throws: TraceSyncError.self) { try CreditCode.validate(String(characters)) }
                #expect(error?.code == .creditCodeFormat)
            }
        }
    }

    @Test(arguments: ["", "91350100M000100Y4", "91350100M000100Y433", "91350100M000100Y4-", "９1350100M000100Y43"])
    func aCodeThatIsNot18AllowedCharactersIsAFormatError(input: String) {
        let error = #expect(throws: TraceSyncError.self) { try CreditCode.validate(input) }
        #expect(error?.code == .creditCodeFormat)
    }
}
