import Foundation
import Testing
import SyncCore

@Suite("Error codes as a type")
struct ErrorCodeTests {
    @Test("no two codes share a string, and each string reads back as its code")
    func stringsAreUniqueAndRoundTrip() {
        let strings = TraceSyncError.Code.allCases.map(\.rawValue)
        #expect(Set(strings).count == strings.count)
        for code in TraceSyncError.Code.allCases {
            #expect(TraceSyncError.Code(rawValue: code.rawValue) == code)
            #expect(code.description == code.rawValue)
        }
    }

    @Test("codes keep the strings scripts and devices match")
    func wireStringsAreStable() {
        #expect(TraceSyncError.Code.seqGap.rawValue == "seq_gap")
        #expect(TraceSyncError.Code.integrityViolation.rawValue == "integrity_violation")
        #expect(TraceSyncError.Code.unknownProduct.rawValue == "unknown_product")
        #expect(TraceSyncError.Code.internalError.rawValue == "internal_error")
    }

    @Test("a code encodes as its bare string and decodes from it")
    func codableAsString() throws {
        let data = try JSONEncoder().encode([TraceSyncError.Code.seqGap, .badJson])
        #expect(String(decoding: data, as: UTF8.self) == #"["seq_gap","bad_json"]"#)
        #expect(try JSONDecoder().decode([TraceSyncError.Code].self, from: data) == [.seqGap, .badJson])
    }

    @Test("decoding a string that names no code fails and names the string")
    func unknownStringFailsClearly() {
        #expect(TraceSyncError.Code(rawValue: "no_such_code") == nil)
        do {
            _ = try JSONDecoder().decode(TraceSyncError.Code.self, from: Data(#""no_such_code""#.utf8))
            Issue.record("an unknown code decoded")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("no_such_code"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
