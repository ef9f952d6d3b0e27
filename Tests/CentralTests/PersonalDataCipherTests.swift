import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// The sealed form of stored documents: personal values of any type and key are taken out into an envelope the store
/// alone writes, come back byte for byte, and nothing a device sends is taken for sealed data.
@Suite("Personal data envelopes")
struct PersonalDataCipherTests {
    private let cipher = PersonalDataCipher(key: .random())

    @Test(arguments: [
        "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "46010219900315123X",
        "46010219900315123x", "460102199003151234", "460102900315123",
    ])
    func numbersShapedLikeIDsAndPhonesArePersonalWhereverTheyStand(text: String) {
        #expect(PersonalValues.looksPersonal(text))
    }

    @Test(arguments: [
        "46010001", "460106", "OP-46010001-001", "120.5", "1764633600000", "23812345678", "1381234567",
        "460102199003151234567890", "92460106L3827451XA", "0193a2b4-5c6d-7e8f-9012-345678901234", "enc:v1:AAAA",
    ])
    func otherValuesAreNot(text: String) {
        #expect(!PersonalValues.looksPersonal(text))
    }

    @Test(arguments: ["idNumber", "IdNumber", "id_number", "ID-Card", "phone", "Phone", "mobile", "Tel",
                      "contactPhone", "legal representative id number"])
    func membersWithPersonalNamesArePersonalByName(name: String) {
        #expect(PersonalValues.isPersonalName(name))
    }

    @Test func aMessageQuotingAPersonalNumberShowsItMasked() {
        #expect(PersonalValues.masking("the server knows no operator \"13612345678\".") == "the server knows no operator \"136****5678\".")
        #expect(PersonalValues.masking("身份证 46010219900315123X 无效") == "身份证 4601**********123X 无效")
        let plain = "trace code 4601 0001 001 261124 00001 97 on 2026-11-24, entry 12"
        #expect(PersonalValues.masking(plain) == plain)
    }

    @Test func valuesOfAnyTypeAndKeyAreTakenOutAndComeBackByteForByte() throws {
        let sent: JSONValue = .object([
            "id": .string("OP-46010001-903"), "name": .string("吴大海"), "kind": .string("individual"),
            "IdNumber": .string("46010219850721451X"), "Phone": .integer(13_912_345_678),
            "phone": .integer(13_712_345_678), "idNumber": .integer(460_102_199_001_011_234),
            "contacts": .array([.string("王五"), .string("+86 136-1234-5678")]),
            "nested": .object(["tel": .object(["home": .string("66123456")]), "note": .string("无")]),
            "13512345678": .string("a number as a member name"), "stall": .null, "mobile": .null,
        ])
        let sealed = try cipher.seal(sent)
        for number in ["46010219850721451X", "13912345678", "13712345678", "460102199001011234", "136-1234-5678",
                       "66123456", "13512345678", "a number as a member name"] {
            #expect(!sealed.text.contains(number), "\(number) left in the stored text")
        }
        #expect(sealed.text.hasPrefix("{") && sealed.text.contains("吴大海") && sealed.text.contains("王五"))
        let envelope = try #require(sealed.envelope)
        #expect(envelope.hasPrefix(PersonalDataCipher.envelopePrefix))
        let opened = try cipher.open(sealed.text, envelope: envelope)
        #expect(opened == sent)
        #expect(opened.canonicalString == sent.canonicalString)
    }

    @Test func aDeviceStringThatLooksSealedIsSealedLikeAnyOtherAndReadsBackAsSent() throws {
        let forged = "enc:v1:" + Data(repeating: 0, count: 36).base64EncodedString()
        let note = "enc:v1:" + Data(repeating: 1, count: 36).base64EncodedString()
        let sent: JSONValue = .object(["phone": .string(forged), "name": .string("林阿妹"), "note": .string(note)])
        let sealed = try cipher.seal(sent)
        #expect(!sealed.text.contains(forged), "under a personal name it is taken out")
        #expect(sealed.text.contains("\"note\":\"\(note)\""), "elsewhere it is plain text, stored as sent")
        #expect(try cipher.open(sealed.text, envelope: sealed.envelope) == sent)
        let unsealed = try cipher.seal(.object(["note": .string(note)]))
        #expect(unsealed.envelope == nil)
        #expect(try cipher.open(unsealed.text, envelope: nil) == .object(["note": .string(note)]))
    }

    @Test func aDocumentWithoutPersonalValuesIsStoredAsSentWithoutAnEnvelope() throws {
        let sent: JSONValue = .object(["product": .string("100101"), "quantity": .string("120.5"), "time": .integer(1_764_633_600_000)])
        let sealed = try cipher.seal(sent)
        #expect(sealed == PersonalDataCipher.Sealed(text: sent.canonicalString, envelope: nil))
    }

    @Test func anEnvelopeOpensOnlyAgainstTheTextItWasSealedWith() throws {
        let one = try cipher.seal(.object(["name": .string("陈小梅"), "phone": .string("13812345678")]))
        let other = try cipher.seal(.object(["name": .string("林阿妹"), "phone": .string("13912345678")]))
        #expect(throws: TraceSyncError.self) { try cipher.open(other.text, envelope: one.envelope) }
        #expect(throws: TraceSyncError.self) { try PersonalDataCipher(key: .random()).open(one.text, envelope: one.envelope) }
        #expect(throws: TraceSyncError.self) { try cipher.open(one.text, envelope: "pd2:not-base64") }
    }
}
